"""Where a strike can be put on a map, and how sure that is: ACLED's precision codes.

The articles give no coordinates. A point comes only from a reference (the gazetteer in
``shared/reference/external-facts.md``), and a strike is placed by the first rule that
applies, as ACLED places events (geo-precision 1-3) and UCDP GED codes ``where_prec``:

1. Its place has its own point in a reference: precision 1, the place itself.
2. A reference fact puts the strike at, or near, a place that has a point ("a training
   camp between Maarrat Misrin and Kafriya"): precision 2, near that place.
3. The article puts it near a place ("near Idlib") that has a point: precision 2.
4. Its district is known and the town that names the district has a point: precision
   3, the district's seat stands for the district.
5. Its governorate is known and the city that names it has a point: precision 3.

Otherwise the strike keeps a null geometry: nothing is guessed. Every point names the
reference it comes from (``geo_source``) and, in ``location_basis``, what the point is.
``radius_m`` is the codebook's convention for how far the strike may lie from the point
(UCDP's 25 km for "near"; a district's or governorate's extent), not a measurement.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ._models import Place, PlaceKind, Strike

__all__ = [
    "Placement",
    "gazetteer",
    "place",
    "reached",
    "to_geodataframe",
]

#: How far (metres) a strike may lie from its point, by what the point stands for.
RADIUS = {
    PlaceKind.SITE: 1_000,
    PlaceKind.SUBURB: 2_000,
    PlaceKind.VILLAGE: 2_000,
    PlaceKind.TOWN: 3_000,
    PlaceKind.CITY: 8_000,
}
NEAR_RADIUS = 25_000  # UCDP GED where_prec 2: "within a 25 km radius" of a known point
DISTRICT_RADIUS = 30_000
GOVERNORATE_RADIUS = 60_000


@attrs.frozen(kw_only=True)
class Placement:
    """Where a strike goes on a map, how precisely, and on whose authority.

    Attributes:
        latitude: WGS 84 latitude, or ``None`` where nothing places the strike.
        longitude: WGS 84 longitude, or ``None``.
        precision: ACLED's geo-precision: 1 the place itself, 2 near a known place, 3 a
            district or governorate seat standing for the area; ``None`` without a point.
        basis: What the point is and why it stands for the strike, in words.
        radius_m: How far the strike may lie from the point (a convention, not a
            measurement); ``None`` without a point.
        point_of: The id of the place whose point it is.
        geo_source: The id of the reference giving the point.

    Examples:
        >>> import idlibstrikes as isk
        >>> from idlibstrikes._geo import place
        >>> p = place(isk.load(sources="articles").strike("2019-08-31-idlib-training-camp"))
        >>> p.precision, p.point_of, p.geo_source, p.radius_m
        (2, 'maarrat-misrin', 'ref-geonames', 25000)
    """

    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None
    basis: str
    radius_m: int | None = None
    point_of: str | None = None
    geo_source: str | None = None

    @property
    def placed(self) -> bool:
        """Whether the strike has a point.

        Examples:
            >>> import idlibstrikes as isk
            >>> from idlibstrikes._geo import place
            >>> place(isk.load(sources="articles").strike("2019-idlib-offensive")).placed
            False
        """
        return self.latitude is not None


def _point(p: Place | None) -> tuple[float, float, str] | None:
    ref = p.reference if p is not None else None
    if ref is None or ref.coordinates is None:
        return None
    return ref.coordinates.latitude, ref.coordinates.longitude, ref.source.id


def _at(p: Place, precision: int, basis: str, radius: int) -> Placement:
    found = _point(p)
    assert found is not None
    lat, lon, source = found
    return Placement(
        latitude=lat,
        longitude=lon,
        precision=precision,
        basis=f"{basis}; point: {p.name}, from {source}",
        radius_m=radius,
        point_of=p.id,
        geo_source=source,
    )


def gazetteer(places: Iterable[Place]) -> list[Place]:
    """The places a reference gives a point for: those that can place a strike.

    Examples:
        >>> import idlibstrikes as isk
        >>> [p.id for p in gazetteer(isk.load(sources="articles").places)][:3]
        ['idlib', 'al-jinah', 'kafranbel']
    """
    return [p for p in places if _point(p) is not None]


def reached(strike: Strike) -> list[Place]:
    """The places a strike's own records name: its place, a reference's place, its "near"."""
    own = strike.place
    facts = [f.place for f in strike.references if f.field == "place" and f.place is not None]
    return [own, *facts, *([own.near] if own.near else [])]


def _seat(name: str | None, level: str, gazetteer: Iterable[Place]) -> Place | None:
    """The place with a point that names a district or governorate (its seat)."""
    if name is None:
        return None
    for p in gazetteer:
        ref = p.reference
        if ref is None or ref.coordinates is None:
            continue
        area = ref.district if level == "district" else ref.governorate
        if area == name and name in (p.name, *p.aliases, *ref.names):
            return p
    return None


def place(strike: Strike, gazetteer: Iterable[Place] | None = None) -> Placement:
    """Where ``strike`` goes on a map (see the module's rules).

    Args:
        strike: The strike.
        gazetteer: The places whose points may stand for a district or governorate; by
            default those the strike's own records reach (enough for the bundled data;
            `Dataset` passes all its places).
    """
    own = strike.place
    facts = [f for f in strike.references if f.field == "place" and f.place is not None]
    if _point(own) is not None:
        return _at(own, 1, f"the place itself ({own.name})", RADIUS.get(own.kind, 3_000))
    for fact in facts:
        if fact.place is not None and _point(fact.place) is not None:
            return _at(
                fact.place, 2, f"near {fact.place.name}, per reference {fact.id}", NEAR_RADIUS
            )
    if own.near is not None and _point(own.near) is not None:
        return _at(own.near, 2, f"near {own.near.name}, as the article puts it", NEAR_RADIUS)
    known = reached(strike)
    places = list(gazetteer) if gazetteer is not None else known
    for p in known:
        district = p.reference.district if p.reference is not None else None
        seat = _seat(district, "district", places)
        if seat is not None:
            said = p.reference.source.id if p.reference is not None else "?"
            basis = f"in {district} District (per {said} on {p.name}), whose seat stands for it"
            return _at(seat, 3, basis, DISTRICT_RADIUS)
    for p in known:
        ref = p.reference
        for governorate, said in (
            (p.governorate, "the article"),
            (ref.governorate if ref is not None else None, ref.source.id if ref else ""),
        ):
            seat = _seat(governorate, "governorate", places)
            if seat is not None:
                basis = (
                    f"in {governorate} Governorate (per {said} on {p.name}), "
                    "whose seat stands for it"
                )
                return _at(seat, 3, basis, GOVERNORATE_RADIUS)
    return Placement(
        basis=f"no point: no reference gives one for {own.name}, a place near it, or its "
        "district or governorate"
    )


def to_geodataframe(table: Any) -> Any:
    """A strikes view table as a geopandas GeoDataFrame (EPSG:4326; ``[geo]`` extra)."""
    from ._table import require

    gpd = require("geopandas", "geo", "to_geodataframe()")
    frame = table.to_dataframe()
    geometry = gpd.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
    placed = frame["latitude"].notna().to_numpy()
    geometry = gpd.GeoSeries(
        [g if ok else None for g, ok in zip(geometry, placed, strict=True)],
        crs="EPSG:4326",
        index=frame.index,
    )
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
