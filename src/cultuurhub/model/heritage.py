"""HeritageObject: a collection object in the EDM/LIDO core that museums export."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, Field, model_validator

from cultuurhub.model.agent import Agent
from cultuurhub.model.concept import Concept
from cultuurhub.model.edtf_date import EdtfString, edtf_bounds
from cultuurhub.model.errors import rule_error
from cultuurhub.model.labels import Labels
from cultuurhub.model.rights import UnknownRightsStatement, normalise_rights_uri
from cultuurhub.model.text import Language, MultilingualText
from cultuurhub.model.wire import RecordUri, WebUrl, WireModel
from cultuurhub.model.workflow import WireWorkflowStatus


def _rights(value: str) -> str:
    try:
        return normalise_rights_uri(value)
    except UnknownRightsStatement:
        raise rule_error(
            "",
            "Onbekende rechtenverklaring: gebruik een URI van RightsStatements.org of "
            "Creative Commons (bv. http://rightsstatements.org/vocab/InC/1.0/).",
            "Unknown rights statement: use a RightsStatements.org or Creative Commons URI "
            "(e.g. http://rightsstatements.org/vocab/InC/1.0/).",
        ) from None


RightsUri = Annotated[str, AfterValidator(_rights)]
"""A rights URI, normalised to its canonical ``http://…/`` form."""


class Creator(WireModel):
    """Who made the object, and in which role (schilder, beeldhouwer...)."""

    role: str | None = None
    agent: Agent


class ProductionDate(WireModel):
    """When the object was made: EDTF, a text to show, and derived earliest/latest days.

    A dating no one could turn into EDTF (``eind 19de eeuw``) is kept as its text alone: it is
    shown and searched, but has no bounds to filter on.
    """

    edtf: EdtfString | None = None
    display: str | None = None
    earliest: date | None = None
    latest: date | None = None

    @model_validator(mode="after")
    def _derive_bounds(self) -> ProductionDate:
        if self.edtf is None:
            if not (self.display or "").strip():
                raise rule_error(
                    "edtf",
                    "Geef een datering als EDTF (bv. 1620 of 1620/1625) of als tekst.",
                    "Give a dating as EDTF (e.g. 1620 or 1620/1625) or as text.",
                )
            return self
        if self.earliest is None or self.latest is None:
            earliest, latest = edtf_bounds(self.edtf)
            self.earliest = self.earliest or earliest
            self.latest = self.latest or latest
        if self.earliest and self.latest and self.latest < self.earliest:
            raise rule_error(
                "latest", "Het einde ligt voor het begin.", "The end lies before the start."
            )
        return self


class Dimension(WireModel):
    """A measurement: kind (hoogte, breedte...), value and unit."""

    type: str = Field(min_length=1)
    value: float = Field(ge=0)
    unit: str = Field(min_length=1)


class PlaceMention(WireModel):
    """A place connected with the object, with gazetteer links (GeoNames, Wikidata)."""

    name: str = Field(min_length=1)
    same_as: list[WebUrl] = Field(default_factory=list, alias="sameAs")


class Holder(WireModel):
    """The organisation that holds the object: an organizer record."""

    uri: RecordUri | None = Field(default=None, alias="@id")
    name: str = Field(min_length=1)


class WebResource(WireModel):
    """A digital representation (edm:WebResource) with its own rights statement."""

    url: WebUrl
    iiif_service: WebUrl | None = Field(default=None, alias="iiifService")
    rights: RightsUri | None = None
    mime_type: str | None = Field(default=None, alias="mimeType", pattern=r"^[\w.+-]+/[\w.+-]+$")


class ProvenanceEntry(WireModel):
    """One step in the object's history of ownership."""

    date: EdtfString | None = None
    description: MultilingualText


class HeritageObject(WireModel):
    """A heritage object (edm:ProvidedCHO with its aggregation, LIDO core)."""

    uri: str | None = Field(default=None, alias="@id")
    type: Literal["HeritageObject"] = Field(default="HeritageObject", alias="@type")
    context: str | list[Any] | dict[str, Any] | None = Field(default=None, alias="@context")
    main_language: Language = Field(default="nl", alias="mainLanguage")
    title: MultilingualText
    description: MultilingualText | None = None
    object_type: list[Concept] = Field(default_factory=list, alias="objectType")
    object_number: str | None = Field(default=None, alias="objectNumber", min_length=1)
    creators: list[Creator] = Field(default_factory=list)
    production_date: ProductionDate | None = Field(default=None, alias="productionDate")
    materials: list[Concept] = Field(default_factory=list)
    techniques: list[Concept] = Field(default_factory=list)
    dimensions: list[Dimension] = Field(default_factory=list)
    subjects: list[Concept] = Field(default_factory=list)
    places: list[PlaceMention] = Field(default_factory=list)
    holder: Holder | None = None
    web_resources: list[WebResource] = Field(default_factory=list, alias="webResources")
    rights: RightsUri | None = None
    provenance: list[ProvenanceEntry] = Field(default_factory=list)
    labels: Labels = Field(default_factory=list)
    workflow_status: WireWorkflowStatus | None = Field(default=None, alias="workflowStatus")
    created: AwareDatetime | None = None
    modified: AwareDatetime | None = None

    @model_validator(mode="after")
    def _title_in_main_language(self) -> HeritageObject:
        if self.main_language not in self.title:
            raise rule_error(
                "title",
                f"Geef de titel ook in de hoofdtaal ({self.main_language}).",
                f"Also give the title in the main language ({self.main_language}).",
            )
        return self
