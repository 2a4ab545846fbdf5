"""Writing data and reading it back gives an equal dataset."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import idlibstrikes as isk
from idlibstrikes.testing import strategies as iss


def test_the_bundled_dataset_round_trips(tmp_path: Path) -> None:
    out = isk.dump(isk.load(sources="articles"), tmp_path / "all.json")
    again = isk.load(out, bundled=False)
    assert again == isk.load(sources="articles")
    assert again is not isk.load(sources="articles")


def test_some_records_can_be_written_and_added_to_the_bundled_data(tmp_path: Path) -> None:
    bundled = isk.load(sources="articles")
    strike = bundled.strike("2025-02-15-urum-al-jawz")
    text = isk.dumps([strike])
    renamed = text.replace('"2025-02-15-urum-al-jawz"', '"my-copy"')
    path = tmp_path / "copy.json"
    path.write_text(renamed, encoding="utf-8")
    copy = isk.load(path, sources="articles").strike("my-copy")
    assert copy.claims == strike.claims
    assert (copy.date.earliest, copy.date.latest) == (strike.date.earliest, strike.date.latest)
    assert copy.references == ()  # the reference facts are about the bundled strike


def test_writing_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="cannot write str"):
        isk.dumps(["not a record"])


@given(iss.datasets())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_datasets_round_trip(
    tmp_path_factory: pytest.TempPathFactory, data: isk.Dataset
) -> None:
    path = tmp_path_factory.mktemp("rt") / "data.json"
    isk.dump(data, path)
    assert isk.load(path, bundled=False) == data


def test_strategies_name_the_extra_when_hypothesis_is_missing(tmp_path: Path) -> None:
    blocker = tmp_path / "hypothesis.py"
    blocker.write_text("raise ImportError('no hypothesis here')\n")
    done = subprocess.run(
        [sys.executable, "-c", "import idlibstrikes.testing.strategies"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert done.returncode != 0
    assert "pip install hypothesis (the [testing] extra)" in done.stderr
