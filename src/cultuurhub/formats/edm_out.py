"""The heritage document as EDM RDF/XML, valid against Europeana's external EDM schema.

One ``rdf:RDF`` per object: the ``edm:ProvidedCHO`` (title, description, type, identifier,
creators, subjects, techniques, materials, dimensions, provenance, places, production date), its
``ore:Aggregation`` (data provider, provider, landing page, web resources, rights), an
``edm:WebResource`` per digital representation with its own rights and IIIF ``svcs:Service``,
and the contextual entities: ``edm:Agent`` (life dates, ``owl:sameAs``), ``skos:Concept``,
``edm:Place`` and an ``edm:TimeSpan`` for the production date.

The XSD fixes the order of the children of most classes; the builders below follow it. Where the
document lacks what EDM requires (``edm:rights``, a data provider) the context supplies it; an
object without any rights statement is published as "Copyright Not Evaluated".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

__all__ = [
    "EDM_NAMESPACES",
    "NOT_EVALUATED",
    "EdmContext",
    "edm_bytes",
    "edm_element",
    "edm_type",
]

EDM_NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "edm": "http://www.europeana.eu/schemas/edm/",
    "ore": "http://www.openarchives.org/ore/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdaGr2": "http://rdvocab.info/ElementsGr2/",
    "svcs": "http://rdfs.org/sioc/services#",
    "ebucore": "http://www.ebu.ch/metadata/ontologies/ebucore/ebucore#",
}
NOT_EVALUATED = "http://rightsstatements.org/vocab/CNE/1.0/"
IIIF_IMAGE_API = "http://iiif.io/api/image"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ABOUT = f"{{{EDM_NAMESPACES['rdf']}}}about"
_RESOURCE = f"{{{EDM_NAMESPACES['rdf']}}}resource"
_EDM_TYPES = (("image/", "IMAGE"), ("video/", "VIDEO"), ("audio/", "SOUND"), ("model/", "3D"))
_TEXT_TYPES = ("text/", "application/pdf", "application/epub")


@dataclass(frozen=True, slots=True)
class EdmContext:
    """Where an object is published: the CHO's URI and who provides it.

    ``provider`` is the aggregator (``edm:provider``, the hub); ``data_provider`` names the
    holding organisation when the document has no ``holder``; ``shown_at`` is the landing page
    (``edm:isShownAt``), the CHO's own URI when not given.
    """

    uri: str
    provider: str
    data_provider: str | None = None
    shown_at: str | None = None


def edm_bytes(document: Mapping[str, Any], context: EdmContext) -> bytes:
    """Serialise a heritage document as an EDM RDF/XML file (UTF-8, with declaration)."""
    return etree.tostring(edm_element(document, context), xml_declaration=True, encoding="UTF-8")


def edm_element(document: Mapping[str, Any], context: EdmContext) -> etree._Element:
    """Build the ``rdf:RDF`` element of a heritage document."""
    return _EdmWriter(document, context).build()


def edm_type(document: Mapping[str, Any]) -> str:
    """Return the ``edm:type`` of an object: from its first typed web resource, else IMAGE."""
    for resource in document.get("webResources") or []:
        mime = str(resource.get("mimeType") or "").lower()
        if mime.startswith(_TEXT_TYPES):
            return "TEXT"
        for prefix, kind in _EDM_TYPES:
            if mime.startswith(prefix):
                return kind
    return "IMAGE"


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{EDM_NAMESPACES[prefix]}}}{local}"


def _add(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _q(name))
    if text is not None:
        element.text = text
    return element


def _link(parent: etree._Element, name: str, uri: str) -> etree._Element:
    element = _add(parent, name)
    element.set(_RESOURCE, uri)
    return element


def _literal(parent: etree._Element, name: str, text: str, language: str | None = None) -> None:
    element = _add(parent, name, text)
    if language:
        element.set(_XML_LANG, language)


def _number(value: Any) -> str:
    text = f"{float(value):f}".rstrip("0").rstrip(".")
    return text or "0"


class _EdmWriter:
    """Builds one ``rdf:RDF``; contextual entities are collected once per URI, then appended."""

    def __init__(self, document: Mapping[str, Any], context: EdmContext) -> None:
        self.document = document
        self.context = context
        self.main = str(document.get("mainLanguage") or "nl")
        self.root = etree.Element(_q("rdf:RDF"), nsmap=EDM_NAMESPACES)
        self.entities: dict[str, etree._Element] = {}

    def build(self) -> etree._Element:
        """Write the CHO, its aggregation, web resources and contextual entities."""
        self._provided_cho()
        self._aggregation()
        for resource in self.document.get("webResources") or []:
            self._web_resource(resource)
        self.root.extend(self.entities.values())
        return self.root

    def _entity(self, tag: str, about: str) -> etree._Element | None:
        """A new contextual entity, or None when one with this URI is already written."""
        if about in self.entities:
            return None
        entity = etree.Element(_q(tag))
        entity.set(_ABOUT, about)
        self.entities[about] = entity
        return entity

    def _texts(self, parent: etree._Element, name: str, text: Mapping[str, str] | None) -> None:
        """Write a multilingual text, the main language first."""
        values = dict(text or {})
        ordered = sorted(values, key=lambda language: language != self.main)
        for language in ordered:
            if values[language]:
                _literal(parent, name, values[language], language)

    # --- the provided CHO ---------------------------------------------------------------

    def _provided_cho(self) -> None:
        document, uri = self.document, self.context.uri
        cho = _add(self.root, "edm:ProvidedCHO")
        cho.set(_ABOUT, uri)
        self._texts(cho, "dc:title", document.get("title"))
        self._texts(cho, "dc:description", document.get("description"))
        self._concepts(cho, "dc:type", document.get("objectType"))
        if document.get("objectNumber"):
            _literal(cho, "dc:identifier", str(document["objectNumber"]))
        for position, creator in enumerate(document.get("creators") or [], start=1):
            _link(cho, "dc:creator", self._agent(creator.get("agent") or {}, position))
        self._concepts(cho, "dc:subject", document.get("subjects"))
        self._concepts(cho, "dc:format", document.get("techniques"))
        self._concepts(cho, "dcterms:medium", document.get("materials"))
        self._production_date(cho, document.get("productionDate"))
        for dimension in document.get("dimensions") or []:
            extent = f"{dimension['type']}: {_number(dimension['value'])} {dimension['unit']}"
            _literal(cho, "dcterms:extent", extent, self.main)
        self._provenance(cho, document.get("provenance") or [])
        for position, place in enumerate(document.get("places") or [], start=1):
            _link(cho, "dcterms:spatial", self._place(place, position))
        kind = edm_type(document)
        if kind == "TEXT":
            _literal(cho, "dc:language", self.main)
        _add(cho, "edm:type", kind)

    def _concepts(
        self, parent: etree._Element, name: str, concepts: Iterable[Mapping[str, Any]] | None
    ) -> None:
        """Link concepts with a URI to a ``skos:Concept``; write the others as literals."""
        for concept in concepts or []:
            uri = concept.get("@id")
            if not uri:
                self._texts(parent, name, concept.get("prefLabel"))
                continue
            _link(parent, name, uri)
            entity = self._entity("skos:Concept", uri)
            if entity is None:
                continue
            self._texts(entity, "skos:prefLabel", concept.get("prefLabel"))
            for same in concept.get("sameAs") or []:
                _link(entity, "skos:exactMatch", same)
            if concept.get("scheme"):
                _link(entity, "skos:inScheme", concept["scheme"])

    def _agent(self, agent: Mapping[str, Any], position: int) -> str:
        """Write an ``edm:Agent`` (life dates, authority links); return its URI."""
        links = list(dict.fromkeys(agent.get("sameAs") or []))
        own = agent.get("@id")
        about = own or (links[0] if links else f"{self.context.uri}#agent-{position}")
        entity = self._entity("edm:Agent", about)
        if entity is None:
            return about
        _literal(entity, "skos:prefLabel", str(agent.get("name") or about))
        group = agent.get("@type") == "Group"
        begin, end = ("dateOfEstablishment", "dateOfTermination") if group else (
            "dateOfBirth", "dateOfDeath")  # fmt: skip
        if agent.get("birthDate"):
            _literal(entity, f"rdaGr2:{begin}", str(agent["birthDate"]))
        if agent.get("deathDate"):
            _literal(entity, f"rdaGr2:{end}", str(agent["deathDate"]))
        for link in links:
            if link != about:
                _link(entity, "owl:sameAs", link)
        return about

    def _place(self, place: Mapping[str, Any], position: int) -> str:
        """Write an ``edm:Place`` with its gazetteer links; return its URI."""
        links = list(dict.fromkeys(place.get("sameAs") or []))
        about = links[0] if links else f"{self.context.uri}#place-{position}"
        entity = self._entity("edm:Place", about)
        if entity is not None:
            _literal(entity, "skos:prefLabel", str(place["name"]), self.main)
            for link in links[1:]:
                _link(entity, "owl:sameAs", link)
        return about

    def _production_date(self, cho: etree._Element, date: Mapping[str, Any] | None) -> None:
        """An ``edm:TimeSpan`` with begin and end when the bounds are known, else a literal."""
        if not date:
            return
        label = str(date.get("display") or date["edtf"])
        if not (date.get("earliest") and date.get("latest")):
            _literal(cho, "dcterms:created", label)
            return
        about = f"{self.context.uri}#production"
        _link(cho, "dcterms:created", about)
        span = self._entity("edm:TimeSpan", about)
        if span is not None:
            _literal(span, "skos:prefLabel", label)
            _literal(span, "edm:begin", str(date["earliest"]))
            _literal(span, "edm:end", str(date["latest"]))
            _literal(span, "skos:notation", str(date["edtf"]))

    def _provenance(self, cho: etree._Element, entries: list[Mapping[str, Any]]) -> None:
        for entry in entries:
            dated = {
                language: f"{entry['date']}: {text}" if entry.get("date") else text
                for language, text in (entry.get("description") or {}).items()
            }
            self._texts(cho, "dcterms:provenance", dated)

    # --- the aggregation and its web resources --------------------------------------------

    def _aggregation(self) -> None:
        document, context = self.document, self.context
        resources = [r for r in document.get("webResources") or [] if r.get("url")]
        aggregation = _add(self.root, "ore:Aggregation")
        aggregation.set(_ABOUT, f"{context.uri}#aggregation")
        _link(aggregation, "edm:aggregatedCHO", context.uri)
        holder = (document.get("holder") or {}).get("name") or context.data_provider
        if holder:
            _literal(aggregation, "edm:dataProvider", str(holder))
        for resource in resources[1:]:
            _link(aggregation, "edm:hasView", resource["url"])
        _link(aggregation, "edm:isShownAt", context.shown_at or context.uri)
        if resources:
            _link(aggregation, "edm:isShownBy", resources[0]["url"])
            if str(resources[0].get("mimeType") or "").startswith("image/"):
                _link(aggregation, "edm:object", resources[0]["url"])
        _literal(aggregation, "edm:provider", context.provider)
        _link(aggregation, "edm:rights", self._rights(None))

    def _rights(self, resource: Mapping[str, Any] | None) -> str:
        """The resource's own statement, else the object's, else the first resource's."""
        own = resource.get("rights") if resource else None
        first = next((r.get("rights") for r in self.document.get("webResources") or []), None)
        return str(own or self.document.get("rights") or first or NOT_EVALUATED)

    def _web_resource(self, resource: Mapping[str, Any]) -> None:
        url = resource.get("url")
        entity = self._entity("edm:WebResource", url) if url else None
        if entity is None:
            return
        _link(entity, "edm:rights", self._rights(resource))
        if resource.get("mimeType"):
            _add(entity, "ebucore:hasMimeType", str(resource["mimeType"]))
        service = resource.get("iiifService")
        if service:
            _link(entity, "svcs:has_service", service)
            described = self._entity("svcs:Service", service)
            if described is not None:
                _link(described, "dcterms:conformsTo", IIIF_IMAGE_API)
