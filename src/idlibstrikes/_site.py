"""Helpers the documentation pages call while the site builds (not part of the API).

Maintainer's note: this module lives in the package, rather than beside the pages, so that
the pages' executed blocks import it (``from idlibstrikes._site import ...``) from an
editable install, with no MkDocs hook putting a folder on ``sys.path`` (Material's
successor, Zensical, runs no hooks). It reads ``examples/`` from the source tree, so it is
left out of the wheel (``[tool.hatch.build.targets.wheel]`` in pyproject.toml).

Every table, transcript, example output and figure on the site comes from here, computed
from the installed package at build time, so the site cannot drift from the code. The pages
call these functions from ``markdown-exec`` blocks and print what they return: Markdown, or
HTML for figures. (They return text rather than print it because markdown-exec captures only
the ``print`` of the block itself.)

A failing example fails the build: :func:`session` re-raises any exception it was not told
to expect, and :func:`example` raises when a script exits non-zero or writes to stderr.
"""

from __future__ import annotations

import ast
import html
import inspect
import io
import json
import math
import os
import re
import shlex
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import redirect_stdout
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

import idlibstrikes as isk
from idlibstrikes._casualties import deaths_text, summarize  # the package's own wording
from idlibstrikes._wording import (
    affiliation_items,
    date_text,
    ended_text,
    figure_text,
    founded_text,
    perpetrators_text,
    span_text,
    strike_date_text,
)

ROOT = Path(__file__).resolve().parents[2]
_SESSIONS: dict[str, dict[str, Any]] = {}


# --- transcripts -------------------------------------------------------------------------


def _error_line(err: BaseException) -> str:
    kind = type(err)
    module = kind.__module__
    if module.startswith("idlibstrikes."):
        module = "idlibstrikes"  # the public name, not the private module
    name = kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"
    return f"Traceback (most recent call last):\n  ...\n{name}: {err}"


def transcript(code: str, namespace: dict[str, Any], *, errors: bool = False) -> str:
    """Run ``code`` statement by statement as the interactive interpreter would.

    Returns a ``>>>`` transcript: each statement with its prompts, then what it printed and
    the repr of an expression's value. An exception ends the transcript with its last line
    when ``errors`` is true, and is re-raised otherwise.
    """
    code = textwrap.dedent(code).strip("\n")
    lines = code.splitlines()
    out: list[str] = []
    done = 0  # lines of ``code`` already shown
    for node in ast.parse(code).body:
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
        # comment lines before the statement are shown as typed, one prompt each
        out.extend(f">>> {line.strip()}" for line in lines[done : first - 1] if line.strip())
        source = lines[first - 1 : node.end_lineno]
        done = node.end_lineno or first
        out.append(f">>> {source[0]}")
        out.extend(f"... {line}" for line in source[1:])
        if isinstance(node, ast.If | ast.For | ast.While | ast.With | ast.Try | ast.FunctionDef):
            out.append("...")
        buffer = io.StringIO()
        try:
            with redirect_stdout(buffer):
                exec(compile(ast.Interactive(body=[node]), "<docs>", "single"), namespace)
        except Exception as err:
            if not errors:
                raise
            out.extend(buffer.getvalue().splitlines())
            out.append(_error_line(err))
            break
        out.extend(buffer.getvalue().rstrip("\n").splitlines())
    return "\n".join(out)


def session(code: str, *, name: str = "default", errors: bool = False) -> str:
    """A ``pycon`` block: ``code`` run in the named session, with its real output.

    Sessions keep their names between calls, so a page reads like one notebook.
    """
    namespace = _SESSIONS.setdefault(name, {"__name__": "__main__"})
    return f"```pycon\n{transcript(code, namespace, errors=errors)}\n```"


# --- examples and the notebook -----------------------------------------------------------


def example(name: str, *, source: bool = True) -> str:
    """An example script (``examples/NAME``) and what it prints when run, as Markdown."""
    path = ROOT / "examples" / name
    run = subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    if run.returncode or run.stderr:
        raise RuntimeError(f"examples/{name} failed ({run.returncode}):\n{run.stderr}")
    shown = f"Output:\n\n```text\n{run.stdout.rstrip()}\n```"
    if not source:
        return shown
    body = path.read_text(encoding="utf-8").rstrip()
    return f'```python title="examples/{name}"\n{body}\n```\n\n{shown}'


def command(line: str, *, status: int = 0, columns: int = 88) -> str:
    """A ``console`` block: a shell command (``python`` is this Python) and its output.

    The command runs from the repository's root, as in a terminal ``columns`` wide (the
    width the command-line tables fit; the same whatever the environment the site is
    built in); an exit status other than ``status`` fails the build.
    """
    argv = shlex.split(line)
    if argv[0] == "python":
        argv[0] = sys.executable
    env = {**os.environ, "COLUMNS": str(columns)}
    run = subprocess.run(
        argv, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=False
    )
    if run.returncode != status:
        raise RuntimeError(f"{line!r} exited {run.returncode}, not {status}:\n{run.stderr}")
    return f"```console\n$ {line}\n{(run.stdout + run.stderr).rstrip()}\n```"


def _cell_text(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def notebook(name: str) -> str:
    """A notebook (``examples/NAME``) as Jupyter shows it, its code re-run now.

    Markdown cells are printed as they are. Each code cell is shown with what it gives
    today (not the output stored in the file): what it printed, then its value as Jupyter
    displays it: the HTML table of a value with ``_repr_html_``, a matplotlib figure as an
    image, anything else as its ``repr``.
    """
    cells = json.loads((ROOT / "examples" / name).read_text(encoding="utf-8"))["cells"]
    namespace: dict[str, Any] = {"__name__": "__main__"}
    parts = []
    for cell in cells:
        text = _cell_text(cell)
        if cell["cell_type"] == "markdown":
            # a level down: the page has its own title, and the notebook's is its first heading
            parts.append(re.sub(r"^(#+ )", r"#\1", text.strip(), flags=re.M))
        elif cell["cell_type"] == "code" and text.strip():
            parts.append(_code_cell(text, namespace))
    return "\n\n".join(parts)


_VALUE = "__isk_cell_value__"


def _code_cell(code: str, namespace: dict[str, Any]) -> str:
    """One notebook cell run as IPython runs it: the code, its printout, its value shown."""
    tree = ast.parse(code)
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr):  # the value IPython displays: kept under a name
        keep = ast.Assign(targets=[ast.Name(_VALUE, ast.Store())], value=last.value)
        tree.body[-1] = ast.fix_missing_locations(ast.copy_location(keep, last))
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        exec(compile(tree, "<cell>", "exec"), namespace)
    value = namespace.pop(_VALUE, None)
    shown = [f"```python\n{code.strip()}\n```"]
    if buffer.getvalue():
        shown.append(f"```text\n{buffer.getvalue().rstrip()}\n```")
    if value is not None:
        shown.append(_displayed(value))
    return "\n\n".join(shown)


def _displayed(value: object) -> str:
    """A cell's value as Jupyter displays it, as Markdown (raw HTML where Jupyter has HTML)."""
    if hasattr(value, "savefig"):  # a matplotlib figure: an image, described for screen readers
        import base64

        svg = _svg(value)
        titles = [getattr(value, "get_suptitle", lambda: "")()]
        titles += [ax.get_title() for ax in getattr(value, "axes", ())]
        title = next((t for t in titles if t), "")
        alt = html.escape(title or "a figure drawn by the cell above", quote=True)
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return _framed(svg, f'<img alt="{alt}" src="data:image/svg+xml;base64,{data}">')
    to_html = getattr(value, "_repr_html_", None)
    if to_html is not None:
        # one line, so that Markdown keeps it as one raw HTML block
        body = " ".join(str(to_html()).split("\n"))
        return f'<div class="isk-output">{_labelled(body)}</div>'
    return f"```text\n{value!r}\n```"


def _labelled(body: str) -> str:
    """A display's HTML with each table cell labelled with its column (``data-label``).

    On a narrow screen the site shows such a table row by row, each cell under its
    column's name (``table.isk-rows`` in extra.css), so that no column starts off-screen.
    A table without a header row, and a cell that spans columns, are left as they are.
    """

    def table(match: re.Match[str]) -> str:
        text = match[0]
        head = re.search(r"<thead>(.*?)</thead>", text)
        if head is None:
            return text
        names = [html.unescape(h) for h in re.findall(r"<th>(.*?)</th>", head[1])]

        def row(tr: re.Match[str]) -> str:
            cells = iter(names)
            return re.sub(
                r"<td>", lambda _: f'<td data-label="{html.escape(next(cells, ""))}">', tr[0]
            )

        rows = [r for r in re.findall(r"<tr>.*?</tr>", text) if "colspan" not in r]
        if any(r.count("<td>") != len(names) for r in rows if "<td>" in r):
            return text  # not one cell a column: left as it is
        text = re.sub(r"<tr>(?:(?!colspan).)*?</tr>", row, text)
        return text.replace("<table>", '<table class="isk-rows">', 1)

    return re.sub(r"<table>.*?</table>", table, body)


# --- tables ------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None or value == ():
        return ""
    if isinstance(value, tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        value = "yes" if value else "no"
    # a table cell is Markdown: "[000] [reference ...]" would read as a reference link
    text = str(value).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return text.replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table (cells escaped; tuples joined with ``; ``)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _article(ids: Iterable[str]) -> tuple[str, ...]:
    """Article ids shortened to their number (``000``), which the Sources table explains."""
    return tuple(i.split("_", 1)[0] if i.endswith(".txt") else i for i in ids)


def _sources_cell(s: isk.Strike) -> tuple[str, ...]:
    """The articles by number; a reference list's reports by its event id and their count."""
    cell = _article(src.id for src in s.sources if not src.is_report)
    reports = sum(src.is_report for src in s.sources)
    return (*cell, f"{s.listed or 'list'}: {reports} reports") if reports else cell


def _span(low: int | None, high: int | None) -> str:
    """A range of estimates (a group's strength): ``1800``, ``1800-2500``; empty if none."""
    if low is None:
        return ""
    return span_text(low, high, False)


def _dates(earliest: object, latest: object) -> str:
    """A range as the library prints one: an open side is left empty ("2019-09-01..")."""
    if earliest is None and latest is None:
        return ""
    if earliest == latest:
        return str(earliest)
    return f"{earliest or ''}..{latest or ''}"


def strikes_table(data: isk.Dataset | None = None) -> str:
    """Every single strike: date, place, who, targets, deaths as every view words them."""
    data = data or isk.load()
    rows = [
        (
            strike_date_text(s),
            s.place.name,
            r["admin1"],
            perpetrators_text(s),
            r["actor2"],
            deaths_text(s),
            "" if r["deaths_best"] is None else r["deaths_best"],
            r["number_of_claims"],
            _sources_cell(s),
            f"`{s.id}`",
        )
        for s, r in zip(
            (s for s in data.strikes if not s.is_series), data.to_records("strikes"), strict=True
        )
    ]
    # the columns a reader scans first come first; the id (for look-ups) last, unbroken
    header = ["date", "place", "governorate", "by", "targets", "deaths", "best", "claims"]
    return table([*header, "sources", "id"], rows)


def series_table(data: isk.Dataset | None = None) -> str:
    """Every series of strikes reported as one: start, end, place, who, deaths, sources."""
    data = data or isk.load()
    rows = [
        (
            f"`{s.id}`",
            date_text(s.start),
            date_text(s.end) if s.end else "not stated",
            s.place.name,
            perpetrators_text(s),
            tuple(t.name for t in s.targets),
            "; ".join(
                f"{v.value} {deaths_text(s, v)}"
                for v in isk.Victims
                if summarize(s, v, isk.Outcome.KILLED).known
            )
            or "no figures",
            _sources_cell(s),
        )
        for s in data.strikes
        if s.is_series
    ]
    header = ["id", "start", "end", "place", "by", "targets", "deaths (never summed)", "sources"]
    return table(header, rows)


def casualties_table(data: isk.Dataset | None = None) -> str:
    """Every single strike's figures by victims, each as the package words them."""
    data = data or isk.load()
    kinds = (
        ("all", isk.Victims.ALL, isk.Outcome.KILLED),
        ("civilians", isk.Victims.CIVILIANS, isk.Outcome.KILLED),
        ("militants", isk.Victims.MILITANTS, isk.Outcome.KILLED),
        ("commanders", isk.Victims.COMMANDERS, isk.Outcome.KILLED),
        ("wounded", isk.Victims.ALL, isk.Outcome.WOUNDED),
    )
    rows = []
    for s in data.strikes:
        if s.is_series:
            continue
        cells = [str(summarize(s, v, o)) for _, v, o in kinds]
        best = summarize(s, isk.Victims.ALL, isk.Outcome.KILLED).best
        rows.append((f"`{s.id}`", *cells, "" if best is None else str(best)))
    return table(["strike", *(k for k, _, _ in kinds), "best (all)"], rows)


def accounts_table(data: isk.Dataset | None = None) -> str:
    """Each single strike's accounts of its whole toll: who, where, what, on what basis."""
    data = data or isk.load()
    rows = [
        (
            f"`{s.id}`",
            a.who,
            _article([a.source.id]) if a.source else ", ".join(p.name for p in a.named),
            figure_text(a.low, a.high),
            a.basis.value,
        )
        for s in data.strikes
        if not s.is_series
        for a in summarize(s, isk.Victims.ALL, isk.Outcome.KILLED).accounts
    ]
    return table(["strike", "account", "source (or names)", "all killed", "basis"], rows)


def affiliations_table(group: str) -> str:
    """A group's affiliate links: since and until as the summary rule combines them."""
    from idlibstrikes._queries import _affiliate_links  # how strikes_by_group dates them

    rows = [
        (
            other.name,
            date_text(since) if since else "not stated",
            date_text(until) if until else "not stated",
            (until.reasoning if until else ""),
        )
        for other, since, until in _affiliate_links(isk.load().group(group))
    ]
    return table(["affiliate of", "since", "until", "how"], rows)


def developments_table(data: isk.Dataset | None = None) -> str:
    """Every development: kind, start, who, against whom, where, sources."""
    data = data or isk.load()
    rows = [
        (
            f"`{d.id}`",
            d.kind.value,
            date_text(d.start, wording=True),
            tuple(g.name for g in d.actors) or "not stated",
            tuple(g.name for g in d.affected) or "not stated",
            d.place.name if d.place else "",
            _article(src.id for src in d.sources),
        )
        for d in data.developments
    ]
    return table(["id", "kind", "start", "by", "against", "place", "sources"], rows)


def summaries_table(data: isk.Dataset | None = None) -> str:
    """The summary dates that differ from a single claim: how the rule combined them."""
    data = data or isk.load()
    found: list[tuple[str, str, isk.DateRange]] = []
    for s in data.strikes:
        for label, date in (
            ("date", s.date if not s.is_series else None),
            ("start", s.start),
            ("end", s.end),
        ):
            if date is not None:
                found.append((s.id, label, date))
    for g in data.groups:
        for label, date in (("founded", g.founded), ("ended", g.ended)):
            if date is not None:
                found.append((g.id, label, date))
    for c in data.ceasefires:
        found += [(c.id, "start", c.start)] + ([(c.id, "end", c.end)] if c.end else [])
    for a in data.announcements:
        if len(a.reports) > 1 or a.references:
            found.append((a.id, "date", a.date))
    rows = [
        (f"`{ident}`", label, date_text(date), date.reasoning)
        for ident, label, date in found
        if date.reasoning.startswith(("the days all", "disputed", "no source reports"))
    ]
    return table(["record", "date", "summary", "how"], rows)


def groups_table(data: isk.Dataset | None = None) -> str:
    """Every group: kind, aliases, affiliations, founding, strength and sources."""
    data = data or isk.load()
    # the affiliations, founding and end as the command line words them: each source's
    # period, and the reference facts beside the articles' values, labelled
    rows = [
        (
            r["name"],
            f"`{r['id']}`",
            r["kind"],
            r["aliases"],
            affiliation_items(g),
            founded_text(g),
            ended_text(g),
            _span(r["strength_low"], r["strength_high"]),
            _article(r["sources"]),
        )
        for g, r in zip(data.groups, data.to_records("groups"), strict=True)
    ]
    header = ["name", "id", "kind", "aliases", "affiliations", "founded", "ended", "strength"]
    header.append("sources")
    return table(header, rows)


def ceasefires_table(data: isk.Dataset | None = None) -> str:
    """Every ceasefire: kind, start and end, parties, brokers and sources."""
    data = data or isk.load()
    rows = [
        (
            r["name"],
            f"`{r['id']}`",
            r["kind"],
            _dates(r["start_earliest"], r["start_latest"]),
            _dates(r["end_earliest"], r["end_latest"]) or "not stated",
            r["status"],
            r["parties"],
            r["brokers"],
            _article(r["sources"]),
        )
        for r in data.to_records("ceasefires")
    ]
    header = ["name", "id", "kind", "start", "end", "status", "parties", "brokers", "sources"]
    return table(header, rows)


def sources_table(data: isk.Dataset | None = None, *, kind: str = "article") -> str:
    """The sources of one kind: outlet, publication date and how it was inferred."""
    data = data or isk.load()
    rows = [
        (
            f"`{r['id']}`",
            r["outlet"] or "not printed",
            _dates(r["published_earliest"], r["published_latest"]),
            r["published_text"],
            r["published_from"] or ("the article's text" if kind == "article" else ""),
        )
        for r in data.to_records("sources")
        if r["kind"] == kind
    ]
    return table(["id", "outlet", "published", "wording", "from"], rows)


def _listed(fact: isk.ReferenceFact) -> bool:
    """Whether a reference fact is a row of the reference lists (their pages, or the list)."""
    return fact.source.is_report or fact.source.id.startswith("list-")


def references_table(data: isk.Dataset | None = None) -> str:
    """Every reference fact of ``external-facts.md``, beside the record it is about.

    The reference lists' rows (hundreds) are on the coverage page, by event.
    """
    data = data or isk.load()
    rows = sorted(
        (
            f"`{f.subject}`",
            f.field,
            f.value,
            "" if f.date is None else str(f.date),
            f.graded,
            "yes" if f.corrects else "",
            f.source.id,
        )
        for f in data.references
        if not _listed(f)
    )
    header = ["about", "field", "value", "date", "confidence", "corrects the article"]
    return table([*header, "reference"], rows)


# --- the coverage page ---------------------------------------------------------------------


def _provenance(strike: isk.Strike) -> str:
    """The kind of provenance a strike counts under, on the coverage page."""
    return "reference lists" if strike.confidence is not None else "articles"


def _tally(
    data: isk.Dataset, keys: Callable[[isk.Strike], Iterable[Any]]
) -> dict[Any, Counter[str]]:
    """Single strikes counted under each of their ``keys``, by kind of provenance."""
    tally: dict[Any, Counter[str]] = {}
    for s in data.strikes:
        if s.is_series:
            continue
        for key in keys(s):
            row = tally.setdefault(key, Counter())
            row[_provenance(s)] += 1
            row["disputed"] += s.perpetrator_disputed
    return tally


def coverage_by_year(data: isk.Dataset | None = None) -> str:
    """Single strikes per year (of their earliest possible day), by kind of provenance."""
    years = _tally(data or isk.load(), lambda s: (s.date.earliest.year,))
    rows = [
        (
            year,
            years.get(year, Counter())["articles"] or "",
            years.get(year, Counter())["reference lists"] or "",
            years.get(year, Counter())["disputed"] or "",
            "none found" if year not in years else "",
        )
        for year in range(2014, 2027)
    ]
    header = ["year", "from the articles", "from the reference lists", "who struck disputed"]
    return table([*header, "note"], rows)


def coverage_by_group(data: isk.Dataset | None = None) -> str:
    """Single strikes per target group the sources name, by kind of provenance."""
    groups = _tally(data or isk.load(), lambda s: {t.name for t in s.targets})
    rows = sorted(
        ((g, n["articles"] or "", n["reference lists"] or "") for g, n in groups.items()),
        key=lambda r: (-(int(r[1] or 0) + int(r[2] or 0)), r[0]),
    )
    return table(["target group", "from the articles", "from the reference lists"], rows)


def listed_events(data: isk.Dataset | None = None) -> str:
    """The reference lists' events: id, date, place, confidence, dispute, deaths, record."""
    data = data or isk.load()
    order = {f"R{n:02d}": n for n in range(1, 100)} | {"RC1": 101, "RC2": 102}
    rows = [
        (
            s.listed,
            strike_date_text(s),
            s.place.name,
            perpetrators_text(s),
            ", ".join(t.name for t in s.targets),
            deaths_text(s),
            s.confidence.value if s.confidence else "",
            ", ".join(s.may_be_same),
            f"`{s.id}`",
        )
        for s in sorted(
            (s for s in data.strikes if s.listed and not s.is_series),
            key=lambda s: order.get(s.listed, 200),
        )
    ]
    header = ["list", "date", "place", "by", "targets", "deaths", "confidence", "may be"]
    return table([*header, "id"], rows)


def list_facts(subject: str, field: str, data: isk.Dataset | None = None) -> str:
    """The reference lists' facts about ``subject`` (a list) with ``field``, as worded."""
    data = data or isk.load()
    rows = [
        ("" if f.date is None else str(f.date), f.value, f.graded, f.id)
        for f in data.references_for(subject)
        if f.field == field
    ]
    return table(["period", "as the list words it", "confidence", "id"], rows)


def counts(data: isk.Dataset | None = None) -> str:
    """One sentence with the number of records of each kind."""
    data = data or isk.load()
    events = sum(s.scope is isk.Scope.EVENT for s in data.strikes)
    articles = sum(s.kind is isk.SourceKind.ARTICLE for s in data.sources)
    claims = sum(len(s.claims) for s in data.strikes)
    return (
        f"{len(data.strikes)} strikes ({events} single events, "
        f"{len(data.strikes) - events} series reported as one), {len(data.groups)} groups, "
        f"{len(data.people)} people, {len(data.places)} places, "
        f"{len(data.ceasefires)} ceasefires and agreements, "
        f"{len(data.developments)} other developments, {claims} casualty claims, "
        f"{len(data.references)} reference facts; {articles} articles and "
        f"{len(data.sources) - articles} references."
    )


# --- the codebook ------------------------------------------------------------------------

_ENTRY = re.compile(r"^(\w+)(?: \(.*?\))?: (.*)$")


def _attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style docstring, by field name."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    found: dict[str, str] = {}
    inside, name = False, ""
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            inside = True
            continue
        if inside:
            if line and not line.startswith(" "):
                break  # the next section
            match = _ENTRY.match(line.strip()) if line.startswith("    ") else None
            if match and not line.startswith("     "):
                name = match.group(1)
                found[name] = match.group(2)
            elif line.strip() and name:
                found[name] += " " + line.strip()
    return found


def _roles(text: str) -> str:
    """Sphinx roles (``:attr:`x```) as code spans."""
    return re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text).replace("``", "`")


def fields_table(cls: type) -> str:
    """The fields of an attrs record: name, type, required or default, meaning."""
    docs = _attribute_docs(cls)
    rows = []
    for field in attrs.fields(cls):
        if field.default is attrs.NOTHING:
            default = "required"
        elif isinstance(field.default, Enum):
            default = f"`{field.default.value}`"
        else:
            default = f"`{field.default!r}`"
        kind = str(field.type).replace("|", "or")
        rows.append((f"`{field.name}`", f"`{kind}`", default, _roles(docs.get(field.name, ""))))
    missing = [f.name for f in attrs.fields(cls) if f.name not in docs]
    if missing:
        raise RuntimeError(f"{cls.__name__}: fields without a description: {missing}")
    return table(["field", "type", "default", "meaning"], rows)


def vocabulary(enum: type[Enum]) -> str:
    """The words of a closed vocabulary, inline."""
    return ", ".join(f"`{member.value}`" for member in enum)


def columns_table(kind: str) -> str:
    """The columns of one table (``isk.columns(kind)``): name, type, meaning."""
    rows = [
        (
            f"`{c.name}`",
            c.type + (" (several)" if c.multiple else ""),
            "yes" if c.required else "",
            _roles(c.description),
        )
        for c in isk.columns(kind)
    ]
    return table(["column", "type", "always filled", "meaning"], rows)


def wrapped(text: str, width: int = 70) -> str:
    """Text with each long line wrapped for a page, its continuation indented."""
    import textwrap

    lines = []
    for line in text.splitlines():
        indent = " " * (len(line) - len(line.lstrip()) + 4)
        lines.append(textwrap.fill(line, width, subsequent_indent=indent, break_on_hyphens=False))
    return "\n".join(lines)


def lossless_table(name: str) -> str:
    """The columns of one lossless table (``isk.fields(name)``): name, type, meaning."""
    rows = []
    for f in isk.fields(name):
        kind = f.type + (" (derived)" if f.derived else "")
        if f.vocabulary:
            kind += ": " + ", ".join(f"`{w}`" for w in f.vocabulary)
        rows.append((f"`{f.name}`", kind, "yes" if f.required else "", _roles(f.description)))
    return table(["column", "type", "always filled", "meaning"], rows)


# --- figures -----------------------------------------------------------------------------


def figure(
    name: str,
    data: isk.Dataset | None = None,
    *,
    provenance: str | None = None,
    title: str | None = None,
) -> str:
    """A figure (``"timeline"`` or ``"map"``) as inline SVG, in a box that keeps it legible.

    ``provenance``: only the strikes the articles report (``"articles"``) or only those the
    reference lists alone document (``"reference lists"``).
    """
    data = data or isk.load()
    draw = {"timeline": isk.timeline, "map": isk.map}[name]
    chosen: Any = data
    if provenance is not None:
        # a result of the dataset: its places' points stand for districts and governorates
        chosen = isk.Strikes(
            [s for s in data.strikes if _provenance(s) == provenance], dataset=data
        )
    fig = draw(chosen, title=title) if title is not None else draw(chosen)
    svg = _svg(fig)
    return _framed(svg, svg)


#: The smallest size (CSS px) a figure's text is shown at. A figure is as wide as its column
#: (at most its natural size), but never narrower than its smallest text allows: there it
#: keeps that width and scrolls sideways in its box (``.isk-figure`` in extra.css). CI's
#: browser check measures the text of every figure at 1280 and 390 px (at least 9 px).
LEGIBLE_PX = 9.5


def _svg(fig: Any) -> str:
    """A figure as SVG with its text as text (measurable, and searchable on the page)."""
    import matplotlib as mpl

    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "idlibstrikes"}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _framed(svg: str, shown: str) -> str:
    """``shown`` (``svg`` itself, or an image of it) in a figure box that keeps it legible.

    The box gets the figure's natural width and the width at which its smallest text is
    `LEGIBLE_PX` (matplotlib's SVG is in points: its width and its font sizes alike).
    """
    width = re.search(r'<svg[^>]*?\swidth="([0-9.]+)pt"', svg)
    sizes = [float(size) for size in re.findall(r"font-size: ([0-9.]+)px", svg)]
    if width is None or not sizes:
        raise ValueError("a figure's SVG without a width in pt or text: cannot size it")
    natural = float(width[1]) * 96 / 72  # CSS px
    legible = natural * LEGIBLE_PX / (min(sizes) * 96 / 72)
    style = f"--isk-natural: {natural:.0f}px; --isk-legible: {math.ceil(legible)}px"
    return f'<figure class="isk-figure" style="{style}">{shown}</figure>'
