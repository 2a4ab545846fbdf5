"""The data-file format, described once: every kind of record and every object inside one.

Each object shape of a data file (a strike, a casualty claim, a date ...) is a `Shape`: its
fields, each a `Field` with a JSON type, whether it is required, the vocabulary or the kind
of record it names, and the text rules it obeys. Everything that reads or writes the format
is made from this description, so that adding a field is editing one place:

* the keys a record may have (an unknown key is reported as a possible typo);
* the reader (``_reading.ShapeReader``: a plan per shape; values read plainly where they
  are plainly right, carefully otherwise, each problem located; a quick read first);
* the JSON Schema editors validate files with (``_jsonschema``);
* the writer (``_write``) and the lossless tables' columns (``_columns``; written by
  ``_relational``, read back by ``_from_tables``).

What a description cannot say (an id that names no record, a quote missing from its
article, dates that contradict each other, a summary of several claims) the builders of
each kind check and compute (``_build_records``, ``_build_strikes``, ``_build_context``;
``_load`` runs them).

The vocabulary of the description (`Field`, `Shape`, `Format`, and the note on its JSON
types) is ``_description``'s; it is re-exported here, for the modules that read the format.
"""

from __future__ import annotations

from ._dates import RELATIVE_BOUNDS, WEEKDAY_PATTERN
from ._description import Field, Format, Shape, Type
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

# -- the fields every kind shares ------------------------------------------------------------
_ID = Field(name="id", type="id", doc="The record's id.", required=True)
_NOTE = Field(name="note", type="text", doc="A coding note.")
_SOURCE = Field(
    name="source", type="ref", of="source", doc="The id of the source stating it.", required=True
)
_QUOTE = Field(
    name="quote",
    type="text",
    doc="The source's words, verbatim: required for an article's claim, absent for a report's.",
    quote=True,
)
_ROW = Field(
    name="row",
    type="ref",
    of="reference",
    doc="For a report's claim (a source of kind 'report'): the id of the reference fact "
    "holding the list's row, the fact as the list words it.",
)
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
            Field(
                name="wire",
                type="text",
                doc="For a report that copies another's story (a wire service's), whose it is.",
            ),
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
            _ROW,
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
            _ROW,
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
            _ROW,
            Field(name="since", type="object", of="date", doc="Since when"),
            Field(name="until", type="object", of="date", doc="Until when"),
            _NOTE,
        ),
    ),
    Shape(
        name="announcement",
        plural="announcements",
        doc="A statement someone made: its reports in a list, or one report given inline.",
        # any of the inline report's keys marks that form: none goes with a list of reports
        one_of=(("reports",), ("date|source|quote", "date", "source", "quote")),
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
            Field(
                name="listed",
                type="text",
                doc="The reference lists' id for the event ('R05'), for a strike of theirs.",
            ),
            Field(
                name="may_be_same",
                type="texts",
                doc="The ids of strikes the sources say may be this one (kept apart).",
            ),
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
            _ROW,
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
            _ROW,
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
            # a figure has no reference list's row to stand for its words: always quoted
            Field(
                name="quote",
                type="text",
                doc="The source's words, verbatim.",
                quote=True,
                required=True,
            ),
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
                doc="How far it can be trusted (left out where the reference grades it not).",
            ),
            Field(
                name="confidence_note",
                type="text",
                doc="The reference's grading in its words, where it says more than a level.",
            ),
            Field(
                name="source",
                type="ref",
                of="source",
                doc="The id of the reference stating it (a list's row: the first page it cites).",
                required=True,
            ),
            Field(
                name="also",
                type="refs",
                of="source",
                doc="The ids of the other pages a reference list's row cites.",
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
            *(
                Field(
                    name=k,
                    type="integer",
                    doc=doc,
                    minimum=RELATIVE_BOUNDS[k][0],
                    maximum=RELATIVE_BOUNDS[k][1],
                )
                for k, doc in (
                    ("year", "The year."),
                    ("month", "The month."),
                    ("day", "The day of the month."),
                )
            ),
            Field(
                name="weekday",
                type="text",
                doc="A weekday and its occurrence: 'SA(-1)' is the Saturday on or before.",
                pattern=WEEKDAY_PATTERN,
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
            _ROW,
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
            _ROW,
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
