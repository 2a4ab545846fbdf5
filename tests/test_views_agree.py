"""Every view says the same thing (issue L): the API, the command line, the notebook HTML,
the tables and their exports, and the docs' data page, case by case, on the bundled data.

Each test takes one question the issue raised and asks every view of it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html import escape
from pathlib import Path

import pytest

import idlibstrikes as isk
from idlibstrikes import _site
from idlibstrikes._cli import main
from idlibstrikes._html import ceasefire_html, ceasefires_html, strike_html, strikes_html
from idlibstrikes._wording import perpetrators_text, status_text

DAYS = ("2019-08-31", "2019-09-01", "2019-09-05", "2019-09-07", "2021-06-01", "2025-02-15")


def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.delenv("COLUMNS", raising=False)  # piped: one line a row
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def plain(markdown: str) -> str:
    """A Markdown table's text as it reads on the page (brackets are escaped in it)."""
    return markdown.replace("\\[", "[").replace("\\]", "]")


def rows_of_markdown(text: str) -> list[list[str]]:
    return [
        [plain(cell.strip()) for cell in line.strip().strip("|").split(" | ")]
        for line in text.splitlines()[2:]
    ]


# -- 1, 2: a ceasefire is in effect only as far as a dated report shows it ------------------


@pytest.mark.parametrize("day", DAYS)
def test_ceasefire_status_on_a_day(
    data: isk.Dataset,
    day: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    on = data.ceasefires_on(day)
    api = {c.id: on.status(c).value for c in on}
    # the model's own account, day by day, agrees with status_on
    for c in data.ceasefires:
        runs = [r for r in c.statuses() if r.first <= dt.date.fromisoformat(day) <= r.last]
        assert [r.status.value for r in runs] == ([api[c.id]] if c.id in api else []), c.id
    # the command line
    lines = cli(capsys, monkeypatch, "ceasefires", "--on", day).splitlines()[2:]
    assert {line.split()[0]: line.split()[3] for line in lines} == api
    # the notebook's table of a result
    html = ceasefires_html(on)
    for c in on:
        assert f"<td>{escape(c.name)}</td>" in html
        assert f"<td>{api[c.id]}</td>" in html


def test_a_ceasefire_s_end_and_status_read_the_same_everywhere(
    data: isk.Dataset, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    moscow = data.ceasefire("2019-08-31-ceasefire")
    # the end's lower bound is the last day a dated report shows it holding (004, 1 Sep)
    assert (str(moscow.end), moscow.held_until) == ("2019-09-01..2024-12-08", dt.date(2019, 9, 1))
    words = status_text(moscow)
    assert words.startswith("in effect 2019-08-31 to 2019-09-01; may be in effect 2019-09-02")
    rows = {r["id"]: r for r in data.to_records("ceasefires")}
    page = {row[1].strip("`"): row for row in rows_of_markdown(_site.ceasefires_table())}
    shown = cli(capsys, monkeypatch, "show", moscow.id)
    listed = cli(capsys, monkeypatch, "ceasefires")
    for c in data.ceasefires:
        text = status_text(c)
        assert rows[c.id]["status"] == text  # the tables and their exports
        assert rows[c.id]["held_until"] == c.held_until
        assert (rows[c.id]["end_earliest"], rows[c.id]["end_latest"]) == (
            None if c.end is None else c.end.earliest,
            None if c.end is None or c.end.open_end else c.end.latest,
        )
        assert page[c.id][5] == text  # the data page
        assert f"<td>{escape(text)}</td>" in ceasefire_html(c)  # the notebook
        assert text in listed  # the command line's listing
    assert f"status: {words}" in shown


# -- 3: a series is never summed with strikes -----------------------------------------------


def test_no_table_sums_a_series_with_strikes(data: isk.Dataset, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    events = data.casualties(data.strikes_between("2000", "2030"))
    assert events.low == 99  # the single strikes
    frame = data.to_dataframe()
    assert int(frame["deaths_low"].sum()) == events.low
    assert int(sum(r["deaths_low"] or 0 for r in data.to_records())) == events.low
    data.export("csv", tmp_path)
    with (tmp_path / "strikes.csv").open(encoding="utf-8", newline="") as f:
        assert sum(int(r["deaths_low"] or 0) for r in csv.DictReader(f)) == events.low
    with (tmp_path / "series.csv").open(encoding="utf-8", newline="") as f:
        series = list(csv.DictReader(f))
    assert {r["id"] for r in series} == {s.id for s in data.strikes if s.is_series}
    assert "deaths_low" not in series[0]  # their figures never line up with a strike's
    both = pandas.concat([frame, data.to_dataframe("series")])
    assert int(both["deaths_low"].sum()) == events.low
    # a result that holds series gives them apart; its HTML says how many of each
    found = data.strikes_between("2019", include_series=True)
    assert len(found.to_records()) + len(found.to_records("series")) == len(found)
    assert "4 strike(s) and 2 series (never summed with strikes)" in strikes_html(found)


# -- 4, 5: who struck ---------------------------------------------------------------------


def test_who_struck_reads_the_same_everywhere(
    data: isk.Dataset, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = cli(capsys, monkeypatch, "strikes", "--series")
    rows = {r["id"]: r for kind in ("strikes", "series") for r in data.to_records(kind)}
    page = plain(_site.strikes_table() + _site.series_table())
    for s in data.strikes:
        who = perpetrators_text(s)
        assert rows[s.id]["perpetrators"] == tuple(g.name for g in s.perpetrators)
        assert rows[s.id]["perpetrator_disputed"] is s.perpetrator_disputed
        assert f"<th>who struck</th><td>{escape(who)}</td>" in strike_html(s)
        assert f"  {who}  " in listing, s.id
        assert f"| {who} |" in page, s.id
        shown = cli(capsys, monkeypatch, "show", s.id)
        assert f"who struck: {who}" in shown
        for a in s.attributions:  # every attribution, with its words
            assert a.quote in shown
    offensive = data.strike("2019-idlib-offensive")
    assert perpetrators_text(offensive) == "Syrian government forces + Russian military"


# -- 6: reference facts beside every listing -------------------------------------------------


def test_references_stand_beside_the_articles_values_in_every_listing(
    data: isk.Dataset, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = cli(capsys, monkeypatch, "groups")
    page = {row[1].strip("`"): row for row in rows_of_markdown(_site.groups_table())}
    hurras, hts = data.group("Hurras al-Din"), data.group("HTS")
    for g, founded, ended in (
        (hurras, "[reference 2018-02-27, high]", "[reference 2025-01-28, high]"),
        (hts, "[reference 2017-01-28, high]", None),
    ):
        line = next(x for x in listing.splitlines() if x.startswith(g.id + " "))
        assert founded in line
        assert founded in page[g.id][5]
        if ended:
            assert ended in line
            assert ended in page[g.id][6]
        assert {f.id for f in g.references} <= set(
            next(r for r in data.to_records("groups") if r["id"] == g.id)["references"]
        )
    split = "[reference 2016-07-28, corrects the articles, high]"
    hts_line = next(x for x in listing.splitlines() if x.startswith("hts "))
    assert split in hts_line
    assert split in page["hts"][4]
    # a strike's date, with the reference beside the articles' own reading
    jinah = "2017-03-16..2017-03-17 (disputed) (articles: 2017-03-17) [reference 2017-03-16"
    assert jinah in cli(capsys, monkeypatch, "strikes")
    assert jinah in plain(_site.strikes_table())
    assert escape(jinah) in strikes_html(data.strikes_between("2017"))


# -- 7: one outlet label ----------------------------------------------------------------------


def test_one_outlet_label_everywhere(
    data: isk.Dataset, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [s for s in data.sources if not s.is_reference]
    labels = [s.label for s in articles]
    assert labels == [
        "000 The National",
        "001 The National",
        "002 Kurdistan 24",
        "003 Middle East Eye",
        "004 Al Jazeera",
    ]
    camp = data.strike("2019-08-31-idlib-training-camp")
    html = camp._repr_html_()
    assert "Sources: 001 The National, 004 Al Jazeera" in html
    shown = cli(capsys, monkeypatch, "show", camp.id)
    assert "sources: 001 The National, 004 Al Jazeera" in shown
    rows = {r["id"]: r for r in data.to_records()}
    assert rows[camp.id]["outlets"] == ("001 The National", "004 Al Jazeera")
    cited = isk.cite(camp, data=data, accessed="2026-12-07")
    for s in articles:
        outlet = s.label.split(" ", 1)[1]
        assert re.search(rf"\[{s.short_id}\] {re.escape(outlet)}\.", cited) or (
            s.id not in {x.id for x in camp.sources}
        )
    page = {row[0].strip("`"): row for row in rows_of_markdown(_site.sources_table())}
    assert {s.id: page[s.id][1] for s in articles} == {
        s.id: s.label.split(" ", 1)[1] for s in articles
    }
    claims = {r["source"]: r["outlet"] for r in data.to_records("claims")}
    assert claims["001_a3fa68a93635bb6d.txt"] == "The National"


# -- 9, 12: references narrow; one meaning per column ----------------------------------------


def test_admin1_source_names_a_source_in_every_export(data: isk.Dataset, tmp_path: Path) -> None:
    sources = {s.id for s in data.sources}
    data.export("csv", tmp_path)
    for kind in ("strikes", "series"):
        text = (tmp_path / f"{kind}.csv").read_text(encoding="utf-8")
        for row in csv.DictReader(io.StringIO(text, newline="")):
            assert row["admin1_source"] in sources | {""}, row["id"]
