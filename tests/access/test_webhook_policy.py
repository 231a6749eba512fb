"""Who may manage webhooks, and whose private records a listing such as the change feed shows."""

from __future__ import annotations

from uuid import uuid4

import pytest

from cultuurhub.access import Action, Forbidden, Principal, Scope, may, private_reach, require

OWNER = uuid4()
OTHER = uuid4()
reader = Principal(OWNER, frozenset({Scope.READ}))
writer = Principal(OWNER, frozenset({Scope.WRITE}))
stranger = Principal(OTHER, frozenset({Scope.READ, Scope.WRITE}))
admin = Principal(OTHER, frozenset({Scope.ADMIN}))
keyless = Principal(OWNER, frozenset())
anonymous = Principal()


@pytest.mark.parametrize(
    ("principal", "allowed"),
    [
        (reader, True),  # read scope is enough: a webhook only pushes what the feed shows
        (writer, True),
        (stranger, False),
        (admin, True),
        (keyless, False),
        (anonymous, False),
    ],
)
def test_manage_webhooks_of_the_own_organisation(principal: Principal, allowed: bool) -> None:
    assert may(principal, Action.MANAGE_WEBHOOKS, OWNER) is allowed


def test_refusals_say_why() -> None:
    with pytest.raises(Forbidden, match="API-sleutel"):
        require(anonymous, Action.MANAGE_WEBHOOKS, OWNER)
    with pytest.raises(Forbidden, match=r"andere organisatie.*another organisation"):
        require(stranger, Action.MANAGE_WEBHOOKS, OWNER)


@pytest.mark.parametrize("principal", [reader, writer, stranger, admin, keyless, anonymous])
def test_private_reach_is_the_read_rule_as_a_set(principal: Principal) -> None:
    reach = private_reach(principal)
    for owner in (OWNER, OTHER, uuid4()):
        in_reach = reach is None or owner in reach
        assert in_reach is may(principal, Action.READ, owner, public=False)


def test_private_reach_values() -> None:
    assert private_reach(admin) is None
    assert private_reach(reader) == frozenset({OWNER})
    assert private_reach(anonymous) == frozenset()
