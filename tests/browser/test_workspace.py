"""The workspace in a real Chromium: sign in, upload a CSV with errors, read the findings; axe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.ingest.test_jobs import PROGRAMME
from tests.web.hub import DemoHub

pytestmark = pytest.mark.browser
BLOCKING = {"serious", "critical"}


def _serious(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} at "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


def _sign_in(page: Page, live_server: str, secret: str) -> None:
    page.goto(live_server + "/workspace")
    expect(page).to_have_url(re.compile(r"/workspace/sign-in$"))
    page.get_by_label("API-sleutel van je organisatie").fill(secret)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stadstheater Werkruimtetest")


def test_sign_in_upload_a_csv_with_errors_and_see_the_findings(
    page: Page, live_server: str, demo_hub: DemoHub, screenshots: Path, tmp_path: Path
) -> None:
    store = demo_hub.store
    owner = store.create_organisation("Stadstheater Werkruimtetest", "theater").id
    _, secret = store.create_api_key(owner, ["read", "write"])
    problems = []
    page.goto(live_server + "/workspace/sign-in")
    problems += _serious(page)
    _sign_in(page, live_server, secret)

    page.get_by_role("navigation", name="Menu van de werkruimte").get_by_role(
        "link", name="Importeren"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importeren")
    problems += _serious(page)
    upload = tmp_path / "programma.csv"
    upload.write_bytes(PROGRAMME)
    page.get_by_label("Bestand", exact=True).set_input_files(upload)
    # A dry run: the same findings, and the shared demo hub stays as it was for other tests.
    page.get_by_label("Proefdraai: toon alleen de bevindingen en bewaar niets").first.check()
    page.get_by_role("button", name="Opladen en importeren").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Import van programma.csv")
    # The page refreshes itself (meta refresh) until the import is done.
    findings = page.get_by_role("heading", name="Bevindingen")
    expect(findings).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Proefdraai: er werd niets bewaard.")).to_be_visible()
    rows = page.locator("table.ws-table tbody tr")
    expect(rows.filter(has_text="Rij 3, kolom 'Datum'")).to_have_count(1)
    expect(rows.filter(has_text="Row 3, column 'Datum'")).to_have_count(1)
    expect(rows.filter(has_text="ruimtevaart")).to_have_count(1)
    page.screenshot(path=screenshots / "workspace-findings.png", full_page=True)
    problems += _serious(page)

    page.get_by_label("Ernst").select_option("error")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_text("2 bevindingen")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Rij 3, kolom 'Datum'" in text and "Row 3, column 'Datum'" in text

    page.get_by_role("link", name="Read this page in English").click()
    expect(page.get_by_role("heading", name="Findings")).to_be_visible()
    problems += _serious(page)
    assert not problems, "\n".join(problems)


def test_the_quality_dashboard_and_keys_pages_are_accessible(
    page: Page, live_server: str, demo_hub: DemoHub, screenshots: Path
) -> None:
    store = demo_hub.store
    organisation = next(  # a demo organisation with records, so the dashboard has a chart
        o for o in store.list_organisations() if next(store.owned_documents(o.id), None)
    )
    _, secret = store.create_api_key(organisation.id, ["read", "write"])
    page.goto(live_server + "/workspace/sign-in")
    page.get_by_label("API-sleutel van je organisatie").fill(secret)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(organisation.name)
    problems = _serious(page)
    for path, heading in (
        ("/workspace/quality", "Kwaliteit van je gegevens"),
        ("/workspace/records", "Je records"),
        ("/workspace/duplicates", "Mogelijke dubbels"),
        ("/workspace/keys", "API-sleutels"),
        ("/workspace/webhooks", "Webhooks"),
    ):
        page.goto(live_server + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        if path == "/workspace/quality":
            expect(page.get_by_role("img", name="Verdeling van de scores")).to_be_visible()
            page.screenshot(path=screenshots / "workspace-quality.png", full_page=True)
        problems += _serious(page)
    assert not problems, "\n".join(problems)
