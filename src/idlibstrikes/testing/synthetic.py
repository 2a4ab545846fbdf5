"""Synthetic datasets of any size, for benchmarks and for testing code at scale.

The bundled data hold 7 strikes and 4 series; a newsroom's tracker or a conflict-event export holds
10^5 or more. :func:`document` makes a seeded, deterministic data file of ``n`` strikes
over ``groups`` groups, ``places`` places and ``ceasefires`` ceasefires, in the same
format as the bundled data, so that everything the loader checks is exercised: several
sources per strike, date claims that are days, explicit ranges, months, parts of
months ("late January") and years, casualty claims that disagree and "at least"
figures, affiliations between groups, and a quote behind every fact. :func:`texts`
gives article texts that contain every quote, so ``load(..., articles=...)`` checks
them too. :func:`write` writes both; :func:`dataset` builds the dataset in memory.

Everything is FICTIONAL: names, places, quotes and figures are made up, and every
record says so in its note. The same arguments always give the same data.

Examples:
    >>> from idlibstrikes.testing import synthetic
    >>> data = synthetic.dataset(200, seed=1)
    >>> len(data.strikes), len(data.groups) >= 20
    (200, True)
    >>> data == synthetic.dataset(200, seed=1)
    True
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._dataset import Dataset

__all__ = ["dataset", "document", "texts", "write"]

_NOTE = "FICTIONAL synthetic record (idlibstrikes.testing.synthetic)."
_FIRST_DAY = dt.date(2014, 1, 1).toordinal()
_DAYS = 12 * 365  # strikes fall in 2014..2025
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_GOVERNORATES = ("Idlib", "Aleppo", "Hama", "Latakia", "Deir Ezzor", "Raqqa")
_VICTIMS = ("all", "all", "all", "militants", "commanders", "civilians")
_KINDS = ("air", "air", "missile", "drone", "artillery", "unknown")
STRIKES_PER_ARTICLE = 20


def _article(i: int) -> str:
    return f"synthetic-{i:06d}.txt"


class _Writer:
    """Builds one document; each quote is also appended to its article's text."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.quotes: dict[str, list[str]] = {}
        self.serial = 0

    def quote(self, article: str, words: str) -> str:
        # A serial number keeps every quote distinct, as real quotes are.
        self.serial += 1
        text = f"{words} (report {self.serial})"
        self.quotes.setdefault(article, []).append(text)
        return text

    def date(self) -> dict[str, Any]:
        """A date in one of the forms articles give."""
        rng = self.rng
        day = dt.date.fromordinal(_FIRST_DAY + rng.randrange(_DAYS))
        month = _MONTHS[day.month - 1]
        form = rng.random()
        if form < 0.60:  # a printed day
            return {"text": f"on {month} {day.day}, {day.year}", "span": day.isoformat()}
        if form < 0.75:  # a few days, reasoned
            last = day + dt.timedelta(days=rng.randrange(1, 7))
            return {
                "text": "earlier this week",
                "earliest": day.isoformat(),
                "latest": last.isoformat(),
                "reasoning": "the week before the article's publication",
            }
        if form < 0.90:  # a month
            return {"text": f"in {month} {day.year}", "span": f"{day.year}-{day.month:02d}"}
        if form < 0.98:  # part of a month
            part = rng.choice(("early", "mid", "late"))
            span = f"{day.year}-{day.month:02d}"
            return {"text": f"in {part} {month} {day.year}", "span": span, "part": part}
        return {"text": f"in {day.year}", "span": str(day.year)}  # a year

    def citation(self, about: str, article: str, words: str) -> dict[str, Any]:
        return {"about": about, "source": article, "quote": self.quote(article, words)}


def document(
    n: int,
    *,
    groups: int | None = None,
    places: int | None = None,
    ceasefires: int | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """A data file's contents (a JSON-ready dict) with ``n`` synthetic strikes.

    Args:
        n: The number of strikes.
        groups: The number of groups (default: about n / 50, at least 20); the first
            few are state forces and monitors, the rest militant groups, one in five an
            affiliate of an earlier one.
        places: The number of places (default: about n / 20, at least 10).
        ceasefires: The number of ceasefires (default: about n / 1,000, at least 3).
        seed: The seed; the same arguments give the same document.

    Returns:
        The document: ``{"idlibstrikes": 1, "sources": [...], "groups": [...], ...}``.

    Examples:
        >>> doc = document(40, seed=3)
        >>> len(doc["strikes"]), len(doc["sources"])
        (40, 2)
        >>> doc["strikes"][0]["id"]
        's0000001'
    """
    document, _ = _make(n, groups, places, ceasefires, seed)
    return document


def _make(
    n: int, groups: int | None, places: int | None, ceasefires: int | None, seed: int
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    if n < 0:
        raise ValueError(f"n must be zero or more, not {n}")
    n_groups = max(20, n // 50) if groups is None else groups
    n_places = max(10, n // 20) if places is None else places
    n_ceasefires = max(3, n // 1000) if ceasefires is None else ceasefires
    if n_groups < 6 or n_places < 1:
        raise ValueError("a synthetic dataset needs at least 6 groups and 1 place")
    w = _Writer(seed)
    rng = w.rng
    n_articles = max(1, -(-n // STRIKES_PER_ARTICLE))
    articles = [_article(i) for i in range(n_articles)]

    sources = [
        {
            "id": a,
            "kind": "article",
            "article": a,
            "headline": f"Synthetic report {i}",
            "published": {
                "text": "not printed",
                "earliest": "2026-01-01",
                "latest": "2026-01-31",
                "reasoning": "synthetic",
            },
            "note": _NOTE,
        }
        for i, a in enumerate(articles)
    ]

    group_rows: list[dict[str, Any]] = []
    for i in range(n_groups):
        gid = f"g{i:05d}"
        article = articles[i % n_articles]
        kind = "state_force" if i < 3 else "monitor" if i < 6 else "militant"
        name = f"Synthetic Group {i}"
        row: dict[str, Any] = {
            "id": gid,
            "name": name,
            "kind": kind,
            "aliases": [f"SG-{i}"],
            "citations": [w.citation("name", article, f"the group known as {name}")],
            "note": _NOTE,
        }
        if kind == "militant" and i > 10 and rng.random() < 0.2:
            parent = rng.randrange(6, i)
            row["affiliations"] = [
                {
                    "other": f"g{parent:05d}",
                    "relation": rng.choice(("affiliate_of", "branch_of", "part_of")),
                    "source": article,
                    "quote": w.quote(article, f"{name} is an affiliate of group {parent}"),
                }
            ]
        group_rows.append(row)

    place_rows = [
        {
            "id": f"p{i:05d}",
            "name": f"Synthetic Village {i}",
            "kind": rng.choice(("village", "town", "city", "site")),
            "governorate": _GOVERNORATES[i % len(_GOVERNORATES)],
            "citations": [
                w.citation(
                    "governorate",
                    articles[i % n_articles],
                    f"Synthetic Village {i} in {_GOVERNORATES[i % len(_GOVERNORATES)]}",
                )
            ],
            "note": _NOTE,
        }
        for i in range(n_places)
    ]

    strikes: list[dict[str, Any]] = []
    militant = range(6, n_groups)
    for i in range(n):
        first = articles[i // STRIKES_PER_ARTICLE]
        # a second article reports one strike in three
        reporting = [first] if rng.random() < 0.67 else [first, rng.choice(articles)]
        date = w.date()
        date_claims = [{"date": date, "source": first, "quote": w.quote(first, date["text"])}]
        if len(reporting) > 1 and rng.random() < 0.5:
            # a second source dates it the same way, in its own words
            other = dict(date, text=date["text"] + " (as reported)")
            date_claims.append(
                {"date": other, "source": reporting[1], "quote": w.quote(reporting[1], "it said")}
            )
        targets = sorted({f"g{rng.choice(militant):05d}" for _ in range(rng.choice((1, 1, 2, 3)))})
        place = f"p{rng.randrange(n_places):05d}"
        claims = []
        for article in reporting:
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                low = rng.randrange(0, 60)
                shape = rng.random()
                high = None if shape < 0.3 else low if shape < 0.8 else low + rng.randrange(1, 20)
                words = f"at least {low} killed" if high is None else f"{low} killed"
                claims.append(
                    {
                        "victims": rng.choice(_VICTIMS),
                        "outcome": "killed" if rng.random() < 0.9 else "wounded",
                        "low": low,
                        "high": high,
                        "claimant": f"g{rng.randrange(3, 6):05d}",
                        "source": article,
                        "quote": w.quote(article, words),
                    }
                )
        scope = "series" if rng.random() < 0.02 else "event"
        # a series runs within the span its date gives: it starts and ends in it
        dating = (
            {"start_claims": date_claims, "end_claims": date_claims}
            if scope == "series"
            else {"date_claims": date_claims}
        )
        strikes.append(
            {
                "id": f"s{i + 1:07d}",
                "scope": scope,
                "kind": rng.choice(_KINDS),
                "description": f"Synthetic strike {i + 1}",
                **dating,
                "place": place,
                "perpetrator": f"g{rng.randrange(3):05d}",
                "targets": targets,
                "claims": claims,
                "citations": [
                    w.citation("place", first, f"the strike at {place}"),
                    w.citation("targets", first, "targeting " + ", ".join(targets)),
                ],
                "note": _NOTE,
            }
        )

    ceasefire_rows = []
    for i in range(n_ceasefires):
        article = articles[i % n_articles]
        start = w.date()
        row = {
            "id": f"c{i:04d}",
            "name": f"Synthetic ceasefire {i}",
            "kind": rng.choice(("ceasefire", "truce", "agreement")),
            "start_claims": [
                {"date": start, "source": article, "quote": w.quote(article, "a ceasefire began")}
            ],
            "parties": [f"g{rng.randrange(3):05d}"],
            "note": _NOTE,
        }
        if rng.random() < 0.5:
            end = w.date()
            if end.get("span", end.get("earliest", "")) > start.get(
                "span", start.get("earliest", "")
            ):
                row["end_claims"] = [
                    {"date": end, "source": article, "quote": w.quote(article, "it collapsed")}
                ]
        ceasefire_rows.append(row)

    doc = {
        "idlibstrikes": 1,
        "sources": sources,
        "places": place_rows,
        "groups": group_rows,
        "strikes": strikes,
        "ceasefires": ceasefire_rows,
    }
    return doc, w.quotes


def texts(
    n: int,
    *,
    groups: int | None = None,
    places: int | None = None,
    ceasefires: int | None = None,
    seed: int = 0,
) -> dict[str, str]:
    """The article texts of :func:`document` with the same arguments: file name -> text.

    Every quote of the document is in its article's text.

    Examples:
        >>> doc, txt = document(5), texts(5)
        >>> doc["strikes"][0]["citations"][0]["quote"] in txt["synthetic-000000.txt"]
        True
    """
    _, quotes = _make(n, groups, places, ceasefires, seed)
    return {name: _text(q) for name, q in quotes.items()}


def _text(quotes: list[str]) -> str:
    """An article's text: a line saying it is fictional, then each of its quotes."""
    return "FICTIONAL synthetic article.\n" + "\n".join(quotes) + "\n"


def write(
    folder: str | os.PathLike[str],
    n: int,
    *,
    groups: int | None = None,
    places: int | None = None,
    ceasefires: int | None = None,
    seed: int = 0,
    articles: bool = False,
) -> Path:
    """Write :func:`document` to ``folder/synthetic.json`` (and texts to ``folder/articles``).

    Args:
        folder: Where to write (created if missing).
        n: The number of strikes.
        groups: See :func:`document`.
        places: See :func:`document`.
        ceasefires: See :func:`document`.
        seed: See :func:`document`.
        articles: Also write the article texts, so quotes can be checked on load.

    Returns:
        The data file's path.

    Examples:
        >>> import tempfile, idlibstrikes as isk
        >>> folder = Path(tempfile.mkdtemp())
        >>> path = write(folder, 50, articles=True)
        >>> len(isk.load(path, bundled=False, articles=folder / "articles").strikes)
        50
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    doc, quotes = _make(n, groups, places, ceasefires, seed)
    path = out / "synthetic.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    if articles:
        (out / "articles").mkdir(exist_ok=True)
        for name, q in quotes.items():
            (out / "articles" / name).write_text(_text(q), encoding="utf-8")
    return path


def dataset(
    n: int,
    *,
    groups: int | None = None,
    places: int | None = None,
    ceasefires: int | None = None,
    seed: int = 0,
) -> Dataset:
    """The dataset of :func:`document`, built in memory by the same loader as files.

    Examples:
        >>> data = dataset(100)
        >>> first = [s.date.earliest for s in data.strikes]
        >>> len(data.strikes), first == sorted(first)
        (100, True)
    """
    from .._dataset import _from_raw
    from .._files import read_files

    raw = json.dumps(document(n, groups=groups, places=places, ceasefires=ceasefires, seed=seed))
    return _from_raw(read_files([("synthetic.json", raw.encode("utf-8"))]))
