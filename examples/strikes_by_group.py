"""Which strikes hit a group, however its name is spelt, and which hit its affiliates?

Looks Hurras al-Din up by an odd spelling, shows its aliases and what each source says it
is affiliated with (and since or until when), lists the strikes on it, compares the strikes
on al-Qaeda itself with those on al-Qaeda and its affiliates, and shows the error a
misspelt name gives.
"""

import idlibstrikes as isk

data = isk.load()


def ids(sources):
    """Short source ids ("000", "001" ...) without repeats, in order."""
    return ", ".join(dict.fromkeys(s.id[:3] if s.id[:3].isdigit() else s.id for s in sources))


# -- a group, found by any spelling --------------------------------------------------------
had = data.group("hurras al-deen")
print(f"'hurras al-deen' finds: {had.name} (id {had.id!r}, kind {had.kind.value})")
print(f"aliases: {', '.join(had.aliases)}")
print(f"founded: {had.founded}, according to {ids(c.source for c in had.founding)}")

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

# -- a group and its affiliates ----------------------------------------------------------
only = data.strikes_by_group("al-Qaeda")
with_affiliates = data.strikes_by_group("al-Qaeda", include_affiliates=True)
print(f"\nstrikes naming al-Qaeda itself: {len(only)}")
print(f"strikes on al-Qaeda or an affiliate on the strike's date: {len(with_affiliates)}")
for s in with_affiliates:
    print(f"  {s.date!s:<22} {', '.join(t.name for t in s.targets)}")

# An affiliation counts only on dates it may have held: HTS was once al-Qaeda's affiliate.
hts = data.group("HTS")
print(f"\n{hts.name}'s tie to al-Qaeda, by source:")
for a in hts.affiliations:
    if a.relation.is_affiliate and a.other.id == "al-qaeda":
        print(f"  until {a.until!s:<24} ({a.source.id[:3]}) {a.quote!r}")
offensive = data.strike("2019-idlib-offensive")
print("the dates narrow each other to 'until 2014', so the government offensive on")
print(
    f"{offensive.targets[0].name} ({offensive.date}) is among the "
    f"{len(with_affiliates)}: {offensive in with_affiliates}"
)

# -- a misspelt name ---------------------------------------------------------------------
try:
    data.strikes_by_group("Huras al Din")
except isk.UnknownNameError as err:
    print(f"\nUnknownNameError: {err}")
