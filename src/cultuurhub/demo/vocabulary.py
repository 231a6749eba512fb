"""Dutch words the demo builds names and addresses from: streets, people, organisations."""

from __future__ import annotations

import unicodedata

# fmt: off
STREETS = (
    "Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenstraat", "Nieuwstraat", "Schoolstraat",
    "Kapelstraat", "Hoogstraat", "Veldstraat", "Beekstraat", "Kasteelstraat", "Meersstraat",
    "Brugstraat", "Kouter", "Lindenlaan", "Boomgaardstraat", "Bosstraat", "Gildestraat",
    "Sint-Jansstraat", "Vaartstraat", "Koning Albertstraat", "Leopoldlaan", "Pastorijstraat",
    "Heirweg", "Groenstraat", "Processiestraat", "Kloosterstraat", "Begijnhofstraat",
    "Stationsplein", "Bruggestraat", "Gentsesteenweg", "Brusselsesteenweg", "Oudenaardsesteenweg",
    "Vredestraat", "Zandstraat", "Ringlaan", "Torenstraat", "Abdijstraat", "Sint-Pietersplein",
    "Kaai", "Vismarkt", "Graanmarkt", "Koornmarkt", "Lange Nieuwstraat", "Korte Kerkstraat",
    "Hospitaalstraat", "Karmelietenstraat", "Dokter Van de Perrestraat", "Jan Frans Willemsstraat",
    "Hendrik Consciencestraat", "Guido Gezellestraat", "Peter Benoitlaan",
    "Pieter Coutereelstraat", "Ieperstraat", "Kortrijksestraat", "Mechelsesteenweg", "Lierselei",
    "Antwerpsesteenweg",
)
# fmt: on
# fmt: off
SQUARES = ("Markt", "Grote Markt", "Dorpsplein", "Kerkplein", "Marktplein", "Stadsplein")
# fmt: on

# fmt: off
FIRST_NAMES = (
    "Jan", "Piet", "Koen", "Bart", "Wim", "Tom", "Pieter", "Jef", "Luc", "Dirk", "Geert", "Stijn",
    "Sander", "Lander", "Jonas", "Wout", "Arne", "Seppe", "Tijs", "Ruben", "Bram", "Mathias", "An",
    "Els", "Katrien", "Griet", "Lieve", "Sofie", "Lotte", "Nele", "Marie", "Hanne", "Fien", "Ilse",
    "Veerle", "Annelies", "Eline", "Lien", "Saar", "Femke", "Noor", "Amira", "Yasmine", "Mohamed",
    "Youssef", "Karim", "Lucas", "Louise", "Elise", "Jolien", "Bieke", "Kaat",
)
# fmt: on
# fmt: off
SURNAMES = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
    "De Smet", "Dubois", "Lambrechts", "Vermeulen", "Van Damme", "De Clercq", "Verstraete",
    "Desmet", "Claeys", "Pauwels", "De Backer", "Vandenberghe", "Van den Broeck", "Hermans",
    "Michiels", "Aerts", "Smets", "Verhoeven", "Van Acker", "De Wilde", "Vercammen", "Declercq",
    "Vanhoutte", "Coppens", "Martens", "Verbeke", "De Meyer", "Bogaert", "Van Hecke", "Segers",
    "Devos", "Lemmens", "Moens", "Hendrickx", "Baert", "Cools", "De Vos", "Van Laere", "Bultinck",
)
# fmt: on
# fmt: off
SAINTS = (
    "Sint-Jan", "Sint-Pieter", "Sint-Martinus", "Sint-Jozef", "Sint-Amandus", "Sint-Niklaas",
    "Sint-Cecilia", "Sint-Rochus", "Sint-Anna", "Onze-Lieve-Vrouw", "Sint-Bavo", "Sint-Gertrudis",
    "Sint-Lambertus", "Sint-Catharina", "Sint-Elooi", "Sint-Michiel", "Sint-Antonius",
)
# fmt: on

# fmt: off
CULTURAL_CENTRE_NAMES = (
    "De Schakel", "Het Gasthuis", "De Werf", "De Spil", "Ter Vesten", "De Steiger", "Zwaneberg",
    "De Kimpel", "De Meent", "Het Bolwerk", "De Borre", "De Ploter", "De Kruisboog", "Het Perron",
    "De Brouwerij", "Het Pakhuis", "De Mol", "Den Amer", "De Vaart", "Ter Dilft", "Het Spoor",
    "De Kollebloem", "Het Leerhuis", "Het Kasteel", "De Kouter", "De Zwaan", "Het Bad",
)
# fmt: on
# fmt: off
THEATRE_COMPANY_NAMES = (
    "Zwerm", "Lichtval", "De Wolkenvangers", "Nachtvlinder", "De Vuurvogel", "Bries", "Kaaiman",
    "Tijgerlelie", "Het Kwartier", "De Spiegelmakers", "Stiltekamer", "Tafelspel", "De Verteller",
    "Het Zuiderlicht", "Pluimen", "Ondergrond", "De Kraaien", "Maanzaad", "Vonk", "Kolder",
)
# fmt: on
# fmt: off
THEATRE_COMPANY_PREFIXES = ("Theater", "Toneelgroep", "Compagnie", "Gezelschap", "Theatergroep")
# fmt: on
# fmt: off
YOUTH_HOUSE_NAMES = (
    "Den Eglantier", "De Klinker", "'t Kroeske", "Zenith", "Tijl", "Comma", "De Zolder",
    "Het Depot", "Kadee", "De Schuur", "Paljas", "Wommel", "Den Ekster", "De Kelder",
)
# fmt: on
# fmt: off
SOCIETY_TEMPLATES = (
    "Davidsfonds {town}", "Willemsfonds {town}", "Ferm {town}", "Okra {town}", "Vief {town}",
    "Gezinsbond {town}", "Landelijke Gilde {town}", "Natuurpunt {town}",
    "Heemkundige Kring {town}", "Kunstkring {town}", "Fotoclub {town}",
    "Toneelkring {saint} {town}", "Chiro {saint} {town}", "KWB {town}", "Markant {town}",
    "Vormingplus {town}", "Neos {town}", "Curieus {town}", "Vrienden van de Bib {town}",
    "Feestcomité {town}", "Handelaarsvereniging {town}", "Wandelclub De Stapvoets {town}",
)
# fmt: on
# fmt: off
MUSIC_SOCIETY_TEMPLATES = (
    "Koninklijke Harmonie {saint} {town}", "Koninklijke Fanfare De Eendracht {town}",
    "Brassband {town}", "{saint}koor {town}", "Kamerkoor Cantabile {town}", "Muziekkapel {town}",
    "Big Band {town}", "Accordeonclub {town}",
)
# fmt: on
# fmt: off
MUSEUM_TEMPLATES = (
    "Stedelijk Museum {town}", "Museum voor Schone Kunsten {town}", "Erfgoedhuis {town}",
    "Heemkundig Museum {town}", "Stadsmuseum {town}", "Museum Hof van {surname}", "Huis {surname}",
    "Museum Oud Hospitaal {town}", "Galerie {surname}",
)
# fmt: on

# Telephone zone per arrondissement (2025 names).
# fmt: off
PHONE_ZONES = {
    "Antwerpen": "03", "Mechelen": "015", "Turnhout": "014", "Hasselt": "011", "Maaseik": "089",
    "Tongeren": "012", "Tongeren-Borgloon": "012", "Aalst": "053", "Dendermonde": "052",
    "Eeklo": "09", "Gent": "09", "Oudenaarde": "055", "Sint-Niklaas": "03",
    "Halle-Vilvoorde": "02", "Leuven": "016", "Brugge": "050", "Diksmuide": "051", "Ieper": "057",
    "Kortrijk": "056", "Oostende": "059", "Roeselare": "051", "Tielt": "051", "Veurne": "058",
}
# fmt: on

# UiTPAS card systems (labels from the taxonomy) by municipality, then by arrondissement.
# fmt: off
UITPAS_BY_TOWN = {
    "Gent": "UiTPAS Gent", "Aalst": "UiTPAS Regio Aalst", "Oostende": "UiTPAS Oostende",
    "Mechelen": "UiTPAS Mechelen", "Leuven": "UiTPAS Leuven", "Lier": "UiTPAS Lier",
    "Mortsel": "UiTPAS Mortsel", "Aarschot": "UiTPAS Aarschot", "Nijlen": "UiTPAS Nijlen",
    "Maasmechelen": "UiTPAS Maasmechelen", "Heist-op-den-Berg": "UiTPAS Heist-op-den-Berg",
    "Bornem": "UiTPAS Bornem", "Maldegem": "UiTPAS Maldegem", "Boom": "UiTPAS Rupel",
    "Sint-Pieters-Leeuw": "UiTPAS Sint-Pieters-Leeuw",
}
# fmt: on
# fmt: off
UITPAS_BY_ARRONDISSEMENT = {
    "Turnhout": "UiTPAS Kempen", "Eeklo": "UiTPAS Meetjesland", "Tongeren": "UiTPAS Haspengouw",
    "Tongeren-Borgloon": "UiTPAS Haspengouw", "Ieper": "UiTPAS Westhoek",
    "Diksmuide": "UiTPAS Westhoek", "Veurne": "UiTPAS Westhoek", "Kortrijk": "UiTPAS Zuidwest",
}
# fmt: on


_TOWN_WORDS = (
    ("Stadhuis", "Gemeentehuis"), ("Stadspark", "Gemeentepark"), ("Stadsschouwburg", "Schouwburg"),
    ("Stedelijk Zwembad", "Gemeentelijk Zwembad"), ("Stedelijk Museum", "Gemeentelijk Museum"),
    ("Stadsmuseum", "Gemeentemuseum"),
)  # fmt: skip
CITY_POPULATION = 35_000  # above this a municipality is called "Stad" in the demo


def municipal(name: str, population: int) -> str:
    """Say "gemeente" instead of "stad" in the names of small municipalities' buildings."""
    if population > CITY_POPULATION or not name.startswith(("Stad", "Sted")):
        return name
    for city_word, village_word in _TOWN_WORDS:
        if name.startswith(city_word):
            return village_word + name[len(city_word) :]
    return name


def slug(text: str) -> str:
    """Return lowercase ASCII letters and digits only, as in a domain name."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(char for char in folded.lower() if char.isalnum())


def phone_number(zone: str, digits: int) -> str:
    """Format a Belgian landline number in the usual grouping."""
    if len(zone) == 2:
        text = str(2_000_000 + digits % 8_000_000)
        return f"{zone} {text[:3]} {text[3:5]} {text[5:]}"
    text = str(200_000 + digits % 800_000)
    return f"{zone} {text[:2]} {text[2:4]} {text[4:]}"
