"""Building the strikes and series of strikes, with their claims and attributions.

``StrikesBuilder`` reads each strike quickly first and, where that meets a problem, again
strictly (see ``_reading``), dropping its raw data once built unless the caller keeps it.
A single strike is dated by its date claims, a series by its period (start and end
claims); its perpetrator must be named by an attribution, and a target group must exist
on the day. The rules of its nested objects (an attribution names a group; a casualty
claim's low is not above its high, ``within`` names wider sets only, and only a series'
figure counts up to a day) are each one function both reads call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._build_records import BaseRecordsBuilder
from ._builder import series_span
from ._dates import DateRange
from ._files import RawRecord
from ._models import (
    Announcement,
    Attribution,
    CasualtyClaim,
    Scope,
    Stance,
    Strike,
    Victims,
)
from ._reader import Fields, show
from ._strikes import nested

__all__ = ["StrikesBuilder"]


_SERIES = Scope.SERIES.value


class StrikesBuilder(BaseRecordsBuilder):
    """Builds the strikes and series, on the records they name."""

    def build_strikes(self) -> None:
        by_subject = self.announcements_by_subject()
        release = not self.keep_raw

        def build(record: RawRecord) -> None:
            self.build_strike(record, by_subject)

        for record in self.raw.records["strikes"]:
            record.parsed()  # a strike of a file read a strike at a time: parsed now
            # most of a big file: read quickly, and again, reporting, only where it is bad
            self.quickly(build, record)
            if release and not record.added:
                ident = record.data.get("id")
                record.data = {"id": ident} if isinstance(ident, str) else {}

    def build_strike(self, record: RawRecord, by_subject: dict[str, list[Announcement]]) -> None:
        """Read one strike or series strictly, reporting every problem."""
        f, ident = self.fields(record, self.shapes["strike"].keys)
        if not self.unique(f, ident, self.strikes, "strike"):
            return
        v = self.read(f, self.shapes["strike"])
        scope, date_claims = v["scope"], v["date_claims"]
        starts, ends = v["start_claims"], v["end_claims"]
        start: DateRange | None = None
        end: DateRange | None = None
        if scope is Scope.SERIES:
            if date_claims:
                f.fail(
                    "date_claims",
                    "a series is dated by its start_claims and end_claims",
                    expected="start_claims (and end_claims where a source dates its end)",
                )
            start, end = self.period(f, ident, "series", starts, ends)
            date = series_span(start, end)
        else:
            if starts or ends:
                f.fail(
                    "start_claims" if starts else "end_claims",
                    "only a series (scope 'series') has start and end claims",
                    expected="date_claims for a single strike",
                )
            elif not date_claims and not f.failed:
                f.fail("date_claims", "a strike needs at least one date claim")
            date = self.summary(date_claims, ident, "date")
        claims, citations, attributions = v["claims"], v["citations"], v["attributions"]
        announcements = tuple(by_subject.get(ident or "", ()))
        strike = self.make(
            f,
            Strike,
            v,
            id=ident,
            date=date,
            start=start,
            end=end,
            announcements=announcements,
            sources=self.articles_behind(
                (*date_claims, *starts, *ends, *claims, *citations, *attributions),
                announcements,
            ),
            references=self.references_for(ident),
        )
        if strike is None or ident is None:
            return
        named = [g for a in strike.attributions if a.stance is not Stance.DENIED for g in a.groups]
        if strike.attributions and not any(nested(strike.perpetrator, g) for g in named):
            f.fail(
                "perpetrator",
                "no attribution names this group, a part of it or a group it is part of: "
                "the perpetrator a record is filed under is one its sources name",
                found=show(strike.perpetrator.id),
                expected="one of " + ", ".join(repr(g.id) for g in named)
                if named
                else "an attribution that says who struck (stance 'struck' or 'suspected')",
            )
        for i, target in enumerate(strike.targets):
            if target.founded is not None and strike.date.latest < target.founded.earliest:
                self.fail_through(
                    f,
                    f"targets[{i}]",
                    f"the strike ({strike.date}) is before {target.id} was founded "
                    f"({target.founded})",
                    [("groups", target.id, "founding")],
                    expected="a target group founded on or before the strike",
                )
        if not f.failed:
            self.strikes[ident] = strike

    @staticmethod
    def attribution_rule(c: Fields, v: Any) -> None:
        """An attribution (who struck, as one source words it) names a group."""
        if not v.groups and not c.failed:
            c.fail("groups", "an attribution names at least one group")

    @staticmethod
    def claim_rule(c: Fields, v: Any) -> None:
        """The rules of a casualty claim (``c`` is inside its strike or series).

        Its low is not above its high; ``within`` names wider sets only; only a series'
        figure counts up to a day.
        """
        low, high = v.low, v.high
        if low is not None and high is not None and low > high:
            c.fail(
                "high",
                f"low ({low}) is greater than high ({high})",
                found=str(high),
                expected=f"at least {low}, or null for no upper bound",
            )
        victims, within = v.victims, v.within
        if victims is not None and (victims in within or Victims.ALL in within):
            c.fail(
                "within",
                "list only wider sets the text names; every figure is within 'all' already",
                expected=f"sets other than {victims.value!r} and 'all'",
            )
        series = c.parent is not None and c.parent.data.get("scope") == _SERIES
        if v.counts_to is not None and not series:
            c.fail(
                "counts_to",
                "only a series' growing toll counts up to a day",
                expected="no counts_to on a single strike's figure",
            )

    @property
    def makers(self) -> dict[str, tuple[type, Callable[[Fields, Any], None] | None]]:
        """The nested shapes read straight into a record: the others' and a strike's."""
        return super().makers | {
            "attribution": (Attribution, self.attribution_rule),
            "claim": (CasualtyClaim, self.claim_rule),
        }
