"""Dublin Core crosswalk and the shared helpers: languages, EDTF, rights."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cultuurhub.formats.dublin_core import (
    canonical_rights,
    edtf_from_bounds,
    edtf_from_text,
    heritage_language,
    is_valid_edtf,
    map_oai_dc,
)
from cultuurhub.formats.xml_safety import parse_xml

DC = b"""<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title xml:lang="nl">Gezicht op Gent</dc:title>
  <dc:title xml:lang="fr">Vue de Gand</dc:title>
  <dc:title xml:lang="it">Veduta di Gand</dc:title>
  <dc:creator>Jan Doe</dc:creator><dc:creator>Jan Doe</dc:creator>
  <dc:date>ca. 1650</dc:date>
  <dc:type>schilderij</dc:type>
  <dc:subject>stadsgezicht</dc:subject>
  <dc:rights>https://rightsstatements.org/page/InC/1.0/?language=nl</dc:rights>
  <dc:identifier>MSK 1914-A</dc:identifier>
  <dc:identifier>https://example.be/images/1914-A.jpg</dc:identifier>
  <dc:identifier>https://example.be/objects/1914-A</dc:identifier>
  <dc:language>dut</dc:language>
</oai_dc:dc>"""


def test_oai_dc_record() -> None:
    record = map_oai_dc(parse_xml(DC))
    doc = record.document
    assert doc["mainLanguage"] == "nl"
    assert doc["title"] == {"nl": "Gezicht op Gent", "fr": "Vue de Gand"}
    assert any(n.field == "title" for n in record.notes)  # Italian dropped, said so
    assert doc["creators"] == [{"agent": {"@type": "Person", "name": "Jan Doe"}}]
    assert doc["productionDate"] == {"edtf": "1650~", "display": "ca. 1650"}
    assert doc["rights"] == "http://rightsstatements.org/vocab/InC/1.0/"
    assert doc["objectNumber"] == "MSK 1914-A"
    assert doc["webResources"] == [
        {
            "url": "https://example.be/images/1914-A.jpg",
            "mimeType": "image/jpeg",
            "rights": "http://rightsstatements.org/vocab/InC/1.0/",
        }
    ]
    assert doc["labels"] == []


def test_text_rights_and_odd_dates_become_warnings() -> None:
    xml = b"""<dc xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>
      <dc:rights>Alle rechten voorbehouden</dc:rights><dc:date>op een dinsdag</dc:date></dc>"""
    record = map_oai_dc(parse_xml(xml))
    assert {n.field for n in record.notes} == {"rights", "productionDate"}
    assert "rights" not in record.document and "productionDate" not in record.document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1434-1436", "1434/1436"),
        ("1434 - 1436", "1434/1436"),
        ("circa 1601 - circa 1620", "1601~/1620~"),
        ("17de eeuw", "16XX"),
        ("20th century", "19XX"),
        ("1920s", "192X"),
        ("2011-01-10T10:19:23Z", "2011-01-10T10:19:23Z"),
        ("um 1600", "1600~"),
        ("1500/1400", None),
        ("1569-02-30", None),
        ("", None),
    ],
)
def test_edtf_from_text(text: str, expected: str | None) -> None:
    assert edtf_from_text(text) == expected


def test_edtf_from_bounds() -> None:
    assert edtf_from_bounds("1434", "1436", False) == "1434/1436"
    assert edtf_from_bounds("1601", "1620", True) == "1601~/1620~"
    assert edtf_from_bounds("1959", None, False) == "1959"
    assert edtf_from_bounds("-3180", "-2500", False) == "-3180/-2500"
    assert edtf_from_bounds("onbekend", None, False) is None


def test_rights_are_canonical() -> None:
    assert canonical_rights("https://creativecommons.org/licenses/by/4.0/deed.nl") == (
        "http://creativecommons.org/licenses/by/4.0/"
    )
    assert canonical_rights("http://rightsstatements.org/vocab/InC/1.0") == (
        "http://rightsstatements.org/vocab/InC/1.0/"
    )
    assert canonical_rights("© museum") is None


def test_languages() -> None:
    assert heritage_language("nl-BE") == "nl"
    assert heritage_language("eng") == "en"
    assert heritage_language("it") is None


@given(st.text(max_size=40))
def test_edtf_from_text_gives_valid_edtf_or_none(text: str) -> None:
    value = edtf_from_text(text)
    assert value is None or is_valid_edtf(value)
