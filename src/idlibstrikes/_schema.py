"""The fields each kind of record may have in a data file.

One frozen set of keys per object shape, checked by `Fields` (an unknown key is reported
as a possible typo). docs/format.md describes what each field means.
"""

from __future__ import annotations

__all__ = [
    "AFFILIATION",
    "ANNOUNCEMENT",
    "ATTRIBUTION",
    "CEASEFIRE",
    "CITATION",
    "CLAIM",
    "DATE",
    "DATE_CLAIM",
    "DEVELOPMENT",
    "FIGURE",
    "GROUP",
    "PERSON",
    "PLACE",
    "PLACE_REF",
    "REFERENCE",
    "RELATIVE_KEYS",
    "ROLE",
    "SOURCE",
    "STRENGTH",
    "STRIKE",
]


def _keys(*names: str) -> frozenset[str]:
    return frozenset(names)


DATE = _keys(
    "text", "span", "part", "relative", "unit", "anchor", "earliest", "latest", "reasoning"
)
CITATION = _keys("about", "source", "quote")
DATE_CLAIM = _keys("date", "source", "quote", "report", "note")
SOURCE = _keys(
    "id",
    "kind",
    "article",
    "outlet",
    "outlet_quote",
    "outlet_from",
    "headline",
    "published",
    "published_from",
    "address",
    "note",
)
PLACE = _keys(
    "id", "name", "kind", "aliases", "governorate", "near", "citations", "reference", "note"
)
PLACE_REF = _keys("source", "governorate", "district", "latitude", "longitude", "names", "note")
PERSON = _keys("id", "name", "aliases", "citations", "roles", "note")
ROLE = _keys("title", "group", "leads", "source", "quote", "since", "until", "counts_as", "note")
GROUP = _keys(
    "id",
    "name",
    "kind",
    "aliases",
    "citations",
    "founding",
    "ending",
    "strength",
    "affiliations",
    "note",
)
STRENGTH = _keys("count", "approximate", "unit", "as_of", "claimant", "source", "quote", "note")
AFFILIATION = _keys("other", "relation", "claimant", "source", "quote", "since", "until", "note")
ANNOUNCEMENT = _keys(
    "id", "announcer", "about", "date", "summary", "source", "quote", "reports", "note"
)
STRIKE = _keys(
    "id",
    "scope",
    "kind",
    "description",
    "date_claims",
    "start_claims",
    "end_claims",
    "place",
    "perpetrator",
    "attributions",
    "allies",
    "targets",
    "killed",
    "claims",
    "citations",
    "note",
)
ATTRIBUTION = _keys("groups", "stance", "claimant", "source", "quote", "note")
CLAIM = _keys(
    "victims",
    "outcome",
    "low",
    "high",
    "claimant",
    "source",
    "quote",
    "vague",
    "within",
    "counts_to",
    "note",
)
CEASEFIRE = _keys(
    "id", "name", "kind", "start_claims", "end_claims", "parties", "brokers", "citations", "note"
)
DEVELOPMENT = _keys(
    "id",
    "kind",
    "description",
    "start_claims",
    "end_claims",
    "actors",
    "affected",
    "place",
    "citations",
    "note",
)
FIGURE = _keys(
    "id",
    "measure",
    "subject",
    "low",
    "high",
    "unit",
    "approximate",
    "period",
    "place",
    "claimant",
    "source",
    "quote",
    "note",
)
REFERENCE = _keys(
    "id", "subject", "field", "value", "date", "corrects", "confidence", "source", "place", "note"
)
RELATIVE_KEYS = frozenset({"years", "months", "weeks", "days", "year", "month", "day", "weekday"})
