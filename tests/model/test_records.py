"""The record API: parse_record, to_document, json_schema, index_columns, problems."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cultuurhub.model import (
    InvalidRecord,
    RecordType,
    index_columns,
    json_schema,
    parse_record,
    to_document,
)

EVENT: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Jazz in de tuin"},
    "terms": [{"id": "0.50.4.0.0"}],
    "location": {
        "@id": "https://hub.example/places/6a3c2f5e-8d1b-4c7a-9e2f-1b2c3d4e5f60",
        "address": {
            "nl": {
                "streetAddress": "Dorpsstraat 1",
                "postalCode": "2150",
                "addressLocality": "Borsbeek",
                "addressCountry": "BE",
            }
        },
        "geo": {"latitude": 51.19, "longitude": 4.48},
    },
    "calendarType": "multiple",
    "subEvent": [
        {"startDate": "2026-07-01T20:00:00+02:00", "endDate": "2026-07-01T22:00:00+02:00"},
        {"startDate": "2026-07-08T20:00:00+02:00", "endDate": "2026-07-08T22:00:00+02:00"},
    ],
    "priceInfo": [
        {"category": "base", "name": {"nl": "Basistarief"}, "price": 12, "priceCurrency": "EUR"},
        {
            "category": "tariff",
            "name": {"nl": "Vroegboeker"},
            "price": 9,
            "priceCurrency": "EUR",
            "validThrough": "2026-06-01T00:00:00+02:00",
        },
    ],
}


@pytest.mark.parametrize("record_type", list(RecordType))
def test_json_schema_for_every_type(record_type: RecordType) -> None:
    schema = json_schema(record_type)
    assert schema["type"] == "object"
    assert schema["$id"].endswith(f"/{record_type.value}.json")


def test_record_type_paths() -> None:
    assert [t.path for t in RecordType] == [
        "events",
        "places",
        "organizers",
        "objects",
        "agents",
        "concepts",
    ]


def test_index_columns_of_event() -> None:
    columns = index_columns(parse_record("event", EVENT))
    assert set(columns) == {
        "name",
        "start_at",
        "end_at",
        "municipality_nis",
        "postal_code",
        "latitude",
        "longitude",
    }
    assert columns["name"] == "Jazz in de tuin"
    assert columns["municipality_nis"] == "11002"  # Borsbeek postcode, Antwerpen since 2025
    assert columns["start_at"].isoformat() == "2026-07-01T20:00:00+02:00"
    assert columns["end_at"].isoformat() == "2026-07-08T22:00:00+02:00"
    assert (columns["latitude"], columns["longitude"]) == (51.19, 4.48)


def test_place_derives_municipality() -> None:
    place = parse_record(
        "place",
        {
            "mainLanguage": "nl",
            "name": {"nl": "De Centrale"},
            "terms": [{"id": "Yf4aZBfsUEu2NsQqsprngw"}],
            "address": {
                "nl": {
                    "streetAddress": "Kraankindersstraat 2",
                    "postalCode": "9000",
                    "addressLocality": "Gent",
                    "addressCountry": "BE",
                }
            },
            "calendarType": "permanent",
            "capacity": 450,
        },
    )
    assert to_document(place)["municipalityNis"] == "44021"
    assert index_columns(place)["municipality_nis"] == "44021"


def test_problem_messages_are_plain_language() -> None:
    payload = {**EVENT, "priceInfo": [{"category": "base", "price": -1}]}
    payload.pop("name")
    with pytest.raises(InvalidRecord) as raised:
        parse_record("event", payload)
    problems = {p.field: p for p in raised.value.problems}
    assert problems["name"].message_nl == "Dit veld is verplicht."
    assert problems["name"].message_en == "This field is required."
    assert "priceInfo[0].price" in problems


def test_event_needs_exactly_one_type() -> None:
    payload = {**EVENT, "terms": [{"id": "1.8.2.0.0"}]}
    with pytest.raises(InvalidRecord) as raised:
        parse_record("event", payload)
    assert raised.value.fields == ["terms"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
wire_keys = st.sampled_from(
    ["@id", "mainLanguage", "name", "terms", "location", "calendarType", "subEvent", "priceInfo",
     "address", "title", "prefLabel", "productionDate", "rights", "labels", "hiddenLabels",
     "startDate", "endDate", "attendanceMode", "typicalAgeRange", "workflowStatus", "calendar",
     "type", "theme", "url", "images", "webResources", "creators"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(list(RecordType)),
    st.dictionaries(wire_keys | st.text(max_size=8), json_values, max_size=8),
)
def test_parse_record_raises_only_invalid_record(
    record_type: RecordType, payload: dict[str, Any]
) -> None:
    try:
        record = parse_record(record_type, payload)
    except InvalidRecord as error:
        assert error.problems
        return
    assert isinstance(to_document(record), dict)
