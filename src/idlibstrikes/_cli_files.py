"""The commands for the files a contributor writes: ``new``, ``quote``, ``schema``, ``validate``.

They work on data files and article texts rather than query the dataset: ``new`` writes
the skeleton of a data file for an article, ``quote`` finds a quote's exact words in an
article, ``schema`` prints the JSON Schema of the data files, and ``validate`` checks data
files (with the bundled data they may refer to) and prints every problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._cli_args import _UsageError
from ._cli_text import _fit, _listed, _width
from ._wording import count_text

if TYPE_CHECKING:
    from ._files import RawData

__all__ = ["_new", "_quote_command", "_schema", "_validate"]


def _read_article(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _UsageError(f"cannot read the article {path}: {exc}") from None


def _new(args: argparse.Namespace) -> int:
    from ._encode import report_skeleton, skeleton
    from ._reader import valid_id

    if args.report is not None:
        if args.article is not None:
            raise _UsageError("give an ARTICLE or --report ADDRESS, not both")
        return _write_skeleton(Path(args.out or "reported.json"), report_skeleton(args.report))
    if args.article is None:
        raise _UsageError("give the article's text file, or --report ADDRESS for a report")
    _read_article(args.article)  # a clear error for a missing or non-text file
    name = Path(args.article).name
    if not valid_id(name):
        raise _UsageError(
            f"the file name {name!r} cannot be a source id (lowercase letters, digits, "
            "'.', '-', '_'): rename the article file, then run new again"
        )
    out = Path(args.out) if args.out else Path(Path(args.article).stem + ".json")
    return _write_skeleton(out, skeleton(args.article))


def _write_skeleton(out: Path, text: str) -> int:
    """Write a skeleton to ``out`` (never over a file) and print where it went."""
    if out.exists():
        raise _UsageError(f"{out} exists; give another --out (a skeleton never overwrites)")
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(out)
    return 0


def _quote_command(args: argparse.Namespace) -> int:
    from ._encode import collapse, find_quote

    text = _read_article(args.article)
    found = find_quote(text, args.words)
    if found and found[0].similarity == 1.0:
        print(f'"quote": {json.dumps(found[0].text, ensure_ascii=False)}')
        body, words = collapse(text), found[0].text
        times = body.count(words)
        if times > 1:
            print(f"note: found {times} times; a longer quote says which", file=sys.stderr)
        at = body.find(words)
        before = body[at - 1 : at] if at > 0 else " "
        after = body[at + len(words) : at + len(words) + 1] or " "
        if before.isalnum() or after.isalnum():
            print("note: the words start or end inside a word of the article", file=sys.stderr)
        return 0
    if not found:
        print(f"not found in {args.article}, and no passage comes close", file=sys.stderr)
        return 1
    print(f"not found exactly in {args.article}; the closest passages:", file=sys.stderr)
    for p in found:
        print(f"  {p.similarity:.0%} similar: {json.dumps(p.text, ensure_ascii=False)}")
        for line in p.differences:
            print(f"      {line}")
    return 1


def _schema(args: argparse.Namespace) -> int:
    from ._jsonschema import schema_text

    sys.stdout.write(schema_text())
    return 0


def _unfilled(raw: RawData) -> None:
    """A skeleton's placeholders left in a file are problems, even where they would load."""
    from ._errors import DataError, Problem
    from ._files import KINDS

    problems = []
    for kind in KINDS:
        for record in raw.records[kind]:
            for path, _, item in _leaves(f"{kind}[{record.position}]", record.data):
                if isinstance(item, str) and item.startswith("FILL IN"):
                    problems.append(
                        Problem(
                            file=record.file,
                            field=path,
                            message="a placeholder of the skeleton is still here: fill it in",
                            found=item[:60],
                        )
                    )
    if problems:
        raise DataError(problems)


def _leaves(path: str, value: object) -> Iterator[tuple[str, str, object]]:
    """Every value in a record that is not an object or a list, with its path and key.

    ``"//"`` comments are skipped, as the loader skips them.
    """
    stack: list[tuple[str, str, object]] = [(path, "", value)]
    while stack:
        where, key, item = stack.pop()
        if isinstance(item, dict):
            stack += [(f"{where}.{k}", k, v) for k, v in item.items() if k != "//"]
        elif isinstance(item, list):
            stack += [(f"{where}[{i}]", key, v) for i, v in enumerate(item)]
        else:
            yield where, key, item


def _quoted_sources(value: object) -> set[str]:
    """The ids in every ``"source"`` key of a record, at any depth."""
    return {
        item for _, key, item in _leaves("", value) if key == "source" and isinstance(item, str)
    }


def _validate(files: Sequence[str], articles: str | None, sources: str = "all") -> int:
    from ._errors import DataError
    from ._files import KINDS
    from ._loading import _load_files

    bundled = sources != "none"  # none: your files alone (an export of a whole dataset)
    try:
        data, raw = _load_files(
            files, bundled, articles, keep_raw=True, sources=sources if bundled else "all"
        )
        _unfilled(raw)
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        return 1
    records = sum(len(raw.records[k]) for k in KINDS)
    names = {r.file for k in KINDS for r in raw.records[k]}
    articles_count = sum(1 for s in data.sources if not s.is_reference)
    print(
        _fit(
            f"ok: {len(names)} file{'s' if len(names) != 1 else ''}, {records} records; "
            f"{'with the bundled data' if bundled else 'alone'}: {count_text(data.strikes)}, "
            f"{len(data.groups)} groups, "
            f"{articles_count} articles",
            _width(),
        )
    )
    # say what was not checked: "ok" must not read as "the quotes are in the articles".
    # The articles behind your files: those they define, and every one they quote.
    named = {r.data.get("id") for r in raw.records["sources"]}
    for kind in KINDS:
        for record in raw.records[kind]:
            named |= _quoted_sources(record.data)
    texts = sorted(
        str(s.article) for s in data.sources if s.id in named and not s.is_reference and s.article
    )
    # thousands of articles are named by the first few and counted (_listed): one line
    if articles is None:
        if texts:
            print(
                _fit(
                    f"quotes not checked: give --articles FOLDER with the texts of "
                    f"{_listed(texts)}",
                    _width(),
                )
            )
    else:
        absent = [t for t in texts if not (Path(articles) / t).is_file()]
        if absent:
            print(
                _fit(
                    f"quotes not checked for articles not in {articles}: {_listed(absent)}",
                    _width(),
                )
            )
        else:
            print(f"quotes checked against {len(texts)} article text(s) in {articles}")
    return 0
