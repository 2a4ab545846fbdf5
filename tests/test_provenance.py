"""Every quote in the data is found, verbatim, in the article it cites."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

import idlibstrikes as isk
from idlibstrikes._names import name_key
from idlibstrikes._strikes import nested

from .conftest import collapse


def quoted(obj: object, seen: set[int] | None = None) -> Iterator[tuple[isk.Source, str]]:
    """Every (source, quote) pair reachable from ``obj``."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, tuple):
        for item in obj:
            yield from quoted(item, seen)
        return
    if not attrs.has(type(obj)):
        return
    if isinstance(obj, isk.Source):
        if obj.outlet_quote:
            yield obj, obj.outlet_quote
        return
    source, quote = getattr(obj, "source", None), getattr(obj, "quote", None)
    if isinstance(source, isk.Source) and isinstance(quote, str):
        yield source, quote
    for field in attrs.fields(type(obj)):
        yield from quoted(getattr(obj, field.name), seen)


def all_quotes(data: isk.Dataset) -> list[tuple[isk.Source, str]]:
    pairs: list[tuple[isk.Source, str]] = []
    for kind in (
        "sources",
        "places",
        "people",
        "groups",
        "strikes",
        "ceasefires",
        "developments",
        "announcements",
        "figures",
    ):
        pairs.extend(quoted(getattr(data, kind)))
    return pairs


def test_there_are_many_quotes(data: isk.Dataset) -> None:
    assert len(all_quotes(data)) > 300


def test_every_article_quote_is_in_its_article(data: isk.Dataset, articles: dict[str, str]) -> None:
    assert set(articles) == {s.article for s in data.sources if not s.is_reference}
    missing = [
        (src.id, quote)
        for src, quote in all_quotes(data)
        if not src.is_reference and collapse(quote) not in articles[src.article or ""]
    ]
    assert missing == []


def test_reference_facts_cite_reference_sources(data: isk.Dataset) -> None:
    assert data.references
    assert all(f.source.is_reference for f in data.references)
    for place in data.places:
        if place.reference is not None:
            assert place.reference.source.is_reference


@pytest.mark.parametrize("kind", ["groups", "people", "places"])
def test_every_alias_is_spelled_in_a_citation(data: isk.Dataset, kind: str) -> None:
    unsupported = []
    for record in getattr(data, kind):
        text = name_key(" ".join(c.quote for c in record.citations))
        for alias in record.aliases:
            if name_key(alias) not in text:
                unsupported.append((record.id, alias))
    assert unsupported == []


def test_every_strike_cites_place_perpetrator_and_targets(data: isk.Dataset) -> None:
    for strike in data.strikes:
        assert strike.start_claims if strike.is_series else strike.date_claims, strike.id
        assert strike.citations_for("place"), strike.id
        # who struck: each source's attribution, with its words; the filed perpetrator
        # is one of the groups they name, or one those are within
        assert strike.attributions, strike.id
        assert any(nested(strike.perpetrator, g) for a in strike.attributions for g in a.groups), (
            strike.id
        )
        if strike.targets:
            assert strike.citations_for("targets"), strike.id
        if strike.killed:
            assert strike.citations_for("killed"), strike.id


def test_every_strike_lists_every_article_that_reports_it(data: isk.Dataset) -> None:
    for strike in data.strikes:
        cited = {c.source.id for c in strike.citations} | {c.source.id for c in strike.claims}
        assert cited <= {s.id for s in strike.sources}, strike.id


def test_relative_dates_keep_their_words_and_reasoning(data: isk.Dataset) -> None:
    urum = data.strike("2025-02-15-urum-al-jawz").date_claims[0].date
    assert urum.text == "late on Saturday"
    assert "Saturday on or before" in urum.reasoning
    assert "2025-02-16" in urum.reasoning


def test_every_development_cites_its_actors_and_what_it_affected(data: isk.Dataset) -> None:
    assert len(data.developments) == 7
    for d in data.developments:
        assert d.start_claims, d.id
        about = {c.about for c in d.citations}
        if d.actors:
            assert "actors" in about, d.id
        if d.affected:
            assert "affected" in about, d.id


def test_a_place_only_a_reference_names_says_so(data: isk.Dataset) -> None:
    for place in data.places:
        if not place.citations:  # no article names it: it comes from the reference layer
            assert place.reference is not None, place.id
            assert "reference" in place.note, place.id
    # Batabo (a reference fact's place) and the gazetteer towns that place strikes
    assert [p.id for p in data.places if not p.citations] == ["batabo", "maarrat-misrin", "ariha"]
