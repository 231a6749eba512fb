"""Concept: a term from a thesaurus such as AAT or Iconclass (skos:Concept)."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from cultuurhub.model.text import MultilingualText
from cultuurhub.model.wire import WebUrl, WireModel


class Concept(WireModel):
    """A concept with a multilingual preferred label, its scheme and equivalent URIs.

    A concept named only by its URI in a thesaurus (EDM's ``dc:subject rdf:resource=...``
    without a described ``skos:Concept``) is a link, and valid without a label.
    """

    uri: str | None = Field(default=None, alias="@id")
    pref_label: MultilingualText | None = Field(default=None, alias="prefLabel")
    scheme: WebUrl | None = None
    same_as: list[WebUrl] = Field(default_factory=list, alias="sameAs")

    @model_validator(mode="after")
    def _named(self) -> Self:
        if self.pref_label is None and self.uri is None:
            raise ValueError(
                "een begrip heeft een naam (prefLabel) of een URI (@id) nodig / "
                "a concept needs a label (prefLabel) or a URI (@id)"
            )
        return self
