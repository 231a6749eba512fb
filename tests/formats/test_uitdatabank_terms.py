"""Matching spreadsheet and calendar words to UiTdatabank terms, and suggestions for the rest."""

from __future__ import annotations

from cultuurhub.formats.uitdatabank_terms import find_term, suggest_terms, term_labels


def test_known_words_match_their_term_whatever_the_case_accents_or_hyphens() -> None:
    concert = find_term("CONCERT", "eventtype")
    assert concert is not None and concert.label == "Concert" and concert.domain == "eventtype"
    assert find_term("jazz-en-blues", "theme") == find_term("Jazz en blues", "theme")
    assert find_term("geen bestaand type", "eventtype") is None


def test_misspelt_words_get_the_closest_labels_best_first() -> None:
    assert suggest_terms("Concertt", "eventtype") == ["Concert"]
    assert suggest_terms("theatr", "eventtype") == ["Theatervoorstelling"]
    assert suggest_terms("Jaz en blues", "theme")[0] == "Jazz en blues"
    assert suggest_terms("Humor", "theme") == ["Humor en comedy"]
    assert suggest_terms("xqzv", "theme") == []  # nothing close enough to suggest


def test_suggestions_are_kept_per_word_but_each_caller_gets_its_own_list() -> None:
    first = suggest_terms("Concertt", "eventtype")
    first.append("changed by a caller")
    assert suggest_terms("Concertt", "eventtype") == ["Concert"]
    labels = term_labels("theme")
    assert labels == sorted(labels) and "Jazz en blues" in labels
    labels.clear()
    assert term_labels("theme")
