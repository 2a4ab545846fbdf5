"""How many died in the strikes on Hurras al-Din, according to whom?

Sums the commanders killed over the four strikes as a range (never an average), then lists
every figure behind it with its claimant, source and quote: for the strike of 30 June 2019
at Rif al-Muhandisin, Kurdistan 24 (002) says eight commanders, and "at least six" (a lower
bound: no upper figure), and the Syrian Observatory (003) six. Also shows whole tolls, where
one strike has no figure at all and is counted apart rather than as zero.
"""

import textwrap

import idlibstrikes as isk

data = isk.load()
had = data.strikes_by_group("Hurras al-Din")


def figure(claim):
    """A claim's figure as text: "6", "6-8", or "6+" for "at least 6"."""
    if claim.high is None:
        return f"{claim.low}+"
    return str(claim.low) if claim.low == claim.high else f"{claim.low}-{claim.high}"


# -- the range over the four strikes -----------------------------------------------------
commanders = data.casualties(had, victims="commanders")
print(commanders)
print(
    f"low {commanders.low}, high {commanders.high}, "
    f"open-ended (some 'at least'): {commanders.open_ended}"
)

# -- who said what, strike by strike -------------------------------------------------------
for one in commanders.per_strike:
    span = f"{one.low}-{one.high}" if one.low != one.high else str(one.low)
    print(f"\n{one.strike.id} ({one.strike.date}): {span}{'+' if one.open_ended else ''}")
    for c in one.claims:
        who = c.claimant.name if c.claimant else "the article itself"
        print(f"  {figure(c):>3}  {who} ({c.source.id})")
        print(
            textwrap.fill(
                repr(c.quote), width=88, initial_indent=" " * 7, subsequent_indent=" " * 8
            )
        )

# -- the 8 vs 6 disagreement, claim by claim -----------------------------------------------
rif = data.strike("2019-06-30-rif-al-muhandisin")
print(f"\n{rif.place.name}, {rif.date}: every commanders claim is kept")
for c in data.casualties([rif], victims="commanders").claims:
    bound = "a lower bound" if c.is_lower_bound else "a stated figure"
    print(f"  low={c.low} high={c.high}: {bound} ({c.source.id[:3]})")

# -- whole tolls: a strike without a figure is not a zero --------------------------------------
everyone = data.casualties(had)
print(f"\nall victims: {everyone}")
for s in everyone.strikes_without_figures:
    print(f"  no source gives a toll for {s.id}")
print(f"civilians:   {data.casualties(had, victims='civilians')}")
print(f"every strike in the dataset, all victims: {data.casualties()}")
