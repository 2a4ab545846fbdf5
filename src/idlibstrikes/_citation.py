"""What every citation style says alike: the dataset's own entry, a date's known parts, addresses.

The styles (the plain text of ``_cite``, ``_csl`` and ``_bibtex``) share three rules here.

- **A date to the precision it is known.** A publication date is often a range (an article
  that prints no date, a list that gives only a month). Citation processors take a range of
  days for a work that ran over days (pandoc printed "2019, June 30-July 6"; citeproc-py
  dropped the year or failed), so a range is never written as one: a citation gives the
  parts that are certain (year, month, day; none where even the year is not) and says the
  rest in words ("month and day not known: between 2019-08-31 and 2019-09-06").
- **An address is a web address.** A value the data give where an address goes but that is
  not one ("centcom.mil statement 1891697") is said as what it is, never put in a URL field.
- **The dataset's own entry** says what ``CITATION.cff`` says: its title, authors, licence
  and keywords, and the code (the package) as a work of its own. ``CITATION.cff`` gives no
  web address, publisher or DOI, so none is written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ._dates import DateRange
    from ._models import Source
    from ._release import DataVersion

__all__ = [
    "AUTHOR",
    "KEYWORDS",
    "LICENCE",
    "SOFTWARE_LICENCE",
    "SOFTWARE_TITLE",
    "TITLE",
    "UNTITLED",
    "UNTITLED_REFERENCE",
    "Issued",
    "article_keys",
    "context",
    "data_key",
    "is_address",
    "issued",
    "layer",
    "notes",
    "sentence",
    "software_key",
]

# As CITATION.cff gives them (a test holds the two together).
TITLE = "idlibstrikes: US strikes on al-Qaeda-linked groups in north-west Syria"
AUTHOR = "idlibstrikes developers"
LICENCE = "CC-BY-4.0"
KEYWORDS = ("Syria", "Idlib", "conflict event data", "airstrikes", "provenance")
SOFTWARE_TITLE = "idlibstrikes (Python package)"
SOFTWARE_LICENCE = "MIT"

#: The title of an article that prints no headline, as citation styles describe an untitled
#: work (APA: a description in square brackets).
UNTITLED = "[Untitled article]"
#: The title of a reference that has neither a title nor an outlet to be cited by.
UNTITLED_REFERENCE = "[Untitled page, outlet not named]"


def is_address(value: str | None) -> bool:
    """Whether ``value`` is a web address (``http`` or ``https``, a host with a dot, no spaces).

    Examples:
        >>> is_address("https://www.aljazeera.com/news/2019/9/1/x")
        True
        >>> is_address("centcom.mil statement 1891697"), is_address(None)
        (False, False)
    """
    from urllib.parse import urlsplit

    if not value or any(c.isspace() for c in value.strip()):
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and "." in host


@attrs.frozen
class Issued:
    """A publication date as a citation states it: the parts that are certain, and the rest.

    Attributes:
        parts: The certain parts: ``(year, month, day)``, ``(year, month)``, ``(year,)``, or
            ``()`` where not even the year is known (citations say "n.d.").
        uncertain: What the parts leave out, in words, or ``""`` where they say it all.
    """

    parts: tuple[int, ...]
    uncertain: str = ""

    @property
    def iso(self) -> str:
        """The certain parts as ISO 8601 (``2019``, ``2019-08``, ``2019-09-01``), or ``n.d.``.

        Examples:
            >>> Issued((2019, 8)).iso, Issued(()).iso
            ('2019-08', 'n.d.')
        """
        if not self.parts:
            return "n.d."
        year, *rest = self.parts
        return "-".join([f"{year:04d}", *(f"{p:02d}" for p in rest)])

    @property
    def words(self) -> str:
        """The date as a citation's text gives it: the certain parts, then what is not known.

        Examples:
            >>> import idlibstrikes as isk
            >>> print(issued(isk.load(sources="articles").source("001").published).words)
            2019, month and day not known (between 2019-08-31 and 2019-09-06; not printed in ...)
        """
        if not self.uncertain:
            return self.iso
        if self.parts:
            return f"{self.iso}, {self.uncertain}"
        return f"n.d. ({self.uncertain})"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def issued(published: DateRange | None) -> Issued:
    """The parts of a publication date a citation can state, and the rest in words.

    A range within one month gives the month; within one year, the year; an open or wider
    range no part (styles print "n.d."). Whole months and years are exact.

    Examples:
        >>> import datetime as dt
        >>> from idlibstrikes._dates import DateRange
        >>> issued(DateRange.day(dt.date(2019, 9, 1))).parts
        (2019, 9, 1)
        >>> issued(DateRange.parse("2014-11")).parts
        (2014, 11)
        >>> open_ended = DateRange(earliest=dt.date(2014, 11, 1), latest=dt.date.max)
        >>> issued(open_ended)
        Issued(parts=(), uncertain='on or after 2014-11-01')
    """
    if published is None:
        return Issued(())
    first, last = published.earliest, published.latest
    said = f"; {published.text}" if published.text else ""
    if first == last:
        return Issued((first.year, first.month, first.day))
    if first == dt.date.min or last == dt.date.max:
        if first == dt.date.min and last == dt.date.max:
            return Issued((), published.text)
        bound = f"on or after {first}" if last == dt.date.max else f"on or before {last}"
        return Issued((), bound + said)
    between = f"between {first} and {last}{said}"
    if first.year != last.year:
        return Issued((), between)
    if first.month == last.month:
        if first.day == 1 and last.day == _last_day(last.year, last.month):
            return Issued((first.year, first.month))
        return Issued((first.year, first.month), f"day not known ({between})")
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return Issued((first.year,))
    return Issued((first.year,), f"month and day not known ({between})")


def sentence(text: str) -> str:
    """``text`` with its first letter a capital, as a note's first word is (not a name's).

    Examples:
        >>> sentence("the article prints no headline")
        'The article prints no headline'
        >>> sentence("idlibstrikes source 004")
        'idlibstrikes source 004'
    """
    if text.startswith("idlibstrikes"):  # the package's name is written in lower case
        return text
    return text[:1].upper() + text[1:]


def layer(source: Source) -> str:
    """What a reference is, in its citation's note.

    Examples:
        >>> import idlibstrikes as isk
        >>> layer(isk.load().source("rep-a-9news-2014-11-07-drugeon"))
        'report cited by the reference lists (AFP copy)'
    """
    if source.is_report:
        copy = f" ({source.wire} copy)" if source.wire else ""
        return f"report cited by the reference lists{copy}"
    return "reference beside the articles"


def context(v: DataVersion, query: str | None, what: str | None) -> list[tuple[str, str]]:
    """What a citation says beside the versions: changes, the query, what it cites."""
    found = []
    if v.origin != "bundled":
        found.append(("changes", f"{v.origin} (data digest {v.digest})"))
    if query:
        found.append(("query", query))
    if what:
        found.append(("cited", what))
    return found


def notes(v: DataVersion, query: str | None, what: str | None) -> list[str]:
    """The note of the dataset's entry: as-of day, package, licence and context."""
    return [
        f"Data as of {v.as_of.isoformat()}",
        f"package idlibstrikes {v.package}",
        "licensed CC BY 4.0",
        *(f"{label}: {value}" for label, value in context(v, query, what)),
    ]


def data_key(v: DataVersion, query: str | None, what: str | None) -> str:
    """The dataset entry's key: a citation of a query or of records gets its own.

    Two citations in one bibliography (the whole data, one query) then stay apart.

    Examples:
        >>> import idlibstrikes as isk
        >>> data_key(isk.load().version, None, None)
        'idlibstrikes-data-2026.12.1'
    """
    key = f"idlibstrikes-data-{v.data}"
    if query or what or v.origin != "bundled":
        digest = hashlib.sha256("; ".join(notes(v, query, what)).encode("utf-8"))
        key += "-" + digest.hexdigest()[:8]
    return key


def article_keys(sources: Sequence[Source]) -> list[str]:
    """Each article's key: its short id ("002"), or its id where two share a short id.

    Examples:
        >>> import idlibstrikes as isk
        >>> article_keys(isk.load(sources="articles").sources[:2])
        ['000', '001']
    """
    shorts = [s.short_id for s in sources]
    return [
        s.short_id if shorts.count(s.short_id) == 1 else s.id.removesuffix(".txt") for s in sources
    ]


def software_key(v: DataVersion) -> str:
    """The package's entry's key (``idlibstrikes-package-0.1.0``)."""
    return f"idlibstrikes-package-{v.package}"
