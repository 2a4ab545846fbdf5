"""Reading a Parquet tables export folder back, every file of it, and dropping nothing.

An export is a folder of table folders (``strikes/part-0.parquet``, or Hive-partitioned
``strikes/year=2019/part-0.parquet``), as ``Dataset.export("parquet", ...)`` writes it.
Each Parquet file is read on its own, with every column it has: a table split over
files that do not all hold the same columns loses none of them, and a file that cannot
be read, or holds a column no table has, is a problem naming that file. What is not a
table's file is never dropped without a word (docs/format.md, "Tables read back"):

- a folder that is no table (``strike/``) is a problem, with the closest table names;
- a file in a table's folder that is not Parquet is a problem;
- a Parquet file beside the table folders is a problem (it belongs in one);
- a data file (``*.json``) beside the table folders is read as a data file;
- a partition folder may name only a derived column (``year``), whose values the
  library works out again: one naming a stored column (``note=a``) would set, or
  contradict, that column for every row under it, so it is a problem.

Files are listed by `_folders.listing`, so links follow the library's one rule.
Needs pyarrow (the ``[arrow]`` extra), imported only here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs

from ._columns import _FIELDS, TABLES
from ._errors import DataError, Problem
from ._folders import listing
from ._from_tables import _did_you_mean, document_of_rows, plain_rows

__all__ = ["is_parquet_export", "read_export"]


def is_parquet_export(folder: Path) -> bool:
    """Whether a folder is a Parquet tables export: a subfolder of it holds Parquet files."""
    try:
        subfolders = [e.path for e in os.scandir(folder) if e.is_dir()]
    except OSError:
        return False
    for sub in subfolders:
        for _, _, names in os.walk(sub):  # (links not followed: only to tell)
            if any(n.endswith(".parquet") for n in names):
                return True
    return False


def read_export(folder: Path) -> tuple[bytes | None, list[Path], list[Problem]]:
    """An export's tables as a data-file document, the data files beside them, and problems.

    The document is ``None`` where a table could not be read whole; problems in the
    tables' rows name the Parquet file (and the row within it) they were found in.
    """
    from ._table import require

    pq = require("pyarrow.parquet", "arrow", "reading a Parquet export")
    files, problems = listing(folder, lambda name: True, recursive=True)
    by_table: dict[str, list[Path]] = {t: [] for t in TABLES}
    beside: list[Path] = []
    unknown: set[str] = set()  # folders that are no table
    for path in files:
        parts = path.relative_to(folder).parts
        if len(parts) == 1:
            if path.name.endswith(".json"):
                beside.append(path)
            elif path.name.endswith(".parquet"):
                problems.append(
                    _at(
                        path,
                        "a Parquet file beside the tables' folders, so of no table; "
                        "move it into its table's folder (strikes/, sources/, ...)",
                    )
                )
            continue  # (anything else beside the tables, a README, is not data)
        table = parts[0]
        if table not in by_table:
            unknown.add(table)
        elif not path.name.endswith(".parquet"):
            problems.append(
                _at(
                    path,
                    f"not a Parquet file, in the folder of table {table!r}, which holds "
                    "only its Parquet files (*.parquet); move it out, or rename it if it is one",
                )
            )
        else:
            problems += _partitions(table, path, parts[1:-1])
            by_table[table].append(path)
    for table in sorted(unknown):
        hint = _did_you_mean(table, TABLES)
        problems.append(
            _at(
                folder / table,
                f"a folder that is no table: no lossless table is known as "
                f"{table!r}{hint} (the tables: {', '.join(TABLES)})",
            )
        )
    missing = [t for t, found in by_table.items() if not found]
    # the export writes every table, empty ones too: a missing one is lost data
    problems += [
        _at(folder, f"the export has no Parquet files for table {t!r} ({t}/*.parquet)")
        for t in missing
    ]
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for table, paths in by_table.items():
        for path in paths:
            rows[table] += _file_rows(pq, table, path, problems)
    if problems:
        return None, beside, problems
    try:
        return document_of_rows(rows, []), beside, []
    except DataError as exc:  # (their file: the export's, as "(tables)" of the folder)
        return None, beside, list(exc.problems)


def _at(path: Path, message: str, **kw: Any) -> Problem:
    return Problem(file=str(path), message=message, **kw)


def _partitions(table: str, path: Path, folders: tuple[str, ...]) -> list[Problem]:
    """Problems with the partition folders (``key=value``) a table's file is under."""
    known = {f.name: f for f in _FIELDS[table]}
    found = []
    for part in folders:
        if "=" not in part:
            continue  # a plain subfolder: its files are the table's all the same
        key = part.split("=", 1)[0]
        f = known.get(key)
        if f is None:
            hint = _did_you_mean(key, [k for k, g in known.items() if g.derived])
            found.append(
                _at(
                    path,
                    f"under {part}/, a partition by {key!r}, which is no column of "
                    f"table {table!r}{hint}",
                    record=table,
                    field=key,
                )
            )
        elif not f.derived:
            found.append(
                _at(
                    path,
                    f"under {part}/, a partition by {key!r}, a column the table stores: "
                    "it would set, or contradict, that column for every row of the folder; "
                    "partition by a derived column (year), or not at all",
                    record=table,
                    field=key,
                )
            )
    return found


def _file_rows(pq: Any, table: str, path: Path, problems: list[Problem]) -> list[dict[str, Any]]:
    """One Parquet file's rows (every column it holds), or problems naming the file."""
    try:
        # The file alone: no partitions guessed from its folders, no schema of another
        # file. Anything pyarrow raises on a file it cannot read (ArrowInvalid, its
        # NotImplementedError for a type it cannot convert, OSError) is that file's problem.
        arrow = pq.ParquetFile(path).read()
    except Exception as exc:  # (a user's file: whatever it raises is a problem)
        problems.append(_at(path, f"cannot read it as Parquet ({type(exc).__name__}: {exc})"))
        return []
    known = {f.name for f in _FIELDS[table]}
    names = arrow.schema.names
    extra = sorted({n for n in names if n not in known})
    twice = sorted({n for n in names if names.count(n) > 1})
    for name in extra:
        hint = _did_you_mean(name, known)
        problems.append(
            _at(
                path,
                f"a column no table {table!r} has: {name!r}{hint} (the columns: "
                f"isk.fields({table!r}))",
                record=table,
                field=name,
            )
        )
    problems += [
        _at(path, f"the column {name!r} is there twice", record=table, field=name) for name in twice
    ]
    if extra or twice:
        return []
    mine: list[Problem] = []
    try:
        found = plain_rows(table, arrow, mine)
    except Exception as exc:  # (a type pyarrow cannot give as Python values)
        problems.append(_at(path, f"cannot read its values ({type(exc).__name__}: {exc})"))
        return []
    problems += [attrs.evolve(p, file=str(path)) for p in mine]
    return found
