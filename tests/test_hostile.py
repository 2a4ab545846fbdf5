"""Hostile input: ten classes of bad input, each generated many ways, none lost or escaping.

Each test generates its inputs from one seeded generator (``FUZZ_SEED``) and checks the
loader's promises (docs/format.md, "What a load promises") on every one:

- a load gives a dataset holding every record its files define, which ``dump`` writes
  and which loads back equal; or one ``DataError`` whose problems each name a file (the
  user's, where the mistake is the user's) and print on one line;
- nothing else is raised, nothing outside the given paths and articles folder is read,
  and the work grows linearly with the input, mistakes included.

``FUZZ_SCALE`` multiplies the number of inputs (``FUZZ_SCALE=20`` for a long run); a
failure message names the seed and the input's number, so it can be replayed.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import idlibstrikes as isk
from idlibstrikes._cli import main

from .promises import SCALE, SEED, attempt, keeps_promises, write

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "idlibstrikes" / "data"
BUNDLED = sorted(DATA.glob("*.json"))  # the articles' data: attempt() loads those
#: Characters that end a line for print() or for str.splitlines().
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def runs(n: int) -> int:
    """How many inputs a test generates: ``n``, times FUZZ_SCALE."""
    return max(1, round(n * SCALE))


def rng_for(test: str) -> random.Random:
    return random.Random(f"{SEED}:{test}")


def article(i: int | str, **fields: Any) -> dict[str, Any]:
    """An article source with a publication day."""
    return {
        "id": f"a{i}.txt",
        "kind": "article",
        "article": f"a{i}.txt",
        "published": {"text": "1 May 2020", "span": "2020-05-01"},
        **fields,
    }


def place(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": ident.upper(), "kind": "village", **fields}


def group(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": ident.upper(), "kind": "militant", **fields}


# -- 1. records that refer to their own kind, in any order ----------------------------------


def _has_cycle(deps: dict[str, list[str]]) -> bool:
    """Kahn's algorithm, independent of the library's own ordering."""
    waiting = {node: len(set(d)) for node, d in deps.items()}
    users: dict[str, list[str]] = {}
    for node, ds in deps.items():
        for d in set(ds):
            users.setdefault(d, []).append(node)
    ready = [n for n, k in waiting.items() if k == 0]
    done = 0
    while ready:
        node = ready.pop()
        done += 1
        for user in users.get(node, ()):
            waiting[user] -= 1
            if waiting[user] == 0:
                ready.append(user)
    return done < len(deps)


def _graph(rng: random.Random, size: int, most: int) -> dict[str, list[str]]:
    """Random references among ``size`` records (up to ``most`` each), sometimes cyclic."""
    names = [f"n{i}" for i in range(size)]
    deps = {
        name: rng.sample(names[:i], min(i, rng.randint(0, most))) for i, name in enumerate(names)
    }
    if rng.random() < 0.35:  # maybe close a loop: a record refers to a later one, or itself
        a = rng.randrange(size)
        b = rng.randrange(a, size)
        deps[names[a]] = [names[b], *deps[names[a]]][:most]
    return deps


def _depth_days(deps: dict[str, list[str]], node: str) -> int:
    days, current = 0, node
    while deps[current]:
        current, days = deps[current][0], days + 1
    return days


def test_records_referring_to_their_own_kind_load_in_any_order(tmp_path: Path) -> None:
    rng = rng_for("order")
    for n in range(runs(240)):
        kind = ("sources", "places", "groups")[n % 3]
        deps = _graph(rng, rng.randint(1, 30), 1 if kind != "groups" else 3)
        records = []
        for name, ds in deps.items():
            if kind == "sources":
                published = (
                    {"text": "the day before", "relative": {"days": -1}, "anchor": f"{ds[0]}.txt"}
                    if ds
                    else {"text": "1 May 2020", "span": "2020-05-01"}
                )
                records.append(
                    article(name.removeprefix("n"), id=f"{name}.txt", published=published)
                )
            elif kind == "places":
                records.append(place(name, **({"near": ds[0]} if ds else {})))
            else:
                links = [
                    {"other": d, "relation": "part_of", "source": "a.txt", "quote": "q"} for d in ds
                ]
                records.append(group(name, affiliations=links))
        rng.shuffle(records)
        doc: dict[str, Any] = {"idlibstrikes": 1, kind: records}
        if kind != "sources":
            doc["sources"] = [article("", id="a.txt")]
        path = write(tmp_path / f"order{n}.json", doc)
        label = f"#{n} {kind} {deps}"
        outcome = attempt(label, path, bundled=False)
        keeps_promises(label, outcome, [path], tmp_path, blame={str(path)})
        if _has_cycle(deps):
            assert isinstance(outcome, isk.DataError), label
            said = [p.message for p in outcome.problems]
            assert any("cycle" in m or "its own" in m for m in said), (label, said)
            continue
        assert isinstance(outcome, isk.Dataset), f"{label}: {outcome}"
        if kind == "sources":  # each date resolved against its anchor's, however far down
            for name in deps:
                published = outcome.source(f"{name}.txt").published
                assert published is not None
                expected = dt.date(2020, 5, 1) - dt.timedelta(days=_depth_days(deps, name))
                assert published.earliest == published.latest == expected, (label, name)


def test_a_record_dropped_without_a_problem_is_reported_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last guard: a reader with a defect that skips a record and says nothing.
    from idlibstrikes import _load

    rng = rng_for("guard")
    for n in range(runs(20)):
        places = [place(f"p{i}") for i in range(rng.randint(1, 20))]
        lost = rng.choice(places)["id"]
        build = _load._Builder.build_place

        def defective(self: Any, f: Any, ident: str, build: Any = build, lost: str = lost) -> None:
            if ident != lost:
                build(self, f, ident)

        monkeypatch.setattr(_load._Builder, "build_place", defective)
        path = write(tmp_path / f"g{n}.json", {"idlibstrikes": 1, "places": places})
        outcome = attempt(f"#{n}", path, bundled=False)
        monkeypatch.undo()
        assert isinstance(outcome, isk.DataError), n
        assert [(p.record, "defect" in p.message) for p in outcome.problems] == [(lost, True)]


# -- 2. values and shapes that used to escape as other exceptions ---------------------------


#: JSON-like text no load may accept: Python's parser reads it, but JSON has no NaN or
#: Infinity, and Python refuses to convert integers of more than 4,300 digits.
_REFUSED = [
    lambda r: "9" * r.randint(4301, 12000),
    lambda r: "-" + "1" * r.randint(4301, 6000),
    lambda r: "NaN",
    lambda r: "Infinity",
    lambda r: "-Infinity",
]
_ODD = [
    10**400,  # a whole number no float can hold (as a latitude: out of range)
    -(10**309),
    1e308,
    10**18,
    -(10**18),
    "a\x00b.txt",
    "\ud800.txt",
    "x\udfff",
    "SA(+999999999999)",
    {"days": 10**15},
    {"text": "t", "relative": {"years": 10**9}, "anchor": "a0.txt"},
    {"text": "t", "relative": {"weekday": "XX(1)"}, "anchor": "a0.txt"},
    {"text": "t", "span": "9999-12-31/0001-01-01"},
    {"text": "t", "span": "9999-12-31", "part": "late"},
    [[[[[[[[[[]]]]]]]]]],
]


def _long_chain(rng: random.Random) -> dict[str, Any]:
    """A chain of 500 to 3,000 records, each referring to the next, in a random order."""
    size = rng.randint(500, 3000)
    kind = rng.choice(["groups", "places", "sources"])
    if kind == "groups":
        records = [
            group(
                f"g{i}",
                affiliations=[
                    {"other": f"g{i + 1}", "relation": "part_of", "source": "a.txt", "quote": "q"}
                ]
                if i + 1 < size
                else [],
            )
            for i in range(size)
        ]
    elif kind == "places":
        records = [
            place(f"p{i}", **({"near": f"p{i + 1}"} if i + 1 < size else {})) for i in range(size)
        ]
    else:
        records = [
            article(
                i,
                published={"text": "t", "relative": {"days": -1}, "anchor": f"a{i + 1}.txt"}
                if i + 1 < size
                else {"text": "1 May 2020", "span": "2020-05-01"},
            )
            for i in range(size)
        ]
    order = rng.choice(["forwards", "backwards", "shuffled"])
    if order == "backwards":
        records.reverse()
    elif order == "shuffled":
        rng.shuffle(records)
    doc: dict[str, Any] = {"idlibstrikes": 1, kind: records}
    if kind != "sources":
        doc["sources"] = [article("", id="a.txt")]
    return doc


def _poke(rng: random.Random, doc: Any, value: Any) -> str:
    """Put ``value`` at a random place in ``doc``: a field's value or a list's item."""
    containers = []
    todo = [doc]
    while todo:
        node = todo.pop()
        if isinstance(node, (dict, list)) and node:
            containers.append(node)
            todo.extend(node.values() if isinstance(node, dict) else node)
    node = rng.choice(containers)
    key: Any = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
    node[key] = value
    return f"{key!r} := {str(value)[:40]!r}"


def test_no_input_escapes_as_another_exception(tmp_path: Path) -> None:
    rng = rng_for("escape")
    example = json.loads((ROOT / "examples" / "new-article.json").read_text("utf-8"))
    coordinates = {"source": "ref", "latitude": 35.9, "longitude": 36.6}
    base = {
        "idlibstrikes": 1,
        "sources": [article(0), {"id": "ref", "kind": "reference", "note": "a gazetteer"}],
        "places": [place("p0", reference=coordinates)],
    }
    for n in range(runs(120)):
        on_example, refused, tokens = False, False, {}
        if n % 10 == 0:
            doc, what = _long_chain(rng), "a long chain"
        else:
            on_example = rng.random() < 0.5
            doc = json.loads(json.dumps(example if on_example else base))
            steps, tokens = [], {}
            for i in range(rng.randint(1, 3)):
                if rng.random() < 0.3:  # a placeholder, replaced by the text below
                    tokens[f"@refused{i}@"] = rng.choice(_REFUSED)(rng)
                    steps.append(_poke(rng, doc, f"@refused{i}@"))
                else:
                    steps.append(_poke(rng, doc, copy.deepcopy(rng.choice(_ODD))))
            what = "; ".join(steps)
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5)
        for token, raw in tokens.items():
            refused = refused or f'"{token}"' in text  # (a later poke may have removed it)
            text = text.replace(f'"{token}"', raw)
        path = write(tmp_path / f"e{n}.json", text)
        label = f"#{n} {what}"
        articles = ROOT / "examples" / "articles"
        outcome = attempt(label, path, bundled=on_example, articles=articles)
        keeps_promises(label, outcome, [*BUNDLED, path] if on_example else [path], tmp_path)
        if refused:
            assert isinstance(outcome, isk.DataError), label


# -- 3. nothing read outside the given paths and the articles folder ------------------------

_OPENED: list[str] = []
_WATCHING = [False]


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _WATCHING[0] and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)


def _escaping_names(rng: random.Random, outside: Path) -> str:
    return rng.choice(
        [
            "../" * rng.randint(1, 4) + outside.name,
            str(outside),
            str(outside.resolve()),
            f"sub/../../{outside.name}",
            f"./../{outside.name}",
            f"..\\{outside.name}",
            f"C:{outside.name}",
            f"{outside.name}/",
            f" {outside.name}",
            "..",
            ".",
            f"~/{outside.name}",
            f"{outside.name}\x00.txt",
        ]
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_among_a_folders_files_is_a_problem_not_a_wait(tmp_path: Path) -> None:
    rng = rng_for("pipe")
    for n in range(runs(10)):
        folder = tmp_path / f"f{n}"
        folder.mkdir()
        names = [f"{i}.json" for i in range(rng.randint(1, 5))]
        pipe = rng.choice(names)
        for name in names:
            if name == pipe:
                os.mkfifo(folder / name)
            else:
                write(folder / name, {"idlibstrikes": 1, "places": [place(f"p{name[0]}")]})
        outcome = attempt(f"#{n}", folder, bundled=False)  # would hang on reading the pipe
        assert isinstance(outcome, isk.DataError), n
        assert [p.file for p in outcome.problems] == [str(folder / pipe)], outcome


def test_nothing_outside_the_paths_and_articles_folder_is_read(tmp_path: Path) -> None:
    rng = rng_for("outside")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "sub").mkdir()
    (folder / "inside.txt").write_text("the words inside", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("the words outside", encoding="utf-8")
    for n in range(runs(120)):
        name = _escaping_names(rng, outside) if n % 6 else "inside.txt"
        quote = "the words inside" if name == "inside.txt" else "the words outside"
        doc = {
            "idlibstrikes": 1,
            "sources": [article(0, article=name)],
            "places": [
                place("p0", citations=[{"about": "name", "source": "a0.txt", "quote": quote}])
            ],
        }
        path = write(tmp_path / "data" / f"o{n}.json", doc)
        _OPENED.clear()
        _WATCHING[0] = True
        try:
            outcome = attempt(f"#{n} {name!r}", path, bundled=False, articles=folder)
        finally:
            _WATCHING[0] = False
        label = f"#{n} article {name!r}"
        keeps_promises(label, outcome, [path], tmp_path, blame={str(path)})
        read = {Path(p).resolve() for p in _OPENED if not p.endswith((".py", ".pyc"))}
        assert read <= {path.resolve(), (folder / "inside.txt").resolve()}, (label, read)
        if name == "inside.txt":
            assert isinstance(outcome, isk.Dataset), f"{label}: {outcome}"
        else:
            assert isinstance(outcome, isk.DataError), label
            assert any(p.field == "article" for p in outcome.problems), (label, outcome)


# -- 4. an article that cannot be read is a problem ----------------------------------------

_TEXT = "Des frappes près d'Idlib ont tué 40 personnes, selon l'OSDH. قتل 40 شخصا"


def test_an_unreadable_article_is_a_problem_not_a_skipped_check(tmp_path: Path) -> None:
    rng = rng_for("unreadable")
    encodings = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256"]
    for n in range(runs(80)):
        folder = tmp_path / f"art{n}"
        folder.mkdir()
        target = folder / "a0.txt"
        form = rng.choice([*encodings, "utf-8", "bytes", "folder", "fifo"])
        words = rng.choice(_TEXT.split(", "))
        if form == "folder":
            target.mkdir()
        elif form == "fifo":
            if not hasattr(os, "mkfifo"):
                continue
            os.mkfifo(target)
        elif form == "bytes":
            target.write_bytes(bytes(rng.randrange(128, 256) for _ in range(64)) + b"\xff")
        else:
            # latin-1 cannot write the Arabic: keep what each encoding can hold
            text = _TEXT if form not in ("latin-1", "cp1252") else _TEXT.split(" قتل")[0]
            words = words if words in text else "frappes"
            target.write_bytes(text.encode(form, "strict"))
        doc = {
            "idlibstrikes": 1,
            "sources": [article(0)],
            "places": [
                place("p0", citations=[{"about": "name", "source": "a0.txt", "quote": words}])
            ],
        }
        path = write(tmp_path / f"u{n}.json", doc)
        label = f"#{n} article as {form}"
        outcome = attempt(label, path, bundled=False, articles=folder)
        keeps_promises(label, outcome, [path], tmp_path, blame={str(path)})
        if form == "utf-8":
            assert isinstance(outcome, isk.Dataset), f"{label}: {outcome}"
        else:
            assert isinstance(outcome, isk.DataError), label
            assert [p.field for p in outcome.problems] == ["article"], (label, outcome)
            assert "cannot read the article" in outcome.problems[0].message


# -- 5. whatever loads can be written back --------------------------------------------------

_DIGITS = ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "０１２３４５６７８９", "०१२३४५६७८९", "⁰¹²³⁴⁵⁶⁷⁸⁹"]


def _foreign(text: str, rng: random.Random) -> str:
    digits = rng.choice(_DIGITS)
    return "".join(digits[int(c)] if c.isdigit() and rng.random() < 0.5 else c for c in text)


def _unwritable_date(rng: random.Random) -> tuple[dict[str, Any], bool]:
    """A date, and whether it must be refused."""
    earliest = rng.choice([None, "absent", "0001-01-01", "2019-01-01"])
    latest = rng.choice([None, "absent", "9999-12-31", "2019-12-31"])
    form = rng.randrange(3)
    if form == 0:
        date: dict[str, Any] = {"text": "t", "reasoning": "r"}
        for key, value in (("earliest", earliest), ("latest", latest)):
            if value != "absent":
                date[key] = value
        if "earliest" not in date and "latest" not in date:
            date["earliest"] = None
        bounded = date.get("earliest") not in (None, "0001-01-01") or date.get("latest") not in (
            None,
            "9999-12-31",
        )
        return date, not bounded
    edges = ["0001", "9999", "0001-01-01", "9999-12-31", "0001/9999", "0001-01/2019"]
    if form == 1 and rng.random() < 0.3:  # the calendar's first or last day means "no bound"
        return {"text": "t", "span": rng.choice(edges)}, True
    span = rng.choice(["2019", "2019-08", "2019-08-31", "2019-08/2019-09"])
    if form == 1:
        foreign = _foreign(span, rng)
        return {"text": "t", "span": foreign}, foreign != span
    foreign = _foreign("2019-08-31", rng)
    key = rng.choice(["earliest", "latest"])
    return {"text": "t", key: foreign, "reasoning": "r"}, foreign != "2019-08-31"


def test_whatever_loads_can_be_written_and_loads_back_equal(tmp_path: Path) -> None:
    rng = rng_for("writable")
    for n in range(runs(150)):
        doc: dict[str, Any] = {
            "idlibstrikes": 1,
            "sources": [article(0, headline="Strikes near Idlib", note="a note")],
            "places": [place("p0", aliases=["P zero"], note="near the camp")],
        }
        refused = False
        if n % 2:
            date, refused = _unwritable_date(rng)
            doc["sources"][0]["published"] = date
            what = f"published {date}"
        else:
            record = doc[rng.choice(["sources", "places"])][0]
            key = rng.choice([k for k, v in record.items() if isinstance(v, str) and k != "kind"])
            value = record[key]
            at = rng.randrange(len(value) + 1)
            record[key] = value[:at] + rng.choice(["\ud800", "\udfff", "\udbff"]) + value[at:]
            refused, what = True, f"lone surrogate in {key}"
        path = write(tmp_path / f"w{n}.json", doc)
        label = f"#{n} {what}"
        outcome = attempt(label, path, bundled=False)
        keeps_promises(label, outcome, [path], tmp_path, blame={str(path)})
        assert isinstance(outcome, isk.DataError) == refused, f"{label}: {outcome}"


# -- 6. one line per problem, whatever characters the data hold -----------------------------


def _break_lines(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    breaks = "".join(rng.choice(LINE_BREAKS) for _ in range(rng.randint(1, 3)))
    return text[:at] + breaks + "forged: ok" + text[at:]


def test_validate_prints_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = rng_for("lines")
    for n in range(runs(60)):
        doc: dict[str, Any] = {
            "idlibstrikes": 1,
            "sources": [article(0)],
            "places": [place(f"p{i}", near="nowhere") for i in range(3)],
            "strikes": [{"id": "s0", "description": "d", "place": "p0"}],
        }
        for _ in range(rng.randint(1, 4)):
            record = doc[rng.choice(["sources", "places", "strikes"])][0]
            key = rng.choice(list(record))
            if rng.random() < 0.3:  # a key with a line break in it
                record[_break_lines(rng, key)] = record.pop(key)
            elif isinstance(record[key], str):
                record[key] = _break_lines(rng, record[key])
        name = "v.json" if n % 4 else _break_lines(rng, "v") + ".json"
        path = write(tmp_path / f"v{n}" / name.replace("/", "_"), doc)
        outcome = attempt(f"#{n}", path, bundled=False)
        assert isinstance(outcome, isk.DataError), f"#{n}: the test input must be bad"
        capsys.readouterr()
        assert main(["validate", str(path)]) == 1
        out, err = capsys.readouterr()
        lines = out.splitlines()
        assert len(lines) == len(outcome.problems), (n, out)
        assert err.strip().endswith(f"{len(outcome.problems)} problems") or err.strip() == (
            "1 problem"
        )
        assert all(not line.startswith("forged") for line in lines), out


def test_validate_prints_what_the_terminal_cannot_encode_escaped(tmp_path: Path) -> None:
    import subprocess

    rng = rng_for("encoding")
    for n, encoding in enumerate(["ascii", "latin-1", "cp1252"][: runs(3)]):
        words = rng.choice(["إدلب", "Ḥurrās", "ادلب\u2028forged: ok", "日本"])
        path = write(
            tmp_path / f"t{n}.json", {"idlibstrikes": 1, "places": [place("p", kind=words)]}
        )
        done = subprocess.run(
            [sys.executable, "-m", "idlibstrikes", "validate", str(path)],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": encoding},
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert b"Traceback" not in done.stderr, done.stderr
        assert len(done.stdout.splitlines()) == 1, done.stdout


# -- 7. a key given twice in one object -----------------------------------------------------


def _dumps_repeating(node: Any, target: int, counter: list[int], rng: random.Random) -> str:
    """JSON text of ``node`` in which the ``target``-th object repeats one of its keys."""
    if isinstance(node, dict):
        counter[0] += 1 if node else 0
        items = list(node.items())
        if counter[0] == target and items:
            key, value = rng.choice(items)
            copy = rng.choice([value, None, "other", []])
            items.insert(rng.randrange(len(items) + 1), (key, copy))
        inner = ",\n".join(
            f"{json.dumps(k)}: {_dumps_repeating(v, target, counter, rng)}" for k, v in items
        )
        return "{" + inner + "}"
    if isinstance(node, list):
        return "[" + ",\n".join(_dumps_repeating(v, target, counter, rng) for v in node) + "]"
    return json.dumps(node)


def _objects(node: Any) -> int:
    if isinstance(node, dict):  # the objects with a key to repeat
        return (1 if node else 0) + sum(_objects(v) for v in node.values())
    if isinstance(node, list):
        return sum(_objects(v) for v in node)
    return 0


def test_a_key_given_twice_is_a_problem_at_its_line(tmp_path: Path) -> None:
    rng = rng_for("repeated")
    bases = [ROOT / "examples" / "new-article.json", DATA / "strikes.json"]
    docs = [json.loads(p.read_text("utf-8")) for p in bases]
    for n in range(runs(100)):
        doc = rng.choice(docs)
        target = rng.randint(1, _objects(doc))
        text = _dumps_repeating(doc, target, [0], rng)
        path = write(tmp_path / f"k{n}.json", text)
        label = f"#{n} object {target}"
        outcome = attempt(label, path, bundled=False)
        assert isinstance(outcome, isk.DataError), label
        repeated = [p for p in outcome.problems if "given twice" in p.message]
        assert len(repeated) == 1, (label, outcome)
        problem = repeated[0]
        assert problem.file == str(path), label
        assert problem.line is not None, label
        assert problem.field, label
        key = json.loads('"' + problem.field.rsplit(".", 1)[-1].split("[")[0] + '"')
        lines = text.splitlines()
        assert json.dumps(key) + ":" in lines[problem.line - 1], (label, problem)


# -- 8. a mistake made in a user's file is blamed on that file ------------------------------


def _mistaken_addition(rng: random.Random, data: isk.Dataset) -> dict[str, Any]:
    camp = rng.choice(data.strikes)
    target_group = rng.choice(data.groups)
    other_group = rng.choice(data.groups)
    a_place, other_place = rng.sample(data.places, 2)
    person, other_person = rng.sample(data.people, 2)
    cf = rng.choice(data.ceasefires)
    claim = {"date": {"text": "t", "span": "1990"}, "source": "u.txt", "quote": "q"}
    claim_2099 = {"date": {"text": "t", "span": "2099"}, "source": "u.txt", "quote": "q"}
    holder, linked = rng.choice([(g, a) for g in data.groups for a in g.affiliations])
    back = {"other": holder.id, "relation": "part_of", "source": "u.txt", "quote": "q"}
    return rng.choice(
        [
            {"kind": "strike", "id": camp.id, "killed": [rng.choice(["nobody", person.id + "x"])]},
            {"kind": "strike", "id": camp.id, "targets": ["no-such-group"]},
            {
                "kind": "strike",
                "id": camp.id,
                "claims": [
                    {"victims": "all", "low": 5, "high": 2, "source": "u.txt", "quote": "q"}
                ],
            },
            {"kind": "group", "id": target_group.id, "aliases": [other_group.name]},
            {
                "kind": "group",
                "id": target_group.id,
                "aliases": [rng.choice(other_group.aliases or (other_group.id,))],
            },
            {
                "kind": "group",
                "id": target_group.id,
                "affiliations": [
                    {
                        "other": target_group.id,
                        "relation": "part_of",
                        "source": "u.txt",
                        "quote": "q",
                    }
                ],
            },
            {"kind": "place", "id": a_place.id, "aliases": [other_place.name]},
            {"kind": "person", "id": person.id, "aliases": [other_person.name]},
            {
                "kind": "person",
                "id": person.id,
                "roles": [{"title": "x", "group": "nogroup", "source": "u.txt", "quote": "q"}],
            },
            {"kind": "ceasefire", "id": cf.id, "end_claims": [claim]},
            {"kind": "ceasefire", "id": cf.id, "parties": ["nobody"]},
            {"kind": "strike", "id": "no-such-strike", "claims": []},
            {"kind": "weather", "id": camp.id},
            # problems another record meets through what the addition brought
            {"kind": "group", "id": target_group.id, "founding": [claim_2099]},
            {"kind": "group", "id": target_group.id, "ending": [claim]},
            {"kind": "group", "id": rng.choice(cf.parties).id, "ending": [claim]},
            {"kind": "group", "id": linked.other.id, "affiliations": [back]},
        ]
    )


def _mistaken_record(rng: random.Random, data: isk.Dataset) -> tuple[str, dict[str, Any]]:
    known = rng.choice(data.groups)
    cf = rng.choice(data.ceasefires)
    start = [{"date": {"text": "t", "span": "2019"}, "source": "u.txt", "quote": "q"}]
    return rng.choice(
        [
            ("groups", group("my-group", name=known.name)),
            ("groups", group("my-group", aliases=[known.id])),
            ("places", place("my-place", name=rng.choice(data.places).name)),
            ("sources", {"id": "u", "kind": "reference", "note": "a reference"}),
            ("ceasefires", {"id": "my-cf", "name": cf.id, "start_claims": start}),
            (
                "ceasefires",
                {"id": "my-cf", "name": "Mine", "start_claims": start, "parties": ["nobody"]},
            ),
            # a user's group, named like a bundled one (an addition may link to it)
            ("groups", group("my-group", name=rng.choice(data.groups).name)),
            # a wrong type an addition must not hide by replacing the field
            ("places", place("my-place", aliases="not a list")),
        ]
    )


def test_problems_name_the_users_file(tmp_path: Path) -> None:
    rng = rng_for("blame")
    data = isk.load(sources="articles")
    for n in range(runs(80)):
        doc: dict[str, Any] = {"idlibstrikes": 1, "sources": [article("", id="u.txt")]}
        what = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.6:
                addition = _mistaken_addition(rng, data)
                doc.setdefault("additions", []).append(addition)
                what.append(f"addition to {addition['kind']} {addition['id']}: {sorted(addition)}")
            else:
                kind, record = _mistaken_record(rng, data)
                doc.setdefault(kind, []).append(record)
                what.append(f"{kind} {record['id']}")
                if record["id"] == "my-place":
                    doc.setdefault("additions", []).append(
                        {"kind": "place", "id": "my-place", "aliases": ["Mine"]}
                    )
                elif record["id"] == "my-group" and rng.random() < 0.5:
                    link = {
                        "other": "my-group",
                        "relation": "ally_of",
                        "source": "u.txt",
                        "quote": "q",
                    }
                    doc.setdefault("additions", []).append(
                        {"kind": "group", "id": rng.choice(data.groups).id, "affiliations": [link]}
                    )
        path = write(tmp_path / f"b{n}.json", doc)
        label = f"#{n} {what}"
        outcome = attempt(label, path)
        keeps_promises(label, outcome, [*BUNDLED, path], tmp_path, blame={str(path)})
        if any(r.get("id") == "my-place" for r in doc.get("places", ())):
            assert isinstance(outcome, isk.DataError), f"{label}: an addition hid a mistake"


def test_a_problem_names_the_item_it_is_about(tmp_path: Path) -> None:
    # A bad item left out of a list must not shift the positions of the items after it,
    # in the record's own list or in one an addition extended.
    rng = rng_for("positions")
    choices = ["", "BAD ID", 7, "us-military", "nosuch-a", "nosuch-b"]
    for n in range(runs(60)):
        items = [rng.choice(choices) for _ in range(rng.randint(1, 6))]
        added = [rng.choice(["", "nosuch-c", "hurras-al-din"]) for _ in range(rng.randint(0, 3))]
        claim = {"date": {"text": "t", "span": "2020"}, "source": "u.txt", "quote": "q"}
        strike = {
            "id": "s1",
            "description": "d",
            "date_claims": [claim],
            "place": "idlib",
            "perpetrator": "us-military",
            "targets": items,
        }
        doc: dict[str, Any] = {
            "idlibstrikes": 1,
            "sources": [article("", id="u.txt")],
            "strikes": [strike],
        }
        if added:
            doc["additions"] = [{"kind": "strike", "id": "s1", "targets": added}]
        path = write(tmp_path / f"n{n}.json", doc)
        outcome = attempt(f"#{n}", path)
        bad = {f"targets[{i}]" for i, v in enumerate(items) if v != "us-military"}
        bad |= {f"additions[0].targets[{j}]" for j, v in enumerate(added) if v != "hurras-al-din"}
        if not bad:
            continue
        assert isinstance(outcome, isk.DataError), (n, items, added)
        named = {p.field for p in outcome.problems}
        assert named == bad, (n, items, added, [str(p) for p in outcome.problems])


def test_a_duplicate_is_named_at_its_own_line(tmp_path: Path) -> None:
    rng = rng_for("duplicates")
    for n in range(runs(40)):
        ids = [rng.choice(["a", "b", "c"]) for _ in range(rng.randint(2, 8))]
        doc = {"idlibstrikes": 1, "places": [place(i) for i in ids]}
        path = write(tmp_path / f"d{n}.json", doc)  # one key per line: "id" lines in order
        id_lines = [k + 1 for k, line in enumerate(path.read_text().splitlines()) if '"id"' in line]
        outcome = attempt(f"#{n}", path, bundled=False)
        repeats = [k for k, i in enumerate(ids) if i in ids[:k]]
        if not repeats:
            continue
        assert isinstance(outcome, isk.DataError), ids
        assert [p.line for p in outcome.problems] == [id_lines[k] for k in repeats], ids


# -- 9. time linear in the input, mistakes included ------------------------------------------


def _mistakes(shape: str, n: int) -> dict[str, Any]:
    """A file with ``n`` mistakes of one shape (and the records they are made in)."""
    claim = {"date": {"text": "t", "span": "2020"}, "source": "a.txt", "quote": "q"}
    doc: dict[str, Any] = {
        "idlibstrikes": 1,
        "sources": [article("", id="a.txt")],
        "groups": [group("g0")],
    }
    if shape == "misspelt places":
        doc["places"] = [place(f"place-{i:06d}") for i in range(n)]
        doc["strikes"] = [
            {
                "id": f"s{i}",
                "description": "d",
                "date_claims": [claim],
                "place": f"plase-{i:06d}",
                "perpetrator": "g0",
            }
            for i in range(n)
        ]
    elif shape == "misspelt groups":
        doc["groups"] += [group(f"group-{i:06d}") for i in range(n)]
        doc["places"] = [place("p")]
        doc["strikes"] = [
            {
                "id": f"s{i}",
                "description": "d",
                "date_claims": [claim],
                "place": "p",
                "perpetrator": f"grop-{i:06d}",
            }
            for i in range(n)
        ]
    elif shape == "misspelt sources":
        doc["places"] = [
            place(f"p{i}", citations=[{"about": "name", "source": f"a{i}.tx", "quote": "q"}])
            for i in range(n)
        ]
        doc["sources"] += [article(i) for i in range(n)]
    elif shape == "leaders":
        doc["groups"] += [group(f"h{i}") for i in range(n)]
        doc["people"] = [
            {
                "id": f"p{i}",
                "name": f"P {i}",
                "roles": [
                    {
                        "title": "head",
                        "group": f"h{i}",
                        "leads": True,
                        "source": "a.txt",
                        "quote": "q",
                    }
                ],
            }
            for i in range(n)
        ]
        doc["places"] = [place("x", kind="nowhere")]  # one mistake, so the load fails
    elif shape == "clashing names":
        doc["places"] = [place(f"p{i}", aliases=[f"P{i + 1}"]) for i in range(n)]
    elif shape == "duplicate ids":
        doc["places"] = [place(f"p{i // 2}") for i in range(n)]
    elif shape == "one id many times":
        doc["places"] = [place("p") for i in range(n)]
    elif shape == "one record's many aliases":
        doc["places"] = [place("hub", aliases=[f"Name {i}" for i in range(n)])]
        doc["places"] += [place(f"p{i}", name=f"Name {i}") for i in range(n)]
    elif shape == "mistakes in an extended record":
        doc["places"] = [place("p")]
        cite = {"about": "name", "source": "a.txt", "quote": "q"}
        strike = {"id": "s", "description": "d", "date_claims": [claim], "place": "p"}
        strike |= {"perpetrator": "g0", "targets": [f"nosuch{i}" for i in range(n)]}
        doc["strikes"] = [strike]
        doc["additions"] = [{"kind": "strike", "id": "s", "citations": [cite] * n}]
    elif shape == "many additions to one record":
        cite = {"about": "name", "source": "a.txt", "quote": "q"}
        doc["places"] = [place("p"), place("x", kind="nowhere")]  # one mistake: a failed load
        doc["additions"] = [{"kind": "place", "id": "p", "citations": [cite]} for _ in range(n)]
    elif shape == "cycles closed by every link":
        link = {"other": "g0", "relation": "part_of", "source": "a.txt", "quote": "q"}
        doc["groups"] += [
            group(f"c{i}", affiliations=[link, {**link, "other": f"c{i + 1}"}]) for i in range(n)
        ]
        doc["groups"][0]["affiliations"] = [{**link, "other": "c0"}]
    elif shape == "unknown fields":
        doc["places"] = [place(f"p{i}", **{f"nmae{i}": "x"}) for i in range(n)]
    elif shape == "bad dates":
        doc["sources"] += [
            article(i, published={"text": "t", "span": f"2020-{i % 12 + 13}"}) for i in range(n)
        ]
    return doc


def _steps(path: Path) -> tuple[int, isk.Dataset | isk.DataError]:
    """The steps a load takes (a measure of its work, not a time), and its outcome.

    A step is a function call (Python's or C's) or a line of Python run, each turn of a
    loop included; work inside one C call (a copy) is not seen, so the shapes are chosen
    to make the loader's own Python do the work they would repeat.
    """
    count = [0]

    def profile(frame: Any, event: str, arg: Any) -> None:
        if event == "c_call":
            count[0] += 1

    def trace(frame: Any, event: str, arg: Any) -> Any:
        count[0] += 1
        return trace

    sys.setprofile(profile)
    sys.settrace(trace)
    try:
        outcome = attempt(str(path), path, bundled=False)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count[0], outcome


@pytest.mark.parametrize(
    "shape",
    [
        "misspelt places",
        "misspelt groups",
        "misspelt sources",
        "leaders",
        "clashing names",
        "duplicate ids",
        "one id many times",
        "one record's many aliases",
        "mistakes in an extended record",
        "many additions to one record",
        "cycles closed by every link",
        "unknown fields",
        "bad dates",
    ],
)
def test_work_grows_linearly_with_mistakes(tmp_path: Path, shape: str) -> None:
    # Counted, not timed (timings are the benchmarks' job): four times the mistakes may
    # take at most five times the steps; the quadratic look-ups this replaced took 16.
    small, large = round(200 * SCALE), round(800 * SCALE)
    _steps(write(tmp_path / "warm.json", _mistakes(shape, 10)))  # lazy imports, caches
    few, _ = _steps(write(tmp_path / "few.json", _mistakes(shape, small)))
    many, outcome = _steps(write(tmp_path / "many.json", _mistakes(shape, large)))
    assert many < 5 * few, f"{shape}: {few} steps for {small} mistakes, {many} for {large}"
    assert isinstance(outcome, isk.DataError), shape
    one = ("leaders", "many additions to one record", "cycles closed by every link")
    assert len(outcome.problems) >= (1 if shape in one else large // 2), shape
    text = sum(len(str(p)) for p in outcome.problems)
    assert text < 400 * len(outcome.problems) + 10_000, f"{shape}: {text} characters of problems"


# -- 10. a file given twice ------------------------------------------------------------------


def _spellings(rng: random.Random, path: Path, tmp: Path) -> Iterator[Path]:
    """Ways of naming the same file: as given, absolute, via '..', a symlink, its folder."""
    yield path
    yield path.resolve()
    yield path.parent / ".." / path.parent.name / path.name
    link = tmp / f"link{rng.randrange(10**9)}.json"
    try:
        link.symlink_to(path)
        yield link
    except OSError:  # no symlinks here (Windows without the privilege)
        pass
    yield path.parent


def test_a_file_given_twice_counts_once(tmp_path: Path) -> None:
    rng = rng_for("twice")
    folder = tmp_path / "mine"
    folder.mkdir()
    example = ROOT / "examples" / "new-article.json"
    own = folder / "new-article.json"
    own.write_bytes(example.read_bytes())
    articles = ROOT / "examples" / "articles"
    once = isk.load(own, articles=articles, sources="articles")
    spellings = list(_spellings(rng, own, tmp_path))
    for n in range(runs(30)):
        given = [rng.choice(spellings) for _ in range(rng.randint(2, 5))]
        outcome = attempt(f"#{n} {given}", *given, articles=articles)
        assert outcome == once, f"#{n} {given}: {outcome}"
