"""The query API on the real data, asserting the articles' own figures."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import idlibstrikes as isk

HAD_STRIKES = [
    "2019-06-30-rif-al-muhandisin",
    "2019-08-31-idlib-training-camp",
    "2025-01-late-al-zabir",
    "2025-02-15-urum-al-jawz",
]


def ids(records: tuple[isk.Strike, ...] | tuple[isk.Ceasefire, ...]) -> list[str]:
    return [r.id for r in records]


def test_load_is_cached_and_complete(data: isk.Dataset) -> None:
    assert isk.load(sources="articles") is data
    assert len(data.strikes) == 11
    assert len([s for s in data.strikes if s.scope is isk.Scope.EVENT]) == 7
    assert len(data.ceasefires) == 3
    assert {s.id for s in data.sources if not s.is_reference} == {
        "000_e4fa0e6bef30d977.txt",
        "001_a3fa68a93635bb6d.txt",
        "002_0d9037507fd83edc.txt",
        "003_e4f56a08b823a065.txt",
        "004_4230a031e6ff8aa2.txt",
    }


def test_everything_is_a_tuple(data: isk.Dataset) -> None:
    for kind in ("strikes", "groups", "ceasefires", "sources", "people", "places"):
        assert isinstance(getattr(data, kind), tuple)


def test_strikes_are_chronological(data: isk.Dataset) -> None:
    keys = [(s.date.earliest, s.date.latest) for s in data.strikes]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    "name", ["Hurras al-Din", "hurras al-deen", "HURRAS AL DIN", "Hurras Al Din", "hurras-al-din"]
)
def test_group_lookup_forgives_spelling(data: isk.Dataset, name: str) -> None:
    assert data.group(name).id == "hurras-al-din"


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("HTS", "hts"),
        ("Hay’et Tahrir al-Sham", "hts"),
        ("Hay'at Tahrir al-Sham", "hts"),
        ("CENTCOM", "centcom"),
        ("SOHR", "sohr"),
        ("the Observatory", "sohr"),
        ("AQ-S", "aq-s"),
    ],
)
def test_abbreviations_and_apostrophes(data: isk.Dataset, name: str, ident: str) -> None:
    assert data.group(name).id == ident


def test_unknown_group_suggests_close_names(data: isk.Dataset) -> None:
    with pytest.raises(isk.UnknownNameError) as info:
        data.group("Huras al Din")
    assert isinstance(info.value, LookupError)
    assert info.value.suggestions
    assert all("urras" in s for s in info.value.suggestions)
    assert "did you mean" in str(info.value)


def test_person_lookup(data: isk.Dataset) -> None:
    assert data.person("Abu Baker Mourek").id == "abu-baker-mourek"
    assert data.person("mr al shara").id == "ahmad-al-shara"
    with pytest.raises(isk.UnknownNameError, match="no person is known as"):
        data.person("Abu Bakr al-Baghdadi")


def test_strikes_on_hurras_al_din(data: isk.Dataset) -> None:
    assert ids(data.strikes_by_group("Hurras al-Din")) == HAD_STRIKES
    in_2019 = [
        s
        for s in data.strikes_by_group("Hurras al-Din")
        if s.date.overlaps(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    ]
    assert [str(s.date) for s in in_2019] == ["2019-06-30", "2019-08-31"]


def test_affiliates_of_al_qaeda_respect_dates(data: isk.Dataset) -> None:
    direct = ids(data.strikes_by_group("al-Qaeda"))
    assert direct == ["2017-03-al-jinah"]
    wide = ids(data.strikes_by_group("al-Qaeda", include_affiliates=True))
    assert wide == ["2017-03-al-jinah", *HAD_STRIKES]
    # HTS was al-Qaeda's affiliate only until 2014 (000); the 2019 offensive on HTS is no
    # strike on an al-Qaeda affiliate.
    assert "2019-idlib-offensive" not in ids(
        data.strikes_by_group("al-Qaeda", include_affiliates=True, include_series=True)
    )
    assert "2019-idlib-offensive" in ids(data.strikes_by_group("HTS", include_series=True))
    assert ids(data.strikes_by_group("HTS")) == []  # a series only on request


def test_include_affiliates_contains_the_direct_result(data: isk.Dataset) -> None:
    for group in data.groups:
        direct = set(ids(data.strikes_by_group(group)))
        assert direct <= set(ids(data.strikes_by_group(group, include_affiliates=True)))


SUMMER_2019 = [
    "2019-06-30-rif-al-muhandisin",
    "2019-08-27-hts-missile-khan-sheikhoun",
    "2019-08-31-idlib-training-camp",
    "2019-08-31-kafranbel-shelling",
]


def test_strikes_between_overlap_and_certain(data: isk.Dataset) -> None:
    assert ids(data.strikes_between("2019-06", "Sep 2019")) == SUMMER_2019
    assert ids(data.strikes_between("2019-06", "Sep 2019", certain=True)) == SUMMER_2019
    # series only on request: the Baghouz caption may fall in the period (bounds only); the
    # 2019 offensive was under way; the coalition's north-west strikes had ended in 2017
    assert ids(data.strikes_between("2019-06", "Sep 2019", include_series=True)) == [
        "baghouz-coalition-strikes",
        "2019-idlib-offensive",
        *SUMMER_2019,
    ]
    # certainly in June 2019: the offensive was under way throughout it
    assert ids(data.strikes_between("2019-06", certain=True, include_series=True)) == [
        "2019-idlib-offensive",
        "2019-06-30-rif-al-muhandisin",
    ]


def test_late_january_dates_the_statement_and_the_reference_dates_the_strike(
    data: isk.Dataset,
) -> None:
    zabir = data.strike("2025-01-late-al-zabir")
    [claim] = zabir.date_claims
    assert claim.report  # "In late January, US Central Command said ..."
    assert (claim.date.earliest, claim.date.latest) == (dt.date(2025, 1, 21), dt.date(2025, 1, 31))
    assert str(zabir.date) == "2025-01-30"  # on or before late January; the reference's day
    assert not zabir.date.disputed
    assert zabir in data.strikes_between("2025-01-25", "2025-01-31", certain=True)
    assert zabir not in data.strikes_between("2025-01-01", "2025-01-29")


def test_strikes_between_accepts_dates_and_rejects_backwards_periods(data: isk.Dataset) -> None:
    assert ids(data.strikes_between(dt.date(2025, 2, 15))) == ["2025-02-15-urum-al-jawz"]
    assert ids(data.strikes_between(dt.date(2025, 2, 15), include_series=True)) == [
        "2024-2025-turkish-air-attacks",
        "2025-02-15-urum-al-jawz",
    ]
    with pytest.raises(isk.InvalidPeriodError, match=r"ends .* before it starts"):
        data.strikes_between("2020", "2019")
    with pytest.raises(isk.InvalidPeriodError):
        data.strikes_between("sometime")


def test_ceasefires_on_31_august_2019(data: isk.Dataset) -> None:
    assert ids(data.ceasefires_on("2019-08-31")) == [
        "2018-09-sochi-agreement",
        "2019-08-31-ceasefire",
    ]
    assert ids(data.ceasefires_on("2019-08-02")) == [
        "2018-09-sochi-agreement",
        "2019-08-01-truce",
    ]
    assert ids(data.ceasefires_on("2018-08-31")) == []


def test_the_camp_strike_fell_inside_the_ceasefire(data: isk.Dataset) -> None:
    camp = data.strike("2019-08-31-idlib-training-camp")
    assert "2019-08-31-ceasefire" in ids(data.ceasefires_on(camp.date))


def test_casualties_of_the_camp_strike(data: isk.Dataset) -> None:
    camp = data.strike("2019-08-31-idlib-training-camp")
    all_dead = data.casualties([camp])
    # SOHR's 40 (001) and its "at least 40" fighters (004): 40+, best 40
    assert (all_dead.low, all_dead.high, all_dead.open_ended, all_dead.best) == (40, 40, True, 40)
    fighters = data.casualties([camp], victims="militants")
    assert (fighters.low, fighters.high, fighters.open_ended) == (40, 40, True)
    # "dozens of militant leaders" agrees with SOHR's 40: it is listed, but never lowers 40
    leaders = data.casualties([camp], victims=isk.Victims.COMMANDERS)
    assert (leaders.low, leaders.high, leaders.open_ended, leaders.disputed) == (
        40,
        40,
        False,
        False,
    )
    assert sorted(c.low for c in leaders.claims) == [24, 40]
    wounded = data.casualties([camp], victims="children", outcome="wounded")
    assert (wounded.low, wounded.open_ended) == (1, True)
    all_wounded = data.casualties([camp], outcome="wounded")
    assert (all_wounded.low, all_wounded.open_ended) == (1, True)  # a wounded child


def test_eight_versus_six_commanders_are_both_kept(data: isk.Dataset) -> None:
    june = data.strike("2019-06-30-rif-al-muhandisin")
    c = data.casualties([june], victims="commanders")
    assert (c.low, c.high, c.disputed, c.best) == (6, 8, True, None)
    by_source = sorted((cl.source.id[:3], cl.low, cl.high) for cl in c.claims)
    assert by_source == [("002", 6, None), ("002", 8, 8), ("003", 6, 6)]


def test_al_jinah_disagreement(data: isk.Dataset) -> None:
    jinah = data.strike("2017-03-al-jinah")
    dead = data.casualties([jinah])
    # "dozens" (at least 24) agrees with SOHR's 49: 49, not 24-49
    assert (dead.low, dead.high, dead.best, dead.disputed) == (49, 49, 49, False)
    civilians = data.casualties([jinah], victims="civilians")
    # SOHR's "most of" 49 against the Pentagon's "only one possible": a real dispute
    assert (civilians.low, civilians.high, civilians.disputed, civilians.best) == (
        0,
        49,
        True,
        None,
    )
    claimants = {c.claimant.id if c.claimant else None for c in civilians.claims}
    assert claimants == {"sohr", "pentagon"}


def test_casualties_over_hurras_al_din_strikes(data: isk.Dataset) -> None:
    c = data.casualties(data.strikes_by_group("Hurras al-Din"), victims="commanders")
    # 6-8 (disputed) + 40 + 1+ (al-Zabir) + 1+ (Mourek)
    assert (c.low, c.high, c.open_ended, c.without_figures) == (48, 50, True, 0)
    everyone = data.casualties(data.strikes_by_group("Hurras al-Din"))
    # 6-8+ (disputed) + 40+ + 1+ (a named dead man) + 2+
    assert (everyone.low, everyone.high, everyone.open_ended) == (49, 51, True)
    assert everyone.without_figures == 0


def test_casualties_rejects_unknown_victims(data: isk.Dataset) -> None:
    with pytest.raises(ValueError, match="not a Victims value"):
        data.casualties(victims="soldiers")


def test_a_strike_listed_twice_counts_once(data: isk.Dataset) -> None:
    camp = data.strike("2019-08-31-idlib-training-camp")
    assert data.casualties([camp, camp]).low == 40
    # also as another object with its id, and in results made by hand
    again = attrs.evolve(camp)
    assert again is not camp
    assert data.casualties([camp, again]).low == 40
    made = isk.Strikes([camp, again], dataset=data)
    assert data.casualties(made).low == made.casualties().low == 40


def test_a_querys_answer_holds_each_strike_once(data: isk.Dataset) -> None:
    # what lets a sum over an answer skip the check for a strike listed twice
    hd = data.strikes_by_group("Hurras al-Din")
    answers = [data.strikes_between("2019"), hd, hd.strikes_between("2019")]
    answers += [data.strikes_between("2014", "2025", include_series=True)]
    for found in answers:
        assert found._distinct
        assert len({s.id for s in found}) == len(found)
        assert data.casualties(found) == data.casualties(list(found))
    assert not isk.Strikes(list(hd), dataset=data)._distinct


def test_group_details_from_the_articles(data: isk.Dataset) -> None:
    had = data.group("Hurras al-Din")
    assert had.founded is not None
    # "in 2018" (000), "in February 2018" (001, 003) and the reference's 27 February
    assert (had.founded.earliest, had.founded.latest, had.founded.disputed) == (
        dt.date(2018, 2, 27),
        dt.date(2018, 2, 27),
        False,
    )
    assert sorted(
        (e.count, e.unit, e.claimant.id if e.claimant else None) for e in had.strength
    ) == [
        (1800, "fighters", "sohr"),
        (1800, "fighters", "sohr"),
        (2500, "members", "fdd"),
    ]
    assert [p.name for p in had.leaders] == ["Abu al-Humam al-Shami"]


def test_one_strike_many_articles(data: isk.Dataset) -> None:
    june = data.strike("2019-06-30-rif-al-muhandisin")
    assert [s.id[:3] for s in june.sources] == ["001", "002", "003", "004"]
    assert str(june.date) == "2019-06-30"
    assert [a.announcer.id for a in june.announcements if a.announcer] == ["centcom", "sohr"]
    [statement] = [a for a in june.announcements if a.id == "2019-06-30-centcom-statement"]
    # CENTCOM's statement, reported in four articles (002 and 003 twice: its "will continue
    # to target" too), is one statement
    assert str(statement.date) == "2019-06-30"
    assert [(r.source.id[:3], str(r.date), r.report) for r in statement.reports] == [
        ("002", "2019-06-30", False),
        ("002", "2019-06-30..2019-07-06", False),  # "The Pentagon said it will continue"
        ("003", "2019-06-30..2019-07-06", False),
        ("003", "2019-06-30..2019-07-06", False),
        ("001", "2019-07-01", True),  # AFP's reporting day, per the reference
        ("004", "2019-07-01", True),
    ]
    [fact] = statement.references
    assert not fact.corrects  # the reference does not call "On July 1" wrong


def test_references_sit_beside_article_claims(data: isk.Dataset) -> None:
    jinah = data.strike("2017-03-al-jinah")
    assert [str(c.date) for c in jinah.date_claims] == ["2017-03-17", "2017-03-01..2017-03-31"]
    ref = [f for f in data.references_for(jinah) if f.field == "date"]
    assert [(str(f.date), f.corrects) for f in ref] == [("2017-03-16", True)]
    urum = data.place("Urum al-Jawz")
    assert urum.coordinates is None  # not found in any reference: never guessed
    assert data.place("Kafranbel").coordinates == isk.Coordinates(
        latitude=35.6139, longitude=36.5611
    )


def test_article_publication_dates(data: isk.Dataset) -> None:
    national = data.source("000_e4fa0e6bef30d977.txt")
    assert str(national.published) == "2025-02-16"
    assert national.published_from is not None
    assert national.published_from.is_reference
    # not printed: not guessed, but taken from the reference, which says so
    assert data.source("001_a3fa68a93635bb6d").outlet_from is not None


def test_reprs_are_short_and_say_what_the_record_is(data: isk.Dataset) -> None:
    for record in (*data.strikes, *data.groups, *data.places, *data.people, *data.ceasefires):
        text = repr(record)
        assert len(text) < 250, text
        assert record.id in text
    assert repr(data.strike("2025-02-15-urum-al-jawz").claims[0]) == (
        "<CasualtyClaim 2+ all killed, per White Helmets (000_e4fa0e6bef30d977.txt)>"
    )


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Urum Al Joz", "urum-al-jawz"),
        ("Urum al-Jawz", "urum-al-jawz"),
        ("Kafr Nabl", "kafranbel"),
        ("Rif al-Muhandisin", "rif-al-muhandisin"),
    ],
)
def test_places_are_found_by_article_and_gazetteer_spellings(
    data: isk.Dataset, name: str, ident: str
) -> None:
    place = data.place(name)
    assert place.id == ident
    if place.reference is not None and name in place.reference.names:
        assert name not in place.aliases  # the reference's spelling is not the article's
