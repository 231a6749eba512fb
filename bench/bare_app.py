"""The peer for the HTTP benchmark: a bare Starlette endpoint reading the same row with sqlite3."""

from __future__ import annotations

import os
import sqlite3
from uuid import UUID

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

DATABASE = os.environ["BENCH_SQLITE_PATH"]
_connection = sqlite3.connect(DATABASE, check_same_thread=False)


async def event(request: Request) -> Response:
    """Return the stored document of one record as it is."""
    record_id = UUID(request.path_params["record_id"]).hex
    row = _connection.execute("SELECT document FROM records WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        return Response(status_code=404)
    return Response(row[0], media_type="application/ld+json")


app = Starlette(routes=[Route("/events/{record_id}", event)])
