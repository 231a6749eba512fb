"""Recipes for the community side of the agenda: camps, markets, fairs, parties, quizzes, sport."""

from __future__ import annotations

from cultuurhub.demo import places as p
from cultuurhub.demo.event_recipes import KIDS, Recipe

# fmt: off
COMMUNITY_RECIPES: tuple[Recipe, ...] = (
    Recipe(
        "kamp", "0.57.0.0.0", 4, "1.11.2.0.0 1.42.0.0.0 1.51.12.0.0 1.64.0.0.0 1.21.0.0.0",
        ("{camp} ({agetext})", "Zomerkamp: {camp}", "Paaskamp: {camp}", "Herfstkamp: {camp}"),
        (
            "Een week vol spel, creativiteit en nieuwe vriendjes. Opvang voorzien vanaf 8 uur. "
            "Breng een lunchpakket en een drinkfles mee.",
        ),
        "sm", (540,), (420, 480), (70, 180), 0.0, KIDS,
        (p.SCHOOL, p.SPORTS_CENTRE, p.YOUTH_HOUSE, p.NATURE),
        ("gemeente", "vereniging", "jeugdhuis"),
    ),
    Recipe(
        "markt", "0.37.0.0.0", 3, "1.17.0.0.0 1.63.0.0.0 1.10.0.0.0 1.37.2.0.0",
        ("{market} {town}", "{market} op de markt", "Grote {market}"),
        (
            "Kramen vol koopjes, lekkers en ambachtelijke producten. Een gezellige dag voor "
            "het hele gezin.",
        ),
        "ssp", (480, 540, 600), (300, 540), (0, 0), 0.0, ("-",), (p.PUBLIC_SPACE, p.HALL),
        ("gemeente", "vereniging"),
    ),
    Recipe(
        "opendeur", "0.12.0.0.0", 1, "",
        ("Opendeurdag {organizer}", "Open Monumentendag: {monument}", "Erfgoeddag in {town}"),
        (
            "Kom een kijkje nemen achter de schermen. Doorlopend rondleidingen en activiteiten "
            "voor kinderen.",
        ),
        "s", (600,), (360, 420), (0, 0), 0.0, ("-",), (p.MONUMENT, p.MUSEUM, p.LIBRARY, p.SCHOOL),
        ("museum", "bibliotheek", "gemeente", "cultuurcentrum"),
    ),
    Recipe(
        "beurs", "0.6.0.0.0", 1, "1.17.0.0.0 1.10.8.0.0 1.10.0.0.0",
        ("{fair} {town}", "Internationale {fair}"),
        (
            "Meer dan honderd standhouders verzamelen in {place}. Met lezingen en "
            "demonstraties doorheen de dag.",
        ),
        "ss", (540, 600), (420, 480), (3, 8), 0.3, ("-",), (p.HALL, p.SPORTS_CENTRE),
        ("vereniging", "gemeente"),
    ),
    Recipe(
        "festival", "0.5.0.0.0", 2, "1.8.3.1.0 1.8.2.0.0 1.0.9.0.0 1.8.4.0.0 1.10.0.0.0",
        ("{town} {festival}", "{festival} {town}"),
        (
            "Een weekend lang muziek, theater en lekker eten in het hart van {town}. Met "
            "{band}, {jazz} en tientallen andere artiesten.",
        ),
        "ssm", (840, 900), (480, 600), (15, 80), 0.3, ("-",), (p.PUBLIC_SPACE, p.NATURE),
        ("gemeente", "vereniging", "jeugdhuis"),
        (("{town} {festival}", "{town} {festival}", "{town} {festival}", "{town} {festival}"),),
    ),
    Recipe(
        "festiviteit", "0.28.0.0.0", 4, "", ("{festive} {town}", "{festive}"),
        (
            "De hele buurt komt samen voor een feest met muziek, animatie en een hapje en een "
            "drankje. Iedereen welkom!",
        ),
        "s", (840, 1080, 660), (180, 300), (0, 0), 0.0, ("-",), (p.PUBLIC_SPACE, p.HALL),
        ("gemeente", "vereniging"),
    ),
    Recipe(
        "route", "0.17.0.0.0", 2, "", ("{route}", "{route} in {town}"),
        (
            "Een bewegwijzerde route langs de mooiste plekjes van {town}. De brochure met "
            "kaart is gratis verkrijgbaar aan het onthaal.",
        ),
        "PPp", (540,), (120, 240), (0, 0), 0.0, ("-",), (p.PUBLIC_SPACE, p.NATURE),
        ("gemeente", "vereniging"),
    ),
    Recipe(
        "fuif", "0.49.0.0.0", 3, "", ("{party}", "{party} met {dj}", "{party} – {organizer}"),
        (
            "De beste hits van vroeger en nu, met {dj} achter de draaitafels. Bandjes en drank "
            "aan democratische prijzen.",
        ),
        "s", (1320, 1290), (240, 300), (5, 15), 0.1, ("16-", "16-", "18-"),
        (p.YOUTH_HOUSE, p.HALL, p.CLUB), ("jeugdhuis", "vereniging"),
    ),
    Recipe(
        "eetfestijn", "1.50.0.0.0", 3, "", ("{feast} {organizer}", "{feast}"),
        (
            "Schuif mee aan tafel voor het jaarlijkse {feast}. De opbrengst gaat naar de "
            "werking van de vereniging. Inschrijven vooraf.",
        ),
        "ssm", (690, 1080), (180, 300), (15, 30), 0.0, ("-",), (p.HALL, p.YOUTH_HOUSE, p.SCHOOL),
        ("vereniging", "muziekgezelschap", "jeugdhuis"),
    ),
    Recipe(
        "quiz", "0.50.21.0.0", 3, "", ("{game} {organizer}", "{game}"),
        (
            "Ploegen van maximum zes personen strijden om de eer en mooie prijzen. Inschrijven "
            "per ploeg, drank aan democratische prijzen.",
        ),
        "s", (1170, 1200), (180, 240), (10, 30), 0.2, ("-", "12-"),
        (p.HALL, p.YOUTH_HOUSE, p.HORECA, p.LIBRARY), ("vereniging", "jeugdhuis", "bibliotheek"),
    ),
    Recipe(
        "sport", "0.59.0.0.0", 4, "1.51.14.0.0 1.51.12.0.0 1.51.13.0.0",
        ("{sport}", "{sport} in {town}", "{sport} voor iedereen"),
        (
            "Samen bewegen in een ontspannen sfeer, onder begeleiding van een ervaren "
            "lesgever. Geen ervaring nodig.",
        ),
        "smm", (540, 600, 1140), (60, 120), (0, 8), 0.5, ("-", "-", "55-"),
        (p.SPORTS_CENTRE, p.NATURE, p.PUBLIC_SPACE), ("gemeente", "vereniging"),
    ),
    Recipe(
        "wedstrijd", "0.19.0.0.0", 1, "1.51.13.0.0 1.51.14.0.0", ("{match}",),
        ("Supporter mee voor de lokale ploeg! Cafetaria open vanaf een uur voor de start.",), "s",
        (900, 1200), (120, 180), (5, 15), 0.3, ("-",), (p.SPORTS_CENTRE, p.PUBLIC_SPACE),
        ("gemeente", "vereniging"),
    ),
)
# fmt: on
