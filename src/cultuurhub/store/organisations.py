"""Organisations that own records, and their API keys (kept as a prefix and a hash)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Collection
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from sqlalchemy import Connection, insert, select, update

from cultuurhub.store.errors import OrganisationNotFound
from cultuurhub.store.tables import api_keys, organisations

SCOPES = ("read", "write", "admin")


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation with an account in the hub: it owns records and holds API keys."""

    id: UUID
    name: str
    kind: str
    website: str | None
    created: datetime


@dataclass(frozen=True, slots=True)
class ApiKey:
    """An API key as the store keeps it: never the secret, only its prefix and scopes."""

    id: UUID
    organisation_id: UUID
    prefix: str
    scopes: frozenset[str]
    created: datetime
    revoked: datetime | None


def create_organisation(
    connection: Connection, name: str, kind: str, website: str | None
) -> Organisation:
    """Create an organisation and return it."""
    organisation = Organisation(uuid4(), name, kind, website, datetime.now(UTC))
    connection.execute(insert(organisations).values(**asdict(organisation)))
    return organisation


def get_organisation(connection: Connection, organisation_id: UUID) -> Organisation | None:
    """Return an organisation, or None."""
    statement = select(organisations).where(organisations.c.id == organisation_id)
    row = connection.execute(statement).first()
    return None if row is None else Organisation(*row)


def list_organisations(connection: Connection) -> list[Organisation]:
    """Return every organisation, by name."""
    statement = select(organisations).order_by(organisations.c.name, organisations.c.id)
    return [Organisation(*row) for row in connection.execute(statement)]


def create_api_key(
    connection: Connection, organisation_id: UUID, scopes: Collection[str]
) -> tuple[ApiKey, str]:
    """Create a key; return it and its secret, which is shown this once and never stored."""
    if get_organisation(connection, organisation_id) is None:
        raise OrganisationNotFound(f"no organisation with id {organisation_id}")
    unknown = set(scopes) - set(SCOPES)
    if unknown or not scopes:
        raise ValueError(f"scopes must be some of {', '.join(SCOPES)}; got {sorted(scopes)}")
    prefix = secrets.token_hex(6)
    secret = f"ch_{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey(uuid4(), organisation_id, prefix, frozenset(scopes), datetime.now(UTC), None)
    row = {**asdict(key), "scopes": ",".join(sorted(scopes)), "secret_hash": _digest(secret)}
    connection.execute(insert(api_keys).values(**row))
    return key, secret


def authenticate(connection: Connection, secret: str) -> ApiKey | None:
    """Return the live key whose secret this is, or None."""
    parts = secret.split("_", 2)
    if len(parts) != 3 or parts[0] != "ch":
        return None
    statement = select(api_keys).where(api_keys.c.prefix == parts[1])
    row = connection.execute(statement).mappings().first()
    if row is None or row["revoked"] is not None:
        return None
    if not hmac.compare_digest(row["secret_hash"], _digest(secret)):
        return None
    return _key(row)


def revoke_api_key(connection: Connection, key_id: UUID) -> None:
    """Revoke a key; it stops working at once."""
    statement = update(api_keys).where(api_keys.c.id == key_id).values(revoked=datetime.now(UTC))
    connection.execute(statement)


def _key(row: object) -> ApiKey:
    mapping = dict(row)  # type: ignore[call-overload]
    return ApiKey(
        mapping["id"],
        mapping["organisation_id"],
        mapping["prefix"],
        frozenset(mapping["scopes"].split(",")),
        mapping["created"],
        mapping["revoked"],
    )


def _digest(secret: str) -> str:
    # The secret has 256 bits of randomness, so a plain SHA-256 cannot be brute-forced.
    return hashlib.sha256(secret.encode()).hexdigest()
