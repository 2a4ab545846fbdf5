"""Bad data raises DataError naming the file, the record, the field and the problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk

A2 = "002_0d9037507fd83edc.txt"


def write(tmp_path: Path, **kinds: Any) -> Path:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"idlibstrikes": 1, **kinds}), encoding="utf-8")
    return path


def strike(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "my-strike",
        "description": "A test strike",
        "date_claims": [
            {
                "date": {"text": "June 30, 2019", "span": "2019-06-30"},
                "source": A2,
                "quote": "on June 30, 2019",
            }
        ],
        "place": "rif-al-muhandisin",
        "perpetrator": "us-military",
        "targets": ["hurras-al-din"],
        "claims": [
            {
                "victims": "commanders",
                "low": 8,
                "high": 8,
                "source": A2,
                "quote": "killing eight commanders",
            }
        ],
    }
    record.update(overrides)
    return record


def problems(tmp_path: Path, **kinds: Any) -> list[isk.Problem]:
    path = write(tmp_path, **kinds)
    with pytest.raises(isk.DataError) as info:
        isk.load(path)
    assert isinstance(info.value, ValueError)
    for problem in info.value.problems:
        assert problem.file == str(path)
    return list(info.value.problems)


def only(found: list[isk.Problem]) -> isk.Problem:
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_a_valid_user_file_adds_a_strike(tmp_path: Path) -> None:
    data = isk.load(write(tmp_path, strikes=[strike()]))
    assert data is not isk.load()
    assert data.strike("my-strike").targets[0].id == "hurras-al-din"
    assert len(data.strikes) == len(isk.load().strikes) + 1


def test_duplicate_id(tmp_path: Path) -> None:
    p = only(problems(tmp_path, strikes=[strike(id="2019-06-30-rif-al-muhandisin")]))
    assert (p.record, p.field) == ("2019-06-30-rif-al-muhandisin", "id")
    assert "duplicate strike id" in p.message


def test_unknown_reference_suggests_ids(tmp_path: Path) -> None:
    p = only(problems(tmp_path, strikes=[strike(perpetrator="us-militar")]))
    assert (p.record, p.field) == ("my-strike", "perpetrator")
    assert p.message == "unknown group id"
    assert p.expected is not None
    assert "'us-military'" in p.expected


def test_low_above_high(tmp_path: Path) -> None:
    claim = {"victims": "all", "low": 9, "high": 4, "source": A2, "quote": "x"}
    p = only(problems(tmp_path, strikes=[strike(claims=[claim])]))
    assert (p.record, p.field) == ("my-strike", "claims[0]")
    assert "low (9) is greater than high (4)" in p.message


def test_negative_count(tmp_path: Path) -> None:
    claim = {"victims": "all", "low": -1, "high": 4, "source": A2, "quote": "x"}
    p = only(problems(tmp_path, strikes=[strike(claims=[claim])]))
    assert (p.record, p.field) == ("my-strike", "claims[0].low")
    assert "must not be negative" in p.message


def test_earliest_after_latest(tmp_path: Path) -> None:
    date = {"text": "x", "earliest": "2019-07-01", "latest": "2019-06-01", "reasoning": "test"}
    claims = [{"date": date, "source": A2, "quote": "x"}]
    p = only(problems(tmp_path, strikes=[strike(date_claims=claims)]))
    assert (p.record, p.field) == ("my-strike", "date_claims[0].date")
    assert "is after latest" in p.message


def test_impossible_date(tmp_path: Path) -> None:
    claims = [{"date": {"text": "x", "span": "2019-02-30"}, "source": A2, "quote": "x"}]
    p = only(problems(tmp_path, strikes=[strike(date_claims=claims)]))
    assert (p.record, p.field) == ("my-strike", "date_claims[0].date")
    assert "bad date" in p.message


def test_ceasefire_ending_before_it_starts(tmp_path: Path) -> None:
    ceasefire = {
        "id": "my-truce",
        "name": "A truce",
        "start_claims": [{"date": {"text": "x", "span": "2019-08-10"}, "source": A2, "quote": "x"}],
        "end_claims": [{"date": {"text": "x", "span": "2019-08-01"}, "source": A2, "quote": "x"}],
    }
    p = only(problems(tmp_path, ceasefires=[ceasefire]))
    assert p.record == "my-truce"
    assert "before it starts" in p.message


def test_strike_on_a_group_before_it_was_founded(tmp_path: Path) -> None:
    claims = [{"date": {"text": "x", "span": "2016-05"}, "source": A2, "quote": "x"}]
    p = only(problems(tmp_path, strikes=[strike(date_claims=claims)]))
    assert (p.record, p.field) == ("my-strike", "targets[0]")
    assert "before hurras-al-din was founded" in p.message


def test_empty_quote(tmp_path: Path) -> None:
    claim = {"victims": "all", "low": 1, "high": 1, "source": A2, "quote": "  "}
    p = only(problems(tmp_path, strikes=[strike(claims=[claim])]))
    assert (p.record, p.field) == ("my-strike", "claims[0].quote")
    assert "must not be empty" in p.message


def test_wrong_type_is_not_coerced(tmp_path: Path) -> None:
    claim = {"victims": "all", "low": "3", "high": True, "source": A2, "quote": "x"}
    found = problems(tmp_path, strikes=[strike(claims=[claim])])
    assert sorted(p.field or "" for p in found) == ["claims[0].high", "claims[0].low"]
    assert all("wrong type" in p.message for p in found)


def test_unknown_field_is_a_typo(tmp_path: Path) -> None:
    p = only(problems(tmp_path, strikes=[strike(perpertrator="us-military")]))
    assert (p.record, p.field) == ("my-strike", "perpertrator")
    assert "unknown field" in p.message


def test_missing_field(tmp_path: Path) -> None:
    record = strike()
    del record["place"]
    p = only(problems(tmp_path, strikes=[record]))
    assert (p.record, p.field) == ("my-strike", "place")
    assert p.message == "missing required field"


def test_every_problem_at_once(tmp_path: Path) -> None:
    claim = {"victims": "everyone", "low": 9, "high": 4, "source": "nope.txt", "quote": "x"}
    found = problems(tmp_path, strikes=[strike(place="atlantis", claims=[claim])])
    assert sorted(p.field or "" for p in found) == [
        "claims[0].source",
        "claims[0].victims",
        "place",
    ]


def test_affiliation_cycle(tmp_path: Path) -> None:
    def group(ident: str, other: str) -> dict[str, Any]:
        return {
            "id": ident,
            "name": ident.upper(),
            "kind": "militant",
            "affiliations": [{"other": other, "relation": "ally_of", "source": A2, "quote": "x"}],
        }

    found = problems(tmp_path, groups=[group("aa", "bb"), group("bb", "aa")])
    assert any("cycle" in p.message and p.field == "affiliations" for p in found)


def test_an_alias_may_not_name_two_groups(tmp_path: Path) -> None:
    group = {"id": "my-group", "name": "My group", "kind": "militant", "aliases": ["HTS"]}
    p = only(problems(tmp_path, groups=[group]))
    assert p.record == "my-group"
    assert "'HTS' is also a name of group 'hts'" in p.message


def test_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "idlibstrikes": 1,\n  "strikes": [\n}\n', encoding="utf-8")
    with pytest.raises(isk.DataError) as info:
        isk.load(path)
    p = only(list(info.value.problems))
    assert (p.file, p.line) == (str(path), 4)
    assert "not valid JSON" in p.message


def test_problem_text_says_where(tmp_path: Path) -> None:
    path = write(tmp_path, strikes=[strike(place="atlantis")])
    with pytest.raises(isk.DataError, match=r"mine\.json: my-strike\.place: unknown place id"):
        isk.load(path)


def test_the_bundled_data_is_untouched_by_a_user_load(tmp_path: Path) -> None:
    before = isk.load()
    isk.load(write(tmp_path, strikes=[strike()]))
    assert isk.load() is before
    assert "my-strike" not in {s.id for s in before.strikes}
