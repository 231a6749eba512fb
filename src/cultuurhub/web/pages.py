"""The pages: rendered on the server from the store, no JavaScript needed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, select_autoescape

from cultuurhub import __version__
from cultuurhub.model import RecordType
from cultuurhub.store import Store

BRUSSELS = ZoneInfo("Europe/Brussels")
STATIC_DIR = Path(__file__).parent / "static"
_environment = Environment(
    loader=PackageLoader("cultuurhub.web", "templates"), autoescape=select_autoescape()
)
_LABELS = {
    "event": ("activiteiten", "events"),
    "place": ("locaties", "places"),
    "organizer": ("organisatoren", "organisers"),
    "object": ("erfgoedobjecten", "heritage objects"),
    "agent": ("personen en groepen", "people and groups"),
    "concept": ("begrippen", "concepts"),
}


@dataclass(frozen=True, slots=True)
class _Count:
    label_nl: str
    label_en: str
    count: int


@dataclass(frozen=True, slots=True)
class _EventLink:
    path: str
    name: str
    start: datetime | None


def _local(moment: datetime | None) -> datetime | None:
    """Show times as people in Flanders read them: in Brussels time."""
    return None if moment is None else moment.astimezone(BRUSSELS)


def render_home(store: Store) -> str:
    """Render the home page: what the hub holds and the latest events."""
    counts = store.counts_by_type()
    rows = [_Count(*_LABELS[kind.value], counts.get(kind.value, 0)) for kind in RecordType]
    events = [
        _EventLink(
            f"/{RecordType.EVENT.path}/{row['id']}", row["name"] or "?", _local(row["start_at"])
        )
        for row in store.recently_modified(RecordType.EVENT.value, 12)
    ]
    template = _environment.get_template("home.html")
    return template.render(counts=rows, events=events, version=__version__)
