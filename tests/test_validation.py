"""Bad data raises DataError naming the file, the record, the field and the problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
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
        isk.load(path, sources="articles")
    assert isinstance(info.value, ValueError)
    for problem in info.value.problems:
        assert problem.file == str(path)
    return list(info.value.problems)


def only(found: list[isk.Problem]) -> isk.Problem:
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_a_valid_user_file_adds_a_strike(tmp_path: Path) -> None:
    data = isk.load(write(tmp_path, strikes=[strike()]), sources="articles")
    assert data is not isk.load(sources="articles")
    assert data.strike("my-strike").targets[0].id == "hurras-al-din"
    assert len(data.strikes) == len(isk.load(sources="articles").strikes) + 1


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
    assert (p.record, p.field) == ("my-strike", "claims[0].high")
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
    assert (p.record, p.field) == ("my-strike", "date_claims[0].date.latest")
    assert "is before earliest" in p.message


def test_impossible_date(tmp_path: Path) -> None:
    claims = [{"date": {"text": "x", "span": "2019-02-30"}, "source": A2, "quote": "x"}]
    p = only(problems(tmp_path, strikes=[strike(date_claims=claims)]))
    assert (p.record, p.field) == ("my-strike", "date_claims[0].date.span")
    assert "bad date" in p.message


@pytest.mark.parametrize("key", ["year", "month", "day"])
def test_a_zero_in_a_relative_date_is_refused_not_ignored(tmp_path: Path, key: str) -> None:
    # relativedelta ignores a 0: the date would silently be the anchor's own
    date = {"text": "x", "relative": {key: 0}, "anchor": A2}
    claims = [{"date": date, "source": A2, "quote": "x"}]
    p = only(problems(tmp_path, strikes=[strike(date_claims=claims)]))
    assert (p.record, p.field) == ("my-strike", "date_claims[0].date")
    assert f"relative-date key '{key}' is 0" in p.message
    assert "leave the key out" in p.message


@pytest.mark.parametrize("key", ["span", "anchor", "reasoning"])
def test_a_key_a_date_needs_given_as_null_is_missing(tmp_path: Path, key: str) -> None:
    date = {
        "span": {"text": "x", "span": None},
        "anchor": {"text": "x", "relative": {"days": -1}, "anchor": None},
        "reasoning": {"text": "x", "earliest": "2019-06-01", "reasoning": None},
    }[key]
    claims = [{"date": date, "source": A2, "quote": "x"}]
    p = only(problems(tmp_path, strikes=[strike(date_claims=claims)]))
    assert p.record == "my-strike"
    assert (p.field or "").startswith("date_claims[0].date")


def test_a_null_is_a_key_left_out_in_a_date_and_an_announcement(tmp_path: Path) -> None:
    date = {"text": "June 30", "span": "2019-06-30", "earliest": None, "latest": None}
    claims = [{"date": date, "source": A2, "quote": "on June 30, 2019"}]
    announcement = {
        "id": "my-statement",
        "summary": "A statement.",
        "reports": [{"date": date, "source": A2, "quote": "on June 30, 2019"}],
        "date": None,
        "source": None,
        "quote": None,
    }
    data = isk.load(
        write(tmp_path, strikes=[strike(date_claims=claims)], announcements=[announcement]),
        sources="articles",
    )
    assert str(data.strike("my-strike").date) == "2019-06-30"


def test_an_anchor_is_read_in_every_form_of_date(tmp_path: Path) -> None:
    date = {"text": "June 30", "span": "2019-06-30", "anchor": 7}
    claims = [{"date": date, "source": A2, "quote": "on June 30, 2019"}]
    p = only(problems(tmp_path, strikes=[strike(date_claims=claims)]))
    assert (p.record, p.field) == ("my-strike", "date_claims[0].date.anchor")
    assert "wrong type" in p.message


def test_ceasefire_ending_before_it_starts(tmp_path: Path) -> None:
    ceasefire = {
        "id": "my-truce",
        "name": "A truce",
        "start_claims": [{"date": {"text": "x", "span": "2019-08-10"}, "source": A2, "quote": "x"}],
        "end_claims": [{"date": {"text": "x", "span": "2019-08-01"}, "source": A2, "quote": "x"}],
    }
    p = only(problems(tmp_path, ceasefires=[ceasefire]))
    assert (p.record, p.field) == ("my-truce", "end_claims")
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
        "claims[0].high",
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
        isk.load(path, sources="articles")
    p = only(list(info.value.problems))
    assert (p.file, p.line) == (str(path), 4)
    assert "not valid JSON" in p.message


def test_problem_text_says_where(tmp_path: Path) -> None:
    path = write(tmp_path, strikes=[strike(place="atlantis")])
    with pytest.raises(isk.DataError, match=r"mine\.json:1: my-strike\.place: unknown place id"):
        isk.load(path, sources="articles")


def test_the_bundled_data_is_untouched_by_a_user_load(tmp_path: Path) -> None:
    before = isk.load(sources="articles")
    isk.load(write(tmp_path, strikes=[strike()]), sources="articles")
    assert isk.load(sources="articles") is before
    assert "my-strike" not in {s.id for s in before.strikes}


# -- additions: user files adding to bundled records -----------------------------------


def test_an_addition_extends_a_bundled_strike(tmp_path: Path) -> None:
    addition = {
        "kind": "strike",
        "id": "2019-06-30-rif-al-muhandisin",
        "claims": [{"victims": "all", "low": 7, "high": 7, "source": A2, "quote": "x"}],
    }
    data = isk.load(write(tmp_path, additions=[addition]), sources="articles")
    june = data.strike("2019-06-30-rif-al-muhandisin")
    assert len(june.claims) == len(isk.load(sources="articles").strike(june.id).claims) + 1
    # 7 dead in all, against the same outlet's eight commanders: a dispute, spanned
    c = data.casualties([june])
    assert (c.low, c.high, c.disputed) == (7, 8, True)
    assert (
        len(isk.load(sources="articles").strike(june.id).claims) == 4
    )  # the bundled record is unchanged


def test_an_addition_extends_a_bundled_group(tmp_path: Path) -> None:
    addition = {
        "kind": "group",
        "id": "hurras-al-din",
        "aliases": ["Tanzim Hurras al-Din"],
        "citations": [{"about": "aliases", "source": A2, "quote": "Hurras al-Din"}],
    }
    data = isk.load(write(tmp_path, additions=[addition]), sources="articles")
    assert data.group("tanzim hurras al din").id == "hurras-al-din"
    # strikes hold the extended group, not a stale copy
    assert "Tanzim Hurras al-Din" in data.strike("2025-02-15-urum-al-jawz").targets[0].aliases


def test_a_problem_in_an_addition_names_the_users_file(tmp_path: Path) -> None:
    addition = {
        "kind": "strike",
        "id": "2019-06-30-rif-al-muhandisin",
        "claims": [{"victims": "all", "low": "7", "high": 7, "source": A2, "quote": "x"}],
        "targets": ["hurras-al-dinn"],
    }
    found = problems(tmp_path, additions=[addition])
    assert sorted((p.record, p.field) for p in found) == [
        ("2019-06-30-rif-al-muhandisin", "additions[0].claims[0].low"),
        ("2019-06-30-rif-al-muhandisin", "additions[0].targets[0]"),
    ]


def test_an_addition_must_name_an_existing_record(tmp_path: Path) -> None:
    p = only(
        problems(tmp_path, additions=[{"kind": "strike", "id": "no-such-strike", "claims": []}])
    )
    assert (p.record, p.field) == ("no-such-strike", "additions[0].id")
    assert "unknown strike id" in p.message


def test_an_addition_may_not_change_a_records_place(tmp_path: Path) -> None:
    p = only(
        problems(
            tmp_path, additions=[{"kind": "strike", "id": "2017-03-al-jinah", "place": "idlib"}]
        )
    )
    assert (p.record, p.field) == ("2017-03-al-jinah", "additions[0].place")
    assert "unknown field" in p.message


# -- quotes checked against the article texts ---------------------------------------------


def test_a_quote_not_in_its_article(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "mine.txt").write_text(
        "The monitor said   at least\u00a0five died.\n", encoding="utf-8"
    )
    source = {
        "id": "mine.txt",
        "kind": "article",
        "article": "mine.txt",
        "published": {"text": "x", "span": "2019-09-01"},
    }
    good = strike(
        claims=[
            {
                "victims": "all",
                "low": 5,
                "high": None,
                "source": "mine.txt",
                "quote": "at least five died",
            }
        ]
    )
    assert isk.load(
        write(tmp_path, sources=[source], strikes=[good]),
        articles=articles,
        sources="articles",
    )
    bad = strike(
        claims=[
            {
                "victims": "all",
                "low": 6,
                "high": None,
                "source": "mine.txt",
                "quote": "at least six died",
            }
        ]
    )
    path = write(tmp_path, sources=[source], strikes=[bad])
    with pytest.raises(isk.DataError) as info:
        isk.load(path, articles=articles, sources="articles")
    p = only(list(info.value.problems))
    assert (p.file, p.record, p.field) == (str(path), "my-strike", "claims[0].quote")
    assert "not in the article" in p.message
    assert isk.load(path, sources="articles")  # without the texts, quotes cannot be checked


def test_the_bundled_quotes_pass_the_article_check() -> None:
    from .conftest import ARTICLES

    if not ARTICLES.is_dir():
        pytest.skip(f"the articles folder {ARTICLES} is absent")
    assert isk.load(articles=ARTICLES, sources="articles") == isk.load(sources="articles")


def test_a_missing_articles_folder(tmp_path: Path) -> None:
    with pytest.raises(isk.DataError, match="the articles folder does not exist"):
        isk.load(articles=tmp_path / "nowhere", sources="articles")


# -- files that are not data ------------------------------------------------------------------


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"idlibstrikes": 1,\n "groups": [{"id": "x", "name": "Caf\xe9"}]}')
    with pytest.raises(isk.DataError) as info:
        isk.load(path, sources="articles")
    p = only(list(info.value.problems))
    assert (p.file, p.line) == (str(path), 2)
    assert "not UTF-8" in p.message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"  \n")
    with pytest.raises(isk.DataError, match="the file is empty"):
        isk.load(path, sources="articles")


def test_nesting_deep_enough_to_exhaust_the_parser(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"idlibstrikes": 1, "strikes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(isk.DataError) as info:
        isk.load(path, sources="articles")
    assert "nesting too deep" in only(list(info.value.problems)).message


def test_wrong_format_version(tmp_path: Path) -> None:
    path = tmp_path / "v2.json"
    path.write_text('{"idlibstrikes": 2}')
    with pytest.raises(isk.DataError) as info:
        isk.load(path, sources="articles")
    p = only(list(info.value.problems))
    assert (p.field, p.found, p.expected) == ("idlibstrikes", "2", "1")


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(isk.DataError, match="cannot read the file"):
        isk.load(tmp_path / "nope.json", sources="articles")


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_problems_carry_the_line_of_their_field() -> None:
    with pytest.raises(isk.DataError) as info:
        isk.load(
            EXAMPLES / "broken-article.json", articles=EXAMPLES / "articles", sources="articles"
        )
    claims = "additions[0].claims"
    assert [(p.line, p.record, p.field) for p in info.value.problems] == [
        (26, "example-local-monitor", "citations[0].qoute"),
        (23, "example-local-monitor", "citations[0].quote"),  # missing: the object's line
        (38, "2019-08-31-idlib-training-camp", f"{claims}[0].low"),
        (40, "2019-08-31-idlib-training-camp", f"{claims}[0].claimant"),
        (50, "2019-08-31-idlib-training-camp", f"{claims}[1].quote"),
        (47, "2019-08-31-idlib-training-camp", f"{claims}[1].high"),  # across fields
    ]
    lines = (EXAMPLES / "broken-article.json").read_text(encoding="utf-8").splitlines()
    assert '"qoute"' in lines[25]
    assert '"high": 3' in lines[46]


def test_a_record_line_in_a_multi_line_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    doc = {"idlibstrikes": 1, "strikes": [strike(), strike(id="second", perpetrator="nobody")]}
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    with pytest.raises(isk.DataError) as info:
        isk.load(path, sources="articles")
    p = only(list(info.value.problems))
    assert (p.record, p.field) == ("second", "perpetrator")
    assert p.line is not None
    assert '"perpetrator": "nobody"' in path.read_text(encoding="utf-8").splitlines()[p.line - 1]


def test_strikes_given_by_hand_with_one_id_are_refused_at_once(tmp_path: Path) -> None:
    from idlibstrikes import _queries

    data = isk.load(sources="articles")
    first = data.strikes[0]
    twin = attrs.evolve(data.strikes[1], id=first.id.upper())  # the same name, spelt apart
    with pytest.raises(isk.DataError, match=f"the name {twin.id!r} is also a name of strike") as e:
        attrs.evolve(data, strikes=(*data.strikes, twin))
    assert len(e.value.problems) == 1  # reported once
    # a loaded dataset's strikes were checked by the loader: their index waits for a look-up
    assert data.strike(first.id.upper()) is first
    assert problems(tmp_path, strikes=[{"id": first.id}])
    assert _queries._LOADING.checked is False  # reset, even after a failed load
