"""The synthetic generator makes valid, deterministic, realistic data of any size."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import idlibstrikes as isk
from idlibstrikes.testing import synthetic


def test_the_same_arguments_give_the_same_data_and_a_new_seed_other_data() -> None:
    assert synthetic.document(300, seed=4) == synthetic.document(300, seed=4)
    assert synthetic.document(300, seed=4) != synthetic.document(300, seed=5)


def test_written_files_load_with_every_quote_found_in_the_article_texts(tmp_path: Path) -> None:
    path = synthetic.write(tmp_path, 400, seed=2, articles=True)
    data = isk.load(path, bundled=False, articles=tmp_path / "articles")
    assert len(data.strikes) == 400
    assert data == synthetic.dataset(400, seed=2)


def test_the_mix_is_realistic() -> None:
    data = synthetic.dataset(2_000, seed=3)
    precision = [s.date.precision for s in data.strikes]
    exact = precision.count(isk.DatePrecision.DAY) / len(precision)
    assert 0.45 < exact < 0.75  # most dates are days; the rest are ranges of every width
    assert {isk.DatePrecision.WEEK, isk.DatePrecision.MONTH, isk.DatePrecision.YEAR} <= set(
        precision
    )
    assert any(len(s.sources) > 1 for s in data.strikes)  # some strikes have two sources
    assert any(c.high is None for s in data.strikes for c in s.claims)  # "at least N"
    assert any(g.affiliations for g in data.groups)
    assert data.strikes[0].date.earliest >= dt.date(2014, 1, 1)
    assert data.strikes[-1].date.latest <= dt.date(2026, 12, 31)
    assert all("FICTIONAL" in s.note for s in data.strikes)


@pytest.mark.parametrize("n", [0, 1, 19, 20, 21])
def test_edge_sizes(n: int) -> None:
    assert len(synthetic.dataset(n).strikes) == n


def test_too_small_a_world_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 6 groups"):
        synthetic.document(10, groups=3)
    with pytest.raises(ValueError, match="zero or more"):
        synthetic.document(-1)
