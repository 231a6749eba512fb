"""The words of OSLO Cultuurparticipatie as publiq maps UiTdatabank: namespaces, concepts, context.

Classes and properties follow the SHACL shapes of the application profile (recognised standard
2024-09-11) with publiq's corrections for the exchange platform (UiTwisselingsplatform), which are
the contract: ``cidoc:E7_Activity`` for events, ``dcterms:Location`` for places,
``cp:Organisator`` for organisers. Concept IRIs (activity types, price categories, attendance
modes, workflow statuses) are the ones publiq's own RDF output uses.
"""

from __future__ import annotations

from typing import Any

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, SKOS, XSD

OSLO_PROFILE = "https://data.vlaanderen.be/ns/cultuurparticipatie"
"""The profile URI clients put in ``Accept: application/ld+json;profile="…"``."""

CP = Namespace("https://data.vlaanderen.be/ns/cultuurparticipatie#")
CIDOC = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
ADMS = Namespace("http://www.w3.org/ns/adms#")
GENERIEK = Namespace("https://data.vlaanderen.be/ns/generiek#")
PLATFORM = Namespace("https://data.uitwisselingsplatform.be/ns/platform#")
M8G = Namespace("http://data.europa.eu/m8g/")
LOCN = Namespace("http://www.w3.org/ns/locn#")
SCHEMA = Namespace("https://schema.org/")
GEOSPARQL = Namespace("http://www.opengis.net/ont/geosparql#")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
UDB = Namespace("https://data.publiq.be/ns/uitdatabank#")
LABELTYPE = Namespace("https://data.cultuurparticipatie.be/id/concept/LabelType/")

TERMS_BASE = "https://taxonomy.uitdatabank.be/terms/"
_CONCEPTS = "https://data.cultuurparticipatie.be/id/concept/"
_PUBLIQ_CONCEPTS = "https://data.publiq.be/concepts/"

PREFIXES: dict[str, Namespace] = {
    "cp": CP,
    "cidoc": CIDOC,
    "dcterms": Namespace(str(DCTERMS)),
    "adms": ADMS,
    "generiek": GENERIEK,
    "platform": PLATFORM,
    "m8g": M8G,
    "locn": LOCN,
    "prov": Namespace(str(PROV)),
    "schema": SCHEMA,
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
    "foaf": Namespace(str(FOAF)),
    "dcat": Namespace(str(DCAT)),
    "geosparql": GEOSPARQL,
    "geo": WGS84,
    "udb": UDB,
    "labeltype": LABELTYPE,
}

ATTENDANCE_MODES = {"offline": "fysiek", "online": "online", "mixed": "hybride"}
PRICE_CATEGORIES = {"base": "basis", "tariff": "tarief", "uitpas": "uitpas"}
# cp:Activiteit.status has no published code list yet; schema.org's event statuses say the same.
EVENT_STATUSES = {
    "Available": SCHEMA.EventScheduled,
    "TemporarilyUnavailable": SCHEMA.EventPostponed,
    "Unavailable": SCHEMA.EventCancelled,
}
WORKFLOW_STATUSES = {
    "draft": "draft",
    "readyforvalidation": "ready-for-validation",
    "approved": "approved",
    "rejected": "rejected",
    "deleted": "deleted",
    "active": "active",
}
DAYS = {
    day: SCHEMA[day.capitalize()]
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
}


def term_iri(term_id: str) -> URIRef:
    """Return the IRI of a UiTdatabank taxonomy term (type, theme)."""
    return URIRef(TERMS_BASE + term_id)


def concept_iri(scheme: str, notation: str) -> URIRef:
    """Return a concept of the cultuurparticipatie code lists, e.g. ``PrijsCategorieType/basis``."""
    return URIRef(f"{_CONCEPTS}{scheme}/{notation}")


def publiq_concept_iri(scheme: str, notation: str) -> URIRef:
    """Return one of publiq's concepts, e.g. ``workflowStatus/approved``."""
    return URIRef(f"{_PUBLIQ_CONCEPTS}{scheme}/{notation}")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the OSLO prefixes on ``graph`` (and only those) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _language_map(iri: str) -> dict[str, str]:
    return {"@id": iri, "@container": "@language"}


def _typed(iri: str, datatype: str) -> dict[str, str]:
    return {"@id": iri, "@type": datatype}


# One term per IRI, so that compaction always picks the same name.
_CLASSES = {
    "Activiteit": "cidoc:E7_Activity",
    "Locatie": "dcterms:Location",
    "Organisator": "cp:Organisator",
    "Identificator": "adms:Identifier",
    "GestructureerdeIdentificator": "generiek:GestructureerdeIdentificator",
    "Ruimtetijd": "cidoc:E92_Spacetime_Volume",
    "Periode": "m8g:PeriodOfTime",
    "Adres": "locn:Address",
    "Geometrie": "locn:Geometry",
    "Prijsinfo": "schema:PriceSpecification",
    "Geldbedrag": "schema:MonetaryAmount",
    "Boekingsinfo": "cp:Boekingsinfo",
    "Contactinfo": "schema:ContactPoint",
    "Beschikbaarheid": "cp:Beschikbaarheid",
    "Openingsuren": "schema:OpeningHoursSpecification",
    "VirtueleLocatie": "schema:VirtualLocation",
    "Afbeelding": "schema:ImageObject",
    "Video": "schema:VideoObject",
}
_PROPERTIES: dict[str, Any] = {
    "titel": _language_map("dcterms:title"),
    "beschrijving": _language_map("dcterms:description"),
    "locatienaam": _language_map("locn:locatorName"),
    "naam": _language_map("cp:Realisator.naam"),
    "type": _typed("dcterms:type", "@id"),
    "thema": _typed("cp:thema", "@id"),
    "aangemaaktOp": _typed("dcterms:created", "xsd:dateTime"),
    "gewijzigdOp": _typed("dcterms:modified", "xsd:dateTime"),
    "verwerktOp": _typed("platform:verwerktOp", "xsd:dateTime"),
    "identificator": "adms:identifier",
    "notatie": _typed("skos:notation", "xsd:anyURI"),
    "toegekendDoor": _typed("dcterms:creator", "@id"),
    "bron": _typed("platform:bron", "@id"),
    "gestructureerdeIdentificator": "generiek:gestructureerdeIdentificator",
    "naamruimte": "generiek:naamruimte",
    "lokaleIdentificator": "generiek:lokaleIdentificator",
    "versieIdentificator": "generiek:versieIdentificator",
    "workflowStatus": _typed("udb:workflowStatus", "@id"),
    "beschikbaarVanaf": _typed("udb:availableFrom", "xsd:dateTime"),
    "beschikbaarTot": _typed("udb:availableTo", "xsd:dateTime"),
    "publiek": _typed("udb:audienceType", "@id"),
    "leeftijd": "schema:typicalAgeRange",
    "label": "dcat:keyword",
    "status": _typed("cp:Activiteit.status", "@id"),
    "locatie": "prov:atLocation",
    "locatieType": _typed("cp:Activiteit.locatieType", "@id"),
    "virtueleLocatie": "platform:virtueleLocatie",
    "ruimtetijd": "cp:Activiteit.ruimtetijd",
    "ruimtelijkeProjectie": "cidoc:P161_has_spatial_projection",
    "temporeleProjectie": "cidoc:P160_has_temporal_projection",
    "tijd": "cidoc:P4_has_time-span",
    "begin": _typed("m8g:startTime", "xsd:dateTime"),
    "einde": _typed("m8g:endTime", "xsd:dateTime"),
    "uitgevoerdDoor": "cidoc:P14_carried_out_by",
    "prijs": "cp:Activiteit.prijs",
    "prijsspecificatie": "schema:priceSpecification",
    "prijscategorie": _typed("cp:Prijsinfo.prijscategorie", "@id"),
    "prijsnaam": _language_map("skos:prefLabel"),
    "prijsBeschikbaar": "cp:Prijsinfo.beschikbaar",
    "bedrag": "schema:price",
    "munt": "schema:currency",
    "waarde": _typed("schema:value", "xsd:decimal"),
    "boeking": "cp:Activiteit.boeking",
    "boekingBeschikbaar": "cp:Boekinginfo.beschikbaar",
    "contactinfo": "cp:Activiteit.contactinfo",
    "contactpunt": "schema:contactPoint",
    "url": "schema:url",
    "email": "schema:email",
    "telefoon": "schema:telephone",
    "beschikbaarheid": "cp:Activiteit.beschikbaarheid",
    "openingsuren": "schema:hoursAvailable",
    "openingsurenSpecificatie": "schema:openingHoursSpecification",
    "opent": "schema:opens",
    "sluit": "schema:closes",
    "dag": _typed("schema:dayOfWeek", "@id"),
    "capaciteit": _typed("schema:maximumAttendeeCapacity", "xsd:integer"),
    "homepage": "foaf:homepage",
    "adres": "locn:address",
    "straatnaam": _language_map("locn:thoroughfare"),
    "huisnummer": "locn:locatorDesignator",
    "postcode": "locn:postcode",
    "gemeentenaam": _language_map("locn:postName"),
    "land": "locn:adminUnitL1",
    "volledigAdres": _language_map("locn:fullAddress"),
    "geometrie": "locn:geometry",
    "wkt": _typed("geosparql:asWKT", "geosparql:wktLiteral"),
    "lat": _typed("geo:lat", "xsd:decimal"),
    "long": _typed("geo:long", "xsd:decimal"),
    "afbeelding": "schema:image",
    "video": "schema:video",
    "inhoudUrl": "schema:contentUrl",
    "embedUrl": "schema:embedUrl",
    "auteursrechthouder": "schema:copyrightHolder",
    "mediabeschrijving": "schema:description",
    "taal": "schema:inLanguage",
    "id": "schema:identifier",
}

OSLO_CONTEXT: dict[str, Any] = {
    "@context": {
        **{prefix: str(namespace) for prefix, namespace in PREFIXES.items()},
        **_CLASSES,
        **_PROPERTIES,
    }
}
"""The JSON-LD context of the hub's OSLO output, served at ``/contexts/oslo.jsonld``."""
