"""The one interface of an export format (`ExportFormat`), and what an export wrote (`Export`).

A format is a module of this package that defines ``FORMAT``, an `ExportFormat`; the
registry (``MODULES`` in ``_export``) lists the modules, and ``FORMATS`` is made from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["Export", "ExportFormat", "write_text"]


@attrs.frozen(kw_only=True)
class Export:
    """What [`export`][idlibstrikes.export] wrote, and what it had to leave out.

    Attributes:
        format: The format written.
        files: The files written, in order.
        unplaced: For maps (GeoJSON, GeoParquet) and the ACLED and UCDP GED tables: the
            ids of strikes written with a null geometry (no latitude), because no
            reference gives a point for them.

    Examples:
        >>> import idlibstrikes as isk, tempfile
        >>> done = isk.load(sources="articles").export("geojson", tempfile.mkdtemp())
        >>> [f.name for f in done.files], len(done.unplaced)
        (['strikes.geojson', 'series.geojson'], 4)
    """

    format: str
    files: tuple[Path, ...]
    unplaced: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ExportFormat:
    r"""One export format: its name, what it writes, and the function that writes it.

    Attributes:
        name: What [`export`][idlibstrikes.export] calls it (``"csv"``).
        writes: What it writes, in a line.
        write: ``write(data, folder, partition_by)`` writes the dataset into ``folder``
            (which exists) and returns the `Export`; ``partition_by`` is empty unless
            the format ``partitions``.
        partitions: Whether it takes ``partition_by`` (columns to Hive-partition by).

    Examples:
        >>> import idlibstrikes as isk, tempfile
        >>> def write(data, folder, partition_by=()):
        ...     path = write_text(folder / "count.txt", f"{len(data.strikes)}\n")
        ...     return Export(format="count", files=(path,))
        >>> count = ExportFormat(name="count", writes="count.txt: how many records", write=write)
        >>> articles = isk.load(sources="articles")
        >>> count.write(articles, Path(tempfile.mkdtemp()), ()).files[0].read_text()
        '11\n'
    """

    name: str
    writes: str
    write: Callable[[Dataset, Path, Sequence[str]], Export]
    partitions: bool = False


def write_text(path: Path, text: str) -> Path:
    r"""Write ``text`` to ``path`` as UTF-8, line ends as they are; returns the path.

    Examples:
        >>> import tempfile
        >>> path = write_text(Path(tempfile.mkdtemp()) / "a.csv", "a\r\n1\r\n")
        >>> path.read_bytes()
        b'a\r\n1\r\n'
    """
    # newline="" keeps CSV's CRLF line ends as they are on every platform.
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path
