"""``column IN (a list)`` with the whole list as one parameter, for every read and write by ids.

A statement with a parameter per value costs more to build than to run once lists grow to
hundreds, and SQLite caps the number of parameters (32,766 in its default build). With the
list as one parameter the statement is the same for any length: on PostgreSQL
``column = ANY(:array)``, on SQLite ``column IN (SELECT value FROM json_each(:json))`` (UUIDs
as the 32 hexadecimal digits the ``Uuid`` type stores there). Each list is a parameter of its
own name, so one statement may hold several.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

import orjson
from sqlalchemy import ARRAY, BindParameter, ColumnElement, any_, bindparam, func, select


def among(column: Any, values: Collection[Any], postgres: bool) -> ColumnElement[bool]:
    """``column`` is one of ``values`` (any number of them), as one bound parameter."""
    if postgres:
        array = bindparam("among", list(values), type_=ARRAY(column.type), unique=True)
        return column == any_(array)  # type: ignore[no-any-return]
    listed = [value.hex if isinstance(value, UUID) else value for value in values]
    listed_json: BindParameter[str] = bindparam("among", orjson.dumps(listed).decode(), unique=True)
    each = func.json_each(listed_json).table_valued("value")
    return column.in_(select(each.c.value).scalar_subquery())  # type: ignore[no-any-return]
