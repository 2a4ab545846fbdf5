"""The answers users read, cite and sum: each against what the articles say (issue F)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import idlibstrikes as isk
from idlibstrikes._summary import Reading, combine, reading

# -- casualties ---------------------------------------------------------------------------

#: Every single strike: deaths of all victims as every view words them, the best estimate,
#: and the commanders', civilians' and wounded figures. The articles' words are in comments.
STRIKES = {
    # SOHR (003) "killed 49 people"; "dozens" (002) agrees and is only listed
    "2017-03-al-jinah": ("49", 49, "no figures", "0-49 (disputed)", "no figures"),
    # Kurdistan 24 (002) "killing eight commanders"; SOHR (003) "six commanders"
    "2019-06-30-rif-al-muhandisin": (
        "6-8+ (disputed)",
        None,
        "6-8 (disputed)",
        "no figures",
        "no figures",
    ),
    "2019-08-27-hts-missile-khan-sheikhoun": (
        "no figures",
        None,
        "no figures",
        "no figures",
        "no figures",
    ),
    # SOHR: "Forty killed" (001) and "at least 40" fighters (004); "at least one wounded child"
    "2019-08-31-idlib-training-camp": ("40+", 40, "40", "no figures", "1+"),
    # "killed a civilian, the Observatory said"
    "2019-08-31-kafranbel-shelling": ("1+", 1, "no figures", "1", "no figures"),
    # CENTCOM: the strike "had killed Muhammad Salah Al Zabir", "a senior operative"
    "2025-01-late-al-zabir": ("1+", 1, "1+", "no figures", "no figures"),
    # White Helmets "at least two people"; residents name Abu Baker Mourek, a commander
    "2025-02-15-urum-al-jawz": ("2+", 2, "1+", "no figures", "no figures"),
}


def test_within_one_account_an_exact_whole_and_an_exact_part_pin_the_sets_between(
    data: isk.Dataset,
) -> None:
    # 001's SOHR: "Forty killed" (all) and "killing 40 of them" (the leaders): its militants
    # are exactly 40, not a floor of 40 from the leaders alone
    camp = data.strike("2019-08-31-idlib-training-camp")
    militants = data.casualties([camp], victims="militants").per_strike[0]
    sohr_001 = next(
        a
        for a in militants.accounts
        if a.source and a.source.short_id == "001" and a.claimant and a.claimant.id == "sohr"
    )
    assert (sohr_001.low, sohr_001.high, sohr_001.basis) == (40, 40, isk.Basis.BOUNDED)
    # the claims behind it stay those about the militants and their parts
    assert {c.victims for c in sohr_001.claims} == {isk.Victims.COMMANDERS}
    # another account's whole never caps a part: 004's "at least 40" fighters stays open
    sohr_004 = next(a for a in militants.accounts if a.source and a.source.short_id == "004")
    assert (sohr_004.low, sohr_004.high) == (40, None)


@pytest.mark.parametrize(("ident", "expected"), STRIKES.items())
def test_every_strike_says_what_its_sources_say(
    data: isk.Dataset, ident: str, expected: tuple[str, int | None, str, str, str]
) -> None:
    strike = data.strike(ident)
    deaths, best, commanders, civilians, wounded = expected
    one = data.casualties([strike])
    shown = (
        str(one.per_strike[0]) if one.per_strike else "no figures",
        one.best,
        str(data.casualties([strike], victims="commanders").per_strike[0])
        if data.casualties([strike], victims="commanders").per_strike
        else "no figures",
        str(data.casualties([strike], victims="civilians").per_strike[0])
        if data.casualties([strike], victims="civilians").per_strike
        else "no figures",
        str(data.casualties([strike], outcome="wounded").per_strike[0])
        if data.casualties([strike], outcome="wounded").per_strike
        else "no figures",
    )
    assert shown == (deaths, best, commanders, civilians, wounded)


def test_a_named_dead_man_is_at_least_one_dead(data: isk.Dataset) -> None:
    zabir = data.casualties([data.strike("2025-01-late-al-zabir")]).per_strike[0]
    named = [a for a in zabir.accounts if a.basis is isk.Basis.NAMED]
    assert [(a.low, a.high, [p.name for p in a.named]) for a in named] == [
        (1, None, ["Muhammad Salah Al Zabir"])
    ]


def test_the_camp_strike_keeps_dozens_as_a_claim_but_not_as_a_rival(data: isk.Dataset) -> None:
    camp = data.casualties([data.strike("2019-08-31-idlib-training-camp")], victims="commanders")
    (one,) = camp.per_strike
    assert (one.low, one.high, one.best, one.disputed) == (40, 40, 40, False)
    vague = [c for c in one.claims if c.vague]
    assert [(c.low, c.high, c.quote) for c in vague] == [
        (24, None, "A US military strike reportedly killed dozens of militant leaders")
    ]


def test_unknown_is_never_zero(data: isk.Dataset) -> None:
    had = data.casualties(data.strikes_by_group("Hurras al-Din"), victims="civilians")
    assert (had.low, had.high, had.best) == (None, None, None)
    assert str(had) == "no figures for civilians killed in 4 strike(s)"
    assert "0" not in str(had).replace("civilians", "")
    row = {r["id"]: r for r in data.to_records("strikes")}["2019-08-27-hts-missile-khan-sheikhoun"]
    assert row["deaths_low"] is None
    assert row["deaths_high"] is None


def test_the_2019_offensive_counts_to_31_august_and_is_never_summed(data: isk.Dataset) -> None:
    offensive = data.strike("2019-idlib-offensive")
    c = data.casualties([offensive, *data.strikes_between("2019")], victims="civilians")
    (series,) = c.series
    assert (series.strike, series.low, series.open_ended) == (offensive, 951, True)
    assert str(series.counted_to) == "2019-08-31"
    # the events' civilians: Kafranbel's one civilian; the series' 951+ is not added
    assert (c.low, c.high) == (1, 1)
    assert "not added, series reported as a whole: 2019-idlib-offensive 951+ to 2019-08-31" in str(
        c
    )
    everything = data.casualties(victims="civilians")
    assert (everything.low, everything.high) == (1, 50)  # al-Jinah 0-49 and Kafranbel 1


def test_perpetrator_filters_what_is_summed(data: isk.Dataset) -> None:
    everyone = data.strikes_between("2010", "2030")
    us = data.strikes_between("2010", "2030", perpetrator="United States")
    assert len(everyone) == 7
    assert [s.perpetrator.id for s in us] == ["us-military"] * 5
    assert {s.id for s in everyone} - {s.id for s in us} == {
        "2019-08-27-hts-missile-khan-sheikhoun",
        "2019-08-31-kafranbel-shelling",
    }
    assert data.casualties(us, victims="civilians").low == 0  # al-Jinah: 0-49, disputed
    # CENTCOM said "its jets had struck" on 30 June 2019 (003): found by that attribution
    assert [s.id for s in data.strikes_by_group("Hurras al-Din", perpetrator="CENTCOM")] == [
        "2019-06-30-rif-al-muhandisin"
    ]
    assert len(data.strikes_by_group("Hurras al-Din", perpetrator="US military")) == 4


# -- dates ----------------------------------------------------------------------------------


def test_summary_dates(data: isk.Dataset) -> None:
    jinah = data.strike("2017-03-al-jinah").date
    assert (str(jinah), jinah.disputed) == ("2017-03-16..2017-03-17", True)
    had = data.group("Hurras al-Din").founded
    assert had is not None
    assert (str(had), had.disputed) == ("2018-02-27", False)
    assert str(data.strike("2025-01-late-al-zabir").date) == "2025-01-30"
    truce = data.ceasefire("2019-08-01-truce")
    assert (str(truce.end), [str(c.date) for c in truce.end_claims]) == (
        "2019-08-05",
        ["2019-08-03..2019-08-08"],  # the article's claim stays as worded
    )
    assert str(data.ceasefire("2018-09-sochi-agreement").start) == "2018-09-17"
    assert str(data.group("Syrian government").ended) == "2024-12-08"
    assad = data.person("Bashar al-Assad").roles[0]
    assert assad.until is not None
    assert str(assad.until.date) == "2024-12-08"


def test_series_have_start_and_end(data: isk.Dataset) -> None:
    offensive = data.strike("2019-idlib-offensive")
    assert (str(offensive.start), str(offensive.end)) == ("2019-04-21..2019-04-30", "2019-08-31")
    coalition = data.strike("2014-2019-coalition-northwest-strikes")
    # "first such operation there in two years" (001, 004): ended on or before about 30 June
    # 2017; 003's "dropped off significantly since 2017" (fewer, not none) bounds nothing
    assert (str(coalition.start), str(coalition.end)) == ("2014-01-01..2014-12-31", "..2017-06-30")
    assert "the strikes have dropped off significantly since 2017" in {
        c.quote for c in coalition.citations_for("end")
    }
    assert all(not c.source.id.startswith("003") for c in coalition.end_claims)
    assert coalition not in data.strikes_between("2019", include_series=True)
    assert offensive in data.strikes_between("2019-06", certain=True, include_series=True)
    assert offensive not in data.strikes_between("2019-06")  # single strikes by default
    baghouz = data.strike("baghouz-coalition-strikes")
    assert baghouz in data.strikes_between("2018", include_series=True)
    assert all(
        baghouz not in data.strikes_between(str(year), certain=True, include_series=True)
        for year in range(2014, 2020)
    )


def test_ceasefires_on_15_february_2025(data: isk.Dataset) -> None:
    on = data.ceasefires_on("2025-02-15")
    assert [(c.id, on.status(c)) for c in on] == [
        ("2018-09-sochi-agreement", isk.CeasefireStatus.UNKNOWN)
    ]
    assert "2019-08-31-ceasefire" not in {c.id for c in data.ceasefires_on("2025-02-15")}


@pytest.mark.parametrize(
    "period",
    [
        "2025-01-30..2025-02-20",
        ("2025-01-30", "2025-02-20"),
        isk.DateRange(earliest=dt.date(2025, 1, 30), latest=dt.date(2025, 2, 20)),
        ("30 January 2025", "20 Feb 2025"),
    ],
)
def test_periods_as_users_write_them(data: isk.Dataset, period: object) -> None:
    args = period if isinstance(period, tuple) else (period,)
    found = data.strikes_between(*args)  # type: ignore[arg-type]
    assert [s.id for s in found] == ["2025-01-late-al-zabir", "2025-02-15-urum-al-jawz"]


@pytest.mark.parametrize("bad", ["03/08/2019", "2025-02-20..2025-01-30", "a..b..c"])
def test_periods_that_read_two_ways_or_backwards_are_refused(data: isk.Dataset, bad: str) -> None:
    with pytest.raises(isk.InvalidPeriodError):
        data.strikes_between(bad)


def test_certain_must_be_a_bool(data: isk.Dataset) -> None:
    with pytest.raises(TypeError, match="certain must be True or False"):
        data.strikes_between("2019", certain="yes")  # type: ignore[arg-type]


# -- places and references -----------------------------------------------------------------


def test_location_precision_follows_what_places_the_strike(data: isk.Dataset) -> None:
    rows = {r["id"]: r for r in data.to_records("strikes")}
    # near a place with a point (the reference puts the camp by Maarrat Misrin): 2
    assert rows["2019-08-31-idlib-training-camp"]["geo_precision"] == 2
    # only the district (Ariha, per the reference) or the governorate is known: 3
    assert rows["2025-02-15-urum-al-jawz"]["geo_precision"] == 3
    assert rows["2019-06-30-rif-al-muhandisin"]["geo_precision"] == 3
    assert rows["2017-03-al-jinah"]["geo_precision"] == 1
    series = {r["id"]: r for r in data.to_records("series")}
    assert series["2019-idlib-offensive"]["geo_precision"] is None  # no point at all


def test_article_outlets_and_dates_from_the_reference_layer(data: isk.Dataset) -> None:
    facts = {(f.subject[:3], f.field): f for f in data.references if f.subject.endswith(".txt")}
    assert facts[("001", "outlet")].value.startswith("The National")
    assert facts[("003", "outlet")].value.startswith("Middle East Eye")
    assert str(facts[("004", "published")].date) == "2019-09-01"
    assert str(data.source("004_4230a031e6ff8aa2").published) == "2019-09-01"
    # the article prints none: its outlet is the reference's, which it names, in the words
    # the outlet's other article (000) uses, so that one outlet has one label everywhere
    national = data.source("001_a3fa68a93635bb6d")
    assert national.outlet_quote == ""
    assert national.outlet_from is not None
    assert national.outlet_from.is_reference
    assert national.label == data.source("000").label.replace("000", "001") == "001 The National"


def test_a_reference_that_dates_a_record_narrows_it_wherever_the_rule_applies(
    data: isk.Dataset,
) -> None:
    # 000: "the rebels he commands declared him President last month" (January 2025); the
    # reference layer dates the declaration Wednesday 29 January 2025
    [declared] = [a for a in data.announcements if "declared him President" in a.reports[0].quote]
    assert (str(declared.reports[0].date), str(declared.date)) == (
        "2025-01-01..2025-01-31",
        "2025-01-29",
    )
    [president] = [r for r in data.person("Ahmad al-Shara").roles if r.title == "President"]
    assert president.since is not None
    assert str(president.since.date) == "2025-01-01..2025-01-31"  # the article's, as worded
    assert str(president.began) == "2025-01-29"  # narrowed by the reference beside it
    # Trump's first term, dated by 000 "from 2017 to 2021"
    [term] = [r for r in data.person("Donald Trump").roles if "first term" in r.title]
    assert (str(term.began), str(term.until.date if term.until else None)) == (
        "2017-01-01..2017-12-31",
        "2021-01-01..2021-12-31",
    )


def test_the_facts_issue_l_found_missing_are_encoded_with_their_words(data: isk.Dataset) -> None:
    developments = {d.id: d for d in data.developments}
    # 000: "a visit last week by Anas Al Khattab, the new intelligence chief, and French
    # officials" (3-15 February 2025, both readings of "last week")
    visit = developments["2025-02-khattab-french-officials-visit"]
    assert (visit.kind, str(visit.start)) == (isk.DevelopmentKind.MEETING, "2025-02-03..2025-02-15")
    assert [g.id for g in visit.actors] == ["syrian-government-2025", "france"]
    # 000: HTS "had consolidated power in the area over the past decade"
    decade = developments["2015-2025-hts-consolidates-power-idlib"]
    assert (str(decade.start), decade.place and decade.place.id) == (
        "2014-01-01..2016-12-31",
        "idlib-governorate",
    )
    # 001, 004: most of Idlib and parts of Aleppo and Latakia; 003: and Hama
    held = developments["2019-hts-controls-idlib-and-parts-of-neighbours"]
    assert [c.source.short_id for c in held.start_claims] == ["001", "004", "003"]
    assert any("Hama" in c.quote for c in held.citations if c.about == "place")
    # 000: al-Sharaa "said their integration was necessary to preserve stability"
    [answer] = [a for a in data.announcements if "preserve stability" in a.reports[0].quote]
    assert answer.announcer is not None
    assert answer.announcer.id == "syrian-government-2025"
    # 002: "The Pentagon said it will continue to target": one report of CENTCOM's statement
    [june] = [a for a in data.announcements if a.id == "2019-06-30-centcom-statement"]
    assert any(
        "will continue to target" in r.quote for r in june.reports if r.source.short_id == "002"
    )


# -- properties of the summary rule ----------------------------------------------------------

days = st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))


@st.composite
def ranges(draw: st.DrawFn) -> isk.DateRange:
    a, b = draw(days), draw(days)
    return isk.DateRange(earliest=min(a, b), latest=max(a, b))


@given(st.lists(ranges(), min_size=1, max_size=6), st.data())
def test_a_claim_that_agrees_never_widens_a_summary_date(
    claims: list[isk.DateRange], draw: st.DataObject
) -> None:
    before = combine([reading(c, f"c{i}") for i, c in enumerate(claims)])
    assert before is not None
    if before.disputed:
        return
    # a new claim that allows some day of the summary
    day = draw.draw(st.dates(before.earliest, before.latest))
    lo = draw.draw(st.dates(dt.date(2000, 1, 1), day))
    hi = draw.draw(st.dates(day, dt.date(2030, 12, 31)))
    after = combine(
        [*(reading(c, "c") for c in claims), Reading(isk.DateRange(earliest=lo, latest=hi), "new")]
    )
    assert after is not None
    assert not after.disputed
    assert before.earliest <= after.earliest <= after.latest <= before.latest


@given(st.lists(ranges(), min_size=1, max_size=7))
def test_the_summary_spans_every_largest_agreeing_set(claims: list[isk.DateRange]) -> None:
    summary = combine([reading(c, f"c{i}") for i, c in enumerate(claims)])
    assert summary is not None
    # brute force: every set of claims that share a day, then the largest of them
    agreeing = [
        frozenset(i for i in range(len(claims)) if mask >> i & 1)
        for mask in range(1, 2 ** len(claims))
        if max(c.earliest for i, c in enumerate(claims) if mask >> i & 1)
        <= min(c.latest for i, c in enumerate(claims) if mask >> i & 1)
    ]
    largest = [a for a in agreeing if not any(a < b for b in agreeing)]
    common = [
        (max(claims[i].earliest for i in a), min(claims[i].latest for i in a)) for a in largest
    ]
    assert summary.disputed == (len(largest) > 1)
    assert summary.earliest == min(lo for lo, _ in common)
    assert summary.latest == max(hi for _, hi in common)


# -- edge cases a review found ----------------------------------------------------------------


def test_a_series_snapshot_is_shown_as_worded(data: isk.Dataset) -> None:
    offensive = data.strike("2019-idlib-offensive")
    later = isk.CasualtyClaim(
        low=1000,
        high=1000,
        victims=isk.Victims.CIVILIANS,
        source=data.source("004_4230a031e6ff8aa2"),
        claimant=data.group("sohr"),
        quote="q",
        counts_to=isk.DateRange.parse("2019-09-01"),
    )
    grown = attrs.evolve(offensive, claims=(*offensive.claims, later))
    (series,) = data.casualties([grown], victims="civilians").series
    # SOHR's 951+ on 31 August is an earlier snapshot: a floor on the later 1,000
    assert (series.low, series.high, series.disputed) == (1000, 1000, False)
    shown = {(c.low, c.high) for c in series.claims}
    assert (951, None) in shown  # the claims themselves are never rewritten
    assert (200, None) in shown


def test_a_whole_disputes_a_larger_part_in_another_account(data: isk.Dataset) -> None:
    camp = data.strike("2019-08-31-idlib-training-camp")
    assert not data.casualties([camp], victims="commanders").disputed  # 40, all agree
    five = isk.CasualtyClaim(
        low=5,
        high=5,
        victims=isk.Victims.ALL,
        source=data.source("001_a3fa68a93635bb6d"),
        claimant=data.group("un"),
        quote="q",
    )
    strike = attrs.evolve(camp, claims=(*camp.claims, five))
    commanders = data.casualties([strike], victims="commanders")
    # "5 killed" cannot hold with SOHR's 40 commanders: the commanders' figure is disputed,
    # though the whole gives no figure for the commanders themselves (no "0-5")
    assert (commanders.low, commanders.high, commanders.disputed, commanders.best) == (
        40,
        40,
        True,
        None,
    )


def test_unknown_names_point_only_to_functions_that_exist(data: isk.Dataset) -> None:
    lookups = (data.strike, data.development, data.source, data.ceasefire, data.group, data.place)
    for lookup in lookups:
        with pytest.raises(isk.UnknownNameError) as info:
            lookup("zzzz-nothing")
        named = re.findall(r"Dataset\.(\w+)", str(info.value))
        assert named, str(info.value)
        assert all(hasattr(isk.Dataset, name) for name in named), str(info.value)


def test_a_series_cannot_end_before_it_starts(data: isk.Dataset, tmp_path: Path) -> None:
    doc = json.loads(isk.dumps([data.strike("2019-idlib-offensive")]))
    series = doc["strikes"][0]
    series["id"] = "my-series"
    series["end_claims"] = [
        {
            "date": {"text": "2010", "span": "2010"},
            "source": series["start_claims"][0]["source"],
            "quote": "q",
        }
    ]
    path = tmp_path / "series.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(isk.DataError, match=r"the series ends .* before it starts"):
        isk.load(path, sources="articles")
