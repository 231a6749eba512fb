"""Rights URIs and workflow transitions."""

from __future__ import annotations

import pytest

from cultuurhub.model import (
    UnknownRightsStatement,
    WorkflowStatus,
    can_transition,
    normalise_rights_uri,
)

W = WorkflowStatus


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("https://rightsstatements.org/vocab/InC/1.0/", "http://rightsstatements.org/vocab/InC/1.0/"),
        ("http://rightsstatements.org/page/NoC-NC/1.0/", "http://rightsstatements.org/vocab/NoC-NC/1.0/"),
        ("https://rightsstatements.org/page/InC-EDU/1.0/?language=nl", "http://rightsstatements.org/vocab/InC-EDU/1.0/"),
        ("http://rightsstatements.org/vocab/CNE/1.0", "http://rightsstatements.org/vocab/CNE/1.0/"),
        ("https://creativecommons.org/licenses/by-sa/4.0", "http://creativecommons.org/licenses/by-sa/4.0/"),
        ("https://creativecommons.org/licenses/by/4.0/deed.nl", "http://creativecommons.org/licenses/by/4.0/"),
        ("http://creativecommons.org/licenses/by-nc/2.0/be/", "http://creativecommons.org/licenses/by-nc/2.0/be/"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "http://creativecommons.org/publicdomain/zero/1.0/"),
        ("https://creativecommons.org/publicdomain/mark/1.0", "http://creativecommons.org/publicdomain/mark/1.0/"),
    ],
)  # fmt: skip
def test_normalise_rights_uri(given: str, canonical: str) -> None:
    assert normalise_rights_uri(given) == canonical
    assert normalise_rights_uri(canonical) == canonical


@pytest.mark.parametrize(
    "uri",
    [
        "https://example.org/licence",
        "http://rightsstatements.org/vocab/XYZ/1.0/",
        "all rights reserved",
    ],
)
def test_unknown_rights_uri(uri: str) -> None:
    with pytest.raises(UnknownRightsStatement):
        normalise_rights_uri(uri)


def test_workflow_forward_only() -> None:
    assert can_transition(W.DRAFT, W.READY_FOR_VALIDATION)
    assert can_transition(W.READY_FOR_VALIDATION, W.APPROVED)
    assert can_transition(W.READY_FOR_VALIDATION, W.REJECTED)
    assert not can_transition(W.DRAFT, W.APPROVED)
    assert not can_transition(W.APPROVED, W.DRAFT)
    assert not can_transition(W.REJECTED, W.READY_FOR_VALIDATION)


@pytest.mark.parametrize("old", [W.DRAFT, W.READY_FOR_VALIDATION, W.APPROVED, W.REJECTED])
def test_anything_can_be_deleted_once(old: WorkflowStatus) -> None:
    assert can_transition(old, W.DELETED)
    assert not can_transition(W.DELETED, old)
