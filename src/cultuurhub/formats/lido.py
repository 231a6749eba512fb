"""LIDO 1.0 and 1.1 (``http://www.lido-schema.org``) to the heritage document.

One ``lido:lido`` element becomes one document: titles, object type, object number and holder,
the production event (creators with life dates and authority links, date as EDTF, materials and
techniques, place), subjects, measurements, web resources with their rights, record rights and
acquisition history. LIDO 1.1 concepts written as embedded ``skos:Concept`` are read as well as
``conceptID`` + ``term``.
"""

from __future__ import annotations

import re
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
    lang_of,
    multilingual,
)

LIDO = "http://www.lido-schema.org"
LIDO_RECORD = f"{{{LIDO}}}lido"
NS = {
    "lido": LIDO,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
_PREF = f"{{{LIDO}}}pref"
_TYPE = f"{{{LIDO}}}type"
_ABOUT = f"{{{NS['rdf']}}}about"
_PRODUCTION = re.compile(
    r"production|vervaardig|productie|creation|création|creatie|herstellung|lido00007|300054713",
    re.I,
)
_HISTORY = re.compile(
    r"acqui|verwerv|aankoop|schenking|legaat|erwerb|provenance|herkomst|purchase|bequest|"
    r"donation|lido00001",
    re.I,
)
_TECHNIQUE = re.compile(r"techni|lido00131", re.I)
_PLACEHOLDER_EXTENT = re.compile(r"^(?:geheel|overall|whole|gesamt|[\w]+(?:\.[\w]+)+)$", re.I)

__all__ = ["LIDO", "LIDO_RECORD", "map_lido"]


def map_lido(element: etree._Element, default_language: str = "nl") -> MappedRecord:
    """Map one ``lido:lido`` element to a heritage document with notes."""
    record = MappedRecord(_record_id(element), {}, element.getroottree().getpath(element))
    main = _main_language(element, default_language, record.notes)
    document: dict[str, Any] = {"@type": "HeritageObject", "mainLanguage": main}
    mapper = _Mapper(main, record.notes)
    mapper.identification(element, document)
    mapper.events(element, document)
    mapper.relations(element, document)
    mapper.administration(element, document)
    document["labels"] = []
    record.document = {k: v for k, v in document.items() if v or k == "labels"}
    _check_essentials(element, record)
    return record


def _record_id(element: etree._Element) -> str | None:
    ids = element.findall("lido:lidoRecID", NS)
    preferred = [i for i in ids if _is_preferred(i)] or ids
    values = [clean_text(i.text) for i in preferred]
    return next((v for v in values if v), None)


def _main_language(element: etree._Element, default: str, notes: Notes) -> str:
    descriptive = element.find("lido:descriptiveMetadata", NS)
    tag = (
        descriptive.get("{http://www.w3.org/XML/1998/namespace}lang")
        if descriptive is not None
        else None
    )
    code = heritage_language(tag)
    if tag and code is None:
        notes.warn(
            "mainLanguage",
            f"Hoofdtaal '{tag}' wordt niet ondersteund; '{default}' gebruikt.",
            f"Main language '{tag}' is not supported; '{default}' used.",
        )
    return code or default


def _check_essentials(element: etree._Element, record: MappedRecord) -> None:
    path = record.xpath
    if record.source_id is None:
        record.notes.error(
            "lidoRecID",
            "Het LIDO-record heeft geen lidoRecID en kan niet worden opgevolgd.",
            "The LIDO record has no lidoRecID and cannot be tracked.",
            path,
        )
    if "title" not in record.document:
        record.notes.warn("title", "Het record heeft geen titel.", "The record has no title.", path)
    if "rights" not in record.document:
        record.notes.warn(
            "rights",
            "Het record vermeldt geen rechten (rightsWorkSet of recordRights).",
            "The record states no rights (rightsWorkSet or recordRights).",
            path,
        )


def _is_preferred(element: etree._Element) -> bool:
    pref = element.get(_PREF) or ""
    return pref == "preferred" or pref.endswith("lido00169")


def _is_alternate(element: etree._Element) -> bool:
    pref = element.get(_PREF) or ""
    return pref == "alternate" or pref.endswith("lido00170")


def _path(element: etree._Element) -> str:
    return element.getroottree().getpath(element)


class _Mapper:
    """Reads the parts of one LIDO record; holds its main language and notes."""

    def __init__(self, main: str, notes: Notes) -> None:
        self.main = main
        self.notes = notes

    # -- small readers ------------------------------------------------------------------

    def text(self, elements: list[etree._Element], field: str) -> dict[str, str]:
        """Return the multilingual text of ``elements``, preferred values first."""
        ordered = sorted(elements, key=lambda e: (not _is_preferred(e), _is_alternate(e)))
        if any(_is_preferred(e) for e in elements):
            ordered = [e for e in ordered if not _is_alternate(e)]
        return multilingual(((lang_of(e), e.text) for e in ordered), self.main, self.notes, field)

    def first(self, elements: list[etree._Element]) -> str | None:
        """Return the first non-empty text of ``elements``, preferred ones first."""
        ordered = sorted(elements, key=lambda e: not _is_preferred(e))
        return next((t for t in (clean_text(e.text) for e in ordered) if t), None)

    def name(self, element: etree._Element | None) -> str | None:
        """Return the preferred appellation of a name set or legal body, in the main language."""
        if element is None:
            return None
        values = element.findall(".//lido:appellationValue", NS)
        in_main = [v for v in values if heritage_language(lang_of(v)) in (self.main, None)]
        return self.first(in_main) or self.first(values)

    def concept(self, element: etree._Element, field: str) -> dict[str, Any] | None:
        """Return ``{"@id", "prefLabel"}`` for a LIDO concept (conceptID/term or skos:Concept)."""
        ids = [clean_text(c.text) for c in element.findall("lido:conceptID", NS)]
        ids += [c.get(_ABOUT, "") for c in element.findall("skos:Concept", NS)]
        terms = element.findall("skos:Concept/skos:prefLabel", NS)
        terms += [
            t
            for t in element.findall("lido:term", NS)
            if t.get(f"{{{LIDO}}}addedSearchTerm") != "yes"
        ]
        terms = terms or element.findall("lido:term", NS)
        label = self.text(terms, field)
        uri = next((i.strip() for i in ids if i.strip().startswith(("http://", "https://"))), None)
        concept: dict[str, Any] = {}
        if uri:
            concept["@id"] = uri
        if label:
            concept["prefLabel"] = label
        return concept or None

    def concepts(self, elements: list[etree._Element], field: str) -> list[dict[str, Any]]:
        """Return the concepts of ``elements``, skipping empty ones."""
        return [c for c in (self.concept(e, field) for e in elements) if c]

    def label(self, element: etree._Element | None) -> str | None:
        """Return one label of a concept, in the main language when there is one."""
        concept = self.concept(element, "label") if element is not None else None
        labels: dict[str, str] = (concept or {}).get("prefLabel", {})
        return labels.get(self.main) or next(iter(labels.values()), None)

    # -- parts ----------------------------------------------------------------------------

    def identification(self, element: etree._Element, document: dict[str, Any]) -> None:
        """Map titles, description, object type, repository, measurements."""
        ident = "lido:descriptiveMetadata/lido:objectIdentificationWrap/"
        document["title"] = self.text(
            element.findall(ident + "lido:titleWrap/lido:titleSet/lido:appellationValue", NS),
            "title",
        )
        notes = element.findall(ident + "lido:objectDescriptionWrap//lido:descriptiveNoteValue", NS)
        document["description"] = self.text(notes, "description")
        document["objectType"] = self.concepts(
            element.findall(".//lido:objectWorkTypeWrap/lido:objectWorkType", NS), "objectType"
        )
        self.repository(
            element.findall(ident + "lido:repositoryWrap/lido:repositorySet", NS), document
        )
        document["dimensions"] = self.dimensions(
            element.findall(ident + "lido:objectMeasurementsWrap//lido:measurementsSet", NS)
        )
        self.materials(
            element.findall(ident + "lido:objectMaterialsTechWrap//lido:termMaterialsTech", NS),
            document,
        )

    def repository(self, sets: list[etree._Element], document: dict[str, Any]) -> None:
        """Map the current repository: holder, object number, its location."""
        current = [s for s in sets if "former" not in (s.get(_TYPE) or "")] or sets
        for repository in current:
            holder = self.name(repository.find("lido:repositoryName/lido:legalBodyName", NS))
            if holder and "holder" not in document:
                document["holder"] = {"name": holder}
            number = self.first(repository.findall("lido:workID", NS))
            if number and "objectNumber" not in document:
                document["objectNumber"] = number
            for place in repository.findall("lido:repositoryLocation", NS):
                self.place(place, document)

    def place(self, element: etree._Element, document: dict[str, Any]) -> None:
        """Add a place (name and authority links) once."""
        name = self.name(element.find("lido:namePlaceSet", NS)) or self.name(element)
        if not name:
            return
        same_as = [
            clean_text(i.text)
            for i in element.findall("lido:placeID", NS)
            if clean_text(i.text).startswith(("http://", "https://"))
        ]
        entry: dict[str, Any] = {"name": name}
        if same_as:
            entry["sameAs"] = same_as
        places = document.setdefault("places", [])
        if all(p["name"] != name for p in places):
            places.append(entry)

    def dimensions(self, sets: list[etree._Element]) -> list[dict[str, Any]]:
        """Map measurementsSet elements to type/value/unit, noting values that are not numbers."""
        dimensions = []
        for measurement in sets:
            kind = self.label(measurement.find("lido:measurementType", NS)) or clean_text(
                measurement.findtext("lido:measurementType", namespaces=NS)
            )
            unit = self.unit(measurement.find("lido:measurementUnit", NS))
            raw = clean_text(measurement.findtext("lido:measurementValue", namespaces=NS))
            value = _number(raw)
            if value is None or not kind:
                self.notes.warn(
                    "dimensions",
                    f"Afmeting '{kind} {raw} {unit}' is onvolledig of geen getal; weggelaten.",
                    f"Measurement '{kind} {raw} {unit}' is incomplete or not a number; left out.",
                    _path(measurement),
                )
                continue
            parent = measurement.getparent()
            extent = clean_text(
                parent.findtext("lido:extentMeasurements", namespaces=NS)
                if parent is not None
                else ""
            )
            if extent and not _PLACEHOLDER_EXTENT.match(extent):
                kind = f"{kind} ({extent})"
            dimensions.append(
                {"type": kind, "value": value, "unit": unit}
                if unit
                else {"type": kind, "value": value}
            )
        return dimensions

    def unit(self, element: etree._Element | None) -> str:
        """Return a unit symbol: ``cm`` from text or from a skos:Concept's altLabel."""
        if element is None:
            return ""
        symbols = element.findall("skos:Concept/skos:altLabel", NS)
        return (
            clean_text(element.text)
            or next((clean_text(s.text) for s in symbols), "")
            or (self.label(element) or "")
        )

    def materials(self, terms: list[etree._Element], document: dict[str, Any]) -> None:
        """Split termMaterialsTech into materials and techniques by its type."""
        for term in terms:
            concept = self.concept(term, "materials")
            if concept is None:
                continue
            key = "techniques" if _TECHNIQUE.search(term.get(_TYPE) or "") else "materials"
            known = document.setdefault(key, [])
            if concept not in known:
                known.append(concept)

    def events(self, element: etree._Element, document: dict[str, Any]) -> None:
        """Map the production event and acquisition-like events of the record."""
        for event in element.findall(".//lido:eventWrap/lido:eventSet/lido:event", NS):
            kind = event.find("lido:eventType", NS)
            signature = _signature(kind) if kind is not None else ""
            if _PRODUCTION.search(signature):
                self.production(event, document)
            elif _HISTORY.search(signature):
                self.history(event, kind, document)

    def production(self, event: etree._Element, document: dict[str, Any]) -> None:
        """Map creators, date, materials and place of a production event."""
        creators = document.setdefault("creators", [])
        for actor_in_role in event.findall("lido:eventActor/lido:actorInRole", NS):
            if (creator := self.creator(actor_in_role)) and creator not in creators:
                creators.append(creator)
        date = event.find("lido:eventDate", NS)
        production_date = self.date(date, "productionDate") if date is not None else None
        if production_date and "productionDate" not in document:
            document["productionDate"] = production_date
        self.materials(
            event.findall("lido:eventMaterialsTech//lido:termMaterialsTech", NS), document
        )
        for place in event.findall("lido:eventPlace/lido:place", NS):
            self.place(place, document)

    def creator(self, actor_in_role: etree._Element) -> dict[str, Any] | None:
        """Map one actorInRole: name, kind, life dates, authority links, role."""
        actor = actor_in_role.find("lido:actor", NS)
        name = self.name(actor)
        if actor is None or not name:
            return None
        kind = actor.get(_TYPE) or ""
        organisation = re.search(r"corporat|organi|lido00164|group", kind, re.I)
        agent: dict[str, Any] = {
            "@type": "Organization" if organisation else "Person",
            "name": name,
        }
        for key, tag in (("birthDate", "earliestDate"), ("deathDate", "latestDate")):
            raw = actor.findtext(f"lido:vitalDatesActor/lido:{tag}", namespaces=NS)
            if value := edtf_from_bounds(raw, None, approximate=False):
                agent[key] = value
        links = [clean_text(i.text) for i in actor.findall("lido:actorID", NS)]
        if same_as := [link for link in links if link.startswith(("http://", "https://"))]:
            agent["sameAs"] = same_as
        role = self.label(actor_in_role.find("lido:roleActor", NS)) or self.first(
            actor_in_role.findall("lido:attributionQualifierActor", NS)
        )
        return {"role": role, "agent": agent} if role else {"agent": agent}

    def date(self, event_date: etree._Element, field: str) -> dict[str, str] | None:
        """Map an eventDate to ``{"edtf", "display"}``, noting dates EDTF cannot express."""
        display = clean_text(event_date.findtext("lido:displayDate", namespaces=NS))
        bounds = [
            event_date.find(f"lido:date/lido:{b}", NS) for b in ("earliestDate", "latestDate")
        ]
        low, high = (clean_text(b.text) if b is not None else "" for b in bounds)
        if {low, high} <= {"0", "0000", ""} and (low or high):
            low = high = ""  # 0/0 is how some exports say "unknown"
            self.notes.warn(
                field,
                "Datering 0 werd gelezen als 'onbekend'.",
                "Date 0 was read as 'unknown'.",
                _path(event_date),
            )
        approximate = any(
            re.search(r"circa|ca\.?$|approx", b.get(_TYPE) or "", re.I)
            for b in bounds
            if b is not None
        )
        value = edtf_from_bounds(low, high, approximate) or edtf_from_text(display)
        shown = display or f"{low}-{high}"
        if value is None:
            if display or low or high:
                self.notes.warn(
                    field,
                    f"Datering '{shown}' is niet als EDTF uit te drukken en werd weggelaten.",
                    f"Date '{shown}' cannot be expressed as EDTF and was left out.",
                    _path(event_date),
                )
            return None
        return {"edtf": value, "display": display} if display else {"edtf": value}

    def history(
        self, event: etree._Element, kind: etree._Element | None, document: dict[str, Any]
    ) -> None:
        """Add an acquisition-like event to the provenance."""
        descriptions = event.findall("lido:eventDescriptionSet/lido:descriptiveNoteValue", NS)
        description = self.text(descriptions, "provenance")
        if not description:
            actors = [self.name(a) for a in event.findall("lido:eventActor//lido:actor", NS)]
            label = self.label(kind) or ""
            text = ": ".join(p for p in (label, ", ".join(a for a in actors if a)) if p)
            description = {self.main: text} if text else {}
        entry: dict[str, Any] = {"description": description} if description else {}
        date = event.find("lido:eventDate", NS)
        if date is not None and (mapped := self.date(date, "provenance")):
            entry["date"] = mapped["edtf"]
        if entry:
            document.setdefault("provenance", []).append(entry)

    def relations(self, element: etree._Element, document: dict[str, Any]) -> None:
        """Map subject concepts, with the vocabulary they come from."""
        path = ".//lido:subjectWrap/lido:subjectSet/lido:subject/lido:subjectConcept"
        subjects = self.concepts(element.findall(path, NS), "subjects")
        for subject in subjects:
            if "@id" in subject and (scheme := _scheme(subject["@id"])):
                subject["scheme"] = scheme
        document["subjects"] = subjects

    def administration(self, element: etree._Element, document: dict[str, Any]) -> None:
        """Map rights of the work (else of the record) and the web resources with their rights."""
        admin = "lido:administrativeMetadata/"
        work = element.findall(admin + "lido:rightsWorkWrap/lido:rightsWorkSet/lido:rightsType", NS)
        record = element.findall(admin + "lido:recordWrap/lido:recordRights/lido:rightsType", NS)
        if rights := self.rights(work) or self.rights(record):
            document["rights"] = rights
        sets = element.findall(admin + "lido:resourceWrap/lido:resourceSet", NS)
        document["webResources"] = [r for r in (self.resource(s) for s in sets) if r]

    def rights(self, types: list[etree._Element]) -> str | None:
        """Return the first rights URI of rightsType elements, noting rights given only as text."""
        for rights_type in types:
            values = [clean_text(c.text) for c in rights_type.findall("lido:conceptID", NS)]
            values += [c.get(_ABOUT, "") for c in rights_type.findall("skos:Concept", NS)]
            values += [clean_text(t.text) for t in rights_type.findall("lido:term", NS)]
            uris = [u for u in (canonical_rights(v) for v in values) if u and u.startswith("http")]
            if uris:
                return uris[0]
            self.notes.warn(
                "rights",
                f"Rechten '{' '.join(values)[:80]}' hebben geen URI en werden niet overgenomen.",
                f"Rights '{' '.join(values)[:80]}' have no URI and were not taken over.",
                _path(rights_type),
            )
        return None

    def resource(self, resource_set: etree._Element) -> dict[str, Any] | None:
        """Map one resourceSet to a web resource: link, media type, rights."""
        representations = resource_set.findall("lido:resourceRepresentation", NS)
        chosen = [r for r in representations if (r.get(_TYPE) or "").endswith("lido00464")]
        link = next(
            (
                link
                for r in chosen + representations
                for link in r.findall("lido:linkResource", NS)
                if clean_text(link.text)
            ),
            None,
        )
        if link is None:
            return None
        url = clean_text(link.text)
        resource: dict[str, Any] = {"url": url}
        if mime := link.get(f"{{{LIDO}}}formatResource") or guess_mime_type(url):
            resource["mimeType"] = mime
        types = resource_set.findall("lido:rightsResource/lido:rightsType", NS)
        if rights := self.rights(types):
            resource["rights"] = rights
        return resource


def _signature(kind: etree._Element) -> str:
    abouts = [c.get(_ABOUT, "") for c in kind.findall("skos:Concept", NS)]
    return " ".join([*(str(t) for t in kind.itertext()), *abouts])


def _number(raw: str) -> float | None:
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


_SCHEMES = (
    ("iconclass.org/", "http://iconclass.org/"),
    ("vocab.getty.edu/aat/", "http://vocab.getty.edu/aat/"),
    ("d-nb.info/gnd/", "https://d-nb.info/gnd/"),
    ("wikidata.org/", "http://www.wikidata.org/entity/"),
    ("id.loc.gov/", "http://id.loc.gov/authorities/subjects/"),
)


def _scheme(uri: str) -> str | None:
    return next((scheme for needle, scheme in _SCHEMES if needle in uri), None)
