"""Line numbers for problems found after parsing.

The standard library's JSON parser gives a line only for syntax errors. A problem found
later (a wrong type, an unknown reference) names its record and field; this module turns
that into the line where the field (or, for a missing field, the object that lacks it)
starts, so an editor can jump there. It runs only when a load has failed, so its speed
does not matter; it never raises, and a problem it cannot place keeps ``line=None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from ._errors import Problem

__all__ = ["bare_tokens", "duplicate_keys", "field_path", "json_lines", "locate"]

Path = tuple[str | int, ...]

# A JSON token: a string, punctuation, or a bare literal/number. The text is known to be
# valid JSON (problems located here come after a successful parse).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')
_PART = re.compile(r"([^.\[\]]+)|\[([0-9]+)\]")


#: Data files nest a few levels; deeper documents are not mapped (their paths would cost
#: memory quadratic in the depth).
MAX_DEPTH = 32


def json_lines(text: str) -> dict[Path, int]:
    r"""The line (1-based) where each value of a JSON document starts, by its path.

    Raises:
        ValueError: The document nests deeper than `MAX_DEPTH`.

    Examples:
        >>> json_lines('{"a": [1,\n 2], "b": {\n"c": null}}')[("a", 1)]
        2
    """
    lines: dict[Path, int] = {(): 1}
    stack: list[list[str | int | None]] = []  # per open container: [key or index]
    path: list[str | int] = []
    expect_key = False
    for token, line in _tokens(text):
        if token in "{[":
            if stack:
                lines[tuple(path)] = line
            stack.append([None if token == "{" else 0])
            expect_key = token == "{"
            if token == "[":
                path.append(0)
            if len(stack) > MAX_DEPTH:
                raise ValueError("nested too deep to map")
        elif token in "}]":
            if token == "]" or stack[-1][0] is not None:
                path.pop()
            stack.pop()
            expect_key = False
        elif token == ",":
            top = stack[-1]
            if isinstance(top[0], int):
                top[0] += 1
                path[-1] = top[0]
            else:
                path.pop()
                top[0] = None
                expect_key = True
        elif token == ":":
            expect_key = False
        elif expect_key:
            key = token[1:-1]
            stack[-1][0] = key
            path.append(key)
            lines[tuple(path)] = line
        else:
            lines[tuple(path)] = line
    return lines


def bare_tokens(text: str) -> Iterator[tuple[str, int]]:
    r"""Each token of a JSON text that is not a string or punctuation, with its line.

    For text the parser refused (``NaN``, an over-long number): a token inside a string
    is never one of these.

    Examples:
        >>> list(bare_tokens('{"a": "NaN",\n "b": NaN}'))
        [('NaN', 2)]
    """
    for token, line in _tokens(text):
        if token[0] != '"' and token not in "{}[]:,":
            yield token, line


def _tokens(text: str) -> Iterator[tuple[str, int]]:
    """Each token of a JSON text, with the line it starts on."""
    line, last = 1, 0
    for match in _TOKEN.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        yield match.group(), line


def duplicate_keys(text: str) -> list[tuple[Path, str, int]]:
    r"""Each key met again within one JSON object: the object's path, the key, its line.

    The standard library keeps the last of two equal keys without a word; a data file
    that repeats one has lost what the first held. Runs only once a file is known to
    repeat a key, to say where; the text is valid JSON.

    Examples:
        >>> duplicate_keys('{"a": {"b": 1,\n "b": 2}}')
        [(('a',), 'b', 2)]
    """
    import json

    found: list[tuple[Path, str, int]] = []
    # per open container: its keys so far (None for a list), and its current key or index
    stack: list[tuple[set[str] | None, list[str | int]]] = []
    expect_key = False
    for token, line in _tokens(text):
        if token in "{[":
            stack.append((set() if token == "{" else None, [0]))
            expect_key = token == "{"
        elif token in "}]":
            stack.pop()
            expect_key = False
        elif token == ",":
            keys, at = stack[-1]
            if keys is None:
                at[0] = int(at[0]) + 1
            expect_key = keys is not None
        elif token == ":":
            expect_key = False
        elif expect_key:
            key = json.loads(token)  # "\u0061" and "a" are the same key
            keys, at = stack[-1]
            assert keys is not None
            if key in keys:
                found.append((tuple(frame[1][0] for frame in stack[:-1]), key, line))
            keys.add(key)
            at[0] = key
    return found


def field_path(field: str | None) -> Path:
    """A dotted field path as a tuple of keys and indexes.

    Examples:
        >>> field_path("claims[1].low")
        ('claims', 1, 'low')
    """
    if not field:
        return ()
    return tuple(
        int(index) if index else key for key, index in _PART.findall(field) if key or index
    )


def _line(lines: Mapping[Path, int], path: Path) -> int | None:
    # A missing field has no line of its own: use the object that lacks it.
    for end in range(len(path), -1, -1):
        found = lines.get(path[:end])
        if found is not None:
            return found
    return None


def locate(
    problems: Iterable[Problem],
    texts: Mapping[str, str],
    records: Mapping[tuple[str, str], Sequence[Path]],
) -> tuple[Problem, ...]:
    r"""Give each problem without a line the line of its field, where it can be found.

    Args:
        problems: The problems found.
        texts: Each file's text, by the name problems use for it.
        records: (file, record id) -> the document path of each record with that id
            in that file (``("strikes", 3)``).

    Examples:
        >>> text = '{"idlibstrikes": 1,\n "strikes": [\n  {"id": "s1",\n   "low": "3"}]}'
        >>> p = Problem(file="f.json", record="s1", field="low", message="wrong type")
        >>> locate([p], {"f.json": text}, {("f.json", "s1"): [("strikes", 0)]})[0].line
        4
    """
    parsed: dict[str, dict[Path, int]] = {}
    out = []
    for problem in problems:
        text = texts.get(problem.file)
        if problem.line is not None or text is None or not (problem.record or problem.field):
            out.append(problem)
            continue
        if problem.file not in parsed:
            try:
                parsed[problem.file] = json_lines(text)
            except (IndexError, TypeError, ValueError):  # odd JSON: leave the lines out
                parsed[problem.file] = {}
        lines = parsed[problem.file]
        field = field_path(problem.field)
        if problem.at is not None:  # the record's own place in its file: no search
            starts: Sequence[Path] = [problem.at]
        elif problem.record is None or (field and field[0] == "additions"):
            starts = [()]
        else:
            starts = records.get((problem.file, problem.record), ())
        # Prefer the record in which the whole path exists (ids may repeat across kinds).
        found = [s for s in starts if s + field in lines] or list(starts)
        line = _line(lines, found[0] + field) if found else None
        out.append(attrs.evolve(problem, line=line) if line is not None else problem)
    return tuple(out)
