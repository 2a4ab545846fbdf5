"""Hypothesis strategies that generate valid idlibstrikes records and whole datasets.

For testing your own analysis code on data you do not have to write by hand. Every
record respects every check the loader makes, and `datasets` are referentially
consistent: written with ``dump`` and read back with
``idlibstrikes.load(path, bundled=False)``, a generated dataset loads equal to itself.

Needs Hypothesis: ``pip install hypothesis`` (the ``[testing]`` extra).

Examples:
    >>> from hypothesis import given, settings
    >>> from idlibstrikes.testing import strategies as iss
    >>> @given(iss.datasets())
    ... @settings(max_examples=10)
    ... def test_casualty_ranges_run_forwards(data):
    ...     c = data.casualties()
    ...     assert c.low is None or c.low <= c.high
    >>> test_casualty_ranges_run_forwards()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "idlibstrikes.testing.strategies needs Hypothesis; install it with "
        "pip install hypothesis (the [testing] extra)"
    ) from exc

from .._builder import articles_of, series_span
from .._dataset import Dataset
from .._dates import DateRange
from .._models import (
    Affiliation,
    Announcement,
    Attribution,
    CasualtyClaim,
    Ceasefire,
    CeasefireKind,
    Citation,
    DateClaim,
    Group,
    GroupKind,
    Outcome,
    Person,
    Place,
    PlaceKind,
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
)
from .._summary import ceasefire_end, of_claims

__all__ = [
    "article_sources",
    "casualty_claims",
    "ceasefires",
    "datasets",
    "date_ranges",
    "groups",
    "people",
    "places",
    "strikes",
]

#: Founding dates are drawn before this day and strike dates after it, so that no
#: strike ever targets a group before the group was founded.
EPOCH = dt.date(2000, 1, 1)

_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)


T = TypeVar("T")


@st.composite
def _call(draw: st.DrawFn, build: Callable[[st.DrawFn], T]) -> T:
    # One composite for every parametrised strategy: decorating a fresh inner function
    # on each call made Hypothesis re-read its source every time (slow enough to fail
    # the too_slow health check on whole datasets).
    return build(draw)


def date_ranges(
    min_value: dt.date = dt.date(1990, 1, 1), max_value: dt.date = dt.date(2030, 12, 31)
) -> st.SearchStrategy[DateRange]:
    """Date ranges between two days, with wording (as every coded date has).

    Examples:
        >>> import datetime as dt
        >>> from hypothesis import given
        >>> @given(date_ranges(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
        ... def test(r):
        ...     assert r.earliest.year == r.latest.year == 2019 and r.text
        >>> test()
    """

    def build(draw: st.DrawFn) -> DateRange:
        a = draw(st.dates(min_value=min_value, max_value=max_value))
        b = draw(st.dates(min_value=min_value, max_value=max_value))
        return DateRange(
            earliest=min(a, b),
            latest=max(a, b),
            text=draw(_words),
            reasoning=draw(st.sampled_from(["", "coded from the wording"])),
        )

    return _call(build)


def article_sources(prefix: str = "art") -> st.SearchStrategy[Source]:
    """Article sources with a publication date range.

    Examples:
        >>> from hypothesis import given
        >>> @given(article_sources())
        ... def test(s):
        ...     assert s.article == s.id and s.published is not None
        >>> test()
    """

    def build(draw: st.DrawFn) -> Source:
        ident = f"{prefix}{draw(st.integers(0, 10**6))}.txt"
        outlet = draw(st.none() | _words)
        return Source(
            id=ident,
            kind=SourceKind.ARTICLE,
            article=ident,
            outlet=outlet,
            outlet_quote=draw(_words) if outlet else "",
            headline=draw(st.none() | _words),
            published=draw(date_ranges(EPOCH, dt.date(2030, 12, 31))),
        )

    return _call(build)


def _date_claims(
    draw: st.DrawFn,
    sources: tuple[Source, ...],
    dates: st.SearchStrategy[DateRange],
    least: int,
    most: int,
    reports: bool = False,
) -> tuple[DateClaim, ...]:
    """Date claims; with ``reports``, some date a report of the event rather than the event."""
    return tuple(
        DateClaim(
            date=draw(dates),
            source=draw(st.sampled_from(sources)),
            quote=draw(_words),
            report=draw(st.booleans()) if reports else False,
        )
        for _ in range(draw(st.integers(least, most)))
    )


def _citations(draw: st.DrawFn, sources: tuple[Source, ...], about: str) -> tuple[Citation, ...]:
    n = draw(st.integers(0, 2))
    return tuple(
        Citation(source=draw(st.sampled_from(sources)), quote=draw(_words), about=about)
        for _ in range(n)
    )


def places(
    sources: tuple[Source, ...], ident: str = "place", name: str = "Place"
) -> st.SearchStrategy[Place]:
    """Places citing ``sources``; ``ident`` and ``name`` must be unique in a dataset.

    Examples:
        >>> from hypothesis import given
        >>> from idlibstrikes import load
        >>> @given(places(load().sources[:5]))
        ... def test(p):
        ...     assert p.id == "place"
        >>> test()
    """

    def build(draw: st.DrawFn) -> Place:
        return Place(
            id=ident,
            name=name,
            kind=draw(st.sampled_from(list(PlaceKind))),
            governorate=draw(st.none() | st.sampled_from(["Idlib", "Aleppo", "Hama"])),
            citations=_citations(draw, sources, "name"),
        )

    return _call(build)


def people(
    sources: tuple[Source, ...],
    group_ids: tuple[str, ...] = (),
    ident: str = "person",
    name: str = "Person",
) -> st.SearchStrategy[Person]:
    """People citing ``sources``, with roles in groups among ``group_ids``.

    Examples:
        >>> from hypothesis import given
        >>> from idlibstrikes import load
        >>> @given(people(load().sources[:5], ("hurras-al-din",)))
        ... def test(p):
        ...     assert all(r.group_id == "hurras-al-din" for r in p.roles)
        >>> test()
    """

    def build(draw: st.DrawFn) -> Person:
        roles = []
        for _ in range(draw(st.integers(0, 2) if group_ids else st.just(0))):
            until = _date_claims(draw, sources, date_ranges(), 0, 1)
            since = _date_claims(draw, sources, date_ranges(), 0, 1)
            roles.append(
                Role(
                    title=draw(_words),
                    group_id=draw(st.sampled_from(group_ids)),
                    leads=draw(st.booleans()),
                    source=draw(st.sampled_from(sources)),
                    quote=draw(_words),
                    since=since[0] if since else None,
                    began=of_claims(since) if since else None,
                    until=until[0] if until else None,
                    counts_as=draw(st.none() | st.sampled_from(list(Victims))),
                )
            )
        return Person(
            id=ident,
            name=name,
            aliases=(f"{name} alias",) if draw(st.booleans()) else (),
            roles=tuple(roles),
            citations=_citations(draw, sources, "name"),
        )

    return _call(build)


def groups(
    sources: tuple[Source, ...],
    earlier: tuple[Group, ...] = (),
    leaders: tuple[Person, ...] = (),
    ident: str = "group",
    name: str = "Group",
) -> st.SearchStrategy[Group]:
    """Groups founded before 2000, affiliated only with ``earlier`` groups (so never a cycle).

    ``leaders`` are the people whose roles say they lead this group (the loader computes
    a group's leaders from its people's roles, so they must agree).

    Examples:
        >>> from hypothesis import given
        >>> from idlibstrikes import load
        >>> @given(groups(load().sources[:5]))
        ... def test(g):
        ...     assert g.founded is None or g.founded.latest < EPOCH
        >>> test()
    """

    def build(draw: st.DrawFn) -> Group:
        before = date_ranges(dt.date(1950, 1, 1), EPOCH - dt.timedelta(days=1))
        founding = _date_claims(draw, sources, before, 0, 2)
        # a group ends after every founding day, and may end before strikes on it
        ending = _date_claims(draw, sources, date_ranges(EPOCH, dt.date(2030, 12, 31)), 0, 1)
        strength = tuple(
            StrengthEstimate(
                count=draw(st.integers(0, 10_000)),
                unit=draw(st.sampled_from(["fighters", "members"])),
                as_of=draw(date_ranges()),
                source=draw(st.sampled_from(sources)),
                quote=draw(_words),
                approximate=draw(st.booleans()),
                claimant=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        affiliations = tuple(
            Affiliation(
                other=draw(st.sampled_from(earlier)),
                relation=draw(st.sampled_from(list(Relation))),
                source=draw(st.sampled_from(sources)),
                quote=draw(_words),
                since=draw(st.none() | date_ranges()),
                until=draw(st.none() | date_ranges()),
            )
            for _ in range(draw(st.integers(0, 2)) if earlier else 0)
        )
        return Group(
            id=ident,
            name=name,
            kind=draw(st.sampled_from(list(GroupKind))),
            aliases=(f"{name} alias",) if draw(st.booleans()) else (),
            founded=of_claims(founding),
            founding=founding,
            ended=of_claims(ending),
            ending=ending,
            strength=strength,
            affiliations=affiliations,
            leaders=leaders,
            citations=_citations(draw, sources, "name"),
        )

    return _call(build)


def casualty_claims(
    sources: tuple[Source, ...], claimants: tuple[Group, ...] = ()
) -> st.SearchStrategy[CasualtyClaim]:
    """Casualty claims, some open above ("at least N"), some vague.

    Examples:
        >>> from hypothesis import given
        >>> from idlibstrikes import load
        >>> @given(casualty_claims(load().sources[:5]))
        ... def test(c):
        ...     assert c.high is None or c.low <= c.high
        >>> test()
    """

    def build(draw: st.DrawFn) -> CasualtyClaim:
        low = draw(st.integers(0, 500))
        victims = draw(st.sampled_from(list(Victims)))
        within = (Victims.CIVILIANS,) if victims is Victims.CHILDREN and draw(st.booleans()) else ()
        return CasualtyClaim(
            low=low,
            high=draw(st.none() | st.integers(low, low + 500)),
            victims=victims,
            outcome=draw(st.sampled_from(list(Outcome))),
            claimant=draw(st.none() | st.sampled_from(claimants)) if claimants else None,
            source=draw(st.sampled_from(sources)),
            quote=draw(_words),
            vague=draw(st.booleans()),
            within=within,
        )

    return _call(build)


def strikes(
    sources: tuple[Source, ...],
    places_: tuple[Place, ...],
    groups_: tuple[Group, ...],
    people_: tuple[Person, ...] = (),
    ident: str = "strike",
    announcements: tuple[Announcement, ...] = (),
) -> st.SearchStrategy[Strike]:
    """Strikes and series dated from 2000 on (after every generated group's founding).

    A strike has date claims (some dating a report of it); a series has start and end
    claims, and its figures count up to a day. ``announcements`` are those about this
    strike (their ``about`` is ``ident``).

    Examples:
        >>> from hypothesis import given
        >>> from idlibstrikes import load
        >>> d = load()
        >>> @given(strikes(d.sources[:5], d.places, d.groups[-3:]))
        ... def test(s):
        ...     assert s.date.latest >= EPOCH and s.sources
        >>> test()
    """

    def build(draw: st.DrawFn) -> Strike:
        scope = draw(st.sampled_from(list(Scope)))
        series = scope is Scope.SERIES
        date_claims: tuple[DateClaim, ...] = ()
        starts: tuple[DateClaim, ...] = ()
        ends: tuple[DateClaim, ...] = ()
        if series:
            starts = _date_claims(draw, sources, date_ranges(EPOCH, dt.date(2014, 12, 31)), 1, 2)
            ends = _date_claims(draw, sources, date_ranges(dt.date(2015, 1, 1)), 0, 2)
            start, end = of_claims(starts), of_claims(ends)
            date = series_span(start, end)
        else:
            later = date_ranges(EPOCH, dt.date(2030, 12, 31))
            date_claims = _date_claims(draw, sources, later, 1, 3, reports=True)
            start = end = None
            date = of_claims(date_claims)
        assert date is not None  # there is at least one claim
        claims = tuple(
            draw(casualty_claims(sources, groups_)) for _ in range(draw(st.integers(0, 4)))
        )
        if series:
            claims = tuple(
                attrs.evolve(claim, counts_to=draw(st.none() | date_ranges(EPOCH)))
                for claim in claims
            )
        citations = _citations(draw, sources, "place")
        perpetrator = draw(st.sampled_from(groups_))
        # who struck, source by source: the filed perpetrator first (the loader wants it
        # named), then any other groups, stances and claimants
        attributions: tuple[Attribution, ...] = ()
        if draw(st.booleans()):
            attributions = tuple(
                Attribution(
                    groups=(perpetrator,)
                    if i == 0
                    else tuple(
                        draw(
                            st.lists(
                                st.sampled_from(groups_),
                                min_size=1,
                                max_size=2,
                                unique_by=lambda g: g.id,
                            )
                        )
                    ),
                    stance=Stance.STRUCK if i == 0 else draw(st.sampled_from(list(Stance))),
                    claimant=draw(st.none() | st.sampled_from(groups_)),
                    source=draw(st.sampled_from(sources)),
                    quote=draw(_words),
                )
                for i in range(draw(st.integers(1, 3)))
            )
        targets = tuple(
            draw(st.lists(st.sampled_from(groups_), max_size=3, unique_by=lambda g: g.id))
        )
        killed = (
            tuple(draw(st.lists(st.sampled_from(people_), max_size=2, unique_by=lambda p: p.id)))
            if people_
            else ()
        )
        return Strike(
            id=ident,
            description=draw(_words),
            date=date,
            place=draw(st.sampled_from(places_)),
            perpetrator=perpetrator,
            attributions=attributions,
            scope=scope,
            kind=draw(st.sampled_from(list(StrikeKind))),
            date_claims=date_claims,
            start=start,
            end=end,
            start_claims=starts,
            end_claims=ends,
            targets=targets,
            claims=claims,
            killed=killed,
            announcements=announcements,
            sources=articles_of(
                [
                    *(c.source for c in (*date_claims, *starts, *ends)),
                    *(c.source for c in claims),
                    *(c.source for c in citations),
                    *(a.source for a in attributions),
                    *(s for a in announcements for s in a.sources),
                ]
            ),
            citations=citations,
        )

    return _call(build)


def ceasefires(
    sources: tuple[Source, ...], groups_: tuple[Group, ...], ident: str = "ceasefire"
) -> st.SearchStrategy[Ceasefire]:
    """Ceasefires that end (if they end) on or after they start.

    Examples:
        >>> from hypothesis import given
        >>> from idlibstrikes import load
        >>> d = load()
        >>> @given(ceasefires(d.sources[:5], d.groups[:3]))
        ... def test(c):
        ...     assert c.end is None or c.end.latest >= c.start.earliest
        >>> test()
    """

    def build(draw: st.DrawFn) -> Ceasefire:
        starts = _date_claims(draw, sources, date_ranges(EPOCH, dt.date(2020, 12, 31)), 1, 2)
        ends = _date_claims(draw, sources, date_ranges(dt.date(2021, 1, 1)), 0, 1)
        # parties that ended before the ceasefire began would make it impossible
        alive = tuple(
            g for g in groups_ if g.ended is None or g.ended.latest >= dt.date(2021, 1, 1)
        )
        parties = (
            tuple(draw(st.lists(st.sampled_from(alive), max_size=2, unique_by=_id)))
            if alive
            else ()
        )
        start = of_claims(starts)
        assert start is not None  # there is at least one start claim
        reports = articles_of(c.source for c in (*starts, *ends))
        return Ceasefire(
            id=ident,
            name=f"Ceasefire called {ident}",
            kind=draw(st.sampled_from(list(CeasefireKind))),
            start=start,
            end=ceasefire_end(start, ends, (), parties, reports),
            parties=parties,
            start_claims=starts,
            end_claims=ends,
            sources=reports,
        )

    return _call(build)


def _id(record: Any) -> str:
    return str(record.id)


@st.composite
def _dataset(draw: st.DrawFn, max_strikes: int) -> Dataset:
    n_sources = draw(st.integers(1, 3))
    sources = tuple(attrs_evolve(draw(article_sources()), f"art{i}.txt") for i in range(n_sources))
    place_list = tuple(
        draw(places(sources, f"place{i}", f"Place {_letters(i)}"))
        for i in range(draw(st.integers(1, 3)))
    )
    n_groups = draw(st.integers(1, 4))
    group_ids = tuple(f"group{i}" for i in range(n_groups))
    people_list = tuple(
        draw(people(sources, group_ids, f"person{i}", f"Person {_letters(i)}"))
        for i in range(draw(st.integers(0, 3)))
    )
    group_list: list[Group] = []
    for i, gid in enumerate(group_ids):
        leaders = tuple(
            p for p in people_list if any(r.leads and r.group_id == gid for r in p.roles)
        )
        group_list.append(
            draw(groups(sources, tuple(group_list), leaders, gid, f"Group {_letters(i)}"))
        )
    group_tuple = tuple(group_list)
    n_strikes = draw(st.integers(0, max_strikes))
    announcement_list = []
    for i in range(draw(st.integers(0, 3))):
        about = draw(st.none() | st.integers(0, n_strikes - 1)) if n_strikes else None
        reports = _date_claims(draw, sources, date_ranges(), 1, 2, reports=True)
        date = of_claims(reports)
        assert date is not None  # there is at least one report
        announcement_list.append(
            Announcement(
                id=f"announcement{i}",
                date=date,
                summary=draw(_words),
                reports=reports,
                announcer=draw(st.none() | st.sampled_from(group_tuple)),
                about=None if about is None else f"strike{about}",
            )
        )
    strike_list = [
        draw(
            strikes(
                sources,
                place_list,
                group_tuple,
                people_list,
                f"strike{i}",
                tuple(a for a in announcement_list if a.about == f"strike{i}"),
            )
        )
        for i in range(n_strikes)
    ]
    ceasefire_list = [
        draw(ceasefires(sources, group_tuple, f"ceasefire{i}"))
        for i in range(draw(st.integers(0, 2)))
    ]
    return Dataset(
        sources=sources,
        places=place_list,
        people=people_list,
        groups=group_tuple,
        strikes=tuple(sorted(strike_list, key=lambda s: (s.date.earliest, s.date.latest, s.id))),
        ceasefires=tuple(sorted(ceasefire_list, key=lambda c: (c.start.earliest, c.id))),
        announcements=tuple(announcement_list),
    )


def datasets(max_strikes: int = 8) -> st.SearchStrategy[Dataset]:
    """Whole, referentially consistent datasets that load back equal from their files.

    Examples:
        >>> from hypothesis import given, settings
        >>> @given(datasets(max_strikes=3))
        ... @settings(max_examples=10)
        ... def test(data):
        ...     assert len(data.strikes) <= 3
        ...     for s in data.strikes:
        ...         assert s.date.earliest <= s.date.latest
        >>> test()
    """
    return _dataset(max_strikes)


def attrs_evolve(source: Source, ident: str) -> Source:
    """``source`` with another id (and article file name)."""
    return attrs.evolve(source, id=ident, article=ident)


def _letters(i: int) -> str:
    """A name part unique per index that no other generated name contains: A, B, ..."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(ord("A") + r) + out
    return out
