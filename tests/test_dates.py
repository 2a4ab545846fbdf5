"""DateRange, period parsing and relative dates, on examples and as properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlibstrikes import DatePrecision, DateRange, InvalidPeriodError, parse_period
from idlibstrikes._dates import resolve_relative

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def ranges(draw: st.DrawFn) -> DateRange:
    a, b = draw(days), draw(days)
    return DateRange(earliest=min(a, b), latest=max(a, b))


def test_a_range_must_run_forwards() -> None:
    with pytest.raises(ValueError, match=r"earliest .* is after latest"):
        DateRange(earliest=dt.date(2019, 9, 1), latest=dt.date(2019, 8, 31))


def test_a_range_rejects_datetimes_and_text() -> None:
    with pytest.raises(ValueError, match=r"earliest must be a datetime\.date, not str"):
        DateRange(earliest="2019-08-31", latest=dt.date(2019, 8, 31))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not datetime"):
        DateRange(earliest=dt.datetime(2019, 8, 31), latest=dt.date(2019, 8, 31))


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        ("2019-08", dt.date(2019, 8, 1), dt.date(2019, 8, 31)),
        ("2019-02", dt.date(2019, 2, 1), dt.date(2019, 2, 28)),
        ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2019-08-31", dt.date(2019, 8, 31), dt.date(2019, 8, 31)),
        ("Aug 2019", dt.date(2019, 8, 1), dt.date(2019, 8, 31)),
        ("Sep 2019", dt.date(2019, 9, 1), dt.date(2019, 9, 30)),
        ("31 August 2019", dt.date(2019, 8, 31), dt.date(2019, 8, 31)),
        # early/mid/late a month: days 1-10, 11-20, 21 to the month's end (as in data files)
        ("late January 2025", dt.date(2025, 1, 21), dt.date(2025, 1, 31)),
        ("Late Feb 2024", dt.date(2024, 2, 21), dt.date(2024, 2, 29)),
        ("mid-August 2019", dt.date(2019, 8, 11), dt.date(2019, 8, 20)),
        ("early 2019-06", dt.date(2019, 6, 1), dt.date(2019, 6, 10)),
        # early/mid/late a year: its thirds, as the data reads "late last year"
        ("late 2019", dt.date(2019, 9, 1), dt.date(2019, 12, 31)),
        ("mid-2019", dt.date(2019, 5, 1), dt.date(2019, 8, 31)),
        ("Early 2020", dt.date(2020, 1, 1), dt.date(2020, 4, 30)),
        (dt.date(2019, 6, 30), dt.date(2019, 6, 30), dt.date(2019, 6, 30)),
        (dt.datetime(2019, 6, 30, 18), dt.date(2019, 6, 30), dt.date(2019, 6, 30)),
    ],
)
def test_a_period_stands_for_its_whole_span(value: object, first: dt.date, last: dt.date) -> None:
    assert parse_period(value) == (first, last)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "31 August",
        "the summer",
        "2019-13",
        "2019-02-30",
        "",
        2019,
        "late 2019-06-30",
        "late summer 2019",
    ],
)
def test_unreadable_periods_raise_invalid_period_error(value: object) -> None:
    with pytest.raises(InvalidPeriodError):
        parse_period(value)  # type: ignore[arg-type]


def test_invalid_period_error_is_a_value_error() -> None:
    assert issubclass(InvalidPeriodError, ValueError)


def test_precision_codes() -> None:
    assert DateRange.parse("2019-08-31").precision is DatePrecision.DAY
    assert DateRange.parse("2019-08").precision is DatePrecision.MONTH
    assert DateRange.parse("2019").precision is DatePrecision.YEAR


def test_saturday_before_a_sunday_publication() -> None:
    pub = DateRange.day(dt.date(2025, 2, 16))
    got = resolve_relative(pub, {"weekday": "SA(-1)"}, text="late on Saturday", anchor_label="p")
    assert (got.earliest, got.latest) == (dt.date(2025, 2, 15), dt.date(2025, 2, 15))


def test_a_weekday_on_the_publication_day_is_that_day() -> None:
    pub = DateRange.day(dt.date(2019, 6, 30))  # a Sunday
    got = resolve_relative(pub, {"weekday": "SU(-1)"}, text="on Sunday", anchor_label="p")
    assert got.earliest == dt.date(2019, 6, 30)


def test_an_uncertain_publication_date_gives_a_range() -> None:
    pub = DateRange(earliest=dt.date(2019, 8, 31), latest=dt.date(2019, 9, 10))
    got = resolve_relative(pub, {"weekday": "SA(-1)"}, text="on Saturday", anchor_label="p")
    assert (got.earliest, got.latest) == (dt.date(2019, 8, 31), dt.date(2019, 9, 7))


def test_last_month_and_late_january() -> None:
    pub = DateRange.day(dt.date(2025, 2, 16))
    last_month = resolve_relative(
        pub, {"months": -1}, unit="month", text="last month", anchor_label="p"
    )
    assert (last_month.earliest, last_month.latest) == (dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    late = resolve_relative(
        pub, {"month": 1}, unit="month", part="late", text="late January", anchor_label="p"
    )
    assert (late.earliest, late.latest) == (dt.date(2025, 1, 21), dt.date(2025, 1, 31))


def test_late_february_ends_with_the_month() -> None:
    pub = DateRange.day(dt.date(2019, 3, 5))
    late = resolve_relative(
        pub, {"month": 2}, unit="month", part="late", text="late February", anchor_label="p"
    )
    assert late.latest == dt.date(2019, 2, 28)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"weekday": "Saturday"}, "weekday must look like"),
        ({"fortnights": 1}, "unknown relative-date key"),
        ({"months": "-1"}, "must be a whole number"),
        # what relativedelta would ignore (a 0) or clamp (a 32nd day) is refused
        ({"year": 0}, "'year' is 0, which relativedelta ignores"),
        ({"month": 0}, "'month' is 0, which relativedelta ignores"),
        ({"day": 0}, "'day' is 0, which relativedelta ignores"),
        ({"month": 13}, "sets the month itself, from 1 to 12, not 13; to move the date"),
        ({"day": 32}, "sets the day itself, from 1 to 31"),
        ({"weekday": "SA(0)"}, "a count other than 0"),
        ({"years": 10**6}, "falls outside the calendar"),
    ],
)
def test_bad_relative_specs(spec: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        resolve_relative(DateRange.parse("2019-08-31"), spec, text="x", anchor_label="p")


@given(ranges())
def test_a_range_contains_its_ends_and_days_counts_them(r: DateRange) -> None:
    assert r.contains(r.earliest)
    assert r.contains(r.latest)
    assert r.days == (r.latest - r.earliest).days + 1 >= 1
    assert r.within(r.earliest, r.latest)
    assert r.overlaps(r.earliest, r.latest)


@given(ranges(), ranges())
def test_hull_holds_both_and_overlap_is_symmetric(a: DateRange, b: DateRange) -> None:
    h = a.hull(b)
    assert h.within(h.earliest, h.latest)
    assert a.within(h.earliest, h.latest)
    assert b.within(h.earliest, h.latest)
    assert a.overlaps(b.earliest, b.latest) == b.overlaps(a.earliest, a.latest)


@given(ranges(), days, days)
def test_within_implies_overlaps(r: DateRange, x: dt.date, y: dt.date) -> None:
    first, last = min(x, y), max(x, y)
    if r.within(first, last):
        assert r.overlaps(first, last)


@given(days)
def test_iso_day_month_and_year_nest(day: dt.date) -> None:
    d = parse_period(day.isoformat())
    m = parse_period(day.isoformat()[:7])
    y = parse_period(day.isoformat()[:4])
    assert y[0] <= m[0] <= d[0] == d[1] <= m[1] <= y[1]
    assert m[0].day == 1
    assert (m[1] + dt.timedelta(days=1)).day == 1


@given(days)
def test_dateutil_text_matches_iso(day: dt.date) -> None:
    assert parse_period(day.strftime("%d %B %Y")) == parse_period(day.isoformat())
    assert parse_period(day.strftime("%b %Y")) == parse_period(day.isoformat()[:7])


@given(ranges(), st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]))
def test_weekday_on_or_before_lies_within_the_previous_week(r: DateRange, wd: str) -> None:
    got = resolve_relative(r, {"weekday": f"{wd}(-1)"}, text="x", anchor_label="p")
    assert r.earliest - dt.timedelta(days=6) <= got.earliest <= r.earliest
    assert r.latest - dt.timedelta(days=6) <= got.latest <= r.latest


def test_late_a_year_is_read_the_way_the_data_reads_late_last_year() -> None:
    # 000's "an offensive late last year" is coded September-December 2024 (cut short by
    # the downfall it led to); a period argument and a relative date read "late" alike
    import idlibstrikes as isk

    offensive = isk.load(sources="articles").development("2024-late-hts-offensive")
    [claim] = offensive.start_claims
    assert claim.date.earliest == parse_period("late 2024")[0] == dt.date(2024, 9, 1)
    pub = DateRange.day(dt.date(2025, 2, 16))
    late = resolve_relative(
        pub, {"years": -1}, unit="year", part="late", text="late last year", anchor_label="p"
    )
    assert (late.earliest, late.latest) == parse_period("late 2024")
