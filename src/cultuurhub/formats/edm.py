"""Europeana Data Model (RDF/XML) to the heritage document.

An ``rdf:RDF`` holds one or more ``edm:ProvidedCHO`` with their ``ore:Aggregation`` (rights,
data provider, web resources) and contextual entities (``edm:Agent``, ``skos:Concept``,
``edm:Place``, ``edm:TimeSpan``, ``edm:WebResource``, ``svcs:Service``) linked by ``rdf:about``.
Each CHO becomes one document; properties of a provider ``ore:Proxy`` for the CHO count too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from cultuurhub.formats.dublin_core import (
    MappedRecord,
    Notes,
    canonical_rights,
    clean_text,
    edtf_from_bounds,
    edtf_from_text,
    guess_mime_type,
    heritage_language,
    is_uri,
    lang_of,
    multilingual,
)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EDM = "http://www.europeana.eu/schemas/edm/"
NS = {
    "rdf": RDF,
    "edm": EDM,
    "ore": "http://www.openarchives.org/ore/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdaGr2": "http://rdvocab.info/ElementsGr2/",
    "svcs": "http://rdfs.org/sioc/services#",
    "ebucore": "http://www.ebu.ch/metadata/ontologies/ebucore/ebucore#",
}
RDF_ROOT = f"{{{RDF}}}RDF"
_ABOUT = f"{{{RDF}}}about"
_RESOURCE = f"{{{RDF}}}resource"

__all__ = ["EDM", "RDF_ROOT", "map_edm"]


def map_edm(element: etree._Element, default_language: str = "nl") -> Iterator[MappedRecord]:
    """Map every ``edm:ProvidedCHO`` under ``element`` (an ``rdf:RDF`` or a parent of one)."""
    root = element if element.tag == RDF_ROOT else element.find(".//rdf:RDF", NS)
    if root is None:
        return
    graph = _Graph(root)
    for cho in root.findall("edm:ProvidedCHO", NS):
        yield _map_cho(cho, graph, default_language)


class _Graph:
    """The resources of one RDF/XML document by ``rdf:about``, and aggregations by their CHO."""

    def __init__(self, root: etree._Element) -> None:
        self.by_about: dict[str, etree._Element] = {}
        self.aggregations: dict[str, etree._Element] = {}
        self.proxies: dict[str, list[etree._Element]] = {}
        for node in root:
            about = (node.get(_ABOUT) or "").strip()
            if about and node.tag != f"{{{NS['ore']}}}Proxy":
                self.by_about.setdefault(about, node)
            self._index_links(node)

    def _index_links(self, node: etree._Element) -> None:
        cho = _ref(node.find("edm:aggregatedCHO", NS))
        if cho and node.tag == f"{{{NS['ore']}}}Aggregation":
            self.aggregations.setdefault(cho, node)
        target = _ref(node.find("ore:proxyFor", NS))
        if target and (node.findtext("edm:europeanaProxy", namespaces=NS) or "") != "true":
            self.proxies.setdefault(target, []).append(node)

    def get(self, uri: str | None) -> etree._Element | None:
        """Return the resource described with ``rdf:about`` = ``uri`` in this document."""
        return self.by_about.get(uri.strip()) if uri else None


def _ref(element: etree._Element | None) -> str | None:
    return (element.get(_RESOURCE) or "").strip() or None if element is not None else None


def _map_cho(cho: etree._Element, graph: _Graph, default_language: str) -> MappedRecord:
    about = (cho.get(_ABOUT) or "").strip() or None
    record = MappedRecord(about, {}, cho.getroottree().getpath(cho))
    sources = [cho, *graph.proxies.get(about or "", [])]
    properties = [child for source in sources for child in source if isinstance(child.tag, str)]
    aggregation = graph.aggregations.get(about or "")
    mapper = _Mapper(graph, properties, default_language, record.notes)
    record.document = mapper.document(aggregation)
    if about is None:
        record.notes.error(
            "rdf:about",
            "Het edm:ProvidedCHO heeft geen rdf:about en kan niet worden opgevolgd.",
            "The edm:ProvidedCHO has no rdf:about and cannot be tracked.",
            record.xpath,
        )
    return record


class _Mapper:
    """Reads the properties of one CHO (and its proxies) against the document's graph."""

    def __init__(
        self, graph: _Graph, properties: list[etree._Element], default: str, notes: Notes
    ) -> None:
        self.graph = graph
        self.notes = notes
        self.by_tag: dict[str, list[etree._Element]] = {}
        for prop in properties:
            self.by_tag.setdefault(str(prop.tag), []).append(prop)
        self.main = self._main_language(default)

    def values(self, name: str, source: etree._Element | None = None) -> list[etree._Element]:
        """Return the property elements ``prefix:name`` of the CHO, or of ``source`` if given."""
        prefix, local = name.split(":")
        if source is not None:
            return source.findall(name, NS)
        return self.by_tag.get(f"{{{NS[prefix]}}}{local}", [])

    def _main_language(self, default: str) -> str:
        tagged = (lang_of(e) for e in self.values("dc:title") + self.values("dc:description"))
        return next((code for code in map(heritage_language, tagged) if code), default)

    def text(self, elements: list[etree._Element], field: str) -> dict[str, str]:
        """Return the multilingual literal text of ``elements``."""
        literals = ((lang_of(e), e.text) for e in elements if e.get(_RESOURCE) is None)
        return multilingual(literals, self.main, self.notes, field)

    def label(self, node: etree._Element | None) -> dict[str, str]:
        """Return the skos:prefLabel (else foaf:name) of a contextual entity."""
        if node is None:
            return {}
        labels = node.findall("skos:prefLabel", NS) or node.findall("{*}name")
        return multilingual(((lang_of(e), e.text) for e in labels), self.main, self.notes, "label")

    def one_label(self, node: etree._Element | None) -> str | None:
        """Return one label of an entity, in the main language when there is one."""
        labels = self.label(node)
        return labels.get(self.main) or next(iter(labels.values()), None)

    def concepts(self, elements: list[etree._Element], field: str) -> list[dict[str, Any]]:
        """Map literal or linked concepts to ``{"@id", "prefLabel"}``."""
        concepts: list[dict[str, Any]] = []
        for element in elements:
            uri = _ref(element)
            concept: dict[str, Any] = {"@id": uri} if uri and is_uri(uri) else {}
            label = self.label(self.graph.get(uri)) if uri else self.text([element], field)
            if label:
                concept["prefLabel"] = label
            if concept and concept not in concepts:
                concepts.append(concept)
        return concepts

    def document(self, aggregation: etree._Element | None) -> dict[str, Any]:
        """Build the heritage document of the CHO."""
        document: dict[str, Any] = {"@type": "HeritageObject", "mainLanguage": self.main}
        document["title"] = self.text(self.values("dc:title"), "title") or self.text(
            self.values("dcterms:alternative"), "title"
        )
        document["description"] = self.text(self.values("dc:description"), "description")
        document["objectType"] = self.concepts(self.values("dc:type"), "objectType")
        numbers = [clean_text(e.text) for e in self.values("dc:identifier")]
        document["objectNumber"] = next((n for n in numbers if n and not is_uri(n)), None)
        document["creators"] = self.creators()
        document["productionDate"] = self.date()
        document["materials"] = self.concepts(self.values("dcterms:medium"), "materials")
        document["subjects"] = self.concepts(self.values("dc:subject"), "subjects")
        document["places"] = self.places()
        if aggregation is not None:
            self.aggregation(aggregation, document)
        document["labels"] = []
        return {key: value for key, value in document.items() if value or key == "labels"}

    def creators(self) -> list[dict[str, Any]]:
        """Map dc:creator literals and linked edm:Agent entities."""
        creators: list[dict[str, Any]] = []
        for element in self.values("dc:creator"):
            uri = _ref(element)
            agent = (
                self.agent(uri) if uri else {"@type": "Person", "name": clean_text(element.text)}
            )
            if agent is None:
                self.notes.warn(
                    "creators",
                    f"Maker {uri} wordt niet beschreven in het bestand en werd weggelaten.",
                    f"Creator {uri} is not described in the file and was left out.",
                )
            elif agent["name"] and {"agent": agent} not in creators:
                creators.append({"agent": agent})
        return creators

    def agent(self, uri: str) -> dict[str, Any] | None:
        """Map an edm:Agent: name, life dates, links."""
        node = self.graph.get(uri)
        name = self.one_label(node)
        if node is None or not name:
            return None
        kind = "Organization" if "Organization" in str(node.tag) else "Person"
        agent: dict[str, Any] = {"@type": kind, "name": name}
        for key, prop in (("birthDate", "rdaGr2:dateOfBirth"), ("deathDate", "rdaGr2:dateOfDeath")):
            raw = node.findtext(prop, namespaces=NS)
            if value := edtf_from_text(raw):
                agent[key] = value
        links = [uri] if uri.startswith("http") else []
        links += [r for r in (_ref(e) for e in node.findall("owl:sameAs", NS)) if r]
        if links:
            agent["sameAs"] = list(dict.fromkeys(links))
        return agent

    def date(self) -> dict[str, str] | None:
        """Map dcterms:created (else dc:date), literal or edm:TimeSpan, to EDTF."""
        for element in self.values("dcterms:created") + self.values("dc:date"):
            span = self.graph.get(_ref(element))
            if span is not None:
                begin = span.findtext("edm:begin", namespaces=NS)
                end = span.findtext("edm:end", namespaces=NS)
                value, display = edtf_from_bounds(begin, end, False), self.one_label(span)
            else:
                display = clean_text(element.text)
                value = edtf_from_text(display)
            if value:
                return {"edtf": value, "display": display} if display else {"edtf": value}
            if display:
                self.notes.warn(
                    "productionDate",
                    f"Datum '{display}' is niet als EDTF uit te drukken en werd overgeslagen.",
                    f"Date '{display}' cannot be expressed as EDTF and was skipped.",
                )
        return None

    def places(self) -> list[dict[str, Any]]:
        """Map dcterms:spatial literals and linked edm:Place entities."""
        places: list[dict[str, Any]] = []
        for element in self.values("dcterms:spatial"):
            uri = _ref(element)
            node = self.graph.get(uri)
            name = self.one_label(node) if uri else clean_text(element.text)
            if not name:
                continue
            links = [uri] if uri and uri.startswith("http") else []
            if node is not None:
                links += [r for r in (_ref(e) for e in node.findall("owl:sameAs", NS)) if r]
            place: dict[str, Any] = {"name": name}
            if links:
                place["sameAs"] = list(dict.fromkeys(links))
            places.append(place)
        return places

    def aggregation(self, aggregation: etree._Element, document: dict[str, Any]) -> None:
        """Map rights, data provider and web resources of the CHO's aggregation."""
        rights = canonical_rights(_ref(aggregation.find("edm:rights", NS)))
        if rights:
            document["rights"] = rights
        provider = aggregation.find("edm:dataProvider", NS)
        if provider is not None:
            name = clean_text(provider.text) or self.one_label(self.graph.get(_ref(provider)))
            if name:
                document["holder"] = {"name": name}
        links = [_ref(e) for e in self.values("edm:isShownBy", aggregation)]
        links += [_ref(e) for e in self.values("edm:hasView", aggregation)]
        links = links if any(links) else [_ref(aggregation.find("edm:object", NS))]
        urls = list(dict.fromkeys(link for link in links if link))
        document["webResources"] = [self.web_resource(url, rights) for url in urls]

    def web_resource(self, url: str, default_rights: str | None) -> dict[str, Any]:
        """Map one web resource: its rights (else the aggregation's), media type, IIIF service."""
        node = self.graph.get(url)
        resource: dict[str, Any] = {"url": url}
        rights = None
        if node is not None:
            rights = canonical_rights(_ref(node.find("edm:rights", NS)))
            if service := _ref(node.find("svcs:has_service", NS)):
                resource["iiifService"] = service
        mime = node.findtext("ebucore:hasMimeType", namespaces=NS) if node is not None else None
        if mime := clean_text(mime) or guess_mime_type(url):
            resource["mimeType"] = mime
        if rights or default_rights:
            resource["rights"] = rights or default_rights
        return resource
