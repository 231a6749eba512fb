"""``GET /oai`` and ``POST /oai``: the OAI-PMH 2.0 provider for aggregators (Europeana, archives).

A thin route: it hands the request's arguments to ``cultuurhub.publish.answer_oai`` and returns
the XML. OAI-PMH errors are XML ``<error>`` answers with status 200, as the protocol requires.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from cultuurhub.api.problems import problem
from cultuurhub.config import get_settings
from cultuurhub.publish import OaiOptions, answer_oai
from cultuurhub.store import Store

router = APIRouter(tags=["oai-pmh"])

OAI_MEDIA_TYPE = "text/xml; charset=utf-8"
MAX_FORM_BYTES = 64 * 1024

DESCRIPTION = """
OAI-PMH 2.0 for harvesters: heritage objects as `oai_dc` and `edm` (Europeana Data Model
RDF/XML), events as `oai_dc`. All six verbs: `Identify`, `ListMetadataFormats`, `ListSets`,
`ListIdentifiers`, `ListRecords`, `GetRecord`. Sets: `type:objects`, `type:events`,
`org:{organisation id}`, `org:{organisation id}:objects`. Deleted records stay listed with
`status="deleted"`. Resumption tokens carry their own position and stay valid 48 hours, across
restarts. Errors are OAI-PMH `<error>` elements (HTTP 200). Example:
`/oai?verb=ListRecords&metadataPrefix=edm&set=type:objects`.
"""

_PARAMETERS: list[dict[str, Any]] = [
    {"name": name, "in": "query", "required": name == "verb", "schema": {"type": "string"},
     "description": description}
    for name, description in (
        ("verb", "Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords or "
                 "GetRecord."),
        ("metadataPrefix", "oai_dc or edm."),
        ("identifier", "A record URI, e.g. https://hub.example.be/objects/{id}."),
        ("set", "type:objects, type:events, org:{id} or org:{id}:objects."),
        ("from", "Lower bound of the datestamp, 2026-11-24 or 2026-11-24T09:00:00Z."),
        ("until", "Upper bound of the datestamp, same granularity as from."),
        ("resumptionToken", "The token of the previous page; exclusive."),
    )
]  # fmt: skip
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/xml": {}}, "description": "An OAI-PMH response (or OAI error)."}
}


def _answer(request: Request, arguments: dict[str, list[str]]) -> Response:
    store: Store = request.app.state.store
    options = OaiOptions.from_settings(get_settings())
    return Response(answer_oai(store, arguments, options), media_type=OAI_MEDIA_TYPE)


@router.get(
    "/oai",
    summary="OAI-PMH 2.0 provider",
    description=DESCRIPTION,
    response_class=Response,
    responses=_RESPONSES,
    openapi_extra={"parameters": _PARAMETERS},
    operation_id="oai_pmh_get",
)
async def oai_get(request: Request) -> Response:
    arguments: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        arguments.setdefault(name, []).append(value)
    return await run_in_threadpool(_answer, request, arguments)


@router.post(
    "/oai",
    summary="OAI-PMH 2.0 provider (form-encoded arguments)",
    description=DESCRIPTION,
    response_class=Response,
    responses=_RESPONSES,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"verb": {"type": "string"}}}
                }
            }
        }
    },
    operation_id="oai_pmh_post",
)
async def oai_post(request: Request) -> Response:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return problem(413, "Content Too Large", "OAI-PMH-vragen zijn klein. / OAI-PMH requests "
                       f"are small: at most {MAX_FORM_BYTES:,} bytes.")  # fmt: skip
    arguments = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    return await run_in_threadpool(_answer, request, arguments)
