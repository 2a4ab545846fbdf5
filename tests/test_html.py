"""Notebook display: HTML tables with sources, short reprs."""

from __future__ import annotations

from html import escape

import idlibstrikes as isk


def test_a_strike_shows_every_claim_with_its_source_and_quote(data: isk.Dataset) -> None:
    strike = data.strike("2017-03-al-jinah")
    html = strike._repr_html_()
    for claim in strike.claims:
        assert f"<td>{escape(claim.quote)}</td>" in html
        # a source shows as its short id and outlet, not its file name
        assert f"<td>{claim.source.label}</td>" in html
        assert claim.source.id not in html
    deaths = data.casualties([strike]).per_strike[0]
    # facts; who struck, source by source; the accounts behind the deaths; the claims; the
    # reference facts: each with a header
    rows = 7 + (1 + len(strike.attributions)) + (1 + len(deaths.accounts))
    rows += (1 + len(strike.claims)) + (1 + len(strike.references))
    assert html.count("<tr>") == rows
    for a in strike.attributions:  # 002's "the US", 003's "a US-led strike"
        assert f"<td>{escape(a.quote)}</td>" in html
    assert "<th>deaths (all victims)</th><td>49</td>" in html
    assert "reference, corrects, high: date 2017-03-16" in html
    assert "2017-03-16..2017-03-17 (On March 17, 2017; In March 2017; disputed)" in html
    assert html.endswith("Sources: 002 Kurdistan 24, 003 Middle East Eye</small></p>")
    assert data.source("002").label == "002 Kurdistan 24"


def test_text_is_escaped(data: isk.Dataset) -> None:
    html = data.group("HTS")._repr_html_()
    assert "Hay&#x27;at Tahrir al-Sham" in html
    assert "Hay'at" not in html


def test_query_results_are_tuples_that_show_as_tables(data: isk.Dataset) -> None:
    found = data.strikes_between("2019-08-31")
    assert isinstance(found, isk.Strikes)
    assert found == tuple(found)
    assert found[1] in found
    assert found.index(found[1]) == 1
    assert hash(found) == hash(tuple(found))
    assert hash(found) == hash(tuple(found))
    html = found._repr_html_()
    assert html.count("<tr>") == len(found) + 1
    assert "<caption>2 strike(s)</caption>" in html  # single strikes unless asked for series
    both = data.strikes_between("2019-08-31", include_series=True)._repr_html_()
    assert "<caption>2 strike(s) and 1 series (never summed with strikes)</caption>" in both
    assert "<td>series 2019-04-21..2019-08-31</td>" in both
    on = data.ceasefires_on("2019-08-31")
    assert isinstance(on, isk.Ceasefires)
    assert "Moscow-backed Idlib ceasefire of 31 August 2019" in on._repr_html_()
    later = data.ceasefires_on("2025-02-15")._repr_html_()
    assert "<td>unknown</td>" in later


def test_casualties_and_the_dataset_show_as_tables(data: isk.Dataset) -> None:
    had = data.strikes_by_group("Hurras al-Din")
    html = data.casualties(had, victims="commanders")._repr_html_()
    assert (
        "<caption>48-50+ commanders killed in 4 strike(s) with figures; 0 without; "
        "the sources disagree on 1</caption>" in html
    )
    assert data._repr_html_().startswith("<p>idlibstrikes dataset: 7 strikes, 4 series, 43 groups")


def test_reprs_are_short(data: isk.Dataset) -> None:
    for record in (*data.strikes, *data.groups, *data.ceasefires, data):
        assert len(repr(record)) < 300, type(record)
    assert repr(data.strike("2025-02-15-urum-al-jawz")).startswith(
        "<Strike 2025-02-15-urum-al-jawz"
    )


def test_long_results_show_their_first_rows_and_say_how_many_more() -> None:
    from idlibstrikes._html import MAX_ROWS
    from idlibstrikes.testing import synthetic

    data = synthetic.dataset(2000, seed=5)
    found = data.strikes_between("2014", "2025")
    html = found._repr_html_()
    assert html.count("<tr>") == 1 + MAX_ROWS + 1  # header, rows, the "more" row
    assert f"… {len(found) - MAX_ROWS:,} more strike(s) and series not shown" in html
    assert len(data._repr_html_()) < 20_000  # a 20,000-strike dataset was 3.6 MB
    table = data.table("claims")._repr_html_()
    assert f"… {len(data.table('claims')) - MAX_ROWS:,} more row(s) not shown" in table
    on = data.ceasefires_on("2019")
    assert on._repr_html_().count("<tr>") == 1 + min(len(on), MAX_ROWS) + (len(on) > MAX_ROWS)
    small = isk.load(sources="articles").strikes_by_group("Hurras al-Din")._repr_html_()
    assert "not shown" not in small
