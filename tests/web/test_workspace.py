"""The workspace over HTTP: signing in and out, CSRF, imports and findings, quality, records."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from cultuurhub.ingest import (
    ImportOptions,
    JobRequest,
    JobSettings,
    import_file,
    reader_for,
    submit_upload,
)
from cultuurhub.quality import quality_report
from cultuurhub.store import ImportJobs, Store
from tests.ingest.test_jobs import PROGRAMME
from tests.web.workspace_support import (
    organisation_key,
    sign_in,
    token,
    wait_for_job,
    workspace_client,
)


@pytest.fixture
def workspace(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with workspace_client(store, monkeypatch) as client:
        yield client


def test_pages_send_strangers_to_the_sign_in_form(workspace: TestClient) -> None:
    for path in ("/workspace", "/workspace/imports", "/workspace/quality", "/workspace/keys"):
        answer = workspace.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/workspace/sign-in"
    form = workspace.get("/workspace/sign-in")
    assert "Aanmelden in de werkruimte" in form.text and 'type="password"' in form.text
    assert form.headers["cache-control"] == "no-store"
    english = workspace.get("/workspace/sign-in?lang=en")
    assert "Sign in to the workspace" in english.text and '<html lang="en">' in english.text


def test_sign_in_sets_a_safe_cookie_and_sign_out_ends_it(
    workspace: TestClient, store: Store
) -> None:
    _, secret = organisation_key(store)
    form = workspace.get("/workspace/sign-in")
    answer = workspace.post(
        "/workspace/sign-in", data={"key": secret, "csrf": token(form.text)},
        follow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303
    cookie = next(
        header for header in answer.headers.get_list("set-cookie")
        if header.startswith("cultuurhub_session=")
    )  # fmt: skip
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/workspace" in cookie
    assert "Max-Age=28800" in cookie and secret not in cookie
    overview = workspace.get("/workspace")
    assert "Aangemeld als CC Gent" in overview.text
    out = workspace.post("/workspace/sign-out", data={"csrf": token(overview.text)})
    assert "Je bent afgemeld." in out.text
    assert workspace.get("/workspace", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    ("scopes", "message"),
    [(("read",), "schrijf- of beheerrechten"), (None, "onbekend of ingetrokken")],
)
def test_only_write_or_admin_keys_open_the_workspace(
    workspace: TestClient, store: Store, scopes: tuple[str, ...] | None, message: str
) -> None:
    secret = organisation_key(store, scopes=scopes)[1] if scopes else "ch_0000_nope"
    form = workspace.get("/workspace/sign-in")
    refused = workspace.post("/workspace/sign-in", data={"key": secret, "csrf": token(form.text)})
    assert refused.status_code == 401 and message in refused.text
    assert "cultuurhub_session" not in workspace.cookies


def test_forms_without_the_right_token_are_refused(workspace: TestClient, store: Store) -> None:
    owner, secret = organisation_key(store)
    form = workspace.get("/workspace/sign-in")
    forged = workspace.post("/workspace/sign-in", data={"key": secret, "csrf": "guess"})
    assert forged.status_code == 403 and "kwam niet van deze site" in forged.text
    del form
    sign_in(workspace, secret)
    keys_before = len(workspace.get("/workspace/keys").text.split("<code>"))
    for data in ({"scope_read": "true"}, {"scope_read": "true", "csrf": "wrong"}):
        refused = workspace.post("/workspace/keys", data=data)
        assert refused.status_code == 403 and "kwam niet van deze site" in refused.text
    page = workspace.get("/workspace/keys")
    other_site = workspace.post(
        "/workspace/keys", data={"scope_read": "true", "csrf": token(page.text)},
        headers={"Origin": "https://evil.example"},
    )  # fmt: skip
    assert other_site.status_code == 403
    assert len(workspace.get("/workspace/keys").text.split("<code>")) == keys_before
    assert len(store.list_organisations()) == 1 and owner


def test_a_tampered_or_revoked_session_is_refused(workspace: TestClient, store: Store) -> None:
    _, secret = organisation_key(store)
    sign_in(workspace, secret)
    cookie = workspace.cookies["cultuurhub_session"]
    body, signature = cookie.split(".")
    forged = f"{body}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    for value, status in ((forged, 303), ("nonsense", 303), (cookie, 200)):
        workspace.cookies.clear()
        workspace.cookies.set("cultuurhub_session", value)
        assert workspace.get("/workspace", follow_redirects=False).status_code == status
    key = store.authenticate(secret)
    assert key is not None
    store.revoke_api_key(key.id)
    assert workspace.get("/workspace", follow_redirects=False).status_code == 303


def test_upload_a_csv_with_errors_and_read_the_findings(
    workspace: TestClient, store: Store
) -> None:
    _, secret = organisation_key(store)
    sign_in(workspace, secret)
    form = workspace.get("/workspace/imports")
    assert 'enctype="multipart/form-data"' in form.text
    answer = workspace.post(
        "/workspace/imports",
        data={"csrf": token(form.text)},
        files={"file": ("programma.csv", PROGRAMME, "text/csv")},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    location = answer.headers["location"]
    wait_for_job(store, UUID(location.rsplit("/", 1)[1]))
    page = workspace.get(location)
    assert 'http-equiv="refresh"' not in page.text
    assert "Rij 3, kolom &#39;Datum&#39;" in page.text and "31/02/2026" in page.text
    assert "Row 3, column &#39;Datum&#39;" in page.text  # the other language beside it
    assert "Kwaliteitsscore" in page.text and "4 bevindingen" in page.text
    errors = workspace.get(location, params={"severity": "error"})
    assert "2 bevindingen" in errors.text and "Kwaliteitsscore" not in errors.text
    by_field = workspace.get(location, params={"field": "Datum"})
    assert "1 bevindingen" in by_field.text
    english = workspace.get(location, params={"lang": "en"})
    assert "Findings" in english.text and "Row 3, column &#39;Datum&#39;" in english.text
    download = workspace.get(f"{location}/findings.csv", params={"severity": "error"})
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text.lstrip("\ufeff")), delimiter=";"))
    assert [row["line"] for row in rows] == ["3", "4"]
    assert rows[0]["messageNl"].startswith("Rij 3") and rows[0]["messageEn"].startswith("Row 3")
    assert store.counts_by_type() == {"event": 2}


def test_a_running_import_refreshes_itself(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    owner, secret = organisation_key(store)
    job = submit_upload(store, JobRequest(owner), "programma.csv", PROGRAMME, JobSettings())
    with workspace_client(store, monkeypatch, worker=False) as client:
        sign_in(client, secret)
        page = client.get(f"/workspace/imports/{job.id}")
    assert '<meta http-equiv="refresh" content="2">' in page.text
    assert "wacht op zijn beurt" in page.text


def test_a_running_import_says_how_far_it_has_come(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner, secret = organisation_key(store)
    job = submit_upload(store, JobRequest(owner), "programma.csv", PROGRAMME, JobSettings())
    jobs = ImportJobs(store)
    assert jobs.claim(job.id) is not None
    with workspace_client(store, monkeypatch, worker=False) as client:
        sign_in(client, secret)
        told = []
        for done, total in ((10_000, None), (20_000, None), (24_000, 24_000)):
            jobs.progress(job.id, done, total, "storing")  # batches stored while reading goes on
            told.append(client.get(f"/workspace/imports/{job.id}").text)
        english = client.get(f"/workspace/imports/{job.id}", params={"lang": "en"}).text
    assert "20000 records bewaard; het bestand wordt nog gelezen" in told[1]
    assert "24000 van 24000 records bewaard" in told[2]
    assert "24000 of 24000 records stored" in english


def test_another_organisations_import_is_not_found(workspace: TestClient, store: Store) -> None:
    other, _ = organisation_key(store, "Museum Brugge")
    job = submit_upload(store, JobRequest(other), "programma.csv", PROGRAMME, JobSettings())
    _, secret = organisation_key(store)
    sign_in(workspace, secret)
    assert workspace.get(f"/workspace/imports/{job.id}").status_code == 404
    assert workspace.get(f"/workspace/imports/{job.id}/findings.csv").status_code == 404


def test_a_refused_upload_says_why(workspace: TestClient, store: Store) -> None:
    _, secret = organisation_key(store)
    sign_in(workspace, secret)
    form = workspace.get("/workspace/imports")
    refused = workspace.post(
        "/workspace/imports", data={"csrf": token(form.text)},
        files={"file": ("programma.pdf", b"%PDF", "application/pdf")},
    )  # fmt: skip
    assert refused.status_code == 422 and "onbekend bestandstype" in refused.text
    assert 'role="alert"' in refused.text


def test_the_quality_dashboard_draws_the_distribution(workspace: TestClient, store: Store) -> None:
    owner, secret = organisation_key(store)
    options = ImportOptions(owner, "programma.csv")
    import_file(store, reader_for("programma.csv"), PROGRAMME, "programma.csv", options)
    report = quality_report(store.owned_documents(owner))
    sign_in(workspace, secret)
    page = workspace.get("/workspace/quality").text
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="ws-chart-name ws-chart-desc"' in svg
    assert svg.count('<rect class="bar"') == 5
    band = next(band for band, count in report.distribution.items() if count)
    assert f"{band}: {report.distribution[band]}" in svg  # the description says every number
    table = page[page.index("Records per scoreband") :]
    assert f'<th scope="row">{band}</th><td class="num">{report.distribution[band]}</td>' in table
    assert "Wat het vaakst ontbreekt" in page and "Voeg een afbeelding toe." in page
    english = workspace.get("/workspace/quality?lang=en").text
    assert "Add an image." in english


def test_records_are_listed_with_their_workflow_status(workspace: TestClient, store: Store) -> None:
    owner, secret = organisation_key(store)
    options = ImportOptions(owner, "programma.csv")
    import_file(store, reader_for("programma.csv"), PROGRAMME, "programma.csv", options)
    sign_in(workspace, secret)
    page = workspace.get("/workspace/records").text
    assert "2 records" in page and "Hamlet" in page and "Klad" in page
    assert re.search(r'href="/activiteiten/[0-9a-f-]{36}">Jazz op zondag', page)
    approved = workspace.get("/workspace/records", params={"status": "approved"}).text
    assert "0 records" in approved
    places = workspace.get("/workspace/records", params={"type": "place"}).text
    assert "0 records" in places


def test_keys_are_made_once_shown_and_revoked(workspace: TestClient, store: Store) -> None:
    owner, secret = organisation_key(store)
    sign_in(workspace, secret)
    page = workspace.get("/workspace/keys")
    assert "Beheer (de hele hub)" not in page.text  # a write key cannot hand out admin
    made = workspace.post("/workspace/keys", data={"scope_read": "true", "csrf": token(page.text)})
    secret_shown = re.search(r'<code class="ws-secret">(ch_[^<]+)</code>', made.text)
    assert secret_shown is not None
    new_key = store.authenticate(secret_shown.group(1))
    assert new_key is not None and new_key.scopes == {"read"} and new_key.organisation_id == owner
    assert secret_shown.group(1) not in workspace.get("/workspace/keys").text
    admin = workspace.post(
        "/workspace/keys", data={"scope_admin": "true", "csrf": token(page.text)}
    )
    assert admin.status_code == 403 and "beheerder" in admin.text
    revoked = workspace.post(
        f"/workspace/keys/{new_key.id}/revoke", data={"csrf": token(page.text)}
    )
    assert "De sleutel is ingetrokken" in revoked.text
    assert store.authenticate(secret_shown.group(1)) is None
    other, _ = organisation_key(store, "Museum Brugge")
    foreign, _ = store.create_api_key(other, ["read"])
    refused = workspace.post(
        f"/workspace/keys/{foreign.id}/revoke", data={"csrf": token(page.text)}
    )
    assert refused.status_code == 404


def test_webhooks_are_listed(workspace: TestClient, store: Store) -> None:
    from datetime import UTC, datetime

    from cultuurhub.store import NewWebhook, create_webhook

    owner, secret = organisation_key(store)
    key = store.authenticate(secret)
    assert key is not None
    hook = NewWebhook(
        owner, key.id, "https://www.ccgent.be/hooks", "s3cret", {"types": ["events"]}, 0
    )
    create_webhook(store, hook, datetime.now(UTC))
    sign_in(workspace, secret)
    page = workspace.get("/workspace/webhooks").text
    assert "https://www.ccgent.be/hooks" in page and "types: events" in page
    assert "s3cret" not in page
