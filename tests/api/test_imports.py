"""``/imports`` over HTTP: upload or register, follow the job, read the findings as JSON or CSV."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.config import get_settings
from cultuurhub.store import Store
from tests.ingest.test_jobs import PROGRAMME
from tests.ingest.test_oaipmh import Reply, serve


@pytest.fixture
def client(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("CULTUURHUB_IMPORT_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("CULTUURHUB_IMPORT_POLL_SECONDS", "0.1")
    monkeypatch.setenv("CULTUURHUB_RATE_LIMIT_PER_KEY", "0")
    get_settings.cache_clear()
    with TestClient(create_app(store)) as test_client:
        yield test_client
    get_settings.cache_clear()


def key(store: Store, name: str = "CC Gent", scopes: tuple[str, ...] = ("read", "write")) -> str:
    owner = store.create_organisation(name, "cultuurcentrum").id
    return store.create_api_key(owner, scopes)[1]


def upload(client: TestClient, secret: str, data: bytes = PROGRAMME, **fields: str) -> Any:
    files = {"file": ("programma.csv", data, "text/csv")}
    return client.post("/imports", files=files, data=fields, headers={"X-Api-Key": secret})


def finished(client: TestClient, secret: str, location: str) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(location, headers={"X-Api-Key": secret}).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"the job at {location} did not finish")


def test_upload_runs_in_the_background_and_reports_findings(
    client: TestClient, store: Store
) -> None:
    secret = key(store)
    response = upload(client, secret)
    assert response.status_code == 202, response.text
    location = response.headers["Location"]
    assert location == f"/imports/{response.json()['id']}"
    assert response.json()["status"] == "queued"
    job = finished(client, secret, location)
    assert job["status"] == "done" and job["error"] is None
    summary = job["summary"]
    assert (summary["created"], summary["rejected"], summary["errors"]) == (2, 2, 2)
    assert summary["averageScore"] > 0 and summary["info"] == 2
    assert store.counts_by_type() == {"event": 2}

    errors = client.get(
        f"{location}/findings", params={"severity": "error"}, headers={"X-Api-Key": secret}
    ).json()
    assert errors["total"] == 2
    date = next(f for f in errors["findings"] if f["line"] == 3)
    assert (date["field"], date["file"]) == ("Datum", "programma.csv")
    assert date["messageNl"].startswith("Rij 3, kolom 'Datum'")
    assert date["messageEn"].startswith("Row 3, column 'Datum'")
    by_field = client.get(
        f"{location}/findings", params={"field": "soort"}, headers={"X-Api-Key": secret}
    ).json()
    assert [f["line"] for f in by_field["findings"]] == [4]
    images = client.get(
        f"{location}/findings", params={"field": "image"}, headers={"X-Api-Key": secret}
    ).json()
    assert {f["severity"] for f in images["findings"]} == {"info"} and images["total"] == 2


def test_findings_download_as_csv(client: TestClient, store: Store) -> None:
    secret = key(store)
    location = upload(client, secret).headers["Location"]
    finished(client, secret, location)
    download = client.get(f"{location}/findings.csv", headers={"X-Api-Key": secret})
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    assert download.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(download.text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 4  # two errors, two quality scores
    row3 = next(r for r in rows if r["line"] == "3")
    assert row3["severity"] == "error" and row3["field"] == "Datum"
    assert "Rij 3" in row3["messageNl"] and "Row 3" in row3["messageEn"]
    negotiated = client.get(
        f"{location}/findings?severity=error",
        headers={"X-Api-Key": secret, "Accept": "text/csv"},
    )
    assert negotiated.headers["content-type"].startswith("text/csv")
    assert len(negotiated.text.strip().splitlines()) == 3  # the header and two errors


def test_a_dry_run_stores_nothing(client: TestClient, store: Store) -> None:
    secret = key(store)
    location = upload(client, secret, dryRun="true").headers["Location"]
    job = finished(client, secret, location)
    assert job["dryRun"] is True and job["summary"]["created"] == 0
    assert job["summary"]["errors"] == 2
    assert store.changes_since(0) == []


def test_a_mapping_file_travels_as_a_file_part_in_the_editor_s_encoding(
    client: TestClient, store: Store
) -> None:
    from tests.cli.test_commands import EXPORT, MAPPING

    secret = key(store)
    files = {
        "file": ("export.csv", EXPORT.encode(), "text/csv"),
        "mapping": ("mapping.yaml", MAPPING.encode("cp1252"), "application/yaml"),  # Notepad
    }
    response = client.post("/imports", files=files, headers={"X-Api-Key": secret})
    assert response.status_code == 202, response.text
    job = finished(client, secret, response.headers["Location"])
    assert (job["summary"]["created"], job["summary"]["rejected"]) == (1, 0), job
    for mapping, said in (
        (b"columns: [unclosed\n", "Geen geldige YAML"),
        (b"# " + b"x" * 100_001, "hoogstens 100,000 bytes"),
    ):
        files["mapping"] = ("mapping.yaml", mapping, "application/yaml")
        refused = client.post("/imports", files=files, headers={"X-Api-Key": secret})
        assert refused.status_code == 422, refused.text
        assert "Mappingbestand / mapping file" in refused.json()["detail"]
        assert said in refused.json()["detail"]


def test_an_uploaded_calendar_takes_a_default_type(client: TestClient, store: Store) -> None:
    from tests.cli.test_commands import CALENDAR

    secret = key(store)
    files = {"file": ("agenda.ics", CALENDAR.encode(), "text/calendar")}
    headers = {"X-Api-Key": secret}
    response = client.post("/imports", files=files, data={"defaultType": "lezing"}, headers=headers)
    assert response.status_code == 202, response.text
    job = finished(client, secret, response.headers["Location"])
    assert (job["summary"]["created"], job["summary"]["rejected"]) == (1, 0), job
    unknown = client.post("/imports", files=files, data={"defaultType": "xyz"}, headers=headers)
    assert unknown.status_code == 422 and "not a known event type" in unknown.json()["detail"]


def test_a_registered_url_is_imported_from_a_local_server(client: TestClient, store: Store) -> None:
    def feed(_: dict[str, str]) -> Reply:
        return 200, {"Content-Type": "text/calendar"}, ICS

    secret = key(store)
    with serve(feed) as server:
        response = client.post(
            "/imports",
            json={"url": f"{server.url}/agenda", "everyHours": 24},
            headers={"X-Api-Key": secret},
        )
        assert response.status_code == 202, response.text
        job = finished(client, secret, response.headers["Location"])
    assert job["status"] == "done", job
    assert job["kind"] == "url" and job["everyHours"] == 24
    assert job["summary"]["created"] == 1
    [(_, kind, document)] = list(store.owned_documents(UUID(job["organisation"])))
    assert kind == "event" and document["name"]["nl"] == "Open repetitie"
    stopped = client.delete(f"/imports/{job['id']}/schedule", headers={"X-Api-Key": secret})
    assert stopped.json()["everyHours"] is None


ICS = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:repetitie-1@test
DTSTART;TZID=Europe/Brussels:20261012T200000
DTEND;TZID=Europe/Brussels:20261012T220000
SUMMARY:Open repetitie
LOCATION:Theaterzaal, Kouter 29, 9000 Gent
CATEGORIES:Concert
END:VEVENT
END:VCALENDAR
"""


def test_access_needs_a_write_key_of_the_organisation(client: TestClient, store: Store) -> None:
    owner_key = key(store)
    reader_key = key(store, "Bib Gent", ("read",))
    other_key = key(store, "Museum Brugge")
    assert upload(client, "").status_code == 401
    refused = upload(client, reader_key)
    assert refused.status_code == 403 and "schrijfrechten" in refused.json()["detail"]
    location = upload(client, owner_key).headers["Location"]
    finished(client, owner_key, location)
    for path in (location, f"{location}/findings", f"{location}/findings.csv"):
        other = client.get(path, headers={"X-Api-Key": other_key})
        assert other.status_code == 403, path
        assert "andere organisatie" in other.json()["detail"]
        assert client.get(path).status_code == 401
    own = client.get("/imports", headers={"X-Api-Key": owner_key}).json()["imports"]
    assert [job["links"]["self"] for job in own] == [location]
    assert client.get("/imports", headers={"X-Api-Key": other_key}).json()["imports"] == []
    stop = client.delete(f"{location}/schedule", headers={"X-Api-Key": other_key})
    assert stop.status_code == 403


def test_bad_requests_are_problems(
    client: TestClient, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = key(store)
    unknown = client.post(
        "/imports",
        files={"file": ("programma.pdf", b"%PDF-1.4", "application/pdf")},
        headers={"X-Api-Key": secret},
    )
    assert unknown.status_code == 422
    assert unknown.headers["content-type"] == "application/problem+json"
    assert "onbekend bestandstype" in unknown.json()["detail"]
    plain = client.post("/imports", content=b"hello", headers={"X-Api-Key": secret})
    assert plain.status_code == 415
    missing = client.post(
        "/imports", json={"url": "ftp://example.be/x"}, headers={"X-Api-Key": secret}
    )
    assert missing.status_code == 422 and "http(s)" in missing.json()["detail"]
    monkeypatch.setenv("CULTUURHUB_MAX_UPLOAD_BYTES", "100")
    get_settings.cache_clear()
    large = upload(client, secret)
    assert large.status_code == 413 and "groter dan 100 bytes" in large.json()["detail"]
    assert client.get(f"/imports/{UUID(int=7)}", headers={"X-Api-Key": secret}).status_code == 404


def test_the_openapi_document_describes_both_bodies() -> None:
    from fastapi import FastAPI

    from cultuurhub.api import imports

    app = FastAPI()
    app.include_router(imports.router)
    operation = app.openapi()["paths"]["/imports"]["post"]
    assert set(operation["requestBody"]["content"]) == {"multipart/form-data", "application/json"}


def test_forms_are_read_as_browsers_send_them() -> None:
    from cultuurhub.api.imports_forms import FormError, parse_form

    boundary = "----WebKitFormBoundaryAbCdEf012345"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\ntok\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="programma.csv"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        + PROGRAMME
        + f"\r\n--{boundary}--\r\n".encode()
    )
    form = parse_form(body, f"multipart/form-data; boundary={boundary}")
    assert form.fields == {"csrf": "tok"}
    assert form.files["file"].filename == "programma.csv" and form.files["file"].data == PROGRAMME
    encoded = parse_form(b"key=ch_a%2Bb&dryRun=on&key=second", "Application/X-WWW-Form-Urlencoded")
    assert encoded.fields == {"key": "ch_a+b", "dryRun": "on"} and encoded.flag("dryRun")
    with pytest.raises(FormError):
        parse_form(b"{}", "application/json")
