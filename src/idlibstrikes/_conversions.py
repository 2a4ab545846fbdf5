"""A dataset's analysts' tables as dicts, Arrow, Polars and pandas, and as ACLED and UCDP GED.

`Conversions` holds the `Dataset`'s conversion methods (``Dataset`` is built on it, in
``_dataset``), so that the dataset's own module keeps to its records, look-ups and queries.
Each method is a few lines handing the dataset to the views that make the rows
(``_tables``, ``_shapes``) and the `Table` that converts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from ._results import Ceasefires, Strikes

if TYPE_CHECKING:
    from ._dataset import Dataset
    from ._models import Strike
    from ._table import Table

__all__ = ["Conversions"]


class Conversions:
    """The conversion methods of a [`Dataset`][idlibstrikes.Dataset] (its base class)."""

    __slots__ = ()

    def to_records(self, kind: str | Strikes | Ceasefires = "strikes") -> list[dict[str, Any]]:
        """One plain dict per record of a table (no dependency needed).

        Tables: ``strikes`` (one row per strike, with event-dataset columns), ``claims``
        (one row per casualty claim), ``groups``, ``ceasefires``, ``sources``. The columns
        are described by [`columns`][idlibstrikes.columns] and in the codebook.

        Args:
            kind: The table.

        Raises:
            UnknownNameError: An unknown table.

        Examples:
            >>> import idlibstrikes as isk
            >>> rows = isk.load(sources="articles").to_records("claims")
            >>> commanders = [r for r in rows if r["victims"] == "commanders"]
            >>> [(r["low"], r["high"], r["source"][:3]) for r in commanders][:3]
            [(8, 8, '002'), (6, None, '002'), (6, 6, '003')]
        """
        return self.table(kind).to_records()

    def table(self, kind: str | Strikes | Ceasefires = "strikes") -> Table:
        """One of the analyst's tables as a [`Table`][idlibstrikes.Table].

        The same rows as `to_records`, with typed columns for Arrow, Polars and pandas;
        a table is an Arrow stream, so ``duckdb.sql("from t")`` and
        ``polars.DataFrame(t)`` read it directly.

        Args:
            kind: ``strikes`` (single strikes only), ``series`` (series of strikes
                reported as one, with their own date and ``toll_*`` columns: never summed
                with strikes), ``claims``, ``groups``, ``ceasefires``, ``sources`` or
                ``references``; or a query's result (``Strikes``, ``Ceasefires``), for
                its rows (a result's series: ``result.table("series")``). The other
                methods that take ``kind`` take a result too.

        Raises:
            UnknownNameError: An unknown table.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load(sources="articles")
            >>> len(data.table(data.strikes_by_group("Hurras al-Din")))
            4
            >>> t = isk.load(sources="articles").table("strikes")
            >>> len(t), t.name, len(isk.load(sources="articles").table("series"))
            (7, 'strikes', 4)
        """
        if isinstance(kind, Strikes | Ceasefires):  # a query's result: its rows
            return kind.table()
        from ._tables import to_table

        return to_table(cast("Dataset", self), kind)

    def to_arrow(self, kind: str | Strikes | Ceasefires = "strikes") -> Any:
        """One of the analyst's tables as a ``pyarrow.Table`` (``[arrow]`` extra).

        See [`Table.to_arrow`][idlibstrikes.Table.to_arrow] for the types; the lossless
        tables convert the same way (``data.tables()["casualty_claims"].to_arrow()``).

        Raises:
            ImportError: pyarrow is not installed (the message names the extra).
            UnknownNameError: An unknown table.

        Examples:
            >>> import idlibstrikes as isk
            >>> t = isk.load(sources="articles").to_arrow("strikes")
            >>> t.num_rows, str(t.schema.field("actor2").type)
            (7, 'list<item: string>')
        """
        return self.table(kind).to_arrow()

    def to_polars(self, kind: str | Strikes | Ceasefires = "strikes") -> Any:
        """One of the analyst's tables as a ``polars.DataFrame`` (``[polars]`` extra).

        Raises:
            ImportError: polars or pyarrow is not installed (the message names the extra).
            UnknownNameError: An unknown table.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").to_polars("claims").height
            20
        """
        return self.table(kind).to_polars()

    def to_dataframe(self, kind: str | Strikes | Ceasefires = "strikes") -> Any:
        """A table as a pandas DataFrame (``pip install pandas``: the ``[pandas]`` extra).

        Args:
            kind: ``strikes`` (single strikes only), ``series``, ``claims``, ``groups``,
                ``ceasefires``, ``sources`` or ``references`` (see `table`).

        Raises:
            ImportError: pandas is not installed (the message names the extra).
            UnknownNameError: An unknown table.

        Examples:
            >>> import idlibstrikes as isk
            >>> df = isk.load(sources="articles").to_dataframe()
            >>> on_had = df["actor2"].map(lambda targets: "Hurras al-Din" in targets)
            >>> df.loc[on_had, "event_date"].dt.year.tolist()
            [2019, 2019, 2025, 2025]
        """
        return self.table(kind).to_dataframe()

    def to_acled(self, strikes: Iterable[Strike] | None = None) -> Table:
        """The single strikes as ACLED data: its 31 columns, types, codes and conventions.

        One row per strike ACLED would record (dated to a month at least, placed below
        the country; never a series), in ACLED's column order: ``event_date``,
        ``event_type`` "Explosions/Remote violence", ``sub_event_type``, ``actor1``
        ("Military Forces of the United States (2017-2021)"), ``fatalities`` (the most
        conservative figure; 0 where nothing is known, tagged ``fatalities=no report``)
        ... What ACLED's columns cannot hold (ranges, disputes) is in ``notes`` and
        ``tags``; the records left out, with why, are in the table's metadata
        (``"idlibstrikes.left_out"``). The codebook ("ACLED and UCDP GED shapes") gives
        every column and rule. ``export("acled", ...)`` writes it as ``acled.csv``.

        Args:
            strikes: The strikes to shape (a query's result); all by default.

        Examples:
            >>> import idlibstrikes as isk
            >>> acled = isk.load().to_acled().to_dataframe()
            >>> remote = acled[acled["event_type"] == "Explosions/Remote violence"]
            >>> int(remote.groupby("year")["fatalities"].sum().loc[2019])
            50
            >>> unknown = acled["tags"].str.contains("fatalities=no report", na=False)
            >>> int(unknown.sum()), int(acled.loc[unknown, "fatalities"].sum())  # 0: not known
            (3, 0)
        """
        from ._shapes import acled

        return acled(cast("Dataset", self), strikes)

    def to_ucdp_ged(self, kind: str = "strikes", strikes: Iterable[Strike] | None = None) -> Table:
        """The strikes (or the series) as UCDP GED data: its 49 columns, types and codes.

        One row per strike with at least one death the accounts agree on (UCDP's event
        definition), dated within one year, in GED's column order; ``low``, ``best`` and
        ``high`` are the strike's range (``best`` empty where the accounts disagree),
        ``where_prec`` and ``date_prec`` UCDP's scales, ``priogrid_gid`` computed from
        the point. Series (strikes reported as one) are ``kind="series"``, with
        ``event_clarity`` 2: never in one table with single strikes. UCDP's conflict and
        dyad ids are empty; see the codebook ("ACLED and UCDP GED shapes").

        Args:
            kind: ``strikes`` (single strikes, ``event_clarity`` 1) or ``series``.
            strikes: The strikes to shape (a query's result); all by default.

        Raises:
            UnknownNameError: A ``kind`` other than those two.

        Examples:
            >>> import idlibstrikes as isk
            >>> ged = isk.load().to_ucdp_ged().to_dataframe()
            >>> state_based = ged[ged["type_of_violence"] == 1]
            >>> int(state_based["low"].sum()), int(state_based["high"].sum())
            (376, 504)
            >>> int(state_based["best"].count()), len(state_based)  # best: where accounts agree
            (28, 47)
        """
        from ._shapes import ucdp_ged

        return ucdp_ged(cast("Dataset", self), kind, strikes)
