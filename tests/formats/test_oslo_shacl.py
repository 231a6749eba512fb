"""The OSLO RDF validates against the Cultuurparticipatie SHACL shapes (pyshacl).

The shapes are publiq's corrected copy of the recognised standard (2024-09-11), read from
``../shared/data/oslo/``: their source repository (cultuurnet/uwp-demo-dataproduct) has no licence
file, so they are not copied into this repository (see tests/fixtures/oslo/README.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, SH

from cultuurhub.demo import generate
from cultuurhub.formats import OsloProvenance, oslo_graph
from cultuurhub.formats.oslo_vocabulary import CP, LOCN
from cultuurhub.model import InvalidRecord, RecordType, parse_record, to_document
from cultuurhub.store import id_from_uri
from tests.conftest import shared_data

BASE = "https://hub.example.be"
PROVENANCE = OsloProvenance(
    UUID(int=3), 2, datetime(2026, 1, 5, tzinfo=UTC), datetime(2026, 11, 24, 9, tzinfo=UTC)
)
UITDATABANK = Path(__file__).resolve().parents[3] / "shared/data/uitdatabank"
KINDS = {"events": "event", "places": "place", "organizers": "organizer"}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shared_data("oslo/cultuurparticipatie-shacl.ttl"), format="turtle")


def violations(data: Graph, shapes: Graph) -> list[tuple[str, str, str]]:
    """Return (focus node, path, message) of every violation; empty when the data conforms."""
    conforms, report, text = validate(data, shacl_graph=shapes)
    assert isinstance(report, Graph)
    found = [
        (
            str(report.value(result, SH.focusNode)),
            str(report.value(result, SH.resultPath)),
            str(report.value(result, SH.resultMessage)),
        )
        for result in report.subjects(SH.resultSeverity, SH.Violation)
    ]
    assert conforms == (not found), text
    return found


def demo_graph(size: int) -> tuple[Graph, dict[str, int]]:
    graph, counts = Graph(), {"event": 0, "place": 0, "organizer": 0}
    for record in generate(size, seed=2026):
        if record.type in counts:
            record_id = id_from_uri(record.document["@id"])
            graph += oslo_graph(
                record.type, record_id or uuid4(), record.document, BASE, PROVENANCE
            )
            counts[record.type] += 1
    return graph, counts


def test_demo_events_places_and_organisers_conform(shapes: Graph) -> None:
    graph, counts = demo_graph(600)
    assert counts["event"] > 300 and counts["place"] > 20 and counts["organizer"] > 10
    assert violations(graph, shapes) == []


def test_demo_records_without_store_provenance_conform(shapes: Graph) -> None:
    for record in generate(60, seed=99):
        if record.type in ("event", "place", "organizer"):
            graph = oslo_graph(record.type, uuid4(), record.document, BASE)
            assert violations(graph, shapes) == [], record.document.get("name")


def first_demo(kind: str) -> dict[str, Any]:
    return next(r.document for r in generate(60, seed=2026) if r.type == kind)


@pytest.mark.parametrize(
    ("kind", "drop", "path"),
    [
        ("event", "name", DCTERMS.title),
        ("place", "address", LOCN.address),
        ("place", "name", LOCN.locatorName),
        ("organizer", "name", CP["Realisator.naam"]),
    ],
)
def test_an_incomplete_record_violates_the_shapes(
    shapes: Graph, kind: str, drop: str, path: URIRef
) -> None:
    complete = first_demo(kind)
    record_id = uuid4()
    assert violations(oslo_graph(kind, record_id, complete, BASE, PROVENANCE), shapes) == []
    incomplete = {key: value for key, value in complete.items() if key != drop}
    found = violations(oslo_graph(kind, record_id, incomplete, BASE, PROVENANCE), shapes)
    assert [(focus, result_path) for focus, result_path, _ in found] == [
        (f"{BASE}/{RecordType(kind).path}/{record_id}", str(path))
    ]


def test_two_themes_would_violate_so_only_one_is_published(shapes: Graph) -> None:
    event = first_demo("event")
    themes = [{"id": "1.8.1.0.0", "domain": "theme"}, {"id": "1.8.2.0.0", "domain": "theme"}]
    graph = oslo_graph("event", uuid4(), {**event, "terms": event["terms"] + themes}, BASE)
    assert violations(graph, shapes) == []
    assert len(list(graph.objects(None, CP.thema))) == 1


# --- real UiTdatabank records ----------------------------------------------------------------


def _filled(text: str) -> str:
    """Fill udb3-backend's ``%{...}`` test placeholders."""
    values = {
        "baseUrl": "https://io-test.uitdatabank.be",
        "startDate": "2026-06-01T10:00:00+02:00",
        "endDate": "2026-06-01T18:00:00+02:00",
        "childcareStart": "08:30",
        "childcareEnd": "18:30",
    }
    return re.sub(
        r"%\{(\w+)\}",
        lambda m: values.get(m.group(1), "6a3c2f5e-8d1b-4c7a-9e2f-1b2c3d4e5f60"),
        text,
    )


def uitdatabank_payloads() -> Iterator[tuple[str, str]]:
    for folder, kind in KINDS.items():
        for path in sorted((UITDATABANK / "entry-payloads" / folder).glob("*.json")):
            yield kind, f"entry-payloads/{folder}/{path.name}"
    for kind in KINDS.values():
        yield kind, f"examples/{kind}-with-read-example.json"


PAYLOADS = list(uitdatabank_payloads()) or [("event", "examples/event-with-read-example.json")]


@pytest.mark.parametrize(("kind", "relative"), PAYLOADS)
def test_uitdatabank_records_map_and_conform(shapes: Graph, kind: str, relative: str) -> None:
    loaded = json.loads(_filled(shared_data(f"uitdatabank/{relative}").read_text("utf-8")))
    payload = loaded["examples"][0] if relative.startswith("examples/") else loaded
    try:
        document = to_document(parse_record(kind, payload))
    except InvalidRecord:
        # rejected by the model (tests/model/test_uitdatabank_payloads.py says why), so never
        # stored; the raw payload still maps without an error
        assert len(oslo_graph(kind, uuid4(), payload, BASE, PROVENANCE)) > 10
        return
    graph = oslo_graph(kind, uuid4(), document, BASE, PROVENANCE)
    assert len(graph) > 15
    assert violations(graph, shapes) == []
