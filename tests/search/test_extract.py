"""Reading the ids of places and organisers from references, as the indexer and the pages do."""

from __future__ import annotations

from uuid import UUID

from cultuurhub.search.extract import ref_id, references
from cultuurhub.store import id_from_uri

PLACE = UUID("0196f1c2-7a3b-7c11-9e5d-2a4f6b8c0d1e")


def test_a_reference_gives_the_uuid_its_uri_ends_with_as_every_reader_reads_it() -> None:
    for uri in (
        f"https://io.uitdatabank.be/places/{PLACE}",
        f"https://demo.cultuurhub.be/places/{PLACE}/",
        f"urn:uuid:{PLACE}",
    ):
        assert ref_id({"@id": uri}) == id_from_uri(uri) == PLACE
        assert ref_id({"@id": uri}) == PLACE  # the second reading comes from the cache


def test_odd_references_give_no_id_and_no_error() -> None:
    odd = [
        None,
        "a place",
        {"@id": None},
        {"@id": {"nested": 1}},
        {"@id": "https://x.be/places/12"},
    ]
    assert [ref_id(value) for value in odd] == [None] * len(odd)
    assert id_from_uri({"unhashable": ["dict"]}) is None
    assert list(
        references({"location": {"@id": f"https://x.be/places/{PLACE}"}, "organizer": 3})
    ) == [PLACE]
