"""Was a ceasefire in force on the day of a strike?

Lists the ceasefires and agreements that may have been in force on 31 August 2019, each with
its status that day (both in effect: the Sochi agreement of 17 September 2018 and the
Moscow-backed ceasefire that began that morning), and the status of each on later days: no
article reports that either ended; a dated report shows both holding on 1 September 2019
(Al Jazeera, 004), so they are in effect through that day and their end is no earlier. An
article that may have appeared up to 6 September (001) shows them only as of its first
possible day, so from 2 to 6 September they may be in effect; after the last report their
status is unknown, not "in effect". Then, for every strike, the status of each ceasefire on
its date. Then one ceasefire in full: the sources and words behind its start,
and its end, which no source reports but which came by 8 December 2024 at the latest, when
its only party, the Syrian government, fell. Finally the truce of 1 August 2019, which
"lasted only a few days": 001's words and a reference date its end to 5 August.
"""

import textwrap

import idlibstrikes as isk

data = isk.load(sources="articles")  # the five articles; isk.load() adds the reference lists

SHORT = {"in_effect": "in effect", "may_be_in_effect": "maybe", "unknown": "unknown"}


def wrap(text, indent=2):
    """Indent and wrap a long line."""
    pad = " " * indent
    return textwrap.fill(text, width=88, initial_indent=pad, subsequent_indent=pad + "  ")


def short(source_id):
    """The article's short id: "001" for 001_a3fa68a93635bb6d.txt."""
    return source_id[:3]


# -- on one day, with the status of each ---------------------------------------------------
on = data.ceasefires_on("2019-08-31")
print("may have been in force on 2019-08-31:")
for c in on:
    print(f"  {c.name}: {on.status(c).value}")
    end = "none reported" if c.end is None else c.end
    if c.end is not None and c.end.open_end:
        end = f"none reported, on or after {c.end.earliest}"
    print(f"    {c.kind.value}, from {c.start}, end: {end}")
    print(f"    in effect through {c.held_until}, the last day a dated report shows it holding")
    print(f"    last reported by an article published by {c.reported_until}")

for day in ("Aug 2019", "2019-09-05", "2021", "2025-02-15"):
    later = data.ceasefires_on(day)
    print(wrap(f"on {day}: {', '.join(f'{c.id} {later.status(c).value}' for c in later)}", 0))

# -- for every strike -----------------------------------------------------------------------
keys = {c.id: chr(ord("A") + i) for i, c in enumerate(data.ceasefires)}
print(
    "\neach ceasefire's status on each strike's date (maybe: may be in effect; -: not in effect):"
)
for c in data.ceasefires:
    print(f"  {keys[c.id]} = {c.id}")
print(f"  {'strike':<38} {'date':<23}" + "".join(f"{k:<10}" for k in keys.values()).rstrip())
for s in data.strikes:
    during = data.ceasefires_on(s.date)
    status = {c.id: SHORT[during.status(c).value] for c in during}
    cells = "".join(f"{status.get(c.id, '-'):<10}" for c in data.ceasefires).rstrip()
    print(f"  {s.id:<38} {s.date!s:<23}{cells}")

# -- one ceasefire in full --------------------------------------------------------------------
c = data.ceasefire("2019-08-31-ceasefire")
print(f"\n{c.name} [{c.id}]")
print(f"  kind: {c.kind.value}; start: {c.start}; end: {c.end}")
print(f"  parties: {', '.join(g.name for g in c.parties)}")
print(f"  brokers: {', '.join(g.name for g in c.brokers)}")
print(f"  reported by: {', '.join(s.id for s in c.sources)}")
print("  its start, source by source:")
for claim in c.start_claims:
    print(f"    {claim.date} ({short(claim.source.id)}): {claim.quote!r}")
print(wrap(f"its end: {c.end.reasoning}"))
fall = data.development("2024-12-08-fall-of-assad-government")
print(f"  its party's fall, development {fall.id} ({fall.kind.value}):")
for claim in fall.start_claims:
    print(f"    {claim.date} ({short(claim.source.id)}): {claim.quote!r}")
statuses = {day: c.status_on(day).value for day in ("2019-09-01", "2021", "2025")}
print(f"  status: {', '.join(f'{day} {status}' for day, status in statuses.items())}")
print("  its status day by day:")
for run in c.statuses():
    last = "" if run.open_end else f" to {run.last}"
    print(f"    {run.first}{last}: {run.status.value}")

truce = data.ceasefire("Idlib truce of 1 August 2019")  # a name works as well as an id
print(f"\n{truce.name}: from {truce.start} to {truce.end}")
for claim in truce.end_claims:
    print(f"  end ({short(claim.source.id)}): {claim.date}, {claim.quote!r}")
for fact in truce.references:
    print(wrap(f"{fact.field} ({fact.source.id}): {fact.date}, {fact.value!r}"))
print(
    f"  in force on 2019-08-02: {truce.may_be_in_effect('2019-08-02')} "
    f"({truce.status_on('2019-08-02').value}); on 2019-08-31: "
    f"{truce.may_be_in_effect('2019-08-31')} ({truce.status_on('2019-08-31').value})"
)
