"""Which strikes fall in a period, when the sources date some strikes only to a range of days?

Shows what a period argument stands for (``isk.parse_period``: a year, a month, a day, or
the early, mid or late part of a month), how the dataset dates the al-Zabir strike reported
"in late January" 2025, and the difference between strikes that *may* fall in a period
(``certain=False``, the default: their date range overlaps it) and strikes that *certainly*
do (``certain=True``: their whole date range lies inside it).
"""

import textwrap

import idlibstrikes as isk

data = isk.load()


def wrap(text):
    """Indent and wrap a long line."""
    return textwrap.fill(text, width=88, initial_indent="  ", subsequent_indent="    ")


# -- what a period argument stands for ----------------------------------------------------
print("periods:")
for text in ("2019", "Sep 2019", "2019-08", "31 August 2019", "late January 2025"):
    first, last = isk.parse_period(text)
    print(f"  {text!r:<20} -> {first} .. {last}")

# -- a strike dated to a range -----------------------------------------------------------
zabir = data.strike("2025-01-late-al-zabir")
print(f"\nthe al-Zabir strike: {zabir.date} (precision: {zabir.date.precision.name.lower()})")
print(f"  the article's words: {zabir.date.text!r}")
print(wrap(f"reasoning: {zabir.date.reasoning}"))


# -- may fall in a period, or certainly does ----------------------------------------------
def show(start, end=None):
    """Print the strikes that may fall in the period, marking those that certainly do."""
    may = data.strikes_between(start, end)
    sure = data.strikes_between(start, end, certain=True)
    period = start if end is None else f"{start} .. {end}"
    print(f"\n{period}: {len(may)} strike(s) may fall in it, {len(sure)} certainly")
    for s in may:
        print(f"  {'certainly' if s in sure else 'possibly':<10} {s.id:<38} {s.date}")


show("2025-01-25", "2025-01-31")  # al-Zabir may have been on 21-24 January: only possibly
show("late January 2025")  # its whole range lies inside: certainly
show("2019-06", "Sep 2019")  # series reported as running from 2014 to July 2019: possibly

# -- periods that cannot be read ---------------------------------------------------------
print("\nerrors:")
for bad in (("31 August",), ("late 2019",), ("Sep 2019", "Aug 2019")):
    try:
        data.strikes_between(*bad)
    except isk.InvalidPeriodError as err:
        print(wrap(f"strikes_between({', '.join(map(repr, bad))}): {err}"))
