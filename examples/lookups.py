"""Where does each fact come from? Looking records up, with their quotes and references.

Looks up a strike, a person, a place, a source and a ceasefire by id or name; counts the
names look-ups accept; lists the quotes behind a strike's targets; and shows the reference
layer: facts from cited references (a date correction, a place's district and point) kept
beside what the articles say, never over it.
"""

import textwrap

import idlibstrikes as isk

data = isk.load()


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
kafranbel = data.place("Kafranbel")
point, ref_id = kafranbel.coordinates, kafranbel.reference.source.id
print(f"{kafranbel.name}: {point.latitude} N, {point.longitude} E, per {ref_id}")

source = data.source("004_4230a031e6ff8aa2")  # with or without ".txt"
print(f"\n{source.id}: {source.outlet}")
print(f"  headline: {source.headline!r}")
print(f"  published: {source.published} (the article prints no date); the reasoning:")
print(wrap(source.published.reasoning))

sochi = data.ceasefire("2018-09-sochi-agreement")
print(f"\n{sochi.id}: {sochi.name}")

# -- the names look-ups accept ---------------------------------------------------------------
groups, people, places = data.group_names(), data.person_names(), data.place_names()
print(f"\nnames: {len(groups)} for groups, {len(people)} for people, {len(places)} for places")
print(f"  e.g. groups: {', '.join(groups[:6])}")
print(f"  e.g. people: {', '.join(people[:4])}")
print(f"  e.g. places: {', '.join(places[:5])}")

# -- reference facts, beside the articles' claims --------------------------------------------
jinah = data.strike("2017-03-al-jinah")
print(f"\n{jinah.id}: the articles' dates")
for claim in jinah.date_claims:
    print(wrap(f"({claim.source.id[:3]}) {claim.date}: {claim.quote!r}"))
print("  and the reference facts about it:")
for fact in data.references_for(jinah):
    flag = ", corrects an article" if fact.corrects else ""
    print(wrap(f"{fact.field} ({fact.source.id}{flag}): {fact.value}"))
print(f"  the strike's date stays the articles' hull: {jinah.date}")
