"""Access rules for records and accounts, decided here and nowhere else.

The rules, as the sector agreed them:

- anyone, without a key, may read public records;
- a key with ``read`` scope may also read its own organisation's private records;
- a key with ``write`` scope may create records for its own organisation, edit, delete and move
  through the workflow the records its organisation owns, and add labels to any record
  (partners label each other's offer: "UiTPAS", "Vlieg", a regional campaign);
- a key with ``admin`` scope may do everything, including managing organisations and keys.

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
    MANAGE_ACCOUNTS = "manage_accounts"


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
    if Scope.WRITE not in principal.scopes:
        return False
    if action is Action.ADD_LABEL:
        return True
    return action in _OWNER_ACTIONS and own


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
    raise Forbidden(
        "Deze sleutel mag dit record niet wijzigen: het hoort bij een andere organisatie of de "
        "sleutel heeft geen schrijfrechten. / This key may not change this record: it belongs "
        "to another organisation or the key has no write scope."
    )
