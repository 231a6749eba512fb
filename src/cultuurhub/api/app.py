"""The FastAPI application: health, records as JSON-LD, schemas, the home page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import orjson
from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from cultuurhub import __version__
from cultuurhub.api import changes, exports, imports, organisations, portal, ticketing, webhooks
from cultuurhub.api import search as search_api
from cultuurhub.api import workspace as workspace_pages
from cultuurhub.api.limits import install_protection
from cultuurhub.api.negotiation import context_router
from cultuurhub.api.oai import router as oai_router
from cultuurhub.api.problems import problem
from cultuurhub.api.records import router_for
from cultuurhub.api.write import write_router_for
from cultuurhub.api.write_service import WRITABLE
from cultuurhub.config import get_settings
from cultuurhub.model import RecordType, json_schema
from cultuurhub.search import SearchIndex
from cultuurhub.store import Store
from cultuurhub.web import STATIC_DIR

DESCRIPTION = """
Open data of the Flemish cultural sector: events, places, organisers and heritage objects, as
JSON-LD wire-compatible with UiTdatabank (events, places, organisers) and EDM/LIDO (heritage).
Every record keeps every version. Errors are RFC 9457 problem details.
"""


def create_app(store: Store | None = None, search: SearchIndex | None = None) -> FastAPI:
    """Build the application; without a store it opens one on the configured database."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        app.state.store = store or Store(get_settings().database_url)
        app.state.search, syncer = search_api.open_search(app.state.store, search, own)
        async with webhooks.delivery_worker(app.state.store), imports.job_worker(app):
            yield
        if syncer is not None:
            syncer.stop()
        if own:
            app.state.store.close()

    app = FastAPI(
        title="cultuurhub", version=__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(search_api.router)
    for record_type in RecordType:
        app.include_router(router_for(record_type))
    app.include_router(context_router)  # before /contexts/{record_type}.jsonld
    for record_type in WRITABLE:
        app.include_router(write_router_for(record_type))
    app.include_router(organisations.router)
    app.include_router(ticketing.router)
    app.include_router(imports.router)
    app.include_router(workspace_pages.router)
    app.include_router(changes.router)
    app.include_router(webhooks.router)
    app.include_router(exports.router)
    app.include_router(oai_router)
    app.include_router(portal.router)
    _add_basics(app)
    install_protection(app, get_settings())  # last: it documents 413/429 on every route
    return app


def _add_basics(app: FastAPI) -> None:
    @app.get("/health", summary="Is the hub up, and can it reach its database?", tags=["health"])
    async def health(request: Request) -> Response:
        store: Store = request.app.state.store
        try:
            with store.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            return problem(503, "Unavailable", f"De databank antwoordt niet: {error}")
        return Response(orjson.dumps({"status": "ok", "version": __version__}))

    @app.get(
        "/schemas/{record_type}.json",
        summary="The published JSON Schema of a record type",
        tags=["schemas"],
    )
    async def schema(record_type: RecordType) -> Response:
        return Response(
            orjson.dumps(json_schema(record_type)), media_type="application/schema+json"
        )

    @app.get("/contexts/{record_type}.jsonld", summary="JSON-LD context", tags=["schemas"])
    async def context(record_type: RecordType) -> Response:
        base = get_settings().base_url
        body = {
            "@context": {
                "@vocab": f"{base}/ns/{record_type.value}#",
                "schema": "https://schema.org/",
            }
        }
        return Response(orjson.dumps(body), media_type="application/ld+json")
