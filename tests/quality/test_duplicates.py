"""Duplicate detection: places, organizers, events and heritage objects, clustered per owner."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from cultuurhub.quality.duplicates import Candidate, Cluster, find_duplicates, review_list

OWNER = UUID(int=1)
OTHER_OWNER = UUID(int=2)


def _id(number: int) -> UUID:
    return UUID(int=1000 + number)


def _place(number: int, name: str, street: str, lat: float, lon: float, **extra: Any) -> Candidate:
    document = {
        "name": {"nl": name},
        "address": {
            "nl": {"streetAddress": street, "postalCode": "9000", "addressLocality": "Gent"}
        },
        "geo": {"latitude": lat, "longitude": lon},
        **extra,
    }
    return Candidate(_id(number), "place", OWNER, document)


def _only(clusters: list[Cluster]) -> Cluster:
    assert len(clusters) == 1, clusters
    return clusters[0]


def test_near_duplicate_places_are_found() -> None:
    # 0.00018 degrees of latitude is about 20 m.
    first = _place(1, "Théâtre Zuidpool", "Kortrijksesteenweg 12", 51.04, 3.72)
    second = _place(2, "theatre ZUIDPOOL", "Kortrijksesteenweg 12", 51.04018, 3.72)
    cluster = _only(find_duplicates([first, second]))
    assert set(cluster.members) == {_id(1), _id(2)}
    assert cluster.same_owner
    assert cluster.score >= 0.85
    assert "naam 100 % gelijk / name 100 % alike" in cluster.reasons
    assert "20 m van elkaar / 20 m apart" in cluster.reasons


def test_distinct_places_in_the_same_postcode_are_not_clustered() -> None:
    places = [
        _place(1, "Sint-Baafskathedraal", "Sint-Baafsplein 1", 51.0530, 3.7270),
        _place(2, "Vooruit", "Sint-Pietersnieuwstraat 23", 51.0480, 3.7280),
        _place(3, "Handelsbeurs Concertzaal", "Kouter 29", 51.0500, 3.7230),
    ]
    assert find_duplicates(places) == []


def test_places_without_postcode_are_blocked_on_geo() -> None:
    documents = [
        {"name": {"nl": "De Centrale"}, "geo": {"latitude": 51.0601, "longitude": 3.7381}},
        {"name": {"nl": "de centrale"}, "geo": {"latitude": 51.0602, "longitude": 3.7382}},
    ]
    candidates = [Candidate(_id(n), "place", OWNER, doc) for n, doc in enumerate(documents)]
    assert len(_only(find_duplicates(candidates)).members) == 2


def _organizer(number: int, name: str, url: str, postcode: str = "2000") -> Candidate:
    document = {"name": {"nl": name}, "url": url, "address": {"nl": {"postalCode": postcode}}}
    return Candidate(_id(number), "organizer", OWNER, document)


def test_organizers_with_the_same_website_domain() -> None:
    first = _organizer(1, "Cultuurcentrum Berchem", "http://www.ccberchem.be/agenda", "2600")
    second = _organizer(2, "CC Berchem vzw", "https://ccberchem.be", "2018")
    third = _organizer(3, "Zuiderpershuis", "https://www.zuiderpershuis.be", "2000")
    cluster = _only(find_duplicates([first, second, third]))
    assert set(cluster.members) == {_id(1), _id(2)}
    assert cluster.reasons == ("zelfde website / same website",)
    assert cluster.score == 1.0


def test_organizers_on_shared_hosts_are_not_matched_by_domain() -> None:
    first = _organizer(1, "Fanfare Sint-Cecilia", "https://www.facebook.com/fanfare", "9000")
    second = _organizer(2, "Toneelkring De Vrede", "https://facebook.com/devrede", "9000")
    assert find_duplicates([first, second]) == []


def test_organizers_by_name_in_the_same_postcode() -> None:
    first = _organizer(1, "Koninklijke Harmonie Sint-Cecilia", "")
    second = _organizer(2, "Koninklijke Harmonie Sint Cecilia", "")
    assert len(_only(find_duplicates([first, second])).members) == 2


def _event(number: int, title: str, location: str, start: str) -> Candidate:
    document = {"name": {"nl": title}, "location": {"@id": location}, "startDate": start}
    return Candidate(_id(number), "event", OWNER, document)


def test_events_at_the_same_place_on_the_same_day_with_alike_titles() -> None:
    place = "https://io.uitdatabank.be/place/abc"
    events = [
        _event(1, "Jazz in het park: Ghent Big Band", place, "2026-07-04T20:00:00+02:00"),
        _event(2, "Jazz in het Park - Ghent Big Band", place, "2026-07-04T20:30:00+02:00"),
        _event(3, "Jazz in het park: Ghent Big Band", place, "2026-07-05T20:00:00+02:00"),
        _event(4, "Jazz in het park: Ghent Big Band", "https://other/place", "2026-07-04T20:00"),
    ]
    cluster = _only(find_duplicates(events))
    assert set(cluster.members) == {_id(1), _id(2)}


def test_events_use_the_first_subevent_day() -> None:
    place = "https://io.uitdatabank.be/place/abc"
    sub = {"subEvent": [{"startDate": "2026-03-02T10:00"}, {"startDate": "2026-03-01T10:00"}]}
    first = Candidate(_id(1), "event", OWNER, {"name": {"nl": "Kinderatelier"}, **sub})
    first.document["location"] = {"@id": place}
    second = _event(2, "Kinderatelier", place, "2026-03-01T14:00")
    assert len(_only(find_duplicates([first, second])).members) == 2


def _heritage(number: int, title: str, number_text: str, holder: str, creator: str) -> Candidate:
    document = {
        "title": {"nl": title},
        "objectNumber": number_text,
        "holder": {"name": holder},
        "creators": [{"agent": {"name": creator}}],
    }
    return Candidate(_id(number), "object", OWNER, document)


def test_heritage_objects_by_object_number_and_holder() -> None:
    first = _heritage(1, "Portret van een vrouw", "1998-K-12", "MSK Gent", "Anoniem")
    second = _heritage(2, "Vrouwenportret", "1998-k-12", "MSK Gent", "onbekend")
    third = _heritage(3, "Landschap", "1998-K-12", "M Leuven", "Jan Verhas")
    cluster = _only(find_duplicates([first, second, third]))
    assert set(cluster.members) == {_id(1), _id(2)}
    assert "zelfde objectnummer en bewaarder / same object number and holder" in cluster.reasons


def test_heritage_objects_by_creator_and_title() -> None:
    first = _heritage(1, "De Schelde bij Antwerpen", "A1", "MAS", "Emile Claus")
    second = _heritage(2, "De Schelde bij Antwerpen.", "B7", "KMSKA", "Émile Claus")
    assert len(_only(find_duplicates([first, second])).members) == 2


def test_cross_owner_cluster_is_flagged_and_left_for_review() -> None:
    first = _organizer(1, "Muziekcentrum De Bijloke", "https://www.bijloke.be")
    second = Candidate(
        _id(2), "organizer", OTHER_OWNER, _organizer(2, "Bijloke", "bijloke.be").document
    )
    cluster = _only(find_duplicates([first, second]))
    assert not cluster.same_owner
    [entry] = review_list([cluster])
    assert entry["same_owner"] is False
    assert "never merge" in entry["action"]
    assert json.loads(json.dumps(entry)) == entry


def test_canonical_is_the_most_complete_then_the_oldest() -> None:
    sparse = _place(1, "Het Depot", "Martelarenplein 12", 50.88, 4.71)
    full = _place(
        2, "Het Depot", "Martelarenplein 12", 50.88, 4.71, url="https://hetdepot.be", capacity=900
    )
    assert _only(find_duplicates([sparse, full])).canonical == _id(2)
    twin = _place(3, "Het Depot", "Martelarenplein 12", 50.88, 4.71)
    assert _only(find_duplicates([twin, sparse])).canonical == _id(1)


def test_review_list_names_the_duplicates_apart_from_the_canonical() -> None:
    first = _place(1, "Het Depot", "Martelarenplein 12", 50.88, 4.71)
    second = _place(2, "Het depot", "Martelarenplein 12", 50.88, 4.71)
    [entry] = review_list(find_duplicates([first, second]))
    assert entry["canonical"] == str(_id(1))
    assert entry["duplicates"] == [str(_id(2))]
    assert entry["action"] == "review"


def test_organizers_on_one_city_portal_or_social_subdomain_are_not_one_site() -> None:
    city = _organizer(1, "Stad Antwerpen", "https://www.antwerpen.be", "2000")
    mas = _organizer(2, "Museum aan de Stroom", "https://www.antwerpen.be/mas", "2000")
    permeke = _organizer(3, "Bibliotheek Permeke", "https://www.antwerpen.be/permeke/", "2060")
    club = _organizer(4, "Jeugdhuis De Kelder", "https://m.facebook.com/jhdekelder", "9000")
    band = _organizer(5, "Harmonie Sint-Cecilia", "https://m.facebook.com/harmonie", "9000")
    again = _organizer(6, "MAS", "http://antwerpen.be/mas/nl", "2000")
    cluster = _only(find_duplicates([city, mas, permeke, club, band, again]))
    assert set(cluster.members) == {_id(2), _id(6)}  # only the MAS twice


def test_one_holder_s_objects_with_two_numbers_or_an_unknown_maker_are_two_objects() -> None:
    first = _heritage(1, "Portret van een vrouw", "2001.1", "MSK Gent", "Jan Verhas")
    second = _heritage(2, "Portret van een vrouw", "2001.2", "MSK Gent", "Jan Verhas")
    third = _heritage(3, "Zonder titel", "X.3", "MAS", "onbekend")
    fourth = _heritage(4, "Zonder titel", "Y.4", "KMSKA", "Onbekend")
    assert find_duplicates([first, second, third, fourth]) == []
