"""Access rules for records and accounts, decided here and nowhere else.

The rules, as the sector agreed them:

- anyone, without a key, may read public records;
- a key with ``read`` scope may also read its own organisation's private records;
- a key with ``write`` scope may create records for its own organisation, edit, delete and move
  through the workflow the records its organisation owns, and add or remove labels, visible and
  hidden alike, on any record it may read (partners label each other's offer: "UiTPAS", "Vlieg",
  a regional campaign; every label change is a version with its author, so it can be traced);
- a key with ``write`` scope may also import (upload, feed, harvest) into its own
  organisation, use its workspace, and create and revoke its own organisation's read and write
  keys (see :func:`grantable_scopes`);
- a key with ``admin`` scope may do everything, including managing organisations and keys;
- any key (``read`` is enough) may subscribe webhooks for its own organisation and manage them:
  a subscription only pushes what the change feed already shows that key, and writes nothing,
  so a read-only consumer (an aggregator, an app) need not hold a write key.

Interfaces call :func:`require` before they call the store; the store itself trusts its caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID


class Scope(StrEnum):
    """What an API key was given."""

    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


class Action(StrEnum):
    """Something a caller wants to do."""

    READ = "read"
    CREATE = "create"
    EDIT = "edit"
    DELETE = "delete"
    TRANSITION = "transition"
    ADD_LABEL = "add_label"
    REMOVE_LABEL = "remove_label"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_WEBHOOKS = "manage_webhooks"
    IMPORT = "import"
    MANAGE_KEYS = "manage_keys"


class Forbidden(Exception):
    """The caller may not do this; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is asking: an organisation with the scopes of its key, or nobody (anonymous)."""

    organisation_id: UUID | None = None
    scopes: frozenset[Scope] = field(default_factory=frozenset)

    @property
    def is_admin(self) -> bool:
        """Whether this caller holds the admin scope."""
        return Scope.ADMIN in self.scopes


ANONYMOUS = Principal()

_OWNER_ACTIONS = frozenset({Action.CREATE, Action.EDIT, Action.DELETE, Action.TRANSITION})
_LABEL_ACTIONS = frozenset({Action.ADD_LABEL, Action.REMOVE_LABEL})
# Importing (upload, feed, harvest; the workspace) and managing the organisation's own keys
# take a write key of that organisation.
_ORGANISATION_ACTIONS = frozenset({Action.IMPORT, Action.MANAGE_KEYS})


def may(
    principal: Principal,
    action: Action,
    owner: UUID | None = None,
    *,
    public: bool = True,
) -> bool:
    """Return whether ``principal`` may do ``action`` on a record owned by ``owner``."""
    if principal.is_admin:
        return True
    own = owner is not None and owner == principal.organisation_id
    if action is Action.READ:
        return public or (own and bool(principal.scopes))
    if action is Action.MANAGE_WEBHOOKS:
        return own and bool(principal.scopes)
    if Scope.WRITE not in principal.scopes:
        return False
    if action in _LABEL_ACTIONS:
        return True
    return (action in _OWNER_ACTIONS or action in _ORGANISATION_ACTIONS) and own


def require(
    principal: Principal,
    action: Action,
    owner: UUID | None = None,
    *,
    public: bool = True,
) -> None:
    """Raise :class:`Forbidden` unless ``principal`` may do ``action``."""
    if may(principal, action, owner, public=public):
        return
    if principal.organisation_id is None:
        raise Forbidden("Een API-sleutel is nodig. / An API key is required.")
    if action is Action.MANAGE_ACCOUNTS:
        raise Forbidden("Alleen een beheerder mag dit. / Only an administrator may do this.")
    if action is Action.MANAGE_WEBHOOKS:
        raise Forbidden(
            "Deze webhook hoort bij een andere organisatie. / "
            "This webhook belongs to another organisation."
        )
    if action in _ORGANISATION_ACTIONS:
        raise Forbidden(
            "Dit vraagt een sleutel met schrijfrechten van deze organisatie. / This needs a key "
            "with write scope of this organisation."
        )
    raise Forbidden(
        "Deze sleutel mag dit record niet wijzigen: het hoort bij een andere organisatie of de "
        "sleutel heeft geen schrijfrechten. / This key may not change this record: it belongs "
        "to another organisation or the key has no write scope."
    )


def private_reach(principal: Principal) -> frozenset[UUID] | None:
    """Return whose private records ``principal`` may read in a listing; None: everyone's.

    The set form of the READ rule, for listings such as the change feed that filter in the
    database: an administrator reads every private record, a key its own organisation's,
    anonymous callers none.
    """
    if principal.is_admin:
        return None
    if principal.organisation_id is None or not principal.scopes:
        return frozenset()
    return frozenset({principal.organisation_id})


def grantable_scopes(principal: Principal) -> frozenset[Scope]:
    """Return the scopes ``principal`` may give a new key of its organisation.

    A write key may hand out read and write keys; only an administrator hands out ``admin``
    (which reaches every organisation) or revokes a key that holds it.
    """
    if principal.is_admin:
        return frozenset(Scope)
    if Scope.WRITE in principal.scopes:
        return frozenset({Scope.READ, Scope.WRITE})
    return frozenset()
