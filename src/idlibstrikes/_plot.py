"""The figures' common ground: what the timeline (``_timeline``) and the map (``_map``) share.

Both figures are `matplotlib.figure.Figure` objects made without pyplot, so no GUI
backend and no global figure state is involved: show one in a notebook, or save it with
``fig.savefig("timeline.png")``. matplotlib is an optional dependency
(``pip install matplotlib``, the ``[plot]`` extra) imported only when a figure is drawn, so
importing `idlibstrikes` never imports it. Here: the check for it, what the figures read
of a dataset (or of some strikes), and the marks both draw alike.

The figures draw only what the data holds: an uncertain date as a range, never a day; a
strike only at a point a cited reference gives, and those with none listed, not left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ._models import Ceasefire, Place, Strike

__all__ = ["GREY", "STRIKE_GID", "DatasetLike", "gather", "is_dataset", "require_matplotlib"]

#: The grey of what is not a group's colour: "no target named" on the timeline, the
#: reference towns on the map.
GREY = "#9a9a9a"
#: The ``gid`` of the strike points and bars (on the map: the points).
STRIKE_GID = "strike"


def require_matplotlib(function: str) -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"idlibstrikes.{function}() needs matplotlib; "
            "install it with pip install matplotlib (the [plot] extra)"
        ) from exc


class DatasetLike(Protocol):
    """What the figures read of a dataset (the dataset's layer is above this one)."""

    @property
    def strikes(self) -> Sequence[Strike]: ...
    @property
    def ceasefires(self) -> Sequence[Ceasefire]: ...
    @property
    def places(self) -> Sequence[Place]: ...


def is_dataset(data: object) -> bool:
    return all(hasattr(data, k) for k in ("strikes", "ceasefires", "places"))


def gather(
    data: DatasetLike | Iterable[Strike], ceasefires: Iterable[Ceasefire] | None
) -> tuple[tuple[Strike, ...], tuple[Ceasefire, ...]]:
    own: tuple[Ceasefire, ...] = ()
    if is_dataset(data):
        strikes, own = tuple(data.strikes), tuple(data.ceasefires)  # type: ignore[union-attr]
    else:
        strikes = tuple(data)  # type: ignore[arg-type]
    chosen = own if ceasefires is None else tuple(ceasefires)
    _check_all(Strike, strikes)
    _check_all(Ceasefire, chosen)
    return strikes, chosen


def _check_all(kind: type, records: tuple[object, ...]) -> None:
    wrong = [r for r in records if not isinstance(r, kind)]
    if wrong:
        raise TypeError(
            f"expected {kind.__name__} records, found {type(wrong[0]).__name__} "
            f"{wrong[0]!r}; pass a Dataset, an iterable of Strike records, or nothing "
            "for the bundled data"
        )
