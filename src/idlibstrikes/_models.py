"""The domain model: immutable, typed records for strikes and everything around them.

Maintainer's note: records refer to each other by object, never by id, so a user can
write ``strike.targets[0].affiliations[0].other.name``. Frozen objects cannot form a
cycle, so the graph is kept acyclic on purpose: sources < places < people < groups <
strikes, ceasefires. The two places where a back-reference would be natural use ids
instead: ``Role.group_id`` (a person's role in a group that lists them as leader)
and ``Announcement.about`` (an announcement about a strike the strike lists).

Records have no ``__weakref__`` slot (``weakref_slot=False``): they are values, nothing
here holds them weakly, and the slot costs 8 bytes on each of the dozen objects a strike
is made of. A quick read (``_builder``) puts records together through their slots, after
checking what their validators check; a field is added to the format's description
(``_format``) and to the record class, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any

import attrs

from . import _checks as check
from ._checks import fields_repr
from ._dates import DateRange, PeriodLike, parse_period

__all__ = [
    "Affiliation",
    "Announcement",
    "Attribution",
    "CasualtyClaim",
    "Ceasefire",
    "CeasefireKind",
    "CeasefireStatus",
    "Citation",
    "Confidence",
    "Coordinates",
    "DateClaim",
    "Development",
    "DevelopmentKind",
    "Figure",
    "Group",
    "GroupKind",
    "Outcome",
    "Person",
    "Place",
    "PlaceKind",
    "PlaceReference",
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
    "StrikeKind",
    "Victims",
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
        >>> as_html(isk.load().strike("2019-06-30-rif-al-muhandisin")).startswith("<table>")
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


def _clip(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


class _Vocabulary(Enum):
    """A closed vocabulary whose values are the words used in data files."""

    def __str__(self) -> str:
        return str(self.value)


class SourceKind(_Vocabulary):
    """Whether a source is one of the news articles, or a reference cited beside them.

    Examples:
        >>> SourceKind("reference")
        <SourceKind.REFERENCE: 'reference'>
    """

    ARTICLE = "article"
    REFERENCE = "reference"


class GroupKind(_Vocabulary):
    """What kind of actor a group is.

    Examples:
        >>> GroupKind("monitor").name
        'MONITOR'
    """

    MILITANT = "militant"
    REBEL = "rebel"
    STATE_FORCE = "state_force"
    GOVERNMENT = "government"
    COALITION = "coalition"
    MONITOR = "monitor"
    CIVIL_DEFENCE = "civil_defence"
    MEDIA = "media"
    THINK_TANK = "think_tank"
    INTERNATIONAL = "international"
    LOCAL = "local"


class Relation(_Vocabulary):
    """How one group stands to another in an [`Affiliation`][idlibstrikes.Affiliation].

    ``branch_of``, ``affiliate_of`` and ``part_of`` make a group one of the other's
    affiliates for [`Dataset.strikes_by_group`][idlibstrikes.Dataset.strikes_by_group]; the
    looser relations do not.

    Examples:
        >>> Relation("branch_of").is_affiliate
        True
        >>> Relation("ally_of").is_affiliate
        False
    """

    BRANCH_OF = "branch_of"
    AFFILIATE_OF = "affiliate_of"
    PART_OF = "part_of"
    LINKED_TO = "linked_to"
    ALLY_OF = "ally_of"
    MEMBER_OF = "member_of"
    SPLIT_FROM = "split_from"
    LED_BY = "led_by"
    BACKED_BY = "backed_by"

    @property
    def is_affiliate(self) -> bool:
        """Whether this relation makes the group an affiliate of the other.

        Examples:
            >>> Relation.PART_OF.is_affiliate, Relation.SPLIT_FROM.is_affiliate
            (True, False)
        """
        return self in _AFFILIATE_RELATIONS


_AFFILIATE_RELATIONS = frozenset({Relation.BRANCH_OF, Relation.AFFILIATE_OF, Relation.PART_OF})


class Victims(_Vocabulary):
    """Whom a casualty figure counts. ``all`` is a source's whole toll; the rest are subsets.

    Examples:
        >>> Victims("commanders")
        <Victims.COMMANDERS: 'commanders'>
    """

    ALL = "all"
    CIVILIANS = "civilians"
    MILITANTS = "militants"
    COMMANDERS = "commanders"
    CHILDREN = "children"


class Outcome(_Vocabulary):
    """Whether a casualty figure counts the dead or the wounded.

    Examples:
        >>> Outcome("wounded").value
        'wounded'
    """

    KILLED = "killed"
    WOUNDED = "wounded"


class Scope(_Vocabulary):
    """Whether a strike record is one event or a series the sources report as one.

    Examples:
        >>> Scope("series")
        <Scope.SERIES: 'series'>
    """

    EVENT = "event"
    SERIES = "series"


class StrikeKind(_Vocabulary):
    """The means of attack, as the sources describe it.

    Examples:
        >>> StrikeKind("missile").value
        'missile'
    """

    AIR = "air"
    MISSILE = "missile"
    DRONE = "drone"
    ARTILLERY = "artillery"
    UNKNOWN = "unknown"


class PlaceKind(_Vocabulary):
    """What kind of place a [`Place`][idlibstrikes.Place] is; coarser kinds make coarser locations.

    Examples:
        >>> PlaceKind("village").value
        'village'
    """

    COUNTRY = "country"
    REGION = "region"
    GOVERNORATE = "governorate"
    DISTRICT = "district"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    SUBURB = "suburb"
    SITE = "site"


class CeasefireKind(_Vocabulary):
    """A ceasefire, a truce, or a wider agreement (such as a de-escalation zone).

    Examples:
        >>> CeasefireKind("agreement").value
        'agreement'
    """

    CEASEFIRE = "ceasefire"
    TRUCE = "truce"
    AGREEMENT = "agreement"


class CeasefireStatus(_Vocabulary):
    """What is known of a ceasefire on a given day.

    See [`Ceasefire.status_on`][idlibstrikes.Ceasefire.status_on]. ``unknown`` is the
    status after the last report about a ceasefire that no source says has ended: it is
    neither known to hold nor known to have ended.

    Examples:
        >>> CeasefireStatus("unknown").value
        'unknown'
    """

    NOT_STARTED = "not_started"
    IN_EFFECT = "in_effect"
    MAY_BE_IN_EFFECT = "may_be_in_effect"
    UNKNOWN = "unknown"
    ENDED = "ended"


class DevelopmentKind(_Vocabulary):
    """What kind of [`Development`][idlibstrikes.Development] a record is.

    The kinds follow ACLED's event types where they meet: ``offensive`` is a ground
    offensive (ACLED "battles"), ``control`` a change of who holds or runs a place, or who
    holds it as of a report (ACLED "non-state actor overtakes territory" and its kin),
    ``government_falls`` the end of a government (an ACLED "strategic development"),
    ``meeting`` a meeting or visit of officials (no ACLED event type: context, never an
    event to count).

    Examples:
        >>> DevelopmentKind("government_falls").name
        'GOVERNMENT_FALLS'
    """

    OFFENSIVE = "offensive"
    CONTROL = "control"
    GOVERNMENT_FALLS = "government_falls"
    MEETING = "meeting"


class Stance(_Vocabulary):
    """What an [`Attribution`][idlibstrikes.Attribution] says of the groups it names.

    ``struck``: they carried the strike out ("US Central Command said its jets had
    struck"); ``suspected``: they may have (a source that cannot say who, or "most
    likely"); ``denied``: they did not (a spokesman's denial).

    Examples:
        >>> Stance("denied").name
        'DENIED'
    """

    STRUCK = "struck"
    SUSPECTED = "suspected"
    DENIED = "denied"


class Confidence(_Vocabulary):
    """How far a reference fact can be trusted, as ``external-facts.md`` grades it.

    Examples:
        >>> Confidence("high").value
        'high'
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


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
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> src = isk.load().source("002_0d9037507fd83edc.txt")
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
    note: str = attrs.field(default="", validator=check.instance(str))

    @property
    def is_reference(self) -> bool:
        """Whether this is a reference source rather than one of the articles.

        Examples:
            >>> import idlibstrikes as isk
            >>> sum(not s.is_reference for s in isk.load().sources)
            5
        """
        return self.kind is SourceKind.REFERENCE

    @property
    def short_id(self) -> str:
        """The id people use: an article file's number ("002"), else the id without ".txt".

        Examples:
            >>> import idlibstrikes as isk
            >>> [s.short_id for s in isk.load().sources[:3]]
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
            >>> [s.label for s in isk.load().sources[:5]]  # doctest: +NORMALIZE_WHITESPACE
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
        quote: The words, verbatim (whitespace may differ).
        about: The field the quote supports (``"place"``, ``"targets"``, ``"name"`` ...).

    Examples:
        >>> import idlibstrikes as isk
        >>> cite = isk.load().strike("2025-02-15-urum-al-jawz").citations_for("place")[0]
        >>> cite.quote
        'a motorway near the village of Urum Al Joz in Idlib'
    """

    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
    about: str = attrs.field(validator=check.text)

    def __repr__(self) -> str:
        return f"<Citation {self.about} ({self.source.id}): {_clip(self.quote)!r}>"


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class DateClaim:
    """One source's statement of a date, coded as a range.

    Attributes:
        date: The date the source gives.
        source: The source.
        quote: The source's words.
        report: Whether the date is that of a report of the event rather than of the
            event itself ("In late January, US Central Command said an air strike ...
            had killed"): the event is then on or before it.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> claims = isk.load().strike("2017-03-al-jinah").date_claims
        >>> [(str(c.date), c.report) for c in claims]
        [('2017-03-17', False), ('2017-03-01..2017-03-31', True)]
    """

    date: DateRange = attrs.field(validator=check.instance(DateRange))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
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
        >>> ref = isk.load().place("Kafranbel").reference
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
        >>> place = isk.load().place("urum al joz")
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
            >>> isk.load().place("Idlib").coordinates
            Coordinates(latitude=35.9306, longitude=36.6339)
            >>> isk.load().place("Urum al-Jawz").coordinates is None
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
        confidence: How far it can be trusted.
        source: The reference.
        place: For a fact about where something happened, the place the reference puts
            it at, where that place has a record ("near Batabo").
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> facts = isk.load().references_for("2017-03-al-jinah")
        >>> [(f.field, str(f.date), f.corrects) for f in facts if f.field == "date"]
        [('date', '2017-03-16', True)]
        >>> data = isk.load()
        >>> [f.place.name for f in data.references_for("2025-01-late-al-zabir") if f.place]
        ['Batabo']
    """

    __repr__ = fields_repr

    id: str = attrs.field(validator=check.text)
    subject: str = attrs.field(validator=check.text)
    field: str = attrs.field(validator=check.text)
    value: str = attrs.field(validator=check.text)
    source: Source = attrs.field(validator=check.instance(Source))
    confidence: Confidence = attrs.field(validator=check.instance(Confidence))
    date: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    corrects: bool = attrs.field(default=False, validator=check.instance(bool))
    place: Place | None = attrs.field(default=None, validator=check.optional_instance(Place))
    note: str = attrs.field(default="", validator=check.instance(str))


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
        quote: The source's words.
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
        >>> role = isk.load().person("Rami Abdulrahman").roles[0]
        >>> role.group_id, role.leads
        ('sohr', True)
        >>> former = isk.load().person("Bashar al-Assad").roles[0]
        >>> former.title, str(former.until.date)
        ('former president', '2024-12-08')
        >>> president = isk.load().person("Ahmad al-Shara").roles[1]
        >>> president.title, str(president.since.date), str(president.began)
        ('President', '2025-01-01..2025-01-31', '2025-01-29')
    """

    __repr__ = fields_repr

    title: str = attrs.field(validator=check.text)
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
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
        >>> isk.load().person("Abu Baker Mourek").id
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
        quote: The source's words.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> sorted({e.count for e in isk.load().group("Hurras al-Din").strength})
        [1800, 2500]
    """

    __repr__ = fields_repr

    count: int = attrs.field(validator=check.count)
    unit: str = attrs.field(validator=check.text)
    as_of: DateRange = attrs.field(validator=check.instance(DateRange))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
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
        quote: The source's words.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> hts = isk.load().group("HTS")
        >>> [(a.relation.value, a.other.id) for a in hts.affiliations][:1]
        [('affiliate_of', 'al-qaeda')]
    """

    __repr__ = fields_repr

    other: Group = attrs.field(eq=_by_id)
    relation: Relation = attrs.field(validator=check.instance(Relation))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
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
            >>> hts = isk.load().group("HTS")
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
        >>> g = isk.load().group("hurras al-deen")
        >>> g.name, g.kind.value, str(g.founded)
        ('Hurras al-Din', 'militant', '2018-02-27')
        >>> [p.name for p in g.leaders]
        ['Abu al-Humam al-Shami']
        >>> str(isk.load().group("Syrian government").ended)
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
        quote: The source's words.
        vague: Whether the figure is a vague word ("dozens", "hundreds") coded by the
            codebook's convention rather than a number the source states.
        within: Wider sets of victims the text puts these victims in, beyond those the
            codebook always assumes ("civilian children": children within civilians).
        counts_to: For a toll that grows over a series of strikes ("since the end of
            April"), the day it counts up to; ``None`` for a single strike's toll.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> strike = isk.load().strike("2019-08-31-idlib-training-camp")
        >>> [(c.low, c.high, c.victims.value) for c in strike.claims if c.low == 40]
        [(40, 40, 'all'), (40, 40, 'commanders'), (40, None, 'militants')]
        >>> [(c.low, c.vague) for c in strike.claims if c.quote.startswith("A US military")]
        [(24, True)]
    """

    low: int = attrs.field(validator=check.count)
    high: int | None = attrs.field(validator=check.optional_count)
    victims: Victims = attrs.field(validator=check.instance(Victims))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
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
            >>> isk.load().strike("2025-02-15-urum-al-jawz").claims[0].is_lower_bound
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


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Announcement:
    """A statement someone made, however many sources report it.

    Each source that reports the statement is one of its ``reports``: the date that
    source gives it and the source's words. The statement's ``date`` summarises them with
    any reference fact about its day (see the codebook's summary rule).

    Attributes:
        id: A stable id.
        date: When the statement was made: what every report and reference allows.
        summary: What was announced, in the dataset's words.
        reports: Each source's report of it (a date, the source, the source's words).
        announcer: Who made it, or ``None`` where the source does not say.
        about: The id of the strike or ceasefire it concerns, if any.
        references: Reference facts about it (the day it was made).
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> june = isk.load().strike("2019-06-30-rif-al-muhandisin")
        >>> [statement] = [a for a in june.announcements if a.id == "2019-06-30-centcom-statement"]
        >>> str(statement.date), [s.short_id for s in statement.sources]
        ('2019-06-30', ['002', '003', '001', '004'])
    """

    __repr__ = fields_repr

    id: str = attrs.field(validator=check.text)
    date: DateRange = attrs.field(validator=check.instance(DateRange))
    summary: str = attrs.field(validator=check.text)
    reports: tuple[DateClaim, ...] = attrs.field(validator=check.tuple_of(DateClaim))
    announcer: Group | None = attrs.field(default=None, validator=check.optional_instance(Group))
    about: str | None = attrs.field(default=None, validator=check.optional_instance(str))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        if not self.reports:
            raise ValueError("an announcement needs at least one report")

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources that report it, in the order of its reports.

        Examples:
            >>> import idlibstrikes as isk
            >>> ann = isk.load().strike("2025-02-15-urum-al-jawz").announcements[0]
            >>> [s.id[:3] for s in ann.sources]
            ['000']
        """
        return tuple({r.source.id: r.source for r in self.reports}.values())


def within(part: Group, whole: Group) -> bool:
    """Whether ``part`` is ``whole``, or a part of it, as attributions are compared.

    A group is within another it is (transitively) a part, branch or affiliate of (US
    Central Command within the US military, within the United States), and a coalition
    holds the forces of the state that leads it (``led_by``: the United States within the
    US-led coalition). Dates are not weighed: a force's place in its state does not lapse.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> centcom, coalition = data.group("CENTCOM"), data.group("US-led coalition")
        >>> within(centcom, coalition), within(coalition, centcom)
        (True, False)
    """
    seen: set[str] = set()
    todo = [whole]
    while todo:  # the whole and every leader inside it
        w = todo.pop()
        if w.id in seen:
            continue
        seen.add(w.id)
        if reaches(part, w.id, _affiliated):
            return True
        todo += [a.other for a in w.affiliations if a.relation is Relation.LED_BY]
    return False


def reaches(group: Group, target_id: str, up: Callable[[Group], Iterable[Group]]) -> bool:
    """Whether ``group`` is ``target_id``, or reaches it going ``up`` (transitively).

    ``up`` gives the groups one step above a group (those it is an affiliate or part of,
    perhaps only on some date); each group is visited once, so a loop of affiliations ends.

    Examples:
        >>> import idlibstrikes as isk
        >>> centcom = isk.load().group("CENTCOM")
        >>> reaches(centcom, "united-states", _affiliated)
        True
    """
    seen: set[str] = set()
    todo = [group]
    while todo:
        g = todo.pop()
        if g.id == target_id:
            return True
        if g.id not in seen:
            seen.add(g.id)
            todo += up(g)
    return False


def _affiliated(group: Group) -> list[Group]:
    """The groups ``group`` says it is a branch, affiliate or part of, at any time."""
    return [a.other for a in group.affiliations if a.relation.is_affiliate]


def nested(a: Group, b: Group) -> bool:
    """Whether one of two groups is within the other (see `within`): not rival accounts.

    Examples:
        >>> import idlibstrikes as isk
        >>> data = isk.load()
        >>> nested(data.group("US military"), data.group("CENTCOM"))
        True
        >>> nested(data.group("Syrian government forces"), data.group("Russian military"))
        False
    """
    return within(a, b) or within(b, a)


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Attribution:
    """One source's statement of who carried a strike out (or did not), as it words it.

    Attributes:
        groups: The groups it names, together ("Syrian and Russian air strikes": two).
        stance: Whether it says they struck, may have, or did not
            (a [`Stance`][idlibstrikes.Stance]).
        source: The source.
        quote: The source's words.
        claimant: Who makes the attribution, where the source says ("the US-led coalition
            ... has claimed responsibility", "US Central Command said its jets"); ``None``
            where the source speaks in its own voice.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> june = isk.load().strike("2019-06-30-rif-al-muhandisin")
        >>> [(a.groups[0].id, a.source.short_id) for a in june.attributions]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('us-military', '002'), ('us-led-coalition', '002'), ('centcom', '003'),
         ('us-led-coalition', '003')]
    """

    __repr__ = fields_repr

    groups: tuple[Group, ...] = attrs.field(validator=check.tuple_of(Group))
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
    stance: Stance = attrs.field(default=Stance.STRUCK, validator=check.instance(Stance))
    claimant: Group | None = attrs.field(default=None, validator=check.optional_instance(Group))
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        if not self.groups:
            raise ValueError("an attribution names at least one group")


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Strike:
    """One strike (or a series the sources report as one), however many sources report it.

    A single strike (``scope`` ``event``) is dated by ``date``, the days every article's
    date claim and every reference fact about its date allow (see the codebook's summary
    rule). A series (``scope`` ``series``) has a ``start`` and an ``end`` of its own, each
    summarised the same way, and its ``date`` runs from its earliest possible start to its
    latest possible end. Queries return single strikes unless asked for series.

    Attributes:
        id: A stable id.
        scope: One event, or a series reported as one.
        kind: The means of attack.
        description: A one-line description in the dataset's words.
        date: When: for a strike, the summary of its date claims (``disputed`` where they
            conflict); for a series, the span from its start to its end.
        date_claims: Each article's date for a single strike.
        start: For a series: when it began (summary of ``start_claims``); else ``None``.
        end: For a series: when it ended (summary of ``end_claims``), or ``None``.
        start_claims: For a series: each source's date for its start.
        end_claims: For a series: each source's date for its end ("still going on when
            the article appeared" is an end on or after the publication date).
        place: Where, as the articles name it.
        perpetrator: Who carried it out, as the dataset files it (ACLED's ``actor1``): one
            of the groups its attributions name, or one they are all within. Every
            perpetrator the sources name is in `perpetrators`.
        attributions: Each source's statement of who struck (or may have, or did not),
            with its words.
        allies: Who backed or joined the perpetrator, where stated.
        targets: The groups the sources name as its target.
        claims: Every casualty figure, one per claimant and source.
        killed: The named dead.
        announcements: Statements about it, with their dates.
        sources: Every article that reports it.
        citations: The quotes behind place, perpetrator, targets and the named dead.
        references: Reference facts about it (date, place, time), beside the claims.
        note: Coding decisions.

    Examples:
        >>> import idlibstrikes as isk
        >>> s = isk.load().strike("2019-06-30-rif-al-muhandisin")
        >>> str(s.date), s.place.name, s.perpetrator.name
        ('2019-06-30', 'Rif Al-Muhandiseen', 'US military')
        >>> [g.name for g in s.targets]
        ['al-Qaeda in Syria', 'Hurras al-Din']
        >>> len(s.sources)
        4
        >>> offensive = isk.load().strike("2019-idlib-offensive")
        >>> offensive.is_series, str(offensive.start), str(offensive.end)
        (True, '2019-04-21..2019-04-30', '2019-08-31')
    """

    id: str = attrs.field(validator=check.text)
    description: str = attrs.field(validator=check.text)
    date: DateRange = attrs.field(validator=check.instance(DateRange))
    place: Place = attrs.field(validator=check.instance(Place))
    perpetrator: Group = attrs.field(validator=check.instance(Group))
    scope: Scope = attrs.field(default=Scope.EVENT, validator=check.instance(Scope))
    kind: StrikeKind = attrs.field(default=StrikeKind.UNKNOWN, validator=check.instance(StrikeKind))
    date_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    start: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    end: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    start_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    end_claims: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(), validator=check.tuple_of(Attribution)
    )
    allies: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    targets: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    claims: tuple[CasualtyClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(CasualtyClaim)
    )
    killed: tuple[Person, ...] = attrs.field(default=(), validator=check.tuple_of(Person))
    announcements: tuple[Announcement, ...] = attrs.field(
        default=(), validator=check.tuple_of(Announcement)
    )
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check.tuple_of(Source))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    @property
    def is_series(self) -> bool:
        """Whether this record is a series of strikes reported as one.

        Examples:
            >>> import idlibstrikes as isk
            >>> [s.id for s in isk.load().strikes if s.is_series][:2]
            ['2014-2019-coalition-northwest-strikes', 'baghouz-coalition-strikes']
        """
        return self.scope is Scope.SERIES

    def certainly_within(self, first: dt.date, last: dt.date) -> bool:
        """Whether it certainly falls in the period from ``first`` to ``last``.

        A strike does when its whole date range lies in the period. A series does when
        it was certainly under way throughout the period: the period lies between its
        latest possible start and its earliest possible end.

        Examples:
            >>> import datetime as dt, idlibstrikes as isk
            >>> offensive = isk.load().strike("2019-idlib-offensive")
            >>> offensive.certainly_within(dt.date(2019, 6, 1), dt.date(2019, 6, 30))
            True
            >>> offensive.certainly_within(dt.date(2019, 4, 1), dt.date(2019, 4, 30))
            False
        """
        if not self.is_series or self.start is None:
            return self.date.within(first, last)
        if self.end is None:  # not known to have run past its start
            return False
        return self.start.latest <= first and last <= self.end.earliest

    @property
    def attributed(self) -> tuple[Group, ...]:
        """Every group a source says struck or may have struck, and the filed perpetrator.

        What [`Dataset.strikes_between`][idlibstrikes.Dataset.strikes_between]'s
        ``perpetrator`` finds a record by; a denial is not an attribution.

        Examples:
            >>> import idlibstrikes as isk
            >>> june = isk.load().strike("2019-06-30-rif-al-muhandisin")
            >>> [g.id for g in june.attributed]
            ['us-military', 'us-led-coalition', 'centcom']
        """
        found = {self.perpetrator.id: self.perpetrator}
        for a in self.attributions:
            if a.stance is not Stance.DENIED:
                for g in a.groups:
                    found.setdefault(g.id, g)
        return tuple(found.values())

    @property
    def perpetrators(self) -> tuple[Group, ...]:
        """Who struck, summarised: the filed perpetrator and every other group named.

        Groups within one another are one reading, named once by the one it is filed
        under (CENTCOM's "its jets", Kurdistan 24's "US forces" and the coalition's claim
        of the 30 June 2019 strike are the US military's); groups that are not are each
        listed: "Syrian and Russian air strikes" make two. Where the attributions conflict
        (`perpetrator_disputed`), the groups only suspected are listed too.

        Examples:
            >>> import idlibstrikes as isk
            >>> data = isk.load()
            >>> [g.name for g in data.strike("2019-idlib-offensive").perpetrators]
            ['Syrian government forces', 'Russian military']
            >>> [g.name for g in data.strike("2019-06-30-rif-al-muhandisin").perpetrators]
            ['US military']
        """
        stances = (
            (Stance.STRUCK, Stance.SUSPECTED) if self.perpetrator_disputed else (Stance.STRUCK,)
        )
        out = [self.perpetrator]
        for a in self.attributions:
            if a.stance in stances:
                out += [g for g in a.groups if not any(nested(g, o) for o in out)]
        return tuple(out)

    @property
    def perpetrator_disputed(self) -> bool:
        """Whether the sources disagree on who struck.

        They do where a denial names a group another attribution says struck or may have
        (or one within it, or a whole it is within); where a source suspects a group that
        none says struck; or where two readings of who struck (groups within one another
        are one reading) are given and no one source gives both. Naming a part of another
        is agreement, and a source that names two groups says they struck together.

        Examples:
            >>> import idlibstrikes as isk
            >>> [s.id for s in isk.load().strikes if s.perpetrator_disputed]
            []
        """
        named: dict[Stance, list[tuple[Group, str]]] = {s: [] for s in Stance}
        for a in self.attributions:
            named[a.stance] += [(g, a.source.id) for g in a.groups]
        struck, suspected = named[Stance.STRUCK], named[Stance.SUSPECTED]
        if any(nested(d, g) for d, _ in named[Stance.DENIED] for g, _ in (*struck, *suspected)):
            return True
        if struck and any(not any(nested(s, g) for g, _ in struck) for s, _ in suspected):
            return True
        # readings: groups within one another, joined; each with the sources giving it
        readings: list[tuple[list[Group], set[str]]] = []
        for g, source in struck or suspected:
            joined = [r for r in readings if any(nested(g, o) for o in r[0])]
            groups, sources = [g], {source}
            for r in joined:
                readings.remove(r)
                groups += r[0]
                sources |= r[1]
            readings.append((groups, sources))
        return any(not a[1] & b[1] for i, a in enumerate(readings) for b in readings[i + 1 :])

    def citations_for(self, about: str) -> tuple[Citation, ...]:
        """The quotes that support one field (``"place"``, ``"targets"``, ...).

        Examples:
            >>> import idlibstrikes as isk
            >>> s = isk.load().strike("2019-08-31-idlib-training-camp")
            >>> len(s.citations_for("targets")) >= 2
            True
        """
        return tuple(c for c in self.citations if c.about == about)

    def _repr_html_(self) -> str:
        return as_html(self)

    def __repr__(self) -> str:
        targets = ", ".join(t.name for t in self.targets) or "no named target"
        who = " + ".join(g.name for g in self.perpetrators)
        return f"<Strike {self.id}: {self.date}, {self.place.name}, {who} -> {targets}>"


@attrs.frozen(kw_only=True, weakref_slot=False)
class StatusSpan:
    """A run of days over which a ceasefire's status is the same.

    Attributes:
        first: The first day.
        last: The last day (``datetime.date.max`` when the run has no end).
        status: What is known of the ceasefire on each of those days.

    Examples:
        >>> import idlibstrikes as isk
        >>> first = isk.load().ceasefire("2019-08-31-ceasefire").statuses()[0]
        >>> str(first.first), str(first.last), first.status.value
        ('2019-08-31', '2019-09-01', 'in_effect')
    """

    first: dt.date = attrs.field(validator=check.instance(dt.date))
    last: dt.date = attrs.field(validator=check.instance(dt.date))
    status: CeasefireStatus = attrs.field(validator=check.instance(CeasefireStatus))

    @property
    def open_end(self) -> bool:
        """Whether the run goes on with no known last day.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load().ceasefire("2018-09-sochi-agreement").statuses()[-1].open_end
            True
        """
        return self.last == dt.date.max


def last_held_day(
    start: DateRange, sources: Sequence[Source], end_claims: Sequence[DateClaim]
) -> dt.date | None:
    """The last day a dated report certainly shows a ceasefire holding, or ``None``.

    A claim that it ended on or after a day (the Russian military said on Sunday that
    the raid was endangering the ceasefire) shows it holding that day. Where no source
    reports that it ended, each report shows it holding on the *first* day it can have
    appeared: article 001 (31 August to 6 September 2019) only on 31 August. A report
    from before the ceasefire had certainly begun shows nothing of it.

    Examples:
        >>> import idlibstrikes as isk
        >>> c = isk.load().ceasefire("2019-08-31-ceasefire")
        >>> last_held_day(c.start, c.sources, c.end_claims)
        datetime.date(2019, 9, 1)
    """
    days = [c.date.earliest for c in end_claims if c.date.open_end and not c.date.open_start]
    if all(c.date.open_end for c in end_claims):  # no source says it ended
        days += [
            s.published.earliest
            for s in sources
            if s.published is not None and not s.published.open_start
        ]
    return max((d for d in days if d >= start.latest), default=None)


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Ceasefire:
    """A ceasefire, truce or agreement.

    Its ``start`` and ``end`` summarise the sources' claims and the reference facts
    about them (see the codebook's summary rule). A ceasefire ends no later than the day
    its last party ceased to exist, and no earlier than the last day a dated report
    shows it holding (`held_until`). It is in effect only through that day: after it,
    until a bound ends it, it may be in effect, and after the last report about it, its
    status is unknown (see [`status_on`][idlibstrikes.Ceasefire.status_on] and
    [`statuses`][idlibstrikes.Ceasefire.statuses]).

    Attributes:
        id: A stable id.
        name: A name for it in the dataset's words.
        kind: Ceasefire, truce or wider agreement.
        start: When it began.
        end: When it ended: the summary of its end claims, bounded by the end of its
            parties; ``None`` where nothing is known of its end.
        parties: Who agreed to it.
        brokers: Who brokered or backed it.
        start_claims: Each source's start date.
        end_claims: Each source's end date.
        sources: Every article that reports it.
        citations: The quotes behind parties and brokers.
        references: Reference facts about it (start, end), beside the claims.
        note: Coding decisions.

    Examples:
        >>> import idlibstrikes as isk
        >>> c = isk.load().ceasefire("2019-08-31-ceasefire")
        >>> str(c.start), str(c.end), [g.name for g in c.brokers]
        ('2019-08-31', '2019-09-01..2024-12-08', ['Russia'])
        >>> [c.status_on(d).value for d in ("2019-09-01", "2019-09-05", "2021", "2025")]
        ['in_effect', 'may_be_in_effect', 'unknown', 'ended']
    """

    id: str = attrs.field(validator=check.text)
    name: str = attrs.field(validator=check.text)
    start: DateRange = attrs.field(validator=check.instance(DateRange))
    kind: CeasefireKind = attrs.field(
        default=CeasefireKind.CEASEFIRE, validator=check.instance(CeasefireKind)
    )
    end: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    parties: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    brokers: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    start_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    end_claims: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check.tuple_of(Source))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        _check_order(self.start, self.end)

    @property
    def reported_until(self) -> dt.date | None:
        """The last day on which a source reporting it may have appeared.

        After it, a ceasefire that no source says has ended has an unknown status.

        Examples:
            >>> import idlibstrikes as isk
            >>> isk.load().ceasefire("2018-09-sochi-agreement").reported_until
            datetime.date(2019, 9, 6)
        """
        days = [s.published.latest for s in self.sources if s.published is not None]
        return max(days, default=None)

    @property
    def held_until(self) -> dt.date | None:
        """The last day a dated report certainly shows it holding, or ``None``.

        A claim that it ended on or after a day shows it holding that day; where no source
        says it ended, so does each report, on the first day it can have appeared.

        It is in effect through this day, and its end is no earlier.

        Examples:
            >>> import idlibstrikes as isk
            >>> [str(c.held_until) for c in isk.load().ceasefires]  # Sochi, 1 and 31 August
            ['2019-09-01', 'None', '2019-09-01']
        """
        return last_held_day(self.start, self.sources, self.end_claims)

    @property
    def end_reported(self) -> bool:
        """Whether a source reports that it ended, by a known day.

        Not so for a ceasefire without end claims (its end may be bounded only by its
        parties' end), nor for one whose only end claims say it still held on some day.

        Examples:
            >>> import idlibstrikes as isk
            >>> [c.end_reported for c in isk.load().ceasefires]  # Sochi, 1 and 31 August 2019
            [False, True, False]
        """
        return any(not c.date.open_end for c in self.end_claims)

    def status_on(self, day: PeriodLike, until: PeriodLike | None = None) -> CeasefireStatus:
        """What is known of it from ``day`` to ``until`` (by default the period ``day``).

        * ``not_started``: it began only after the period;
        * ``ended``: it had certainly ended before the period;
        * ``in_effect``: it had certainly begun, and had certainly not ended: the period
          lies before its reported end, or within the days a dated report certainly
          shows it holding (`held_until`; a report whose publication day is a window
          shows it only as of the window's first day);
        * ``unknown``: no source says it ended (`end_reported`), and the period starts
          after every report about it (`reported_until`): nothing is known;
        * ``may_be_in_effect``: it is neither known to hold nor known to have ended (after
          the last day a report certainly covers, until a bound ends it), or its start is
          too uncertain to say.

        Raises:
            InvalidPeriodError: A bound cannot be read.

        Examples:
            >>> import idlibstrikes as isk
            >>> truce = isk.load().ceasefire("2019-08-01-truce")
            >>> [truce.status_on(d).value for d in ("2019-07", "2019-08-02", "2019-08", "2020")]
            ['not_started', 'in_effect', 'may_be_in_effect', 'ended']
        """
        first = parse_period(day)[0]
        last = parse_period(day if until is None else until)[1]
        return self._status(first, last, self.held_until, self.end_reported)

    def _status(
        self, first: dt.date, last: dt.date, held: dt.date | None, end_reported: bool
    ) -> CeasefireStatus:
        if self.start.earliest > last:
            return CeasefireStatus.NOT_STARTED
        if self.end is not None and self.end.latest < first:
            return CeasefireStatus.ENDED
        reported = self.reported_until
        if (
            not end_reported
            and reported is not None
            and first > reported
            and (held is None or first > held)
        ):
            return CeasefireStatus.UNKNOWN
        begun = self.start.latest <= first
        going = (held is not None and last <= held) or (
            end_reported and self.end is not None and last < self.end.earliest
        )
        return CeasefireStatus.IN_EFFECT if begun and going else CeasefireStatus.MAY_BE_IN_EFFECT

    def statuses(self) -> tuple[StatusSpan, ...]:
        """Its status day by day, as runs of days, from its first possible day to its end.

        The one account of "when was it in effect" that every view draws on (the CLI, the
        notebook, the timeline, the data page): each run is what
        [`status_on`][idlibstrikes.Ceasefire.status_on] says of each of its days.

        Examples:
            >>> import idlibstrikes as isk
            >>> c = isk.load().ceasefire("2019-08-31-ceasefire")
            >>> [(str(s.first), str(s.last), s.status.value) for s in c.statuses()]
            ... # doctest: +NORMALIZE_WHITESPACE
            [('2019-08-31', '2019-09-01', 'in_effect'),
             ('2019-09-02', '2019-09-06', 'may_be_in_effect'),
             ('2019-09-07', '2024-12-08', 'unknown')]
        """
        held, end_reported = self.held_until, self.end_reported
        # a single day's status can change only on these days
        cuts = {self.start.earliest, self.start.latest}
        for day in (held, self.reported_until):
            if day is not None and day < dt.date.max:
                cuts.add(day + dt.timedelta(days=1))
        if self.end is not None:
            cuts.add(self.end.earliest)
            if self.end.latest < dt.date.max:
                cuts.add(self.end.latest + dt.timedelta(days=1))
        days = sorted(cuts)
        spans: list[StatusSpan] = []
        for day, after in zip(days, [*days[1:], None], strict=True):
            status = self._status(day, day, held, end_reported)
            if status in (CeasefireStatus.NOT_STARTED, CeasefireStatus.ENDED):
                continue
            last = dt.date.max if after is None else after - dt.timedelta(days=1)
            if (
                spans
                and spans[-1].status is status
                and spans[-1].last + dt.timedelta(days=1) == day
            ):
                spans[-1] = StatusSpan(first=spans[-1].first, last=last, status=status)
            else:
                spans.append(StatusSpan(first=day, last=last, status=status))
        return tuple(spans)

    def may_be_in_effect(self, day: PeriodLike, until: PeriodLike | None = None) -> bool:
        """Whether it may have been in effect on some day from ``day`` to ``until``.

        That is: it started on or before the last day, and is not known to have ended
        before the first (its status is in effect, may be in effect, or unknown). ``day``
        may be a date or period text, as for
        [`Dataset.strikes_between`][idlibstrikes.Dataset.strikes_between].

        Raises:
            InvalidPeriodError: A bound cannot be read.

        Examples:
            >>> import idlibstrikes as isk
            >>> c = isk.load().ceasefire("2019-08-01-truce")
            >>> c.may_be_in_effect("2019-08-02"), c.may_be_in_effect("2019-08-31")
            (True, False)
        """
        status = self.status_on(day, until)
        return status not in (CeasefireStatus.NOT_STARTED, CeasefireStatus.ENDED)

    def _repr_html_(self) -> str:
        return as_html(self)

    def __repr__(self) -> str:
        end = f" to {self.end}" if self.end and not self.end.open_end else ", no known end"
        return f"<Ceasefire {self.id}: from {self.start}{end}>"


@attrs.frozen(kw_only=True, repr=False, weakref_slot=False)
class Development:
    """Something the articles report that is not a strike: an offensive, a change of control.

    Or the fall of a government. Like a ceasefire, it has a ``start`` and possibly an
    ``end``, each summarising the sources' claims. A development that happens on one day
    (a government's fall) has only a start.

    Attributes:
        id: A stable id.
        kind: Offensive, change of control or fall of a government.
        description: A one-line description in the dataset's words.
        start: When it began (or happened).
        end: When it ended, or ``None`` where no source says.
        start_claims: Each source's date for its start.
        end_claims: Each source's date for its end.
        actors: Who carried it out, where a source says.
        affected: Who it was against, or who lost by it.
        place: Where, where a source says.
        sources: Every article that reports it.
        citations: The quotes behind actors, affected and place.
        references: Reference facts about it.
        note: Coding decisions.

    Examples:
        >>> import idlibstrikes as isk
        >>> fall = isk.load().development("2024-12-08-fall-of-assad-government")
        >>> fall.kind.value, str(fall.start), [g.name for g in fall.affected]
        ('government_falls', '2024-12-08', ['Syrian government'])
    """

    id: str = attrs.field(validator=check.text)
    kind: DevelopmentKind = attrs.field(validator=check.instance(DevelopmentKind))
    description: str = attrs.field(validator=check.text)
    start: DateRange = attrs.field(validator=check.instance(DateRange))
    end: DateRange | None = attrs.field(default=None, validator=check.optional_instance(DateRange))
    start_claims: tuple[DateClaim, ...] = attrs.field(
        default=(), validator=check.tuple_of(DateClaim)
    )
    end_claims: tuple[DateClaim, ...] = attrs.field(default=(), validator=check.tuple_of(DateClaim))
    actors: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    affected: tuple[Group, ...] = attrs.field(default=(), validator=check.tuple_of(Group))
    place: Place | None = attrs.field(default=None, validator=check.optional_instance(Place))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check.tuple_of(Source))
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=check.tuple_of(Citation))
    references: tuple[ReferenceFact, ...] = attrs.field(
        default=(), validator=check.tuple_of(ReferenceFact)
    )
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        _check_order(self.start, self.end)

    def __repr__(self) -> str:
        return f"<Development {self.id}: {self.kind.value} from {self.start}>"


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Figure:
    """A number about the wider war that the sources state: deaths, displacement, territory.

    Attributes:
        id: A stable id.
        measure: What kind of number ("killed", "displaced", "population", "territory").
        subject: What it counts, in the dataset's words.
        low: The smallest number the words allow.
        high: The largest, or ``None`` where open above ("more than 400,000").
        unit: The unit ("people", "civilians", "percent").
        approximate: Whether the source hedges it ("about", "some").
        period: The period it covers, where stated.
        place: The place it covers, where stated.
        claimant: Who gave it, or ``None`` where the source gives it in its own voice.
        source: The source.
        quote: The source's words.
        note: A coding note.

    Examples:
        >>> import idlibstrikes as isk
        >>> tolls = [f for f in isk.load().figures if f.measure == "killed" and f.unit == "people"]
        >>> sorted(f.low for f in tolls)
        [370001, 400001]
    """

    __repr__ = fields_repr

    id: str = attrs.field(validator=check.text)
    measure: str = attrs.field(validator=check.text)
    subject: str = attrs.field(validator=check.text)
    low: int = attrs.field(validator=check.count)
    high: int | None = attrs.field(validator=check.optional_count)
    unit: str = attrs.field(validator=check.text)
    source: Source = attrs.field(validator=check.instance(Source))
    quote: str = attrs.field(validator=check.text)
    approximate: bool = attrs.field(default=False, validator=check.instance(bool))
    period: DateRange | None = attrs.field(
        default=None, validator=check.optional_instance(DateRange)
    )
    place: Place | None = attrs.field(default=None, validator=check.optional_instance(Place))
    claimant: Group | None = attrs.field(default=None, validator=check.optional_instance(Group))
    note: str = attrs.field(default="", validator=check.instance(str))

    def __attrs_post_init__(self) -> None:
        if self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
