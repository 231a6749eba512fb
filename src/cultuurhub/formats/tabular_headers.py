"""Recognise the column headers of spreadsheets, in Dutch and English, as hub fields."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from cultuurhub.formats.belgian_dates import fold

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

# field -> the headers that mean it; compared with case, accents, spaces and punctuation removed.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifier", "code", "referentie", "ref", "externe id", "external id"),
    "title": ("titel", "title", "naam", "name", "benaming", "activiteit", "evenement", "event"),
    "description": ("omschrijving", "beschrijving", "description", "tekst", "info", "inhoud"),
    "date": (
        "datum",
        "date",
        "dag",
        "wanneer",
        "speeldatum",
        "datum en uur",
        "when",
        "begindatum",  # with a begin time beside it (beginuur), the date of that time
        "startdatum",
        "start date",
    ),
    "start": (
        "begin",
        "start",
        "aanvang",
        "beginuur",
        "startuur",
        "aanvangsuur",
        "uur",
        "tijd",
        "van",
        "starttijd",
        "start time",
        "time",
        "from",
    ),
    "end": ("einde", "end", "einddatum", "tot", "end date", "to", "until"),
    "end_time": ("einduur", "eindtijd", "end time"),
    "location": ("locatie", "zaal", "venue", "location", "plaats", "waar", "place", "podium"),
    "street": ("adres", "straat", "address", "street", "straat en nummer", "straatnaam"),
    "postal_code": ("postcode", "postal code", "zip", "postnummer", "zipcode"),
    "locality": ("gemeente", "stad", "city", "woonplaats", "deelgemeente", "locality", "town"),
    "country": ("land", "country"),
    "price": (
        "prijs",
        "price",
        "tarief",
        "basisprijs",
        "basistarief",
        "inkom",
        "toegangsprijs",
        "ticketprijs",
        "kostprijs",
    ),
    "reduced_price": (
        "reductie",
        "reductieprijs",
        "korting",
        "verminderd tarief",
        "kortingstarief",
        "reduced price",
        "concession",
    ),
    "type": ("type", "soort", "categorie", "category", "genre", "eventtype", "activiteitstype"),
    "theme": ("thema", "theme", "onderwerp", "topic"),
    "organizer": (
        "organisator",
        "organizer",
        "organiser",
        "organisatie",
        "inrichter",
        "georganiseerd door",
    ),
    "website": ("website", "url", "web", "link", "site", "webpagina", "meer info"),
    "booking_url": (
        "tickets",
        "ticketlink",
        "reservatie",
        "reserveren",
        "booking",
        "boeken",
        "ticket url",
        "tickets url",
        "ticketing",
    ),
    "email": ("email", "e-mail", "mail", "e-mailadres", "emailadres"),
    "phone": ("telefoon", "phone", "tel", "telefoonnummer", "gsm", "telephone"),
    "age": (
        "leeftijd",
        "age",
        "doelgroep leeftijd",
        "leeftijdsgroep",
        "age range",
        "vanaf leeftijd",
    ),
    "image": ("afbeelding", "image", "foto", "beeld", "picture", "photo", "image url", "thumbnail"),
    "status": ("status", "geannuleerd", "afgelast", "cancelled"),
    "labels": ("labels", "trefwoorden", "tags", "keywords", "label"),
    "latitude": ("latitude", "lat", "breedtegraad"),
    "longitude": ("longitude", "lon", "lng", "long", "lengtegraad"),
    "nis": ("nis", "niscode", "nis code", "refnis", "nis-code"),
    "kind": ("soort organisatie", "type organisatie", "organisation type", "organization type"),
    "object_number": (
        "objectnummer",
        "inventarisnummer",
        "object number",
        "inventory number",
        "inventarisnr",
        "objectnr",
        "inv nr",
    ),
    "creator": ("vervaardiger", "maker", "kunstenaar", "creator", "artist", "auteur", "author"),
    "creator_role": ("rol", "role", "rol vervaardiger", "creator role"),
    "dating": (
        "datering",
        "dating",
        "jaar",
        "periode",
        "production date",
        "year",
        "datum vervaardiging",
    ),
    "material": ("materiaal", "materialen", "material", "materials", "techniek", "medium"),
    "rights": (
        "rechten",
        "licentie",
        "license",
        "licence",
        "rights",
        "rechtenstatus",
        "rights statement",
    ),
    "image_rights": ("rechten afbeelding", "licentie afbeelding", "image rights", "image license"),
    "holder": (
        "beheerder",
        "instelling",
        "museum",
        "collectie",
        "holder",
        "bewaarplaats",
        "collection",
        "institution",
    ),
    "record_type": ("recordtype", "record type", "soort record"),
}


def header_key(header: str) -> str:
    """Fold a header to the key used for matching: lower case, no accents, no spaces."""
    return _NOT_ALNUM.sub("", fold(header))


_BY_KEY: dict[str, str] = {
    header_key(synonym): field
    for field, synonyms in HEADER_SYNONYMS.items()
    for synonym in synonyms
}


def field_for_header(header: str) -> str | None:
    """Return the hub field a header means, or None when it is not recognised."""
    return _BY_KEY.get(header_key(header))


def map_headers(headers: Sequence[str], overrides: Mapping[str, str]) -> dict[int, str]:
    """Return column index -> field. A column the mapping file names (``overrides``, header ->
    field) wins over a column the hub recognises by itself for the same field; among those,
    the first column wins. A hint in brackets after a header is ignored (``Datum
    (dd/mm/jjjj)``, ``Prijs (€)``)."""
    folded_overrides = {header_key(header): field for header, field in overrides.items()}
    named = [folded_overrides.get(header_key(header)) for header in headers]
    columns: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = named[index] or _recognised(header)
        if field is None or field == "ignore" or field in columns.values():
            continue
        if named[index] is None and field in named:
            continue  # the mapping file names another column for this field
        columns[index] = field
    return columns


def _recognised(header: str) -> str | None:
    return _BY_KEY.get(header_key(header)) or _BY_KEY.get(header_key(_HINT.sub("", header)))


def unused_headers(
    headers: Sequence[str], columns: Mapping[int, str], overrides: Mapping[str, str]
) -> list[str]:
    """The headers of columns that are read for nothing: not recognised, a second column for a
    field another column gives, and not set to ``ignore`` in the mapping file."""
    ignored = {header_key(header) for header, field in overrides.items() if field == "ignore"}
    return [
        header
        for index, header in enumerate(headers)
        if header.strip() and index not in columns and header_key(header) not in ignored
    ]


#: A hint in brackets after a header: ``Datum (dd/mm/jjjj)``, ``Begin [uu:mm]``.
_HINT = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")


#: Where each hub field ends up in a record's wire shape, for naming the column of a problem the
#: model finds (``location.address.nl.postalCode`` → the postcode column).
WIRE_PATHS: dict[str, tuple[str, ...]] = {
    "title": ("name", "title"),
    "description": ("description",),
    "date": ("startDate", "endDate", "subEvent", "calendarType"),
    "end": ("endDate",),  # after the date: an end column names the end
    "location": ("location",),
    "street": ("location.address.nl.streetAddress", "address.nl.streetAddress"),
    "postal_code": ("location.address.nl.postalCode", "address.nl.postalCode"),
    "locality": ("location.address.nl.addressLocality", "address.nl.addressLocality"),
    "country": ("location.address.nl.addressCountry", "address.nl.addressCountry"),
    "price": ("priceInfo",),
    "type": ("terms",),
    "organizer": ("organizer",),
    "website": ("contactPoint.url", "url"),
    "booking_url": ("bookingInfo",),
    "email": ("contactPoint.email",),
    "phone": ("contactPoint.phone",),
    "age": ("typicalAgeRange",),
    "image": ("mediaObject",),
    "labels": ("labels", "hiddenLabels"),
    "latitude": ("geo",),
    "nis": ("municipalityNis",),
    "object_number": ("objectNumber",),
    "creator": ("creators",),
    "dating": ("productionDate",),
    "material": ("materials",),
    "rights": ("rights",),
    "image_rights": ("webResources",),
    "holder": ("holder",),
}


def wire_columns(header_of: Mapping[str, str]) -> dict[str, str]:
    """Wire path → the header of the column it came from, for the fields a sheet has (a date
    read from a start column names that column)."""
    found: dict[str, str] = {}
    dated = header_of.get("date") or header_of.get("start")
    for field, paths in WIRE_PATHS.items():
        header = dated if field == "date" else header_of.get(field)
        if header:
            found.update(dict.fromkeys(paths, header))
    return found
