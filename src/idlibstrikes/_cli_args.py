"""What the commands read from their parsed arguments, beyond what argparse checks.

The dataset the ``--data`` options name (given before or after the command), the strikes
the filter options (``--group``, ``--by``, ``--between`` ...) choose, and the usage error
for a combination of options argparse cannot check by itself, which ``main`` reports as
argparse does (exit status 2); and an unknown name's message in the command line's words
(`_unknown`), naming the command that lists the names rather than the library's attributes.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._errors import UnknownNameError
    from ._models import Strike

__all__ = ["_UsageError", "_chosen", "_data", "_unknown"]


class _UsageError(Exception):
    """A combination of arguments argparse cannot check by itself."""


def _data(args: argparse.Namespace) -> Dataset:
    """The bundled data and every file the ``--data`` options name, before or after the command."""
    from ._loading import load

    sources = getattr(args, "sources", "all")
    files = (*(args.data or ()), *(getattr(args, "data_after", None) or ()))
    if sources == "none":
        if not files:
            raise _UsageError("--sources none reads only your files: name them with --data FILE")
        return load(*files, bundled=False)
    return load(*files, sources=sources)


def _chosen(data: Dataset, args: argparse.Namespace) -> Sequence[Strike]:
    """The strikes the filter options choose (series too, with ``--series``)."""
    series = bool(getattr(args, "series", False))
    by = getattr(args, "by", None)
    if getattr(args, "affiliates", False) and not getattr(args, "group", None):
        raise _UsageError("--affiliates needs --group")
    if getattr(args, "certain", False) and not getattr(args, "between", None):
        raise _UsageError("--certain needs --between")
    if getattr(args, "between", None) and len(args.between) > 2:
        raise _UsageError("--between takes one or two dates")
    between = getattr(args, "between", None) or (dt.date.min, dt.date.max)
    certain = bool(getattr(args, "certain", False))
    floor = getattr(args, "min_confidence", None)
    in_period = data.strikes_between(
        *between, certain=certain, perpetrator=by, include_series=series, min_confidence=floor
    )
    if not getattr(args, "group", None):
        return in_period
    on_group = data.strikes_by_group(
        args.group, include_affiliates=args.affiliates, include_series=series
    )
    ids = {s.id for s in on_group}
    return tuple(s for s in in_period if s.id in ids)


#: Where the command line prints the ids or names of each kind of record ``show`` takes.
_WHERE = (
    (
        "strike",
        "strikes and series in 'idlibstrikes casualties --series' (or by their "
        "list's id, R05, in the sources column of 'idlibstrikes strikes --series')",
    ),
    ("group", "groups in 'idlibstrikes groups'"),
    ("ceasefire", "ceasefires in 'idlibstrikes ceasefires'"),
    ("source", "an article by the short id the tables print (002) or its file name"),
    ("place", "people and places by name, as 'idlibstrikes show STRIKE' prints them"),
)


def _unknown(exc: UnknownNameError) -> str:
    """An unknown name's message, saying which command lists the names.

    The library's message names what a Python user calls (``Dataset.group_names()``); on
    the command line, the command that prints them. Close matches, where there are some,
    are said as the library says them.

    Examples:
        >>> from idlibstrikes._errors import UnknownNameError
        >>> print(_unknown(UnknownNameError("Nope", kind="group")))
        no group is known as 'Nope'; 'idlibstrikes groups' lists every group's id and name
        >>> print(_unknown(UnknownNameError("Hurass", kind="group", suggestions=["Hurras"])))
        no group is known as 'Hurass'; did you mean: 'Hurras'?
    """
    if exc.suggestions:
        return str(exc)
    said = f"no {exc.kind} is known as {exc.name!r}"
    if exc.kind == "group":
        return f"{said}; 'idlibstrikes groups' lists every group's id and name"
    kinds = {k.strip() for k in exc.kind.replace(" or ", ", ").split(",")}
    where = [text for kind, text in _WHERE if kind in kinds]
    if not where:
        return f"{said}; check the spelling"
    return f"{said}. Look for the ids: {'; '.join(where)}"
