"""Agent: a person or group that made, held or depicted something (edm:Agent)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cultuurhub.model.edtf_date import EdtfString
from cultuurhub.model.wire import WebUrl, WireModel


class Agent(WireModel):
    """A person or a group, with EDTF life dates and authority links (ULAN, Wikidata, VIAF)."""

    uri: str | None = Field(default=None, alias="@id")
    type: Literal["Person", "Group"] = Field(default="Person", alias="@type")
    name: str = Field(min_length=1)
    birth_date: EdtfString | None = Field(default=None, alias="birthDate")
    death_date: EdtfString | None = Field(default=None, alias="deathDate")
    same_as: list[WebUrl] = Field(default_factory=list, alias="sameAs")
