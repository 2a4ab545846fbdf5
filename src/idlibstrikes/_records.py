"""The records every other record is made of: sources, claims, places, people, groups.

Maintainer's note: records refer to each other by object, never by id, so a user can
write ``strike.targets[0].affiliations[0].other.name``. Frozen objects cannot form a
cycle, so the graph is kept acyclic on purpose: sources < places < people < groups <
strikes, ceasefires. The two places where a back-reference would be natural use ids
instead: ``Role.group_id`` (a person's role in a group that lists them as leader)
and ``Announcement.about`` (``_announcements``: about a strike the strike lists).

Records have no ``__weakref__`` slot (``weakref_slot=False``): they are values, nothing
here holds them weakly, and the slot costs 8 bytes on each of the dozen objects a strike
is made of. A quick read (``_reading``, ``_assembly``) puts records together through their
slots, after checking what their validators check; a field is added to the format's
description (``_format``) and to the record class, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from . import _checks as check
from ._checks import fields_repr
from ._dates import DateRange
from ._vocabularies import (
    Confidence,
    GroupKind,
    Outcome,
    PlaceKind,
    Relation,
    SourceKind,
    Victims,
)

__all__ = [
    "Affiliation",
    "CasualtyClaim",
    "Citation",
    "Coordinates",
    "DateClaim",
    "Group",
    "Person",
    "Place",
    "PlaceReference",
    "ReferenceFact",
    "Role",
    "Source",
    "StrengthEstimate",
    "as_html",
]


_names = check.tuple_of(str)


#: How a record is drawn in a notebook: a function of the views layer that the package
#: (``idlibstrikes/__init__``, above every layer) sets here, so that the model, which
#: the views import, need not import them. Unset (the module used on its own), a record
#: is drawn as its ``repr``.
html_view: Callable[[object], str] | None = None


def as_html(record: object) -> str:
    """``record`` drawn as HTML for a notebook, by the views layer (see `html_view`).

    Examples:
        >>> import idlibstrikes as isk
        >>> articles = isk.load(sources="articles")
        >>> as_html(articles.strike("2019-06-30-rif-al-muhandisin")).startswith("<table>")
        True
    """
    if html_view is None:
        from html import escape

        return f"<pre>{escape(repr(record))}</pre>"
    return html_view(record)


def _check_order(start: DateRange, end: DateRange | None) -> None:
    """A record cannot end before it starts (a ceasefire's or development's dates)."""
    if end is not None and end.latest < start.earliest:
        raise ValueError(f"ends ({end}) before it starts ({start})")


def _by_id(record: Any) -> Any:
    """A record reached from a record of its own kind compares by its id.

    A group part of a group part of a group...: comparing (and hashing) the whole record
    at every link would recurse as deep as the chain, and past Python's limit on a long
    one. Two datasets still compare every record in full, each once, at the top.
    """
    return getattr(record, "id", record)


def _optional_fact(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # A claim's row is a ReferenceFact, defined below the claims that name it: looked up
    # when called, not when the classes are made.
    if value is not None and not isinstance(value, ReferenceFact):
        raise ValueError(f"{attribute.name} must be a ReferenceFact, not {type(value).__name__}")


def _clip(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Source:
    """A news article (by its file name) or a reference cited beside the articles.

    Attributes:
        id: The article's file name (``"000_e4fa0e6bef30d977.txt"``) or a reference id.
        kind: ``article`` or ``reference`` (a [`SourceKind`][idlibstrikes.SourceKind]).
        article: The article's file name; ``None`` for references.
        outlet: The publisher: as the article names itself, or, where it does not, as the
            reference in ``outlet_from`` identifies it (``None`` where neither does).
        outlet_quote: Where the article names its outlet, the words that do.
        outlet_from: The reference the outlet was taken from, where the article does not
            name it.
        headline: The article's headline as printed, or a reference's title.
        published: When it appeared, as a range, with the reasoning where the article
            prints no date; ``None`` for a reference with no date.
        published_from: The reference a publication date was taken from, where the
            article itself prints none.
        address: Where a reference can be found (for references only).
        wire: For a report that is a copy of another's story (a wire service's, AFP's in
            Express Tribune), whose story it is: copies of one story are one account, not
            several.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> src = isk.load(sources="articles").source("002_0d9037507fd83edc.txt")
        >>> src.outlet, str(src.published.earliest)
        ('Kurdistan 24', '2019-06-30')
    """

    id: str = attrs.field(validator=check.text)
    kind: SourceKind = attrs.field(validator=check.instance(SourceKind))
    article: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    outlet: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    outlet_quote: str = attrs.field(default="", validator=check.instance(str))
    outlet_from: Source | None = attrs.field(default=None, eq=_by_id)
    headline: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    published: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    published_from: Source | None = attrs.field(default=None, eq=_by_id)
    address: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    wire: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    note: str = attrs.field(default="", validator=check.instance(str))

    @property
    def is_reference(self) -> bool:
        """Whether this is a reference source (a report or another) rather than an article.

        Examples:
            >>> import idlibstrikes as isk
            >>> sum(not s.is_reference for s in isk.load(sources="articles").sources)
            5
        """
        return self.kind is not SourceKind.ARTICLE

    @property
    def is_report(self) -> bool:
        """Whether this is a page the reference lists cite (its claims are reported, not quoted).

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").source("002_0d9037507fd83edc.txt").is_report
            False
        """
        return self.kind is SourceKind.REPORT

    @property
    def short_id(self) -> str:
        """The id people use: an article file's number ("002"), else the id without ".txt".

        Examples:
            >>> import idlibstrikes as isk
            >>> [s.short_id for s in isk.load(sources="articles").sources[:3]]
            ['000', '001', '002']
        """
        stem = self.id.removesuffix(".txt")
        number, _, rest = stem.partition("_")
        return number if number.isdigit() and number.isascii() and rest else stem

    @property
    def label(self) -> str:
        """How every view names the source: its short id and outlet ("001 The National").

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> [s.label for s in articles.sources[:5]]  # doctest: +NORMALIZE_WHITESPACE
            ['000 The National', '001 The National', '002 Kurdistan 24', '003 Middle East Eye',
             '004 Al Jazeera']
        """
        return f"{self.short_id} {self.outlet}" if self.outlet else self.short_id

    def __repr__(self) -> str:
        return f"<Source {self.id}: {self.outlet or 'outlet not stated'}, {self.published}>"


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Citation:
    """A verbatim quote from a source that supports one field of a record.

    Attributes:
        source: Where the quote comes from.
        quote: The words, verbatim (whitespace may differ); empty for a report's.
        row: For a report's citation, the reference list's row it comes from.
        about: The field the quote supports (``"place"``, ``"targets"``, ``"name"`` ...).

    Examples:
        >>> import idlibstrikes as isk
        >>> articles = isk.load(sources="articles")
        >>> cite = articles.strike("2025-02-15-urum-al-jawz").citations_for("place")[0]
        >>> cite.quote
        'a motorway near the village of Urum Al Joz in Idlib'
    """

    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(default="", validator=check.instance(str))
    row: ReferenceFact | None = attrs.field(default=None, validator=_optional_fact)
    about: str = attrs.field(validator=check.text)

    def __repr__(self) -> str:
        return f"<Citation {self.about} ({self.source.id}): {_clip(self.quote)!r}>"


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class DateClaim:
    """One source's statement of a date, coded as a range.

    Attributes:
        date: The date the source gives.
        source: The source.
        quote: The source's words (an article's claim); empty for a report's.
        row: For a report's claim, the reference list's row it comes from: the fact as
            the list words it, with its sources and confidence; ``None`` for an article's.
        report: Whether the date is that of a report of the event rather than of the
            event itself ("In late January, US Central Command said an air strike ...
            had killed"): the event is then on or before it.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> claims = isk.load(sources="articles").strike("2017-03-al-jinah").date_claims
        >>> [(str(c.date), c.report) for c in claims]
        [('2017-03-17', False), ('2017-03-01..2017-03-31', True)]
    """

    date: DateRange = attrs.field(validator=check.instance(DateRange))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(default="", validator=check.instance(str))
    row: ReferenceFact | None = attrs.field(default=None, validator=_optional_fact)
    report: bool = attrs.field(default=False, validator=check.instance(bool))
    note: str = attrs.field(default="", validator=check.instance(str))

    def __repr__(self) -> str:
        report = " (report)" if self.report else ""
        return f"<DateClaim {self.date}{report} ({self.source.id}): {_clip(self.quote)!r}>"


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Coordinates:
    """A point (WGS84) for a place. Articles give none: these come from references.

    Attributes:
        latitude: Degrees north.
        longitude: Degrees east.

    Examples:
        >>> Coordinates(latitude=35.9306, longitude=36.6339)
        Coordinates(latitude=35.9306, longitude=36.6339)
    """

    __repr__ = fields_repr

    latitude: float = attrs.field(validator=check.instance(float))
    longitude: float = attrs.field(validator=check.instance(float))

    def __attrs_post_init__(self) -> None:
        if not (-90.0 <= self.latitude <= 90.0 and -180.0 <= self.longitude <= 180.0):
            raise ValueError(
                f"coordinates ({self.latitude}, {self.longitude}) are off the globe: "
                "latitude must lie in [-90, 90] and longitude in [-180, 180]"
            )


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class PlaceReference:
    """What a reference says of a place, kept beside (never over) what the articles say.

    Attributes:
        source: The reference.
        governorate: The governorate it gives.
        district: The district it gives.
        coordinates: The point it gives, or ``None`` where none was found.
        names: Other spellings the reference gives (gazetteer transliterations); they
            find the place in look-ups but are not the articles' words.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> ref = isk.load(sources="articles").place("Kafranbel").reference
        >>> ref.district, ref.coordinates.latitude
        ("Maarrat al-Nu'man", 35.6139)
    """

    __repr__ = fields_repr

    source: Source = attrs.field(validator=check.instance(Source))
    governorate: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    district: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    coordinates: Coordinates | None = attrs.field(
        default=None, validator=check.optional_instance(Coordinates)
    )
    names: tuple[str, ...] = attrs.field(default=(), validator=_names)
    note: str = attrs.field(default="", validator=check.instance(str))


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Place:
    """A named place: a village, a town, a governorate, a region.

    Attributes:
        id: A stable id.
        name: The name as the dataset spells it.
        aliases: Every other spelling found in the sources.
        kind: What kind of place it is.
        governorate: The governorate, where an article states it.
        near: The known place this one is described by ("near the village of Urum Al
            Joz", "just north of Idlib city"): its location is known only to within that
            place's surroundings (location precision 2).
        reference: What a reference adds (district, coordinates), labelled as such.
        citations: The quotes that name the place and its governorate.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> place = isk.load(sources="articles").place("urum al joz")
        >>> place.name, place.governorate, place.kind.value
        ('Urum Al Joz', 'Idlib', 'village')
    """

    id: str = attrs.field(validator=check.text)
    name: str = attrs.field(validator=check.text)
    kind: PlaceKind = attrs.field(validator=check.instance(PlaceKind))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names)
    governorate: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    near: Place | None = attrs.field(default=None, eq=_by_id)
    reference: PlaceReference | None = attrs.field(
        default=None, validator=check.optional_instance(PlaceReference)
    )
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    note: str = attrs.field(default="", validator=check.instance(str))

    @near.validator
    def _check_near(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, Place):
            raise ValueError(f"near must be Place or None, not {type(value).__name__} {value!r}")

    @property
    def coordinates(self) -> Coordinates | None:
        """The reference point for the place, or ``None`` where no reference gives one.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").place("Idlib").coordinates
            Coordinates(latitude=35.9306, longitude=36.6339)
            >>> isk.load(sources="articles").place("Urum al-Jawz").coordinates is None
            True
        """
        return self.reference.coordinates if self.reference else None

    def __repr__(self) -> str:
        where = f", {self.governorate}" if self.governorate else ""
        return f"<Place {self.id}: {self.name} ({self.kind.value}{where})>"


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class ReferenceFact:
    """A fact from a cited reference, kept beside the articles' claims, never over them.

    Attributes:
        id: A stable id.
        subject: The id of the record it is about.
        field: The field it concerns ("date", "place", "founded", "ended" ...; for one side
            of an affiliation, "affiliations.<other group id>.since" or ".until").
        value: The fact, worded as the reference gives it.
        date: The fact as a date range, where it is a date.
        corrects: Whether it shows an article's claim to be wrong (only where the
            reference itself says so).
        confidence: How far it can be trusted; ``None`` where the reference grades it
            not at all (a reference list's row of conflicting claims).
        confidence_note: The reference's grading in its own words, where it says more
            than a level ("high (NW Syria) / medium (al-Dana)": the level is the lowest).
        source: The reference (for a reference list's row, the first page it cites).
        also: The other pages a reference list's row cites for it.
        place: For a fact about where something happened, the place the reference puts
            it at, where that place has a record ("near Batabo").
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> facts = isk.load(sources="articles").references_for("2017-03-al-jinah")
        >>> [(f.field, str(f.date), f.corrects) for f in facts if f.field == "date"]
        [('date', '2017-03-16', True)]
        >>> data = isk.load(sources="articles")
        >>> [f.place.name for f in data.references_for("2025-01-late-al-zabir") if f.place]
        ['Batabo']
    """

    __repr__ = fields_repr

    id: str = attrs.field(validator=check.text)
    subject: str = attrs.field(validator=check.text)
    field: str = attrs.field(validator=check.text)
    value: str = attrs.field(validator=check.text)
    source: Source = attrs.field(validator=check.instance(Source))
    confidence: Confidence | None = attrs.field(
        default=None, validator=check.optional_instance(Confidence)
    )
    confidence_note: str = attrs.field(default="", validator=check.instance(str))
    also: tuple[Source, ...] = attrs.field(default=(), validator=check.tuple_of(Source))
    date: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    corrects: bool = attrs.field(default=False, validator=check.instance(bool))
    place: Place | None = attrs.field(default=None, validator=check.optional_instance(Place))
    note: str = attrs.field(default="", validator=check.instance(str))

    @property
    def graded(self) -> str:
        """The confidence as every view words it: its level, or "not graded".

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load(sources="articles").references_for("2017-03-al-jinah")[0].graded
            'high'
        """
        return self.confidence.value if self.confidence is not None else "not graded"


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Role:
    """A position a person holds, as a source states it.

    ``group_id`` is an id rather than a [`Group`][idlibstrikes.Group] so that a group can list the
    person among its leaders without a cycle; resolve it with
    [`Dataset.group`][idlibstrikes.Dataset.group].

    Attributes:
        title: The role as the source words it ("head of the Observatory").
        group_id: The id of the group the role is in, if any.
        leads: Whether the role is the group's leader.
        source: The source.
        quote: The source's words (an article's claim); empty for a report's.
        row: For a report's claim, the reference list's row it comes from: the fact as
            the list words it, with its sources and confidence; ``None`` for an article's.
        since: When the role began, as a source dates it ("declared him President last
            month"), or ``None`` where no source says.
        began: When it began: ``since`` narrowed by any reference fact about it (the
            codebook's summary rule; field ``roles.<title>.since``), or ``None``.
        until: When the role ended, as a source dates it ("former president", with the
            day the government fell), or ``None`` where no source says it ended.
        counts_as: Whom a person in this role counts among when named among a strike's
            dead (``commanders`` for a commander or senior operative), or ``None``.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> role = isk.load(sources="articles").person("Rami Abdulrahman").roles[0]
        >>> role.group_id, role.leads
        ('sohr', True)
        >>> former = isk.load(sources="articles").person("Bashar al-Assad").roles[0]
        >>> former.title, str(former.until.date)
        ('former president', '2024-12-08')
        >>> president = isk.load(sources="articles").person("Ahmad al-Shara").roles[1]
        >>> president.title, str(president.since.date), str(president.began)
        ('President', '2025-01-01..2025-01-31', '2025-01-29')
    """

    __repr__ = fields_repr

    title: str = attrs.field(validator=check.text)
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(default="", validator=check.instance(str))
    row: ReferenceFact | None = attrs.field(default=None, validator=_optional_fact)
    group_id: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    leads: bool = attrs.field(default=False, validator=check.instance(bool))
    since: DateClaim | None = attrs.field(
        default=None, validator=check.optional_instance(DateClaim)
    )
    began: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    until: DateClaim | None = attrs.field(
        default=None, validator=check.optional_instance(DateClaim)
    )
    counts_as: Victims | None = attrs.field(
        default=None, validator=check.optional_instance(Victims)
    )
    note: str = attrs.field(default="", validator=check.instance(str))


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Person:
    """A named person.

    Attributes:
        id: A stable id.
        name: The name as the dataset spells it.
        aliases: Every other spelling found in the sources ("Mr Al Shara").
        roles: The positions the sources give.
        citations: The quotes that name the person.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> isk.load(sources="articles").person("Abu Baker Mourek").id
        'abu-baker-mourek'
    """

    id: str = attrs.field(validator=check.text)
    name: str = attrs.field(validator=check.text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names)
    roles: tuple[Role, ...] = attrs.field(default=(), validator=check.tuple_of(Role))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    note: str = attrs.field(default="", validator=check.instance(str))

    def __repr__(self) -> str:
        return f"<Person {self.id}: {self.name}>"


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class StrengthEstimate:
    """A claimant's estimate of how many fighters or members a group has.

    Attributes:
        count: The number stated.
        approximate: Whether the source hedges it ("about", "some").
        unit: What is counted ("fighters", "members").
        as_of: When the estimate holds (the source's publication date unless stated).
        claimant: Who gave the figure, where the source says.
        source: The source.
        quote: The source's words (an article's claim); empty for a report's.
        row: For a report's claim, the reference list's row it comes from: the fact as
            the list words it, with its sources and confidence; ``None`` for an article's.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> sorted({e.count for e in isk.load(sources="articles").group("Hurras al-Din").strength})
        [1800, 2500]
    """

    __repr__ = fields_repr

    count: int = attrs.field(validator=check.count)
    unit: str = attrs.field(validator=check.text)
    as_of: DateRange = attrs.field(validator=check.instance(DateRange))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(default="", validator=check.instance(str))
    row: ReferenceFact | None = attrs.field(default=None, validator=_optional_fact)
    approximate: bool = attrs.field(default=False, validator=check.instance(bool))
    claimant: Group | None = attrs.field(default=None, eq=_by_id)
    note: str = attrs.field(default="", validator=check.instance(str))


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Affiliation:
    """One source's statement that a group stands in some relation to another.

    Attributes:
        other: The group it is related to.
        relation: How.
        since: When the relation began, where a source says.
        until: When it ended, where a source says (``None``: not known to have ended).
        claimant: Who says so, where the source attributes it.
        source: The source.
        quote: The source's words (an article's claim); empty for a report's.
        row: For a report's claim, the reference list's row it comes from: the fact as
            the list words it, with its sources and confidence; ``None`` for an article's.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> hts = isk.load(sources="articles").group("HTS")
        >>> [(a.relation.value, a.other.id) for a in hts.affiliations][:1]
        [('affiliate_of', 'al-qaeda')]
    """

    __repr__ = fields_repr

    other: Group = attrs.field(eq=_by_id)
    relation: Relation = attrs.field(validator=check.instance(Relation))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(default="", validator=check.instance(str))
    row: ReferenceFact | None = attrs.field(default=None, validator=_optional_fact)
    since: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    until: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    claimant: Group | None = attrs.field(default=None, eq=_by_id)
    note: str = attrs.field(default="", validator=check.instance(str))

    def may_hold(self, date: DateRange) -> bool:
        """Whether this source's dates allow the relation to hold at some time in ``date``.

        Examples:
            >>> import idlibstrikes as isk
            >>> hts = isk.load(sources="articles").group("HTS")
            >>> severed = next(a for a in hts.affiliations if a.source.id.startswith("000"))
            >>> str(severed.until)
            '2014-01-01..2014-12-31'
            >>> severed.may_hold(isk.DateRange.parse("2019"))
            False
        """
        if self.since is not None and self.since.earliest > date.latest:
            return False
        return not (self.until is not None and self.until.latest < date.earliest)


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Group:
    """An actor: a militant group, a state force, a government, a monitor, an outlet.

    Attributes:
        id: A stable id.
        name: The name as the dataset spells it.
        aliases: Every other spelling and abbreviation found in the sources.
        kind: What kind of actor it is.
        founded: When it was founded: the days every founding claim and reference
            allows (see the codebook's summary rule), or ``None``.
        founding: Each source's founding date.
        ended: When it ceased to exist (a government overthrown, a group dissolved),
            summarised like ``founded``; ``None`` where no article says it ended.
        ending: Each source's date for its end.
        strength: Each source's estimate of its size.
        affiliations: Each source's statement of its relation to another group.
        leaders: The people the sources name as its leader.
        citations: The quotes that name it.
        references: Reference facts about it (founding, dissolution ...), beside the
            articles' claims.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> g = isk.load(sources="articles").group("hurras al-deen")
        >>> g.name, g.kind.value, str(g.founded)
        ('Hurras al-Din', 'militant', '2018-02-27')
        >>> [p.name for p in g.leaders]
        ['Abu al-Humam al-Shami']
        >>> str(isk.load(sources="articles").group("Syrian government").ended)
        '2024-12-08'
    """

    id: str = attrs.field(validator=check.text)
    name: str = attrs.field(validator=check.text)
    kind: GroupKind = attrs.field(validator=check.instance(GroupKind))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names)
    founded: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    founding: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    ended: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    ending: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    strength: tuple[StrengthEstimate, ...] = attrs.field(
        default=(), validator=check.tuple_of(StrengthEstimate)
    )
    affiliations: tuple[Affiliation, ...] = attrs.field(
        default=(), validator=check.tuple_of(Affiliation)
    )
    leaders: tuple[Person, ...] = attrs.field(default=(), validator=check.tuple_of(Person))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    def _repr_html_(self) -> str:
        return as_html(self)

    def __repr__(self) -> str:
        return f"<Group {self.id}: {self.name} ({self.kind.value})>"


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class CasualtyClaim:
    """One claimant's figure for the dead (or wounded) of a strike, as one source reports it.

    Attributes:
        low: The smallest number the words allow ("at least 40" gives 40).
        high: The largest, or ``None`` where no upper bound is stated.
        victims: Whom the figure counts (all, civilians, commanders ...).
        outcome: Killed or wounded.
        claimant: Who gave the figure (SOHR, the White Helmets, the Pentagon ...), or
            ``None`` where the source gives it in its own voice.
        source: The source.
        quote: The source's words (an article's claim); empty for a report's.
        row: For a report's claim, the reference list's row it comes from: the fact as
            the list words it, with its sources and confidence; ``None`` for an article's.
        vague: Whether the figure is a vague word ("dozens", "hundreds") coded by the
            codebook's convention rather than a number the source states.
        within: Wider sets of victims the text puts these victims in, beyond those the
            codebook always assumes ("civilian children": children within civilians).
        counts_to: For a toll that grows over a series of strikes ("since the end of
            April"), the day it counts up to; ``None`` for a single strike's toll.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> strike = isk.load(sources="articles").strike("2019-08-31-idlib-training-camp")
        >>> [(c.low, c.high, c.victims.value) for c in strike.claims if c.low == 40]
        [(40, 40, 'all'), (40, 40, 'commanders'), (40, None, 'militants')]
        >>> [(c.low, c.vague) for c in strike.claims if c.quote.startswith("A US military")]
        [(24, True)]
    """

    low: int = attrs.field(validator=check.count)
    high: int | None = attrs.field(validator=check.optional_count)
    victims: Victims = attrs.field(validator=check.instance(Victims))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(default="", validator=check.instance(str))
    row: ReferenceFact | None = attrs.field(default=None, validator=_optional_fact)
    outcome: Outcome = attrs.field(default=Outcome.KILLED, validator=check.instance(Outcome))
    claimant: Group | None = attrs.field(default=None, validator=check.optional_instance(Group))
    vague: bool = attrs.field(default=False, validator=check.instance(bool))
    within: tuple[Victims, ...] = attrs.field(default=(), validator=check.tuple_of(Victims))
    counts_to: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        if self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")

    @property
    def is_lower_bound(self) -> bool:
        """Whether the figure is open above ("at least N", "more than N").

        Examples:
            >>> import idlibstrikes as isk
            >>> articles = isk.load(sources="articles")
            >>> articles.strike("2025-02-15-urum-al-jawz").claims[0].is_lower_bound
            True
        """
        return self.high is None

    def __repr__(self) -> str:
        span = f"{self.low}+" if self.high is None else f"{self.low}-{self.high}"
        span += " (vague)" if self.vague else ""
        who = self.claimant.name if self.claimant else "the outlet"
        return (
            f"<CasualtyClaim {span} {self.victims.value} {self.outcome.value}, "
            f"per {who} ({self.source.id})>"
        )
