"""One statement, one announcement, however many articles report it (issue L, 8)."""

from __future__ import annotations

import itertools
import re

import idlibstrikes as isk
from idlibstrikes._strikes import nested


def _runs(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_statement_is_recorded_twice(data: isk.Dataset) -> None:
    # Two announcements about the same record, by the same announcer (or one within the
    # other), whose reports share three words in a row, are one statement told twice.
    for a, b in itertools.combinations(data.announcements, 2):
        if a.about != b.about or (a.announcer is None) != (b.announcer is None):
            continue
        apart = a.announcer is not None and b.announcer is not None
        if apart and not nested(a.announcer, b.announcer):  # type: ignore[arg-type]
            continue
        shared = set().union(*map(_runs, (r.quote for r in a.reports))) & set().union(
            *map(_runs, (r.quote for r in b.reports))
        )
        assert not shared, (a.id, b.id, sorted(shared)[:3])


def test_each_statement_the_issue_names_is_one_announcement_with_its_reports(
    data: isk.Dataset,
) -> None:
    camp = data.strike("2019-08-31-idlib-training-camp")
    by_id = {a.id: a for a in data.announcements}
    expected = {
        # CENTCOM on the camp strike: 004 "on Saturday", 001 undated
        "2019-08-31-centcom-statement": (["004", "001"], "2019-08-31"),
        # SANA: the government agreed, and the army "reserves the right to respond"
        "ann-sana-ceasefire-statement": (["004", "004", "001"], "2019-08-31"),
        # TASS: no advance warning to Russia or Turkey
        "ann-tass-no-advance-warning": (["004", "001"], "2019-08-31..2019-09-01"),
        # Sam Heller to AFP: "an operational pause"
        "ann-heller-ceasefire-operational-pause": (["004", "001"], "..2019-09-01"),
        # the Russian military: the raid endangered the ceasefire (001: "Russia")
        "ann-russian-military-raid-endangered-ceasefire": (["004", "001"], "2019-09-01"),
    }
    for ident, (sources, day) in expected.items():
        statement = by_id[ident]
        assert [r.source.short_id for r in statement.reports] == sources, ident
        assert str(statement.date) == day, ident
    assert (
        sum(a.announcer is not None and a.announcer.id == "centcom" for a in camp.announcements)
        == 1
    )
    # the same holds as before for the 30 June statement, in four articles
    [june] = [
        a
        for a in data.strike("2019-06-30-rif-al-muhandisin").announcements
        if a.announcer is not None and a.announcer.id == "centcom"
    ]
    assert [s.short_id for s in june.sources] == ["002", "003", "001", "004"]
