"""idlibstrikes: US strikes on al-Qaeda-linked groups in north-west Syria, as typed, cited data.

Every figure, date, name and place in the dataset carries the article it comes from and
the article's own words. Where sources disagree, each claim is kept.

Examples:
    >>> import idlibstrikes as isk
    >>> data = isk.load()
    >>> strike = data.strikes_by_group("Hurras al-Din")[0]
    >>> str(strike.date), strike.place.name
    ('2019-06-30', 'Rif Al-Muhandiseen')
"""

from ._casualties import Casualties, StrikeCasualties
from ._dataset import Dataset, load
from ._dates import DatePrecision, DateRange, parse_period
from ._errors import DataError, InvalidPeriodError, Problem, UnknownNameError
from ._export import Export, csv_text, export, geojson
from ._models import (
    Affiliation,
    Announcement,
    CasualtyClaim,
    Ceasefire,
    CeasefireKind,
    Citation,
    Confidence,
    Coordinates,
    DateClaim,
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
    StrengthEstimate,
    Strike,
    StrikeKind,
    Victims,
)
from ._plot import map, timeline
from ._results import Ceasefires, Strikes
from ._tables import Column, columns
from ._write import dump, dumps

__all__ = [
    "Affiliation",
    "Announcement",
    "Casualties",
    "CasualtyClaim",
    "Ceasefire",
    "CeasefireKind",
    "Ceasefires",
    "Citation",
    "Column",
    "Confidence",
    "Coordinates",
    "DataError",
    "Dataset",
    "DateClaim",
    "DatePrecision",
    "DateRange",
    "Export",
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
    "StrengthEstimate",
    "Strike",
    "StrikeCasualties",
    "StrikeKind",
    "Strikes",
    "UnknownNameError",
    "Victims",
    "columns",
    "csv_text",
    "dump",
    "dumps",
    "export",
    "geojson",
    "load",
    "map",
    "parse_period",
    "timeline",
]
