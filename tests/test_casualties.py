"""The casualty summaries' two paths give the same answers, and their records are sound.

``summarize`` reads the usual strike (a single strike, no named dead among the asked, no
figure for a set the asked victims are part of) by a path of plain values, and builds its
records without running their validators again; every other strike goes through the
general path. These tests hold the plain path to the general one on strikes of every
shape, record for record, and check that the records it builds pass their validators.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import idlibstrikes as isk
from idlibstrikes import _agreement, _casualties, _usual_strike
from idlibstrikes import _casualty_records as records

DATA = isk.load(sources="articles")
SOURCES = tuple(s for s in DATA.sources if not s.is_reference)[:3]
CLAIMANTS = (None, DATA.group("sohr"), DATA.group("white-helmets"), DATA.group("centcom"))
PEOPLE = tuple(DATA.people)
days = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2019, 12, 31))


@st.composite
def claims(draw: st.DrawFn, series: bool) -> isk.CasualtyClaim:
    low = draw(st.integers(0, 30))
    counts_to = None
    if series and draw(st.booleans()):
        a, b = draw(days), draw(days)
        counts_to = isk.DateRange(earliest=min(a, b), latest=max(a, b))
    return isk.CasualtyClaim(
        low=low,
        high=draw(st.none() | st.integers(low, low + 30)),
        victims=draw(st.sampled_from(list(isk.Victims))),
        outcome=draw(st.sampled_from(list(isk.Outcome))),
        source=draw(st.sampled_from(SOURCES)),
        claimant=draw(st.sampled_from(CLAIMANTS)),
        vague=draw(st.booleans()),
        within=tuple(draw(st.lists(st.sampled_from(list(isk.Victims)), max_size=2))),
        counts_to=counts_to,
        quote="q",
    )


@st.composite
def strikes(draw: st.DrawFn) -> isk.Strike:
    series = draw(st.booleans())
    a, b = draw(days), draw(days)
    return isk.Strike(
        id="s",
        description="d",
        date=isk.DateRange(earliest=min(a, b), latest=max(a, b)),
        place=DATA.places[0],
        perpetrator=DATA.groups[0],
        scope=isk.Scope.SERIES if series else isk.Scope.EVENT,
        claims=tuple(draw(st.lists(claims(series), max_size=8))),
        killed=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True)))
        if draw(st.integers(0, 3)) == 0
        else (),
    )


def general(strike: isk.Strike, victims: isk.Victims, outcome: isk.Outcome) -> object:
    """The general path's summary, whatever the strike."""
    return _casualties._general(
        strike, victims, outcome, *_casualties._classify(strike, victims, outcome)
    )


def sound(one: isk.StrikeCasualties) -> None:
    """The record and its accounts pass their validators and equal themselves rebuilt."""
    assert attrs.evolve(one) == one
    for account in one.accounts:
        assert attrs.evolve(account) == account


@settings(max_examples=400)
@given(strikes())
def test_the_plain_path_gives_the_general_answer(strike: isk.Strike) -> None:
    for victims in isk.Victims:
        for outcome in isk.Outcome:
            one = _casualties.summarize(strike, victims, outcome)
            assert one == general(strike, victims, outcome)
            assert str(one) == str(general(strike, victims, outcome))
            sound(one)


def figures(one: isk.StrikeCasualties) -> tuple[object, ...]:
    return (one.low, one.high, one.open_ended, one.best, one.disputed)


@settings(max_examples=400)
@given(strikes())
def test_the_figures_alone_are_the_records_figures(strike: isk.Strike) -> None:
    # what a sum reads of a strike (no accounts' records built) is what its record says
    for victims in isk.Victims:
        bit = _agreement._BIT[victims]
        for outcome in isk.Outcome:
            alone = _usual_strike._plain(strike, outcome, bit, _agreement._ABOVE[bit], None)
            if alone is not None:
                one = _casualties.summarize(strike, victims, outcome)
                assert alone[:5] == figures(one)
                assert alone[5] is strike


def eager(strikes: list[isk.Strike], victims: isk.Victims, outcome: isk.Outcome) -> isk.Casualties:
    """The sum over ``strikes`` as the public constructor makes it, from each record."""
    ones = [_casualties.summarize(s, victims, outcome) for s in strikes]
    per = [one for one in ones if not one.strike.is_series and one.known]
    bests = [one.best for one in per if one.best is not None]
    return isk.Casualties(
        victims=victims,
        outcome=outcome,
        low=sum(one.low or 0 for one in per) if per else None,
        high=sum(one.high or 0 for one in per) if per else None,
        open_ended=any(one.open_ended for one in per),
        best=sum(bests) if per and len(bests) == len(per) else None,
        disputed=any(one.disputed for one in per),
        per_strike=tuple(per),
        strikes_without_figures=tuple(
            one.strike for one in ones if not one.strike.is_series and not one.known
        ),
        series=tuple(one for one in ones if one.strike.is_series),
    )


@settings(max_examples=100)
@given(st.lists(strikes(), max_size=4))
def test_a_sum_built_later_equals_one_built_at_once(made: list[isk.Strike]) -> None:
    made = [attrs.evolve(s, id=f"s{i}") for i, s in enumerate(made)]
    for victims in isk.Victims:
        for outcome in isk.Outcome:
            cache: _casualties.SummaryCache = {}
            for _ in range(2):  # worked out, then from the cache
                c = _casualties.aggregate(made, victims, outcome, cache)
                assert c == eager(made, victims, outcome)
                assert hash(c) == hash(eager(made, victims, outcome))
                assert attrs.evolve(c) == c
                assert c.per_strike is c.per_strike  # built once, then kept


def test_a_sums_records_are_built_when_first_read_and_kept() -> None:
    cache: _casualties.SummaryCache = {}
    strikes = DATA.strikes
    c = _casualties.aggregate(strikes, isk.Victims.ALL, isk.Outcome.KILLED, cache)
    assert isinstance(vars(isk.Casualties)["per_strike"], records._Deferred)
    assert type(vars(isk.Casualties)["per_strike"].slot.__get__(c)) is records._Later
    per = c.per_strike
    assert type(vars(isk.Casualties)["per_strike"].slot.__get__(c)) is tuple
    assert per == eager(list(strikes), isk.Victims.ALL, isk.Outcome.KILLED).per_strike
    # the records are kept: a later sum over the same strikes gives the same objects
    again = _casualties.aggregate(strikes, isk.Victims.ALL, isk.Outcome.KILLED, cache)
    assert all(a is b for a, b in zip(again.per_strike, per, strict=True))
    assert repr(again) == repr(c)


def test_the_bundled_and_synthetic_strikes_give_the_general_answer() -> None:
    from idlibstrikes.testing import synthetic

    plain = 0
    for data in (DATA, synthetic.dataset(600, seed=3)):
        for strike in data.strikes:
            for victims in isk.Victims:
                for outcome in isk.Outcome:
                    one = _casualties.summarize(strike, victims, outcome)
                    assert one == general(strike, victims, outcome), strike.id
                    sound(one)
                    _, read, wider, named = _casualties._classify(strike, victims, outcome)
                    plain += bool(read) and not wider and not named and not strike.is_series
    assert plain > 500  # the plain path was taken, and often


def test_records_built_without_validators_equal_those_built_with() -> None:
    strike = DATA.strike("2019-06-30-rif-al-muhandisin")
    claim = strike.claims[0]
    account = records._account(claim.claimant, claim.source, 6, None, isk.Basis.PARTS, (claim,))
    assert account == isk.Account(
        claimant=claim.claimant,
        source=claim.source,
        low=6,
        high=None,
        basis=isk.Basis.PARTS,
        claims=(claim,),
    )
    one = records._unknown(strike, isk.Victims.CHILDREN, isk.Outcome.WOUNDED)
    assert one == isk.StrikeCasualties(
        strike=strike,
        victims=isk.Victims.CHILDREN,
        outcome=isk.Outcome.WOUNDED,
        low=None,
        high=None,
        open_ended=False,
        best=None,
        disputed=False,
        accounts=(),
    )
    # every field is set: the builders name each of the classes' fields
    for record in (account, one):
        assert set(attrs.asdict(record, recurse=False)) == {
            a.name for a in attrs.fields(type(record))
        }
    # the slot setters are the fields', in order
    assert tuple(a.name for a in attrs.fields(isk.Account)) == records._ACCOUNT_FIELDS
    assert tuple(a.name for a in attrs.fields(isk.StrikeCasualties)) == records._ONE_FIELDS


@st.composite
def agreements(draw: st.DrawFn) -> list[int]:
    """Who agrees with whom among up to 11 accounts, as ``_cliques`` takes it: bits."""
    n = draw(st.integers(1, 11))
    closed = [1 << i for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if draw(st.booleans()):
                closed[i] |= 1 << j
                closed[j] |= 1 << i
    return closed


@settings(max_examples=300)
@given(agreements())
def test_the_largest_agreeing_sets_are_every_maximal_clique(closed: list[int]) -> None:
    n = len(closed)

    def agree(members: int) -> bool:
        return all(closed[i] & members == members for i in range(n) if members >> i & 1)

    cliques = [m for m in range(1, 1 << n) if agree(m)]
    maximal = {
        frozenset(i for i in range(n) if m >> i & 1)
        for m in cliques
        if not any(m != other and m & other == m for other in cliques)
    }
    found = [frozenset(g) for g in _agreement._cliques(closed)]
    assert len(found) == len(set(found))
    assert set(found) == maximal
