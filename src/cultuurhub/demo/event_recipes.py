"""Recipes for demo events (the arts; see also ``event_community``): taxonomy, texts, times, prices.

Titles and descriptions are templates whose ``{slots}`` come from
:data:`cultuurhub.demo.event_vocabulary.SLOTS`, plus ``{place}`` and ``{town}`` from the event.
Calendar letters: ``s`` single, ``m`` multiple, ``p`` periodic, ``P`` permanent (repeat to weigh).
"""

from __future__ import annotations

from dataclasses import dataclass

from cultuurhub.demo import places as p

EVENING = (1200, 1230, 1170, 1215)  # 20:00, 20:30, 19:30, 20:15
AFTERNOON = (840, 900, 870, 930)
DAYTIME = (600, 570, 630, 780, 840)
ADULTS = ("-", "-", "-", "18-", "16-")
FAMILY = ("4-", "6-", "3-", "6-12", "4-10", "-")
KIDS = ("6-12", "8-12", "4-6", "3-6", "10-14", "6-10")
STAGE = (p.CULTURE_CENTRE, p.THEATRE, p.HALL)
VENUE_KINDS = ("cultuurcentrum", "gemeente", "theatergezelschap")


@dataclass(frozen=True, slots=True)
class Recipe:
    """How to make one kind of activity."""

    key: str
    type_id: str
    weight: int
    themes: str  # space-separated theme ids, checked against the allowed combinations
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    calendars: str
    starts: tuple[int, ...]
    duration: tuple[int, int]
    price: tuple[int, int]  # base price range in euro; (0, 0) is always free
    free: float  # share that is free although a price range is given
    ages: tuple[str, ...]
    places: tuple[str, ...]
    organizers: tuple[str, ...]
    translations: tuple[tuple[str, str, str, str], ...] = ()  # (nl, fr, en, de) titles


# fmt: off
ARTS_RECIPES: tuple[Recipe, ...] = (
    Recipe(
        "klassiek", "0.50.4.0.0", 6, "1.8.1.0.0",
        (
            "Concert: {ensemble} speelt {composer}", "{ensemble} – {work}",
            "Middagconcert: {ensemble}", "{composer} door {ensemble}", "Kerstconcert met {choir}",
        ),
        (
            "{ensemble} brengt een programma rond {composer}, met als hoogtepunt {work}. Een "
            "avond vol verfijnde muziek in {place}.",
            "In {place} speelt {ensemble} werk van {composer}. Vooraf is er om 19.15 uur een "
            "inleiding door de artistiek leider.",
        ),
        "sssssm", EVENING + AFTERNOON, (90, 130), (12, 32), 0.03, ADULTS, (*STAGE, p.MONUMENT),
        ("cultuurcentrum", "muziekgezelschap", "gemeente"),
        (
            (
                "Concert: {ensemble} speelt {composer}", "Concert : {ensemble} joue {composer}",
                "Concert: {ensemble} plays {composer}", "Konzert: {ensemble} spielt {composer}",
            ),
        ),
    ),
    Recipe(
        "pop", "0.50.4.0.0", 7, "1.8.3.1.0",
        ("{band} – {tour}", "{band} live", "{band} + support: {band2}", "{band} in concert"),
        (
            "{band} trekt met de {tour}-tour door Vlaanderen en houdt halt in {town}. Verwacht "
            "nieuwe nummers en de klassiekers die iedereen kan meezingen.",
            "Na een uitverkochte clubtour staat {band} in {place}. Een concert om niet te missen.",
        ),
        "ssssss", (1200, 1230, 1260), (90, 150), (15, 38), 0.02, ("-", "-", "12-", "16-"),
        (*STAGE, p.YOUTH_HOUSE, p.CLUB), ("cultuurcentrum", "jeugdhuis", "gemeente"),
        (("{band} live", "{band} en concert", "{band} live", "{band} live"),),
    ),
    Recipe(
        "jazz", "0.50.4.0.0", 3, "1.8.2.0.0",
        ("Jazz op zondag: {jazz}", "{jazz} in concert", "Jazzavond met {jazz}"),
        (
            "{jazz} brengt swingende jazz met een eigenzinnige twist. Een intiem concert in "
            "{place}.",
        ),
        "sssm", (*EVENING, 690), (90, 120), (10, 24), 0.1, ADULTS, (*STAGE, p.HORECA),
        ("cultuurcentrum", "vereniging", "jeugdhuis"),
    ),
    Recipe(
        "folk", "0.50.4.0.0", 2, "1.8.4.0.0",
        ("Wereldmuziek: {folk}", "{folk} – balfolk", "Folkavond met {folk}"),
        ("{folk} brengt folk uit Vlaanderen en ver daarbuiten. Met dansinitiatie voor wie wil.",),
        "ssss", EVENING, (90, 150), (8, 20), 0.1, ADULTS, (*STAGE, p.HORECA),
        ("cultuurcentrum", "vereniging", "muziekgezelschap"),
    ),
    Recipe(
        "amusement", "0.50.4.0.0", 3, "1.8.3.5.0",
        (
            "{singer} – {tour}", "Vlaamse avond met {singer}",
            "{singer} zingt de mooiste Vlaamse liedjes",
        ),
        ("{singer} brengt de grootste hits en een paar nieuwe nummers. Meezingen is verplicht!",),
        "ssssm", EVENING + AFTERNOON, (90, 150), (18, 40), 0.0, ("-",), STAGE,
        ("cultuurcentrum", "gemeente"),
    ),
    Recipe(
        "harmonie", "0.50.4.0.0", 3, "1.8.3.5.0 1.8.1.0.0",
        ("Jaarconcert {organizer}", "Lenteconcert {organizer}", "Kerstconcert {organizer}"),
        (
            "Onze muzikanten repeteerden maandenlang voor dit concert. Met werk van {composer} "
            "en populaire filmmuziek. Na afloop gezellig samenzijn.",
        ),
        "ss", EVENING + AFTERNOON, (100, 140), (8, 15), 0.2, ("-",),
        (p.HALL, p.MONUMENT, p.CULTURE_CENTRE), ("muziekgezelschap",),
    ),
    Recipe(
        "hiphop", "0.50.4.0.0", 2, "1.8.3.2.0", ("{rapper} live", "{rapper} + {rapper2}"),
        (
            "{rapper} is een van de sterkste stemmen van de Belgische hiphop. Een avond vol "
            "energie.",
        ),
        "s", (1230, 1260), (60, 120), (15, 28), 0.0, ("-", "14-", "16-"), (*STAGE, p.YOUTH_HOUSE),
        ("cultuurcentrum", "jeugdhuis"),
    ),
    Recipe(
        "toneel", "0.55.0.0.0", 7, "1.3.1.0.0",
        ("{company} – '{play}'", "'{play}' door {company}", "Toneel: '{play}'"),
        (
            "{company} brengt een eigentijdse versie van '{play}'. Scherp, grappig en "
            "ontroerend. Een voorstelling over familie, schuld en de dingen die we niet zeggen.",
            "Met '{play}' zet {company} een klassieker naar zijn hand. Nagesprek met de makers "
            "na de voorstelling.",
        ),
        "sssmm", EVENING, (80, 150), (14, 30), 0.0, ("-", "14-", "16-"), STAGE,
        ("cultuurcentrum", "theatergezelschap"),
        (
            (
                "'{play}' door {company}", "« {play} » par {company}", "'{play}' by {company}",
                "„{play}“ von {company}",
            ),
        ),
    ),
    Recipe(
        "familie", "0.55.0.0.0", 5, "1.3.1.0.0",
        (
            "Familievoorstelling '{fairytale}' ({age}+)", "'{fairytale}' door {company} ({age}+)",
            "Kindervoorstelling: '{fairytale}'",
        ),
        (
            "Een voorstelling voor jong en oud naar het bekende verhaal '{fairytale}', met "
            "muziek, poppen en veel humor. Voor kinderen vanaf {age} jaar en hun (groot)ouders.",
        ),
        "ssmm", (840, 900, 660, 1020), (45, 70), (7, 14), 0.03, FAMILY, (*STAGE, p.LIBRARY),
        ("cultuurcentrum", "theatergezelschap", "bibliotheek"),
    ),
    Recipe(
        "comedy", "0.55.0.0.0", 5, "1.3.10.0.0",
        ("{comedian} – {show}", "{comedian}: '{show}'", "Comedy: {comedian}"),
        (
            "In '{show}' neemt {comedian} het dagelijkse leven op de korrel. Scherpe "
            "observaties en een zaal die dubbel ligt.",
        ),
        "ssm", EVENING, (75, 110), (18, 30), 0.0, ("14-", "16-", "-"), STAGE, ("cultuurcentrum",),
    ),
    Recipe(
        "musical", "0.55.0.0.0", 2, "1.4.0.0.0",
        ("Musical '{musical}'", "{company} brengt '{musical}'"),
        (
            "De musical '{musical}' komt naar {town}, met live band, spetterende "
            "choreografieën en een cast van meer dan twintig zangers.",
        ),
        "mm", EVENING + AFTERNOON, (120, 170), (25, 55), 0.0, ("-",), STAGE,
        ("cultuurcentrum", "theatergezelschap"),
    ),
    Recipe(
        "opera", "0.55.0.0.0", 1, "1.5.0.0.0",
        ("Opera: {opera}", "'{opera}' – opera in concertversie"),
        (
            "Een toegankelijke versie van '{opera}', met solisten en orkest. Boventiteling in "
            "het Nederlands.",
        ),
        "sm", EVENING, (150, 200), (28, 60), 0.0, ("-",), (p.THEATRE, p.CULTURE_CENTRE),
        ("cultuurcentrum",),
    ),
    Recipe(
        "dans", "0.54.0.0.0", 4, "1.9.2.0.0 1.9.1.0.0",
        ("{dancecompany} – '{dancetitle}'", "Dans: '{dancetitle}'"),
        (
            "In '{dancetitle}' zoeken de dansers van {dancecompany} de grenzen van het lichaam "
            "op. Een beeldende voorstelling op livemuziek.",
        ),
        "ssm", EVENING, (60, 100), (14, 32), 0.0, ("-", "12-"), STAGE,
        ("cultuurcentrum", "theatergezelschap"),
    ),
    Recipe(
        "film", "0.50.6.0.0", 6, "1.7.4.0.0 1.7.3.0.0 1.7.11.0.0 1.7.1.0.0 1.7.8.0.0 1.7.15.0.0",
        (
            "Filmclub: '{film}'", "Seniorenfilm: '{film}'", "Film: '{film}'",
            "Cinema in {town}: '{film}'",
        ),
        (
            "De filmclub toont '{film}', een film die bij publiek en pers hoge ogen gooide. Na "
            "de film is er een korte nabespreking.",
        ),
        "ssmm", (*EVENING, 840), (95, 150), (5, 10), 0.1, ADULTS,
        (p.CINEMA, p.CULTURE_CENTRE, p.LIBRARY, p.HALL),
        ("cultuurcentrum", "vereniging", "bibliotheek"),
    ),
    Recipe(
        "kinderfilm", "0.50.6.0.0", 2, "1.7.12.0.0",
        ("Kinderfilm: '{kidsfilm}'", "Filmnamiddag: '{kidsfilm}'"),
        ("Popcorn erbij en genieten maar: '{kidsfilm}' op groot scherm, voor de hele familie.",),
        "sm", (840, 870), (80, 100), (3, 6), 0.2, FAMILY, (p.CINEMA, p.CULTURE_CENTRE, p.LIBRARY),
        ("cultuurcentrum", "bibliotheek"),
    ),
    Recipe(
        "lezing", "0.3.2.0.0", 8,
        "1.11.0.0.0 1.10.0.0.0 1.25.0.0.0 1.64.0.0.0 1.37.0.0.0 1.37.1.0.0 1.40.0.0.0 1.37.2.0.0",
        (
            "Lezing: '{topic}' door {speaker}", "{speaker} over {topic}", "Infoavond: {topic}",
            "Boekvoorstelling: '{book}' met {speaker}", "Lezing over {topic}",
        ),
        (
            "{speaker} vertelt boeiend en helder over {topic}. Na de lezing is er ruimte voor "
            "vragen uit het publiek.",
            "Wat weten we eigenlijk over {topic}? {speaker} neemt je mee in een verhaal vol "
            "verrassende inzichten.",
        ),
        "sssssm", (*EVENING, 840), (90, 120), (4, 12), 0.3, ("-", "-", "16-"),
        (p.LIBRARY, p.CULTURE_CENTRE, p.HALL, p.SCHOOL),
        ("vereniging", "bibliotheek", "cultuurcentrum", "museum"),
        (
            (
                "{speaker} over {topic}", "Conférence de {speaker}", "Lecture by {speaker}",
                "Vortrag von {speaker}",
            ),
        ),
    ),
    Recipe(
        "expo", "0.0.0.0.0", 6,
        "1.0.1.0.0 1.0.6.0.0 1.0.2.0.0 1.0.4.0.0 1.0.9.0.0 1.0.3.0.0 1.2.2.0.0",
        (
            "Tentoonstelling '{expotitle}'", "{artist}. {expotitle}", "Expo: {expotitle}",
            "{artist} – {expotitle}",
        ),
        (
            "De tentoonstelling '{expotitle}' brengt werk van {artist} samen met minder "
            "bekende tijdgenoten, uit de eigen collectie en bruiklenen.",
            "Met '{expotitle}' zet {organizer} {artist} in de kijker, met werken die zelden "
            "te zien zijn.",
        ),
        "pppppPs", DAYTIME, (420, 480), (0, 14), 0.35, ("-",),
        (p.MUSEUM, p.CULTURE_CENTRE, p.HALL), ("museum", "cultuurcentrum", "vereniging"),
        (
            (
                "Tentoonstelling '{expotitle}'", "Exposition « {expotitle} »",
                "Exhibition '{expotitle}'", "Ausstellung „{expotitle}“",
            ),
        ),
    ),
    Recipe(
        "fotoexpo", "0.0.0.0.0", 2, "1.0.6.0.0",
        (
            "Fototentoonstelling '{expotitle}' van {photographer}", "{photographer}. {expotitle}",
        ),
        (
            "{photographer} trok door Vlaanderen en legde het leven vast in beelden die "
            "ontroeren. Een tentoonstelling vol stille verhalen.",
        ),
        "ppppPs", DAYTIME, (420, 480), (0, 10), 0.5, ("-",),
        (p.MUSEUM, p.CULTURE_CENTRE, p.LIBRARY, p.HALL),
        ("museum", "cultuurcentrum", "vereniging", "bibliotheek"),
    ),
    Recipe(
        "erfgoedexpo", "0.0.0.0.0", 3, "1.40.0.0.0 1.11.0.0.0",
        (
            "{town} vroeger en nu", "Vaste collectie {organizer}", "Expo: {walktheme} in {town}",
            "{town} in de Eerste Wereldoorlog",
        ),
        (
            "Ontdek het verhaal van {town} aan de hand van voorwerpen, foto's en getuigenissen "
            "uit de collectie. Een tentoonstelling voor jong en oud.",
        ),
        "ppPP", DAYTIME, (420, 480), (0, 10), 0.4, ("-",), (p.MUSEUM, p.MONUMENT, p.LIBRARY),
        ("museum", "vereniging", "gemeente"),
    ),
    Recipe(
        "rondleiding", "0.7.0.0.0", 5, "1.40.0.0.0 1.2.1.0.0 1.11.0.0.0 1.64.0.0.0",
        (
            "Rondleiding door {monument}", "Gegidste wandeling: {walktheme} in {town}",
            "Stadswandeling: {walktheme}", "Rondleiding in {place}",
        ),
        (
            "Een gids neemt je mee langs {monument} en vertelt de verhalen achter de gevels. "
            "Afspraak aan de ingang, stevige schoenen aanbevolen.",
        ),
        "ssmmm", (600, 840, 900, 1140), (90, 120), (5, 12), 0.3, ("-",),
        (p.MONUMENT, p.PUBLIC_SPACE, p.MUSEUM), ("gemeente", "museum", "vereniging"),
        (
            (
                "Rondleiding door {monument}", "Visite guidée de {town}", "Guided tour of {town}",
                "Führung durch {town}",
            ),
        ),
    ),
    Recipe(
        "workshop", "0.3.1.0.0", 8, "1.42.0.0.0 1.0.4.0.0 1.0.6.0.0 1.0.1.0.0 1.10.0.0.0",
        (
            "Workshop {skill} {audience}", "Cursus {skill} {audience}",
            "Lessenreeks {skill} ({lessons} lessen)", "Initiatie {skill}",
        ),
        (
            "In deze reeks leer je stap voor stap de basis van {skill}. Materiaal is "
            "inbegrepen, je neemt je eigen werk mee naar huis.",
            "Altijd al eens {skill} willen proberen? Een ervaren lesgever begeleidt je in "
            "kleine groep.",
        ),
        "mmmms", (570, 840, 1140, 1170), (120, 180), (30, 140), 0.05, ("-", "16-", "18-", "12-"),
        (p.SCHOOL, p.CULTURE_CENTRE, p.LIBRARY, p.HALL),
        ("vereniging", "cultuurcentrum", "bibliotheek", "museum"),
    ),
    Recipe(
        "opensessies", "0.3.1.0.1", 2, "1.42.0.0.0 1.37.1.0.0",
        ("Open atelier {skill}", "Praatcafé Nederlands", "Repair Café", "Naaicafé"),
        (
            "Iedere week kan je vrij binnenlopen, zonder inschrijving. Iedereen is welkom, van "
            "beginner tot gevorderde.",
        ),
        "mmp", (840, 1140), (120, 180), (0, 5), 0.5, ("-",), (p.LIBRARY, p.CULTURE_CENTRE, p.HALL),
        ("bibliotheek", "vereniging"),
    ),
)
# fmt: on

# fmt: off
TRANSLATED_DESCRIPTIONS = {
    "fr": "{title} à {town}. Bienvenue à tous ; réservation conseillée.",
    "en": "{title} in {town}. Everyone is welcome; booking is recommended.",
    "de": "{title} in {town}. Alle sind willkommen; Reservierung empfohlen.",
}
# fmt: on
