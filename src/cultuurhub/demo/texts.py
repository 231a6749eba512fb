"""Fill Dutch text templates from word pools, fast and deterministically."""

from __future__ import annotations

import random
import string
from collections.abc import Mapping

from cultuurhub.demo.records import pick

_FORMATTER = string.Formatter()


class TemplateFiller:
    """Fill ``{slot}`` templates, drawing each slot once per call from its pool.

    A slot ending in ``2`` draws a second, different word from the pool of the same name without
    the ``2``, so "{band} + support: {band2}" names two bands.
    """

    __slots__ = ("_pools", "_slots")

    def __init__(self, pools: Mapping[str, tuple[str, ...]]) -> None:
        self._pools = pools
        self._slots: dict[str, tuple[str, ...]] = {}

    def slots(self, template: str) -> tuple[str, ...]:
        """Return the slot names of a template (cached)."""
        found = self._slots.get(template)
        if found is None:
            found = tuple(name for _, name, _, _ in _FORMATTER.parse(template) if name)
            self._slots[template] = found
        return found

    def values(
        self, rng: random.Random, templates: tuple[str, ...], context: dict[str, str]
    ) -> dict[str, str]:
        """Draw a word for every slot of these templates that the context does not give."""
        values = dict(context)
        for template in templates:
            for name in self.slots(template):
                if name in values:
                    continue
                if name.endswith("2"):
                    pool = self._pools[name[:-1]]
                    word = pick(rng, pool)
                    while word == values.get(name[:-1]) and len(pool) > 1:
                        word = pick(rng, pool)
                    values[name] = word
                else:
                    values[name] = pick(rng, self._pools[name])
        return values


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill one template; a word that itself holds ``{town}`` gets the town too."""
    text = template.format_map(values)
    if "{town}" in text:
        text = text.replace("{town}", values["town"])
    return text
