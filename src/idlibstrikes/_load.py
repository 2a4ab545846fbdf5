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
from pathlib import Path
from typing import Any

from ._builder import (
    LABELS,
    RecordBuilder,
    _span_days,
    articles_of,
    collapse,
    ident_of,
    low_high,
    plain_file_name,
    series_span,
)
from ._dates import DateRange
from ._days import StrikeDays
from ._errors import DataError, Problem
from ._fast import FastStrikes
from ._files import KINDS, RawData, RawRecord
from ._format import FORMAT
from ._models import (
    Affiliation,
    Announcement,
    Attribution,
    CasualtyClaim,
    Ceasefire,
    CeasefireKind,
    Confidence,
    Coordinates,
    DateClaim,
    Development,
    DevelopmentKind,
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
    Stance,
    StrengthEstimate,
    Strike,
    StrikeKind,
    Victims,
    nested,
)
from ._names import NAMED_KINDS, name_clashes, name_key
from ._reader import Fields, show
from ._summary import Reading, bounded_end, ceasefire_end, parties_end

__all__ = ["build"]


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
        kind = f.enum("kind", SourceKind)
        article = f.opt_text("article")
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
        published = self.date(f.child("published", FORMAT["date"].keys)) if kind else None
        if kind is SourceKind.ARTICLE and published is None and not f.failed:
            f.fail(
                "published",
                "an article source needs a publication date range "
                "(with reasoning where the article prints none)",
            )
        published_from = self.opt_ref(f, "published_from", self.sources, "source")
        if published_from is not None and not published_from.is_reference:
            f.fail("published_from", "must name a reference source", found=show(published_from.id))
        outlet, outlet_quote = f.opt_text("outlet"), f.opt_text("outlet_quote")
        outlet_from = self.opt_ref(f, "outlet_from", self.sources, "source")
        if outlet_from is not None and not outlet_from.is_reference:
            f.fail("outlet_from", "must name a reference source", found=show(outlet_from.id))
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
        source = self.construct(
            f,
            Source,
            id=ident,
            kind=kind,
            article=article,
            outlet=outlet,
            outlet_quote=outlet_quote or "",
            outlet_from=outlet_from,
            headline=f.opt_text("headline"),
            published=published,
            published_from=published_from,
            address=f.opt_text("address"),
            note=f.note(),
        )
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
        reference = None
        r = f.child("reference", FORMAT["place_reference"].keys)
        if r is not None:
            lat, lon = r.number("latitude"), r.number("longitude")
            coords = None
            if (lat is None) != (lon is None) and not r.failed:
                r.fail(None, "give both latitude and longitude, or neither")
            elif lat is not None and lon is not None:
                coords = self.construct(r, Coordinates, latitude=lat, longitude=lon)
            src = self.source(r)
            if src is not None and not src.is_reference:
                r.fail(
                    "source",
                    "coordinates and districts come only from reference sources",
                    found=show(src.id),
                )
            reference = self.construct(
                r,
                PlaceReference,
                source=src,
                governorate=r.opt_text("governorate"),
                district=r.opt_text("district"),
                coordinates=coords,
                names=r.texts("names"),
                note=r.note(),
            )
        place = self.construct(
            f,
            Place,
            id=ident,
            name=f.text("name"),
            kind=f.enum("kind", PlaceKind),
            aliases=f.texts("aliases"),
            governorate=f.opt_text("governorate"),
            reference=reference,
            near=self.opt_ref(f, "near", self.places, "place"),
            citations=self.citations(f),
            note=f.note(),
        )
        if place is not None and not f.failed:
            self.places[ident] = place

    def build_people(self) -> None:
        for record in self.raw.records["people"]:
            f, ident = self.fields(record, FORMAT["person"].keys)
            if not self.unique(f, ident, self.people, "person"):
                continue
            roles = []
            for r in f.children("roles", FORMAT["role"].keys):
                until, since = (
                    r.child("until", FORMAT["date_claim"].keys),
                    r.child("since", FORMAT["date_claim"].keys),
                )
                title = r.text("title")
                began = None if since is None else self.date_claim(since)
                role = self.construct(
                    r,
                    Role,
                    title=title,
                    group_id=r.opt_ident("group"),
                    leads=r.flag("leads"),
                    source=self.source(r),
                    quote=self.quote(r),
                    since=began,
                    # a reference that dates the role's start narrows it (the summary rule)
                    began=None
                    if began is None
                    else self.summary((began,), ident, f"roles.{title}.since"),
                    until=None if until is None else self.date_claim(until),
                    counts_as=r.opt_enum("counts_as", Victims),
                    note=r.note(),
                )
                if role is not None:
                    roles.append(role)
            person = self.construct(
                f,
                Person,
                id=ident,
                name=f.text("name"),
                aliases=f.texts("aliases"),
                roles=tuple(roles),
                citations=self.citations(f),
                note=f.note(),
            )
            if person is not None and ident is not None:
                self.people[ident] = person

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
        founding = self.date_claims(f, "founding")
        ending = self.date_claims(f, "ending")
        founded = self.summary(founding, ident, "founded")
        ended = self.summary(ending, ident, "ended")
        if founded is not None and ended is not None and ended.latest < founded.earliest:
            f.fail(
                f.blame("ending", "founding"),
                f"the group ends ({ended}) before it is founded ({founded})",
                expected=f"on or after {founded.earliest}",
            )
        strength = []
        for s in f.children("strength", FORMAT["strength"].keys):
            src = self.source(s)
            as_of = self.date(s.child("as_of", FORMAT["date"].keys))
            if as_of is None and src is not None and not s.failed:
                as_of = src.published
                if as_of is None:
                    s.fail("as_of", "give as_of: the source has no publication date")
            estimate = self.construct(
                s,
                StrengthEstimate,
                count=s.count("count"),
                approximate=s.flag("approximate"),
                unit=s.text("unit"),
                as_of=as_of,
                claimant=self.opt_ref(s, "claimant", self.groups, "group"),
                source=src,
                quote=self.quote(s),
                note=s.note(),
            )
            if estimate is not None:
                strength.append(estimate)
        affiliations = []
        for a in f.children("affiliations", FORMAT["affiliation"].keys):
            affiliation = self.construct(
                a,
                Affiliation,
                other=self.ref(a, "other", self.groups, "group"),
                relation=a.enum("relation", Relation),
                since=self.date(a.child("since", FORMAT["date"].keys)),
                until=self.date(a.child("until", FORMAT["date"].keys)),
                claimant=self.opt_ref(a, "claimant", self.groups, "group"),
                source=self.source(a),
                quote=self.quote(a),
                note=a.note(),
            )
            if affiliation is not None:
                affiliations.append(affiliation)
        leaders = tuple(self._leaders.get(ident, ()))
        group = self.construct(
            f,
            Group,
            id=ident,
            name=f.text("name"),
            kind=f.enum("kind", GroupKind),
            aliases=f.texts("aliases"),
            founded=founded,
            founding=founding,
            ended=ended,
            ending=ending,
            strength=tuple(strength),
            affiliations=tuple(affiliations),
            leaders=leaders,
            citations=self.citations(f),
            references=self.references_for(ident),
            note=f.note(),
        )
        if group is not None and not f.failed:
            self.groups[ident] = group

    def build_announcements(self) -> None:
        for record in self.raw.records["announcements"]:
            f, ident = self.fields(record, FORMAT["announcement"].keys)
            if not self.unique(f, ident, self.announcements, "announcement"):
                continue
            reports = self.reports(f)
            announcement = self.construct(
                f,
                Announcement,
                id=ident,
                date=self.summary(reports, ident, "date"),
                summary=f.text("summary"),
                reports=reports,
                announcer=self.opt_ref(f, "announcer", self.groups, "group"),
                about=f.opt_ident("about"),
                references=self.references_for(ident),
                note=f.note(),
            )
            if announcement is not None and ident is not None:
                self.announcements[ident] = announcement

    def reports(self, f: Fields) -> tuple[DateClaim, ...]:
        """An announcement's reports: a ``reports`` list, or one report given inline.

        The inline form (``date``, ``source``, ``quote``) is for a statement only one
        source reports.
        """
        inline = [k for k in ("date", "source", "quote") if k in f.data]
        if "reports" in f.data:
            for key in inline:
                f.fail(key, "give the report in 'reports', or inline, not both")
            reports = self.date_claims(f, "reports")
            if not reports and not f.failed:
                f.fail("reports", "an announcement needs at least one report")
            return reports
        claim = self.construct(
            f,
            DateClaim,
            date=self.date(f.child("date", FORMAT["date"].keys, required=True)),
            source=self.source(f),
            quote=self.quote(f),
        )
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
        fast = FastStrikes(self, by_subject)
        release = not self.keep_raw
        for record in self.raw.records["strikes"]:
            record.parsed()  # a strike of a file read a strike at a time: parsed now
            strike = fast.strike(record)
            if strike is not None:
                self.strikes[strike.id] = strike
            else:
                self.build_strike(record, by_subject)
            if release and not record.added:
                ident = record.data.get("id")
                record.data = {"id": ident} if isinstance(ident, str) else {}

    def build_strike(self, record: RawRecord, by_subject: dict[str, list[Announcement]]) -> None:
        """Read one strike or series strictly, reporting every problem."""
        f, ident = self.fields(record, FORMAT["strike"].keys)
        if not self.unique(f, ident, self.strikes, "strike"):
            return
        scope = f.enum("scope", Scope, Scope.EVENT)
        date_claims = self.date_claims(f, "date_claims")
        start: DateRange | None = None
        end: DateRange | None = None
        if scope is Scope.SERIES:
            if date_claims:
                f.fail(
                    "date_claims",
                    "a series is dated by its start_claims and end_claims",
                    expected="start_claims (and end_claims where a source dates its end)",
                )
            starts, ends, start, end = self.period(f, ident, "series")
            date = series_span(start, end)
        else:
            starts, ends = (
                self.date_claims(f, "start_claims"),
                self.date_claims(f, "end_claims"),
            )
            if starts or ends:
                f.fail(
                    "start_claims" if starts else "end_claims",
                    "only a series (scope 'series') has start and end claims",
                    expected="date_claims for a single strike",
                )
            elif not date_claims and not f.failed:
                f.fail("date_claims", "a strike needs at least one date claim")
            date = self.summary(date_claims, ident, "date")
        claims = self.casualty_claims(f, scope)
        citations = self.citations(f)
        attributions = self.attributions(f)
        announcements = tuple(by_subject.get(ident or "", ()))
        targets = self.refs(f, "targets", self.groups, "group")
        strike = self.construct(
            f,
            Strike,
            id=ident,
            scope=scope,
            kind=f.enum("kind", StrikeKind, StrikeKind.UNKNOWN),
            description=f.text("description"),
            date=date,
            date_claims=date_claims,
            start=start,
            end=end,
            start_claims=starts,
            end_claims=ends,
            place=self.ref(f, "place", self.places, "place"),
            perpetrator=self.ref(f, "perpetrator", self.groups, "group"),
            attributions=attributions,
            allies=self.refs(f, "allies", self.groups, "group"),
            targets=targets,
            claims=claims,
            killed=self.refs(f, "killed", self.people, "person"),
            announcements=announcements,
            sources=self.shared(
                articles_of(
                    [
                        *(c.source for c in (*date_claims, *starts, *ends)),
                        *(c.source for c in claims),
                        *(c.source for c in citations),
                        *(a.source for a in attributions),
                        *(s for a in announcements for s in a.sources),
                    ]
                )
            ),
            citations=citations,
            references=self.references_for(ident),
            note=f.note(),
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

    def attributions(self, f: Fields) -> tuple[Attribution, ...]:
        """Read a strike's attributions (who struck, as each source words it)."""
        out = []
        for c in f.children("attributions", FORMAT["attribution"].keys):
            groups = self.refs(c, "groups", self.groups, "group")
            if not groups and not c.failed:
                c.fail("groups", "an attribution names at least one group")
            attribution = self.construct(
                c,
                Attribution,
                groups=groups,
                stance=c.enum("stance", Stance, Stance.STRUCK),
                claimant=self.opt_ref(c, "claimant", self.groups, "group"),
                source=self.source(c),
                quote=self.quote(c),
                note=c.note(),
            )
            if attribution is not None:
                out.append(attribution)
        return tuple(out)

    def casualty_claims(self, f: Fields, scope: Scope | None) -> tuple[CasualtyClaim, ...]:
        """Read a strike's casualty claims."""
        claims = []
        for c in f.children("claims", FORMAT["claim"].keys):
            low, high = low_high(c)
            victims = c.enum("victims", Victims)
            within = c.enums("within", Victims)
            if victims is not None and (victims in within or Victims.ALL in within):
                c.fail(
                    "within",
                    "list only wider sets the text names; every figure is within 'all' already",
                    expected=f"sets other than {victims.value!r} and 'all'",
                )
            counts_to = self.date(c.child("counts_to", FORMAT["date"].keys))
            if counts_to is not None and scope is not Scope.SERIES:
                c.fail(
                    "counts_to",
                    "only a series' growing toll counts up to a day",
                    expected="no counts_to on a single strike's figure",
                )
            claim = self.construct(
                c,
                CasualtyClaim,
                low=low,
                high=high,
                victims=victims,
                outcome=c.enum("outcome", Outcome, Outcome.KILLED),
                claimant=self.opt_ref(c, "claimant", self.groups, "group"),
                source=self.source(c),
                quote=self.quote(c),
                vague=c.flag("vague"),
                within=within,
                counts_to=counts_to,
                note=c.note(),
            )
            if claim is not None:
                claims.append(claim)
        return tuple(claims)

    def period(
        self, f: Fields, ident: str | None, what: str, bound: Reading | None = None
    ) -> tuple[tuple[DateClaim, ...], tuple[DateClaim, ...], DateRange | None, DateRange | None]:
        """A record's start and end claims, and their summaries.

        ``bound`` is a further reading of the end (the day a ceasefire's parties ceased to
        exist), which the end obeys like any other reading.
        """
        starts = self.date_claims(f, "start_claims")
        ends = self.date_claims(f, "end_claims")
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
        return starts, ends, start, end

    def build_ceasefires(self) -> None:
        by_subject = self.announcements_by_subject()
        for record in self.raw.records["ceasefires"]:
            f, ident = self.fields(record, FORMAT["ceasefire"].keys)
            if not self.unique(f, ident, self.ceasefires, "ceasefire"):
                continue
            parties = self.refs(f, "parties", self.groups, "group")
            starts, ends, start, end = self.period(f, ident, "ceasefire", parties_end(parties))
            citations = self.citations(f)
            sources = articles_of(
                [
                    *(c.source for c in (*starts, *ends)),
                    *(c.source for c in citations),
                    *(s for a in by_subject.get(ident or "", ()) for s in a.sources),
                ]
            )
            if start is not None and not f.failed:
                # the whole rule, now that its reports are known: no earlier than the last
                # day a dated report shows it holding (period() checked the parties' bound)
                end = ceasefire_end(start, ends, self.facts_on(ident, "end"), parties, sources)
            ceasefire = self.construct(
                f,
                Ceasefire,
                id=ident,
                name=f.text("name"),
                kind=f.enum("kind", CeasefireKind, CeasefireKind.CEASEFIRE),
                start=start,
                end=end,
                parties=parties,
                brokers=self.refs(f, "brokers", self.groups, "group"),
                start_claims=starts,
                end_claims=ends,
                sources=sources,
                citations=citations,
                references=self.references_for(ident),
                note=f.note(),
            )
            if ceasefire is not None and ident is not None:
                self.ceasefires[ident] = ceasefire

    def build_developments(self) -> None:
        for record in self.raw.records["developments"]:
            f, ident = self.fields(record, FORMAT["development"].keys)
            if not self.unique(f, ident, self.developments, "development"):
                continue
            starts, ends, start, end = self.period(f, ident, "development")
            citations = self.citations(f)
            development = self.construct(
                f,
                Development,
                id=ident,
                kind=f.enum("kind", DevelopmentKind),
                description=f.text("description"),
                start=start,
                end=end,
                start_claims=starts,
                end_claims=ends,
                actors=self.refs(f, "actors", self.groups, "group"),
                affected=self.refs(f, "affected", self.groups, "group"),
                place=self.opt_ref(f, "place", self.places, "place"),
                sources=articles_of(
                    [*(c.source for c in (*starts, *ends)), *(c.source for c in citations)]
                ),
                citations=citations,
                references=self.references_for(ident),
                note=f.note(),
            )
            if development is not None and ident is not None:
                self.developments[ident] = development

    def build_figures(self) -> None:
        for record in self.raw.records["figures"]:
            f, ident = self.fields(record, FORMAT["figure"].keys)
            if not self.unique(f, ident, self.figures, "figure"):
                continue
            low, high = low_high(f)
            figure = self.construct(
                f,
                Figure,
                id=ident,
                measure=f.text("measure"),
                subject=f.text("subject"),
                low=low,
                high=high,
                unit=f.text("unit"),
                approximate=f.flag("approximate"),
                period=self.date(f.child("period", FORMAT["date"].keys)),
                place=self.opt_ref(f, "place", self.places, "place"),
                claimant=self.opt_ref(f, "claimant", self.groups, "group"),
                source=self.source(f),
                quote=self.quote(f),
                note=f.note(),
            )
            if figure is not None and ident is not None:
                self.figures[ident] = figure

    def build_references(self) -> None:
        # Built before the records they are about, whose summaries they narrow: a subject
        # is checked against the ids the files define (a record that then fails to build
        # reports its own problem).
        known = set().union(*(v for k, v in self.defined.items() if k != "reference"))
        for record in self.raw.records["references"]:
            f, ident = self.fields(record, FORMAT["reference"].keys)
            if not self.unique(f, ident, self.references, "reference"):
                continue
            src = self.source(f)
            if src is not None and not src.is_reference:
                f.fail(
                    "source", "a reference fact must cite a reference source", found=show(src.id)
                )
            subject = f.ident("subject")
            if subject is not None and subject not in known:
                f.fail(
                    "subject",
                    "unknown record id",
                    found=show(subject),
                    expected="the id of a strike, group, place, person, ceasefire, "
                    "development, announcement, figure or source",
                )
            fact = self.construct(
                f,
                ReferenceFact,
                id=ident,
                subject=subject,
                field=f.text("field"),
                value=f.text("value"),
                date=self.date(f.child("date", FORMAT["date"].keys)),
                corrects=f.flag("corrects"),
                confidence=f.enum("confidence", Confidence),
                source=src,
                place=self.opt_ref(f, "place", self.places, "place"),
                note=f.note(),
            )
            if fact is not None and ident is not None and subject is not None:
                self.references[ident] = fact
                self.facts.setdefault(subject, []).append(fact)

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
    raw: RawData, articles: Path | None = None, *, keep_raw: bool = True
) -> tuple[dict[str, tuple[Any, ...]], StrikeDays]:
    """Build every record of ``raw`` and the strikes' day columns, or raise ``DataError``.

    ``DataError`` lists every problem found.
    With ``articles`` (a folder holding the articles' texts by file name), every quote from
    an article found there must appear in it. Problems are given the line of their field.
    Without ``keep_raw``, each strike's raw data is dropped once built (its id is kept).
    """
    try:
        return _Builder(raw, articles, keep_raw=keep_raw).run()
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
