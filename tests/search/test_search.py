"""Search over a real store (SQLite and PostgreSQL): Dutch words, filters, facets, geo, sorts."""

from __future__ import annotations

import gc
import math
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any
from uuid import UUID

import orjson
import pytest

from cultuurhub.model import RecordType, parse_record
from cultuurhub.search import QueryError, SearchIndex, SearchQuery
from cultuurhub.store import Store, draft_from_record

BASE = "https://demo.cultuurhub.be"
GENT = (51.0543, 3.7174)


def _place(
    store: Store, owner: UUID, name: str, postcode: str, locality: str, lat: float, lon: float
) -> UUID:
    document = {
        "mainLanguage": "nl", "name": {"nl": name},
        "address": {"nl": {"addressCountry": "BE", "addressLocality": locality,
                           "postalCode": postcode, "streetAddress": "Kerkstraat 1"}},
        "geo": {"latitude": lat, "longitude": lon},
        "calendarType": "permanent",
        "terms": [{"id": "8.48.0.0.0", "label": "Theater", "domain": "eventtype"}],
        "workflowStatus": "APPROVED",
    }  # fmt: skip
    record = parse_record(RecordType.PLACE, document)
    return store.put(draft_from_record(RecordType.PLACE, record, owner), "test").id


def _event(store: Store, owner: UUID, place: UUID, name: str, **extra: Any) -> UUID:
    document: dict[str, Any] = {
        "mainLanguage": "nl", "name": {"nl": name},
        "terms": [{"id": "0.50.4.0.0", "label": "Concert", "domain": "eventtype"}],
        "location": {"@id": f"{BASE}/places/{place}"},
        "calendarType": "single",
        "startDate": "2026-12-12T20:00:00+01:00", "endDate": "2026-12-12T22:00:00+01:00",
        "workflowStatus": "APPROVED",
    }  # fmt: skip
    document.update(extra)
    record = parse_record(RecordType.EVENT, document)
    return store.put(draft_from_record(RecordType.EVENT, record, owner), "test").id


@pytest.fixture
def hub(store: Store) -> dict[str, Any]:
    owner = store.create_organisation("Cultuurcentrum", "cultuurcentrum").id
    vooruit = _place(store, owner, "Vooruit", "9000", "Gent", 51.0480, 3.7278)
    bijloke = _place(store, owner, "De Bijloke", "9000", "Gent", 51.0450, 3.7150)
    aalst = _place(store, owner, "Cultuurcentrum De Werf", "9300", "Aalst", 50.9387, 4.0392)
    antwerpen = _place(store, owner, "De Roma", "2140", "Antwerpen", 51.2100, 4.4400)
    ids = {
        "concert": _event(store, owner, vooruit, "Concert van het Gents Symfonieorkest",
                          description={"nl": "Een avond vol klassieke muziek in de grote zaal."},
                          priceInfo=[{"category": "base", "name": {"nl": "Basistarief"},
                                      "price": 18.0, "priceCurrency": "EUR"}]),
        "cafe": _event(store, owner, bijloke, "Repair Café Bijloke",
                       startDate="2026-12-19T14:00:00+01:00",
                       endDate="2026-12-19T17:00:00+01:00",
                       terms=[{"id": "0.3.1.0.1", "label": "Cursus met open sessies",
                               "domain": "eventtype"}],
                       priceInfo=[{"category": "base", "name": {"nl": "Basistarief"},
                                   "price": 0.0, "priceCurrency": "EUR"}],
                       typicalAgeRange="6-12"),
        "expo": _event(store, owner, aalst, "Tentoonstelling: concerten in beeld",
                       calendarType="periodic",
                       startDate="2026-12-01T00:00:00+01:00",
                       endDate="2027-01-31T23:59:59+01:00",
                       openingHours=[{"opens": "10:00", "closes": "17:00",
                                      "dayOfWeek": ["saturday", "sunday"]}],
                       terms=[{"id": "0.0.0.0.0", "label": "Tentoonstelling",
                               "domain": "eventtype"}]),
        "roma": _event(store, owner, antwerpen, "Jazz in De Roma",
                       startDate="2027-01-08T20:30:00+01:00",
                       endDate="2027-01-08T23:00:00+01:00", labels=["jazzfestival"]),
        "draft": _event(store, owner, vooruit, "Concert in voorbereiding", workflowStatus="DRAFT"),
    }  # fmt: skip
    index = SearchIndex()
    index.sync(store)
    return {"store": store, "index": index, "ids": ids, "owner": owner,
            "places": {"vooruit": vooruit, "aalst": aalst}}  # fmt: skip


def _ids(hub: dict[str, Any], **ask: Any) -> set[str]:
    result = hub["index"].search(SearchQuery(kinds=("events",), **ask))
    names = {value: key for key, value in hub["ids"].items()}
    return {names[hit.id] for hit in result.hits}


def test_dutch_words_are_stemmed_folded_and_all_required(hub: dict[str, Any]) -> None:
    assert _ids(hub, text="concerten") == {"concert", "expo", "roma"}  # roma: type Concert
    assert _ids(hub, text="repair cafe") == {"cafe"}  # é folded
    assert _ids(hub, text="concert aalst") == {"expo"}  # every word must match (place town)
    assert _ids(hub, text="klassieke muziek") == {"concert"}  # description
    assert _ids(hub, text='"symfonieorkest gents"') == set()  # phrase order matters
    assert _ids(hub, text='"gents symfonieorkest"') == {"concert"}
    assert _ids(hub, text="de het een") == {"concert", "cafe", "expo", "roma"}  # stop words only


def test_drafts_stay_out_of_public_search(hub: dict[str, Any]) -> None:
    assert "draft" not in _ids(hub, text="concert")
    assert _ids(hub, text="voorbereiding", workflow=("DRAFT",)) == {"draft"}


def test_filters(hub: dict[str, Any]) -> None:
    assert _ids(hub, municipalities=("44021",)) == {"concert", "cafe"}  # Gent
    assert _ids(hub, provinces=("10000",)) == {"roma"}  # province Antwerpen
    assert _ids(hub, event_types=("0.0.0.0.0",)) == {"expo"}
    assert _ids(hub, free=True) == {"cafe"}
    assert _ids(hub, price_min=10, price_max=20) == {"concert"}
    assert _ids(hub, age=8) >= {"cafe"}
    assert "cafe" not in _ids(hub, age=15)
    assert _ids(hub, labels=("jazzfestival",)) == {"roma"}
    assert _ids(hub, places=(str(hub["places"]["aalst"]),)) == {"expo"}


def test_dates_match_occurrences_and_opening_days(hub: dict[str, Any]) -> None:
    assert _ids(hub, date_from=date(2026, 12, 12), date_to=date(2026, 12, 12)) == {
        "concert", "expo",  # a Saturday: the exhibition is open on Saturdays
    }  # fmt: skip
    # Wednesday 16 December: nothing happens, the exhibition is closed on weekdays.
    assert _ids(hub, date_from=date(2026, 12, 16), date_to=date(2026, 12, 16)) == set()
    assert _ids(hub, date_from=date(2027, 1, 1)) == {"expo", "roma"}
    assert _ids(hub, date_to=date(2026, 11, 30)) == set()
    with pytest.raises(QueryError):
        _ids(hub, date_from=date(2027, 1, 2), date_to=date(2027, 1, 1))


def test_a_permanent_offer_matches_any_dates_on_its_opening_days(hub: dict[str, Any]) -> None:
    store: Store = hub["store"]
    museum = _event(
        store, hub["owner"], hub["places"]["aalst"], "Vaste collectie", calendarType="permanent",
        startDate=None, endDate=None,
        openingHours=[{"opens": "10:00", "closes": "17:00", "dayOfWeek": ["wednesday"]}],
    )  # fmt: skip
    hub["index"].sync(store)
    hub["ids"]["museum"] = museum
    wednesday, thursday = date(2026, 12, 16), date(2026, 12, 17)
    assert _ids(hub, date_from=wednesday, date_to=wednesday) == {"museum"}
    assert _ids(hub, date_from=thursday, date_to=thursday) == set()
    assert "museum" in _ids(hub, date_from=date(2031, 5, 1))  # years ahead
    assert "museum" in _ids(hub, date_to=date(2020, 1, 1))  # and years ago
    assert "museum" in _ids(hub, date_from=date(2026, 12, 1), date_to=date(2026, 12, 31))


def test_geo_distance_is_exact_and_sorts(hub: dict[str, Any]) -> None:
    lat, lon = GENT
    assert _ids(hub, latitude=lat, longitude=lon, distance_km=2) == {"concert", "cafe"}
    assert _ids(hub, latitude=lat, longitude=lon, distance_km=30) == {"concert", "cafe", "expo"}
    result = hub["index"].search(
        SearchQuery(
            kinds=("events",), latitude=lat, longitude=lon, distance_km=100, sort="distance"
        )
    )
    distances = [hit.distance_km for hit in result.hits]
    assert distances == sorted(distances) and len(distances) == 4
    # Aalst lies 25.9 km from the centre of Gent: inside 26 km, outside 25.5 km.
    assert "expo" in _ids(hub, latitude=lat, longitude=lon, distance_km=26)
    assert "expo" not in _ids(hub, latitude=lat, longitude=lon, distance_km=25.5)
    assert _ids(hub, bbox=(3.6, 51.0, 3.8, 51.1)) == {"concert", "cafe"}


def test_facets_count_the_hits(hub: dict[str, Any]) -> None:
    result = hub["index"].search(SearchQuery(kinds=("events",), facets=("types", "regions")))
    types = {value.label: value.count for value in result.facets["types"]}
    assert types == {"Concert": 2, "Cursus met open sessies": 1, "Tentoonstelling": 1}
    regions = {value.label: value for value in result.facets["regions"]}
    assert regions["Oost-Vlaanderen"].count == 3
    assert {child.label: child.count for child in regions["Oost-Vlaanderen"].children} == {
        "Gent": 2, "Aalst": 1,
    }  # fmt: skip
    assert regions["Antwerpen"].count == 1


def test_date_sort_and_cursor_pages_reach_every_hit_once(hub: dict[str, Any]) -> None:
    index: SearchIndex = hub["index"]
    first = index.search(SearchQuery(kinds=("events",), sort="date", limit=2))
    starts = [hit.start for hit in first.hits]
    assert first.total == 4 and starts == sorted(starts)
    assert first.next_cursor
    second = index.search(
        SearchQuery(kinds=("events",), sort="date", limit=2, cursor=first.next_cursor)
    )
    seen = [hit.id for hit in first.hits + second.hits]
    assert len(set(seen)) == 4
    newest = index.search(SearchQuery(kinds=("events",), sort="date", descending=True, limit=1))
    assert newest.hits[0].id == hub["ids"]["roma"]


@pytest.mark.parametrize(
    ("sort", "descending", "start"),
    [("date", False, 0), ("date", True, 1), ("modified", True, 0), ("date", False, 499)],
)
def test_a_sorted_page_with_facets_is_the_page_without_them(
    hub: dict[str, Any], sort: str, descending: bool, start: int
) -> None:
    """With facets a date or modified page comes from the same pass as the facets: it must be
    the very page, total and next cursor of the search without facets."""
    index: SearchIndex = hub["index"]
    ask = {"kinds": ("events", "places"), "sort": sort, "descending": descending,
           "start": start, "limit": 2}  # fmt: skip
    plain = index.search(SearchQuery(**ask))  # type: ignore[arg-type]
    faceted = index.search(SearchQuery(**ask, facets=("types", "regions")))  # type: ignore[arg-type]
    assert [hit.id for hit in faceted.hits] == [hit.id for hit in plain.hits]
    assert faceted.hits == plain.hits
    assert (faceted.total, faceted.next_cursor) == (plain.total, plain.next_cursor)
    by_relevance = index.search(
        SearchQuery(kinds=("events", "places"), sort="relevance", facets=("types", "regions"))
    )  # the facets counted on their own, as before
    assert faceted.facets == by_relevance.facets and faceted.total == by_relevance.total == 8
    nothing = index.search(SearchQuery(text="onvindbaar", sort="date", facets=("types",)))
    assert (nothing.total, nothing.hits, nothing.facets) == (0, [], {"types": []})


def test_changes_reach_the_index(hub: dict[str, Any]) -> None:
    store: Store = hub["store"]
    index: SearchIndex = hub["index"]
    assert _ids(hub, text="jazz") == {"roma"}
    assert _ids(hub, text="jazz") == {"roma"}  # the second time from the cache
    store.delete(hub["ids"]["roma"], "test")
    extra = _event(store, hub["owner"], hub["places"]["vooruit"], "Nieuw concert")
    report = index.sync(store)
    assert report.removed >= 1 and report.indexed >= 1
    assert "roma" not in _ids(hub, text="jazz") and not _ids(hub, text="jazz")
    assert index.search(SearchQuery(text="nieuw")).hits[0].id == extra
    assert index.sync(store).indexed == 0  # nothing new


def test_entries_are_what_a_sync_indexes(hub: dict[str, Any]) -> None:
    # the benchmarks' floor indexes these: every record of the store once, as a sync does
    entries = [orjson.loads(entry) for entry in SearchIndex().entries(hub["store"])]
    ids = [entry["id"][0] for entry in entries]
    assert len(ids) == len(set(ids)) == len(hub["ids"]) + 4  # the events and four places
    assert {str(record_id) for record_id in hub["ids"].values()} <= set(ids)
    roma = entries[ids.index(str(hub["ids"]["roma"]))]
    assert roma["kind"] == ["events"] and roma["municipality"] == ["11002"]
    assert "De Roma" in roma["text"]
    assert "listed" not in entries[ids.index(str(hub["ids"]["draft"]))]


def test_many_askers_at_once_take_turns_and_share_one_answer(
    hub: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searches wait their turn; those that asked the same question take the first answer."""
    index = SearchIndex(concurrency=1)
    index.sync(hub["store"])
    runs: list[float] = []
    running = threading.Semaphore(1)
    real = index._search

    def counted(*args: Any) -> Any:
        assert running.acquire(blocking=False), "two searches ran at once"
        try:
            runs.append(time.perf_counter())
            time.sleep(0.05)  # a slow search: the others arrive while it runs
            return real(*args)
        finally:
            running.release()

    monkeypatch.setattr(index, "_search", counted)
    query = SearchQuery(kinds=("events",), text="concert", facets=("types", "regions"))
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: index.search(query), range(8)))
    assert len(runs) == 1
    assert {tuple(hit.id for hit in result.hits) for result in results} == {
        tuple(hit.id for hit in results[0].hits)
    }
    assert not any(result.partial for result in results)
    other = SearchQuery(kinds=("events",), text="jazz")
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda q: index.search(q), [other, query, other, query]))
    assert len(runs) == 2  # jazz once more; concert from the cache


def test_a_changed_record_replaces_its_entry_in_every_page(hub: dict[str, Any]) -> None:
    """Each page of a sync drops the old entries of its records in one go, before adding."""
    store: Store = hub["store"]
    index: SearchIndex = hub["index"]
    before = index.search(SearchQuery(kinds=("events",))).total
    renamed = [
        _event(store, hub["owner"], hub["places"]["vooruit"], f"Reeks {n}") for n in range(5)
    ]
    index.sync(store)
    for number, record_id in enumerate(renamed):  # a second version of each, and one twice
        document = store.get(record_id).document | {"name": {"nl": f"Hernoemd {number}"}}
        record = parse_record(RecordType.EVENT, document)
        for _ in range(2 if number == 0 else 1):
            store.put(
                draft_from_record(RecordType.EVENT, record, hub["owner"], record_id=record_id), "t"
            )
    assert index.sync(store, page=2).indexed >= 5  # three pages of changes
    assert index.search(SearchQuery(kinds=("events",))).total == before + 5
    assert not index.search(SearchQuery(text="reeks")).hits
    assert {hit.id for hit in index.search(SearchQuery(text="hernoemd")).hits} == set(renamed)


def test_a_moved_place_moves_its_events(hub: dict[str, Any]) -> None:
    store: Store = hub["store"]
    aalst = hub["places"]["aalst"]
    document = {
        "mainLanguage": "nl", "name": {"nl": "Cultuurcentrum De Werf"},
        "address": {"nl": {"addressCountry": "BE", "addressLocality": "Brugge",
                           "postalCode": "8000", "streetAddress": "Molenstraat 51"}},
        "geo": {"latitude": 51.2093, "longitude": 3.2247}, "calendarType": "permanent",
        "terms": [{"id": "8.48.0.0.0", "label": "Theater", "domain": "eventtype"}],
        "workflowStatus": "APPROVED",
    }  # fmt: skip
    record = parse_record(RecordType.PLACE, document)
    store.put(draft_from_record(RecordType.PLACE, record, hub["owner"], record_id=aalst), "t")
    hub["index"].sync(store)
    assert _ids(hub, municipalities=("31005",)) == {"expo"}  # Brugge now


def test_a_deleted_place_leaves_its_events_and_indexing_pauses_the_collector(
    hub: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cultuurhub.search.index as index_module

    collecting: list[bool] = []
    extract = index_module.fields_for

    def watched(*args: Any) -> dict[str, Any]:
        collecting.append(gc.isenabled())
        return extract(*args)

    monkeypatch.setattr(index_module, "fields_for", watched)
    store: Store = hub["store"]
    assert _ids(hub, municipalities=("44021",)) == {"concert", "cafe"}  # Gent, from the places
    store.delete(hub["places"]["vooruit"], "t")
    hub["index"].sync(store)
    assert _ids(hub, municipalities=("44021",)) == {"cafe"}  # the concert lost its place
    assert _ids(hub, text="concert") >= {"concert"}  # but is still found by its own words
    assert collecting and not any(collecting)  # the concert was indexed again, collector off
    assert gc.isenabled()


def test_time_budget_flags_left_out_parts(hub: dict[str, Any]) -> None:
    result = hub["index"].search(SearchQuery(facets=("types",), budget_ms=0.0))
    assert result.partial and "facets" in result.partial_parts and result.facets == {}
    assert result.total >= 4


def test_autocomplete(hub: dict[str, Any]) -> None:
    names = [s.name for s in hub["index"].autocomplete("rep")]
    assert names == ["Repair Café Bijloke"]
    assert {s.name for s in hub["index"].autocomplete("de bij")} == {"De Bijloke"}
    assert "Concert in voorbereiding" not in {s.name for s in hub["index"].autocomplete("conc")}


@pytest.mark.parametrize("typed", ["\U00018d80", "rep_", "a~b", "x&y", "c++", "(re", "[bij", "é^"])
def test_autocomplete_takes_any_characters(hub: dict[str, Any], typed: str) -> None:
    # each character reaches tantivy's regex literally (found by the OpenAPI fuzz test)
    assert isinstance(hub["index"].autocomplete(typed), list)


def test_bad_searches_are_refused(hub: dict[str, Any]) -> None:
    index: SearchIndex = hub["index"]
    for bad in (SearchQuery(limit=0), SearchQuery(start=9990, limit=20),
                SearchQuery(facets=("colour",)), SearchQuery(latitude=51.0),
                SearchQuery(sort="distance"), SearchQuery(cursor="!!"),
                SearchQuery(bbox=(4.0, 51.0, 3.0, 52.0))):  # fmt: skip
        with pytest.raises(QueryError):
            index.search(bad)


def test_distance_filter_is_exact_against_brute_force(store: Store) -> None:
    import random

    from cultuurhub.search.query import Circle

    owner = store.create_organisation("Stad", "gemeente").id
    rng = random.Random(11)
    points: dict[UUID, tuple[float, float]] = {}
    drafts = []
    spots = [(51.05 + rng.uniform(-0.4, 0.4), 3.72 + rng.uniform(-0.6, 0.6)) for _ in range(300)]
    for radius in (3.0, 10.0, 17.5, 30.0):  # and many just inside or outside each circle
        for _ in range(60):
            spots.append(_point_at(GENT, radius + rng.uniform(-0.25, 0.25), rng.uniform(0, 360)))
    for n, (lat, lon) in enumerate(spots):
        document = {
            "mainLanguage": "nl", "name": {"nl": f"Zaal {n}"},
            "address": {"nl": {"addressCountry": "BE", "addressLocality": "Gent",
                               "postalCode": "9000", "streetAddress": f"Straat {n}"}},
            "geo": {"latitude": lat, "longitude": lon}, "calendarType": "permanent",
            "terms": [{"id": "8.48.0.0.0", "label": "Theater", "domain": "eventtype"}],
            "workflowStatus": "APPROVED",
        }  # fmt: skip
        record = parse_record(RecordType.PLACE, document)
        drafts.append(draft_from_record(RecordType.PLACE, record, owner))
    for result, draft in zip(store.put_batch(drafts, "test"), drafts, strict=True):
        points[result.id] = (draft.columns["latitude"], draft.columns["longitude"])
    index = SearchIndex()
    index.sync(store)
    for radius in (3.0, 10.0, 17.5, 30.0):
        circle = Circle(*GENT, radius)
        expected = {i for i, (lat, lon) in points.items() if circle.distance(lat, lon) <= radius}
        found = index.search(
            SearchQuery(
                kinds=("places",),
                latitude=GENT[0],
                longitude=GENT[1],
                distance_km=radius,
                limit=200,
                sort="distance",
            )
        )
        nearest = sorted(expected, key=lambda i: circle.distance(*points[i]))[:200]
        assert [hit.id for hit in found.hits] == nearest and found.total == len(expected)
        assert not found.partial


def _point_at(centre: tuple[float, float], km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from ``centre`` in the direction ``bearing`` (degrees), on the sphere."""
    phi1, lambda1 = math.radians(centre[0]), math.radians(centre[1])
    delta, theta = km / 6371.0088, math.radians(bearing)
    phi2 = math.asin(
        math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
    )
    lambda2 = lambda1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    return math.degrees(phi2), math.degrees(lambda2)


def test_an_index_of_an_older_layout_is_emptied_and_filled_again(
    hub: dict[str, Any], tmp_path: Any
) -> None:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True)
    old = tantivy.Index(builder.build(), path=str(tmp_path))
    writer = old.writer(heap_size=15_000_000, num_threads=1)
    writer.add_document(tantivy.Document(id="x"))
    writer.commit()
    (tmp_path / "position.json").write_text('{"position": 99}')
    index = SearchIndex(tmp_path)
    assert (index.count(), index.position) == (0, 0)
    index.sync(hub["store"])
    assert index.search(SearchQuery(kinds=("events",), text="jazz")).total == 1
