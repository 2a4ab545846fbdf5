"""Was a ceasefire in force on the day of a strike?

Lists the ceasefires and agreements that may have been in force on 31 August 2019, then,
for every strike, those that may have been in force on some day of its date range (a
ceasefire "may be in force" from its start until it is known to have ended; none of these
is reported to have ended except the truce of 1 August 2019), and finally one ceasefire in
full, with the sources and words behind its dates.
"""

import idlibstrikes as isk

data = isk.load()


def short(source_id):
    """The article's short id: "001" for 001_a3fa68a93635bb6d.txt."""
    return source_id[:3]


# -- on one day -------------------------------------------------------------------------
print("may have been in force on 2019-08-31:")
for c in data.ceasefires_on("2019-08-31"):
    print(f"  {c.name}")
    print(f"    {c.kind.value}, from {c.start}, end: {c.end or 'none reported'}")

print(f"on some day of August 2019: {', '.join(c.id for c in data.ceasefires_on('Aug 2019'))}")

# -- for every strike -----------------------------------------------------------------------
keys = {c.id: chr(ord("A") + i) for i, c in enumerate(data.ceasefires)}
print("\nceasefires possibly in force on each strike's date:")
for c in data.ceasefires:
    print(f"  {keys[c.id]} = {c.id}")
for s in data.strikes:
    during = data.ceasefires_on(s.date)
    print(f"  {s.id:<38} {s.date!s:<22} {' '.join(keys[c.id] for c in during) or '-'}")

# -- one ceasefire in full --------------------------------------------------------------------
c = data.ceasefire("2019-08-31-ceasefire")
print(f"\n{c.name} [{c.id}]")
print(f"  kind: {c.kind.value}; start: {c.start}; end: {c.end or 'none reported'}")
print(f"  parties: {', '.join(g.name for g in c.parties)}")
print(f"  brokers: {', '.join(g.name for g in c.brokers)}")
print(f"  reported by: {', '.join(s.id for s in c.sources)}")
print("  its start, source by source:")
for claim in c.start_claims:
    print(f"    {claim.date} ({short(claim.source.id)}): {claim.quote!r}")

truce = data.ceasefire("Idlib truce of 1 August 2019")  # a name works as well as an id
print(f"\n{truce.name}: from {truce.start} to {truce.end}")
for claim in truce.end_claims:
    print(f"  end ({short(claim.source.id)}): {claim.quote!r}")
print(
    f"  in force on 2019-08-02: {truce.may_be_in_effect('2019-08-02')}; "
    f"on 2019-08-31: {truce.may_be_in_effect('2019-08-31')}"
)
