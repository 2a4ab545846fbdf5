"""The loader's promises (docs/format.md), checked on one outcome: shared by the fuzz tests."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk
from idlibstrikes import _files

#: The seed of every generated input; a failure message names it, to replay the run.
SEED = int(os.environ.get("FUZZ_SEED", "20261129"))
#: How many times the default number of inputs each fuzz test generates (20: a long run).
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
#: The kinds of record a data file defines (additions add to records, define none).
KINDS = tuple(kind for kind in _files.KINDS if kind != "additions")


def write(path: Path, doc: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = doc if isinstance(doc, str) else json.dumps(doc, indent=1)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def attempt(label: str, *paths: Path, **options: Any) -> isk.Dataset | isk.DataError:
    """Load, returning the dataset or the DataError; anything else fails the test."""
    try:
        return isk.load(*paths, **options, sources="articles")
    except isk.DataError as exc:
        return exc
    except Exception as exc:  # the promise: nothing else, whatever the input
        pytest.fail(f"{label} (seed {SEED}): {type(exc).__name__} escaped: {exc!r:.300}")


def defined(*paths: Path) -> dict[str, int]:
    """How many records of each kind the files define (additions excluded)."""
    counts = dict.fromkeys(KINDS, 0)
    for path in paths:
        doc = json.loads(path.read_bytes())
        for kind in KINDS:
            counts[kind] += len(doc.get(kind, ()))
    return counts


def keeps_promises(
    label: str,
    outcome: isk.Dataset | isk.DataError,
    files: list[Path],
    tmp: Path,
    *,
    blame: set[str] | None = None,
) -> None:
    """The promises, checked on one outcome.

    ``files`` are the data files read (bundled ones included, where loaded); ``blame``,
    where given, the only files a problem may name.
    """
    if isinstance(outcome, isk.DataError):
        assert outcome.problems, label
        for problem in outcome.problems:
            shown = str(problem)
            assert len(shown.splitlines()) == 1, f"{label}: {shown!r}"
            assert problem.file, label
            if blame is not None:
                assert problem.file in blame, f"{label}: blamed {problem.file}: {shown}"
        return
    counts = defined(*files)
    held = {kind: len(getattr(outcome, kind)) for kind in KINDS}
    assert held == counts, f"{label}: records lost: defined {counts}, loaded {held}"
    written = isk.dump(outcome, tmp / "written.json")
    again = attempt(f"{label}, written back", written, bundled=False)
    assert again == outcome, f"{label}: dump did not load back equal: {again}"
