"""Reading data files: JSON parsed by the standard library, records sorted by kind.

``read_bundled`` and ``read_paths`` give a `RawData` (every record as parsed, with its
file and position, and the problems met reading the files); ``merge`` joins several;
``apply_additions`` appends a user file's ``"additions"`` to the records they name, keeping
where each appended item came from so that a problem in it names the user's file.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from ._errors import DataError, Problem
from ._folders import listing
from ._format import KINDS as RECORD_KINDS
from ._format import addable
from ._reader import Fields, Problems, show

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "NOTHING_ADDED",
    "RawData",
    "RawRecord",
    "apply_additions",
    "merge",
    "read_bundled",
    "read_files",
    "read_paths",
]

FORMAT_VERSION = 1
#: The record kinds a data file may hold (``_load`` builds them in dependency order), after
#: the additions to records of other files.
KINDS = ("additions", *RECORD_KINDS)
_TOP = frozenset({"idlibstrikes", "$schema", "//", *KINDS})
#: A file of more bytes than this is read a strike at a time (see ``_parse_streaming``):
#: parsed whole, 10^6 strikes took 6.6 GiB at the peak (the parsed document, 4.4 KB a
#: strike, beside the text and the records). Above 64 MiB (about 60,000 strikes) it is as
#: fast; below, parsing once is a few per cent faster, and the document fits easily.
STREAM_BYTES = 64 * 2**20
_NONE: Mapping[Any, Any] = MappingProxyType({})  # no origins, no additions: one shared
#: A raw record's ``origins`` and ``added`` where no addition extended it (one object).
NOTHING_ADDED = _NONE
_PLAIN = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


@attrs.define
class RawRecord:
    """One record as parsed, with the file it came from.

    ``origins`` locates list items that a user file's ``additions`` appended to this
    record: (field, index) -> (file, path), so a problem in one names the user's file.

    Mutable for one reason: a load that does not need the raw data afterwards drops a
    strike's ``data`` (keeping its id) as soon as the strike is built, so the parsed
    document is freed while it is still in the processor's cache, not in one pass at
    the end (a second at 10^5 strikes). And a strike of a file too big to hold parsed
    (see ``STREAM_BYTES``) keeps only its id until the builder asks for ``parsed()``.
    """

    file: str
    data: dict[str, Any]
    position: int = 0
    origins: Mapping[tuple[str, int], tuple[str, str]] = _NONE
    #: The key of its kind in the file (``"strikes"``), to find its line.
    kind: str = ""
    #: For each list field additions extended: the last such addition's file and path.
    added: Mapping[str, tuple[str, str]] = _NONE
    #: For a record left in its file's text: the text, and where the record starts.
    text: str | None = None
    start: int = 0

    def parsed(self) -> dict[str, Any]:
        """The record's data, parsed from its file's text now if it was left there."""
        if self.text is not None:
            # the whole file was parsed once already, with every check (keys given twice,
            # NaN): this parse can be the plain one
            self.data = _PLAIN.raw_decode(self.text, self.start)[0]
            self.text = None
        return self.data


@attrs.frozen
class RawData:
    """Every record of a set of files, sorted by kind, and the problems met reading them."""

    records: dict[str, tuple[RawRecord, ...]]
    problems: tuple[Problem, ...]
    #: Each file's bytes (or text), kept to give line numbers to problems if the load fails.
    texts: dict[str, bytes | str] = attrs.Factory(dict)


# -- reading files -----------------------------------------------------------------------


def _bare_line(text: str, wanted: Callable[[str], bool]) -> int | None:
    """The line of the first token outside strings that is ``wanted``."""
    from ._lines import bare_tokens

    return next((line for token, line in bare_tokens(text) if wanted(token)), None)


class _NotJSON(ValueError):
    """NaN, Infinity or -Infinity in a file (the JSON parser would read them as floats)."""


class _Checked(json.JSONDecoder):
    """The standard JSON decoder, noting any key given twice in one object.

    The decoder keeps the last of them without a word; ``repeated`` tells. NaN, Infinity
    and -Infinity, which it would read as floats, are refused.
    """

    def __init__(self) -> None:
        self.repeated = False

        def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
            # (a closure: an object of a big file costs one call, no attribute look-up)
            made = dict(items)
            if len(made) != len(items):
                self.repeated = True
            return made

        super().__init__(object_pairs_hook=pairs, parse_constant=self._constant)

    @staticmethod
    def _constant(name: str) -> Any:
        raise _NotJSON(name)


#: What `_checked_json` gives for a text it could not read (JSON's null is ``None``).
_UNREAD: Any = object()


def _checked_json(name: str, text: str, fail: Callable[..., None], problems: list[Problem]) -> Any:
    """A file's JSON, parsed with the data files' strictness, or `_UNREAD` after ``fail``.

    NaN and Infinity, nesting too deep for Python and numbers too long to convert are
    refused; a key given twice in one object is a problem at its line (the document is
    still given: the rest of the file is checked too).
    """
    checked = _Checked()
    try:
        doc = checked.decode(text)
    except _NotJSON as exc:  # Python reads these; JSON has no such numbers
        word = str(exc)
        fail(
            f"not valid JSON: {word} is not a number JSON allows",
            line=_bare_line(text, lambda token: token.lstrip("-") == word.lstrip("-")),
        )
        return _UNREAD
    except json.JSONDecodeError as exc:
        fail(f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        return _UNREAD
    except RecursionError:
        fail("nesting too deep to read; data files nest only a few levels")
        return _UNREAD
    except ValueError:  # Python refuses to convert integers of more than 4,300 digits
        fail(
            "a number too long to read; counts in a data file are small whole numbers",
            line=_bare_line(text, lambda token: len(token) > 4300),
        )
        return _UNREAD
    if checked.repeated:
        _repeated_keys(name, text, doc, problems)
    return doc


def _parse(
    name: str,
    raw: bytes,
    problems: list[Problem],
    out: dict[str, list[RawRecord]],
    texts: dict[str, bytes | str],
    stream: bool = False,
) -> None:
    texts[name] = raw

    def fail(message: str, line: int | None = None, **kw: Any) -> None:
        problems.append(Problem(file=name, line=line, message=message, **kw))

    if not raw.strip():
        fail('the file is empty; a data file is a JSON object such as {"idlibstrikes": 1}')
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        fail(
            f"not UTF-8 text: byte {raw[exc.start]:#04x} at offset {exc.start}; "
            "save the file as UTF-8",
            line=line,
        )
        return
    starts: list[int] | None = None
    streamed = _parse_streaming(text) if stream and len(raw) > STREAM_BYTES else None
    if streamed is not None:
        doc, starts = streamed
        texts[name] = text  # lines for problems are found in the text; the bytes can go
        _records(name, doc, starts, text, fail, out)
        return
    doc = _checked_json(name, text, fail, problems)
    if doc is _UNREAD:
        return
    _records(name, doc, None, text, fail, out)


def _records(
    name: str,
    doc: Any,
    starts: list[int] | None,
    text: str,
    fail: Callable[..., None],
    out: dict[str, list[RawRecord]],
) -> None:
    """Check a parsed file's top level and sort its records by kind.

    ``starts``: where each strike starts in ``text``, for a file read a strike at a time
    (its strikes are then placeholders holding their ids).
    """
    if type(doc) is not dict:
        fail(
            'the file must hold a JSON object with the key "idlibstrikes"', found=type(doc).__name__
        )
        return
    version = doc.get("idlibstrikes")
    if version != FORMAT_VERSION or type(version) is not int:
        fail(
            "missing or unsupported format version",
            field="idlibstrikes",
            found=show(version),
            expected=str(FORMAT_VERSION),
        )
        return
    for key, value in doc.items():
        if key not in _TOP:
            fail(
                "unknown top-level key (a typo?)",
                field=key,
                expected="one of " + ", ".join(sorted(_TOP)),
            )
        elif key == "//":  # a comment
            continue
        elif key == "$schema":  # the JSON Schema an editor validates the file against
            if type(value) is not str:
                fail("must be the schema's address (text)", field=key, found=type(value).__name__)
        elif key != "idlibstrikes":
            if type(value) is not list:
                fail("must be a list of records", field=key, found=type(value).__name__)
                continue
            for i, item in enumerate(value):
                if type(item) is not dict:
                    fail(
                        "each record must be a JSON object",
                        field=f"{key}[{i}]",
                        found=type(item).__name__,
                    )
                elif starts is not None and key == "strikes":
                    out[key].append(
                        RawRecord(name, item, position=i, kind=key, text=text, start=starts[i])
                    )
                else:
                    out[key].append(RawRecord(name, item, position=i, kind=key))


def _repeated_keys(name: str, text: str, doc: Any, problems: list[Problem]) -> None:
    """Report each key repeated within one object (the parser keeps only the last)."""
    from ._lines import duplicate_keys

    for path, key, line in duplicate_keys(text):
        record = None
        if len(path) >= 2 and isinstance(path[1], int):  # inside a record: name it
            try:
                ident = doc[path[0]][path[1]].get("id")
            except (AttributeError, IndexError, KeyError, TypeError):
                ident = None
            if isinstance(ident, str):
                record, path = ident, path[2:]
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in (*path, key))
        problems.append(
            Problem(
                file=name,
                line=line,
                record=record,
                field=field.removeprefix("."),
                message="the key is given twice in one object, and the second would "
                "silently replace the first; merge the two into one",
            )
        )


def read_files(files: Iterable[tuple[str, bytes]], *, stream: bool = False) -> RawData:
    """Parse ``(name, bytes)`` pairs as data files.

    With ``stream``, a file of more than ``STREAM_BYTES`` is read a strike at a time:
    its strikes are parsed once to be checked and then left in the text, each parsed
    again when it is built (``RawRecord.parsed``).
    """
    out: dict[str, list[RawRecord]] = {kind: [] for kind in KINDS}
    problems: list[Problem] = []
    texts: dict[str, bytes | str] = {}
    for name, raw in files:
        _parse(name, raw, problems, out, texts, stream)
        del raw  # (the caller's list gives each file up as it is read: see _drained)
    return RawData({k: tuple(v) for k, v in out.items()}, tuple(problems), texts)


def _drained(items: list[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
    """The items, each let go of once taken (a gigabyte file need not stay twice)."""
    items.reverse()
    while items:
        yield items.pop()


def _parse_streaming(text: str) -> tuple[dict[str, Any], list[int]] | None:
    """A file's top level parsed by hand, its strikes one by one; ``None`` unless plain.

    Each strike is parsed (keys given twice, NaN and the like are checked as the whole-
    file parse checks them) and dropped, keeping its id and where it starts. Anything not
    plainly right (a key given twice, a syntax error, a strike that is not an object)
    gives ``None``, and the whole-file parse then reads the file and reports the problem.
    """
    checked = _Checked()
    scan = checked.raw_decode

    def skip(i: int) -> int:  # past any blanks
        match = _SPACE.match(text, i)
        return i if match is None else match.end()

    doc: dict[str, Any] = {}
    starts: list[int] = []
    try:
        i = skip(0)
        if text[i : i + 1] != "{":
            return None
        i = skip(i + 1)
        while True:
            key, i = scan(text, i)
            if type(key) is not str or key in doc:
                return None
            i = skip(i)
            if text[i : i + 1] != ":":
                return None
            i = skip(i + 1)
            if key == "strikes" and text[i : i + 1] == "[" and not starts:
                items: list[Any] = []
                i = skip(i + 1)
                if text[i : i + 1] == "]":
                    i += 1
                while i < len(text) and text[i - 1] != "]":
                    starts.append(i)
                    item, i = scan(text, i)
                    if type(item) is not dict:
                        return None
                    ident = item.get("id")
                    items.append({"id": ident} if type(ident) is str else {})
                    i = skip(i)
                    mark, i = text[i : i + 1], i + 1
                    if mark == ",":
                        i = skip(i)
                    elif mark != "]":
                        return None
                doc[key] = items
            else:
                doc[key], i = scan(text, i)
            i = skip(i)
            mark, i = text[i : i + 1], i + 1
            if mark == "}":
                break
            if mark != ",":
                return None
            i = skip(i)
        if skip(i) != len(text) or checked.repeated:
            return None
    except (ValueError, RecursionError):  # a syntax error, NaN, a number too long ...
        return None
    return doc, starts


def read_bundled(sources: str = "all") -> RawData:
    """Parse the data files shipped inside the package.

    ``sources``: ``"all"``, the whole record: the five articles' data (``data/*.json``)
    and the reference lists' (``data/reported/*.json``); ``"articles"``, the first alone.
    """
    from importlib import resources  # (it imports tempfile, shutil and more: only here)

    folder = resources.files("idlibstrikes").joinpath("data")
    folders = [("idlibstrikes/data", folder)]
    if sources == "all":
        folders.append(("idlibstrikes/data/reported", folder.joinpath("reported")))
    files = []
    for name, where in folders:
        if not where.is_dir():
            continue
        entries = sorted(
            (entry for entry in where.iterdir() if entry.name.endswith(".json")),
            key=lambda entry: entry.name,
        )
        files += [(f"{name}/{e.name}", e.read_bytes()) for e in entries]
    return read_files(files)


def read_paths(paths: Sequence[str | os.PathLike[str]], *, stream: bool = False) -> RawData:
    """Parse user data files (a folder stands for the ``*.json`` files in it).

    ``stream``: read a very big file a strike at a time (see ``read_files``).

    A file named twice (or named and inside a folder also named) is read once: its
    records, and above all its additions, count once.
    """
    files: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()  # (device, inode): one file however it is named
    for given in paths:
        if not os.fspath(given):
            problems.append(Problem(file="''", message="an empty path; name a file or folder"))
            continue
        path = Path(given)
        try:
            folder = path.is_dir()
            if folder and is_parquet_export(path):
                targets = _tables_export(path, files, problems)
            elif folder:
                targets, odd = listing(path, lambda name: name.endswith(".json"))
                problems += odd
                if not targets and not odd:
                    problems.append(
                        Problem(file=str(path), message="the folder holds no *.json files")
                    )
            else:
                targets = [path]
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            problems.append(Problem(file=str(path), message=f"cannot read the path: {exc}"))
            continue
        for target in targets:
            try:
                info = target.stat()
                if folder and not stat.S_ISREG(info.st_mode):
                    # a pipe in a folder would make the load wait for ever (one named
                    # on its own, as bash's <(...) gives, is read: it was asked for)
                    raise OSError(0, "not a regular file")
                if (info.st_dev, info.st_ino) in seen:
                    continue
                seen.add((info.st_dev, info.st_ino))
                raw = target.read_bytes()
                if not _data_file(raw) and _tables_json(raw):  # a JSON tables export
                    _json_export(str(target), raw, files, problems)
                    continue
                files.append((str(target), raw))
            except (OSError, ValueError) as exc:
                why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                problems.append(Problem(file=str(target), message=f"cannot read the file: {why}"))
    data = read_files(_drained(files), stream=stream)
    return RawData(data.records, (*problems, *data.problems), data.texts)


def _data_file(raw: bytes) -> bool:
    """Whether a file's bytes plainly start as a data file (its first key the version's).

    Such a file is no tables export, whose first key differs: the module that reads
    those need not be imported to tell.
    """
    head = raw[:200].lstrip()
    return head.startswith(b"{") and head[1:].lstrip().startswith(b'"idlibstrikes"')


def _tables_json(raw: bytes) -> bool:
    from ._from_tables import is_tables_json

    return is_tables_json(raw)


def _json_export(
    name: str, raw: bytes, files: list[tuple[str, bytes]], problems: list[Problem]
) -> None:
    """Read a JSON tables export as a data file is read, then as the document it encodes."""
    from ._from_tables import TABLES_NAME, json_document

    def fail(message: str, line: int | None = None, **kw: Any) -> None:
        problems.append(Problem(file=name, line=line, message=message, **kw))

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"not UTF-8 text: byte {raw[exc.start]:#04x} at offset {exc.start}; save it as UTF-8")
        return
    found: list[Problem] = []
    doc = _checked_json(name, text, fail, found)
    problems += found
    if doc is _UNREAD or found:
        return
    try:
        files.append((f"{name} {TABLES_NAME}", json_document(doc)))
    except DataError as exc:
        problems.extend(attrs.evolve(p, file=name) for p in exc.problems)
    except RecursionError:  # (a cell nested deeper than Python can follow)
        fail("nesting too deep to read; a table's cell is a value or a list of values")


def _tables_export(
    folder: Path, files: list[tuple[str, bytes]], problems: list[Problem]
) -> list[Path]:
    """Read a Parquet export of the lossless tables; returns the data files beside them."""
    from ._from_tables import TABLES_NAME
    from ._tables_folder import read_export

    document, beside, found = read_export(folder)
    if document is not None:
        files.append((f"{folder} {TABLES_NAME}", document))
    # the rows' problems are the export's: "(tables)" is the folder
    problems.extend(
        attrs.evolve(p, file=str(folder)) if p.file == TABLES_NAME else p for p in found
    )
    return beside


def is_parquet_export(folder: Path) -> bool:
    """Whether a folder is a Parquet export of the lossless tables (see `_tables_folder`)."""
    from ._tables_folder import is_parquet_export as is_export

    return is_export(folder)


def merge(*parts: RawData) -> RawData:
    """The records and problems of several reads together."""
    records = {k: tuple(r for part in parts for r in part.records.get(k, ())) for k in KINDS}
    texts = {name: raw for part in parts for name, raw in part.texts.items()}
    return RawData(records, tuple(p for part in parts for p in part.problems), texts)


# -- additions -----------------------------------------------------------------------------

#: What a user file may add to an existing record: its kind -> (file key, list fields)
#: (the fields the format describes as addable).
ADDABLE = addable()


def apply_additions(raw: RawData, problems: Problems) -> RawData:
    """Append each addition's items to the record it names (which may be bundled).

    Additions are gathered by the record they extend, and each record is rebuilt once:
    ten thousand additions to one strike cost ten thousand appends, not ten thousand
    copies. A field the record holds with the wrong type is left as it is, for its
    reader to report, rather than replaced by the added items.
    """
    if not raw.records["additions"]:
        return raw
    where: dict[tuple[str, str], int] = {}
    for kind in KINDS:
        for i, record in enumerate(raw.records[kind]):
            ident = record.data.get("id")
            if isinstance(ident, str):
                where.setdefault((kind, ident), i)
    # (kind, position) -> each addition's (file, path, field, items), in file order
    pending: dict[tuple[str, int], list[tuple[str, str, str, list[Any]]]] = {}
    for add in raw.records["additions"]:
        path = f"additions[{add.position}]"
        target = add.data.get("kind")
        fields = ADDABLE[target][1] if isinstance(target, str) and target in ADDABLE else ()
        named = add.data.get("id")
        f = Fields(
            problems,
            add.file,
            add.data,
            record=named if isinstance(named, str) else None,
            path=path,
            allowed=frozenset({"kind", "id", *fields}),
        )
        key = f.text("kind")
        if key is not None and key not in ADDABLE:
            f.fail(
                "kind",
                "not a kind of record that can be added to",
                found=show(key),
                expected="one of " + ", ".join(ADDABLE),
            )
        ident = f.ident("id")
        if key not in ADDABLE or ident is None:
            continue
        kind = ADDABLE[key][0]
        if (kind, ident) not in where:
            f.fail(
                "id",
                f"unknown {key} id: an addition must name an existing {key}",
                found=show(ident),
            )
            continue
        for field in fields:
            items = add.data.get(field)
            if items is None:
                continue
            if type(items) is not list:
                f.fail(field, "must be a list", found=type(items).__name__)
                continue
            pending.setdefault((kind, where[(kind, ident)]), []).append(
                (add.file, f"{path}.{field}", field, items)
            )
    if not pending:
        return raw
    records = {k: list(v) for k, v in raw.records.items()}
    for (kind, position), extensions in pending.items():
        record = records[kind][position]
        data, origins, added = dict(record.parsed()), dict(record.origins), dict(record.added)
        copied: set[str] = set()
        for file, path, field, items in extensions:
            if data.get(field) is not None and type(data[field]) is not list:
                continue  # the record's own reader reports the wrong type
            if field not in copied:  # extend a copy: the parsed file stays as it was
                data[field] = list(data.get(field) or ())
                copied.add(field)
            existing: list[Any] = data[field]
            for j, _ in enumerate(items):
                origins[(field, len(existing) + j)] = (file, f"{path}[{j}]")
            existing.extend(items)
            added[field] = (file, path)
        records[kind][position] = attrs.evolve(
            record, data=data, origins=origins, added=added, text=None
        )
    return RawData({k: tuple(v) for k, v in records.items()}, raw.problems, raw.texts)
