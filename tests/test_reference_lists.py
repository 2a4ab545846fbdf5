"""The reference lists, event by event and row by row, against the bundled record.

The lists (``shared/reference/reported-*.md``) are the material the reported strikes were
encoded from: every row of every event's table is a reference fact about that event, its
``field`` the row's first cell and its ``value`` the row's value cell, character for
character. Skipped, with the reason, where the folder is not beside the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import idlibstrikes as isk

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
LISTS = ("reported-2014-2019.md", "reported-2020-2026.md", "reported-addendum.md")

pytestmark = pytest.mark.skipif(
    not all((REFERENCE / name).is_file() for name in LISTS),
    reason=f"the reference lists are not at {REFERENCE} (../shared beside the repository)",
)

_EVENT = re.compile(r"^#{2,3} (R\d+|RC\d+)\b")


def _cells(line: str) -> list[str]:
    return [c.strip().replace("**", "") for c in line.strip().strip("|").split(" | ")]


def _rows(text: str) -> dict[str, tuple[str, str, str]]:
    """Every event row and corrections row: id -> (event, field, value)."""
    rows: dict[str, tuple[str, str, str]] = {}
    event, n, corrections = None, 0, False
    for line in text.splitlines():
        heading = _EVENT.match(line)
        if heading:
            event, n, corrections = heading.group(1), 0, False
            continue
        if line.startswith("## "):
            event, n = None, 0
            corrections = line.startswith("## Corrections and additions")
            continue
        if not line.startswith("| ") or set(line) <= set("|- "):
            continue
        cells = _cells(line)
        if cells[0] in ("fact", "event id"):
            continue  # a table's header
        if event is not None:
            n += 1
            rows[f"{event.lower()}-{n}"] = (event, cells[0], cells[1])
        elif corrections:
            n += 1
            rows[f"add-{n}"] = (cells[0], cells[1], cells[2])
    return rows


@pytest.fixture(scope="module")
def listed() -> dict[str, tuple[str, str, str]]:
    rows: dict[str, tuple[str, str, str]] = {}
    for name in LISTS:
        rows |= _rows((REFERENCE / name).read_text(encoding="utf-8"))
    return rows


def test_every_event_of_the_lists_is_a_strike(listed: dict[str, tuple[str, str, str]]) -> None:
    events = {event for ident, (event, _, _) in listed.items() if not ident.startswith("add-")}
    data = isk.load()
    have = {s.listed for s in data.strikes if s.listed and not s.is_series}
    assert len(events) == 55  # R01-R53, RC1, RC2
    assert events - have == set()
    assert have - events == set()


def test_every_row_is_a_fact_as_the_list_words_it(listed: dict[str, tuple[str, str, str]]) -> None:
    data = isk.load()
    facts = {f.id: f for f in data.references}
    missing = sorted(set(listed) - set(facts), key=lambda k: (len(k), k))
    assert missing == []
    wrong = [
        (ident, facts[ident].field, facts[ident].value)
        for ident, (_, field, value) in listed.items()
        if (facts[ident].field, facts[ident].value) != (field, value)
    ]
    assert wrong == []


def test_each_event_row_is_about_its_strike(listed: dict[str, tuple[str, str, str]]) -> None:
    data = isk.load()
    by_listed = {s.listed: s for s in data.strikes if s.listed and not s.is_series}
    for ident, (event, _, _) in listed.items():
        if ident.startswith("add-"):
            continue
        fact = data.reference(ident) if hasattr(data, "reference") else None
        fact = fact or next(f for f in data.references if f.id == ident)
        assert fact.subject == by_listed[event].id, ident


def test_a_report_claim_is_never_quoted() -> None:
    data = isk.load()
    reported = [
        c
        for s in data.strikes
        for c in (*s.claims, *s.date_claims, *s.attributions, *s.citations)
        if c.source.is_report
    ]
    assert len(reported) > 300
    assert all(c.quote == "" and c.row is not None for c in reported)
    assert all(c.row.source is c.source or c.source in c.row.also for c in reported)


def test_the_articles_alone_are_the_data_before_the_lists() -> None:
    # not skipped: it needs no ../shared. The five articles' data are data/*.json, unchanged
    # by the lists (data/reported/), and load(sources="articles") is exactly them.
    data = Path(isk.__file__).parent / "data"
    articles = isk.load(sources="articles")
    assert articles == isk.load(*sorted(data.glob("*.json")), bundled=False)
    assert repr(articles) == "<Dataset: 7 strikes, 4 series, 3 ceasefires, 43 groups, 5 articles>"
    assert (len(articles.sources), len(articles.references), len(articles.people)) == (36, 37, 13)
    assert not any(s.is_report for s in articles.sources)
    whole = isk.load()
    ids = {s.id for s in whole.strikes}
    assert {s.id for s in articles.strikes} <= ids
    assert sum(bool(s.listed) for s in whole.strikes) == 55 + 5  # the events and the series
    # the whole record only adds: every article strike keeps its claims, quoted
    for strike in articles.strikes:
        assert whole.strike(strike.id).claims == strike.claims


def test_confidence_narrows_queries_and_tolls_but_keeps_the_articles() -> None:
    data = isk.load()
    had = data.strikes_by_group("Hurras al-Din")
    high = data.strikes_by_group("Hurras al-Din", min_confidence="high")
    assert (len(had), len(high)) == (19, 15)
    assert {s.id for s in had if s.confidence is None} <= {s.id for s in high}
    everything = data.casualties(had)
    graded = data.casualties(had, min_confidence="high")
    assert (everything.low, everything.high) == (78, 107)
    assert (graded.low, graded.high) == (84, 101)
    with pytest.raises(LookupError, match="did you mean: 'medium'"):
        data.casualties(had, min_confidence="meduim")
