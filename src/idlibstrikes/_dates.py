"""Uncertain dates: ``DateRange``, period arguments, and relative dates.

News reports rarely give a date as a single day. "In late January", "last month",
"on Saturday" are ranges, some of them relative to a publication date that is itself
uncertain. Every date in the dataset is therefore a closed range of days
``[earliest, latest]`` that keeps the words it was coded from and the reasoning used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from ._errors import InvalidPeriodError

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = [
    "RELATIVE_BOUNDS",
    "WEEKDAY_PATTERN",
    "DatePrecision",
    "DateRange",
    "PeriodLike",
    "checked_range",
    "narrow_part",
    "parse_period",
    "resolve_relative",
    "span_text",
]

# Patterns are compiled at first use (re keeps them), not at import: four cost 0.6 ms of
# every start, and most first answers parse no date.
_ISO = r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z"


class DatePrecision(Enum):
    """How precisely a [`DateRange`][idlibstrikes.DateRange] pins a date, as event datasets code it.

    The value is the code used in tables: 1 is a known day, 2 a known week or a few
    days, 3 a known month, 4 a known year, 5 anything wider.

    Examples:
        >>> DateRange.parse("2019-08").precision
        <DatePrecision.MONTH: 3>
    """

    DAY = 1
    WEEK = 2
    MONTH = 3
    YEAR = 4
    WIDER = 5


def _check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not dt.date:
        raise ValueError(
            f"{attribute.name} must be a datetime.date, not {type(value).__name__} {value!r}"
        )


def _check_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{attribute.name} must be text, not {type(value).__name__} {value!r}")


@attrs.frozen(kw_only=True, order=False, repr=False, weakref_slot=False)
class DateRange:
    """A closed range of days that a date is known to lie in, with the words behind it.

    Attributes:
        earliest: The first day the date can be (``datetime.date.min`` when no bound is
            known, as for a statement known only to precede an article).
        latest: The last day the date can be (``datetime.date.max`` when unbounded).
        text: The original wording (``"late on Saturday"``, ``"February 2018"``).
        reasoning: How the wording became this range, for relative or vague dates.
        disputed: For a summary of several claims (a strike's date, a group's founding):
            whether the claims conflict, so that the range spans the conflicting readings
            rather than what they all allow. Always false for a single claim.

    Examples:
        >>> import datetime as dt
        >>> r = DateRange(earliest=dt.date(2019, 8, 1), latest=dt.date(2019, 8, 31),
        ...               text="August 2019")
        >>> r.contains(dt.date(2019, 8, 15)), r.is_exact, r.days
        (True, False, 31)
        >>> str(r)
        '2019-08-01..2019-08-31'
        >>> str(DateRange.day(dt.date(2019, 6, 30)))
        '2019-06-30'
    """

    earliest: dt.date = attrs.field(validator=_check_date)
    latest: dt.date = attrs.field(validator=_check_date)
    text: str = attrs.field(default="", validator=_check_str)
    reasoning: str = attrs.field(default="", validator=_check_str)
    disputed: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError(
                f"earliest ({self.earliest}) is after latest ({self.latest}); "
                "a date range must run forwards"
            )

    @classmethod
    def day(cls, day: dt.date, *, text: str = "", reasoning: str = "") -> DateRange:
        """A range of exactly one day.

        Examples:
            >>> import datetime as dt
            >>> DateRange.day(dt.date(2025, 2, 15)).is_exact
            True
        """
        return cls(earliest=day, latest=day, text=text, reasoning=reasoning)

    @classmethod
    def parse(cls, value: PeriodLike, *, text: str | None = None, reasoning: str = "") -> DateRange:
        """The whole span a period argument stands for (a year, a month or a day).

        Args:
            value: A date, or text such as ``"2019"``, ``"2019-08"``, ``"Aug 2019"``.
            text: The wording to keep; defaults to the value as given.
            reasoning: How the value was arrived at, if it needs saying.

        Raises:
            InvalidPeriodError: The value names no year, or cannot be read.

        Examples:
            >>> r = DateRange.parse("Feb 2019")
            >>> (str(r.earliest), str(r.latest))
            ('2019-02-01', '2019-02-28')
        """
        first, last = parse_period(value)
        return cls(
            earliest=first,
            latest=last,
            text=str(value) if text is None else text,
            reasoning=reasoning,
        )

    @property
    def is_exact(self) -> bool:
        """Whether the range is a single known day.

        Examples:
            >>> DateRange.parse("2019-08-31").is_exact, DateRange.parse("2019-08").is_exact
            (True, False)
        """
        return self.earliest == self.latest

    @property
    def days(self) -> int:
        """How many days the range spans (1 for an exact date).

        Examples:
            >>> DateRange.parse("2019-02").days
            28
        """
        return (self.latest - self.earliest).days + 1

    @property
    def precision(self) -> DatePrecision:
        """How precise the range is, coded like event datasets' date-precision columns.

        Examples:
            >>> DateRange.parse("2019").precision
            <DatePrecision.YEAR: 4>
        """
        days = self.days
        if days == 1:
            return DatePrecision.DAY
        if days <= 7:
            return DatePrecision.WEEK
        if days <= 31:
            return DatePrecision.MONTH
        if days <= 366:
            return DatePrecision.YEAR
        return DatePrecision.WIDER

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` may be the date (lies inside the range).

        Examples:
            >>> import datetime as dt
            >>> DateRange.parse("2019-08").contains(dt.date(2019, 8, 31))
            True
        """
        return self.earliest <= day <= self.latest

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the date may fall between ``first`` and ``last`` (inclusive).

        Examples:
            >>> import datetime as dt
            >>> late_january = DateRange.parse("2025-01-21").hull(DateRange.parse("2025-01-31"))
            >>> late_january.overlaps(dt.date(2025, 1, 25), dt.date(2025, 2, 5))
            True
        """
        return self.earliest <= last and first <= self.latest

    def within(self, first: dt.date, last: dt.date) -> bool:
        """Whether the date certainly falls between ``first`` and ``last`` (inclusive).

        Examples:
            >>> import datetime as dt
            >>> late_january = DateRange.parse("2025-01-21").hull(DateRange.parse("2025-01-31"))
            >>> late_january.within(dt.date(2025, 1, 25), dt.date(2025, 2, 5))
            False
            >>> late_january.within(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
            True
        """
        return first <= self.earliest and self.latest <= last

    def hull(self, other: DateRange, *, text: str = "", reasoning: str = "") -> DateRange:
        """The smallest range holding both ranges: every day either source allows.

        Examples:
            >>> a, b = DateRange.parse("2017-03-17"), DateRange.parse("2017-03")
            >>> str(a.hull(b))
            '2017-03-01..2017-03-31'
        """
        return DateRange(
            earliest=min(self.earliest, other.earliest),
            latest=max(self.latest, other.latest),
            text=text,
            reasoning=reasoning,
        )

    @property
    def open_start(self) -> bool:
        """Whether no earliest day is known (stored as ``datetime.date.min``).

        Examples:
            >>> import datetime as dt
            >>> DateRange(earliest=dt.date.min, latest=dt.date(2019, 9, 6)).open_start
            True
        """
        return self.earliest == dt.date.min

    @property
    def open_end(self) -> bool:
        """Whether no latest day is known (stored as ``datetime.date.max``).

        Examples:
            >>> DateRange.parse("2019").open_end
            False
        """
        return self.latest == dt.date.max

    def __repr__(self) -> str:
        disputed = " disputed" if self.disputed else ""
        return f"<DateRange {self}{disputed}" + (f" {self.text!r}>" if self.text else ">")

    def __str__(self) -> str:
        """ISO text: one day, ``first..last``, or ``..last`` / ``first..`` for open ends.

        Examples:
            >>> import datetime as dt
            >>> str(DateRange(earliest=dt.date.min, latest=dt.date(2019, 9, 6)))
            '..2019-09-06'
        """
        earliest, latest = self.earliest, self.latest  # (the properties, without their calls)
        if earliest == latest:
            return earliest.isoformat()
        first = "" if earliest == dt.date.min else earliest.isoformat()
        last = "" if latest == dt.date.max else latest.isoformat()
        return f"{first}..{last}"


def checked_range(earliest: dt.date, latest: dt.date, text: str, reasoning: str) -> DateRange:
    """``DateRange(earliest=..., latest=..., text=..., reasoning=...)``, made quickly.

    Values the class's validators accept (two days in order, two texts) are set through
    its slots without running them one by one (a loader makes ten thousand ranges); any
    other goes through the class, which says why.

    Examples:
        >>> import datetime as dt
        >>> day = dt.date(2019, 8, 31)
        >>> checked_range(day, day, "x", "") == DateRange(earliest=day, latest=day, text="x")
        True
    """
    if (
        type(earliest) is dt.date
        and type(latest) is dt.date
        and earliest <= latest
        and type(text) is str
        and type(reasoning) is str
    ):
        made = _new(DateRange)
        set_earliest, set_latest, set_text, set_reasoning, set_disputed = _RANGE_SLOTS
        set_earliest(made, earliest)
        set_latest(made, latest)
        set_text(made, text)
        set_reasoning(made, reasoning)
        set_disputed(made, False)
        return made
    return DateRange(earliest=earliest, latest=latest, text=text, reasoning=reasoning)


_new = object.__new__
_RANGE_SLOTS = tuple(vars(DateRange)[a.name].__set__ for a in attrs.fields(DateRange))
if [a.name for a in attrs.fields(DateRange)] != [
    "earliest",
    "latest",
    "text",
    "reasoning",
    "disputed",
]:
    raise TypeError("checked_range sets each field of DateRange: give it the new one")


#: What a period argument may be: a date, a `DateRange`, or text such as ``"2019"``,
#: ``"2019-08"``, ``"2019-08-31"``, ``"Aug 2019"``, ``"31 August 2019"`` or
#: ``"2025-01-30..2025-02-20"`` (a range written as the library prints ranges).
PeriodLike = dt.date | str | DateRange


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month; December's is the 31st (9999-12 has no first of the next)."""
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def parse_period(value: PeriodLike) -> tuple[dt.date, dt.date]:
    """The first and last day of the span a period argument stands for.

    A year stands for the whole year, a month for the whole month, a day for itself.
    "Early", "mid" and "late" narrow a month to days 1-10, 11-20 and 21 to its end, and a
    year to its thirds (January-April, May-August, September-December), as the data
    files code such words (see `narrow_part`). ``A..B`` runs from the first day of ``A`` to the
    last day of ``B``, as the library prints ranges (``"..B"`` and ``"A.."`` leave one
    side open); a [`DateRange`][idlibstrikes.DateRange] stands for its own days.

    Args:
        value: A ``datetime.date``; a ``DateRange``; ISO text (``"2019"``,
            ``"2019-08"``, ``"2019-08-31"``); ``A..B`` with ``A`` and ``B`` any of these
            texts; or text dateutil reads, which must name a year (``"Aug 2019"``,
            ``"31 August 2019"``), optionally after ``early``, ``mid`` or ``late`` when it
            names a month or a year (``"late January 2025"``, ``"late 2019"``).

    Raises:
        InvalidPeriodError: The value cannot be read, names no year, is a numeric date
            that reads two ways (``"03/08/2019"``), is a range that runs backwards, writes
            a year in full that text cannot be read with (``"1 Dec 0001"``: use ISO text),
            lies outside years 1 to 9999, or is a date-like value that names no day
            (pandas' ``NaT``); also for a value of any other type (``None``, ``nan``).

    Examples:
        >>> parse_period("2019")
        (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
        >>> parse_period("Aug 2019")
        (datetime.date(2019, 8, 1), datetime.date(2019, 8, 31))
        >>> parse_period("late January 2025")
        (datetime.date(2025, 1, 21), datetime.date(2025, 1, 31))
        >>> parse_period("late 2019")
        (datetime.date(2019, 9, 1), datetime.date(2019, 12, 31))
        >>> parse_period("2025-01-30..2025-02-20")
        (datetime.date(2025, 1, 30), datetime.date(2025, 2, 20))
        >>> parse_period("9999-12"), parse_period("late December 9999")[0]
        ((datetime.date(9999, 12, 1), datetime.date(9999, 12, 31)), datetime.date(9999, 12, 21))
        >>> parse_period("1 Dec 0001")
        Traceback (most recent call last):
        ...
        idlibstrikes._errors.InvalidPeriodError: cannot read '1 Dec 0001' with the year 0001 ...
        >>> parse_period("31 August")
        Traceback (most recent call last):
        ...
        idlibstrikes._errors.InvalidPeriodError: '31 August' names no year; ...
        >>> parse_period("03/08/2019")
        Traceback (most recent call last):
        ...
        idlibstrikes._errors.InvalidPeriodError: '03/08/2019' reads as 3 August or 8 March 2019; ...
    """
    if not isinstance(value, str):
        if isinstance(value, DateRange):
            return value.earliest, value.latest
        if isinstance(value, dt.date):
            one = _real_day(value)
            return one, one
        raise InvalidPeriodError(
            f"a period must be a datetime.date, a DateRange or text such as '2019-08', "
            f"not {type(value).__name__} {_clip(value)}"
        )
    text = value.strip()
    match = re.match(_ISO, text)
    if match is None:  # a range, words ("Aug 2019", "late 2019") ...
        return _words(value, text)
    try:
        year, month, day = match.groups()  # the pattern requires the year
        y = int(year)
        if month is None:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        m = int(month)
        if day is None:
            return dt.date(y, m, 1), _month_end(y, m)
        one = dt.date(y, m, int(day))
        return one, one
    except (ValueError, OverflowError) as exc:
        raise _unreadable(value, exc) from None


def _real_day(value: dt.date) -> dt.date:
    """The plain ``datetime.date`` a date (or datetime, or ``pandas.Timestamp``) names.

    A date-like value that names no day, such as pandas' ``NaT`` (a ``datetime`` whose
    year is ``nan``), is refused with `InvalidPeriodError`.
    """
    try:
        one = dt.date(value.year, value.month, value.day)
    except (TypeError, ValueError, OverflowError, AttributeError):
        raise InvalidPeriodError(
            f"{type(value).__name__} {_clip(value)} names no day (a missing or invalid "
            "date); a period must be a datetime.date, a DateRange or text such as "
            "'2019', '2019-08' or '2019-08-31'"
        ) from None
    return one


def _unreadable(value: str, exc: Exception) -> InvalidPeriodError:
    """The problem with a period that looks like a date and is none (2019-02-30)."""
    return InvalidPeriodError(
        f"cannot read {value!r} as a date or period; use a date, ISO text such as "
        f"'2019', '2019-08' or '2019-08-31', or text such as 'Aug 2019' ({exc})"
    )


def _words(value: str, text: str) -> tuple[dt.date, dt.date]:
    """`parse_period` of text that is not ISO text."""
    if ".." in text:
        return _range(value, text)
    part = re.match(_PART, text, re.IGNORECASE)
    if part:
        first, last = parse_period(part.group(2))
        try:
            return narrow_part(first, last, part.group(1).lower())
        except ValueError:
            raise InvalidPeriodError(
                f"{value!r}: {part.group(1)!r} narrows a month or a year, and "
                f"{part.group(2)!r} is neither; write a month and year such as "
                f"'{part.group(1)} January 2025', or a year such as '{part.group(1)} 2019'"
            ) from None
    numeric = re.match(_NUMERIC, text)
    if numeric:
        a, b = int(numeric.group(1)), int(numeric.group(2))
        if a != b and 1 <= a <= 12 and 1 <= b <= 12:
            year = numeric.group(3)
            from calendar import month_name  # only for this message

            raise InvalidPeriodError(
                f"{value!r} reads as {a} {month_name[b]} or {b} {month_name[a]} {year}; "
                f"write ISO text (year-month-day) such as '{_iso_guess(year, b, a)}' instead"
            )
    try:
        # dateutil's parser (with its time-zone machinery) is imported only here, so that
        # importing idlibstrikes and loading data never pay for it.
        from dateutil import parser as _dateparser

        # Parse twice with defaults that differ in every part: a part the text does
        # not give shows up as a difference, which tells the span the text stands for.
        low = _dateparser.parse(text, default=dt.datetime(1904, 1, 1))
        high = _dateparser.parse(text, default=dt.datetime(1908, 12, 31))
    except (ValueError, OverflowError) as exc:
        raise _unreadable(value, exc) from None
    written = {int(y) for y in re.findall(_FULL_YEAR, text)}
    if written and not (low.year == high.year and low.year in written):
        # dateutil reads "Dec 0001" as no year and "1 Dec 0001" as 2001: refuse, never misread
        iso = f"{min(written):04d}" + (f"-{low.month:02d}" if low.month == high.month else "")
        raise InvalidPeriodError(
            f"cannot read {value!r} with the year {min(written):04d} as written; use "
            f"ISO text, such as {iso!r}"
        )
    if low.year != high.year:
        raise InvalidPeriodError(
            f"{value!r} names no year; add one, for example '{text} 2019', or use ISO text"
        )
    if low.month != high.month:
        return dt.date(low.year, 1, 1), dt.date(low.year, 12, 31)
    if low.day != high.day:
        return dt.date(low.year, low.month, 1), _month_end(low.year, low.month)
    return low.date(), low.date()


def _range(value: str, text: str) -> tuple[dt.date, dt.date]:
    """``A..B``: from the first day of ``A`` to the last day of ``B``; a side may be empty."""
    start, _sep, end = text.partition("..")
    if ".." in end or not (start.strip() or end.strip()):
        raise InvalidPeriodError(
            f"cannot read {value!r} as a range; write 'A..B' with one '..', such as "
            "'2025-01-30..2025-02-20' ('..B' and 'A..' leave one side open)"
        )
    first = parse_period(start)[0] if start.strip() else dt.date.min
    last = parse_period(end)[1] if end.strip() else dt.date.max
    if last < first:
        raise InvalidPeriodError(
            f"{value!r} ends ({last}) before it starts ({first}); swap its two sides"
        )
    return first, last


def _clip(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _iso_guess(year: str, month: int, day: int) -> str:
    full = int(year) + (2000 if len(year) == 2 else 0)
    return f"{full:04d}-{month:02d}-{day:02d}"


# a year written with its century ("0001", "2019"), which text must be read as
_FULL_YEAR = r"(?<![0-9])[0-9]{4}(?![0-9])"

# "03/08/2019", "3.8.19", "03-08-2019": day and month in either order
_NUMERIC = r"^([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{2}|[0-9]{4})\Z"


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # dateutil's names, in its order
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DELTA_KEYS = frozenset({"years", "months", "weeks", "days", "year", "month", "day", "weekday"})
#: The values a relative date's ``year``, ``month`` and ``day`` may take (the format's
#: description gives them to the JSON Schema). relativedelta ignores a 0 (it reads it as
#: "not given": the anchor's own day would stand) and clamps a day past a month's end,
#: so the bounds are checked here, not left to it.
RELATIVE_BOUNDS = {"year": (1, 9999), "month": (1, 12), "day": (1, 31)}
#: A relative date's ``weekday``: dateutil's name and a non-zero count ("SA(-1)": the
#: Saturday on or before; dateutil refuses a count of 0).
WEEKDAY_PATTERN = r"^(MO|TU|WE|TH|FR|SA|SU)\((-?[1-9][0-9]*)\)$"
_UNITS = ("day", "week", "month", "year")
# "early", "mid" and "late": of a month, days 1-10, 11-20 and 21 to its end; of a year,
# its thirds (January-April, May-August, September-December)
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# "late January 2025", "mid-August 2019", "late 2019": a part of the month or year that follows
_PART = r"(early|mid|late)[\s-]+(.+)"  # (matched ignoring case)


def narrow_part(first: dt.date, last: dt.date, part: str) -> tuple[dt.date, dt.date]:
    """The ``part`` ("early", "mid" or "late") of a whole month or a whole year.

    One rule for period arguments, data-file spans and relative dates: of a month, days
    1-10, 11-20 and 21 to its end; of a year, its thirds (January-April, May-August,
    September-December), as the codebook reads "late last year".

    Raises:
        ValueError: ``part`` is not one of the three, or ``first..last`` is not a whole
            month or a whole year.

    Examples:
        >>> import datetime as dt
        >>> narrow_part(dt.date(2025, 1, 1), dt.date(2025, 1, 31), "late")
        (datetime.date(2025, 1, 21), datetime.date(2025, 1, 31))
        >>> narrow_part(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "late")
        (datetime.date(2024, 9, 1), datetime.date(2024, 12, 31))
    """
    if part not in _PARTS:
        raise ValueError(f"part must be one of {sorted(_PARTS)}, not {part!r}")
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
        first.year == last.year
    ):
        lo, hi = _YEAR_PARTS[part]
        return dt.date(first.year, lo, 1), _month_end(first.year, hi)
    if (
        first.day == 1
        and (first.year, first.month) == (last.year, last.month)
        and (last == _month_end(last.year, last.month))
    ):
        lo, hi = _PARTS[part]
        return first.replace(day=lo), first.replace(day=min(hi, last.day))
    raise ValueError(f"{part!r} narrows a whole month or a whole year, not {first}..{last}")


def _delta(spec: Mapping[str, object]) -> relativedelta:
    # imported here, so that `import idlibstrikes` does not pay for dateutil
    from dateutil import relativedelta as rd

    unknown = set(spec) - _DELTA_KEYS
    if unknown:
        raise ValueError(
            f"unknown relative-date key(s) {sorted(unknown)}; use {sorted(_DELTA_KEYS)}"
        )
    kwargs: dict[str, Any] = {}
    for key, raw in spec.items():
        if key == "weekday":
            # (\Z, not $: Python's $ also matches before a final line break)
            pattern = WEEKDAY_PATTERN.removesuffix("$") + r"\Z"
            m = re.match(pattern, raw) if type(raw) is str else None
            if not m:
                raise ValueError(
                    f"weekday must look like 'SA(-1)' (a weekday and a count other than 0), "
                    f"not {raw!r}"
                )
            kwargs[key] = getattr(rd, m.group(1))(int(m.group(2)))
        elif type(raw) is not int:
            raise ValueError(f"relative-date key {key!r} must be a whole number, not {raw!r}")
        elif key in RELATIVE_BOUNDS and not (
            RELATIVE_BOUNDS[key][0] <= raw <= RELATIVE_BOUNDS[key][1]
        ):
            low, high = RELATIVE_BOUNDS[key]
            if raw == 0:
                raise ValueError(
                    f"relative-date key {key!r} is 0, which relativedelta ignores (the "
                    f"anchor's {key} would stand); give the {key} itself ({low} to {high}), "
                    f"or leave the key out to keep the anchor's"
                )
            raise ValueError(
                f"relative-date key {key!r} sets the {key} itself, from {low} to {high}, not "
                f"{raw}; to move the date by {key}s, use {key + 's'!r}"
            )
        else:
            kwargs[key] = raw
    return rd.relativedelta(**kwargs)


def _span(day: dt.date, unit: str, part: str | None) -> tuple[dt.date, dt.date]:
    if unit == "day":
        return day, day
    if unit == "week":  # weeks run Monday to Sunday
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if unit == "year":
        first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    else:
        first, last = dt.date(day.year, day.month, 1), _month_end(day.year, day.month)
    return (first, last) if part is None else narrow_part(first, last, part)


def resolve_relative(
    anchor: DateRange,
    spec: Mapping[str, object],
    *,
    unit: str = "day",
    part: str | None = None,
    text: str,
    anchor_label: str,
    reasoning: str = "",
) -> DateRange:
    """Resolve a relative date ("late on Saturday", "last month") against a publication date.

    The relative expression is a `dateutil.relativedelta.relativedelta`, applied to
    both ends of the anchor (itself a range when the publication date is uncertain); the
    result is widened to the whole ``unit`` (day, week, month or year) and, for a month or
    a year, to the ``part`` named (see `narrow_part`).

    Args:
        anchor: The publication date the words are relative to.
        spec: ``relativedelta`` arguments; ``weekday`` is written ``"SA(-1)"``
            (the Saturday on or before the anchor).
        unit: The span the words stand for.
        part: For a month or a year: ``"early"``, ``"mid"`` or ``"late"``.
        text: The original words.
        anchor_label: What the anchor is, for the recorded reasoning.
        reasoning: Any further reasoning to record.

    Raises:
        ValueError: The specification is malformed, or the date falls outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> pub = DateRange.day(dt.date(2025, 2, 16))
        >>> r = resolve_relative(pub, {"weekday": "SA(-1)"}, text="late on Saturday",
        ...                      anchor_label="publication date")
        >>> str(r)
        '2025-02-15'
        >>> print(r.reasoning)  # doctest: +NORMALIZE_WHITESPACE
        'late on Saturday' read as the Saturday on or before the publication date
        (2025-02-16): 2025-02-15
        >>> str(resolve_relative(pub, {"month": 1}, unit="month", part="late",
        ...                      text="In late January", anchor_label="publication date"))
        '2025-01-21..2025-01-31'
    """
    if unit not in _UNITS:
        raise ValueError(f"unit must be one of {_UNITS}, not {unit!r}")
    if part is not None and (unit not in ("month", "year") or part not in _PARTS):
        raise ValueError(f"part must be one of {sorted(_PARTS)} and needs unit 'month' or 'year'")
    delta = _delta(spec)
    try:
        first = _span(anchor.earliest + delta, unit, part)[0]
        last = _span(anchor.latest + delta, unit, part)[1]
    except (ValueError, OverflowError):  # dateutil's and datetime's words say neither
        raise ValueError(
            f"{text!r} resolved against the {anchor_label} ({anchor}) falls outside the "
            "calendar (years 1 to 9999); check the relative keys, and that the anchor's "
            "publication date has both its bounds"
        ) from None
    result = DateRange(earliest=first, latest=last, text=text)
    how = _describe(spec, unit, part)
    explained = f"{text!r} read as {how} the {anchor_label} ({anchor}): {result}" + (
        f". {reasoning}" if reasoning else ""
    )
    return attrs.evolve(result, reasoning=explained)


def _describe(spec: Mapping[str, object], unit: str, part: str | None) -> str:
    weekday = spec.get("weekday")
    if isinstance(weekday, str) and set(spec) == {"weekday"}:
        m = re.fullmatch(r"(MO|TU|WE|TH|FR|SA|SU)\((-?[0-9]+)\)", weekday)
        if m and m.group(2) == "-1":
            return f"the {_WEEKDAY_NAMES[_WEEKDAYS.index(m.group(1))]} on or before"
    bits = ", ".join(f"{k}={v}" for k, v in spec.items())
    where = f"{part} part of the {unit}" if part else f"the {unit}"
    return f"{where} given by relativedelta({bits}) from"


def span_text(first: dt.date, last: dt.date) -> str:
    """The shortest ISO text for a closed range: a day, a month, a year, or ``a/b``.

    What `parse_period` reads back as the same range; data files and tables write it.

    Examples:
        >>> import datetime as dt
        >>> span_text(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
        '2019'
        >>> span_text(dt.date(2019, 2, 1), dt.date(2019, 2, 28))
        '2019-02'
        >>> span_text(dt.date(2019, 2, 1), dt.date(2019, 3, 31))
        '2019-02-01/2019-03-31'
    """
    if first == last:
        return first.isoformat()
    if first.day == 1 and last < dt.date.max and (last + dt.timedelta(days=1)).day == 1:
        if first.year == last.year and first.month == last.month:
            return first.isoformat()[:7]
        if (first.month, last.month) == (1, 12) and first.year == last.year:
            return first.isoformat()[:4]
    return f"{first.isoformat()}/{last.isoformat()}"
