"""The message catalogue: complete in both languages, and every key the templates use exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from cultuurhub.web import Messages, choose_language
from cultuurhub.web.i18n import MESSAGES

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "cultuurhub" / "web" / "templates"
_LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_.-]+)["']\s*[,)]""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_each_message_exists_in_both_languages_with_the_same_fields(key: str) -> None:
    dutch, english = MESSAGES[key]
    assert dutch.strip() and english.strip()
    assert _fields(dutch) == _fields(english)


def test_templates_use_only_keys_of_the_catalogue() -> None:
    used = {
        key
        for template in TEMPLATES.glob("*.html")
        for key in _LITERAL_KEY.findall(template.read_text(encoding="utf-8"))
    }
    assert used, "no t('...') calls found: the pattern is wrong"
    assert used <= set(MESSAGES), sorted(used - set(MESSAGES))


def test_dutch_first_then_the_cookie_then_the_question() -> None:
    assert choose_language(None, None) == "nl"
    assert choose_language(None, "en") == "en"
    assert choose_language("nl", "en") == "nl"
    assert choose_language("en", None) == "en"
    assert choose_language("fr", "xx") == "nl"


def test_messages_fill_in_fields_and_name_terms() -> None:
    assert Messages("nl")("event.remaining", count=3) == "Nog 3 plaatsen"
    assert Messages("en")("event.remaining", count=3) == "3 places left"
    assert Messages("en").term("3.27.0.0.0", "Rolstoeltoegankelijk") == "Wheelchair accessible"
    assert Messages("nl").term("3.27.0.0.0", "Rolstoeltoegankelijk") == "Rolstoeltoegankelijk"
    assert Messages("en").term("unknown-id", "Iets") == "Iets"
