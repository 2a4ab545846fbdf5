"""``load``: the bundled dataset, or it with your own files, read, checked and built.

Maintainer's note: ``load()`` with no paths returns one cached dataset, made from the
bundled snapshot while it matches the data files (see ``_snapshot``), else from the files,
every field checked. With paths, the files are read (``_files``), merged with the bundled
ones, and built (``_load``) into a new `Dataset`.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._errors import DataError, Problem

if TYPE_CHECKING:
    from ._files import RawData
    from ._release import Origin

from ._collector import collector_paused
from ._dataset import Dataset, _from_raw

__all__ = ["load"]


_bundled_lock = threading.Lock()


def snapshot_dataset() -> Dataset | None:
    """The bundled dataset from its snapshot, or ``None`` where that does not match."""
    from ._snapshot import bundled_records

    records = bundled_records()
    return None if records is None else Dataset(**records, origin="bundled")


@functools.cache
def _bundled() -> Dataset:
    # the records as built when the package was made, while they match its data files
    # (see _snapshot); else built from the files, every field checked
    return snapshot_dataset() or _checked_bundled()


def _checked_bundled() -> Dataset:
    """The bundled dataset built from its data files by the checked loader."""
    from ._files import read_bundled

    with collector_paused():
        return _from_raw(read_bundled(), origin="bundled")


def load(
    *paths: str | os.PathLike[str],
    bundled: bool = True,
    articles: str | os.PathLike[str] | None = None,
) -> Dataset:
    """The bundled dataset, or the bundled dataset plus your own data files.

    With no arguments, the bundled dataset is loaded once and cached: every call returns
    the same object. With paths (files, or folders of ``*.json`` files in the same format
    as the bundled data), a new dataset is built from the bundled records plus yours.
    Yours may refer to bundled ids, and may add claims, sources and citations to bundled
    strikes, groups, ceasefires, places and people through ``"additions"``. The bundled
    dataset is never changed.

    Args:
        paths: Your data files, or folders of them (a file named twice is read once).
        bundled: Include the bundled records (``False``: only your files).
        articles: A folder holding the articles' texts by file name; every quote from an
            article found there must then appear in it, and an article there that cannot
            be read as UTF-8 text is a problem.

    Raises:
        DataError: Any problem in any file, all of them at once.

    Examples:
        >>> import idlibstrikes as isk
        >>> isk.load() is isk.load()
        True
        >>> len(isk.load().strikes)
        11
        >>> mine = isk.load("examples/new-article.json", articles="examples/articles")
        >>> camp = mine.strike("2019-08-31-idlib-training-camp")
        >>> len(camp.sources), str(mine.casualties([camp]))
        (3, '40+ all killed in 1 strike(s) with figures; 0 without')
    """
    if not paths and bundled and articles is None:
        with _bundled_lock:  # two threads asking at once still get one object
            return _bundled()
    return _load_files(paths, bundled, articles)[0]


def _load_files(
    paths: Sequence[str | os.PathLike[str]],
    bundled: bool,
    articles: str | os.PathLike[str] | None,
    keep_raw: bool = False,
) -> tuple[Dataset, RawData]:
    """``load``, uncached, with what was read from ``paths``.

    ``validate`` reads that afterwards (``keep_raw``); a load need not, and then each
    strike's raw data is dropped as soon as the strike is built.
    """
    with collector_paused():
        return _read_and_build(paths, bundled, articles, keep_raw)


def _read_and_build(
    paths: Sequence[str | os.PathLike[str]],
    bundled: bool,
    articles: str | os.PathLike[str] | None,
    keep_raw: bool,
) -> tuple[Dataset, RawData]:
    from ._files import RawData, merge, read_bundled, read_paths

    # a very big file is read a strike at a time, unless the caller reads it afterwards
    mine = read_paths(paths, stream=not keep_raw) if paths else RawData({}, ())
    parts = [read_bundled(), mine] if bundled else [mine]
    folder = None if articles is None else Path(articles)
    if folder is not None and not folder.is_dir():
        raise DataError(
            [
                Problem(
                    file=str(folder),
                    message="the articles folder does not exist; give the "
                    "folder that holds the articles' .txt files",
                )
            ]
        )
    try:
        origin: Origin = "bundled and your files" if bundled else "your files"
        if bundled and not paths:
            origin = "bundled"
        return _from_raw(merge(*parts), folder, origin, keep_raw), mine
    except DataError as exc:
        from ._from_tables import TABLES_NAME, without_lines

        raise DataError(without_lines(exc.problems, TABLES_NAME)) from None
