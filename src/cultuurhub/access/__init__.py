"""Who may do what: the one place where access rules are decided."""

from cultuurhub.access.policy import (
    Action,
    Forbidden,
    Principal,
    Scope,
    grantable_scopes,
    may,
    private_reach,
    require,
)

__all__ = [
    "Action",
    "Forbidden",
    "Principal",
    "Scope",
    "grantable_scopes",
    "may",
    "private_reach",
    "require",
]
