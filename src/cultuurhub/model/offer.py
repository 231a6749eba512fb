"""What events and places share on the UiTdatabank wire: texts, terms, calendar, prices, labels."""

from __future__ import annotations

import re
from typing import Any

from pydantic import AwareDatetime, Field, model_validator

from cultuurhub.model.calendar import CalendarFields, normalise_calendar
from cultuurhub.model.contact import BookingInfo, ContactPoint
from cultuurhub.model.errors import rule_error
from cultuurhub.model.labels import Labels, check_label_sets
from cultuurhub.model.legacy import modernise
from cultuurhub.model.media import MediaObject, Video
from cultuurhub.model.price import Price, check_price_info
from cultuurhub.model.text import Language, MultilingualText
from cultuurhub.model.vocab import Term
from cultuurhub.model.wire import RecordUri, WebUrl, WireModel, drop_nulls
from cultuurhub.model.workflow import WireWorkflowStatus

_AGE_RANGE = re.compile(r"^(\d{1,3})?-(\d{1,3})?$")


class OrganizerReference(WireModel):
    """An organizer: a reference to its record, or embedded with its name and website."""

    uri: RecordUri | None = Field(default=None, alias="@id")
    name: MultilingualText | None = None
    url: WebUrl | None = None

    @model_validator(mode="after")
    def _identified(self) -> OrganizerReference:
        if self.uri is None and self.name is None:
            raise rule_error(
                "@id",
                "Geef de organisator een @id of minstens een naam.",
                "Give the organizer an @id or at least a name.",
            )
        return self


class Offer(CalendarFields):
    """Fields events and places share (UiTdatabank calls both "offers")."""

    uri: str | None = Field(default=None, alias="@id")
    context: str | list[Any] | dict[str, Any] | None = Field(default=None, alias="@context")
    main_language: Language = Field(alias="mainLanguage")
    name: MultilingualText
    description: MultilingualText | None = None
    terms: list[Term] = Field(min_length=1)
    organizer: OrganizerReference | None = None
    price_info: list[Price] = Field(default_factory=list, alias="priceInfo")
    booking_info: BookingInfo | None = Field(default=None, alias="bookingInfo")
    contact_point: ContactPoint | None = Field(default=None, alias="contactPoint")
    typical_age_range: str | None = Field(default=None, alias="typicalAgeRange")
    labels: Labels = Field(default_factory=list)
    hidden_labels: Labels = Field(default_factory=list, alias="hiddenLabels")
    media_object: list[MediaObject] = Field(default_factory=list, alias="mediaObject")
    image: WebUrl | None = None
    videos: list[Video] = Field(default_factory=list)
    workflow_status: WireWorkflowStatus | None = Field(default=None, alias="workflowStatus")
    available_from: AwareDatetime | None = Field(default=None, alias="availableFrom")
    available_to: AwareDatetime | None = Field(default=None, alias="availableTo")
    languages: list[Language] = Field(default_factory=list)
    completed_languages: list[Language] = Field(default_factory=list, alias="completedLanguages")
    same_as: list[str] = Field(default_factory=list, alias="sameAs")
    created: AwareDatetime | None = None
    modified: AwareDatetime | None = None
    creator: str | None = None

    @model_validator(mode="after")
    def _offer_rules(self) -> Offer:
        if self.main_language not in self.name:
            raise rule_error(
                "name",
                f"Geef de naam ook in de hoofdtaal ({self.main_language}).",
                f"Also give the name in the main language ({self.main_language}).",
            )
        if self.price_info:
            check_price_info(self.price_info, self.main_language)
        if self.typical_age_range is not None:
            _check_age_range(self.typical_age_range)
        check_label_sets(self.labels, self.hidden_labels)
        return self

    def type_terms(self) -> list[Term]:
        """Return the terms that give the event or place type."""
        return [t for t in self.terms if t.domain == "eventtype"]


def prepare_offer(value: Any, dated_kind: str) -> Any:
    """Bring an event or place payload to the current wire shape before validation."""
    if not isinstance(value, dict):
        return value
    payload = modernise(drop_nulls(value), dated_kind)
    normalise_calendar(payload)
    return payload


def check_one_type(terms: list[Term], allowed: dict[str, Term], other: dict[str, Term]) -> None:
    """Raise a rule error unless exactly one term is a type, and of the right kind."""
    types = [i for i, t in enumerate(terms) if t.domain == "eventtype"]
    if len(types) != 1:
        raise rule_error(
            "terms",
            "Kies precies één type (term met domein 'eventtype').",
            "Choose exactly one type (a term with domain 'eventtype').",
        )
    chosen = terms[types[0]].id
    if chosen in other and chosen not in allowed:
        raise rule_error(
            f"terms[{types[0]}]",
            "Dit type hoort bij het andere soort aanbod (activiteit of plaats).",
            "This type belongs to the other kind of offer (event or place).",
        )


def _check_age_range(value: str) -> None:
    match = _AGE_RANGE.match(value)
    if match is None:
        raise rule_error(
            "typicalAgeRange",
            "Schrijf de leeftijd als '6-12', '18-' of '-' (alle leeftijden).",
            "Write the age range as '6-12', '18-' or '-' (all ages).",
        )
    low, high = match.groups()
    if low and high and int(low) > int(high):
        raise rule_error(
            "typicalAgeRange",
            "De minimumleeftijd is groter dan de maximumleeftijd.",
            "The minimum age is above the maximum age.",
        )
