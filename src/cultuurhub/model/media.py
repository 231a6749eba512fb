"""Images and videos attached to events, places and organizers."""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from cultuurhub.model.errors import rule_error
from cultuurhub.model.text import Language
from cultuurhub.model.wire import UUID_PATTERN, WebUrl, WireModel

_IMAGE_URI = re.compile(r"^https?://\S+/images/([0-9a-fA-F-]{36})(\.[a-z]+)?$")


class MediaObject(WireModel):
    """An image in UiTdatabank's image store, referenced by URI (``@id``) or UUID (``id``)."""

    uri: str | None = Field(default=None, alias="@id")
    id: str | None = Field(default=None, pattern=UUID_PATTERN)
    content_url: WebUrl | None = Field(default=None, alias="contentUrl")
    thumbnail_url: WebUrl | None = Field(default=None, alias="thumbnailUrl")
    description: str | None = None
    copyright_holder: str | None = Field(default=None, alias="copyrightHolder")
    in_language: Language | None = Field(default=None, alias="inLanguage")

    @model_validator(mode="after")
    def _has_identity(self) -> MediaObject:
        if self.uri is None and self.id is None:
            raise rule_error(
                "@id",
                "Geef de afbeelding aan met haar adres (@id) of haar id.",
                "Identify the image by its address (@id) or its id.",
            )
        if self.uri is not None and not _IMAGE_URI.match(self.uri):
            raise rule_error(
                "@id",
                "Dit is geen adres van een afbeelding (…/images/<uuid>).",
                "This is not the address of an image (…/images/<uuid>).",
            )
        return self


class Video(WireModel):
    """A video on YouTube or Vimeo."""

    id: str | None = None
    url: WebUrl
    embed_url: WebUrl | None = Field(default=None, alias="embedUrl")
    language: Language
    copyright_holder: str | None = Field(default=None, alias="copyrightHolder")
