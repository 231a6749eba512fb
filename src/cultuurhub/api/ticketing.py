"""The ticketing push: a ticketing system tells the hub how many seats are left."""

from __future__ import annotations

from uuid import UUID

import orjson
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from cultuurhub.access import Action, Forbidden, require
from cultuurhub.api.auth import principal
from cultuurhub.api.problems import problem
from cultuurhub.ingest import AvailabilityError, AvailabilityUpdate, apply_availability, event_for
from cultuurhub.store import RecordNotFound, Store

router = APIRouter(prefix="/ticketing", tags=["ticketing"])


class SourceId(BaseModel):
    """The event as the ticketing system knows it: the import source and its id there."""

    system: str
    id: str


class OccurrenceAvailability(BaseModel):
    """Availability of one occurrence, by position (0-based) or by its start date."""

    sub_event: int | None = Field(default=None, alias="subEvent", ge=0)
    start_date: str | None = Field(default=None, alias="startDate")
    capacity: int | None = Field(default=None, ge=0)
    remaining_capacity: int | None = Field(default=None, alias="remainingCapacity", ge=0)
    sold_out: bool = Field(default=False, alias="soldOut")


class AvailabilityPush(BaseModel):
    """A push: which event (the hub's id or the source id) and the new availability."""

    event: UUID | None = None
    source: SourceId | None = None
    occurrences: list[OccurrenceAvailability] = Field(min_length=1, max_length=1000)


@router.post("/availability", summary="Push capacity, remaining capacity or sold out")
async def push_availability(push: AvailabilityPush, request: Request) -> Response:
    """Apply a ticketing update; it becomes a new version in the change sequence at once."""
    store: Store = request.app.state.store
    caller = principal(request)
    source = None
    if push.source is not None and caller.organisation_id is not None:
        source = (f"{caller.organisation_id}/{push.source.system}", push.source.id)
    try:
        record = event_for(store, push.event, source)
        require(caller, Action.EDIT, record.owner)
        updates = [AvailabilityUpdate(**o.model_dump()) for o in push.occurrences]
        result = apply_availability(store, record, updates, f"ticketing {caller.organisation_id}")
    except RecordNotFound as error:
        return problem(404, "Not found", str(error))
    except Forbidden as error:
        return problem(403, "Forbidden", str(error))
    except AvailabilityError as error:
        return problem(422, "Unprocessable", str(error))
    body = {"id": str(result.id), "version": result.version, "seq": result.seq,
            "outcome": result.outcome}  # fmt: skip
    return Response(orjson.dumps(body), media_type="application/json")
