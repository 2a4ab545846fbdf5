"""The site's figures and notebook tables, as _site.py frames them for narrow screens."""

from __future__ import annotations

import html
import re

import pytest

import idlibstrikes as isk
from idlibstrikes import _site

pytest.importorskip("matplotlib")


def _box(framed: str) -> tuple[float, float]:
    found = re.match(
        r'<figure class="isk-figure" style="--isk-natural: (\d+)px; --isk-legible: (\d+)px">',
        framed,
    )
    assert found is not None, framed[:200]
    return float(found[1]), float(found[2])


@pytest.mark.parametrize("name", ["timeline", "map"])
def test_a_figure_is_never_narrower_than_its_smallest_text_allows(name: str) -> None:
    framed = _site.figure(name, isk.load(sources="articles"))
    natural, legible = _box(framed)
    svg = framed[framed.index("<svg") :]
    width_pt = float(re.search(r'width="([0-9.]+)pt"', svg)[1])  # type: ignore[index]
    sizes_pt = [float(s) for s in re.findall(r"font-size: ([0-9.]+)px", svg)]
    assert len(sizes_pt) > 20  # its text is text (svg.fonttype none), so it can be measured
    assert natural == pytest.approx(width_pt * 96 / 72, abs=1)
    # at the legible width, the smallest text is LEGIBLE_PX CSS px
    smallest = min(sizes_pt) / width_pt * legible
    assert _site.LEGIBLE_PX <= smallest < _site.LEGIBLE_PX + 0.05
    assert framed.endswith("</svg>\n</figure>")


def test_a_cells_figure_is_an_image_in_the_same_box() -> None:
    fig = isk.timeline(isk.load(sources="articles"))
    shown = _site._displayed(fig)
    natural, legible = _box(shown)
    assert natural > legible > 1000  # the timeline is 14 inches wide: it scrolls on a phone
    assert re.search(r'<img alt="Strikes by date[^"]*" src="data:image/svg\+xml;base64,', shown)


def test_a_displays_table_labels_each_cell_with_its_column() -> None:
    data = isk.load(sources="articles")
    strikes = data.strikes_by_group("Hurras al-Din")
    shown = _site._displayed(strikes)
    assert '<table class="isk-rows">' in shown
    head = re.findall(r"<th>(.*?)</th>", shown)
    assert head == ["date", "by", "place", "targets", "deaths", "sources"]
    rows = re.findall(r"<tr>(<td.*?)</tr>", shown)
    assert len(rows) == len(strikes) == 4
    for row in rows:
        assert re.findall(r'<td data-label="([^"]*)">', row) == head
    # the deaths, under their column's name, as the table gives them
    assert '<td data-label="deaths">6-8+ (disputed)</td>' in shown
    # a table of names and values (no header row) is left as it is
    group = _site._displayed(data.group("HTS"))
    assert "data-label" not in group.split("<thead>")[0]
    assert html.unescape(group).count("<th>kind</th><td>militant</td>") == 1
