"""Building a ``Dataset``'s records from parsed data files.

Maintainer's note: loading runs in three steps. ``_files`` parses each file with the
standard library and sorts its records by kind, then applies any ``"additions"``.
``_Builder`` builds records in dependency order (sources, places, reference facts, people,
groups, announcements, strikes, ceasefires, developments, figures), reading every field
strictly through `Fields` and resolving every reference; its shared readers (references,
quotes, dates, summaries) are in ``_builder``. Whatever is wrong is collected; only when
nothing is does a dataset come out, so a bad file never yields a half-loaded dataset.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._builder import (
    LABELS,
    RecordBuilder,
    _span_days,
    articles_of,
    collapse,
    ident_of,
    plain_file_name,
    series_span,
)
from ._dates import DateRange
from ._days import StrikeDays
from ._errors import DataError, Problem
from ._files import KINDS, RawData, RawRecord
from ._format import FORMAT, Format
from ._models import (
    Affiliation,
    Announcement,
    Attribution,
    CasualtyClaim,
    Ceasefire,
    Coordinates,
    DateClaim,
    Development,
    Figure,
    Group,
    Person,
    Place,
    PlaceReference,
    ReferenceFact,
    Role,
    Scope,
    Source,
    SourceKind,
    Stance,
    StrengthEstimate,
    Strike,
    Victims,
)
from ._names import NAMED_KINDS, name_clashes, name_key
from ._reader import Fields, show
from ._strikes import nested
from ._summary import Reading, bounded_end, ceasefire_end, parties_end

__all__ = ["build"]


_SERIES = Scope.SERIES.value


class _Builder(RecordBuilder):
    """Builds each kind of record, in dependency order."""

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
        inline = [k for k in ("date", "source", "quote") if k in f.data]
        if "reports" in f.data:
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

    def build_ceasefires(self) -> None:
        by_subject = self.announcements_by_subject()
        for record in self.raw.records["ceasefires"]:
            f, ident = self.fields(record, self.shapes["ceasefire"].keys)
            if not self.unique(f, ident, self.ceasefires, "ceasefire"):
                continue
            v = self.read(f, self.shapes["ceasefire"])
            starts, ends, parties = v["start_claims"], v["end_claims"], v["parties"]
            start, end = self.period(f, ident, "ceasefire", starts, ends, parties_end(parties))
            sources = articles_of(
                [
                    *(c.source for c in (*starts, *ends)),
                    *(c.source for c in v["citations"]),
                    *(s for a in by_subject.get(ident or "", ()) for s in a.sources),
                ]
            )
            if start is not None and not f.failed:
                # the whole rule, now that its reports are known: no earlier than the last
                # day a dated report shows it holding (period() checked the parties' bound)
                end = ceasefire_end(start, ends, self.facts_on(ident, "end"), parties, sources)
            ceasefire = self.make(
                f,
                Ceasefire,
                v,
                id=ident,
                start=start,
                end=end,
                sources=sources,
                references=self.references_for(ident),
            )
            if ceasefire is not None and ident is not None:
                self.ceasefires[ident] = ceasefire

    def build_developments(self) -> None:
        for record in self.raw.records["developments"]:
            f, ident = self.fields(record, self.shapes["development"].keys)
            if not self.unique(f, ident, self.developments, "development"):
                continue
            v = self.read(f, self.shapes["development"])
            starts, ends = v["start_claims"], v["end_claims"]
            start, end = self.period(f, ident, "development", starts, ends)
            development = self.make(
                f,
                Development,
                v,
                id=ident,
                start=start,
                end=end,
                sources=articles_of(
                    [*(c.source for c in (*starts, *ends)), *(c.source for c in v["citations"])]
                ),
                references=self.references_for(ident),
            )
            if development is not None and ident is not None:
                self.developments[ident] = development

    def build_figures(self) -> None:
        for record in self.raw.records["figures"]:
            f, ident = self.fields(record, self.shapes["figure"].keys)
            if not self.unique(f, ident, self.figures, "figure"):
                continue
            v = self.read(f, self.shapes["figure"])
            low, high = v["low"], v["high"]
            if low is not None and high is not None and low > high:
                f.fail(
                    "high",
                    f"low ({low}) is greater than high ({high})",
                    found=str(high),
                    expected=f"at least {low}, or null for no upper bound",
                )
            figure = self.make(f, Figure, v, id=ident)
            if figure is not None and ident is not None:
                self.figures[ident] = figure

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
        """How each nested shape is read: the shared readers and each kind's own."""
        return super().readers | {
            "place_reference": self.place_reference,
            "role": self.role,
            "strength": self.strength,
        }

    @property
    def makers(self) -> dict[str, tuple[type, Callable[[Fields, Any], None] | None]]:
        """The nested shapes read straight into a record: the shared ones and each kind's."""
        return super().makers | {
            "affiliation": (Affiliation, None),
            "attribution": (Attribution, self.attribution_rule),
            "claim": (CasualtyClaim, self.claim_rule),
        }

    def check_links(self) -> None:
        """Ids held as text (roles, announcements) must name real records."""
        for record in self.raw.records["people"]:
            f = Fields(
                self.problems,
                record.file,
                record.data,
                record=ident_of(record.data),
                path="",
                allowed=FORMAT["person"].keys,
                origins=record.origins,
                added=record.added,
                at=(record.kind, record.position),
            )
            roles = record.data.get("roles")
            for i, role in enumerate(roles if isinstance(roles, list) else ()):
                if isinstance(role, dict) and isinstance(role.get("group"), str):
                    if role["group"] not in self.groups and role["group"] in self.defined["group"]:
                        continue  # the group itself failed; its own problem says why
                    if role["group"] not in self.groups:
                        f.fail(f"roles[{i}].group", "unknown group id", found=show(role["group"]))
        subjects = {**self.strikes, **self.ceasefires, **self.developments}
        failed = self.defined["strike"] | self.defined["ceasefire"] | self.defined["development"]
        for record in self.raw.records["announcements"]:
            about = record.data.get("about")
            if isinstance(about, str) and about not in subjects and about not in failed:
                f = Fields(
                    self.problems,
                    record.file,
                    record.data,
                    record=ident_of(record.data),
                    path="",
                    allowed=FORMAT["announcement"].keys,
                    at=(record.kind, record.position),
                )
                f.fail("about", "unknown strike, ceasefire or development id", found=show(about))

    def check_names(self) -> None:
        """A name or alias must find one record of its kind (as ``Dataset`` looks them up)."""
        kinds, built = {label: kind for kind, label in LABELS.items()}, self.built()
        for label in NAMED_KINDS:
            kind = kinds[label]
            table = built[kind]
            clashes = name_clashes(label, table.values())
            if not clashes:
                continue
            # file order: the bundled records first, then the user's files in order
            raws = {ident_of(r.data): (i, r) for i, r in enumerate(self.raw.records[kind])}
            spelt: dict[str, dict[str, tuple[str, str, bool]]] = {}
            seen = set()
            for name, first, second in clashes:
                key = name_key(name)
                if (key, first.id, second.id) in seen:
                    continue  # one name spelt twice by a record ("u" and "u.txt")
                seen.add((key, first.id, second.id))
                # blame the spelling a user's addition brought in, else the later record
                # in the files (never a bundled one that a user's record clashes with)
                later, earlier = sorted((first, second), key=lambda r: raws[r.id][0])[::-1]
                blamed = []
                for record, other in ((later, earlier), (earlier, later)):
                    if record.id not in spelt:
                        spelt[record.id] = self.spellings_at(raws[record.id][1])
                    file, field, added = spelt[record.id].get(key, ("", "id", False))
                    blamed.append((file or raws[record.id][1].file, record, field, added, other))
                file, record, field, _, other = next((b for b in blamed if b[3]), blamed[0])
                self.problems.add(
                    Problem(
                        file=file,
                        record=record.id,
                        field=field,
                        message=f"the name {name!r} is also a name of {label} {other.id!r}; "
                        f"a name must find one {label}: drop or change one of them",
                    )
                )

    @staticmethod
    def spellings_at(raw: RawRecord) -> dict[str, tuple[str, str, bool]]:
        """Where a record's raw data spell each of its names: file, field, by an addition.

        Keyed by the name's look-up key, so that a clash is named at the spelling that
        made it, in the file that holds it.
        """
        found: dict[str, tuple[str, str, bool]] = {}
        lists = [("aliases", raw.data.get("aliases"))]
        reference = raw.data.get("reference")
        if isinstance(reference, dict):
            lists.append(("reference.names", reference.get("names")))
        for field, items in lists:
            for i, item in enumerate(items if isinstance(items, list) else ()):
                if isinstance(item, str):
                    origin = raw.origins.get((field, i))
                    where = (*origin, True) if origin else (raw.file, f"{field}[{i}]", False)
                    found.setdefault(name_key(item), where)
        for field in ("name", "id"):
            value = raw.data.get(field)
            if isinstance(value, str):
                found.setdefault(name_key(value), (raw.file, field, False))
        if isinstance(raw.data.get("id"), str):  # a source is also found without ".txt"
            found.setdefault(name_key(raw.data["id"].removesuffix(".txt")), (raw.file, "id", False))
        return found

    def built(self) -> dict[str, dict[str, Any]]:
        """The records built so far, by their kind's key in a data file."""
        return {
            "sources": self.sources,
            "places": self.places,
            "people": self.people,
            "groups": self.groups,
            "announcements": self.announcements,
            "strikes": self.strikes,
            "ceasefires": self.ceasefires,
            "developments": self.developments,
            "figures": self.figures,
            "references": self.references,
        }

    def check_complete(self) -> None:
        """Every record the files define was built: a load never silently drops one.

        Each reader reports why it could not build a record, so this finds nothing unless
        some reader has a defect; it stands between such a defect and a dataset that
        quietly lacks a record.
        """
        for kind, table in self.built().items():
            if len(table) == len(self.raw.records[kind]):
                continue
            for record in self.raw.records[kind]:
                ident = ident_of(record.data)
                if ident not in table:
                    self.problems.add(
                        Problem(
                            file=record.file,
                            record=ident,
                            field=None if ident is not None else f"{kind}[{record.position}]",
                            message="the record was not built, yet no problem explains why; "
                            "this is a defect in idlibstrikes: please report it with this file",
                        )
                    )

    def strikes_in_order(self) -> tuple[tuple[Strike, ...], StrikeDays]:
        """The strikes by date (earliest, latest day, then id), with their day columns.

        One pass reads each strike's days, which both orders the strikes and gives the
        period queries their columns (``StrikeDays``), so they need not read every strike.
        """
        built = list(self.strikes.values())
        if not built:
            return (), StrikeDays.split(array("i"), array("i"), [])
        keys = [
            (d.earliest.toordinal(), d.latest.toordinal(), s.id, s.scope is Scope.SERIES)
            for s in built
            for d in (s.date,)
        ]
        order = sorted(range(len(built)), key=keys.__getitem__)
        ranked = [keys[i] for i in order]
        return tuple([built[i] for i in order]), StrikeDays.split(
            array("i", [k[0] for k in ranked]),
            array("i", [k[1] for k in ranked]),
            [k[3] for k in ranked],
        )

    def run(self) -> tuple[dict[str, tuple[Any, ...]], StrikeDays]:
        self.build_sources()
        self.build_places()
        self.build_references()
        self.build_people()
        self.build_groups()
        self.build_announcements()
        self.build_strikes()
        self.build_ceasefires()
        self.build_developments()
        self.build_figures()
        self.check_links()
        self.check_names()
        if not self.problems:
            self.check_complete()
        if self.problems:
            raise DataError(self.problems.items)
        strikes, days = self.strikes_in_order()
        return {
            "sources": tuple(self.sources[k] for k in self._source_order if k in self.sources),
            "places": tuple(self.places[k] for k in self._place_order if k in self.places),
            "people": tuple(self.people.values()),
            "groups": tuple(self.groups[k] for k in self._group_order if k in self.groups),
            "announcements": tuple(self.announcements.values()),
            "strikes": strikes,
            "ceasefires": tuple(
                sorted(self.ceasefires.values(), key=lambda c: (c.start.earliest, c.id))
            ),
            "developments": tuple(
                sorted(self.developments.values(), key=lambda d: (d.start.earliest, d.id))
            ),
            "figures": tuple(self.figures.values()),
            "references": tuple(self.references.values()),
        }, days


def build(
    raw: RawData, articles: Path | None = None, *, keep_raw: bool = True, fmt: Format = FORMAT
) -> tuple[dict[str, tuple[Any, ...]], StrikeDays]:
    """Build every record of ``raw`` and the strikes' day columns, or raise ``DataError``.

    ``DataError`` lists every problem found.
    With ``articles`` (a folder holding the articles' texts by file name), every quote from
    an article found there must appear in it. Problems are given the line of their field.
    Without ``keep_raw``, each strike's raw data is dropped once built (its id is kept).
    ``fmt`` is the format's description (a test passes one with a field added).
    """
    try:
        return _Builder(raw, articles, keep_raw=keep_raw, fmt=fmt).run()
    except DataError as exc:
        from ._lines import locate

        texts = {
            name: data if isinstance(data, str) else data.decode("utf-8", "replace")
            for name, data in raw.texts.items()
        }
        records: dict[tuple[str, str], list[tuple[str | int, ...]]] = {}
        for kind in KINDS:
            for record in raw.records[kind]:
                ident = ident_of(record.data)
                if ident is not None:
                    records.setdefault((record.file, ident), []).append((kind, record.position))
        raise DataError(locate(exc.problems, texts, records)) from None
    finally:
        # equal spans share their days within a load; the dataset keeps them, the cache
        # need not (it would hold up to 8,192 entries for the life of the process)
        _span_days.cache_clear()
