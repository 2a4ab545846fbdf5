"""The figures' common ground: what the timeline (``_timeline``) and the map (``_map``) share.

Both figures are `matplotlib.figure.Figure` objects made without pyplot, so no GUI
backend and no global figure state is involved, and nothing is left open: save one with
``fig.savefig("timeline.png")``. Jupyter's inline backend shows only the figures pyplot
made, so the figures the package returns show themselves: as a cell's value, a
notebook displays a PNG of it (`inline`), with or without pyplot imported. matplotlib is
an optional dependency (``pip install matplotlib``, the ``[plot]`` extra) imported only
when a figure is drawn, so importing `idlibstrikes` never imports it. Here: the check for
it, the figures' notebook display, what the figures read of a dataset (or of some
strikes), and the marks both draw alike.

The figures draw only what the data holds: an uncertain date as a range, never a day; a
strike only at a point a cited reference gives, and those with none listed, not left out.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from ._models import Ceasefire, Place, Strike

if TYPE_CHECKING:
    import matplotlib.figure

__all__ = [
    "GREY",
    "STRIKE_GID",
    "DatasetLike",
    "gather",
    "inline",
    "is_dataset",
    "require_matplotlib",
]

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


def inline(fig: matplotlib.figure.Figure) -> matplotlib.figure.Figure:
    """``fig``, made to show itself as a PNG image where it is a notebook cell's value.

    Jupyter (IPython) shows a value as an image when it has a ``_repr_png_`` method;
    matplotlib gives figures a display only through pyplot's inline backend, and only to
    the figures pyplot made. ``fig`` becomes an instance of a subclass of
    `matplotlib.figure.Figure` that adds only that method: the same figure, drawn and
    saved the same way, with the same ``repr``, still picklable. Where pyplot's inline
    backend is active its own display of figures is used (IPython looks it up first), so a
    figure is never shown twice.

    Examples:
        >>> import idlibstrikes as isk
        >>> fig = inline(isk.timeline(isk.load(sources="articles")))
        >>> fig._repr_png_()[1:4]
        b'PNG'
        >>> repr(fig).startswith("<Figure size 1400x")
        True
    """
    fig.__class__ = _figure()
    return fig


@functools.cache
def _figure() -> type[matplotlib.figure.Figure]:
    from matplotlib.figure import Figure

    class Shown(Figure):
        def _repr_png_(self) -> bytes:
            # as the inline backend draws a figure: a PNG at its dpi, cropped to it
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", bbox_inches="tight")
            return buffer.getvalue()

    # Named as its base, so its repr ("<Figure size ...>") is unchanged; found under that
    # name here (__getattr__), which is where pickle looks for a figure's class.
    Shown.__name__ = Shown.__qualname__ = "Figure"
    Shown.__module__ = __name__
    return Shown


def __getattr__(name: str) -> type[matplotlib.figure.Figure]:
    if name == "Figure":
        return _figure()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
