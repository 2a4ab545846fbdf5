"""Building a ``Dataset``'s records from parsed data files.

Maintainer's note: loading runs in three steps. ``_files`` parses each file with the
standard library and sorts its records by kind, then applies any ``"additions"``.
``_Builder`` builds records in dependency order (sources, places, reference facts, people,
groups, announcements, strikes, ceasefires, developments, figures), reading every field
strictly through `Fields` and resolving every reference; its shared readers (references,
quotes, dates, summaries) are in ``_builder``, and each kind's build is in the module of
its concept: ``_build_records`` (sources, places, reference facts, people, groups,
announcements), ``_build_strikes`` (strikes and series, their claims and attributions)
and ``_build_context`` (ceasefires, developments, figures). What spans the kinds (ids held
as text, names that must find one record, no record silently dropped, the strikes' order)
is checked here. Whatever is wrong is collected; only when nothing is does a dataset come
out, so a bad file never yields a half-loaded dataset.
"""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Any

from ._build_context import ContextBuilder
from ._build_strikes import StrikesBuilder
from ._builder import LABELS, _span_days, ident_of
from ._days import StrikeDays
from ._errors import DataError, Problem
from ._files import KINDS, RawData, RawRecord
from ._format import FORMAT, Format
from ._models import Scope, Strike
from ._names import NAMED_KINDS, name_clashes, name_key
from ._reader import Fields, show

__all__ = ["build"]


class _Builder(StrikesBuilder, ContextBuilder):
    """Builds each kind of record, in dependency order, and checks what spans the kinds."""

    def _checking(self, record: RawRecord, shape: str) -> Fields:
        """A built record's fields, opened again to report a problem found after building."""
        return Fields(
            self.problems,
            record.file,
            record.data,
            record=ident_of(record.data),
            path="",
            allowed=FORMAT[shape].keys,
            origins=record.origins,
            added=record.added,
            at=(record.kind, record.position),
        )

    def check_links(self) -> None:
        """Ids held as text (roles, announcements, may-be-same strikes) must name records."""
        for record in self.raw.records["strikes"]:
            same = record.data.get("may_be_same")
            for i, other in enumerate(same if isinstance(same, list) else ()):
                if isinstance(other, str) and other not in self.defined["strike"]:
                    f = self._checking(record, "strike")
                    f.fail(f"may_be_same[{i}]", "unknown strike id", found=show(other))
                elif other == record.data.get("id"):
                    f = self._checking(record, "strike")
                    f.fail(f"may_be_same[{i}]", "a strike cannot be listed as maybe itself")
        for record in self.raw.records["people"]:
            f = self._checking(record, "person")
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
                f = self._checking(record, "announcement")
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
