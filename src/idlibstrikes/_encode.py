"""Tools for encoding a new article: a skeleton data file, and finding exact quotes.

Every fact in a data file carries a verbatim quote that the loader finds in the article
once runs of whitespace are collapsed. `find_quote` does that search the way the loader
does, and where the words are not there exactly (a curly quote typed straight, a word
misremembered) it gives the closest passages and how they differ, so the quote can be
pasted as the article prints it. `skeleton` writes the start of a data file for an
article: its source record and, in ``"//"`` comments (which the loader ignores), what
goes where.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import attrs

# the loader's own: a quote found here is found by the loader
from ._reading import collapse

__all__ = ["Passage", "collapse", "find_quote", "skeleton"]


@attrs.frozen(kw_only=True)
class Passage:
    """A passage of an article that matches (or comes close to) the words looked for.

    Attributes:
        text: The passage as the article prints it (whitespace collapsed): paste this.
        similarity: 1.0 for the exact words, less for a near passage.
        differences: For a near passage, the words that differ (``-`` yours, ``+`` the
            article's); empty for an exact match.

    Examples:
        >>> p = find_quote("A local monitoring group said", "local monitoring group")[0]
        >>> p.text, p.similarity
        ('local monitoring group', 1.0)
    """

    text: str
    similarity: float
    differences: tuple[str, ...] = ()


def find_quote(article: str, words: str, *, most: int = 3) -> list[Passage]:
    """The exact quote in ``article``, or the closest passages with their differences.

    A near passage is a run of as many words as ``words`` (one fewer or one more), scored
    by `difflib.SequenceMatcher`'s ratio on the lowercased texts. Scoring every such run
    would take time proportional to the article's length times the quote's, so the runs
    are first ranked by a cheap score computed for all of them in one pass (the share of
    the quote's character trigrams each run holds); only the best are then scored
    exactly, as many as a fixed amount of work allows (for a short article, all of them).

    Args:
        article: The article's text.
        words: The words to find (whitespace does not matter).
        most: How many near passages to give when there is no exact match.

    Returns:
        One exact `Passage`, or up to ``most`` near ones, best first (empty when nothing
        comes close).

    Examples:
        >>> text = "Residents identified one of the dead as Abu Baker Mourek."
        >>> find_quote(text, "identified one of the dead")[0].similarity
        1.0
        >>> near = find_quote(text, "residents named one of the dead")[0]
        >>> near.text
        'Residents identified one of the dead'
        >>> near.differences
        ('- residents', '+ Residents', '- named', '+ identified')
    """
    body, wanted = collapse(article), collapse(words)
    if not wanted:
        return []
    at = body.find(wanted)
    if at >= 0:
        return [Passage(text=body[at : at + len(wanted)], similarity=1.0)]
    tokens = body.split(" ")
    size = len(wanted.split(" "))
    widths = list({max(1, size - 1), size, size + 1})
    lowered = wanted.lower()
    scored: list[tuple[float, int, int, int]] = []  # ratio, start, width's place, width
    for start, k, width in _candidates(tokens, lowered, widths, most):
        window = " ".join(tokens[start : start + width]).lower()
        # autojunk off: on a window of 200 characters or more it would discard every
        # common letter, and a long misquote would match nothing
        matcher = difflib.SequenceMatcher(None, lowered, window, autojunk=False)
        if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
            continue  # the ratio is no higher than these
        scored.append((matcher.ratio(), start, k, width))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    found: list[Passage] = []
    taken: list[range] = []
    for ratio, start, _, width in scored:
        if ratio < 0.6 or len(found) >= most:
            break
        span = range(start, start + width)
        if any(span.start < t.stop and t.start < span.stop for t in taken):
            continue  # a passage overlapping a better one
        taken.append(span)
        text = " ".join(tokens[start : start + width])
        diff = [
            line
            for line in difflib.ndiff(wanted.split(" "), text.split(" "))
            if line[:1] in "+-" and line[2:]
        ]
        found.append(Passage(text=text, similarity=round(ratio, 3), differences=tuple(diff)))
    return found


#: How much exact scoring a near-quote search may do, in characters of the quote times
#: characters of a run (`difflib`'s ratio takes time about proportional to that product):
#: about half a second.
_WORK = 20_000_000

#: How much a pair of consecutive words weighs in the cheap score, in characters.
_PAIR = 4


def _candidates(
    tokens: list[str], wanted: str, widths: list[int], most: int
) -> list[tuple[int, int, int]]:
    """The runs of words worth scoring exactly: ``(start, width's place, width)``, best first.

    Every run's cheap score is the Dice coefficient of its features and the quote's, kept
    up to date as the run slides one word along: linear in the article's length. The
    features are each word's character trigrams (the word padded with a space on either
    side), which find a word misspelt, and each pair of consecutive words, weighted as a
    word of `_PAIR` characters, which keep the order of the words (with trigrams alone,
    every run of an article of few distinct words looks alike). The first run of each of the
    ``most + 1`` best places that do not overlap comes first, then every run in order of
    its score, for as long as the work allowed lasts; when it covers every run (a short
    article or a short quote), every run is scored and the result is the exhaustive one.
    """
    ids: dict[str | tuple[str, str], int] = {}
    want: list[int] = []

    def features(word: str, before: str | None, add: bool) -> list[int]:
        padded = f" {word} "
        keys: list[str | tuple[str, str]] = [padded[i : i + 3] for i in range(len(padded) - 2)]
        if before is not None:
            keys += [(before, word)] * _PAIR
        if not add:
            return [ids[key] for key in keys if key in ids]
        for key in keys:
            at = ids.setdefault(key, len(ids))
            if at == len(want):
                want.append(0)
            want[at] += 1
        return []

    quote_words = wanted.split(" ")
    for i, word in enumerate(quote_words):
        features(word, quote_words[i - 1] if i else None, add=True)
    total_want = sum(want)
    # each word's features that the quote has (the others never count)
    shared: dict[tuple[str, str | None], list[int]] = {}
    held: list[list[int]] = []
    lengths = [0]
    before: str | None = None
    for token in tokens:
        low = token.lower()
        got = shared.get((low, before))
        if got is None:
            got = shared[low, before] = features(low, before, add=False)
        held.append(got)
        lengths.append(lengths[-1] + len(low))
        before = low
    n = len(tokens)
    ranked: list[tuple[float, int, int, int]] = []
    for k, width in enumerate(widths):
        have = [0] * len(want)
        common = 0
        last = max(1, n - width + 1)
        for start in range(last):
            if start == 0:
                for held_ids in held[:width]:
                    for tri in held_ids:
                        have[tri] += 1
                        if have[tri] <= want[tri]:
                            common += 1
            else:
                for tri in held[start - 1]:
                    if have[tri] <= want[tri]:
                        common -= 1
                    have[tri] -= 1
                if start + width - 1 < n:
                    for tri in held[start + width - 1]:
                        have[tri] += 1
                        if have[tri] <= want[tri]:
                            common += 1
            chars = lengths[min(n, start + width)] - lengths[start]
            runs = chars + _PAIR * min(width, n - start)
            ranked.append((2 * common / (total_want + runs or 1), start, k, width))
    ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
    cost = [len(wanted) * (lengths[min(n, s + w)] - lengths[s] + w) for _, s, _, w in ranked]
    if sum(cost) <= _WORK:
        return [(s, k, w) for _, s, k, w in ranked]
    # the best places, each run moved to where the quote's first words align with the
    # article's, word by word (the cheap score barely tells a run from itself shifted)
    place = {(start, width): i for i, (_, start, _, width) in enumerate(ranked)}
    quote_words = wanted.split(" ")
    first: list[int] = []
    seeds: list[range] = []
    for _, start, _, width in ranked:
        span = range(start, start + width)
        if any(span.start < t.stop and t.start < span.stop for t in seeds):
            continue
        seeds.append(span)
        edge = max(0, start - width // 4)
        region = [t.lower() for t in tokens[edge : start + width + width // 4]]
        matcher = difflib.SequenceMatcher(None, quote_words, region, autojunk=False)
        blocks = [m for m in matcher.get_matching_blocks() if m.size]
        solid = [m for m in blocks if m.size >= 3] or blocks
        begin = edge + solid[0].b - solid[0].a if solid else start
        begin = min(max(0, begin), max(0, n - width))
        i = place.get((begin, width), place[start, width])
        if i not in first:
            first.append(i)
        if len(seeds) > most:
            break
    seeded = set(first)
    order = first + [i for i in range(len(ranked)) if i not in seeded]
    chosen: list[tuple[int, int, int]] = []
    spent = 0
    for j, i in enumerate(order):
        if j >= len(first) and spent + cost[i] > _WORK:
            break
        spent += cost[i]
        _, start, k, width = ranked[i]
        chosen.append((start, k, width))
    return chosen


def skeleton(article: str | Path) -> str:
    """The start of a data file for an article: its source, and comments on the rest.

    The headline is the article's first line (check it); the publication date is left for
    you to fill in, because the loader needs it and it must come from the article or a
    cited reference. Everything else is in ``"//"`` comments, which the loader ignores.

    Examples:
        >>> import json
        >>> doc = json.loads(skeleton("examples/articles/example-0001.txt"))
        >>> doc["sources"][0]["id"], doc["sources"][0]["headline"][:28]
        ('example-0001.txt', 'FICTIONAL EXAMPLE TEXT for t')
    """
    path = Path(article)
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")  # a byte-order mark
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = first or "FILL IN: the headline the article prints"
    name = path.name
    comments = [
        f"A data file for {name}: see docs/format.md and docs/contributing.md.",
        "Every fact needs the article's exact words: find them with",
        f"  idlibstrikes quote {name} 'the words'",
        "then check with: idlibstrikes validate THIS.json --articles FOLDER",
        "Write the JSON Schema beside this file for your editor:",
        "  idlibstrikes schema > idlibstrikes.schema.json",
        "To add this article's claims to a strike, group, ceasefire, place or person "
        'already in the data, put {"kind": "strike", "id": "...", "claims": [...]} in '
        '"additions" (see docs/format.md).',
    ]
    doc = {
        "$schema": "./idlibstrikes.schema.json",
        "//": comments,
        "idlibstrikes": 1,
        "sources": [
            {
                "//": "The article. Fill in 'published' with the date it prints "
                "(or a range with reasoning); check the headline (its first line).",
                "id": name,
                "kind": "article",
                "article": name,
                "headline": first,
                "published": {
                    "text": "FILL IN: the publication date as the article prints it",
                    "span": "FILL IN: YYYY-MM-DD",
                },
            }
        ],
        "places": [],
        "groups": [],
        "people": [],
        "strikes": [],
        "ceasefires": [],
        "additions": [],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def report_skeleton(address: str, ident: str = "rep-mine") -> str:
    """The start of a data file for a strike a report documents: no quote, a list row.

    A reported strike's claims carry no quote (no sentence of a page enters the data): each
    names its ``row``, a reference fact that gives the fact in your own words with the
    report's outlet, address, date and confidence. The placeholders ("FILL IN") are
    problems for ``idlibstrikes validate`` until they are filled in.

    Examples:
        >>> import json
        >>> doc = json.loads(report_skeleton("https://example.org/story"))
        >>> doc["sources"][0]["kind"], doc["strikes"][0]["claims"][0]["row"]
        ('report', 'mine-1')
    """
    comments = [
        "A reported strike: see docs/contributing.md, 'Adding a reported strike'.",
        "Write every fact in your own words (never a sentence of the page) as a row in",
        "'references' (field: what it is about; value: the fact; confidence: high, medium",
        "or low), and point each claim of the strike at its row with 'row'.",
        "Check with: idlibstrikes validate THIS.json",
    ]
    row = "mine-1"
    doc = {
        "$schema": "./idlibstrikes.schema.json",
        "//": comments,
        "idlibstrikes": 1,
        "sources": [
            {
                "//": "The report: the outlet whose page it is; 'wire' where it is a copy of "
                "a wire service's story (AFP, AP, Reuters ...).",
                "id": ident,
                "kind": "report",
                "outlet": "FILL IN: the outlet",
                "published": {"text": "FILL IN: the date the page gives", "span": "FILL IN"},
                "address": address,
            }
        ],
        "strikes": [
            {
                "id": "FILL IN: yyyy-mm-dd-place",
                "description": "FILL IN: one line in your own words",
                "date_claims": [
                    {
                        "date": {
                            "text": "FILL IN: the date as the report gives it",
                            "span": "FILL IN",
                        },
                        "source": ident,
                        "row": row,
                    }
                ],
                "place": "FILL IN: a place id (idlibstrikes show PLACE)",
                "perpetrator": "FILL IN: a group id",
                "attributions": [{"groups": ["FILL IN: a group id"], "source": ident, "row": row}],
                "targets": [],
                "claims": [
                    {
                        "victims": "all",
                        "low": 0,
                        "high": None,
                        "claimant": None,
                        "source": ident,
                        "row": row,
                        "//": "Leave 'claims' empty where the report gives no figure: unknown "
                        "is not zero.",
                    }
                ],
            }
        ],
        "references": [
            {
                "id": row,
                "subject": "FILL IN: the strike's id",
                "field": "FILL IN: what the fact is about (Event date, Casualties – SOHR ...)",
                "value": "FILL IN: the fact, in your own words",
                "confidence": "medium",
                "source": ident,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
