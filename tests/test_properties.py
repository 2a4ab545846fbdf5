"""Invariants of casualty aggregation and the queries, checked with Hypothesis."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import idlibstrikes as isk

DATA = isk.load()
SOURCE = DATA.sources[0]
PLACE = DATA.places[0]
GROUP = DATA.groups[0]

days = st.dates(min_value=dt.date(2013, 1, 1), max_value=dt.date(2026, 12, 31))
victims = st.sampled_from(list(isk.Victims))


@st.composite
def claims(draw: st.DrawFn) -> isk.CasualtyClaim:
    low = draw(st.integers(0, 500))
    high = draw(st.none() | st.integers(low, low + 500))
    return isk.CasualtyClaim(low=low, high=high, victims=draw(victims), source=SOURCE, quote="q")


@st.composite
def strikes(draw: st.DrawFn, ident: str | None = None) -> isk.Strike:
    a, b = draw(days), draw(days)
    return isk.Strike(
        id=ident or draw(st.from_regex(r"[a-z]{8}", fullmatch=True)),
        description="d",
        date=isk.DateRange(earliest=min(a, b), latest=max(a, b)),
        place=PLACE,
        perpetrator=GROUP,
        claims=tuple(draw(st.lists(claims(), max_size=5))),
    )


@st.composite
def strike_sets(draw: st.DrawFn) -> list[isk.Strike]:
    n = draw(st.integers(0, 8))
    return [draw(strikes(ident=f"s{i}")) for i in range(n)]


@given(strike_sets(), victims)
def test_low_never_exceeds_high_and_counts_add_up(items: list[isk.Strike], v: isk.Victims) -> None:
    c = DATA.casualties(items, victims=v)
    assert 0 <= c.low <= c.high
    assert len(c.per_strike) + c.without_figures == len(items)
    for one in c.per_strike:
        assert one.low <= one.high
        assert all(claim.victims is v for claim in one.claims)
        stated = [claim.low for claim in one.claims] + [
            claim.high for claim in one.claims if claim.high is not None
        ]
        assert (one.low, one.high) == (min(stated), max(stated))


@given(strike_sets(), st.integers(0, 8), victims)
def test_casualties_are_additive_over_disjoint_sets(
    items: list[isk.Strike], cut: int, v: isk.Victims
) -> None:
    left, right = items[:cut], items[cut:]
    whole, a, b = (DATA.casualties(x, victims=v) for x in (items, left, right))
    assert whole.low == a.low + b.low
    assert whole.high == a.high + b.high
    assert whole.without_figures == a.without_figures + b.without_figures


@given(strike_sets(), victims)
def test_order_does_not_matter(items: list[isk.Strike], v: isk.Victims) -> None:
    forward = DATA.casualties(items, victims=v)
    backward = DATA.casualties(list(reversed(items)), victims=v)
    assert (forward.low, forward.high) == (backward.low, backward.high)


@given(days, days, days)
@settings(max_examples=200)
def test_adjacent_periods_cover_the_joined_period(a: dt.date, b: dt.date, c: dt.date) -> None:
    first, middle, last = sorted((a, b, c))
    if middle == last:
        return
    after = middle + dt.timedelta(days=1)
    joined = set(DATA.strikes_between(first, last))
    left, right = set(DATA.strikes_between(first, middle)), set(DATA.strikes_between(after, last))
    assert left | right == joined
    sure = set(DATA.strikes_between(first, last, certain=True))
    sure_parts = set(DATA.strikes_between(first, middle, certain=True)) | set(
        DATA.strikes_between(after, last, certain=True)
    )
    assert sure_parts <= sure <= joined


@given(days, days)
def test_certain_results_are_possible_results(a: dt.date, b: dt.date) -> None:
    first, last = min(a, b), max(a, b)
    possible = DATA.strikes_between(first, last)
    certain = DATA.strikes_between(first, last, certain=True)
    assert set(certain) <= set(possible)
    assert list(possible) == sorted(possible, key=lambda s: (s.date.earliest, s.date.latest))


@given(st.sampled_from(DATA.groups))
def test_affiliates_include_the_direct_result(group: isk.Group) -> None:
    direct = DATA.strikes_by_group(group)
    wide = DATA.strikes_by_group(group, include_affiliates=True)
    assert set(direct) <= set(wide)
    assert all(any(t.id == group.id for t in s.targets) for s in direct)


@given(days)
def test_ceasefires_on_a_day_started_by_then(day: dt.date) -> None:
    for c in DATA.ceasefires_on(day):
        assert c.start.earliest <= day
        assert c.end is None or c.end.latest >= day


@given(st.sampled_from(DATA.groups), st.sampled_from(["upper", "lower", "title"]))
def test_any_case_of_any_name_finds_the_group(group: isk.Group, case: str) -> None:
    for name in (group.name, *group.aliases):
        assert DATA.group(getattr(name, case)()) is group
