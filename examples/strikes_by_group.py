"""Which strikes hit a group, however its name is spelt, who struck, and which hit its affiliates?

Looks Hurras al-Din up by an odd spelling, shows its aliases, its founding date (2018-02-27:
what the articles' "in 2018" and "in February 2018" and a reference all allow) and what each
source says it is affiliated with (and since or until when), and lists the four strikes on
it. ``perpetrator=`` keeps the strikes carried out by a group or by forces that are part of
it: "United States" finds the US military's strikes. It compares the strikes on al-Qaeda
itself (1) with those on al-Qaeda and its affiliates on the strike's date (5). Series of
strikes reported as one are returned only with ``include_series=True``: no single strike
names Hayat Tahrir al-Sham as its target, but the government offensive of 2019 does. HTS
was once al-Qaeda's affiliate; 000 says it split off in 2014 and a reference, correcting it,
on 28 July 2016, so the tie ended in 2014-2016 (disputed) either way, before the
offensive, which is therefore not a strike on al-Qaeda's affiliates. Last, the error a
misspelt name gives.
"""

import textwrap

import idlibstrikes as isk

data = isk.load(sources="articles")  # the five articles; isk.load() adds the reference lists


def ids(sources):
    """Short source ids ("000", "001" ...) without repeats, in order."""
    return ", ".join(dict.fromkeys(s.id[:3] if s.id[:3].isdigit() else s.id for s in sources))


# -- a group, found by any spelling --------------------------------------------------------
had = data.group("hurras al-deen")
print(f"'hurras al-deen' finds: {had.name} (id {had.id!r}, kind {had.kind.value})")
print(f"aliases: {', '.join(had.aliases)}")
print(f"founded: {had.founded}, what all these allow:")
for claim in had.founding:
    print(f"  ({claim.source.id[:3]}) {claim.date!s:<22} {claim.quote!r}")
for fact in data.references_for(had):
    if fact.field == "founded":
        print(f"  (a reference, {fact.source.id}) {fact.date}")

print("\nits affiliations, as the sources state them (relation, other group, when: sources):")
stated = {}
for a in had.affiliations:
    when = " ".join(
        part for part in (a.since and f"since {a.since}", a.until and f"until {a.until}") if part
    )
    stated.setdefault((a.relation.value, a.other.name, when or "no dates given"), []).append(
        a.source
    )
for (relation, other, when), sources in stated.items():
    print(f"  {relation:<12} {other:<20} {when}: {ids(sources)}")

# -- the strikes on it -------------------------------------------------------------------
strikes = data.strikes_by_group(had)
print(f"\nstrikes on {had.name}: {len(strikes)}")
for s in strikes:
    print(f"  {s.date!s:<22} {s.place.name:<38} sources {ids(s.sources)}")

# -- who struck ----------------------------------------------------------------------------
by_us = data.strikes_by_group(had, perpetrator="United States")
print(f"by the United States (its military, CENTCOM ...): {len(by_us)}")
by_syria = data.strikes_by_group(had, perpetrator="Syrian government forces")
print(f"by Syrian government forces: {len(by_syria)}")

# -- a group and its affiliates ----------------------------------------------------------
only = data.strikes_by_group("al-Qaeda")
with_affiliates = data.strikes_by_group("al-Qaeda", include_affiliates=True)
print(f"\nstrikes naming al-Qaeda itself: {len(only)}")
print(f"strikes on al-Qaeda or an affiliate on the strike's date: {len(with_affiliates)}")
for s in with_affiliates:
    print(f"  {s.date!s:<22} {s.perpetrator.name:<12} {', '.join(t.name for t in s.targets)}")

# -- series, reported as a whole -----------------------------------------------------------
hts = data.group("HTS")
series = data.strikes_by_group(hts, include_series=True)
print(f"\nstrikes on {hts.name}: {len(data.strikes_by_group(hts))}; with series: {len(series)}")
for s in series:
    print(f"  {s.id} ({s.scope.value}), by {s.perpetrator.name}: {s.start} to {s.end}")

# An affiliation counts only on dates it may have held: HTS was once al-Qaeda's affiliate.
print(f"{hts.name}'s tie to al-Qaeda, by source:")
for a in hts.affiliations:
    if a.relation.is_affiliate and a.other.id == "al-qaeda":
        print(f"  until {a.until!s:<24} ({a.source.id[:3]}) {a.quote!r}")
for fact in data.references_for(hts):
    if fact.field == "affiliations.al-qaeda.until":
        print(f"  until {fact.date!s:<24} ({fact.source.id}, corrects 000: {fact.corrects})")
offensive = series[0]
everything = data.strikes_by_group("al-Qaeda", include_affiliates=True, include_series=True)
print(
    textwrap.fill(
        "so the tie ended between 2014 and 28 July 2016 (the sources disagree), and the "
        f"government offensive on {offensive.targets[0].name} ({offensive.date}) is among "
        f"the {len(everything)} strikes on al-Qaeda or an affiliate, series included: "
        f"{offensive in everything}",
        width=88,
    )
)

# -- a misspelt name ---------------------------------------------------------------------
try:
    data.strikes_by_group("Huras al Din")
except isk.UnknownNameError as err:
    print(f"\nUnknownNameError: {err}")
