"""The map's ground: country borders, Syria's governorates and the coast, from Natural Earth.

The lines are bundled as ``geo/boundaries.json``, a small GeoJSON file made by
``tools/basemap.py`` from Natural Earth's 1:10m admin-1 layer (public domain; the source,
its checksum and the licence are in ``geo/README.md`` and the file's ``source`` member).
It is read with the standard library alone: plain rings and lines of (longitude, latitude)
pairs, which the map (``_map``) draws with matplotlib patches and lines. Nothing is
fetched: the map works offline.

The lines are Natural Earth's de facto ones (Hatay in Turkey, the Golan Heights in Israel's
Northern District), drawn as context for the strikes, not as a statement on sovereignty.

Examples:
    >>> ground = boundaries()
    >>> [a.name for a in ground.countries][:3]
    ['Syria', 'Turkey', 'Lebanon']
    >>> ground.governorate_at(36.6339, 35.9306).name  # Idlib city (GeoNames 169389)
    'Idlib'
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import attrs

__all__ = ["Area", "Boundaries", "Line", "boundaries"]

#: A ring or a line: (longitude, latitude) pairs.
Points = tuple[tuple[float, float], ...]


@attrs.frozen
class Area:
    """A country, or one of Syria's governorates, as polygons of (lon, lat) rings.

    Attributes:
        kind: ``"country"`` or ``"governorate"``.
        code: Natural Earth's country code (``"SYR"``) or the ISO 3166-2 code (``"SY-ID"``).
        name: The English name Natural Earth gives.
        polygons: Each polygon's rings, the outer ring first, then its holes.

    Examples:
        >>> idlib = boundaries().governorate("SY-ID")
        >>> idlib.name, idlib.contains(36.6339, 35.9306), idlib.contains(37.1612, 36.2012)
        ('Idlib', True, False)
    """

    kind: str
    code: str
    name: str
    polygons: tuple[tuple[Points, ...], ...]

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies inside (even-odd rule over every ring, so holes are holes).

        Examples:
            >>> syria = boundaries().country("SYR")
            >>> syria.contains(37.1612, 36.2012), syria.contains(36.6, 37.0)  # Aleppo; Turkey
            (True, False)
        """
        inside = False
        for polygon in self.polygons:
            for ring in polygon:
                inside ^= _crosses(ring, lon, lat)
        return inside


@attrs.frozen
class Line:
    """A border, a governorate boundary or the coast, as lines of (lon, lat) points.

    Attributes:
        kind: ``"border"`` (between two countries), ``"governorate-boundary"`` (between two
            of Syria's governorates) or ``"coast"``.
        between: The two countries' codes for a border (``("SYR", "TUR")``), else empty.
        parts: The line's pieces.

    Examples:
        >>> [line.between for line in boundaries().borders_of("SYR")][-1]
        ('SYR', 'TUR')
    """

    kind: str
    between: tuple[str, ...]
    parts: tuple[Points, ...]


@attrs.frozen
class Boundaries:
    """Everything bundled: the areas, the lines, and where they come from.

    Attributes:
        countries: Syria and its neighbours, each clipped to the box around Syria.
        governorates: Syria's fourteen governorates.
        lines: The borders, the governorate boundaries and the coast.
        box: The box (west, south, east, north, in degrees) the data was clipped to: the
            map has no ground outside it.
        source: The citation: title, publisher, licence and how the copy was made.

    Examples:
        >>> ground = boundaries()
        >>> len(ground.governorates), ground.source.startswith("Natural Earth")
        (14, True)
    """

    countries: tuple[Area, ...]
    governorates: tuple[Area, ...]
    lines: tuple[Line, ...]
    box: tuple[float, float, float, float]
    source: str

    @property
    def credit(self) -> str:
        """The short credit a figure prints under the ground it draws.

        Examples:
            >>> print(boundaries().credit)
            Borders: Natural Earth 1:10m
            (public domain), simplified;
            de facto lines, not a claim
        """
        return (
            "Borders: Natural Earth 1:10m\n(public domain), simplified;\n"
            "de facto lines, not a claim"
        )

    def country(self, code: str) -> Area:
        """The country with Natural Earth's code ``code`` (``"SYR"``).

        Examples:
            >>> boundaries().country("LBN").name
            'Lebanon'
        """
        return _by_code(self.countries, code)

    def governorate(self, code: str) -> Area:
        """The governorate with ISO 3166-2 code ``code`` (``"SY-HL"``).

        Examples:
            >>> boundaries().governorate("SY-HL").name
            'Aleppo'
        """
        return _by_code(self.governorates, code)

    def governorate_at(self, lon: float, lat: float) -> Area | None:
        """The governorate the point lies in, or ``None`` outside Syria's governorates.

        Examples:
            >>> print(boundaries().governorate_at(36.6, 37.0))  # north of the border
            None
        """
        return next((g for g in self.governorates if g.contains(lon, lat)), None)

    def borders_of(self, code: str) -> tuple[Line, ...]:
        """The borders between the country ``code`` and its neighbours.

        Examples:
            >>> sorted(n for b in boundaries().borders_of("LBN") for n in b.between)
            ['ISR', 'LBN', 'LBN', 'SYR']
        """
        return tuple(line for line in self.lines if code in line.between)


@functools.cache
def boundaries() -> Boundaries:
    """The bundled boundaries (read once, then kept).

    Examples:
        >>> boundaries() is boundaries()
        True
    """
    raw = resources.files("idlibstrikes").joinpath("geo", "boundaries.json").read_bytes()
    document = json.loads(raw)
    countries: list[Area] = []
    governorates: list[Area] = []
    lines: list[Line] = []
    for feature in document["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        kind = props["kind"]
        if kind in ("country", "governorate"):
            area = Area(kind, props["code"], props["name"], _polygons(geometry))
            (countries if kind == "country" else governorates).append(area)
        else:
            between = tuple(props["code"].split("-")) if kind == "border" else ()
            lines.append(Line(kind, between, _lines(geometry)))
    source = document["source"]
    citation = (
        f"{source['title']}; {source['publisher']}, {source['licence']}; "
        f"simplified to {source['tolerance_degrees']} degrees by {source['made_by']}"
    )
    west, south, east, north = (float(v) for v in source["box"])
    box = (west, south, east, north)
    return Boundaries(tuple(countries), tuple(governorates), tuple(lines), box, citation)


def _by_code(areas: tuple[Area, ...], code: str) -> Area:
    for area in areas:
        if area.code == code:
            return area
    known = ", ".join(a.code for a in areas)
    raise KeyError(f"no area with the code {code!r}; the bundled ones: {known}")


def _points(coordinates: Any) -> Points:
    return tuple((float(x), float(y)) for x, y in coordinates)


def _polygons(geometry: dict[str, Any]) -> tuple[tuple[Points, ...], ...]:
    coordinates = geometry["coordinates"]
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    return tuple(tuple(_points(ring) for ring in polygon) for polygon in polygons)


def _lines(geometry: dict[str, Any]) -> tuple[Points, ...]:
    coordinates = geometry["coordinates"]
    parts = [coordinates] if geometry["type"] == "LineString" else coordinates
    return tuple(_points(part) for part in parts)


def _crosses(ring: Points, lon: float, lat: float) -> bool:
    """Whether a ray from the point eastwards crosses the ring an odd number of times."""
    odd = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            odd = not odd
    return odd
