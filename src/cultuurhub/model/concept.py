"""Concept: a term from a thesaurus such as AAT or Iconclass (skos:Concept)."""

from __future__ import annotations

from pydantic import Field

from cultuurhub.model.text import MultilingualText
from cultuurhub.model.wire import WebUrl, WireModel


class Concept(WireModel):
    """A concept with a multilingual preferred label, its scheme and equivalent URIs."""

    uri: str | None = Field(default=None, alias="@id")
    pref_label: MultilingualText = Field(alias="prefLabel")
    scheme: WebUrl | None = None
    same_as: list[WebUrl] = Field(default_factory=list, alias="sameAs")
