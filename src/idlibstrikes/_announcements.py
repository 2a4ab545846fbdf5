"""A statement someone made (CENTCOM's, a ministry's), however many sources report it.

A record of the model beside those of ``_records`` (sources, their claims, groups), which
it is made of, and below the strikes, which list the announcements about them. It refers
to its strike or ceasefire by id (``about``), never by object: the graph of records is
kept acyclic (see ``_records``).
"""

from __future__ import annotations

import attrs

from . import _checks as check
from ._checks import fields_repr
from ._dates import DateRange
from ._records import DateClaim, Group, ReferenceFact, Source

__all__ = ["Announcement"]


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
        >>> june = isk.load(sources="articles").strike("2019-06-30-rif-al-muhandisin")
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
            >>> articles = isk.load(sources="articles")
            >>> ann = articles.strike("2025-02-15-urum-al-jawz").announcements[0]
            >>> [s.id[:3] for s in ann.sources]
            ['000']
        """
        return tuple({r.source.id: r.source for r in self.reports}.values())
