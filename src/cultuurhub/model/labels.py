"""Labels: free tags on events, places and organizers, visible or hidden."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from cultuurhub.model.errors import rule_error


def _no_duplicates(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        key = value.casefold()
        if key in seen:
            raise rule_error(
                f"[{index}]", "Deze waarde staat er twee keer.", "This value is listed twice."
            )
        seen.add(key)
    return values


Label = Annotated[
    str, StringConstraints(min_length=2, max_length=255, pattern=r"^[^;]*[^;\s][^;]*[^;\s][^;]*$")
]
"""A UiTdatabank label: 2 to 255 characters, at least two non-blank, no semicolon."""
Labels = Annotated[list[Label], AfterValidator(_no_duplicates)]


def check_label_sets(labels: list[str], hidden_labels: list[str]) -> None:
    """Raise a rule error when a label is both visible and hidden."""
    if not hidden_labels or not labels:
        return
    visible = {label.casefold() for label in labels}
    for index, label in enumerate(hidden_labels):
        if label.casefold() in visible:
            raise rule_error(
                f"hiddenLabels[{index}]",
                f"Het label '{label}' staat zowel bij de zichtbare als bij de verborgen labels.",
                f"The label '{label}' is both a visible and a hidden label.",
            )
