"""Organizer: an organisation that organises or hosts activities (cp:Organisator)."""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, Field, model_validator

from cultuurhub.model.contact import Address, ContactPoint, Geo, MultilingualAddress, first_address
from cultuurhub.model.errors import rule_error
from cultuurhub.model.labels import Labels, check_label_sets
from cultuurhub.model.legacy import modernise
from cultuurhub.model.media import MediaObject
from cultuurhub.model.municipality import resolve_municipality
from cultuurhub.model.text import Language, MultilingualText
from cultuurhub.model.wire import WebUrl, WireModel, drop_nulls
from cultuurhub.model.workflow import WireWorkflowStatus


class Organizer(WireModel):
    """An organizer; ``kind`` and ``municipalityNis`` are hub extensions.

    ``url`` is the website; UiTdatabank treats it as a unique key across organizers (a store
    concern, not checked here).
    """

    uri: str | None = Field(default=None, alias="@id")
    context: str | list[Any] | dict[str, Any] | None = Field(default=None, alias="@context")
    main_language: Language = Field(alias="mainLanguage")
    name: MultilingualText
    url: WebUrl | None = None
    kind: str | None = Field(default=None, max_length=80)
    description: MultilingualText | None = None
    educational_description: MultilingualText | None = Field(
        default=None, alias="educationalDescription"
    )
    address: MultilingualAddress | None = None
    geo: Geo | None = None
    municipality_nis: str | None = Field(default=None, alias="municipalityNis")
    contact_point: ContactPoint | None = Field(default=None, alias="contactPoint")
    images: list[MediaObject] = Field(default_factory=list)
    main_image: WebUrl | None = Field(default=None, alias="mainImage")
    labels: Labels = Field(default_factory=list)
    hidden_labels: Labels = Field(default_factory=list, alias="hiddenLabels")
    workflow_status: WireWorkflowStatus | None = Field(default=None, alias="workflowStatus")
    languages: list[Language] = Field(default_factory=list)
    completed_languages: list[Language] = Field(default_factory=list, alias="completedLanguages")
    same_as: list[str] = Field(default_factory=list, alias="sameAs")
    created: AwareDatetime | None = None
    modified: AwareDatetime | None = None
    creator: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _current_shape(cls, value: Any) -> Any:
        return modernise(drop_nulls(value), None) if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _organizer_rules(self) -> Organizer:
        if self.main_language not in self.name:
            raise rule_error(
                "name",
                f"Geef de naam ook in de hoofdtaal ({self.main_language}).",
                f"Also give the name in the main language ({self.main_language}).",
            )
        check_label_sets(self.labels, self.hidden_labels)
        self.municipality_nis = resolve_municipality(self.municipality_nis, self.main_address)
        return self

    @property
    def main_address(self) -> Address | None:
        """Return the address in the main language, else the first one."""
        return first_address(self.address, self.main_language)
