"""Makers of heritage objects: real Flemish and Belgian artists, and invented ones.

Life dates of the real artists are as commonly published; ``sameAs`` is given only where the
authority identifier is certain. Invented makers get plausible dates and no ``sameAs``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from cultuurhub.demo.records import between, pick
from cultuurhub.demo.vocabulary import FIRST_NAMES, SURNAMES


@dataclass(frozen=True, slots=True)
class Artist:
    """A maker: person or group, life dates, what they made and where they worked."""

    name: str
    kind: str  # "Person" or "Group"
    birth: int | None
    death: int | None  # None while alive (or unknown for a group)
    works: str  # object type keys, space-separated
    town: str
    same_as: tuple[str, ...] = ()

    def as_agent(self) -> dict[str, Any]:
        """Return the maker in the agent wire shape (without ``@id``)."""
        agent: dict[str, Any] = {"@type": self.kind, "name": self.name}
        if self.birth is not None:
            agent["birthDate"] = str(self.birth)
        if self.death is not None:
            agent["deathDate"] = str(self.death)
        agent["sameAs"] = list(self.same_as)
        return agent


_ULAN = "http://vocab.getty.edu/ulan/"
_WIKIDATA = "http://www.wikidata.org/entity/"

# fmt: off
REAL_ARTISTS: tuple[Artist, ...] = (
    Artist("Jan van Eyck", "Person", 1390, 1441, "schilderij", "Brugge", (f'{_ULAN}500115178',)),
    Artist("Hans Memling", "Person", 1430, 1494, "schilderij", "Brugge"),
    Artist("Rogier van der Weyden", "Person", 1399, 1464, "schilderij", "Brussel"),
    Artist("Hugo van der Goes", "Person", 1440, 1482, "schilderij", "Gent"),
    Artist(
        "Pieter Bruegel de Oude", "Person", 1525, 1569, "schilderij tekening prent", "Antwerpen",
    ),
    Artist(
        "Peter Paul Rubens", "Person", 1577, 1640, "schilderij tekening", "Antwerpen",
        (f'{_ULAN}500002921', f'{_WIKIDATA}Q5599'),
    ),
    Artist("Antoon van Dyck", "Person", 1599, 1641, "schilderij tekening", "Antwerpen"),
    Artist("Jacob Jordaens", "Person", 1593, 1678, "schilderij tekening", "Antwerpen"),
    Artist("David Teniers de Jonge", "Person", 1610, 1690, "schilderij", "Antwerpen"),
    Artist("Adriaen Brouwer", "Person", 1605, 1638, "schilderij", "Oudenaarde"),
    Artist("Frans Snijders", "Person", 1579, 1657, "schilderij", "Antwerpen"),
    Artist("Hendrik Leys", "Person", 1815, 1869, "schilderij", "Antwerpen"),
    Artist("Constantin Meunier", "Person", 1831, 1905, "beeldhouwwerk schilderij", "Leuven"),
    Artist("Emile Claus", "Person", 1849, 1924, "schilderij", "Gent"),
    Artist("Anna Boch", "Person", 1848, 1936, "schilderij", "Brussel"),
    Artist("Fernand Khnopff", "Person", 1858, 1921, "schilderij tekening", "Brugge"),
    Artist("James Ensor", "Person", 1860, 1949, "schilderij tekening prent", "Oostende"),
    Artist("Théo van Rysselberghe", "Person", 1862, 1926, "schilderij", "Gent"),
    Artist("Henry van de Velde", "Person", 1863, 1957, "meubel affiche", "Antwerpen"),
    Artist("George Minne", "Person", 1866, 1941, "beeldhouwwerk tekening", "Gent"),
    Artist("Valerius De Saedeleer", "Person", 1867, 1941, "schilderij", "Aalst"),
    Artist("Henri Evenepoel", "Person", 1872, 1899, "schilderij", "Brussel"),
    Artist("Jenny Montigny", "Person", 1875, 1937, "schilderij", "Gent"),
    Artist("Gustave De Smet", "Person", 1877, 1943, "schilderij", "Gent"),
    Artist("Edgard Tytgat", "Person", 1879, 1957, "schilderij prent", "Brussel"),
    Artist("Léon Spilliaert", "Person", 1881, 1946, "tekening schilderij", "Oostende"),
    Artist("Gustave Van de Woestyne", "Person", 1881, 1947, "schilderij", "Gent"),
    Artist("Rik Wouters", "Person", 1882, 1916, "schilderij beeldhouwwerk", "Mechelen"),
    Artist("Jules Schmalzigaug", "Person", 1882, 1917, "schilderij", "Antwerpen"),
    Artist("Frits Van den Berghe", "Person", 1883, 1939, "schilderij tekening", "Gent"),
    Artist("Jean Brusselmans", "Person", 1884, 1953, "schilderij", "Brussel"),
    Artist("Marthe Donas", "Person", 1885, 1967, "schilderij", "Antwerpen"),
    Artist("Constant Permeke", "Person", 1886, 1952, "schilderij beeldhouwwerk", "Oostende"),
    Artist("Frans Masereel", "Person", 1889, 1972, "prent tekening", "Blankenberge"),
    Artist("Jozef Peeters", "Person", 1895, 1960, "schilderij prent", "Antwerpen"),
    Artist("Paul Van Ostaijen", "Person", 1896, 1928, "handschrift", "Antwerpen"),
    Artist("Victor Servranckx", "Person", 1897, 1965, "schilderij", "Vilvoorde"),
    Artist("Paul Delvaux", "Person", 1897, 1994, "schilderij", "Antheit"),
    Artist("René Magritte", "Person", 1898, 1967, "schilderij affiche", "Lessines"),
    Artist("Roger Raveel", "Person", 1921, 2013, "schilderij", "Machelen-aan-de-Leie"),
    Artist("Marcel Broodthaers", "Person", 1924, 1976, "prent foto", "Brussel"),
    Artist("Hugo Claus", "Person", 1929, 2008, "handschrift schilderij", "Brugge"),
    Artist("Raoul De Keyser", "Person", 1930, 2012, "schilderij", "Deinze"),
    Artist("Panamarenko", "Person", 1940, 2019, "beeldhouwwerk tekening", "Antwerpen"),
    Artist("Jan Fabre", "Person", 1958, None, "tekening beeldhouwwerk", "Antwerpen"),
    Artist("Luc Tuymans", "Person", 1958, None, "schilderij", "Mortsel"),
    Artist("Michaël Borremans", "Person", 1963, None, "schilderij tekening", "Geraardsbergen"),
    Artist("Berlinde De Bruyckere", "Person", 1964, None, "beeldhouwwerk", "Gent"),
    Artist("Wim Delvoye", "Person", 1965, None, "beeldhouwwerk", "Wervik"),
)
# fmt: on

_WORK_MIX = (
    ("schilderij",) * 4
    + ("tekening",) * 3
    + ("prent",) * 3
    + ("foto",) * 4
    + (
        "affiche",
        "affiche",
        "beeldhouwwerk",
        "beeldhouwwerk",
        "handschrift",
        "meubel",
        "textiel",
        "munt",
    )
)
_GROUPS = (
    ("Fotostudio {surname}", "foto"),
    ("Meubelmakerij {surname}", "meubel"),
    ("Drukkerij {surname} & Zonen", "affiche prent"),
    ("Weverij {surname}", "textiel"),
    ("Munthuis van {town}", "munt"),
    ("Atelier {surname}", "beeldhouwwerk meubel"),
)
_TOWNS = (
    "Gent",
    "Antwerpen",
    "Brugge",
    "Mechelen",
    "Leuven",
    "Kortrijk",
    "Ieper",
    "Oudenaarde",
    "Aalst",
    "Lier",
    "Hasselt",
    "Sint-Niklaas",
    "Oostende",
    "Tongeren",
    "Dendermonde",
)


def invented_artist(rng: random.Random) -> Artist:
    """Make up a plausible regional maker, living or dead, person or workshop."""
    town = pick(rng, _TOWNS)
    if rng.random() < 0.15:
        template, works = pick(rng, _GROUPS)
        return Artist(
            template.format(surname=pick(rng, SURNAMES), town=town),
            "Group",
            None,
            None,
            works,
            town,
        )
    birth = between(rng, 1780, 1985)
    death: int | None = birth + between(rng, 35, 92)
    if death is not None and death >= 2025:
        death = None
    work = pick(rng, _WORK_MIX)
    return Artist(
        f"{pick(rng, FIRST_NAMES)} {pick(rng, SURNAMES)}", "Person", birth, death, work, town
    )


def maker_pool(rng: random.Random, count: int) -> list[Artist]:
    """Return the real artists followed by invented ones, at least ``count`` makers in all."""
    pool = list(REAL_ARTISTS)
    while len(pool) < count:
        pool.append(invented_artist(rng))
    return pool
