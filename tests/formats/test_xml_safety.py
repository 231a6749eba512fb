"""The hardened XML parser refuses entity tricks, external DTDs, oversize and broken XML."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cultuurhub.formats.xml_safety import (
    UnsafeXml,
    XmlError,
    XmlSyntax,
    iter_elements,
    parse_xml,
)

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<foo>&xxe;</foo>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<foo>&lol5;</foo>"""
NETWORK_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE foo SYSTEM "http://127.0.0.1:9/evil.dtd">
<foo>x</foo>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>
<foo>x</foo>"""


@pytest.mark.parametrize("data", [XXE, LAUGHS, PARAMETER_ENTITY], ids=["xxe", "laughs", "pe"])
def test_entity_declarations_are_refused(data: bytes) -> None:
    with pytest.raises(UnsafeXml, match="ENTITY"):
        parse_xml(data)
    with pytest.raises(UnsafeXml):
        list(iter_elements(data, "foo"))


def test_xxe_never_shows_the_file() -> None:
    with pytest.raises(UnsafeXml) as caught:
        parse_xml(XXE)
    assert "root:" not in str(caught.value)


def test_network_dtd_is_refused_without_fetching() -> None:
    with pytest.raises(UnsafeXml, match="external DTD"):
        parse_xml(NETWORK_DTD)


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(XmlSyntax) as caught:
        parse_xml(b"<a>\n<b>\n</a>")
    assert caught.value.line == 3
    assert "line 3" in str(caught.value)


def test_oversize_is_refused_before_parsing() -> None:
    with pytest.raises(UnsafeXml, match="over the limit"):
        parse_xml(b"<a>" + b"x" * 100 + b"</a>", max_bytes=50)


def test_plain_doctype_and_normal_xml_are_read() -> None:
    assert parse_xml(b"<!DOCTYPE foo><foo>x</foo>").text == "x"
    assert [e.text for e in iter_elements(b"<r><foo>1</foo><foo>2</foo></r>", "foo")] == ["1", "2"]


def test_iter_elements_reports_breakage_after_good_elements() -> None:
    seen = []
    with pytest.raises(XmlSyntax):
        for element in iter_elements(b"<r><foo>1</foo><foo>2</r>", "foo"):
            seen.append(element.text)
    assert seen == ["1"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_xml_errors(data: bytes) -> None:
    for attempt in (lambda: parse_xml(data), lambda: list(iter_elements(data, "a"))):
        with contextlib.suppress(XmlError):
            attempt()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>&;!/=\"' abcENTITYDOCTYPE[]%\n", max_size=200))
def test_xml_like_text_raises_only_xml_errors(text: str) -> None:
    with contextlib.suppress(XmlError):
        parse_xml(text.encode())
