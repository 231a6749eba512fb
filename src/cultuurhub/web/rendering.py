"""The one Jinja2 environment and the frame every page shares (``templates/base.html``).

A page template extends ``base.html`` and fills ``title`` and ``content`` (and optionally
``head``, e.g. for JSON-LD). :func:`render_page` gives every template the reader's language and
the frame's needs: ``t`` (the message catalogue), ``lang``, ``link(path, ...)`` (keeps the
language), ``switch_url`` (this page in the other language), ``search_text`` (refills the
search box) and ``version``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from cultuurhub import __version__
from cultuurhub.web.i18n import Lang, Messages
from cultuurhub.web.paths import SEARCH_PATH, localised, with_query

STATIC_DIR = Path(__file__).parent / "static"
environment = Environment(
    loader=PackageLoader("cultuurhub.web", "templates"),
    autoescape=select_autoescape(default_for_string=True, default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class PageContext:
    """Who reads which page: the language, the path and query asked, the search text."""

    lang: Lang
    path: str = "/"
    query: Sequence[tuple[str, str]] = ()
    search_text: str = ""

    @property
    def messages(self) -> Messages:
        """Return the message catalogue in the reader's language."""
        return Messages(self.lang)

    def link(self, path: str, params: Sequence[tuple[str, str]] = ()) -> str:
        """Return a link to ``path`` in the reader's language."""
        return localised(path, self.lang, params)

    @property
    def switch_url(self) -> str:
        """Return this very page in the other language."""
        other = self.messages.other
        pairs = [(key, value) for key, value in self.query if key != "lang"]
        return with_query(self.path, [*pairs, ("lang", other)])


def render_page(template: str, page: PageContext, **context: Any) -> str:
    """Render a page template inside the shared frame, in the reader's language."""
    return environment.get_template(template).render(
        t=page.messages,
        lang=page.lang,
        page=page,
        link=page.link,
        switch_url=page.switch_url,
        search_text=page.search_text,
        search_path=SEARCH_PATH,
        version=__version__,
        **context,
    )
