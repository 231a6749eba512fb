"""The index schema and its text analysis (Dutch: folded, stop words out, stemmed)."""

from __future__ import annotations

import tantivy

DUTCH = "nl_stem"
FOLDED = "nl_folded"
KEYWORD = "raw"

#: Multi-valued keyword fields that can be filtered on and counted as facets.
KEYWORDS = (
    "kind",  # record type path: events, places, organizers, objects
    "terms",  # every taxonomy term id (event type, themes, facilities, object types)
    "eventtype",
    "theme",
    "facility",
    "label",
    "hidden_label",
    "municipality",  # 2025 NIS code
    "province",  # NIS code of the province (04000 for Brussels)
    "status",  # Available, Unavailable, TemporarilyUnavailable
    "availability",  # Available, Unavailable (sold out) of the whole offer
    "audience",
    "attendance",
    "workflow",
    "organizer",
    "place",
    "owner",
    "language",
    "calendar",
    "creator",
    "rights",
)

#: The keyword fields whose values are counted (facets: tantivy's terms aggregation reads their
#: fast columns); the others are only filtered on, which the inverted index does alone.
COUNTED = frozenset({
    "kind", "eventtype", "theme", "facility", "label", "municipality", "status", "availability",
    "audience", "attendance", "language", "creator", "rights",
})  # fmt: skip


def dutch_analyzer() -> tantivy.TextAnalyzer:
    """Words lower-cased, accents folded, Dutch stop words dropped, Dutch Snowball stems."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stopword("dutch"))
        .filter(tantivy.Filter.stemmer("dutch"))
        .build()
    )


def folded_analyzer() -> tantivy.TextAnalyzer:
    """Words lower-cased and accents folded, nothing dropped: for autocomplete and phrases."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def build_schema() -> tantivy.Schema:
    """Return the schema of the search index."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name=KEYWORD, index_option="basic")
    builder.add_text_field("name", stored=True, tokenizer_name=DUTCH)
    builder.add_text_field("text", tokenizer_name=DUTCH)
    builder.add_text_field("suggest", tokenizer_name=FOLDED)
    for field in KEYWORDS:
        builder.add_text_field(
            field,
            stored=field == "kind",
            fast=field in COUNTED,
            tokenizer_name=KEYWORD,
            index_option="basic",
        )
    for field in ("days", "weekdays"):
        builder.add_integer_field(field, indexed=True)
    for field in ("period_from", "period_to", "age_min", "age_max"):
        builder.add_integer_field(field, indexed=True)
    for field in ("date_key", "modified_key"):
        builder.add_integer_field(field, indexed=True, fast=True)
    builder.add_integer_field("start", stored=True)
    builder.add_integer_field("modified", indexed=True, stored=True)
    builder.add_float_field("latitude", indexed=True, fast=True, stored=True)
    builder.add_float_field("longitude", indexed=True, fast=True, stored=True)
    builder.add_text_field("cell", tokenizer_name=KEYWORD, index_option="basic")
    builder.add_text_field("listed", tokenizer_name=KEYWORD, index_option="basic")
    builder.add_integer_field("id_key", indexed=True, fast=True)
    builder.add_float_field("price", indexed=True)
    builder.add_boolean_field("free", indexed=True)
    builder.add_boolean_field("geo", indexed=True)
    builder.add_boolean_field("always", indexed=True)
    return builder.build()


def register_analyzers(index: tantivy.Index) -> None:
    """Register the analyzers the schema names (every time an index is opened)."""
    index.register_tokenizer(DUTCH, dutch_analyzer())
    index.register_tokenizer(FOLDED, folded_analyzer())
