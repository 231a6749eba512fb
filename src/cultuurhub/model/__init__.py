"""Canonical model of cultuurhub: events, places, organizers, heritage objects, agents, concepts.

Pydantic v2 types whose JSON form is the UiTdatabank JSON-LD wire shape (events side) and an
EDM/LIDO core (heritage side); controlled vocabularies; the record API the store uses.
"""

from cultuurhub.model.agent import Agent
from cultuurhub.model.calendar import (
    AdjustedDays,
    BookingAvailability,
    CalendarType,
    Childcare,
    ClosedDays,
    OpeningHours,
    Status,
    StatusType,
    SubEvent,
)
from cultuurhub.model.concept import Concept
from cultuurhub.model.contact import Address, BookingInfo, ContactPoint, Geo
from cultuurhub.model.errors import FieldProblem, InvalidRecord
from cultuurhub.model.event import (
    AttendanceMode,
    Audience,
    BirthdateRange,
    Event,
    LocationReference,
)
from cultuurhub.model.heritage import (
    Creator,
    Dimension,
    HeritageObject,
    Holder,
    PlaceMention,
    ProductionDate,
    ProvenanceEntry,
    WebResource,
)
from cultuurhub.model.media import MediaObject, Video
from cultuurhub.model.offer import OrganizerReference
from cultuurhub.model.organizer import Organizer
from cultuurhub.model.place import Place
from cultuurhub.model.price import Price, PriceCategory
from cultuurhub.model.records import (
    MODELS,
    CanonicalRecord,
    RecordType,
    index_columns,
    json_schema,
    parse_record,
    to_document,
)
from cultuurhub.model.rights import UnknownRightsStatement, normalise_rights_uri
from cultuurhub.model.text import Language, MultilingualText
from cultuurhub.model.vocab import (
    Municipality,
    Term,
    flemish_municipalities,
    municipalities,
    municipality_for_postcode,
    nis_2025,
    postcode_municipalities,
    taxonomy,
    term,
)
from cultuurhub.model.workflow import WorkflowStatus, can_transition

__all__ = [
    "MODELS",
    "Address",
    "AdjustedDays",
    "Agent",
    "AttendanceMode",
    "Audience",
    "BirthdateRange",
    "BookingAvailability",
    "BookingInfo",
    "CalendarType",
    "CanonicalRecord",
    "Childcare",
    "ClosedDays",
    "Concept",
    "ContactPoint",
    "Creator",
    "Dimension",
    "Event",
    "FieldProblem",
    "Geo",
    "HeritageObject",
    "Holder",
    "InvalidRecord",
    "Language",
    "LocationReference",
    "MediaObject",
    "MultilingualText",
    "Municipality",
    "OpeningHours",
    "Organizer",
    "OrganizerReference",
    "Place",
    "PlaceMention",
    "Price",
    "PriceCategory",
    "ProductionDate",
    "ProvenanceEntry",
    "RecordType",
    "Status",
    "StatusType",
    "SubEvent",
    "Term",
    "UnknownRightsStatement",
    "Video",
    "WebResource",
    "WorkflowStatus",
    "can_transition",
    "flemish_municipalities",
    "index_columns",
    "json_schema",
    "municipalities",
    "municipality_for_postcode",
    "nis_2025",
    "normalise_rights_uri",
    "parse_record",
    "postcode_municipalities",
    "taxonomy",
    "term",
    "to_document",
]
