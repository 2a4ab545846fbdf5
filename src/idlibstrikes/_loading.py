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
from typing import TYPE_CHECKING

from ._errors import DataError, Problem, UnknownNameError

if TYPE_CHECKING:
    from ._files import RawData
    from ._release import Origin

from ._collector import collector_paused
from ._dataset import Dataset, _from_raw, checked_dataset

__all__ = ["load"]


_bundled_lock = threading.Lock()


def snapshot_dataset() -> Dataset | None:
    """The bundled dataset from its snapshot, or ``None`` where that does not match."""
    from ._snapshot import bundled_records

    with collector_paused():  # (as a load from the files: the records form no cycles)
        records = bundled_records()
    return None if records is None else checked_dataset(records, "bundled")


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
    sources: str = "all",
) -> Dataset:
    """The bundled dataset, or the bundled dataset plus your own data files.

    The bundled dataset is the whole record: the five articles' claims, each quoted, and
    the strikes the reference lists document, each claim reported (the fact as the list
    words it, with its outlet, address, date and confidence). ``sources="articles"`` gives
    the five articles' data alone.

    With no arguments, the bundled dataset is loaded once and cached: every call returns
    the same object (and the same for ``sources="articles"``). With paths (files, or
    folders of ``*.json`` files in the same format as the bundled data), a new dataset is
    built from the bundled records plus yours. Yours may refer to bundled ids, and may
    add claims, sources and citations to bundled strikes, groups, ceasefires, places and
    people through ``"additions"``. The bundled dataset is never changed.

    Args:
        paths: Your data files, or folders of them (a file named twice is read once).
        bundled: Include the bundled records (``False``: only your files).
        articles: A folder holding the articles' texts by file name; every quote from an
            article found there must then appear in it, and an article there that cannot
            be read as UTF-8 text is a problem.
        sources: Which bundled records: ``"all"`` (the articles and the reference lists)
            or ``"articles"`` (the five articles' data alone).

    Raises:
        DataError: Any problem in any file, all of them at once.
        UnknownNameError: ``sources`` is neither ``"all"`` nor ``"articles"``.

    Examples:
        >>> import idlibstrikes as isk
        >>> isk.load() is isk.load()
        True
        >>> len(isk.load(sources="articles").strikes)
        11
        >>> mine = isk.load("examples/new-article.json", articles="examples/articles")
        >>> camp = mine.strike("2019-08-31-idlib-training-camp")
        >>> len(camp.sources), str(mine.casualties([camp]))
        (3, '40+ all killed in 1 strike(s) with figures; 0 without')
    """
    if sources not in _SOURCES:
        import difflib  # only for a word not known: not worth its import otherwise

        suggestions = difflib.get_close_matches(str(sources), _SOURCES, n=2, cutoff=0.3)
        raise UnknownNameError(str(sources), kind="set of bundled sources", suggestions=suggestions)
    if not paths and bundled and articles is None:
        with _bundled_lock:  # two threads asking at once still get one object
            return _bundled() if sources == "all" else _articles_only()
    return _load_files(paths, bundled, articles, sources=sources)[0]


#: What ``load(sources=...)`` accepts.
_SOURCES = ("all", "articles")


@functools.cache
def _articles_only() -> Dataset:
    # the five articles' data alone: read from its files (the snapshot is of the whole)
    from ._files import read_bundled

    with collector_paused():
        return _from_raw(read_bundled("articles"), origin="bundled")


def _load_files(
    paths: Sequence[str | os.PathLike[str]],
    bundled: bool,
    articles: str | os.PathLike[str] | None,
    keep_raw: bool = False,
    sources: str = "all",
) -> tuple[Dataset, RawData]:
    """``load``, uncached, with what was read from ``paths``.

    ``validate`` reads that afterwards (``keep_raw``); a load need not, and then each
    strike's raw data is dropped as soon as the strike is built.
    """
    with collector_paused():
        return _read_and_build(paths, bundled, articles, keep_raw, sources)


def _read_and_build(
    paths: Sequence[str | os.PathLike[str]],
    bundled: bool,
    articles: str | os.PathLike[str] | None,
    keep_raw: bool,
    sources: str = "all",
) -> tuple[Dataset, RawData]:
    from ._files import RawData, merge, read_bundled, read_paths

    # a very big file is read a strike at a time, unless the caller reads it afterwards
    mine = read_paths(paths, stream=not keep_raw) if paths else RawData({}, ())
    parts = [read_bundled(sources), mine] if bundled else [mine]
    from pathlib import Path  # only for your files: not worth its import otherwise

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
