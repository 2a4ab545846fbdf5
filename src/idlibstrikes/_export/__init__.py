"""Exports in standard formats: one module per format, one interface, one registry.

Each format is a module of this package that defines ``FORMAT``, an `ExportFormat`
(``_base``: its name, what it writes, and ``write(data, folder, partition_by) ->
Export``): ``_csv``, ``_json``, ``_parquet``, ``_geojson``, ``_geoparquet``,
``_datapackage``, ``_acled`` and ``_ucdp_ged``. `MODULES` lists them, and a format is named
after its module (``_csv`` writes ``csv``, ``_ucdp_ged`` ``ucdp-ged``: `format_name`):
`FORMATS` is made from the list without importing a format, so that the
command line offers them and starts without the exporters; `registry` and `export` import
a format's module when it is first asked for. Adding a format is adding its module and its
name in `MODULES`. Optional libraries (pyarrow) are imported by a format's ``write``,
never when this package is imported.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
from collections.abc import Mapping, Sequence
from importlib import import_module
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from .._errors import UnknownNameError
from ._base import Export, ExportFormat

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["FORMATS", "MODULES", "Export", "ExportFormat", "export", "format_name", "registry"]

#: The registry: the formats' modules, in the order of `FORMATS`. Each defines ``FORMAT``.
MODULES = (
    "_csv",
    "_json",
    "_parquet",
    "_geojson",
    "_geoparquet",
    "_datapackage",
    "_acled",
    "_ucdp_ged",
)


def format_name(module: str) -> str:
    """A format's name, from its module's: ``_ucdp_ged`` writes ``ucdp-ged``.

    Examples:
        >>> format_name("_csv"), format_name("_ucdp_ged")
        ('csv', 'ucdp-ged')
    """
    return module.removeprefix("_").replace("_", "-")


#: The formats [`export`][idlibstrikes.export] writes, each named after its module.
FORMATS: tuple[str, ...] = tuple(map(format_name, MODULES))


def _format(module: str) -> ExportFormat:
    found = getattr(import_module(f"{__name__}.{module}"), "FORMAT", None)
    if not isinstance(found, ExportFormat) or found.name != format_name(module):
        raise TypeError(
            f"{__name__}.{module}.FORMAT must be an ExportFormat named "
            f"{format_name(module)!r}: a format is named after its module"
        )
    return found


@functools.cache
def registry() -> Mapping[str, ExportFormat]:
    """Every format by its name, from the modules `MODULES` lists (imported on first call).

    Examples:
        >>> tuple(registry()) == FORMATS
        True
        >>> registry()["parquet"].partitions
        True
    """
    return MappingProxyType({f.name: f for f in map(_format, MODULES)})


def export(
    data: Dataset,
    format: str,
    out: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = (),
) -> Export:
    """Write the dataset in one of `FORMATS` into the folder ``out`` (created).

    Lossless (``load`` reads them back into an equal dataset): ``json`` writes
    ``idlibstrikes.json``, every lossless table (see [`Tables`][idlibstrikes.Tables]) as
    arrays of rows; ``parquet`` writes one folder of Parquet files per lossless table,
    with the typed schema and its metadata (needs the ``[arrow]`` extra).

    Views for other tools: ``csv`` writes ``<table>.csv`` for each of the analyst's
    tables; ``datapackage`` writes those and ``datapackage.json`` (Frictionless Data
    Package v2); ``geojson`` writes ``strikes.geojson`` and ``series.geojson``, and
    ``geoparquet`` ``strikes.parquet`` and ``series.parquet`` (GeoParquet 1.1): every
    single strike, and apart every series, placed or with a null geometry. ``acled``
    writes ``acled.csv`` (ACLED's 31 columns and codes: `Dataset.to_acled`) and
    ``ucdp-ged`` ``ucdp_ged.csv`` and ``ucdp_ged_series.csv`` (UCDP GED's 49:
    `Dataset.to_ucdp_ged`), each with a list of the records it leaves out and why.

    Args:
        data: The dataset.
        format: One of `FORMATS`.
        out: The folder to write into.
        partition_by: For ``parquet``: columns to Hive-partition by (``("year",)``
            writes ``strikes/year=2019/part-0.parquet``); tables without them are
            written whole.

    Raises:
        UnknownNameError: An unknown format, or a ``partition_by`` column no table has.
        ImportError: ``parquet`` without pyarrow (the message names the extra).
        OSError: ``out`` is a file, or it (or a file in it) cannot be made or written:
            of the kind the system gave (``NotADirectoryError``, ``PermissionError``
            ...), its message one line naming ``out`` and what is wrong. A failed export
            leaves nothing half-written: it removes the folders it made, or else the
            files and folders it added to ``out``; an earlier export's files it had begun
            to replace (a Parquet table's folder, a CSV file) are not restored.

    Examples:
        >>> import idlibstrikes as isk, tempfile
        >>> folder = tempfile.mkdtemp()
        >>> done = export(isk.load(sources="articles"), "datapackage", folder)
        >>> [f.name for f in done.files][-2:]
        ['references.csv', 'datapackage.json']
        >>> done = export(isk.load(sources="articles"), "json", folder)
        >>> isk.load(done.files[0], bundled=False) == isk.load(sources="articles")
        True
    """
    if format not in FORMATS:
        raise UnknownNameError(format, kind="export format", suggestions=FORMATS)
    chosen = registry()[format]
    if partition_by and not chosen.partitions:
        takes = " or ".join(f.name for f in registry().values() if f.partitions)
        raise ValueError(f"partition_by applies to the {takes} export, not to {format!r}")
    folder = Path(out)
    try:
        created, before = _prepare(folder)
    except OSError as exc:
        raise _cannot(exc, folder) from None
    try:
        return chosen.write(data, folder, partition_by)
    except BaseException as exc:  # an interrupt too: never leave a half-written export
        _undo(folder, created, before)
        if isinstance(exc, OSError):
            raise _cannot(exc, folder) from exc
        raise


def _prepare(folder: Path) -> tuple[Path | None, frozenset[str]]:
    """Make ``folder`` if missing; what `_undo` needs: the top folder made, or what was there.

    Raises:
        NotADirectoryError: ``folder`` is a file (or another thing that is not a folder).
        OSError: The folder cannot be made or listed.
    """
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder")
    made = []
    for parent in (folder, *folder.parents):
        if parent.exists():
            break
        made.append(parent)
    created = made[-1] if made else None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        for path in made:  # the folders made before one could not be (empty: ours)
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    before = frozenset() if created is not None else frozenset(p.name for p in folder.iterdir())
    return created, before


def _undo(folder: Path, created: Path | None, before: frozenset[str]) -> None:
    """Remove what a failed export wrote: the folders it made, or what it added to ``folder``."""
    import shutil

    if created is not None:
        shutil.rmtree(created, ignore_errors=True)
        return
    try:
        added = [p for p in folder.iterdir() if p.name not in before]
    except OSError:
        return
    for path in added:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):  # the export's own error is the one to report
                path.unlink(missing_ok=True)


def _cannot(exc: OSError, folder: Path) -> OSError:
    """``exc`` (of its kind, with its errno) as one line naming the folder and what to do."""
    from .._errors import printable

    if exc.strerror is None:  # a whole message already (a folder in the way of parquet)
        message = f"cannot export into {folder}: {exc}"
    else:
        what = exc.strerror
        if exc.filename is not None and str(exc.filename) != str(folder):
            what = f"{exc.filename}: {what}"
        message = (
            f"cannot export into {folder}: {what}; export into a folder you can write to "
            "(a missing one is made)"
        )
    message = printable(message)
    kind = type(exc) if type(exc).__module__ == "builtins" else OSError
    error = kind(message)  # one argument: str() is the message, without "[Errno n]"
    if exc.errno:
        error.errno = exc.errno
    return error
