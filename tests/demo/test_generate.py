"""Determinism, proportions, ownership and references of the generated demo."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

import cultuurhub.demo as demo
from cultuurhub.demo import RECORD_TYPES, DemoRecord, demo_counts, demo_organisations, generate
from cultuurhub.model.event import ONLINE_PLACE_ID


def _serialised(records: list[DemoRecord]) -> bytes:
    return json.dumps(
        [(r.type, r.owner_key, r.source_id, r.document) for r in records], ensure_ascii=False
    ).encode()


def test_public_names_equal_all() -> None:
    public = {name for name in vars(demo) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(demo, name)).__name__ == "module"}
    assert public - modules - {"annotations"} == set(demo.__all__)


def test_same_seed_and_size_give_byte_identical_output() -> None:
    assert _serialised(list(generate(1500, seed=7))) == _serialised(list(generate(1500, seed=7)))


def test_different_seeds_differ() -> None:
    first = [r.document["@id"] for r in generate(300, seed=1)]
    second = [r.document["@id"] for r in generate(300, seed=2)]
    assert not set(first) & set(second)


def test_reference_date_moves_the_calendar_not_the_clock() -> None:
    early = list(generate(400, reference=date(2020, 1, 1)))
    starts = [r.document["startDate"][:4] for r in early if "startDate" in r.document]
    assert starts and all("2018" <= year <= "2021" for year in starts)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 10, 99, 1000, 123_457])
def test_counts_add_up(size: int) -> None:
    counts = demo_counts(size)
    total = counts.organizer + counts.place + counts.event + counts.object + counts.agent
    assert total == size


@pytest.mark.parametrize("size", [0, 1, 2, 5, 40])
def test_tiny_demos_generate(size: int) -> None:
    assert sum(1 for _ in generate(size)) == size


def test_proportions_by_type(demo_records: list[DemoRecord]) -> None:
    counts = Counter(record.type for record in demo_records)
    shares = {kind: counts[kind] / len(demo_records) for kind in RECORD_TYPES}
    expected = {"organizer": 0.03, "place": 0.07, "event": 0.65, "object": 0.22, "agent": 0.03}
    for kind, share in expected.items():
        assert share == pytest.approx(shares[kind], abs=0.01), kind


def test_types_come_in_dependency_order(demo_records: list[DemoRecord]) -> None:
    order = [record.type for record in demo_records]
    first = {kind: order.index(kind) for kind in RECORD_TYPES}
    assert first["organizer"] < first["place"] < first["event"]


def test_ids_are_unique_uris(demo_records: list[DemoRecord]) -> None:
    ids = [record.document["@id"] for record in demo_records]
    assert len(set(ids)) == len(ids)
    for record in demo_records:
        collection = record.document["@id"].split("/")[3]
        assert collection == f"{record.type}s"
        assert record.document["@id"].startswith("https://demo.cultuurhub.be/")
    assert len({record.source_id for record in demo_records}) == len(demo_records)


def test_every_record_is_owned_by_an_account_organisation(demo_records: list[DemoRecord]) -> None:
    organisations = demo_organisations(len(demo_records))
    keys = {organisation.key for organisation in organisations}
    assert len(keys) == len(organisations) >= 5
    assert {record.owner_key for record in demo_records} <= keys
    kinds = {organisation.kind for organisation in organisations}
    assert {"museum", "cultuurcentrum", "gemeente", "bibliotheek", "theatergezelschap"} <= kinds


def test_account_organisations_are_organizers(by_type: dict[str, list[DemoRecord]]) -> None:
    websites = {record.document["url"] for record in by_type["organizer"]}
    assert len(websites) == len(by_type["organizer"])
    for organisation in demo_organisations(6000):
        assert organisation.website in websites


def test_references_resolve_to_earlier_records(demo_records: list[DemoRecord]) -> None:
    seen: dict[str, str] = {}
    for record in demo_records:
        document = record.document
        if record.type == "event":
            location = document["location"]["@id"]
            if document.get("attendanceMode") == "online":
                assert location.endswith(ONLINE_PLACE_ID)  # UiTdatabank's online placeholder
            else:
                assert seen[location] == "place"
            assert seen[document["organizer"]["@id"]] == "organizer"
        seen[document["@id"]] = record.type


def test_heritage_holders_are_museum_organizers(by_type: dict[str, list[DemoRecord]]) -> None:
    kinds = {r.document["@id"]: r.document["kind"] for r in by_type["organizer"]}
    for record in by_type["object"]:
        assert kinds[record.document["holder"]["@id"]] == "museum"


def test_organizers_are_owned_by_an_account_in_their_town(
    by_type: dict[str, list[DemoRecord]],
) -> None:
    key_of = {organisation.website: organisation.key for organisation in demo_organisations(6000)}
    town_of = {
        key_of[record.document["url"]]: record.document["address"]["nl"]["addressLocality"]
        for record in by_type["organizer"]
        if record.document["url"] in key_of
    }
    for record in by_type["organizer"]:
        town = record.document["address"]["nl"]["addressLocality"]
        if town in town_of.values():
            assert town_of[record.owner_key] == town


def test_documents_share_no_mutable_parts(demo_records: list[DemoRecord]) -> None:
    owner_of: dict[int, int] = {}

    def walk(value: object, owner: int) -> None:
        if isinstance(value, dict | list):
            assert owner_of.setdefault(id(value), owner) == owner, value
            for child in value.values() if isinstance(value, dict) else value:
                walk(child, owner)

    for index, record in enumerate(demo_records[:3000]):
        walk(record.document, index)
