"""Completeness scores: what each rule sees, what advice a record gets, the organisation report."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.quality import RULES, quality_report, score
from cultuurhub.store import RecordDraft, Store

COMPLETE_PLACE: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Cultuurcentrum De Schakel"},
    "description": {"nl": "Een warm cultuurcentrum in het hart van Waregem, met een grote zaal, "
                          "een foyer en een atelier voor workshops en repetities."},
    "address": {"nl": {"addressCountry": "BE", "postalCode": "8790",
                       "addressLocality": "Waregem", "streetAddress": "Schakelstraat 8"}},
    "geo": {"latitude": 50.8876, "longitude": 3.4262},
    "mediaObject": [{"contentUrl": "https://example.be/zaal.jpg"}],
    "contactPoint": {"email": ["info@deschakel.be"]},
    "terms": [{"id": "3.23.3.0.0", "domain": "facility", "label": "Rolstoel ter beschikking"}],
}  # fmt: skip


def test_rule_weights_add_up_per_type() -> None:
    for record_type, rules in RULES.items():
        assert sum(rule.weight for rule in rules) == 100, record_type


def test_a_complete_place_scores_100() -> None:
    assert score("place", COMPLETE_PLACE).score == 100


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"geo": {"latitude": 48.85, "longitude": 2.35}}, "coordinates"),  # Paris
        ({"description": {"nl": "Te kort."}}, "description"),
        ({"mediaObject": []}, "image"),
        ({"municipalityNis": "11002"}, "postcode"),  # 8790 is not in Antwerpen
        ({"contactPoint": {"email": ["geen-adres"]}}, "reachable"),
    ],
)
def test_each_problem_costs_its_points_and_says_what_to_do(
    change: dict[str, Any], rule: str
) -> None:
    result = score("place", {**COMPLETE_PLACE, **change})
    weight = next(r.weight for r in RULES["place"] if r.id == rule)
    assert result.score == 100 - weight
    assert [a.rule for a in result.advice] == [rule]
    assert result.advice[0].points == weight and result.advice[0].hint_nl


def test_event_prices_and_dates() -> None:
    event = {
        "priceInfo": [{"category": "base", "price": 10}, {"category": "base", "price": 5}],
        "calendarType": "single",
        "startDate": "2026-12-12T20:00:00+01:00",
        "endDate": "2026-12-12T19:00:00+01:00",
    }
    missing = {a.rule for a in score("event", event).advice}
    assert {"price", "dates", "name", "location"} <= missing


def test_heritage_needs_rights_on_every_image() -> None:
    document = {"rights": "http://rightsstatements.org/vocab/InC/1.0/",
                "webResources": [{"url": "https://x.be/a.jpg"}]}  # fmt: skip
    assert "rights" in {a.rule for a in score("object", document).advice}


def test_odd_shapes_never_crash() -> None:
    assert score("event", {"priceInfo": "gratis", "subEvent": [1], "terms": None}).score >= 0


def test_report_and_api_for_the_owner_only(store: Store) -> None:
    owner = store.create_organisation("CC De Schakel", "cultuurcentrum").id
    store.put(RecordDraft("place", owner, COMPLETE_PLACE), "t")
    store.put(RecordDraft("place", owner, {"name": {"nl": "Zaaltje"}}), "t")
    report = quality_report(store.owned_documents(owner))
    assert report.records == 2 and report.distribution["80-100"] == 1
    assert report.fix_first[0]["score"] < 20 and report.problems
    _, secret = store.create_api_key(owner, ["read"])
    other = store.create_organisation("Ander", "museum").id
    _, other_secret = store.create_api_key(other, ["read"])
    with TestClient(create_app(store)) as client:
        url = f"/organisations/{owner}/quality"
        assert client.get(url, headers={"X-Api-Key": secret}).json()["records"] == 2
        assert client.get(url, headers={"X-Api-Key": other_secret}).status_code == 403
        assert client.get(url).status_code == 403
        unknown = client.get(f"/organisations/{uuid4()}/quality", headers={"X-Api-Key": secret})
        assert unknown.status_code == 403


def test_an_organiser_s_own_images_count() -> None:
    organiser = {"mainLanguage": "nl", "name": {"nl": "Muziekcentrum"}}
    advised = {a.rule for a in score("organizer", organiser).advice}
    image = {"@id": f"https://io.uitdatabank.be/images/{uuid4()}",
             "contentUrl": "https://example.be/logo.png"}  # fmt: skip
    for field, value in (("images", [image]), ("mainImage", "https://example.be/logo.png")):
        with_image = {a.rule for a in score("organizer", {**organiser, field: value}).advice}
        assert "image" in advised and with_image == advised - {"image"}, field
