"""The package's functions of a dataset that take the bundled dataset when given none.

`cite`, `timeline` and `map` are views (``_cite``, ``_timeline``, ``_map``): they read a
dataset's records and never load one. Called with no dataset, the bundled one is theirs;
that default is the facade's, here, so the views need not import the layer that loads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._loading import load

if TYPE_CHECKING:
    import matplotlib.figure

    from ._dataset import Dataset
    from ._dates import PeriodLike
    from ._models import Ceasefire, Strike

__all__ = ["cite", "map", "timeline"]


def cite(
    obj: Any,
    style: str = "text",
    *,
    data: Dataset | None = None,
    accessed: dt.date | str | None = None,
) -> str:
    """A citation of a dataset, a record or a query's result, with every article behind it.

    It states what ACLED's attribution policy asks for: the data version and as-of date,
    the package version, the access date, the query (for a result) and whether your own
    files were added; then each article behind the cited records, with its outlet,
    headline, publication date and address (from the reference layer where the article
    does not print them, which the citation says). A date is given to the precision it is
    known, never as a range of days (the rest in words); only web addresses are given as
    addresses. ``bibtex`` and ``csl-json`` read in BibTeX, biblatex, Zotero and pandoc (see
    the docs' "How to cite").

    Args:
        obj: A [`Dataset`][idlibstrikes.Dataset], a record, or a query's result.
        style: ``text``, ``bibtex`` or ``csl-json``.
        data: The dataset a record comes from (default: the one a result was asked of,
            else the bundled dataset); its reference facts give outlets and addresses,
            and its version and changes are what the citation states.
        accessed: The access date, a date or ``"YYYY-MM-DD"`` (default: today).

    Raises:
        UnknownNameError: An unknown style.
        TypeError: ``obj`` is not something that can be cited.
        ValueError: A record that is not in the bundled data, without ``data=``.

    Examples:
        >>> import idlibstrikes as isk, datetime as dt
        >>> data = isk.load()
        >>> strike = data.strike("2019-06-30-rif-al-muhandisin")
        >>> text = isk.cite(strike, accessed=dt.date(2026, 11, 29))
        >>> print(text.splitlines()[0])  # doctest: +ELLIPSIS
        idlibstrikes developers. idlibstrikes: ... Data version 2026.12.1 (as of 2026-12-08), ...
        >>> [line[3:6] for line in text.splitlines() if line.startswith("  [0")]
        ['001', '002', '003', '004']
    """
    from ._cite import cite as written

    return written(obj, style, data=data, accessed=accessed, bundled=load)


def timeline(
    data: Dataset | Iterable[Strike] | None = None,
    *,
    ceasefires: Iterable[Ceasefire] | None = None,
    title: str | None = None,
    zoom: tuple[PeriodLike, PeriodLike] | bool = True,
) -> matplotlib.figure.Figure:
    """A timeline: one row per strike, over its possible dates, with ceasefires shaded.

    Drawn: one row per strike, earliest first, labelled with its date range (ISO) and
    place name, and under them who struck whom. A bar runs over the days the strike can
    have happened on (the date's uncertainty; a strike dated to one day has no bar), and a
    point marks the middle of that range (for a range with no known end, its first day).
    The point's shape is the perpetrator (the legend "who struck"). Its colour is the
    target, one colour per group wherever it is named: a strike on several groups has one
    point (and bar) per target, stacked in its row (grey: no target named). A series of
    strikes reported as one record (``Scope.SERIES``) has hollow points and pale bars. A
    day runs from its midnight to the next, so a strike dated to one day is drawn at noon.

    Ceasefires, truces and agreements are shaded by what
    [`Ceasefire.status_on`][idlibstrikes.Ceasefire.status_on] says of each day: solid
    while it is known to be in effect; light and hatched after its last report when no
    source says it ended ("status unknown", up to the day it ended at the latest, or to
    the right edge), and on the days its uncertain start or end may fall ("may be in
    effect"). Nothing is shaded once it has ended. Each ceasefire has its own colour; the
    legend gives its days by status.

    When three or more strikes fall too close together to be told apart on the whole
    axis, a second panel under it zooms on them (a box on the first panel shows where).

    Not drawn: the point of a ranged strike is not a known date, only the middle of its
    range; casualty figures. The date axis covers the strikes: a ceasefire is clipped to
    it, and one entirely outside it is not drawn.

    Args:
        data: A [`Dataset`][idlibstrikes.Dataset] (its strikes and ceasefires), an iterable
            of [`Strike`][idlibstrikes.Strike] records (no ceasefires unless ``ceasefires`` is
            given), or ``None`` for the bundled dataset.
        ceasefires: The ceasefires to shade, in place of the dataset's.
        title: The figure's title; a description of the figure by default.
        zoom: ``True`` for a zoom panel on the most crowded strikes, if any are; ``False``
            for none; or a period to zoom on, from the first day of one period (a year,
            month or day, as for
            [`Dataset.strikes_between`][idlibstrikes.Dataset.strikes_between]) to the last
            day of the other, such as ``("2019-04", "2019-09")``.

    Returns:
        A `matplotlib.figure.Figure` whose first axes is the whole timeline and whose
        second, if any, the zoom. Spans where a ceasefire is in effect have the ``gid``
        ``"ceasefire"``, those of unknown status ``"ceasefire-unknown"``, those where it
        may be in effect ``"ceasefire-uncertain"``; strike points and bars ``"strike"``,
        labelled with their target.

    Raises:
        ImportError: matplotlib is not installed.
        TypeError: ``data`` or ``ceasefires`` holds something other than records.
        ValueError: There are no strikes, none has a known date bound, or no strike
            falls in the ``zoom`` period.
        InvalidPeriodError: A ``zoom`` bound cannot be read.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load(sources="articles")
        >>> fig = isk.timeline(data.strikes_by_group("Hurras al-Din"), title="Hurras al-Din")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][-1].splitlines()
        ['2025-02-15  motorway near the village of Urum Al Joz', 'US military → Hurras al-Din']
        >>> fig = isk.timeline()
        >>> fig.axes[1].get_title()  # January 2017's campaign: records too close to read
        'Zoom: 2016-08-23 to 2017-04-06 (boxed above)'
        >>> sorted({p.get_gid() for p in fig.axes[0].patches if p.get_gid()})
        ['ceasefire', 'ceasefire-uncertain', 'ceasefire-unknown']
    """
    from ._timeline import timeline as drawn

    chosen = load() if data is None else data
    return drawn(chosen, ceasefires=ceasefires, title=title, zoom=zoom)


def map(
    data: Dataset | Iterable[Strike] | None = None,
    *,
    title: str | None = None,
) -> matplotlib.figure.Figure:
    """A map of the strikes, each placed as the codebook's rules place it, with context.

    Drawn: every strike that can be placed, at the point the codebook's rules give (the
    same as ``latitude``/``longitude`` in the tables and the GeoJSON), its marker and
    colour saying ACLED's precision (1 the place itself, 2 near a place, 3 a district's
    or governorate's seat standing for it), and a dashed circle of its ``geo_radius_m``;
    labelled with the place's name and the strikes' dates (strikes sharing a point share
    a label). As context, the reference towns (every place a reference gives a point for,
    grey squares, with the governorate a seat stands for; the legend says what they and
    the circles are). Labels go where they cover no marker and no other label, with a
    leader line when they must stand off. Under the axes, a box lists every strike that
    has no point, by place name; the title counts both.

    Not drawn: no basemap, borders or coastlines (nothing is downloaded; for a web map
    with a basemap use ``data.to_geodataframe().explore()``); no point is guessed. A
    point at precision 2 or 3 is a known place standing for the strike, not where it
    landed. Degrees of longitude and latitude are drawn the same size, so at Idlib's
    latitude east-west distances look about a fifth longer than they are.

    Args:
        data: A [`Dataset`][idlibstrikes.Dataset], an iterable of
            [`Strike`][idlibstrikes.Strike] records (a query's result keeps its dataset's
            places), or ``None`` for the bundled dataset.
        title: The figure's title; by default it says how many strikes are placed.

    Returns:
        A `matplotlib.figure.Figure` whose first axes is the map; the strike points
        have the ``gid`` ``"strike"``, the reference towns ``"context"``.

    Raises:
        ImportError: matplotlib is not installed.
        TypeError: ``data`` holds something other than strikes.

    Examples:
        >>> import idlibstrikes as isk
        >>> fig = isk.map()
        >>> print(fig.axes[0].get_title())
        Strikes placed from reference points: 53 of 62 (precision 1: 5, 2: 7, 3: 41)
        and series of strikes: 0 of 9
        >>> any("no point" in t.get_text() for t in fig.axes[0].texts)
        True
    """
    from ._map import map as drawn

    return drawn(load() if data is None else data, title=title)
