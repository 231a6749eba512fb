"""An organisation's own view: its data quality report."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

import orjson
from fastapi import APIRouter, Request, Response

from cultuurhub.access import Action, Forbidden, require
from cultuurhub.api.auth import principal
from cultuurhub.api.problems import problem
from cultuurhub.quality import quality_report
from cultuurhub.store import Store

router = APIRouter(prefix="/organisations", tags=["organisations"])


@router.get(
    "/{organisation_id}/quality",
    summary="Data quality of an organisation's records (its own API key, or admin)",
)
async def quality(organisation_id: UUID, request: Request) -> Response:
    """Return the organisation's quality report: average, distribution, problems, fix first."""
    store: Store = request.app.state.store
    try:
        require(principal(request), Action.READ, organisation_id, public=False)
    except Forbidden as error:
        return problem(403, "Forbidden", str(error))
    if store.get_organisation(organisation_id) is None:
        return problem(404, "Not found", f"Geen organisatie met id {organisation_id}.")
    report = quality_report(store.owned_documents(organisation_id))
    return Response(orjson.dumps(asdict(report)), media_type="application/json")
