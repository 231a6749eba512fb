"""May I reuse this? Every rights statement gets a plain answer in both languages."""

from __future__ import annotations

import pytest

from cultuurhub.model.rights import RIGHTSSTATEMENTS
from cultuurhub.web import Messages, Verdict, reuse_answer
from cultuurhub.web.i18n import MESSAGES


@pytest.mark.parametrize(
    ("uri", "verdict", "dutch", "english"),
    [
        ("http://creativecommons.org/publicdomain/mark/1.0/", Verdict.YES,
         "publiek domein", "public domain"),
        ("https://creativecommons.org/publicdomain/zero/1.0/deed.nl", Verdict.YES,
         "CC0", "CC0"),
        ("http://creativecommons.org/licenses/by/4.0/", Verdict.CONDITIONS,
         "naamsvermelding", "attribution"),
        ("https://creativecommons.org/licenses/by-sa/4.0", Verdict.CONDITIONS,
         "dezelfde licentie", "same licence"),
        ("http://creativecommons.org/licenses/by-nc/4.0/", Verdict.LIMITED,
         "niet commercieel", "not commercially"),
        ("http://creativecommons.org/licenses/by-nc-nd/2.0/be/", Verdict.LIMITED,
         "ongewijzigd", "unchanged"),
        ("http://rightsstatements.org/vocab/InC/1.0/", Verdict.NO,
         "vraag het de rechthebbende", "ask the rights holder"),
        ("https://rightsstatements.org/page/InC-EDU/1.0/?language=nl", Verdict.LIMITED,
         "onderwijs", "education"),
        ("http://rightsstatements.org/vocab/NoC-NC/1.0/", Verdict.LIMITED,
         "niet commercieel", "not commercially"),
        ("http://rightsstatements.org/vocab/CNE/1.0/", Verdict.UNKNOWN,
         "nog niet nagegaan", "not been checked"),
        ("http://rightsstatements.org/vocab/NKC/1.0/", Verdict.CONDITIONS,
         "Waarschijnlijk wel", "Probably yes"),
    ],
)  # fmt: skip
def test_statement_gets_its_plain_answer(
    uri: str, verdict: Verdict, dutch: str, english: str
) -> None:
    answer = reuse_answer(uri)
    assert answer.verdict is verdict
    assert dutch in Messages("nl")(answer.message)
    assert english in Messages("en")(answer.message)
    assert answer.uri is not None and answer.uri.startswith("http://")


def test_public_domain_is_free_and_in_copyright_is_not() -> None:
    assert Messages("nl")(
        reuse_answer("http://creativecommons.org/publicdomain/mark/1.0/").message
    ).startswith("Ja, vrij")
    assert Messages("en")(
        reuse_answer("http://rightsstatements.org/vocab/InC/1.0/").message
    ).startswith("No")


def test_no_or_unknown_statement_means_ask() -> None:
    for uri in (None, "", "https://example.org/my-own-licence"):
        answer = reuse_answer(uri)
        assert answer.verdict is Verdict.UNKNOWN
        assert "Ask the holding institution" in Messages("en")(answer.message)


@pytest.mark.parametrize("code", sorted(RIGHTSSTATEMENTS))
def test_every_rightsstatements_code_has_an_answer(code: str) -> None:
    answer = reuse_answer(f"http://rightsstatements.org/vocab/{code}/1.0/")
    assert answer.message in MESSAGES
    assert answer.name


@pytest.mark.parametrize("kind", ["by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"])
def test_every_creative_commons_licence_has_an_answer(kind: str) -> None:
    answer = reuse_answer(f"http://creativecommons.org/licenses/{kind}/4.0/")
    assert answer.message in MESSAGES
    assert answer.name.startswith(f"CC {kind.upper()} 4.0")
