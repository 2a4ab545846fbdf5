"""Who struck: every perpetrator the sources name, each attribution a claim (issue L, 4-5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import idlibstrikes as isk
from idlibstrikes._cli import main
from idlibstrikes._strikes import nested


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--sources", "articles", *args]) == 0  # the five articles' data
    return capsys.readouterr().out


def test_co_perpetrators_are_found_and_listed(
    data: isk.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    # 001: "Syrian and Russian air strikes have killed more than 950 civilians"
    found = data.strikes_between("2019", perpetrator="Russia", include_series=True)
    assert [s.id for s in found] == ["2019-idlib-offensive"]
    offensive = found[0]
    assert [g.id for g in offensive.perpetrators] == ["syrian-army", "russian-military"]
    assert not offensive.perpetrator_disputed  # one source names both: they struck together
    [joint] = [a for a in offensive.attributions if len(a.groups) == 2]
    assert (joint.source.short_id, joint.claimant and joint.claimant.id) == ("001", "sohr")
    assert joint.quote.startswith("Syrian and Russian air strikes")
    # every view lists them all
    listing = run(capsys, "strikes", "--by", "Russia", "--series")
    assert "Syrian government forces + Russian military" in listing
    shown = run(capsys, "show", "2019-idlib-offensive")
    assert "who struck: Syrian government forces + Russian military" in shown
    assert "struck: Syrian government forces, Russian military, per Syrian Observatory" in shown
    html = offensive._repr_html_()
    assert "<th>who struck</th><td>Syrian government forces + Russian military</td>" in html
    row = data.to_records("series")[2]
    assert row["id"] == "2019-idlib-offensive"
    assert row["perpetrators"] == ("Syrian government forces", "Russian military")
    # without --series the command says a series matches, rather than just "no strikes"
    alone = run(capsys, "strikes", "--by", "Russia")
    assert "no strikes" in alone
    assert "1 series: 2019-idlib-offensive; add --series" in alone


def test_attribution_is_a_claim_and_the_filter_finds_any(data: isk.Dataset) -> None:
    june = data.strike("2019-06-30-rif-al-muhandisin")
    said = [
        (a.groups[0].id, a.source.short_id, a.claimant and a.claimant.id) for a in june.attributions
    ]
    assert said == [
        ("us-military", "002", None),  # "US Forces conducted the strike"
        ("us-led-coalition", "002", None),  # "The coalition strike hit a meeting"
        ("centcom", "003", "centcom"),  # "US Central Command said its jets had struck"
        ("us-led-coalition", "003", "us-led-coalition"),  # "has claimed responsibility"
    ]
    # agreeing attributions that name a part of another are one reading, not a dispute
    assert [g.id for g in june.perpetrators] == ["us-military"]
    assert not june.perpetrator_disputed
    # the filter finds a strike by any attribution a source makes
    by = {
        who: [s.id for s in data.strikes_between("2010", "2030", perpetrator=who)]
        for who in ("US-led coalition", "CENTCOM", "United States")
    }
    assert by["CENTCOM"] == ["2019-06-30-rif-al-muhandisin"]
    assert by["US-led coalition"] == ["2017-03-al-jinah", "2019-06-30-rif-al-muhandisin"]
    assert len(by["United States"]) == 5
    coalition = data.strikes_between(
        "2010", "2030", perpetrator="US-led coalition", include_series=True
    )
    assert [s.id for s in coalition if s.is_series] == [
        "2014-2019-coalition-northwest-strikes",
        "baghouz-coalition-strikes",
    ]
    # every record's perpetrator is one its sources name (or a group they are within)
    for s in data.strikes:
        assert any(nested(s.perpetrator, g) for a in s.attributions for g in a.groups), s.id


def _strike(data: isk.Dataset, *attributions: isk.Attribution) -> isk.Strike:
    base = data.strike("2019-08-31-idlib-training-camp")
    return isk.Strike(
        id="made-up",
        description="a strike whose attribution is contested",
        date=base.date,
        place=base.place,
        perpetrator=attributions[0].groups[0],
        attributions=attributions,
    )


def _says(
    data: isk.Dataset, group: str, stance: str = "struck", source: str = "001"
) -> isk.Attribution:
    return isk.Attribution(
        groups=(data.group(group),),
        stance=isk.Stance(stance),
        source=data.source(source),
        quote="words",
    )


def test_disputes_are_denials_rival_readings_and_other_suspects(data: isk.Dataset) -> None:
    coalition_says = _says(data, "US-led coalition")
    # a denial of the group said to have struck (or of a whole it is within)
    denied = _strike(data, coalition_says, _says(data, "US-led coalition", "denied", "004"))
    assert denied.perpetrator_disputed
    assert _strike(
        data, _says(data, "CENTCOM"), _says(data, "US military", "denied")
    ).perpetrator_disputed
    # two readings from different sources, neither within the other: a dispute, both listed
    rival = _strike(data, coalition_says, _says(data, "Syrian government forces", source="004"))
    assert rival.perpetrator_disputed
    assert [g.id for g in rival.perpetrators] == ["us-led-coalition", "syrian-army"]
    # a source that only suspects someone no source says struck
    suspect = _strike(data, coalition_says, _says(data, "Russia", "suspected", "004"))
    assert suspect.perpetrator_disputed
    assert [g.id for g in suspect.perpetrators] == ["us-led-coalition", "russia"]
    # a part of another, from another source: agreement
    agree = _strike(data, _says(data, "US military"), _says(data, "CENTCOM", source="004"))
    assert not agree.perpetrator_disputed
    assert [g.id for g in agree.perpetrators] == ["us-military"]
    # a denial of a group nobody says struck (nor one within it) is no dispute
    other = _strike(data, _says(data, "Turkey"), _says(data, "US-led coalition", "denied"))
    assert not other.perpetrator_disputed
    # a denial never finds a record
    assert [g.id for g in other.attributed] == ["turkey"]


def test_an_addition_can_contest_who_struck_and_the_filed_perpetrator_must_be_named(
    tmp_path: Path,
) -> None:
    folder = tmp_path
    doc = {
        "idlibstrikes": 1,
        "additions": [
            {
                "kind": "strike",
                "id": "2019-08-31-idlib-training-camp",
                "attributions": [
                    {
                        "groups": ["russian-military"],
                        "stance": "suspected",
                        "source": "004_4230a031e6ff8aa2.txt",
                        "quote": "The Russian military on Sunday said",
                    }
                ],
            }
        ],
    }
    path = folder / "more.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    camp = isk.load(path, sources="articles").strike("2019-08-31-idlib-training-camp")
    # an addition of a suspicion: found by it, and now disputed, both readings listed
    assert camp.perpetrator_disputed
    assert [g.id for g in camp.perpetrators] == ["us-military", "russian-military"]
    record = isk.dumps(isk.load(sources="articles")).replace(
        '"perpetrator": "us-military"', '"perpetrator": "turkey"', 1
    )
    assert '"perpetrator": "turkey"' in record
    (folder / "bad.json").write_text(record, encoding="utf-8")
    with pytest.raises(isk.DataError, match="no attribution names this group"):
        isk.load(folder / "bad.json", bundled=False)
