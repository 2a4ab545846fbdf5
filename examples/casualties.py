"""How many died in the strikes on Hurras al-Din, according to whom?

Sums the commanders killed in the four strikes as a range (never an average): 48-50+, with
no best estimate, because the sources disagree on one strike. Each strike's figures are
grouped into accounts, one per claimant and source. For the strike of 30 June 2019 at Rif
al-Muhandisin, Kurdistan 24 (002) says eight commanders (and "at least six" of non-Syrian
nationality, which its eight allows) and the Syrian Observatory (003) six: two accounts that
disagree, so the strike is 6-8, disputed. At the training camp on 31 August 2019 the
Observatory's 40 and the article's "dozens" agree: 40, the best estimate. The named dead
count as a floor (one each for the two 2025 strikes). Then whole tolls, 49-51+: a part's
figure is a floor on the whole (Kurdistan 24's eight commanders make at least eight dead),
victims no source counts have "no figures" (not zero: civilians), and over the whole
dataset a strike without figures is counted apart and each series of strikes reported as
one (the 2019 offensive: "more than 950" civilians, 951+) is listed apart, never added.
"""

import textwrap

import idlibstrikes as isk

data = isk.load(sources="articles")  # the five articles; isk.load() adds the reference lists
had = data.strikes_by_group("Hurras al-Din")


def span(low, high):
    """A figure as text: "6", "25-49", or "6+" for "at least 6"."""
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


# -- the range over the four strikes -----------------------------------------------------
commanders = data.casualties(had, victims="commanders")
print(commanders)
print(
    f"low {commanders.low}, high {commanders.high}, open-ended (some 'at least'): "
    f"{commanders.open_ended}; best {commanders.best}, disputed {commanders.disputed}"
)

# -- strike by strike: the accounts behind each range ------------------------------------------
for one in commanders.per_strike:
    print(f"\n{one.strike.id} ({one.strike.date}): {one}; best estimate {one.best}")
    for a in one.accounts:
        who = f"{a.who}: {', '.join(p.name for p in a.named)}" if a.named else a.who
        source = a.source.id[:3] if a.source else "-"
        print(f"  {span(a.low, a.high):>4}  {who:<40} {a.basis.value:<7} {source}")

# -- the disputed strike, claim by claim -------------------------------------------------------
rif = data.strike("2019-06-30-rif-al-muhandisin")
print(f"\n{rif.place.name}, {rif.date}: every commanders claim is kept")
for a in data.casualties([rif], victims="commanders").per_strike[0].accounts:
    for c in a.claims:
        bound = "a lower bound" if c.is_lower_bound else "a stated figure"
        print(f"  low={c.low} high={c.high}: {bound} ({c.source.id[:3]})")
        print(
            textwrap.fill(
                repr(c.quote), width=88, initial_indent=" " * 4, subsequent_indent=" " * 5
            )
        )

# -- whole tolls: parts are floors, no figure is not zero, series apart -------------------------
everyone = data.casualties(had)
print(f"\nall victims: {everyone}")
whole = everyone.per_strike[0]
print(f"  {whole.strike.id}: {whole}, as parts give floors on the whole:")
for a in whole.accounts:
    print(f"  {span(a.low, a.high):>4}  {a.who:<40} {a.basis.value:<7} {a.source.id[:3]}")
civilians = data.casualties(had, victims="civilians")
print(f"civilians: {civilians} (low {civilians.low}, high {civilians.high})")

every = data.casualties()
print()
print(textwrap.fill(f"every strike in the dataset, all victims: {every}", width=88))
for s in every.strikes_without_figures:
    print(f"  no source gives a toll for {s.id}")
for one in every.series:
    counted = f", counted to {one.counted_to}" if one.counted_to else ""
    print(f"  series, listed apart: {one.strike.id}: {one}{counted}")
