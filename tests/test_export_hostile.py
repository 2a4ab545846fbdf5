"""Hostile ``--out``: bad places to export into, by class, generated from one seed.

For every format, ``idlibstrikes export --out`` given a place it cannot write into (an
existing file, a path under a file, a missing parent it cannot make, a name too long, a
folder where a file of the export is in the way, an empty path) exits 2 with one line on
standard error naming the place, never a traceback, and leaves nothing behind. The
library's ``data.export`` raises an ``OSError`` naming the folder and removes what it
wrote. ``FUZZ_SEED`` and ``FUZZ_SCALE`` as in test_hostile.py.
"""

from __future__ import annotations

import errno
import os
import random
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import idlibstrikes as isk
from idlibstrikes._cli import main
from idlibstrikes._errors import printable
from idlibstrikes._export import FORMATS

from .promises import SCALE, SEED

NAME_MAX = 255
#: The first file each format writes: a folder of that name is in the way of the export.
FIRST = {
    "csv": "strikes.csv",
    "json": "idlibstrikes.json",
    "parquet": "strikes",
    "geojson": "strikes.geojson",
    "geoparquet": "strikes.parquet",
    "datapackage": "strikes.csv",
    "acled": "acled.csv",
    "ucdp-ged": "ucdp_ged.csv",
}
#: Characters of generated names: letters, digits, spaces, punctuation, others' scripts,
#: and characters that would break a message's line if printed as they are.
ODD = " -_.,'\"#%&()[]{}é√ادلب\u202e\t\n\r\x1b"


def runs(n: int) -> int:
    return max(1, round(n * SCALE))


def name(rng: random.Random, length: int | None = None) -> str:
    """A file name: mostly plain, sometimes odd characters (never '/' or NUL)."""
    length = length or rng.randint(1, 24)
    alphabet = string.ascii_letters + string.digits + (ODD if rng.random() < 0.4 else "")
    text = "".join(rng.choice(alphabet) for _ in range(length))
    return "x" + text if text in (".", "..") else text


def a_file(rng: random.Random, root: Path) -> Path:
    path = root / name(rng)
    path.write_bytes(rng.randbytes(rng.randint(0, 64)))
    return path


def an_existing_file(rng: random.Random, root: Path, fmt: str) -> Path:
    return a_file(rng, root)


def under_a_file(rng: random.Random, root: Path, fmt: str) -> Path:
    path = a_file(rng, root)
    for _ in range(rng.randint(1, 3)):
        path = path / name(rng)
    return path


def name_too_long(rng: random.Random, root: Path, fmt: str) -> Path:
    long = name(rng, NAME_MAX + rng.randint(1, 200))
    where = root
    for _ in range(rng.randint(0, 2)):  # a new folder or two before it: made, then removed
        where = where / name(rng)
    return where / long / ("" if rng.random() < 0.5 else name(rng))


def in_the_way(rng: random.Random, root: Path, fmt: str) -> Path:
    folder = root / name(rng)
    (folder / FIRST[fmt]).mkdir(parents=True)
    if fmt == "parquet":  # a table's folder holding what an export does not write
        (folder / FIRST[fmt] / name(rng)).write_text("mine")
    return folder


def cannot_make(rng: random.Random, root: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder under one that refuses new entries (as a read-only or 0o555 folder does).

    Permission bits do not stop root, so the refusal is made by ``Path.mkdir`` itself.
    """
    locked = root / name(rng)
    locked.mkdir()
    real = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self != locked and locked in self.parents:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", mkdir)
    path = locked
    for _ in range(rng.randint(1, 3)):
        path = path / name(rng)
    return path


CLASSES: dict[str, Callable[..., Path]] = {
    "an existing file": an_existing_file,
    "a path under a file": under_a_file,
    "a name too long": name_too_long,
    "a file of the export's in the way": in_the_way,
    "a folder that cannot be made": cannot_make,
}


def tree(root: Path) -> set[Path]:
    return set(root.rglob("*"))


def run(args: list[str], capsys: pytest.CaptureFixture[str], label: str) -> tuple[int, str, str]:
    """Run the command line in-process: its status, standard output and standard error."""
    try:
        status = main(args)
    except SystemExit as exc:  # parser.error: a usage error, reported as argparse does
        status = int(exc.code or 0)
    except Exception as exc:  # a traceback, had it been run from a shell
        pytest.fail(f"{label} (seed {SEED}): {type(exc).__name__} escaped: {exc!r:.300}")
    out, err = capsys.readouterr()
    return status, out, err


def cases() -> Iterator[tuple[str, str, int]]:
    for fmt in FORMATS:
        for kind in CLASSES:
            for i in range(runs(3)):
                yield fmt, kind, i


def needs(fmt: str) -> None:
    if fmt in ("parquet", "geoparquet"):
        pytest.importorskip("pyarrow")


@pytest.mark.parametrize(("fmt", "kind", "i"), list(cases()))
def test_a_bad_out_is_one_line_and_exit_2_for_every_format(
    fmt: str,
    kind: str,
    i: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    needs(fmt)
    rng = random.Random(f"{SEED}:{fmt}:{kind}:{i}")
    make = CLASSES[kind]
    with monkeypatch.context() as patched:
        extra = (patched,) if make is cannot_make else ()
        out = make(rng, tmp_path, fmt, *extra)
        label = f"{kind} #{i}, --format {fmt}, --out {out!r:.120}"
        before = tree(tmp_path)
        status, printed, err = run(
            ["--sources", "articles", "export", "--format", fmt, "--out", str(out)],
            capsys,
            label,
        )
    assert status in (1, 2), label
    assert status == 2, f"{label}: a bad --out is a usage error\n{err}"
    assert printed == "", label  # no file is listed as written
    assert "Traceback" not in err, label
    lines = err.splitlines()
    said = [line for line in lines if line.startswith("idlibstrikes: ")]
    assert len(said) == 1, f"{label}: one message, on one line\n{err}"
    assert all(line.startswith(("usage:", " ")) for line in lines if line not in said), err
    assert printable(str(out)) in said[0], f"{label}: the message names the path\n{err}"
    assert tree(tmp_path) == before, f"{label}: a failed export leaves nothing behind"


def test_an_empty_out_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Path("") is the current folder: an empty --out never writes there
    monkeypatch.chdir(tmp_path)
    for fmt in FORMATS:
        status, printed, err = run(
            ["--sources", "articles", "export", "--format", fmt, "--out", ""], capsys, fmt
        )
        assert (status, printed) == (2, ""), err
        assert err.splitlines()[-1].startswith("idlibstrikes: error: --out is empty"), err
        assert not any(tmp_path.iterdir()), fmt


def test_the_library_raises_oserror_naming_the_folder_and_removes_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = isk.load(sources="articles")
    mine = tmp_path / "mine.txt"
    mine.write_text("kept")
    with pytest.raises(NotADirectoryError, match=r"mine\.txt: it is a file, not a folder"):
        data.export("csv", mine)
    assert mine.read_text() == "kept"

    from idlibstrikes._export import _base

    real = _base.write_text
    calls = []

    def fail_on_third(path: Path, text: str) -> Path:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, text)

    monkeypatch.setattr("idlibstrikes._export._csv.write_text", fail_on_third)
    new = tmp_path / "new" / "csv"
    with pytest.raises(OSError, match=r"cannot export into .*new/csv: .*claims\.csv: No space"):
        data.export("csv", new)
    assert not (tmp_path / "new").exists()  # the folders it made, with what it wrote

    calls.clear()
    with pytest.raises(OSError, match="No space left"):
        data.export("csv", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]  # its own removed
