"""Which strikes fall in a period, when the sources date some strikes only to a range of days?

Shows what a period argument stands for (``isk.parse_period``: a year, a month, a day, the
early, mid or late part of a month, or ``A..B`` as the library prints ranges), and how the
dataset dates the al-Zabir strike: its only article says that "in late January" 2025 US
Central Command said it had killed him, which dates the report, so the strike was on or
before 31 January; a reference dates it 30 January, and the strike's date is what both
allow, 2025-01-30. Then the difference between strikes that *may* fall in a period
(``certain=False``, the default: their date range overlaps it) and strikes that *certainly*
do (``certain=True``: their whole date range lies inside it): the al-Jinah strike, dated 17
March 2017 by an article and 16 March by a reference, only possibly fell on the 17th.
Series of strikes reported as one are left out unless ``include_series=True``; a series
certainly falls in a period when it was under way throughout it: the government offensive
of 2019 (from late April to 31 August) certainly was in June 2019, but not throughout June
to September.
"""

import datetime as dt
import textwrap

import idlibstrikes as isk

data = isk.load(sources="articles")  # the five articles; isk.load() adds the reference lists


def wrap(text):
    """Indent and wrap a long line."""
    return textwrap.fill(text, width=88, initial_indent="  ", subsequent_indent="    ")


# -- what a period argument stands for ----------------------------------------------------
print("periods:")
for text in ("2019", "Sep 2019", "31 August 2019", "late January 2025", "2025-01-30..2025-02-20"):
    first, last = isk.parse_period(text)
    print(f"  {text!r:<24} -> {first} .. {last}")

# -- a strike dated by a report and a reference --------------------------------------------
zabir = data.strike("2025-01-late-al-zabir")
print(f"\nthe al-Zabir strike: {zabir.date} (precision: {zabir.date.precision.name.lower()})")
for claim in zabir.date_claims:
    dates = "a report: the strike is on or before it" if claim.report else "the strike"
    print(wrap(f"the article's words: {claim.date.text!r} -> {claim.date}, dating {dates}"))
for fact in zabir.references:
    if fact.field == "date":
        print(f"  a reference ({fact.source.id}): {fact.date}")
print(wrap(f"summary: {zabir.date.reasoning}"))


# -- may fall in a period, or certainly does ----------------------------------------------
def show(start, end=None, include_series=False):
    """Print the strikes that may fall in the period, marking those that certainly do."""
    may = data.strikes_between(start, end, include_series=include_series)
    sure = data.strikes_between(start, end, certain=True, include_series=include_series)
    period = start if end is None else f"{start} .. {end}"
    series = ", with series" if include_series else ""
    print(f"\n{period}{series}: {len(may)} strike(s) may fall in it, {len(sure)} certainly")
    for s in may:
        what = "series" if s.is_series else ""
        line = f"  {'certainly' if s in sure else 'possibly':<10} {s.id:<38} {s.date!s:<22} {what}"
        print(line.rstrip())


show("2017-03-17")  # al-Jinah: 17 March per 002, 16 March per a reference (disputed)
show("2025-01-30..2025-02-20")  # a range as the library prints it
show("2025-01-30..2025-02-20", include_series=True)  # Turkish air attacks, Dec 2024 to Feb 2025
show("2019-06", include_series=True)  # the offensive was under way all June
show("2019-06", "Sep 2019", include_series=True)  # but it ended on 31 August

offensive = data.strike("2019-idlib-offensive")
print(f"\n{offensive.id}: started {offensive.start}, ended {offensive.end}")
june, april = (dt.date(2019, 6, 1), dt.date(2019, 6, 30)), isk.parse_period("Apr 2019")
for first, last in (june, april):
    print(f"  certainly under way {first} .. {last}: {offensive.certainly_within(first, last)}")
during = data.strikes_between(offensive.date, certain=True)  # a DateRange is a period too
print(f"  single strikes certainly within its dates: {len(during)}")

# -- periods that cannot be read ---------------------------------------------------------
print("\nerrors:")
for bad in (("31 August",), ("late 2019",), ("03/08/2019",), ("Sep 2019", "Aug 2019")):
    try:
        data.strikes_between(*bad)
    except isk.InvalidPeriodError as err:
        print(wrap(f"strikes_between({', '.join(map(repr, bad))}): {err}"))
