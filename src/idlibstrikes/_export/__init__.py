"""Exports in standard formats: one module per format, one interface, one registry.

Each format is a module of this package that defines ``FORMAT``, an `ExportFormat`
(``_base``: its name, what it writes, and ``write(data, folder, partition_by) ->
Export``): ``_csv``, ``_json``, ``_parquet``, ``_geojson``, ``_geoparquet`` and
``_datapackage``. `MODULES` lists them, and a format is named after its module (``_csv``
writes ``csv``): `FORMATS` is made from the list without importing a format, so that the
command line offers them and starts without the exporters; `registry` and `export` import
a format's module when it is first asked for. Adding a format is adding its module and its
name in `MODULES`. Optional libraries (pyarrow) are imported by a format's ``write``,
never when this package is imported.
"""

from __future__ import annotations

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

__all__ = ["FORMATS", "MODULES", "Export", "ExportFormat", "export", "registry"]

#: The registry: the formats' modules, in the order of `FORMATS`. Each defines ``FORMAT``.
MODULES = ("_csv", "_json", "_parquet", "_geojson", "_geoparquet", "_datapackage")


#: The formats [`export`][idlibstrikes.export] writes, each named after its module.
FORMATS: tuple[str, ...] = tuple(m.removeprefix("_") for m in MODULES)


def _format(module: str) -> ExportFormat:
    found = getattr(import_module(f"{__name__}.{module}"), "FORMAT", None)
    if not isinstance(found, ExportFormat) or found.name != module.removeprefix("_"):
        raise TypeError(
            f"{__name__}.{module}.FORMAT must be an ExportFormat named "
            f"{module.removeprefix('_')!r}: a format is named after its module"
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
    single strike, and apart every series, placed or with a null geometry.

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
    folder.mkdir(parents=True, exist_ok=True)
    return chosen.write(data, folder, partition_by)
