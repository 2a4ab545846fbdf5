"""The data's own version: what a citation and an export say the numbers come from.

The package version (``pip show idlibstrikes``) says which code computed an answer; the
data version says which encoding of the articles it was computed from. They change
apart: a corrected quote is a new data version with the same code, a faster index a new
package version with the same data. The data changelog (``docs/data-changelog.md``)
lists every data version and every correction with its source.

Versions are calendar versions, ``YEAR.MONTH.N``: the month the data were released in,
and a counter within it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

__all__ = ["AS_OF", "DATA_VERSION", "DataVersion", "package_version"]

#: The version of the bundled data.
DATA_VERSION = "2026.12.1"
#: The day the bundled data were last checked against their articles and references.
AS_OF = dt.date(2026, 12, 8)

Origin = Literal["bundled", "bundled and your files", "your files", "records"]


def package_version() -> str:
    """The installed package's version ("unknown" when run from a bare checkout)."""
    from importlib import metadata  # only when asked: import idlibstrikes stays cheap

    try:
        return metadata.version("idlibstrikes")
    except metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
        return "unknown"


@attrs.frozen(kw_only=True)
class DataVersion:
    """Which data a dataset holds, and which code reads it: what a citation states.

    Attributes:
        data: The bundled data's version (``YEAR.MONTH.N``).
        as_of: The day the bundled data were last checked.
        package: The idlibstrikes package's version.
        origin: ``bundled`` (the bundled data alone), ``bundled and your files``,
            ``your files`` (``bundled=False``), or ``records`` (a `Dataset` built from
            records in code).
        digest: The fingerprint of exactly these data (see `Dataset.digest`).

    Examples:
        >>> import idlibstrikes as isk
        >>> v = isk.load(sources="articles").version
        >>> v.data, str(v.as_of), v.origin
        ('2026.12.1', '2026-12-08', 'bundled')
        >>> str(v).startswith("data 2026.12.1 (as of 2026-12-08), idlibstrikes ")
        True
    """

    data: str
    as_of: dt.date
    package: str
    origin: Origin
    digest: str

    def __str__(self) -> str:
        what = f"data {self.data} (as of {self.as_of.isoformat()})"
        if self.origin == "bundled and your files":
            what += f" and your files (digest {self.digest})"
        elif self.origin != "bundled":
            what = f"your data (digest {self.digest}), not the bundled data {self.data}"
        return f"{what}, idlibstrikes {self.package}"
