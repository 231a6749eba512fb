"""The portal's words, Dutch first with English beside: one catalogue, nothing scattered.

Every string a page shows that is not data lives in :data:`MESSAGES` (key → Dutch, English),
and so do the date words (days and months) and English names for the taxonomy terms people
filter on most (event types and accessibility facilities; other terms keep their Dutch label).
Templates call ``t("key")``; Python code calls :meth:`Messages.__call__` the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Lang = Literal["nl", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("nl", "en")
DEFAULT_LANGUAGE: Final[Lang] = "nl"
LANGUAGE_COOKIE: Final = "cultuurhub_lang"

# fmt: off
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # the frame: header, footer, skip link, language switch
    "site.name": ("cultuurhub", "cultuurhub"),
    "site.tagline": ("Cultuur in Vlaanderen, open voor iedereen",
                     "Culture in Flanders, open to everyone"),
    "site.skip": ("Ga naar de inhoud", "Skip to content"),
    "site.skip_search": ("Ga naar het zoekvak", "Skip to search"),
    "site.home": ("Startpagina", "Home"),
    "site.nav": ("Hoofdmenu", "Main menu"),
    "site.nav.search": ("Zoeken", "Search"),
    "site.nav.today": ("Vandaag", "Today"),
    "site.nav.weekend": ("Dit weekend", "This weekend"),
    "site.nav.developers": ("Open data", "Open data"),
    "lang.switch": ("Taal", "Language"),
    "lang.other": ("English", "Nederlands"),
    "lang.other_code": ("en", "nl"),
    "lang.switch_label": ("Read this page in English", "Lees deze pagina in het Nederlands"),
    "footer.about": ("cultuurhub is de gedeelde, open datahub van de Vlaamse cultuursector.",
                     "cultuurhub is the shared, open data hub of the Flemish cultural sector."),
    "footer.data": ("Alle gegevens zijn open data: JSON-LD, OpenAPI.",
                    "All data is open data: JSON-LD, OpenAPI."),
    "footer.api": ("API-documentatie", "API documentation"),
    "footer.licence": ("Software onder EUPL-1.2", "Software under EUPL-1.2"),
    # search box
    "search.label": ("Zoek een activiteit, plaats of erfgoed",
                     "Search for an event, place or heritage"),
    "search.placeholder": ("bv. jazz in Gent, Rubens, familievoorstelling",
                           "e.g. jazz in Ghent, Rubens, family show"),
    "search.button": ("Zoeken", "Search"),
    # home
    "home.title": ("Vind cultuur in Vlaanderen", "Find culture in Flanders"),
    "home.lead": ("Concerten, voorstellingen, tentoonstellingen, erfgoed en meer: "
                  "uit één open databank van de sector.",
                  "Concerts, shows, exhibitions, heritage and more: "
                  "from one open database of the sector."),
    "home.quick": ("Snel kiezen", "Quick picks"),
    "home.highlights": ("Binnenkort", "Coming up"),
    "home.highlights_none": ("Er staan nog geen activiteiten in de agenda.",
                             "There are no events in the agenda yet."),
    "home.counts": ("Wat staat er in de hub?", "What is in the hub?"),
    "home.more": ("Alle activiteiten", "All events"),
    "home.developers": ("Voor ontwikkelaars", "For developers"),
    "home.developers_text": ("Elk record is open beschikbaar als JSON-LD; de volledige API "
                             "staat in de OpenAPI-documentatie.",
                             "Every record is openly available as JSON-LD; the full API is in "
                             "the OpenAPI documentation."),
    "pick.today": ("Vandaag", "Today"),
    "pick.weekend": ("Dit weekend", "This weekend"),
    "pick.week": ("Deze week", "This week"),
    "pick.free": ("Gratis", "Free"),
    "pick.children": ("Voor kinderen", "For children"),
    "count.event": ("activiteiten", "events"),
    "count.place": ("locaties", "places"),
    "count.organizer": ("organisatoren", "organisers"),
    "count.object": ("erfgoedobjecten", "heritage objects"),
    "count.agent": ("personen en groepen", "people and groups"),
    "count.concept": ("begrippen", "concepts"),
    # record kinds
    "kind.event": ("Activiteit", "Event"),
    "kind.place": ("Locatie", "Place"),
    "kind.organizer": ("Organisator", "Organiser"),
    "kind.object": ("Erfgoedobject", "Heritage object"),
    # event page
    "event.when": ("Wanneer", "When"),
    "event.occurrences": ("Alle data", "All dates"),
    "event.occurrence_count": ("{count} data", "{count} dates"),
    "event.period": ("Van {start} tot en met {end}", "From {start} to {end}"),
    "event.permanent": ("Altijd te bezoeken", "Always open"),
    "event.opening_hours": ("Openingsuren", "Opening hours"),
    "event.closed_days": ("Gesloten", "Closed"),
    "event.past": ("voorbij", "past"),
    "event.where": ("Waar", "Where"),
    "event.online": ("Online", "Online"),
    "event.online_link": ("Deelnemen via internet", "Join online"),
    "event.mixed": ("Ter plaatse en online", "On site and online"),
    "event.prices": ("Prijzen", "Prices"),
    "event.price_unknown": ("Geen prijsinformatie.", "No price information."),
    "event.base_price": ("Basistarief", "Standard price"),
    "event.free": ("Gratis", "Free"),
    "event.valid_from": ("vanaf {date}", "from {date}"),
    "event.valid_through": ("tot en met {date}", "until {date}"),
    "event.uitpas": ("UiTPAS", "UiTPAS"),
    "event.booking": ("Tickets en reserveren", "Tickets and booking"),
    "event.book": ("Reserveer of koop tickets", "Book or buy tickets"),
    "event.booking_phone": ("Telefoon", "Phone"),
    "event.booking_email": ("E-mail", "E-mail"),
    "event.booking_window": ("Reserveren kan van {start} tot {end}.",
                             "Booking is open from {start} to {end}."),
    "event.accessibility": ("Toegankelijkheid", "Accessibility"),
    "event.accessibility_none": ("De organisator gaf geen toegankelijkheidsinformatie op. "
                                 "Vraag ernaar bij de organisator.",
                                 "The organiser gave no accessibility information. "
                                 "Ask the organiser."),
    "event.organizer": ("Organisator", "Organiser"),
    "event.related": ("Ook interessant", "You may also like"),
    "event.related_place": ("Meer op deze locatie", "More at this place"),
    "event.related_organizer": ("Meer van deze organisator", "More by this organiser"),
    "event.age": ("Leeftijd", "Age"),
    "event.age_all": ("Voor alle leeftijden", "For all ages"),
    "event.age_from": ("Vanaf {low} jaar", "From age {low}"),
    "event.age_until": ("Tot {high} jaar", "Up to age {high}"),
    "event.age_between": ("Van {low} tot {high} jaar", "Ages {low} to {high}"),
    "event.audience_members": ("Alleen voor leden", "Members only"),
    "event.audience_education": ("Voor scholen", "For schools"),
    "event.children_only": ("Alleen voor kinderen", "For children only"),
    "event.type": ("Soort", "Type"),
    "event.themes": ("Thema's", "Themes"),
    "event.contact": ("Contact", "Contact"),
    "event.remaining": ("Nog {count} plaatsen", "{count} places left"),
    "event.about": ("Over deze activiteit", "About this event"),
    "event.map": ("Bekijk op de kaart", "View on the map"),
    "event.image_credit": ("Beeld: {holder}", "Image: {holder}"),
    "event.data": ("Deze gegevens als JSON-LD", "This data as JSON-LD"),
    "card.until": ("Nog tot en met {date}", "Until {date}"),
    # statuses
    "status.cancelled": ("Geannuleerd", "Cancelled"),
    "status.postponed": ("Uitgesteld", "Postponed"),
    "status.soldout": ("Uitverkocht", "Sold out"),
    "status.available": ("Gaat door", "Goes ahead"),
    "status.closed": ("Gesloten", "Closed"),
    "status.event_cancelled": ("Deze activiteit is geannuleerd.", "This event is cancelled."),
    "status.event_postponed": ("Deze activiteit is uitgesteld; een nieuwe datum volgt.",
                               "This event is postponed; a new date will follow."),
    "status.event_soldout": ("Deze activiteit is uitverkocht.", "This event is sold out."),
    # place page
    "place.address": ("Adres", "Address"),
    "place.upcoming": ("Binnenkort op deze locatie", "Coming up at this place"),
    "place.none": ("Er staan hier geen activiteiten gepland.", "No events are planned here."),
    "place.capacity": ("Capaciteit", "Capacity"),
    "place.capacity_people": ("{count} personen", "{count} people"),
    "place.facilities": ("Voorzieningen", "Facilities"),
    # organiser page
    "organizer.website": ("Website", "Website"),
    "organizer.upcoming": ("Activiteiten van deze organisator", "Events by this organiser"),
    "organizer.none": ("Deze organisator heeft geen geplande activiteiten.",
                       "This organiser has no planned events."),
    "organizer.collection": ("Uit de collectie", "From the collection"),
    "organizer.kind": ("Soort organisatie", "Kind of organisation"),
    # heritage object page
    "object.images": ("Afbeeldingen", "Images"),
    "object.no_image": ("Er is geen afbeelding van dit object.",
                        "There is no image of this object."),
    "object.image_alt": ("Afbeelding van {title}", "Image of {title}"),
    "object.creators": ("Makers", "Makers"),
    "object.born": ("°{date}", "b. {date}"),
    "object.date": ("Datering", "Date"),
    "object.number": ("Objectnummer", "Object number"),
    "object.type": ("Objecttype", "Object type"),
    "object.materials": ("Materialen", "Materials"),
    "object.techniques": ("Technieken", "Techniques"),
    "object.dimensions": ("Afmetingen", "Dimensions"),
    "object.subjects": ("Onderwerpen", "Subjects"),
    "object.places": ("Plaatsen", "Places"),
    "object.holder": ("Bewaard door", "Held by"),
    "object.provenance": ("Herkomst", "Provenance"),
    "object.details": ("Gegevens", "Details"),
    "object.iiif": ("IIIF-beelddienst", "IIIF image service"),
    # rights in plain words: may I reuse this?
    "reuse.question": ("Mag ik dit hergebruiken?", "May I reuse this?"),
    "reuse.statement": ("Rechtenverklaring", "Rights statement"),
    "reuse.image_statement": ("Rechten op deze afbeelding", "Rights on this image"),
    "reuse.yes": ("Ja, vrij", "Yes, freely"),
    "reuse.conditions": ("Ja, onder voorwaarden", "Yes, with conditions"),
    "reuse.limited": ("Beperkt", "Limited"),
    "reuse.no": ("Nee", "No"),
    "reuse.unknown": ("Niet bekend", "Not known"),
    "reuse.pd": ("Ja, vrij. Dit werk is publiek domein: je mag het gebruiken, bewerken en "
                 "delen, ook commercieel, zonder toestemming.",
                 "Yes, freely. This work is in the public domain: you may use, adapt and share "
                 "it, also commercially, without asking."),
    "reuse.cc0": ("Ja, vrij. De rechthebbende heeft afstand gedaan van alle rechten (CC0): "
                  "gebruik, bewerk en deel het, ook commercieel.",
                  "Yes, freely. The rights holder waived all rights (CC0): use, adapt and share "
                  "it, also commercially."),
    "reuse.by": ("Ja, met naamsvermelding. Je mag het gebruiken, bewerken en delen, ook "
                 "commercieel, als je de maker en de bron vermeldt.",
                 "Yes, with attribution. You may use, adapt and share it, also commercially, "
                 "if you credit the maker and the source."),
    "reuse.by-sa": ("Ja, met naamsvermelding en onder dezelfde licentie. Wat je ermee maakt, "
                    "deel je onder dezelfde voorwaarden.",
                    "Yes, with attribution and under the same licence. Share what you make "
                    "with it under the same terms."),
    "reuse.by-nd": ("Ja, met naamsvermelding, maar ongewijzigd: je mag het delen, ook "
                    "commercieel, niet bewerken.",
                    "Yes, with attribution, but unchanged: you may share it, also "
                    "commercially, but not adapt it."),
    "reuse.by-nc": ("Ja, maar niet commercieel en met naamsvermelding.",
                    "Yes, but not commercially, and with attribution."),
    "reuse.by-nc-sa": ("Ja, maar niet commercieel, met naamsvermelding en onder dezelfde "
                       "licentie.",
                       "Yes, but not commercially, with attribution and under the same "
                       "licence."),
    "reuse.by-nc-nd": ("Ja, maar niet commercieel, met naamsvermelding en ongewijzigd.",
                       "Yes, but not commercially, with attribution and unchanged."),
    "reuse.InC": ("Nee, niet zonder toestemming. Dit werk is auteursrechtelijk beschermd: "
                  "vraag het de rechthebbende.",
                  "No, not without permission. This work is in copyright: ask the rights "
                  "holder."),
    "reuse.InC-OW-EU": ("Nee, niet zonder meer. Dit is een verweesd werk: de rechthebbende is "
                        "niet gevonden. Vraag de bewarende instelling.",
                        "Not as such. This is an orphan work: the rights holder could not be "
                        "found. Ask the holding institution."),
    "reuse.InC-EDU": ("Alleen voor onderwijs. Voor ander gebruik vraag je de rechthebbende "
                      "om toestemming.",
                      "Only for education. For other uses ask the rights holder for "
                      "permission."),
    "reuse.InC-NC": ("Ja, maar niet commercieel. Voor commercieel gebruik vraag je de "
                     "rechthebbende om toestemming.",
                     "Yes, but not commercially. For commercial use ask the rights holder."),
    "reuse.InC-RUU": ("Nee, niet zonder meer. Het werk is beschermd, maar de rechthebbende is "
                      "onbekend of onvindbaar. Vraag de bewarende instelling.",
                      "Not as such. The work is in copyright, but the rights holder is unknown "
                      "or cannot be found. Ask the holding institution."),
    "reuse.NoC-CR": ("Er rust geen auteursrecht op, maar een contract beperkt het gebruik. "
                     "Lees de voorwaarden van de bewarende instelling.",
                     "There is no copyright, but a contract limits its use. Read the holding "
                     "institution's terms."),
    "reuse.NoC-NC": ("Ja, maar niet commercieel. Er rust geen auteursrecht op; de instelling "
                     "vraagt om het alleen niet-commercieel te gebruiken.",
                     "Yes, but not commercially. There is no copyright; the institution asks "
                     "for non-commercial use only."),
    "reuse.NoC-OKLR": ("Er rust geen auteursrecht op, maar andere wetten beperken het gebruik "
                       "(bv. privacy of erfgoedwetgeving). Vraag het de bewarende instelling.",
                       "There is no copyright, but other laws limit its use (e.g. privacy or "
                       "heritage law). Ask the holding institution."),
    "reuse.NoC-US": ("Vrij in de Verenigde Staten; elders kan het nog beschermd zijn. "
                     "Vraag het de bewarende instelling.",
                     "Free in the United States; elsewhere it may still be protected. Ask the "
                     "holding institution."),
    "reuse.CNE": ("Niet bekend: de auteursrechten zijn nog niet nagegaan. Vraag het de "
                  "bewarende instelling.",
                  "Not known: the copyright status has not been checked yet. Ask the holding "
                  "institution."),
    "reuse.UND": ("Niet bekend: de auteursrechtelijke status kon niet bepaald worden. Vraag "
                  "het de bewarende instelling.",
                  "Not known: the copyright status could not be determined. Ask the holding "
                  "institution."),
    "reuse.NKC": ("Waarschijnlijk wel: er is geen auteursrecht bekend, maar de instelling kan "
                  "het niet garanderen.",
                  "Probably yes: no copyright is known, but the institution cannot guarantee "
                  "it."),
    "reuse.none": ("Niet bekend: er is geen rechtenverklaring gegeven. Vraag het de bewarende "
                   "instelling.",
                   "Not known: no rights statement was given. Ask the holding institution."),
    # results
    "results.title": ("Zoekresultaten", "Search results"),
    "results.title_query": ("Resultaten voor “{query}”", "Results for “{query}”"),
    "results.count": ("{count} resultaten", "{count} results"),
    "results.count_one": ("1 resultaat", "1 result"),
    "results.none": ("Niets gevonden. Probeer een ander woord of minder filters.",
                     "Nothing found. Try another word or fewer filters."),
    "results.partial": ("De zoekopdracht duurde te lang; je ziet een deel van de resultaten.",
                        "The search took too long; you see part of the results."),
    "results.filters": ("Filters", "Filters"),
    "results.apply": ("Filters toepassen", "Apply filters"),
    "results.clear": ("Alle filters wissen", "Clear all filters"),
    "results.remove_filter": ("Filter {label} wissen", "Remove filter {label}"),
    "results.active": ("Actieve filters", "Active filters"),
    "results.sort": ("Sorteren", "Sort"),
    "results.sort_relevance": ("Best passend", "Best match"),
    "results.sort_date": ("Datum", "Date"),
    "results.sort_name": ("Naam", "Name"),
    "results.sort_modified": ("Laatst bijgewerkt", "Recently updated"),
    "results.sort_apply": ("Sorteer", "Sort"),
    "results.pages": ("Paginering", "Pagination"),
    "results.previous": ("Vorige", "Previous"),
    "results.next": ("Volgende", "Next"),
    "results.page_of": ("Pagina {page} van {pages}", "Page {page} of {pages}"),
    "results.view": ("Weergave", "View"),
    "results.view_list": ("Lijst", "List"),
    "results.view_map": ("Kaart", "Map"),
    "results.map_title": ("Kaart van de resultaten", "Map of the results"),
    "results.map_nojs": ("De kaart heeft JavaScript en kaarttegels nodig; de lijst hieronder "
                         "werkt altijd.",
                         "The map needs JavaScript and map tiles; the list below always works."),
    "results.map_disabled": ("Er is geen kaartserver ingesteld; je ziet de resultaten als lijst.",
                             "No map server is configured; you see the results as a list."),
    "results.when": ("Wanneer", "When"),
    "results.any_time": ("Altijd", "Any time"),
    "results.from": ("Van", "From"),
    "results.to": ("Tot en met", "Until"),
    "results.age_label": ("Leeftijd van wie meegaat", "Age of who goes"),
    "results.kinds": ("Soort resultaten", "Kind of results"),
    "results.kind_all": ("alles", "everything"),
    "results.map_points": ("{count} resultaten op de kaart", "{count} results on the map"),
    "pick.tomorrow": ("Morgen", "Tomorrow"),
    "results.free": ("Gratis", "Free"),
    "results.children": ("Voor kinderen", "For children"),
    "results.more": ("Meer tonen", "Show more"),
    "facet.type": ("Soort", "Kind"),
    "facet.eventtype": ("Type activiteit", "Type of event"),
    "facet.theme": ("Thema", "Theme"),
    "facet.region": ("Regio", "Region"),
    "facet.province": ("Provincie", "Province"),
    "facet.municipality": ("Gemeente", "Municipality"),
    "facet.date": ("Datum", "Date"),
    "facet.when": ("Wanneer", "When"),
    "facet.price": ("Prijs", "Price"),
    "facet.free": ("Gratis", "Free"),
    "facet.age": ("Leeftijd", "Age"),
    "facet.facility": ("Toegankelijkheid", "Accessibility"),
    "facet.facilities": ("Toegankelijkheid", "Accessibility"),
    "facet.status": ("Status", "Status"),
    "facet.organizer": ("Organisator", "Organiser"),
    "facet.holder": ("Bewaard door", "Held by"),
    "facet.object_type": ("Objecttype", "Object type"),
    "facet.rights": ("Hergebruik", "Reuse"),
    "facet.language": ("Taal", "Language"),
    "facet.audience": ("Publiek", "Audience"),
    "facet.attendance": ("Deelname", "Attendance"),
    # errors
    "error.not_found": ("Niet gevonden", "Not found"),
    "error.not_found_text": ("Deze pagina bestaat niet (meer). Zoek verder of ga naar de "
                             "startpagina.",
                             "This page does not exist (any more). Search on or go to the "
                             "home page."),
    "error.gone": ("Verwijderd", "Removed"),
    "error.gone_text": ("Dit werd uit de hub verwijderd.", "This was removed from the hub."),
    # bits
    "common.and": ("en", "and"),
    "common.unknown": ("onbekend", "unknown"),
    "common.website": ("Website", "Website"),
    "common.phone": ("Telefoon", "Phone"),
    "common.email": ("E-mail", "E-mail"),
    "common.description": ("Beschrijving", "Description"),
    "common.breadcrumb": ("Kruimelpad", "Breadcrumb"),
    "common.opens_new": ("(externe website)", "(external website)"),
    "common.in_dutch": ("(in het Nederlands)", "(in Dutch)"),
    # the organisation workspace (web/workspace*.py, templates/workspace/)
    "ws.title": ("Werkruimte", "Workspace"),
    "ws.nav": ("Menu van de werkruimte", "Workspace menu"),
    "ws.nav.overview": ("Overzicht", "Overview"),
    "ws.nav.imports": ("Importeren", "Imports"),
    "ws.nav.quality": ("Kwaliteit", "Quality"),
    "ws.nav.duplicates": ("Dubbels", "Duplicates"),
    "ws.nav.records": ("Records", "Records"),
    "ws.nav.keys": ("API-sleutels", "API keys"),
    "ws.nav.webhooks": ("Webhooks", "Webhooks"),
    "ws.signed_in_as": ("Aangemeld als {name}", "Signed in as {name}"),
    "ws.sign_out": ("Afmelden", "Sign out"),
    "ws.sign_in.title": ("Aanmelden in de werkruimte", "Sign in to the workspace"),
    "ws.sign_in.lead": ("Hier beheert je organisatie haar gegevens: importeren, de kwaliteit "
                        "opvolgen, dubbels nakijken en API-sleutels beheren.",
                        "Here your organisation manages its data: import, follow the quality, "
                        "review duplicates and manage API keys."),
    "ws.sign_in.key": ("API-sleutel van je organisatie", "Your organisation's API key"),
    "ws.sign_in.key_help": ("Een sleutel met schrijf- of beheerrechten (hij begint met ch_). "
                            "De sleutel zelf wordt niet in je browser bewaard.",
                            "A key with write or admin scope (it starts with ch_). The key "
                            "itself is not kept in your browser."),
    "ws.sign_in.button": ("Aanmelden", "Sign in"),
    "ws.signed_out": ("Je bent afgemeld.", "You are signed out."),
    "ws.expired": ("Je sessie is verlopen of niet meer geldig. Meld je opnieuw aan.",
                   "Your session expired or is no longer valid. Sign in again."),
    "ws.csrf": ("Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw "
                "en probeer nog eens.",
                "This form expired or did not come from this site. Reload the page and try "
                "again."),
    "ws.refused": ("Geweigerd", "Refused"),
    "ws.too_large": ("Het bestand of formulier is te groot (hoogstens {size}).",
                     "The file or form is too large (at most {size})."),
    "ws.not_found": ("Niet gevonden", "Not found"),
    "ws.not_found_text": ("Dit bestaat niet of hoort bij een andere organisatie.",
                          "This does not exist or belongs to another organisation."),
    "ws.back": ("Terug naar de werkruimte", "Back to the workspace"),
    "ws.overview.title": ("Overzicht", "Overview"),
    "ws.overview.records": ("{count} records", "{count} records"),
    "ws.overview.empty": ("Je organisatie heeft nog geen records.",
                          "Your organisation has no records yet."),
    "ws.overview.recent": ("Recente imports", "Recent imports"),
    "ws.overview.start": ("Nieuwe import", "New import"),
    "ws.imports.title": ("Importeren", "Imports"),
    "ws.upload.title": ("Een bestand opladen", "Upload a file"),
    "ws.upload.file": ("Bestand", "File"),
    "ws.upload.file_help": ("CSV, Excel (.xlsx), iCalendar (.ics), JSON-LD of een webpagina "
                            "(.html), UiTdatabank-JSON, LIDO of EDM (XML); hoogstens {size}.",
                            "CSV, Excel (.xlsx), iCalendar (.ics), JSON-LD or a web page "
                            "(.html), UiTdatabank JSON, LIDO or EDM (XML); at most {size}."),
    "ws.upload.format": ("Formaat", "Format"),
    "ws.upload.format_auto": ("Herken aan de bestandsnaam", "Tell from the file name"),
    "ws.upload.source": ("Naam van de bron (standaard de bestandsnaam)",
                         "Source name (default: the file name)"),
    "ws.upload.mapping": ("Mappingbestand in YAML (optioneel, alleen CSV en Excel)",
                          "Mapping file in YAML (optional, CSV and Excel only)"),
    "ws.upload.dry_run": ("Proefdraai: toon alleen de bevindingen en bewaar niets",
                          "Dry run: only show the findings and store nothing"),
    "ws.upload.button": ("Opladen en importeren", "Upload and import"),
    "ws.url.title": ("Een feed of OAI-PMH-bron registreren", "Register a feed or OAI-PMH source"),
    "ws.url.url": ("Adres (URL)", "Address (URL)"),
    "ws.url.format_auto": ("Herken aan het adres of het antwoord",
                           "Tell from the address or the answer"),
    "ws.url.prefix": ("OAI-PMH-metadataformaat (oai_dc, lido of edm)",
                      "OAI-PMH metadata format (oai_dc, lido or edm)"),
    "ws.url.set": ("OAI-PMH-set (optioneel)", "OAI-PMH set (optional)"),
    "ws.url.every": ("Herhaal om de zoveel uur (leeg: één keer)",
                     "Repeat every so many hours (empty: once)"),
    "ws.url.button": ("Registreren", "Register"),
    "ws.jobs.title": ("Imports van je organisatie", "Your organisation's imports"),
    "ws.jobs.none": ("Nog geen imports.", "No imports yet."),
    "ws.jobs.source": ("Bron", "Source"),
    "ws.jobs.created": ("Aangemaakt", "Created"),
    "ws.jobs.status": ("Status", "Status"),
    "ws.jobs.result": ("Resultaat", "Result"),
    "ws.jobs.dry_run": ("proefdraai", "dry run"),
    "ws.status.queued": ("In de wachtrij", "Queued"),
    "ws.status.running": ("Bezig", "Running"),
    "ws.status.done": ("Klaar", "Done"),
    "ws.status.failed": ("Mislukt", "Failed"),
    "ws.result": ("{created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd, "
                  "{rejected} geweigerd",
                  "{created} created, {updated} updated, {unchanged} unchanged, "
                  "{rejected} rejected"),
    "ws.job.title": ("Import van {source}", "Import of {source}"),
    "ws.job.finished": ("Klaar", "Finished"),
    "ws.job.progress": ("Voortgang", "Progress"),
    "ws.job.waiting": ("Deze import wacht op zijn beurt.", "This import waits for its turn."),
    "ws.job.phase.reading": ("{done} records gelezen", "{done} records read"),
    "ws.job.phase.storing": ("{done} van {total} records bewaard",
                             "{done} of {total} records stored"),
    "ws.job.phase.storing_open": ("{done} records bewaard; het bestand wordt nog gelezen",
                                  "{done} records stored; the file is still being read"),
    "ws.job.refreshing": ("Deze pagina ververst zichzelf tot de import klaar is.",
                          "This page refreshes itself until the import is done."),
    "ws.job.refresh_now": ("Nu verversen", "Refresh now"),
    "ws.job.error": ("Fout", "Error"),
    "ws.job.repeats": ("Dit adres wordt om de {hours} uur opnieuw opgehaald.",
                       "This address is fetched again every {hours} hours."),
    "ws.job.stop": ("Stop met herhalen", "Stop repeating"),
    "ws.job.stopped": ("Deze bron wordt niet meer herhaald.", "This source no longer repeats."),
    "ws.job.summary": ("Samenvatting", "Summary"),
    "ws.job.dry_run": ("Proefdraai: er werd niets bewaard.", "Dry run: nothing was stored."),
    "ws.job.accepted": ("Aanvaard", "Accepted"),
    "ws.job.created": ("Nieuw", "Created"),
    "ws.job.updated": ("Gewijzigd", "Updated"),
    "ws.job.unchanged": ("Ongewijzigd", "Unchanged"),
    "ws.job.deleted": ("Verwijderd", "Deleted"),
    "ws.job.rejected": ("Geweigerd", "Rejected"),
    "ws.job.errors": ("Fouten", "Errors"),
    "ws.job.warnings": ("Waarschuwingen", "Warnings"),
    "ws.job.score": ("Gemiddelde kwaliteit", "Average quality"),
    "ws.job.back": ("Alle imports", "All imports"),
    "ws.findings.title": ("Bevindingen", "Findings"),
    "ws.findings.count": ("{count} bevindingen", "{count} findings"),
    "ws.findings.none": ("Geen bevindingen.", "No findings."),
    "ws.findings.severity": ("Ernst", "Severity"),
    "ws.findings.all": ("Alle", "All"),
    "ws.findings.field": ("Veld of kolom", "Field or column"),
    "ws.findings.filter": ("Filteren", "Filter"),
    "ws.findings.download": ("Download als CSV", "Download as CSV"),
    "ws.findings.where": ("Waar", "Where"),
    "ws.findings.message": ("Bericht", "Message"),
    "ws.findings.row": ("rij {line}", "row {line}"),
    "ws.severity.error": ("Fout", "Error"),
    "ws.severity.warning": ("Waarschuwing", "Warning"),
    "ws.severity.info": ("Info", "Info"),
    "ws.quality.title": ("Kwaliteit van je gegevens", "Quality of your data"),
    "ws.quality.lead": ("Elk record krijgt een score van 0 tot 100 voor volledigheid, met wat "
                        "je kunt toevoegen om punten te winnen.",
                        "Every record gets a completeness score from 0 to 100, with what you "
                        "can add to gain points."),
    "ws.quality.average": ("Gemiddeld {score}/100 over {count} records",
                           "On average {score}/100 over {count} records"),
    "ws.quality.none": ("Er zijn nog geen records om te beoordelen.",
                        "There are no records to score yet."),
    "ws.quality.chart": ("Verdeling van de scores", "Distribution of the scores"),
    "ws.quality.chart_desc": ("Aantal records per scoreband: {bands}.",
                              "Number of records per score band: {bands}."),
    "ws.quality.chart_caption": ("Elke balk is een scoreband; de tabel eronder geeft dezelfde "
                                 "cijfers.",
                                 "Each bar is a score band; the table below gives the same "
                                 "numbers."),
    "ws.quality.chart_table": ("Records per scoreband", "Records per score band"),
    "ws.quality.band": ("Score", "Score"),
    "ws.quality.records": ("Records", "Records"),
    "ws.quality.problems": ("Wat het vaakst ontbreekt", "What is missing most often"),
    "ws.quality.problem": ("Probleem", "Problem"),
    "ws.quality.fix_first": ("Eerst te verbeteren", "Fix these first"),
    "ws.quality.score": ("Score", "Score"),
    "ws.quality.first": ("Voeg eerst toe", "Add first"),
    "ws.quality.all_complete": ("Al je records zijn volledig.", "All your records are complete."),
    "ws.dup.title": ("Mogelijke dubbels", "Likely duplicates"),
    "ws.dup.lead": ("Records van je organisatie die op elkaar lijken, of op records van andere "
                    "organisaties met dezelfde postcode. Niets wordt samengevoegd: jij beslist, "
                    "en alleen over je eigen records.",
                    "Records of your organisation that look alike, or like records of other "
                    "organisations with the same postcode. Nothing is merged: you decide, and "
                    "only about your own records."),
    "ws.dup.type": ("Soort", "Kind"),
    "ws.dup.show": ("Toon", "Show"),
    "ws.dup.count": ("{count} open groepen", "{count} open groups"),
    "ws.dup.none": ("Geen open mogelijke dubbels.", "No open likely duplicates."),
    "ws.dup.limited": ("Alleen de eerste {count} records werden vergeleken.",
                       "Only the first {count} records were compared."),
    "ws.dup.cluster": ("Groep {n}: {score}% gelijkend", "Group {n}: {score}% alike"),
    "ws.dup.reasons": ("Waarom", "Why"),
    "ws.dup.cross": ("Deze groep bevat records van andere organisaties. Je beslist alleen over "
                     "je eigen records; de hub voegt nooit samen over organisaties heen.",
                     "This group holds records of other organisations. You decide about your "
                     "own records only; the hub never merges across organisations."),
    "ws.dup.name": ("Naam", "Name"),
    "ws.dup.detail": ("Adres of datum", "Address or date"),
    "ws.dup.owner": ("Eigenaar", "Owner"),
    "ws.dup.owner_self": ("jouw organisatie", "your organisation"),
    "ws.dup.owner_other": ("andere organisatie", "another organisation"),
    "ws.dup.canonical": ("voorgesteld om te houden", "suggested to keep"),
    "ws.dup.same": ("Dezelfde: koppel met sameAs", "The same: link with sameAs"),
    "ws.dup.different": ("Niet dezelfde", "Not the same"),
    "ws.dup.saved_same": ("Bewaard: je records verwijzen nu met sameAs naar de andere.",
                          "Saved: your records now point to the others with sameAs."),
    "ws.dup.saved_different": ("Bewaard: deze groep wordt niet meer getoond.",
                               "Saved: this group is no longer shown."),
    "ws.records.title": ("Je records", "Your records"),
    "ws.records.count": ("{count} records", "{count} records"),
    "ws.records.name": ("Naam", "Name"),
    "ws.records.type": ("Soort", "Kind"),
    "ws.records.status": ("Workflowstatus", "Workflow status"),
    "ws.records.visibility": ("Zichtbaarheid", "Visibility"),
    "ws.records.modified": ("Gewijzigd", "Modified"),
    "ws.records.version": ("Versie", "Version"),
    "ws.records.all_types": ("Alle soorten", "All kinds"),
    "ws.records.all_statuses": ("Alle statussen", "All statuses"),
    "ws.type.event": ("Activiteit", "Event"),
    "ws.type.place": ("Locatie", "Place"),
    "ws.type.organizer": ("Organisator", "Organiser"),
    "ws.type.object": ("Erfgoedobject", "Heritage object"),
    "ws.type.agent": ("Persoon of groep", "Person or group"),
    "ws.type.concept": ("Begrip", "Concept"),
    "ws.workflow.draft": ("Klad", "Draft"),
    "ws.workflow.readyforvalidation": ("Klaar voor validatie", "Ready for validation"),
    "ws.workflow.approved": ("Goedgekeurd", "Approved"),
    "ws.workflow.rejected": ("Afgekeurd", "Rejected"),
    "ws.workflow.deleted": ("Verwijderd", "Deleted"),
    "ws.visibility.public": ("Openbaar", "Public"),
    "ws.visibility.private": ("Privé", "Private"),
    "ws.keys.title": ("API-sleutels", "API keys"),
    "ws.keys.lead": ("Met een sleutel werken systemen via de API in naam van je organisatie.",
                     "With a key, systems work through the API on behalf of your organisation."),
    "ws.keys.prefix": ("Sleutel", "Key"),
    "ws.keys.scopes": ("Rechten", "Scopes"),
    "ws.keys.created": ("Aangemaakt", "Created"),
    "ws.keys.state": ("Staat", "State"),
    "ws.keys.active": ("Actief", "Active"),
    "ws.keys.revoked": ("Ingetrokken op {date}", "Revoked on {date}"),
    "ws.keys.current": ("(deze sessie)", "(this session)"),
    "ws.keys.revoke": ("Intrekken", "Revoke"),
    "ws.keys.revoke_label": ("Sleutel {prefix} intrekken", "Revoke key {prefix}"),
    "ws.keys.revoked_done": ("De sleutel is ingetrokken; hij werkt niet meer.",
                             "The key is revoked; it no longer works."),
    "ws.keys.new": ("Nieuwe sleutel", "New key"),
    "ws.keys.scope.read": ("Lezen (ook de privé-records van je organisatie)",
                           "Read (your organisation's private records too)"),
    "ws.keys.scope.write": ("Schrijven (records, imports, sleutels)",
                            "Write (records, imports, keys)"),
    "ws.keys.scope.admin": ("Beheer (de hele hub)", "Admin (the whole hub)"),
    "ws.keys.create": ("Sleutel maken", "Create key"),
    "ws.keys.secret": ("Je nieuwe sleutel. Kopieer hem nu: hij wordt nooit meer getoond.",
                       "Your new key. Copy it now: it is never shown again."),
    "ws.keys.pick_scope": ("Kies minstens één recht.", "Choose at least one scope."),
    "ws.hooks.title": ("Webhooks", "Webhooks"),
    "ws.hooks.lead": ("Webhooks sturen elke wijziging door naar je eigen systemen. Je beheert "
                      "ze via de API (/webhooks); hier zie je hoe ze ervoor staan.",
                      "Webhooks pass every change on to your own systems. You manage them "
                      "through the API (/webhooks); here you see how they are doing."),
    "ws.hooks.docs": ("Documentatie van de webhooks-API", "Webhooks API documentation"),
    "ws.hooks.none": ("Nog geen webhooks.", "No webhooks yet."),
    "ws.hooks.url": ("Adres", "Address"),
    "ws.hooks.filters": ("Filters", "Filters"),
    "ws.hooks.position": ("Positie in de wijzigingen", "Position in the changes"),
    "ws.hooks.failures": ("Mislukte pogingen", "Failed attempts"),
    "ws.hooks.disabled": ("Uitgeschakeld op {date}", "Disabled on {date}"),
}

DAY_NAMES: Final[dict[Lang, tuple[str, ...]]] = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
DAY_KEYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES: Final[dict[Lang, tuple[str, ...]]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

TERM_NAMES_EN: Final[dict[str, str]] = {
    # event types
    "0.50.4.0.0": "Concert", "0.54.0.0.0": "Dance performance", "0.5.0.0.0": "Festival",
    "0.50.6.0.0": "Film", "0.3.2.0.0": "Lecture or conference",
    "0.55.0.0.0": "Theatre performance", "0.19.0.0.0": "Watching sport",
    "0.37.0.0.0": "Market, fair or funfair", "0.12.0.0.0": "Open day", "0.6.0.0.0": "Trade fair",
    "0.0.0.0.0": "Exhibition", "0.7.0.0.0": "Guided tour", "0.3.1.0.0": "Course series",
    "0.3.1.0.1": "Course with open sessions", "0.57.0.0.0": "Camp or holiday",
    "0.28.0.0.0": "Festivity", "0.17.0.0.0": "Route", "0.49.0.0.0": "Party",
    "1.50.0.0.0": "Food or drinks festival", "0.50.21.0.0": "Game or quiz",
    "0.59.0.0.0": "Sport and exercise",
    # accessibility facilities
    "3.25.0.0.0": "Contact point for people with a disability",
    "3.23.3.0.0": "Wheelchair available", "3.26.0.0.0": "Accessible parking",
    "3.13.1.0.0": "Facilities for assistance dogs", "3.23.2.0.0": "Assistance",
    "3.30.0.0.0": "Wheelchair platform", "3.27.0.0.0": "Wheelchair accessible",
    "3.31.0.0.0": "Accessible toilets", "3.13.2.0.0": "Audio description",
    "3.17.3.0.0": "Surtitles or subtitles", "3.17.1.0.0": "Hearing loop",
    "3.33.0.0.0": "Flemish Sign Language interpreters", "3.34.0.0.0": "Easy-to-read information",
    "4Vz9eZf0cnQmtfqcGGnNMF": "Clear arrangements and predictability",
    "H28fcfRKFQAQs00K9NF9hh": "Low-stimulus offer", "3.28.0.0.0": "Alternative entrance",
    "3.39.0.0.0": "Companion card", "3.29.0.0.0": "Guaranteed view",
    "3.38.0.0.0": "Inter assistance", "3.40.0.0.0": "Inter accessibility guarantee",
    "3.37.0.0.0": "Power supply for assistive devices", "3.36.0.0.0": "Changing room",
    "3.32.0.0.0": "Reserved camping",
}
# fmt: on


@dataclass(frozen=True, slots=True)
class Messages:
    """The catalogue in one language: ``t("key", name=value)`` gives the formatted text."""

    lang: Lang

    def __call__(self, key: str, **values: object) -> str:
        """Return the text for ``key`` in this language, with ``{name}`` fields filled in."""
        dutch, english = MESSAGES[key]
        text = english if self.lang == "en" else dutch
        return text.format(**values) if values else text

    @property
    def other(self) -> Lang:
        """Return the language the switch offers."""
        return "nl" if self.lang == "en" else "en"

    def day_name(self, weekday: int) -> str:
        """Return the name of a weekday (0 is Monday)."""
        return DAY_NAMES[self.lang][weekday]

    def month_name(self, month: int) -> str:
        """Return the name of a month (1 is January)."""
        return MONTH_NAMES[self.lang][month - 1]

    def term(self, term_id: str, dutch_label: str | None) -> str:
        """Return a taxonomy term's name: English where known, else its Dutch label."""
        if self.lang == "en" and term_id in TERM_NAMES_EN:
            return TERM_NAMES_EN[term_id]
        return dutch_label or term_id


def choose_language(asked: str | None, remembered: str | None) -> Lang:
    """Pick the page language: the ``lang`` query first, then the cookie, then Dutch."""
    for value in (asked, remembered):
        if value == "en":
            return "en"
        if value == "nl":
            return "nl"
    return DEFAULT_LANGUAGE
