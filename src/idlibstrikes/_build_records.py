"""Building the records strikes and the context name: sources, places, people, groups.

``BaseRecordsBuilder`` builds, in dependency order, the sources (a publication date may
be resolved against another source's), the places (one may be described by another), the
people and their roles, the groups (their affiliations and strength estimates; a cycle is
reported, not followed), the announcements and the reference facts, each read strictly
through `Fields`, every reference resolved. It also reads a record's period from its start
and end claims, for the kinds dated that way (a series of strikes, a ceasefire, a
development). The strikes (``_build_strikes``) and the context (``_build_context``) are
built on it; ``_load`` runs them all.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from ._builder import RecordBuilder, collapse, plain_file_name
from ._dates import DateRange
from ._format import FORMAT
from ._models import (
    Affiliation,
    Announcement,
    Coordinates,
    DateClaim,
    Group,
    Person,
    Place,
    PlaceReference,
    ReferenceFact,
    Role,
    Source,
    SourceKind,
    StrengthEstimate,
)
from ._reader import Fields, show
from ._summary import Reading, bounded_end

__all__ = ["BaseRecordsBuilder"]


class BaseRecordsBuilder(RecordBuilder):
    """Builds the sources, places, people, groups, announcements and reference facts."""

    def build_sources(self) -> None:
        # A source's publication date may be resolved against another source's, or come
        # from a reference source: build those first, whatever the files' order.
        def depends_on(data: dict[str, Any]) -> list[str]:
            published = data.get("published")
            anchor = published.get("anchor") if isinstance(published, dict) else None
            refs = (anchor, data.get("published_from"), data.get("outlet_from"))
            return [d for d in refs if isinstance(d, str)]

        def cycle(opened: dict[str, Fields], ids: list[str]) -> None:
            opened[ids[0]].fail(
                "published",
                "the sources' publication dates are resolved against each other in a "
                "cycle: " + " -> ".join(ids),
                expected="a chain that ends at a source with its own publication date",
            )

        order, self._source_order = self.in_order(
            "sources", FORMAT["source"].keys, depends_on, cycle
        )
        for f, ident in order:
            self.build_source(f, ident)

    def build_source(self, f: Fields, ident: str) -> None:
        v = self.read(f, self.shapes["source"])
        kind, article = v["kind"], v["article"]
        if kind is SourceKind.ARTICLE and article is None:
            f.fail(
                "article",
                "an article source needs the article's file name",
                expected=f"for example {ident!r}",
            )
        if article is not None and not plain_file_name(article):
            f.fail(
                "article",
                "not a plain file name: the article is read from the articles folder, "
                "never from elsewhere",
                found=show(article),
                expected="a file name without folders, such as 'my-article.txt'",
            )
        if kind is SourceKind.ARTICLE and v["published"] is None and not f.failed:
            f.fail(
                "published",
                "an article source needs a publication date range "
                "(with reasoning where the article prints none)",
            )
        for key in ("published_from", "outlet_from"):
            if v[key] is not None and not v[key].is_reference:
                f.fail(key, "must name a reference source", found=show(v[key].id))
        outlet, outlet_quote, outlet_from = v["outlet"], v["outlet_quote"], v["outlet_from"]
        if outlet_from is not None and (outlet is None or outlet_quote is not None):
            f.fail(
                "outlet_from",
                "names the reference an outlet was taken from: give the outlet, and no "
                "outlet_quote (the article does not name it)",
            )
        if (
            kind is SourceKind.ARTICLE
            and outlet is not None
            and outlet_quote is None
            and outlet_from is None
        ):
            f.fail(
                "outlet_quote",
                "an article's outlet needs the words that name it, or outlet_from: the "
                "reference that names it",
            )
        source = self.make(f, Source, v, id=ident)
        if source is None:
            return
        text = self.article_text(source, f)
        if outlet_quote and text is not None and collapse(outlet_quote) not in text:
            f.fail(
                "outlet_quote",
                "the words naming the outlet are not in the article",
                found=show(outlet_quote),
                expected=f"words found in {source.article}",
            )
        if not f.failed:
            self.sources[ident] = source

    def build_places(self) -> None:
        # A place described by another ("near the village of ...") is built after it.
        def depends_on(data: dict[str, Any]) -> list[str]:
            near = data.get("near")
            return [near] if isinstance(near, str) else []

        def cycle(opened: dict[str, Fields], ids: list[str]) -> None:
            opened[ids[0]].fail(
                "near", "places described by each other form a cycle: " + " -> ".join(ids)
            )

        order, self._place_order = self.in_order("places", FORMAT["place"].keys, depends_on, cycle)
        for f, ident in order:
            self.build_place(f, ident)

    def build_place(self, f: Fields, ident: str) -> None:
        place = self.make(f, Place, self.read(f, self.shapes["place"]), id=ident)
        if place is not None and not f.failed:
            self.places[ident] = place

    def place_reference(self, r: Fields) -> PlaceReference | None:
        """Read what a reference says of a place (its point from latitude and longitude)."""
        v = self.read(r, self.shapes["place_reference"])
        lat, lon = v["latitude"], v["longitude"]
        coords = None
        if (lat is None) != (lon is None) and not r.failed:
            r.fail(None, "give both latitude and longitude, or neither")
        elif lat is not None and lon is not None:
            coords = self.construct(r, Coordinates, latitude=lat, longitude=lon)
        src = v["source"]
        if src is not None and not src.is_reference:
            r.fail(
                "source",
                "coordinates and districts come only from reference sources",
                found=show(src.id),
            )
        return self.make(r, PlaceReference, v, coordinates=coords)

    def build_people(self) -> None:
        for record in self.raw.records["people"]:
            f, ident = self.fields(record, self.shapes["person"].keys)
            if not self.unique(f, ident, self.people, "person"):
                continue
            person = self.make(f, Person, self.read(f, self.shapes["person"]), id=ident)
            if person is not None and ident is not None:
                self.people[ident] = person

    def role(self, r: Fields) -> Role | None:
        """Read one role; a reference that dates its start narrows it (``began``)."""
        v = self.read(r, self.shapes["role"])
        since = v["since"]
        began = (
            None
            if since is None or v["title"] is None
            else self.summary((since,), r.record, f"roles.{v['title']}.since")
        )
        return self.make(r, Role, v, group_id=v["group"], began=began)

    def build_groups(self) -> None:
        # Groups refer to each other (affiliations, claimants), so build them in
        # dependency order; a cycle is reported rather than followed.
        def depends_on(data: dict[str, Any]) -> list[str]:
            out = []
            for key in ("affiliations", "strength"):
                items = data.get(key)
                for item in items if isinstance(items, list) else ():
                    if isinstance(item, dict):
                        for k in ("other", "claimant"):
                            if isinstance(item.get(k), str):
                                out.append(item[k])
            return out

        def cycle(opened: dict[str, Fields], ids: list[str]) -> None:
            # named at the link a user's addition made, where one did
            f, key = opened[ids[0]], "affiliations"
            for a, b in itertools.pairwise(ids):
                link = self.added_link(opened[a], b) if a in opened else None
                if link is not None:
                    f, key = opened[a], link
                    break
            what = (
                "a group is its own affiliate or claimant"
                if len(ids) == 2
                else "the groups' affiliations form a cycle"
            )
            f.fail(
                key,
                f"{what}: " + " -> ".join(ids),
                expected="store a symmetric relation (ally_of) on one group only",
            )

        # who leads each group, found once (not by scanning everyone for each group)
        self._leaders: dict[str, list[Person]] = {}
        for person in self.people.values():
            for group_id in dict.fromkeys(r.group_id for r in person.roles if r.leads):
                if group_id is not None:
                    self._leaders.setdefault(group_id, []).append(person)
        order, self._group_order = self.in_order("groups", FORMAT["group"].keys, depends_on, cycle)
        for f, ident in order:
            self.build_group(f, ident)

    @staticmethod
    def added_link(f: Fields, other: str) -> str | None:
        """The field of a group's link to ``other`` that a user's addition made, if any."""
        for key in ("affiliations", "strength"):
            items = f.data.get(key)
            for i, item in enumerate(items if isinstance(items, list) else ()):
                linked = isinstance(item, dict) and other in (
                    item.get("other"),
                    item.get("claimant"),
                )
                if linked and (key, i) in f.origins:
                    return f"{key}[{i}]"
        return None

    def build_group(self, f: Fields, ident: str) -> None:
        v = self.read(f, self.shapes["group"])
        founding, ending = v["founding"], v["ending"]
        founded = self.summary(founding, ident, "founded")
        ended = self.summary(ending, ident, "ended")
        if founded is not None and ended is not None and ended.latest < founded.earliest:
            f.fail(
                f.blame("ending", "founding"),
                f"the group ends ({ended}) before it is founded ({founded})",
                expected=f"on or after {founded.earliest}",
            )
        group = self.make(
            f,
            Group,
            v,
            id=ident,
            founded=founded,
            ended=ended,
            leaders=tuple(self._leaders.get(ident, ())),
            references=self.references_for(ident),
        )
        if group is not None and not f.failed:
            self.groups[ident] = group

    def strength(self, s: Fields) -> StrengthEstimate | None:
        """Read one strength estimate; as of its source's publication unless it says."""
        v = self.read(s, self.shapes["strength"])
        as_of, src = v["as_of"], v["source"]
        if as_of is None and src is not None and not s.failed:
            as_of = src.published
            if as_of is None:
                s.fail("as_of", "give as_of: the source has no publication date")
        return self.make(s, StrengthEstimate, v, as_of=as_of)

    def build_announcements(self) -> None:
        for record in self.raw.records["announcements"]:
            f, ident = self.fields(record, self.shapes["announcement"].keys)
            if not self.unique(f, ident, self.announcements, "announcement"):
                continue
            v = self.read(f, self.shapes["announcement"])
            reports = self.reports(f, v)
            announcement = self.make(
                f,
                Announcement,
                v,
                id=ident,
                date=self.summary(reports, ident, "date"),
                reports=reports,
                references=self.references_for(ident),
            )
            if announcement is not None and ident is not None:
                self.announcements[ident] = announcement

    def reports(self, f: Fields, v: dict[str, Any]) -> tuple[DateClaim, ...]:
        """An announcement's reports: a ``reports`` list, or one report given inline.

        The inline form (``date``, ``source``, ``quote``) is for a statement only one
        source reports.
        """
        # a key given as null is the key left out (as the JSON Schema reads it)
        inline = [k for k in ("date", "source", "quote") if f.data.get(k) is not None]
        if f.data.get("reports") is not None:
            for key in inline:
                f.fail(key, "give the report in 'reports', or inline, not both")
            reports: tuple[DateClaim, ...] = v["reports"]
            if not reports and not f.failed:
                f.fail("reports", "an announcement needs at least one report")
            return reports
        for key, kind in (("date", "an object"), ("source", "text"), ("quote", "text")):
            if f.data.get(key) is None:
                f.fail(key, "missing required field", expected=kind)
        claim = self.construct(f, DateClaim, date=v["date"], source=v["source"], quote=v["quote"])
        return () if claim is None else (claim,)

    def announcements_by_subject(self) -> dict[str, list[Announcement]]:
        """The announcements about each strike or ceasefire id."""
        by_subject: dict[str, list[Announcement]] = {}
        for a in self.announcements.values():
            if a.about is not None:
                by_subject.setdefault(a.about, []).append(a)
        return by_subject

    def period(
        self,
        f: Fields,
        ident: str | None,
        what: str,
        starts: tuple[DateClaim, ...],
        ends: tuple[DateClaim, ...],
        bound: Reading | None = None,
    ) -> tuple[DateRange | None, DateRange | None]:
        """The summaries of a record's start and end claims.

        ``bound`` is a further reading of the end (the day a ceasefire's parties ceased to
        exist), which the end obeys like any other reading.
        """
        if not starts and not f.failed:
            f.fail("start_claims", f"a {what} needs at least one start claim")
        start = self.summary(starts, ident, "start")
        end = None
        if start is None:  # the start failed: its own problem says why
            end = self.summary(ends, ident, "end")
        else:
            try:
                end = bounded_end(start, ends, self.facts_on(ident, "end"), bound)
            except ValueError as exc:
                parties = f.data.get("parties")
                self.fail_through(
                    f,
                    "parties",
                    f"the {what} cannot have existed: {exc}",
                    [("groups", p, "ending") for p in parties if isinstance(p, str)]
                    if isinstance(parties, list)
                    else [],
                )
        if start is not None and end is not None and end.latest < start.earliest:
            f.fail(
                f.blame("end_claims", "start_claims"),
                f"the {what} ends ({end}) before it starts ({start})",
                found=str(end),
                expected=f"on or after {start.earliest}",
            )
        return start, end

    def build_references(self) -> None:
        # Built before the records they are about, whose summaries they narrow: a subject
        # is checked against the ids the files define (a record that then fails to build
        # reports its own problem).
        known = set().union(*(v for k, v in self.defined.items() if k != "reference"))
        for record in self.raw.records["references"]:
            f, ident = self.fields(record, self.shapes["reference"].keys)
            if not self.unique(f, ident, self.references, "reference"):
                continue
            v = self.read(f, self.shapes["reference"])
            src, subject = v["source"], v["subject"]
            if src is not None and not src.is_reference:
                f.fail(
                    "source", "a reference fact must cite a reference source", found=show(src.id)
                )
            if subject is not None and subject not in known:
                f.fail(
                    "subject",
                    "unknown record id",
                    found=show(subject),
                    expected="the id of a strike, group, place, person, ceasefire, "
                    "development, announcement, figure or source",
                )
            fact = self.make(f, ReferenceFact, v, id=ident)
            if fact is not None and ident is not None and subject is not None:
                self.references[ident] = fact
                self.facts.setdefault(subject, []).append(fact)

    @property
    def readers(self) -> dict[str, Callable[[Fields], Any]]:
        """How each nested shape is read: the shared readers and these kinds' own."""
        return super().readers | {
            "place_reference": self.place_reference,
            "role": self.role,
            "strength": self.strength,
        }

    @property
    def makers(self) -> dict[str, tuple[type, Callable[[Fields, Any], None] | None]]:
        """The nested shapes read straight into a record: the shared ones and a group's."""
        return super().makers | {"affiliation": (Affiliation, None)}
