"""Every setting is documented in docs/settings.md, with its real default."""

from __future__ import annotations

from pathlib import Path

from cultuurhub.config import describe_settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_every_setting_is_in_the_settings_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    for setting in describe_settings():
        row = f"| `{setting.env}` | `{setting.default}` | {setting.help} |"
        assert row in text, f"docs/settings.md lacks or misstates: {row}"
