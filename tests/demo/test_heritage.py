"""Heritage objects and agents: shape, public domain by death year, rights that follow from it."""

from __future__ import annotations

from cultuurhub.demo import DemoRecord

PUBLIC_DOMAIN = {
    "http://creativecommons.org/publicdomain/mark/1.0/",
    "http://rightsstatements.org/vocab/NoC-NC/1.0/",
}
OBJECT_KEYS = {
    "@id", "@type", "mainLanguage", "title", "description", "objectType", "objectNumber",
    "creators", "productionDate", "materials", "techniques", "dimensions", "subjects", "places",
    "holder", "webResources", "rights", "provenance", "labels", "workflowStatus",
}  # fmt: skip


def _death_year(document: dict[str, object]) -> int | None:
    agent = document["creators"][0]["agent"]  # type: ignore[index]
    return int(agent["deathDate"]) if "deathDate" in agent else None


def test_objects_have_the_heritage_shape(by_type: dict[str, list[DemoRecord]]) -> None:
    for record in by_type["object"]:
        document = record.document
        assert set(document) == OBJECT_KEYS
        assert document["@type"] == "HeritageObject"
        assert document["objectType"][0]["prefLabel"]["nl"]
        assert document["productionDate"]["edtf"] and document["productionDate"]["display"]
        for resource in document["webResources"]:
            assert resource["url"].startswith("https://images.demo.cultuurhub.be/")
            assert resource["iiifService"].startswith("https://images.demo.cultuurhub.be/iiif/")


def test_some_objects_are_public_domain_and_some_not(by_type: dict[str, list[DemoRecord]]) -> None:
    public, protected = 0, 0
    for record in by_type["object"]:
        death = _death_year(record.document)
        agent = record.document["creators"][0]["agent"]
        if death is not None and death + 70 < 2026:
            public += 1
            assert record.document["rights"] in PUBLIC_DOMAIN
        elif death is not None or "birthDate" in agent:
            protected += 1
            assert record.document["rights"] not in PUBLIC_DOMAIN
    assert public > 50 and protected > 50


def test_object_numbers_are_unique_per_holder(by_type: dict[str, list[DemoRecord]]) -> None:
    numbers = [(r.document["holder"]["@id"], r.document["objectNumber"]) for r in by_type["object"]]
    assert len(set(numbers)) == len(numbers)


def test_agents_are_real_and_invented_makers(by_type: dict[str, list[DemoRecord]]) -> None:
    agents = [record.document for record in by_type["agent"]]
    names = {agent["name"] for agent in agents}
    assert {"Jan van Eyck", "Peter Paul Rubens", "James Ensor", "Panamarenko"} <= names
    for agent in agents:
        assert set(agent) <= {"@id", "@type", "name", "birthDate", "deathDate", "sameAs"}
        assert agent["@type"] in ("Person", "Group")
        if "birthDate" in agent and "deathDate" in agent:
            assert int(agent["birthDate"]) < int(agent["deathDate"])
    living = [agent for agent in agents if "birthDate" in agent and "deathDate" not in agent]
    assert living
