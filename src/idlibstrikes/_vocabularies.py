"""The closed vocabularies of the model: the words data files use, as enumerations."""

from __future__ import annotations

from enum import Enum

__all__ = [
    "CeasefireKind",
    "CeasefireStatus",
    "Confidence",
    "DevelopmentKind",
    "GroupKind",
    "Outcome",
    "PlaceKind",
    "Relation",
    "Scope",
    "SourceKind",
    "Stance",
    "StrikeKind",
    "Victims",
]


class _Vocabulary(Enum):
    """A closed vocabulary whose values are the words used in data files."""

    def __str__(self) -> str:
        return str(self.value)


class SourceKind(_Vocabulary):
    """Whether a source is one of the news articles, a report, or another reference.

    ``article``: one of the five articles, quoted. ``report``: a page the reference lists
    cite (``reported-*.md``): its claims carry the fact as the list words it, never a
    quote. ``reference``: any other reference cited beside the articles (a gazetteer, a
    page that dates an article).

    Examples:
        >>> SourceKind("reference")
        <SourceKind.REFERENCE: 'reference'>
    """

    ARTICLE = "article"
    REPORT = "report"
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
    """How far a reference fact can be trusted, as the reference lists grade it.

    ``high``: a primary statement relayed, or two independent reliable outlets;
    ``medium``: one reliable outlet; ``low``: one weak or partisan outlet. The levels are
    ordered, so a query can ask for a minimum (``at_least``).

    Examples:
        >>> Confidence("high").value
        'high'
        >>> Confidence.MEDIUM.at_least(Confidence.LOW), Confidence.LOW.at_least("medium")
        (True, False)
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for low, 1 for medium, 2 for high.

        Examples:
            >>> [c.rank for c in Confidence]
            [2, 1, 0]
        """
        return _CONFIDENCE_RANK[self.value]

    def at_least(self, other: Confidence | str) -> bool:
        """Whether this level is ``other`` or higher.

        Examples:
            >>> Confidence.HIGH.at_least("high")
            True
        """
        return self.rank >= Confidence(other).rank


_CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}
