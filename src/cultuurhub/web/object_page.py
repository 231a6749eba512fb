"""The heritage object page: images, makers with life dates, dating, holder, may I reuse this?"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from cultuurhub.model import Agent, Concept, HeritageObject, WebResource
from cultuurhub.store import id_from_uri
from cultuurhub.web.dates import day_text
from cultuurhub.web.i18n import Messages
from cultuurhub.web.paths import record_page
from cultuurhub.web.reuse import ReuseAnswer, reuse_answer
from cultuurhub.web.view_parts import Link, LocalText, pick

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class ReuseView:
    """The answer to "may I reuse this?" in the page language."""

    verdict: str
    verdict_label: str
    answer: str
    statement: str
    uri: str | None


@dataclass(frozen=True, slots=True)
class ImageView:
    """An image of the object, with its IIIF service and its own rights when they differ."""

    url: str
    alt: str
    iiif: str | None
    reuse: ReuseView | None


@dataclass(frozen=True, slots=True)
class CreatorView:
    """A maker: name, life dates ("1577–1640", "°1958"), role, authority link."""

    name: str
    life: str | None
    role: str | None
    same_as: str | None


@dataclass(frozen=True, slots=True)
class ObjectView:
    """The heritage object page's content."""

    id: UUID
    title: LocalText
    description: LocalText | None
    images: list[ImageView]
    object_types: list[str]
    creators: list[CreatorView]
    dating: str | None
    object_number: str | None
    materials: list[str]
    techniques: list[str]
    dimensions: list[str]
    subjects: list[str]
    places: list[str]
    holder: Link | None
    reuse: ReuseView
    provenance: list[tuple[str, LocalText | None]]
    api_path: str


def build_object_view(record_id: UUID, heritage: HeritageObject, t: Messages) -> ObjectView:
    """Turn a stored heritage object into the page's content."""
    title = pick(heritage.title, t.lang, heritage.main_language)
    assert title is not None  # the model requires a title
    reuse = reuse_view(reuse_answer(heritage.rights), t)
    return ObjectView(
        id=record_id,
        title=title,
        description=pick(heritage.description, t.lang, heritage.main_language),
        images=[_image(resource, heritage, title.text, t) for resource in _images(heritage)],
        object_types=_labels(heritage.object_type, t),
        creators=[_creator(c.agent, c.role, t) for c in heritage.creators],
        dating=_dating(heritage),
        object_number=heritage.object_number,
        materials=_labels(heritage.materials, t),
        techniques=_labels(heritage.techniques, t),
        dimensions=[_dimension(d.type, d.value, d.unit, t) for d in heritage.dimensions],
        subjects=_labels(heritage.subjects, t),
        places=[place.name for place in heritage.places],
        holder=_holder(heritage, t),
        reuse=reuse,
        provenance=[_provenance(entry.date, entry.description, t) for entry in heritage.provenance],
        api_path=f"/objects/{record_id}",
    )


def reuse_view(answer: ReuseAnswer, t: Messages) -> ReuseView:
    """Put a reuse answer in the page language."""
    return ReuseView(
        answer.verdict.value,
        t(f"reuse.{answer.verdict.value}"),
        t(answer.message),
        answer.name,
        answer.uri,
    )


def _images(heritage: HeritageObject) -> list[WebResource]:
    return [
        resource
        for resource in heritage.web_resources
        if resource.mime_type is None or resource.mime_type.startswith("image/")
    ]


def _image(resource: WebResource, heritage: HeritageObject, title: str, t: Messages) -> ImageView:
    own = None
    if resource.rights and resource.rights != heritage.rights:
        own = reuse_view(reuse_answer(resource.rights), t)
    return ImageView(resource.url, t("object.image_alt", title=title), resource.iiif_service, own)


def _labels(concepts: list[Concept], t: Messages) -> list[str]:
    return [label.text for c in concepts if (label := pick(c.pref_label, t.lang)) is not None]


def _creator(agent: Agent, role: str | None, t: Messages) -> CreatorView:
    born = _edtf_text(agent.birth_date, t)
    died = _edtf_text(agent.death_date, t)
    if born and died:
        life: str | None = f"{born}–{died}"
    elif born:
        life = t("object.born", date=born)
    elif died:
        life = f"†{died}"
    else:
        life = None
    return CreatorView(agent.name, life, role, agent.same_as[0] if agent.same_as else None)


def _edtf_text(value: str | None, t: Messages) -> str | None:
    if not value:
        return None
    match = _FULL_DATE.match(value)
    if match is None:
        return value
    year, month, day = (int(part) for part in match.groups())
    return day_text(date(year, month, day), t, weekday=False)


def _dating(heritage: HeritageObject) -> str | None:
    production = heritage.production_date
    if production is None:
        return None
    return production.display or production.edtf


def _dimension(kind: str, value: float, unit: str, t: Messages) -> str:
    number = f"{value:g}"
    if t.lang == "nl":
        number = number.replace(".", ",")
    return f"{kind}: {number} {unit}"


def _holder(heritage: HeritageObject, t: Messages) -> Link | None:
    holder = heritage.holder
    if holder is None:
        return None
    holder_id = id_from_uri(holder.uri)
    return Link(holder.name, record_page("organizer", holder_id, t.lang) if holder_id else None)


def _provenance(
    when: str | None, description: Mapping[Any, str], t: Messages
) -> tuple[str, LocalText | None]:
    return (_edtf_text(when, t) or "", pick(description, t.lang))
