"""idlibstrikes: US strikes on al-Qaeda-linked groups in north-west Syria, as typed, cited data.

Every figure, date, name and place in the dataset carries the article it comes from and
the article's own words. Where sources disagree, each claim is kept.

Examples:
    >>> import idlibstrikes as isk
    >>> data = isk.load(sources="articles")
    >>> strike = data.strikes_by_group("Hurras al-Din")[0]
    >>> str(strike.date), strike.place.name
    ('2019-06-30', 'Rif Al-Muhandiseen')
"""

import typing as _typing

from ._collector import collector_paused as _collector_paused

# Maintainer's note: the collector is paused while the package's modules (and attrs) are
# imported. Making its record classes sets off collections that walk everything the
# interpreter has made so far and free almost nothing: about 2 ms of a first answer's
# 77 (docs/benchmarks.md). What the import made is then moved, unwalked, to the oldest
# generation (see `collector_paused`).
with _collector_paused():
    from . import _records
    from ._dataset import Dataset
    from ._dates import DatePrecision, DateRange, parse_period
    from ._errors import DataError, InvalidPeriodError, Problem, UnknownNameError
    from ._loading import load
    from ._models import (
        Affiliation,
        Announcement,
        Attribution,
        CasualtyClaim,
        Ceasefire,
        CeasefireKind,
        CeasefireStatus,
        Citation,
        Confidence,
        Coordinates,
        DateClaim,
        Development,
        DevelopmentKind,
        Figure,
        Group,
        GroupKind,
        Outcome,
        Person,
        Place,
        PlaceKind,
        PlaceReference,
        ReferenceFact,
        Relation,
        Role,
        Scope,
        Source,
        SourceKind,
        Stance,
        StatusSpan,
        StrengthEstimate,
        Strike,
        StrikeKind,
        Victims,
    )
    from ._results import Ceasefires, Strikes


def _html_view(record: object) -> str:
    # The model's notebook view hands off to the views layer through this hook (see
    # _records.html_view): the model is below the views, and imports none of them.
    from ._html import render

    return render(record)


_records.html_view = _html_view

# imported on first use (see __getattr__), so that `import idlibstrikes` stays cheap
if _typing.TYPE_CHECKING:
    from ._casualties import Account, Basis, Casualties, StrikeCasualties
    from ._cite import CitedArticle
    from ._columns import Field, fields
    from ._dataset import from_tables
    from ._defaults import cite, map, timeline
    from ._export import Export, export
    from ._export._csv import csv_text
    from ._export._geojson import geojson
    from ._relational import Tables
    from ._release import DataVersion
    from ._table import Table
    from ._view_columns import Column, columns
    from ._write import dump, dumps

__all__ = [
    "Account",
    "Affiliation",
    "Announcement",
    "Attribution",
    "Basis",
    "Casualties",
    "CasualtyClaim",
    "Ceasefire",
    "CeasefireKind",
    "CeasefireStatus",
    "Ceasefires",
    "Citation",
    "CitedArticle",
    "Column",
    "Confidence",
    "Coordinates",
    "DataError",
    "DataVersion",
    "Dataset",
    "DateClaim",
    "DatePrecision",
    "DateRange",
    "Development",
    "DevelopmentKind",
    "Export",
    "Field",
    "Figure",
    "Group",
    "GroupKind",
    "InvalidPeriodError",
    "Outcome",
    "Person",
    "Place",
    "PlaceKind",
    "PlaceReference",
    "Problem",
    "ReferenceFact",
    "Relation",
    "Role",
    "Scope",
    "Source",
    "SourceKind",
    "Stance",
    "StatusSpan",
    "StrengthEstimate",
    "Strike",
    "StrikeCasualties",
    "StrikeKind",
    "Strikes",
    "Table",
    "Tables",
    "UnknownNameError",
    "Victims",
    "cite",
    "columns",
    "csv_text",
    "dump",
    "dumps",
    "export",
    "fields",
    "from_tables",
    "geojson",
    "load",
    "map",
    "parse_period",
    "timeline",
]

# Exports, tables, plots and writing are not needed to load data and ask questions, so
# their modules are imported when one of their names is first used (PEP 562).
_LAZY = {
    "Account": "_casualties",
    "Basis": "_casualties",
    "Casualties": "_casualties",
    "StrikeCasualties": "_casualties",
    "CitedArticle": "_cite",
    "cite": "_defaults",
    "DataVersion": "_release",
    "Column": "_view_columns",
    "columns": "_view_columns",
    "Export": "_export",
    "csv_text": "_export._csv",
    "export": "_export",
    "geojson": "_export._geojson",
    "map": "_defaults",
    "Field": "_columns",
    "Table": "_table",
    "Tables": "_relational",
    "fields": "_columns",
    "from_tables": "_dataset",
    "timeline": "_defaults",
    "dump": "_write",
    "dumps": "_write",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'idlibstrikes' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next access is a plain global
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
