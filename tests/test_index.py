"""The query indexes give exactly what a scan of every strike gives."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import idlibstrikes as isk
from idlibstrikes._index import DateIndex
from idlibstrikes._queries import _reaches
from idlibstrikes.testing import strategies as iss
from idlibstrikes.testing import synthetic

day_numbers = st.integers(1, 4_000)
ranges = st.lists(
    st.tuples(day_numbers, st.integers(0, 400)).map(lambda r: (r[0], r[0] + r[1])), max_size=60
)


@given(ranges, day_numbers, st.integers(0, 500))
def test_the_date_index_finds_what_a_scan_finds(
    items: list[tuple[int, int]], first: int, length: int
) -> None:
    last = first + length
    index = DateIndex([a for a, _ in items], [b for _, b in items])
    assert index.overlapping(first, last) == [
        i for i, (a, b) in enumerate(items) if a <= last and b >= first
    ]
    assert index.within(first, last) == [
        i for i, (a, b) in enumerate(items) if a >= first and b <= last
    ]


def test_open_ended_and_exact_ranges_share_an_index() -> None:
    wide = (dt.date.min.toordinal(), dt.date(2019, 9, 6).toordinal())
    day = (dt.date(2019, 8, 31).toordinal(),) * 2
    index = DateIndex([wide[0], day[0]], [wide[1], day[1]])
    aug31 = dt.date(2019, 8, 31).toordinal()
    assert index.overlapping(aug31, aug31) == [0, 1]
    assert index.within(aug31, aug31) == [1]
    assert index.overlapping(aug31 + 7, aug31 + 9) == []


SYNTHETIC = synthetic.dataset(3_000, seed=7)
days = st.dates(dt.date(2013, 6, 1), dt.date(2026, 6, 30))


def scan(
    data: isk.Dataset, first: dt.date, last: dt.date, certain: bool, series: bool
) -> tuple[isk.Strike, ...]:
    """What strikes_between must return, by looking at every strike."""
    return tuple(
        s
        for s in data.strikes
        if (series or not s.is_series)
        and (s.certainly_within(first, last) if certain else s.date.overlaps(first, last))
    )


@settings(max_examples=60)
@given(days, st.integers(0, 120), st.booleans(), st.booleans())
def test_strikes_between_equals_a_scan_on_synthetic_data(
    first: dt.date, length: int, certain: bool, series: bool
) -> None:
    last = first + dt.timedelta(days=length)
    found = SYNTHETIC.strikes_between(first, last, certain=certain, include_series=series)
    assert found == scan(SYNTHETIC, first, last, certain, series)


def test_strikes_by_group_equals_a_scan_for_every_synthetic_group() -> None:
    affiliated = 0
    for group in SYNTHETIC.groups:
        direct = tuple(s for s in SYNTHETIC.strikes if group in s.targets)
        wider = tuple(
            s for s in SYNTHETIC.strikes if any(_reaches(t, group.id, s.date) for t in s.targets)
        )
        assert SYNTHETIC.strikes_by_group(group, include_series=True) == direct
        assert SYNTHETIC.strikes_by_group(group) == tuple(s for s in direct if not s.is_series)
        assert (
            SYNTHETIC.strikes_by_group(group, include_affiliates=True, include_series=True) == wider
        )
        affiliated += len(wider) > len(direct)
    assert affiliated > 0  # the synthetic data do exercise the affiliate closure


@settings(max_examples=30, deadline=None)
@given(iss.datasets(max_strikes=12), days, st.integers(0, 400))
def test_queries_on_generated_datasets_equal_scans(
    data: isk.Dataset, first: dt.date, length: int
) -> None:
    last = first + dt.timedelta(days=length)
    for certain in (False, True):
        for series in (False, True):
            found = data.strikes_between(first, last, certain=certain, include_series=series)
            assert found == scan(data, first, last, certain, series)
    for group in data.groups:
        assert data.strikes_by_group(group, include_affiliates=True, include_series=True) == tuple(
            s for s in data.strikes if any(_reaches(t, group.id, s.date) for t in s.targets)
        )


def test_indexes_are_built_once_on_first_use() -> None:
    data = synthetic.dataset(50, seed=9)
    # loading builds no query index (only the day columns, read while ordering strikes)
    queries = data._queries._value
    assert queries is not None
    assert queries._days is not None
    assert queries._dates._value is None
    assert queries._groups._value is None
    data.strikes_between("2019")
    built = queries._dates._value
    assert built is not None
    assert queries._groups._value is None
    data.strikes_by_group(data.groups[10])
    assert data._queries._value is queries
    assert queries._dates._value is built


def test_the_loaders_day_columns_equal_the_strikes_own() -> None:
    from idlibstrikes._days import StrikeDays

    days = SYNTHETIC._queries._value._days  # recorded by the loader while ordering strikes
    assert days is not None
    assert days == StrikeDays.of(SYNTHETIC.strikes)
    assert len(days.series.positions) == sum(s.is_series for s in SYNTHETIC.strikes) > 0
