"""Property tests: any request gets a valid OAI-PMH answer; tokens read back what they carry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from cultuurhub.publish import answer_oai
from cultuurhub.publish.oai_request import OaiError
from cultuurhub.publish.oai_tokens import ListPosition, decode_token, encode_token, token_key
from cultuurhub.store import Store
from tests.publish.test_oai import hub, oai_schema, options  # noqa: F401 (hub: the fixture)

NAMES = st.sampled_from(
    ["verb", "metadataPrefix", "identifier", "set", "from", "until", "resumptionToken", "x"]
)
VALUES = st.one_of(
    st.sampled_from(["Identify", "ListRecords", "ListIdentifiers", "ListSets", "GetRecord",
                     "ListMetadataFormats", "oai_dc", "edm", "type:objects", "2026-11-24",
                     "2026-11-24T10:00:00Z", "https://hub.example.be/objects/x"]),
    st.text(max_size=30),
)  # fmt: skip
ARGUMENTS = st.dictionaries(NAMES, st.lists(VALUES, min_size=1, max_size=2), max_size=5)


@pytest.mark.usefixtures("hub")
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(arguments=ARGUMENTS)
def test_any_request_gets_a_valid_answer(store: Store, arguments: dict[str, list[str]]) -> None:
    root = etree.fromstring(answer_oai(store, arguments, options()))
    assert oai_schema().validate(root), str(oai_schema().error_log)


MOMENTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@given(
    verb=st.sampled_from(["ListRecords", "ListIdentifiers", "ListSets"]),
    prefix=st.none() | st.sampled_from(["oai_dc", "edm"]),
    set_spec=st.none() | st.text(max_size=60),
    last_modified=st.none() | MOMENTS,
    last_id=st.none() | st.uuids(),
    cursor=st.integers(0, 10**9),
    total=st.integers(1, 10**9),
)
def test_a_token_reads_back_its_position(
    verb: str,
    prefix: str | None,
    set_spec: str | None,
    last_modified: datetime | None,
    last_id: UUID | None,
    cursor: int,
    total: int,
) -> None:
    key, now = token_key(None, "https://hub.example.be"), datetime.now(UTC)
    position = ListPosition(verb, prefix, set_spec, "2026-01-01", None, last_modified, last_id,
                            cursor, total)  # fmt: skip
    token, expires = encode_token(position, key, now)
    assert expires - now > timedelta(hours=24)
    back = decode_token(token, verb, key, now)
    assert back.after() == position.after()
    assert (back.prefix, back.set_spec, back.since, back.until) == (prefix, set_spec,
                                                                    "2026-01-01", None)  # fmt: skip
    assert (back.cursor, back.total, back.expires) == (cursor, total, expires)


@given(st.text(max_size=200))
def test_garbage_is_never_a_token(text: str) -> None:
    key = token_key("s", "https://hub.example.be")
    with pytest.raises(OaiError) as raised:
        decode_token(text, "ListRecords", key, datetime.now(UTC))
    assert raised.value.code == "badResumptionToken"
