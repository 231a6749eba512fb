"""The access rules, case by case: owner, partner, reader, anonymous, admin."""

from __future__ import annotations

from uuid import uuid4

import pytest

from cultuurhub.access import Action, Forbidden, Principal, Scope, may, require

OWNER = uuid4()
OTHER = uuid4()
owner_writer = Principal(OWNER, frozenset({Scope.READ, Scope.WRITE}))
partner_writer = Principal(OTHER, frozenset({Scope.READ, Scope.WRITE}))
partner_reader = Principal(OTHER, frozenset({Scope.READ}))
owner_reader = Principal(OWNER, frozenset({Scope.READ}))
admin = Principal(OTHER, frozenset({Scope.ADMIN}))
anonymous = Principal()


@pytest.mark.parametrize(
    ("principal", "action", "public", "allowed"),
    [
        (anonymous, Action.READ, True, True),
        (anonymous, Action.READ, False, False),
        (partner_reader, Action.READ, False, False),
        (owner_reader, Action.READ, False, True),
        (owner_writer, Action.EDIT, True, True),
        (owner_writer, Action.DELETE, True, True),
        (owner_writer, Action.TRANSITION, True, True),
        (owner_reader, Action.EDIT, True, False),
        (partner_writer, Action.EDIT, True, False),
        (partner_writer, Action.DELETE, True, False),
        (partner_writer, Action.ADD_LABEL, True, True),
        (partner_reader, Action.ADD_LABEL, True, False),
        (anonymous, Action.ADD_LABEL, True, False),
        (partner_writer, Action.REMOVE_LABEL, True, True),
        (owner_writer, Action.REMOVE_LABEL, True, True),
        (partner_reader, Action.REMOVE_LABEL, True, False),
        (anonymous, Action.REMOVE_LABEL, True, False),
        (admin, Action.DELETE, False, True),
        (admin, Action.MANAGE_ACCOUNTS, True, True),
        (owner_writer, Action.MANAGE_ACCOUNTS, True, False),
    ],
)
def test_rules(principal: Principal, action: Action, public: bool, allowed: bool) -> None:
    assert may(principal, action, OWNER, public=public) is allowed


def test_create_only_for_own_organisation() -> None:
    assert may(owner_writer, Action.CREATE, OWNER)
    assert not may(owner_writer, Action.CREATE, OTHER)


def test_require_explains_in_dutch_and_english() -> None:
    with pytest.raises(Forbidden, match="API-sleutel"):
        require(anonymous, Action.EDIT, OWNER)
    with pytest.raises(Forbidden, match="another organisation"):
        require(partner_writer, Action.EDIT, OWNER)
    require(owner_writer, Action.EDIT, OWNER)


@pytest.mark.parametrize("action", [Action.IMPORT, Action.MANAGE_KEYS])
def test_import_and_keys_take_a_write_key_of_the_organisation(action: Action) -> None:
    assert may(owner_writer, action, OWNER)
    assert may(admin, action, OWNER)
    assert not may(owner_reader, action, OWNER)
    assert not may(partner_writer, action, OWNER)
    assert not may(anonymous, action, OWNER)
    with pytest.raises(Forbidden, match="schrijfrechten van deze organisatie"):
        require(owner_reader, action, OWNER)


def test_only_an_administrator_hands_out_admin_keys() -> None:
    from cultuurhub.access import grantable_scopes

    assert grantable_scopes(owner_writer) == {Scope.READ, Scope.WRITE}
    assert grantable_scopes(admin) == set(Scope)
    assert grantable_scopes(owner_reader) == frozenset()
    assert grantable_scopes(anonymous) == frozenset()
