"""Words for heritage objects: object types (with Getty AAT ids), materials, subjects, titles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ObjectType:
    """A kind of object with what it is made of and how it is described."""

    label: str
    aat: str  # Getty AAT id, or "" when not certain
    role: str
    materials: tuple[str, ...]
    techniques: tuple[str, ...]
    dimensions: tuple[tuple[str, float, float, str], ...]
    titles: tuple[tuple[str, str], ...]  # (title template, subject key or "")
    sentences: tuple[str, ...]
    group_years: tuple[int, int] = (1860, 1990)  # when a workshop without dates made it


_FLAT = (("hoogte", 20.0, 180.0, "cm"), ("breedte", 20.0, 220.0, "cm"))
_PAPER = (("hoogte", 10.0, 60.0, "cm"), ("breedte", 8.0, 50.0, "cm"))

# fmt: off
OBJECT_TYPES: dict[str, ObjectType] = {
    "schilderij": ObjectType(
        "schilderij", "300033618", "schilder",
        ("olieverf op doek", "olieverf op paneel", "olieverf op eikenhout", "tempera op paneel"),
        ("schilderen",), _FLAT,
        (
            ("Portret van {sitter}", "portret"), ("Landschap bij {town}", "landschap"),
            ("Gezicht op {town}", "stadsgezicht"), ("Madonna met kind", "maria"),
            ("Kruisafname", "christus"), ("Stilleven met bloemen", "planten"),
            ("Koeien in de weide", "dieren"), ("Boerenmaaltijd", "voeding"),
            ("Zelfportret", "portret"), ("Zomer aan de Leie", "landschap"),
            ("Vissersboten op het strand", "vervoer"), ("Interieur met lezende vrouw", "woning"),
        ),
        (
            "Een sleutelwerk in het oeuvre van de kunstenaar.",
            "Het doek werd in 1998 gerestaureerd.", "Het werk hing lange tijd in het stadhuis.",
            "Het paneel is aan de achterzijde gesigneerd.",
        ),
    ),
    "tekening": ObjectType(
        "tekening", "300033973", "tekenaar",
        ("potlood op papier", "houtskool op papier", "pen en inkt op papier", "krijt op papier"),
        ("tekenen",), _PAPER,
        (
            ("Studie van een hoofd", "figuur"), ("Naaktstudie", "figuur"),
            ("Gezicht op {town}", "stadsgezicht"), ("Schets van een boom", "planten"),
            ("Portret van {sitter}", "portret"), ("Paard en kar", "vervoer"),
        ),
        ("Een voorstudie voor een groter schilderij.", "Uit een schetsboek van de kunstenaar."),
    ),
    "prent": ObjectType(
        "prent", "300041273", "graveur", ("inkt op papier", "inkt op Japans papier"),
        ("ets", "houtsnede", "lithografie", "gravure"), _PAPER,
        (
            ("Gezicht op {town}", "stadsgezicht"), ("Boerenbruiloft", "voeding"),
            ("De intocht van Christus", "christus"), ("Kermis te {town}", "figuur"),
            ("Het land", "landschap"),
        ),
        ("Een afdruk uit de eerste staat.", "Gesigneerd en genummerd in potlood."), (1550, 1930),
    ),
    "beeldhouwwerk": ObjectType(
        "beeldhouwwerk", "300047090", "beeldhouwer",
        ("brons", "marmer", "gips", "eikenhout", "terracotta"),
        ("gieten", "houwen", "boetseren", "snijden"),
        (
            ("hoogte", 20.0, 220.0, "cm"), ("breedte", 10.0, 90.0, "cm"),
            ("diepte", 10.0, 80.0, "cm"),
        ),
        (
            ("Buste van {sitter}", "portret"), ("Zittende vrouw", "figuur"),
            ("Moeder en kind", "figuur"), ("Ruiter", "dieren"), ("Madonna", "maria"),
        ),
        ("Een studie voor een groter monument.", "Het beeld stond vroeger in het stadspark."),
    ),
    "foto": ObjectType(
        "foto", "300046300", "fotograaf", ("zilvergelatinedruk", "albuminedruk", "kleurendruk"),
        ("fotograferen",), (("hoogte", 9.0, 40.0, "cm"), ("breedte", 12.0, 50.0, "cm")),
        (
            ("Markt te {town}", "stadsgezicht"), ("Portret van {sitter}", "portret"),
            ("Boerderij in {town}", "woning"), ("Stoomtram in {town}", "vervoer"),
            ("Processie in {town}", "figuur"), ("Vissers aan de kaai", "figuur"),
        ),
        (
            "Een zeldzaam beeld van het dagelijkse leven.",
            "Uit het archief van een lokale fotostudio.",
        ),
        (1860, 1990),
    ),
    "affiche": ObjectType(
        "affiche", "300027221", "ontwerper", ("papier",),
        ("lithografie", "zeefdruk", "offsetdruk"),
        (("hoogte", 40.0, 120.0, "cm"), ("breedte", 30.0, 90.0, "cm")),
        (
            ("Affiche voor de jaarmarkt van {town}", "figuur"),
            ("Affiche voor een tentoonstelling", ""), ("Reclameaffiche voor {product}", "voeding"),
            ("Affiche voor de wielerkoers", "vervoer"),
        ),
        (
            "Gedrukt in een oplage van enkele honderden exemplaren.",
            "Een typisch voorbeeld van art nouveau.",
        ),
        (1890, 1980),
    ),
    "handschrift": ObjectType(
        "handschrift", "300028569", "auteur", ("inkt op papier", "inkt op perkament"),
        ("schrijven",), (("hoogte", 15.0, 35.0, "cm"), ("breedte", 10.0, 25.0, "cm")),
        (
            ("Manuscript van een gedicht", ""), ("Brief aan {sitter}", ""),
            ("Getijdenboek", "maria"), ("Dagboek", ""),
        ),
        (
            "Met doorhalingen en verbeteringen van de hand van de auteur.",
            "Eén van de weinige bewaarde kladversies.",
        ),
        (1400, 1900),
    ),
    "meubel": ObjectType(
        "meubel", "300037680", "ontwerper", ("eikenhout", "notenhout", "mahonie", "beuk"),
        ("schrijnwerk", "houtsnijwerk"),
        (("hoogte", 40.0, 220.0, "cm"), ("breedte", 40.0, 200.0, "cm")),
        (
            ("Kast", "woning"), ("Stoel", "woning"), ("Schrijftafel", "woning"),
            ("Koffer", "woning"),
        ),
        ("Afkomstig uit een burgerwoning in de stad.", "Met origineel beslag."), (1700, 1970),
    ),
    "textiel": ObjectType(
        "textiel", "300014063", "wever", ("wol", "zijde", "linnen", "katoen"),
        ("weven", "borduren", "kantklossen"),
        (("hoogte", 30.0, 400.0, "cm"), ("breedte", 30.0, 500.0, "cm")),
        (
            ("Wandtapijt met jachtscène", "dieren"), ("Kantwerk", ""),
            ("Vaandel van de gilde van {saint}", ""), ("Merklap", ""),
        ),
        (
            "Een voorbeeld van het vakmanschap van de streek.",
            "Het stuk werd in de jaren 1990 gerestaureerd.",
        ),
        (1550, 1950),
    ),
    "munt": ObjectType(
        "munt", "300037222", "muntmeester", ("zilver", "goud", "koper"), ("slaan",),
        (("diameter", 15.0, 45.0, "mm"), ("gewicht", 2.0, 30.0, "g")),
        (
            ("Zilveren daalder", ""), ("Gouden rijder", "dieren"), ("Koperen oord", ""),
            ("Dubbele stuiver", ""),
        ),
        ("Geslagen in de munt van de stad.", "Gevonden bij opgravingen in de binnenstad."),
        (1350, 1830),
    ),
}
# fmt: on


def _iconclass(notation: str, label: str) -> dict[str, Any]:
    return {
        "prefLabel": {"nl": label},
        "scheme": "http://iconclass.org/",
        "@id": f"http://iconclass.org/{notation}",
    }


# fmt: off
SUBJECTS: dict[str, dict[str, Any]] = {
    "maria": _iconclass("11F", "Maria"), "christus": _iconclass("11D", "Christus"),
    "landschap": _iconclass("25H", "landschap"), "stadsgezicht": _iconclass("25I", "stadsgezicht"),
    "dieren": _iconclass("25F", "dieren"), "planten": _iconclass("25G", "planten"),
    "figuur": _iconclass("31A", "menselijke figuur"), "woning": _iconclass("41A", "woning"),
    "voeding": _iconclass("41C", "voeding"), "vervoer": _iconclass("46C", "verkeer en vervoer"),
    "portret": _iconclass("61B2", "portret"),
}
# fmt: on

# fmt: off
TITLE_WORDS: dict[str, tuple[str, ...]] = {
    "sitter": (
        "een onbekende man", "de kunstenaars vrouw", "burgemeester Van Damme", "een meisje",
        "de zuster van de kunstenaar", "een visser", "Emma Lambotte", "een jonge man",
    ),
    "product": (
        "cichorei", "jenever", "chocolade", "het Tiense suiker", "bier van Brouwerij De Hoorn",
    ),
    "poem": ("Boem paukeslag", "Melopee", "Marc groet 's morgens de dingen", "Music-hall"),
    "saint": ("Sint-Sebastiaan", "Sint-Joris", "Sint-Lucas", "Sint-Barbara"),
}
# fmt: on

# fmt: off
ACQUISITIONS = (
    "Aangekocht op een veiling in Brussel.", "Schenking van de familie {name}.",
    "Legaat van {name}.", "Aangekocht bij de kunstenaar.",
    "In bewaring gegeven door de Vlaamse Gemeenschap.",
    "Aangekocht met steun van de Koning Boudewijnstichting.",
    "Overgedragen door het OCMW van {town}.",
)
# fmt: on

# fmt: off
GEONAMES: dict[str, tuple[str, ...]] = {
    "Brugge": ("https://www.geonames.org/2800931",),
    "Antwerpen": ("https://www.geonames.org/2803138",),
    "Gent": ("https://www.geonames.org/2797656",),
    "Brussel": ("https://www.geonames.org/2800866",),
    "Leuven": ("https://www.geonames.org/2792482",),
}
# fmt: on
