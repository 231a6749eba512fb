"""Words that fill the event templates: performers, works, films, topics, skills.

Each key is a slot name used as ``{slot}`` in the templates of :mod:`cultuurhub.demo.event_recipes`.
"""

from __future__ import annotations

# fmt: off
SLOTS: dict[str, tuple[str, ...]] = {
    "ensemble": (
        "Het Collectief", "Brussels Philharmonic", "Casco Phil", "Il Gardellino",
        "B'Rock Orchestra", "Spiegel Strijkers", "Danel Kwartet", "Oxalys",
        "Goeyvaerts String Trio", "Kamerorkest Gent", "Ensemble Cantabile", "Strijkkwartet Arsis",
        "Trio Ondine", "Pianotrio Cassandra", "Symfonisch Orkest Waasland",
        "Harmonieorkest Vlaanderen", "Barokensemble Les Ombres",
    ),
    "choir": (
        "Collegium Vocale Gent", "Vlaams Radiokoor", "Kamerkoor Furiant", "Capella di Voce",
        "Jeugdkoor Cantate", "Gemengd koor Sint-Cecilia", "Vocaal ensemble Nova", "Koor Arsis",
    ),
    "composer": (
        "Ravel", "Bach", "Beethoven", "Schubert", "Mozart", "Brahms", "César Franck", "Ysaÿe",
        "Debussy", "Lekeu", "Peter Benoit", "Vivaldi", "Arvo Pärt", "Sjostakovitsj", "Dvořák",
        "Haydn", "Mendelssohn", "Poulenc", "Chopin", "Jan Van der Roost",
    ),
    "work": (
        "de Goldbergvariaties", "het Requiem van Mozart", "De vier seizoenen", "de Winterreise",
        "de Negende symfonie", "de Matthäus-Passion", "het Forellenkwintet", "de Nieuwe Wereld",
        "de Pianoconcerto's", "de Messiah", "Pictures at an Exhibition", "de Cellosuites",
        "het Stabat Mater", "de Hoboconcerten", "de Brandenburgse concerten", "Carmina Burana",
    ),
    "band": (
        "De Mens", "Bazart", "Portland", "Whispering Sons", "Stikstof", "Meskerem Mees",
        "Ertebrekers", "De Nachtwakers", "Velvet Kapel", "Lichtjaren", "Mooneye",
        "Het Zesde Zintuig", "Tourist LeMC", "Sons", "Black Box Revelation", "Zwarte Zee",
        "Tamino", "Eefje de Visser", "De Kreuners", "Het Zoete Gif", "Ballroom Dynamo", "Spinvis",
        "Noordkaap", "Gorki",
    ),
    "tour": (
        "Nachtlicht", "Terug naar af", "Dertig jaar", "Zomerzotheid", "Stilte na de storm",
        "Nieuwe Wegen", "Lichtjaren", "Alles of niets", "Greatest Hits", "Hemelsblauw",
    ),
    "jazz": (
        "Jef Neve Trio", "Nathalie Loriers Quartet", "Brussels Jazz Orchestra", "Aka Moon",
        "Jazz Station Big Band", "Lobi Traoré Tribute", "Kwartet Vonk", "Trio Grande",
        "Hendrik Braeckman Kwintet", "Sylvain Lemêtre Quartet", "The Bathtub Sessions",
    ),
    "folk": (
        "Laïs", "Kadril", "Ambrozijn", "Wör", "Naragonia", "Fado Bicha", "Baba Yaga",
        "Nordic Strings", "Orchestre Balkan Gent", "Trio Trad", "Balfolk Collectief",
    ),
    "singer": (
        "Willy Sommers", "Yasmine", "Laura Lynn", "Johan Verminnen", "Kommil Foo", "Wim Mertens",
        "Jo Vally", "Bart Peeters", "Wendy Van Wanten", "Raymond van het Groenewoud",
        "Lisa Del Bo", "Lil' Kleine", "Frank Vander linden", "Isabelle A", "Sam Gooris",
    ),
    "dj": (
        "DJ Lotte", "Daddy K", "Lady Linn", "The Oddword", "Soulwax DJ's", "Mademoiselle Paris",
        "DJ Sven", "Boogie Nights Crew", "Vinylclub Gent",
    ),
    "rapper": (
        "Zwangere Guy", "Brihang", "Blu Samu", "Tourist LeMC", "Coely", "Frank Vander Zwart",
        "Miss Angel", "Hoodlum", "Onhold",
    ),
    "company": (
        "FC Bergman", "Olympique Dramatique", "tg STAN", "Het Toneelhuis", "De Roovers", "BRONKS",
        "Kopergietery", "hetpaleis", "LOD muziektheater", "Laika", "Studio ORKA", "De Spelerij",
        "Theater Froe Froe", "fABULEUS", "Het Kwartier", "Zwerm", "Lichtval", "De Wolkenvangers",
        "Theater Tieret", "Compagnie Barbarie", "De Spiegelmakers",
    ),
    "play": (
        "Hamlet", "De Kersentuin", "Medea", "Antigone", "Het Gezin Van Paemel", "Oom Wanja",
        "Wachten op Godot", "De Meeuw", "Mistero Buffo", "Nachtwake", "Het Verdriet van België",
        "De Leeuw van Vlaanderen", "Mariken van Nieumeghen", "Elckerlyc", "Pallieter",
        "De Avonden", "Het Achterhuis", "Drie zusters", "Woyzeck", "Een vijand van het volk",
    ),
    "fairytale": (
        "De kleine zeemeermin", "Roodkapje", "Hans en Grietje", "De Gelaarsde Kat", "Sneeuwwitje",
        "Pinokkio", "De Kleine Prins", "Alice in Wonderland", "Kikker is verliefd",
        "Rupsje Nooitgenoeg", "Assepoester", "De wolf en de zeven geitjes", "Dikkie Dik",
        "Nijntje", "Jip en Janneke", "Het lelijke jonge eendje", "Pluk van de Petteflet",
    ),
    "comedian": (
        "Alex Agnew", "Wouter Deprez", "Jeroen Verdick", "Piet Huysentruyt", "Nigel Williams",
        "Bert Gabriëls", "Xander De Rycke", "Soe Nsuki", "Jens Dendoncker", "Philippe Geubels",
        "Kamal Kharmach", "Tom Van Dyck", "William Boeva", "Lieven Scheire", "Wim Helsen",
    ),
    "show": (
        "Verloren tijd", "Alles komt goed", "Zonder filter", "Mijn leven als mens", "Bijna 50",
        "Nieuwe show", "Tryout", "Uitgesproken", "Geen paniek", "Eerlijk gezegd", "Oververmoeid",
    ),
    "musical": (
        "Daens", "40-45", "Kuifje", "Mamma Mia!", "The Sound of Music", "Annie", "Les Misérables",
        "Grease", "Kiss Me, Kate", "Fame", "Aladin", "Peter Pan", "Sister Act", "Evita",
    ),
    "opera": (
        "La Traviata", "Carmen", "De Toverfluit", "La Bohème", "Don Giovanni", "Rigoletto",
        "Tosca", "Madama Butterfly", "Die Fledermaus", "Le nozze di Figaro", "Il Barbiere",
    ),
    "dancecompany": (
        "Rosas", "Ultima Vez", "Peeping Tom", "Les Ballets C de la B", "Eastman", "Kabinet K",
        "Opera Ballet Vlaanderen", "Ballet Dommage", "Hiatus", "Ontroerend Goed", "Vlaamse Dans",
    ),
    "dancetitle": (
        "Het Zwanenmeer", "De Notenkraker", "Bolero", "Lichaamstaal", "Drift", "Zwaartekracht",
        "De Vuurvogel", "Giselle", "Stilstand", "Echo", "Nachtdieren", "Assemblage",
    ),
    "film": (
        "Close", "Girl", "Rundskop", "Belgica", "Het Smelt", "Patser", "Le Gamin au vélo",
        "De Zaak Alzheimer", "Onze Natuur", "Duindorp", "Zeventien", "Muidhond", "Skunk", "Daens",
        "Ben X", "Dalva", "Lost Boys", "La Chimera", "Perfect Days", "Anatomie d'une chute",
        "Le Fabuleux destin d'Amélie Poulain", "Het Geluk van Bij", "Augustus", "Fille de Joie",
    ),
    "kidsfilm": (
        "Nijntje de film", "Samson & Gert", "Wolfwalkers", "Mijn Naam is Courgette", "Totoro",
        "Kiki's Delivery Service", "De Gruffalo", "Paddington", "Kabouter Wesley", "Ploegsteert",
    ),
    "speaker": (
        "Bart Van Loo", "Lieven Scheire", "David Van Reybrouck", "Marc Reynebeau", "Dirk Draulans",
        "Griet Op de Beeck", "Joël De Ceulaer", "Leen Huet", "Jan Leyers", "Pieter Serrien",
        "Lize Spit", "Annelies Verbeke", "Stefan Hertmans", "Tom Lanoye", "Bart Moeyaert",
        "prof. Katrien Mertens", "dr. Koen Peeters", "Nathalie Claes", "Jef Aerts",
    ),
    "topic": (
        "de Bourgondiërs", "de Vlaamse Primitieven", "de Eerste Wereldoorlog in de Westhoek",
        "duurzaam wonen", "opvoeden zonder stress", "de klimaatcrisis",
        "artificiële intelligentie", "stamboomonderzoek", "de geschiedenis van het bier",
        "trage wegen in de streek", "de Boerenkrijg", "dementie en zorg", "slaap",
        "het brein van de puber", "bijen en bloemen", "het begijnhof door de eeuwen",
        "de textielindustrie in Vlaanderen", "Pieter Bruegel", "de Guldensporenslag",
        "digitale veiligheid voor senioren", "ons voedselsysteem", "vluchtelingen en migratie",
        "mindfulness", "de Schelde", "de Vlaamse beweging",
    ),
    "book": (
        "Het Verdriet van België", "Het Smelt", "De Avonden", "Kinderen van Hellas", "Congo",
        "Revolusi", "Oorlog en terpentijn", "De Bourgondiërs", "Het gouden ei", "Zomervacht",
        "Wij zijn de natuur", "Vaders die rouwen", "De Nieuwe Wereld", "Het Vlaamse land",
    ),
    "expotitle": (
        "Licht op de Leie", "Verborgen schatten", "Vlaamse meesters van dichtbij", "Stad en mens",
        "Het landschap als spiegel", "Uit de reserves", "Papier en inkt", "Nieuw licht",
        "Tussen droom en daad", "Sporen van oorlog", "Aan tafel!", "Ensor en zijn tijdgenoten",
        "Kleur bekennen", "Het moderne leven", "Beeld en woord", "Vrouwen in de kunst",
        "Honderd jaar kermis", "Made in Vlaanderen", "De zee", "Portretten van het dorp",
    ),
    "artist": (
        "James Ensor", "Emile Claus", "Constant Permeke", "Léon Spilliaert", "Rik Wouters",
        "Anna Boch", "Jenny Montigny", "Marthe Donas", "Gustave Van de Woestyne", "Frans Masereel",
        "Raoul De Keyser", "Panamarenko", "Roger Raveel", "Berlinde De Bruyckere", "Luc Tuymans",
        "Michaël Borremans", "Jan Fabre", "Hans Op de Beeck", "Sofie Muller", "Thierry De Cordier",
    ),
    "photographer": (
        "Stephan Vanfleteren", "Lieve Blancquaert", "Filip Claus", "Bieke Depoorter",
        "Michiel Hendryckx", "Carl De Keyzer", "Dirk Braeckman", "Max Pinckers", "Tine Claerhout",
    ),
    "monument": (
        "het Begijnhof", "de Sint-Romboutstoren", "het Belfort", "de oude stadswallen",
        "het Gravensteen", "de abdij", "de historische binnenstad", "het kasteeldomein",
        "de Sint-Baafskathedraal", "de oude molen", "het stadhuis", "de citadel",
        "het Groot Begijnhof", "de kerk en het kerkhof", "de oude brouwerij", "het fort",
    ),
    "walktheme": (
        "Verborgen hoekjes", "Art nouveau", "Het middeleeuwse centrum",
        "Brouwerijen en stokerijen", "Oorlogssporen", "Het leven van de begijnen",
        "Industrieel erfgoed", "Straatkunst", "Heksen en legenden", "De oude haven",
        "Groene parels", "Vrouwen die het verschil maakten",
    ),
    "skill": (
        "linodruk", "aquarelleren", "keramiek", "fotografie", "schrijven", "boetseren",
        "kalligrafie", "naaien", "breien", "bloemschikken", "houtbewerking", "pottenbakken",
        "digitale fotografie", "stripverhalen tekenen", "zingen", "djembé", "gitaar", "ukelele",
        "Italiaanse keuken", "Frans voor beginners", "Spaans", "smartphonefotografie", "yoga",
        "tai chi", "salsa", "stand-upcomedy", "podcasten", "zeefdruk", "mozaïek", "modeltekenen",
    ),
    "audience": (
        "voor volwassenen", "voor beginners", "voor gevorderden", "voor kinderen (8-12)",
        "voor senioren", "voor jongeren", "voor gezinnen",
    ),
    "sport": (
        "Yoga in het park", "Start to run", "Petanquetornooi", "Zumba", "Fietstocht", "Pilates",
        "Nordic walking", "Seniorensportdag", "Badmintoninitiatie", "Omnisportkamp", "Wandeling",
        "Kajaktocht op de Leie", "Mountainbiketocht", "Padel voor beginners",
        "Bewegen op verwijzing",
    ),
    "match": (
        "Volleybal: {town} – Maaseik", "Basketbal: Kangoeroes – Oostende",
        "Wielerkoers voor nieuwelingen", "Veldrit {town}", "Voetbal: KFC {town} – SK Eernegem",
        "Handbal: Achilles – Sporting Neerpelt", "Gentse Zesdaagse", "Omloop van {town}",
        "Kampioenschap krulbollen",
    ),
    "market": (
        "Rommelmarkt", "Kerstmarkt", "Boekenmarkt", "Boerenmarkt", "Zomermarkt", "Ambachtenmarkt",
        "Vlooienmarkt", "Antiek- en brocantemarkt", "Paasmarkt", "Wereldmarkt", "Plantenruilbeurs",
    ),
    "fair": (
        "Stripbeurs", "Antiekbeurs", "Hobbybeurs", "Boekenbeurs", "Trouwbeurs", "Verzamelbeurs",
        "Platenbeurs", "Wijnbeurs", "Modelbouwbeurs", "Studiebeurs",
    ),
    "festive": (
        "Sint-Maartensfeest", "Carnavalsstoet", "Nieuwjaarsreceptie", "Buurtfeest", "Kermis",
        "Sinterklaasfeest", "Halloweentocht", "Paaseierenraap", "Ommegang", "Vuurwerk",
        "Lichtstoet", "Kinderfeest", "Zomerbar", "Feest van de Vlaamse Gemeenschap",
    ),
    "route": (
        "Fietsroute langs de Schelde", "Wandelroute door de kouters", "Zoektocht voor kinderen",
        "Kunstroute", "Erfgoedwandeling", "Kapellenroute", "Molenroute", "Trage wegenwandeling",
        "Hoevewandeling", "Luisterwandeling", "Beeldenroute", "Kabouterpad",
    ),
    "party": (
        "80s & 90s party", "Retro party", "Fuif", "Silent disco", "Schuimparty", "Après-ski party",
        "Foute party", "Latin night", "Houseparty", "Quiz- en fuifavond",
    ),
    "feast": (
        "Mosselfeest", "Spaghettiavond", "Biertasting", "Pensenkermis", "Wafelbak", "Barbecue",
        "Wijnproefavond", "Paella-avond", "Ontbijt aan huis", "Stoofvleesfestijn", "Jeneveravond",
        "Vegetarisch buffet",
    ),
    "game": (
        "Quiz", "Bingo", "Kaarting", "Schaaktoernooi", "Gezelschapsspellenavond", "Muziekquiz",
        "Escape room", "Kubbtoernooi", "Bordspellencafé", "Familiequiz",
    ),
    "camp": (
        "Sportkamp", "Creakamp", "Natuurkamp", "Theaterkamp", "Dansatelier", "Kookkamp",
        "Wetenschapskamp", "Circuskamp", "Ridderkamp", "Programmeerkamp", "Taalkamp Frans",
    ),
    "festival": (
        "Jazz Festival", "Zomerfestival", "Feest in het Park", "Folk Festival", "Kunstenfestival",
        "Straattheaterfestival", "Filmfestival", "Literatuurfestival", "Klassiek in het Park",
        "Wereldfestival", "Jeugdfestival",
    ),
    "closing": (
        "Tickets via de webshop of aan de balie.", "Na afloop is er een drankje.",
        "Reserveren is aangeraden: het aantal plaatsen is beperkt.",
        "Kom op tijd: we starten stipt.", "Inschrijven kan tot een week op voorhand.",
        "Leden krijgen korting.",
    ),
    "free": (
        "De toegang is gratis.", "Gratis, maar laat ons even weten dat je komt.",
        "Gratis toegang, iedereen welkom.",
    ),
}
# fmt: on
