"""Where does each fact come from? Looking records up, with their quotes and references.

Looks up a strike, a person, a place, a source and a development (an offensive, a change of
control, a government's fall: what the articles report that is not a strike) by id or name;
shows one statement, CENTCOM's of 30 June 2019, with the four articles that report it (two
date it, two give only the day they reported it, 1 July); counts the names look-ups accept;
and shows the reference layer: facts from cited references (a district, a point, a date
correction) kept beside what the articles say, never over it. 002 dates the al-Jinah strike
17 March 2017, 003 reports it in March 2017 (so on or before the 31st), and a reference that
corrects 002 dates it 16 March: no day fits them all, so the strike's date spans the
conflicting readings, 2017-03-16..2017-03-17, and is marked disputed.
"""

import textwrap

import idlibstrikes as isk

data = isk.load(sources="articles")  # the five articles; isk.load() adds the reference lists


def wrap(text, indent=4):
    """Wrap a long line, indented."""
    pad = " " * indent
    return textwrap.fill(text, width=88, initial_indent=pad, subsequent_indent=pad + "  ")


# -- a strike, and the quotes behind one of its fields ---------------------------------------
strike = data.strike("2019-08-31-idlib-training-camp")
print(f"{strike.id}:")
print(wrap(strike.description, indent=2))
print(f"  {strike.date}, {strike.place.name}; {strike.kind.value}, by {strike.perpetrator.name}")
print(f"  targets: {', '.join(g.name for g in strike.targets)}")
print(f"  reported by: {', '.join(s.id for s in strike.sources)}")
print("  the quotes behind its targets:")
for cite in strike.citations_for("targets"):
    print(wrap(f"({cite.source.id[:3]}) {cite.quote!r}"))

# -- a person, a place, a source, a ceasefire ----------------------------------------------
person = data.person("Abu Baker Mourek")
role = person.roles[0]
print(f"\n{person.name}: {role.title!r} (group {role.group_id}), per {role.source.id[:3]}")
print(f"  killed in: {', '.join(s.id for s in data.strikes if person in s.killed)}")

place = data.place("Urum al-Jawz")  # a gazetteer spelling finds the articles' "Urum Al Joz"
ref = place.reference
print(f"\n{place!r}; a reference ({ref.source.id}) adds:")
print(f"  district {ref.district!r}, other spellings {list(ref.names)}")
print(f"  coordinates: {place.coordinates} (no reference gives a point: none is guessed)")
urum = data.strike("2025-02-15-urum-al-jawz").place
print(f"  the strike's place: {urum.name!r} ({urum.kind.value}), near {urum.near.name}")
kafranbel = data.place("Kafranbel")
point, ref_id = kafranbel.coordinates, kafranbel.reference.source.id
print(f"{kafranbel.name}: {point.latitude} N, {point.longitude} E, per {ref_id}")

source = data.source("004_4230a031e6ff8aa2")  # with or without ".txt"
print(f"\n{source.id}: {source.outlet}")
print(f"  headline: {source.headline!r}")
print(f"  published: {source.published}, from {source.published_from.id} (it prints no date)")

# -- a development: what the articles report that is not a strike -----------------------------
offensive = data.development("2024-late-hts-offensive")
print(
    f"\n{offensive.id}: {offensive.kind.value}, {offensive.start}; {len(data.developments)} in all"
)
print(wrap(offensive.description, indent=2))
actors, affected = (", ".join(g.name for g in gs) for gs in (offensive.actors, offensive.affected))
print(f"  by {actors}, against {affected}; end: {offensive.end or 'none reported'}")
for claim in offensive.start_claims:
    print(wrap(f"({claim.source.id[:3]}) {claim.date}: {claim.quote!r}"))

# -- a statement, however many sources report it --------------------------------------------
[statement] = [a for a in data.announcements if a.id == "2019-06-30-centcom-statement"]
print(f"\n{statement.id}: {statement.date}, by {statement.announcer.name}; its reports:")
# an article that reports two of its sentences dates them alike: each once
told = dict.fromkeys((r.source.short_id, str(r.date), r.report) for r in statement.reports)
for article, day, report in told:
    kind = "dates a report: the statement is on or before it" if report else "dates it"
    print(f"  ({article}) {day:<22} {kind}")
for fact in statement.references:
    print(wrap(f"{fact.id}: {fact.value}", indent=2))

# -- the names look-ups accept ---------------------------------------------------------------
groups, people, places = data.group_names(), data.person_names(), data.place_names()
print(f"\nnames: {len(groups)} for groups, {len(people)} for people, {len(places)} for places")

# -- reference facts, beside the articles' claims --------------------------------------------
jinah = data.strike("2017-03-al-jinah")
print(f"\n{jinah.id}: the articles' dates")
for claim in jinah.date_claims:
    report = ", dates a report: the strike is on or before it" if claim.report else ""
    print(wrap(f"({claim.source.id[:3]}{report}) {claim.date}: {claim.quote!r}"))
print("  and the reference facts about it (also in jinah.references):")
for fact in data.references_for(jinah):
    flag = ", corrects an article" if fact.corrects else ""
    print(wrap(f"{fact.field} ({fact.source.id}{flag}): {fact.value}"))
print(wrap(f"the strike's date: {jinah.date}, disputed: {jinah.date.disputed}", indent=2))
print(wrap(jinah.date.reasoning))
