"""What the commands read from their parsed arguments, beyond what argparse checks.

The dataset the ``--data`` options name (given before or after the command), the strikes
the filter options (``--group``, ``--by``, ``--between`` ...) choose, and the usage error
for a combination of options argparse cannot check by itself, which ``main`` reports as
argparse does (exit status 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._models import Strike

__all__ = ["_UsageError", "_chosen", "_data"]


class _UsageError(Exception):
    """A combination of arguments argparse cannot check by itself."""


def _data(args: argparse.Namespace) -> Dataset:
    """The bundled data and every file the ``--data`` options name, before or after the command."""
    from ._loading import load

    sources = getattr(args, "sources", "all")
    return load(*(args.data or ()), *(getattr(args, "data_after", None) or ()), sources=sources)


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
