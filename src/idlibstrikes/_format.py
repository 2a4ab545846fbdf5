"""The data-file format, described once: every kind of record and every object inside one.

Each object shape of a data file (a strike, a casualty claim, a date ...) is a `Shape`: its
fields, each a `Field` with a JSON type, whether it is required, the vocabulary or the kind
of record it names, and the text rules it obeys. Everything that reads or writes the format
is made from this description, so that adding a field is editing one place:

* the keys a record may have (an unknown key is reported as a possible typo);
* the strict reader's checks, each problem located (``_builder.RecordBuilder.read``);
* the quick read's plain checks, for large files (``_builder.RecordBuilder.plan``);
* the JSON Schema editors validate files with (``_jsonschema``);
* the writer (``_write``) and the lossless tables, both directions (``_relational``).

What a description cannot say (an id that names no record, a quote missing from its
article, dates that contradict each other, a summary of several claims) the builders of
each kind check and compute (``_load``).

Maintainer's note: the JSON types are few on purpose; each is read the same way wherever it
appears. ``text`` is a non-empty string that UTF-8 can hold; ``id`` the id pattern;
``ref``/``refs`` ids of records of the kind named in ``of``, resolved while loading (a
``names`` field holds an id that is checked once every record is built, where the record
may be of several kinds, or a back-reference that would make a cycle); ``count`` a whole
number of zero or more; ``integer`` any whole number (bounded by ``minimum``/``maximum``);
``number`` a finite number; ``flag`` true or false; ``word``/``words`` members of the
vocabulary in ``of`` (an Enum, or a tuple of words); ``day`` an ISO day; ``object`` and
``objects`` a nested shape (``of`` names it).
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Mapping
from enum import Enum
from typing import Any, Literal

import attrs

from ._models import (
    CeasefireKind,
    Confidence,
    DevelopmentKind,
    GroupKind,
    Outcome,
    PlaceKind,
    Relation,
    Scope,
    SourceKind,
    Stance,
    StrikeKind,
    Victims,
)

__all__ = ["FORMAT", "KINDS", "Field", "Format", "Shape", "Type"]

Type = Literal[
    "text",
    "id",
    "ref",
    "refs",
    "names",
    "texts",
    "count",
    "integer",
    "number",
    "flag",
    "word",
    "words",
    "day",
    "object",
    "objects",
]


@attrs.frozen(kw_only=True)
class Field:
    """One key of an object in a data file.

    Attributes:
        name: The key.
        type: Its JSON type (see the module's note).
        doc: What a value means (the lossless tables' column description).
        required: Whether the key must be given (a null is the key left out).
        of: For ``ref``/``refs``/``names``: the kind of record named ("group"); for
            ``word``/``words``: the vocabulary (an Enum or a tuple of words); for
            ``object``/``objects``: the shape's name.
        default: The value an absent key stands for (a vocabulary's word, ``False``).
        quote: A text that must be found in the article of the object's ``source``.
        keep_null: ``null`` means something (a claim's ``high``: no upper bound), so it
            is written out rather than left out.
        minimum: The smallest number allowed.
        maximum: The largest number allowed.
        pattern: A regular expression a text must match (beyond being text).
        addable: Whether a user's ``"additions"`` may append to this list of an existing
            record.
        wide: A count that may pass 32 bits (figures of the wider war).
        tables: Whether the lossless tables hold it (a compact form's keys do not).
    """

    name: str
    type: Type
    doc: str = ""
    required: bool = False
    of: str | builtins.type[Enum] | tuple[str, ...] | None = None
    default: Any = None
    quote: bool = False
    keep_null: bool = False
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    addable: bool = False
    wide: bool = False
    tables: bool = True

    @property
    def words(self) -> tuple[str, ...]:
        """A ``word``/``words`` field's vocabulary, as the words a file may hold."""
        if isinstance(self.of, tuple):
            return self.of
        if isinstance(self.of, builtins.type) and issubclass(self.of, Enum):
            return tuple(str(m.value) for m in self.of)
        return ()


@attrs.frozen(kw_only=True, slots=False)  # not slotted: its derived sets are cached
class Shape:
    """One kind of JSON object in a data file, and the fields it may hold.

    Attributes:
        name: The shape's name ("strike", "claim", "date").
        fields: Its fields, in the order files write them.
        plural: For a kind of record: its key at the top of a file ("strikes").
        table: For a shape that is a list item: its lossless table ("casualty_claims").
        one_of: The forms an object takes, exactly one of which it gives: each a tuple
            whose first item is the key (or keys joined by ``|``, any of them) that marks
            the form, and whose other items the form also requires (a date's span, its
            relative form with its anchor, or its bounds with their reasoning).
        together: Keys given together or not at all (a point's latitude and longitude).
        comments: Whether a ``"//"`` comment key is allowed (everywhere but in a relative
            date's arguments, which go to dateutil as they are).
        nulls: Whether an optional key may be given as null, meaning left out.
        doc: What the shape is.
    """

    name: str
    fields: tuple[Field, ...]
    plural: str | None = None
    table: str | None = None
    one_of: tuple[tuple[str, ...], ...] = ()
    together: tuple[str, ...] = ()
    comments: bool = True
    nulls: bool = True
    doc: str = ""

    @functools.cached_property
    def keys(self) -> frozenset[str]:
        """The keys an object of this shape may have."""
        return frozenset(f.name for f in self.fields)

    @functools.cached_property
    def by_name(self) -> Mapping[str, Field]:
        """Its fields by key."""
        return {f.name: f for f in self.fields}

    @functools.cached_property
    def required(self) -> tuple[str, ...]:
        """The keys that must be given."""
        return tuple(f.name for f in self.fields if f.required)

    def add(self, field: Field) -> Shape:
        """This shape with one more field (how a field is added: see the contributing guide).

        Examples:
            >>> FORMAT["claim"].add(Field(name="confidence", type="text")).keys >= {"low"}
            True
        """
        return attrs.evolve(self, fields=(*self.fields, field))


@attrs.frozen
class Format:
    """The whole format: every shape by name, and the kinds of record in file order.

    Examples:
        >>> FORMAT["strike"].by_name["perpetrator"].of
        'group'
        >>> [s.plural for s in FORMAT.kinds][:3]
        ['sources', 'places', 'people']
    """

    shapes: Mapping[str, Shape]

    def __getitem__(self, name: str) -> Shape:
        return self.shapes[name]

    @property
    def kinds(self) -> tuple[Shape, ...]:
        """The shapes that are kinds of record (a key at the top of a file), in order."""
        return tuple(s for s in self.shapes.values() if s.plural is not None)

    def kind(self, plural: str) -> Shape:
        """The shape of the records under a top-level key ("strikes")."""
        return next(s for s in self.kinds if s.plural == plural)

    def replace(self, shape: Shape) -> Format:
        """This format with one shape replaced (a test adds a field this way)."""
        return Format({**self.shapes, shape.name: shape})


# -- the fields every kind shares ------------------------------------------------------------
_ID = Field(name="id", type="id", doc="The record's id.", required=True)
_NOTE = Field(name="note", type="text", doc="A coding note.")
_SOURCE = Field(
    name="source", type="ref", of="source", doc="The id of the source stating it.", required=True
)
_QUOTE = Field(name="quote", type="text", doc="The source's words.", required=True, quote=True)
_CITATIONS = Field(
    name="citations", type="objects", of="citation", doc="The quotes behind fields.", addable=True
)


def _claims(name: str, doc: str, *, addable: bool = True) -> Field:
    return Field(name=name, type="objects", of="date_claim", doc=doc, addable=addable)


_PERIOD = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"  # a year, a month or a day

_SHAPES = (
    Shape(
        name="source",
        plural="sources",
        doc="A news article (by its file name) or a reference cited beside the articles.",
        fields=(
            _ID,
            Field(
                name="kind", type="word", of=SourceKind, doc="article or reference.", required=True
            ),
            Field(name="article", type="text", doc="The article's file name (articles only)."),
            Field(name="outlet", type="text", doc="The outlet."),
            Field(name="outlet_quote", type="text", doc="The article's words naming the outlet."),
            Field(
                name="outlet_from",
                type="ref",
                of="source",
                doc="The reference the outlet was taken from, where the article has none.",
            ),
            Field(name="headline", type="text", doc="The headline, or a reference's title."),
            Field(name="published", type="object", of="date", doc="The publication date"),
            Field(
                name="published_from",
                type="ref",
                of="source",
                doc="The reference that gives the publication date.",
            ),
            Field(name="address", type="text", doc="The web address."),
            _NOTE,
        ),
    ),
    Shape(
        name="place",
        plural="places",
        doc="A named place.",
        fields=(
            _ID,
            Field(name="name", type="text", doc="The name as the sources print it.", required=True),
            Field(name="kind", type="word", of=PlaceKind, doc="What kind of place.", required=True),
            Field(name="aliases", type="texts", doc="Other spellings.", addable=True),
            Field(
                name="governorate", type="text", doc="The governorate, where an article names it."
            ),
            Field(
                name="near",
                type="ref",
                of="place",
                doc="The id of a place an article puts this one near.",
            ),
            _CITATIONS,
            Field(name="reference", type="object", of="place_reference", doc="The reference"),
            _NOTE,
        ),
    ),
    Shape(
        name="place_reference",
        doc="What a reference says of a place.",
        together=("latitude", "longitude"),
        fields=(
            Field(
                name="source",
                type="ref",
                of="source",
                doc="The reference giving the place's location.",
                required=True,
            ),
            Field(name="governorate", type="text", doc="The governorate, per the reference."),
            Field(name="district", type="text", doc="The district, per the reference."),
            Field(
                name="latitude",
                type="number",
                doc="WGS 84 latitude, per the reference.",
                minimum=-90,
                maximum=90,
            ),
            Field(
                name="longitude",
                type="number",
                doc="WGS 84 longitude, per the reference.",
                minimum=-180,
                maximum=180,
            ),
            Field(name="names", type="texts", doc="Spellings the reference gives."),
            _NOTE,
        ),
    ),
    Shape(
        name="person",
        plural="people",
        doc="A named person.",
        fields=(
            _ID,
            Field(name="name", type="text", doc="The name as the sources print it.", required=True),
            Field(name="aliases", type="texts", doc="Other spellings.", addable=True),
            _CITATIONS,
            Field(name="roles", type="objects", of="role", doc="Their roles.", addable=True),
            _NOTE,
        ),
    ),
    Shape(
        name="role",
        table="roles",
        doc="A position a person holds, as a source states it.",
        fields=(
            Field(name="title", type="text", doc="The role, in the source's words.", required=True),
            Field(
                name="group", type="names", of="group", doc="The id of the group the role is in."
            ),
            Field(name="leads", type="flag", doc="The role leads the group.", default=False),
            _SOURCE,
            _QUOTE,
            Field(name="since", type="object", of="date_claim", doc="Since when"),
            Field(name="until", type="object", of="date_claim", doc="Until when"),
            Field(
                name="counts_as",
                type="word",
                of=Victims,
                doc="Whom the person counts among when named among the dead.",
            ),
            _NOTE,
        ),
    ),
    Shape(
        name="group",
        plural="groups",
        doc="An actor: a militant group, a state force, a government, a monitor, an outlet.",
        fields=(
            _ID,
            Field(name="name", type="text", doc="The name used in tables.", required=True),
            Field(name="kind", type="word", of=GroupKind, doc="What kind of actor.", required=True),
            Field(name="aliases", type="texts", doc="Other names.", addable=True),
            _CITATIONS,
            _claims("founding", "Each source's founding date."),
            _claims("ending", "Each source's date for its end."),
            Field(
                name="strength",
                type="objects",
                of="strength",
                doc="Each source's estimate of its size.",
                addable=True,
            ),
            Field(
                name="affiliations",
                type="objects",
                of="affiliation",
                doc="Each source's statement of its relation to another group.",
                addable=True,
            ),
            _NOTE,
        ),
    ),
    Shape(
        name="strength",
        table="strength_estimates",
        doc="A claimant's estimate of a group's size.",
        fields=(
            Field(
                name="count",
                type="count",
                doc="The number stated.",
                required=True,
                wide=True,
            ),
            Field(
                name="approximate",
                type="flag",
                doc="The source hedges it ('about').",
                default=False,
            ),
            Field(
                name="unit", type="text", doc="What is counted (fighters, members).", required=True
            ),
            Field(name="as_of", type="object", of="date", doc="When the estimate holds"),
            Field(name="claimant", type="ref", of="group", doc="The id of the group giving it."),
            _SOURCE,
            _QUOTE,
            _NOTE,
        ),
    ),
    Shape(
        name="affiliation",
        table="affiliations",
        doc="One source's statement that a group stands in some relation to another.",
        fields=(
            Field(
                name="other",
                type="ref",
                of="group",
                doc="The id of the other group.",
                required=True,
            ),
            Field(
                name="relation",
                type="word",
                of=Relation,
                doc="How the group relates to the other.",
                required=True,
            ),
            Field(name="claimant", type="ref", of="group", doc="The id of the group asserting it."),
            _SOURCE,
            _QUOTE,
            Field(name="since", type="object", of="date", doc="Since when"),
            Field(name="until", type="object", of="date", doc="Until when"),
            _NOTE,
        ),
    ),
    Shape(
        name="announcement",
        plural="announcements",
        doc="A statement someone made: its reports in a list, or one report given inline.",
        one_of=(("reports",), ("date", "source", "quote")),
        fields=(
            _ID,
            Field(name="announcer", type="ref", of="group", doc="The id of the group announcing."),
            Field(
                name="about",
                type="names",
                of="strike|ceasefire|development",
                doc="The id of the record the statement is about.",
            ),
            Field(name="date", type="object", of="date", doc="The date (one report)", tables=False),
            Field(name="summary", type="text", doc="What was announced.", required=True),
            Field(
                name="source",
                type="ref",
                of="source",
                doc="The source (one report).",
                tables=False,
            ),
            Field(
                name="quote",
                type="text",
                doc="The source's words (one report).",
                quote=True,
                tables=False,
            ),
            Field(
                name="reports",
                type="objects",
                of="date_claim",
                doc="Each source's report of it.",
            ),
            _NOTE,
        ),
    ),
    Shape(
        name="strike",
        plural="strikes",
        doc="One strike, or a series the sources report as one.",
        fields=(
            _ID,
            Field(
                name="scope",
                type="word",
                of=Scope,
                doc="event (one strike) or series (strikes reported as one).",
                default=Scope.EVENT,
            ),
            Field(
                name="kind",
                type="word",
                of=StrikeKind,
                doc="The means of attack.",
                default=StrikeKind.UNKNOWN,
            ),
            Field(name="description", type="text", doc="A one-line description.", required=True),
            _claims("date_claims", "Each source's date for a single strike."),
            _claims("start_claims", "For a series: each source's date for its start."),
            _claims("end_claims", "For a series: each source's date for its end."),
            Field(name="place", type="ref", of="place", doc="The place's id.", required=True),
            Field(
                name="perpetrator",
                type="ref",
                of="group",
                doc="The id of the group the record is filed under.",
                required=True,
            ),
            Field(
                name="attributions",
                type="objects",
                of="attribution",
                doc="Who struck, as each source words it.",
                addable=True,
            ),
            Field(
                name="allies",
                type="refs",
                of="group",
                doc="Ids of groups acting with the perpetrator.",
                addable=True,
            ),
            Field(
                name="targets",
                type="refs",
                of="group",
                doc="Ids of the targeted groups.",
                addable=True,
            ),
            Field(
                name="killed",
                type="refs",
                of="person",
                doc="Ids of the people reported killed.",
                addable=True,
            ),
            Field(
                name="claims",
                type="objects",
                of="claim",
                doc="Every casualty figure.",
                addable=True,
            ),
            _CITATIONS,
            _NOTE,
        ),
    ),
    Shape(
        name="attribution",
        table="attributions",
        doc="One source's statement of who carried a strike out, or did not.",
        fields=(
            Field(
                name="groups",
                type="refs",
                of="group",
                doc="Ids of the groups the source names as striking.",
                required=True,
            ),
            Field(
                name="stance",
                type="word",
                of=Stance,
                doc="struck, suspected or denied (left out: struck).",
                default=Stance.STRUCK,
            ),
            Field(
                name="claimant",
                type="ref",
                of="group",
                doc="The id of the group making the attribution; empty: the outlet.",
            ),
            _SOURCE,
            _QUOTE,
            _NOTE,
        ),
    ),
    Shape(
        name="claim",
        table="casualty_claims",
        doc="One claimant's figure for the dead or wounded of a strike, in one source.",
        fields=(
            Field(
                name="victims",
                type="word",
                of=Victims,
                doc="Whom the figure counts.",
                required=True,
            ),
            Field(
                name="outcome",
                type="word",
                of=Outcome,
                doc="killed or wounded.",
                default=Outcome.KILLED,
            ),
            Field(name="low", type="count", doc="The figure, or its lower bound.", required=True),
            Field(
                name="high",
                type="count",
                doc="The upper bound; empty: none stated ('at least').",
                keep_null=True,
            ),
            Field(
                name="claimant",
                type="ref",
                of="group",
                doc="The id of the group giving the figure; empty: the outlet.",
            ),
            _SOURCE,
            _QUOTE,
            Field(
                name="vague", type="flag", doc="The words give no number ('dozens').", default=False
            ),
            Field(
                name="within",
                type="words",
                of=Victims,
                doc="Wider sets of victims the text puts these in.",
            ),
            Field(
                name="counts_to",
                type="object",
                of="date",
                doc="For a series' toll: the period it counts up to",
            ),
            _NOTE,
        ),
    ),
    Shape(
        name="ceasefire",
        plural="ceasefires",
        doc="A ceasefire, truce or agreement.",
        fields=(
            _ID,
            Field(name="name", type="text", doc="The ceasefire's name.", required=True),
            Field(
                name="kind",
                type="word",
                of=CeasefireKind,
                doc="Ceasefire, truce or wider agreement.",
                default=CeasefireKind.CEASEFIRE,
            ),
            _claims("start_claims", "Each source's start date."),
            _claims("end_claims", "Each source's end date."),
            Field(name="parties", type="refs", of="group", doc="Ids of the parties.", addable=True),
            Field(name="brokers", type="refs", of="group", doc="Ids of the brokers.", addable=True),
            _CITATIONS,
            _NOTE,
        ),
    ),
    Shape(
        name="development",
        plural="developments",
        doc="Something reported that is not a strike: an offensive, a change of control.",
        fields=(
            _ID,
            Field(
                name="kind",
                type="word",
                of=DevelopmentKind,
                doc="Offensive, change of control, fall or meeting.",
                required=True,
            ),
            Field(name="description", type="text", doc="A one-line description.", required=True),
            _claims("start_claims", "Each source's date for its start."),
            _claims("end_claims", "Each source's date for its end."),
            Field(
                name="actors",
                type="refs",
                of="group",
                doc="Ids of the groups acting.",
                addable=True,
            ),
            Field(
                name="affected",
                type="refs",
                of="group",
                doc="Ids of the groups affected.",
                addable=True,
            ),
            Field(name="place", type="ref", of="place", doc="The place's id."),
            _CITATIONS,
            _NOTE,
        ),
    ),
    Shape(
        name="figure",
        plural="figures",
        doc="A number about the wider war that a source states.",
        fields=(
            _ID,
            Field(
                name="measure",
                type="text",
                doc="What kind of number (killed, displaced ...).",
                required=True,
            ),
            Field(
                name="subject",
                type="text",
                doc="What it counts, in the dataset's words.",
                required=True,
            ),
            Field(
                name="low",
                type="count",
                doc="The smallest number the words allow.",
                required=True,
                wide=True,
            ),
            Field(
                name="high",
                type="count",
                doc="The largest; empty: open above.",
                keep_null=True,
                wide=True,
            ),
            Field(name="unit", type="text", doc="The unit.", required=True),
            Field(
                name="approximate",
                type="flag",
                doc="The source hedges it ('about').",
                default=False,
            ),
            Field(name="period", type="object", of="date", doc="The period it covers"),
            Field(name="place", type="ref", of="place", doc="The id of the place it covers."),
            Field(name="claimant", type="ref", of="group", doc="The id of the group giving it."),
            _SOURCE,
            _QUOTE,
            _NOTE,
        ),
    ),
    Shape(
        name="reference",
        plural="references",
        doc="A fact from a cited reference, beside the articles' claims.",
        fields=(
            _ID,
            Field(
                name="subject",
                type="names",
                of="strike|group|place|person|ceasefire|development|announcement|figure|source",
                doc="The id of the record (or article) the fact is about.",
                required=True,
            ),
            Field(
                name="field",
                type="text",
                doc="What the fact is about (date, place, outlet ...).",
                required=True,
            ),
            Field(
                name="value", type="text", doc="The fact, as the reference gives it.", required=True
            ),
            Field(name="date", type="object", of="date", doc="The date the fact gives"),
            Field(
                name="corrects",
                type="flag",
                doc="The reference says an article's claim is wrong.",
                default=False,
            ),
            Field(
                name="confidence",
                type="word",
                of=Confidence,
                doc="How far it can be trusted.",
                required=True,
            ),
            Field(
                name="source",
                type="ref",
                of="source",
                doc="The id of the reference stating it.",
                required=True,
            ),
            Field(
                name="place",
                type="ref",
                of="place",
                doc="The id of the place the fact puts the subject at.",
            ),
            _NOTE,
        ),
    ),
    Shape(
        name="date",
        doc="A date: a span, a date relative to a source's publication, or explicit bounds.",
        one_of=(("span",), ("relative", "anchor"), ("earliest|latest", "reasoning")),
        fields=(
            Field(name="text", type="text", doc="The original wording.", required=True),
            Field(
                name="span",
                type="text",
                doc="ISO text: a year, a month or a day, or two joined by '/'.",
                pattern=f"^{_PERIOD}(/{_PERIOD})?$",
            ),
            Field(name="part", type="word", of=("early", "mid", "late"), doc="Part of the span."),
            Field(name="relative", type="object", of="relative", doc="relativedelta arguments."),
            Field(
                name="unit",
                type="word",
                of=("day", "week", "month", "year"),
                doc="The span a relative date stands for.",
            ),
            Field(
                name="anchor",
                type="ref",
                of="source",
                doc="The source whose publication date a relative date is resolved against.",
            ),
            Field(name="earliest", type="day", doc="The first day it can be."),
            Field(name="latest", type="day", doc="The last day it can be."),
            Field(name="reasoning", type="text", doc="How the words became the range."),
        ),
    ),
    Shape(
        name="relative",
        doc="A relative date: dateutil.relativedelta's arguments.",
        comments=False,
        nulls=False,
        fields=(
            *(
                Field(name=k, type="integer", doc=f"{k} to add (or take away).")
                for k in ("years", "months", "weeks", "days")
            ),
            Field(name="year", type="integer", doc="The year.", minimum=1, maximum=9999),
            Field(name="month", type="integer", doc="The month.", minimum=1, maximum=12),
            Field(name="day", type="integer", doc="The day of the month.", minimum=1, maximum=31),
            Field(
                name="weekday",
                type="text",
                doc="A weekday and its occurrence: 'SA(-1)' is the Saturday on or before.",
                pattern=r"^(MO|TU|WE|TH|FR|SA|SU)\(-?[0-9]+\)$",
            ),
        ),
    ),
    Shape(
        name="date_claim",
        table="date_claims",
        doc="One source's statement of a date.",
        fields=(
            Field(
                name="date",
                type="object",
                of="date",
                doc="The date the source gives",
                required=True,
            ),
            _SOURCE,
            _QUOTE,
            Field(
                name="report",
                type="flag",
                doc="The source dates a report of the event, not the event itself.",
                default=False,
            ),
            _NOTE,
        ),
    ),
    Shape(
        name="citation",
        table="citations",
        doc="A verbatim quote from a source that supports one field of a record.",
        fields=(
            Field(name="about", type="text", doc="The field the quote supports.", required=True),
            _SOURCE,
            _QUOTE,
        ),
    ),
)

#: The format: every shape of a data file, by name.
FORMAT = Format({s.name: s for s in _SHAPES})

#: The top-level keys of the kinds of record, in the order files are read.
KINDS: tuple[str, ...] = tuple(s.plural for s in FORMAT.kinds if s.plural)


def words(field: Field) -> tuple[str, ...]:
    """The words a ``word`` or ``words`` field may hold (see `Field.words`)."""
    return field.words


def addable(fmt: Format = FORMAT) -> dict[str, tuple[str, tuple[str, ...]]]:
    """What a user's ``"additions"`` may append to: kind -> (file key, list fields).

    Examples:
        >>> addable()["strike"][1][:4]
        ('date_claims', 'start_claims', 'end_claims', 'attributions')
    """
    out = {}
    for shape in fmt.kinds:
        fields = tuple(f.name for f in shape.fields if f.addable)
        if fields and shape.plural is not None:
            out[shape.name] = (shape.plural, fields)
    return out
