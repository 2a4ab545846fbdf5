"""Run the documented set-up commands: the README's in full, the others as far as they differ.

CI runs this instead of keeping its own copies of the documented commands, so a command that
stops working fails CI, and a command changed in the docs is the command CI runs. The test
suite runs once, in the environment the README's test command makes; every other documented
command is installed, imported and smoke-run where it only repeats what has run in full.

The rule that finds them (stdlib only, run with any ``python3`` 3.11 or newer):

* Files: ``README.md`` and every ``docs/**/*.md``.
* Blocks: fenced code blocks whose language is ``sh``, ``bash`` or ``shell`` (``console``
  blocks are transcripts, tested elsewhere).
* A **set-up command** starts at a block line that begins with

  - ``python3 -m venv``: it makes its own virtual environment, and the lines right after it that
    run that environment's pip (``.venv/bin/python -m pip ...`` or ``.venv/bin/pip ...``) are
    part of it; or
  - ``python -m pip install``, ``python3 -m pip install`` or ``pip install`` (a *bare* pip
    install: it installs into the environment that is active).

* In the text outside code blocks, an inline code span that is a whole ``pip install`` command
  (``python -m pip install``, ``python3 -m pip install`` or ``pip install``, followed by what to
  install, not by an option: `` `pip install '.[pandas]'` `` but not `` `pip install --target` ``)
  is a bare set-up command too.
* The block's other lines after it, up to the next set-up command, are what the docs say to do
  with what it installed (its *usage* lines). Blank lines and comment lines are not commands; a
  line ending in a backslash goes on on the next. Commands whose lines are all identical are
  one command (every place they are documented is listed).

What a command installs is read from its pip install lines and ``pyproject.toml``: the project
(``.``, ``-e .``, ``'.[extra,...]'``), its extras, dependency groups (``--group NAME``) and any
other requirement named (pip itself aside). An extra or a group that ``pyproject.toml`` does not
declare fails the run before anything runs (pip only warns about an unknown extra), and so
does a ``--group`` before the command upgrades pip (``pip install -U pip``): a fresh venv's pip
is too old for ``--group``, and a command run as far as it differs finds pip upgraded already.

How each is run. Every line runs with ``bash -o pipefail -c LINE`` from the root of a copy of
the checkout: the files git tracks or would track (``git ls-files -co --exclude-standard``; no
virtual environments, built sites or caches), with ``../shared`` beside it linked to the one
beside this checkout, where there is one, as in CI. A block's lines must not rely on shell state
from an earlier line (``cd``, ``source``).

* **In full, as written**: the set-up commands in README.md that make their own ``.venv`` (the
  main job, the tests, the site build), each in a fresh copy of its own: every line as written,
  with a new ``.venv``. The suite runs here, once, in the environment the README's test command
  makes; the site is built here with the docs group alone.
* **As far as it differs**: every other set-up command (those in docs/, and the README's bare
  pip installs) is run in one copy, one after another in the order documented, on top of the
  environment of a README command run in full: the largest (most distributions installed)
  other than the one that runs the suite, after its own lines (today the site build's: so the
  docs group, which the contributing set-up installs for ``mkdocs serve``, is installed once).
  Its set-up lines run as written: ``python3 -m venv .venv`` keeps the packages already in
  ``.venv``, pip installs only what is missing, and a bare pip install runs with that ``.venv``
  activated (its ``bin`` first on ``PATH``). So each environment is built once and a command
  installs only what it adds. Then:

  - **import**: the environment's ``python .ci/setup_commands.py --imports NAME...`` imports the
    project (where the command installs it) and every distribution its install lines name,
    directly or through an extra or a group: each one's module of the same name or, where it
    has none, every top-level module it installs (one with none, stubs only, is listed);
  - its usage lines run as written, except that a line containing a key of :data:`SMOKE` is
    **smoke-run**: that key's arguments are added at the end of the line's command (before
    any ``#`` comment), for the reason given there; and a line containing a key of
    :data:`NOT_RUN` is not run (listed as skipped), for the reason given.

  Without such an environment (or with ``--only``, when it leaves that command out) they run
  the same way in a fresh copy of their own, and CI makes ``.venv`` there for a bare pip
  install first.

The copies run side by side, ``--jobs`` at a time (2 by default where there are 2 or more
CPUs), the one that runs the suite, the longest, first. Each copy's output is printed when it
ends (as it comes with ``--jobs 1``).

What CI must run (:data:`REQUIRED`: the tests, lint, types and the strict site build) must be in
a line that runs as written (not smoke-run, not skipped); if the docs stop showing one, the run
fails before anything runs, as it does if no set-up command is found.

A failing line is reported with its file and line number, the rest of its command is not run,
and the run goes on to the other commands; the exit status is 1 if any line failed.
``--site-out DIR`` copies the ``site/`` that a command built (``mkdocs build``) to ``DIR``, for
the browser check, and fails if none did; ``--site-check CMD`` then runs CI's browser check
there and then, from the root of this checkout, while the other copies go on, and fails the run
if it fails (or never runs). Timings of every line and copy are printed at the end and written
to ``WORK/commands.json``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]

#: Block languages whose lines are shell commands.
SHELL_LANGUAGES = frozenset({"sh", "bash", "shell"})

#: A documented line that contains one of these is not run, for the reason given.
NOT_RUN: dict[str, str] = {
    "mkdocs serve": "a development server: it never exits",
    "benchmarks/run.py --write": "the full benchmark run: 10-20 minutes, and it rewrites a page",
}

#: In a command run as far as it differs, a usage line that contains a key here is smoke-run:
#: the arguments given are added at the end of its command, for the reason given.
SMOKE: dict[str, tuple[str, str]] = {
    "-m pytest": (
        "--collect-only -q",
        "the suite runs in full once, in the README's test environment: here its tests and"
        " doctests are collected, so every module they import is imported",
    ),
    "benchmarks/run.py": (
        "--sizes 1000 --repeat 1 --load-rounds 1 --query-rounds 1 --startup-repeat 0",
        "timings nobody reads in CI: one small size, once (the tools must still agree)",
    ),
}

#: What CI must run, so some documented line run as written must: the tests, lint, types and
#: the site.
REQUIRED = (
    "-m pytest",
    "ruff check",
    "ruff format --check",
    "mypy --strict",
    "mkdocs build --strict",
)

VENV_START = re.compile(r"python3 -m venv\s")
VENV_PIP = re.compile(r"\.venv/bin/(python -m pip|pip)\s")
BARE_PIP = re.compile(r"(python3? -m pip|pip3?) install\s")
INLINE_PIP = re.compile(r"`((?:python3? -m pip|pip3?) install\s+[^-`\s][^`]*)`")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)")
REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
#: pip install options that take a value (the value is not something to install)
PIP_VALUE_OPTIONS = frozenset(
    {"-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links"}
    | {"-t", "--target", "--prefix", "--root", "--python-version", "--platform", "--src"}
    | {"--no-binary", "--only-binary", "--progress-bar", "--report", "--log", "--cache-dir"}
    | {"-r", "--requirement"}
)
SHELL_OPERATORS = frozenset({"&&", "||", ";", "|", "&", ";;"})
GROUP_BEFORE_PIP = (
    "pip install --group before pip is upgraded (pip install -U pip): a fresh venv's pip is too"
    " old for --group"
)


@dataclass(frozen=True)
class Line:
    """One command line of a block, where it is documented."""

    path: str
    number: int
    text: str

    @property
    def where(self) -> str:
        """``file:line`` (``path`` alone for a line the rule adds: number 0)."""
        return f"{self.path}:{self.number}" if self.number else self.path


@dataclass
class Command:
    """A documented set-up command and the lines the same block runs with what it installed."""

    kind: str  # "venv": makes its own .venv; "pip": a bare pip install
    setup: list[Line]
    usage: list[Line] = field(default_factory=list)
    skipped: list[tuple[Line, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, ...]:
        """What makes two commands the same: their kind and the text of every line run."""
        return (self.kind, *(line.text for line in self.setup + self.usage))

    @property
    def where(self) -> str:
        """Where the set-up command starts."""
        return self.setup[0].where

    @property
    def in_full(self) -> bool:
        """A README command that makes its own .venv: run in full, in a copy of its own."""
        return self.kind == "venv" and self.setup[0].path == "README.md"


def shell_blocks(path: Path, text: str) -> list[list[Line]]:
    """The command lines of each shell block in a Markdown file, with their line numbers.

    Each inline ``pip install`` command in the text outside code blocks is a block of its own.
    """
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()
    blocks: list[list[Line]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        i += 1
        if not opening:
            blocks += [[Line(rel, i, span)] for span in INLINE_PIP.findall(lines[i - 1])]
            continue
        indent, fence, lang = opening["indent"], opening["fence"], opening["lang"].lower()
        block: list[Line] = []
        pending: Line | None = None
        while i < len(lines) and not lines[i].strip().startswith(fence):
            raw = lines[i]
            stripped = raw[len(indent) :] if raw.startswith(indent) else raw.lstrip()
            number = i + 1
            i += 1
            if lang not in SHELL_LANGUAGES:
                continue
            if pending is not None:  # a continued line: join it
                joined = pending.text[:-1].rstrip() + " " + stripped.strip()
                pending = Line(rel, pending.number, joined)
            else:
                if not stripped.strip() or stripped.lstrip().startswith("#"):
                    continue
                pending = Line(rel, number, stripped.rstrip())
            if not pending.text.endswith("\\"):
                block.append(pending)
                pending = None
        i += 1  # the closing fence
        if pending is not None:
            block.append(pending)
        if block:
            blocks.append(block)
    return blocks


def commands_in(path: Path, text: str) -> list[Command]:
    """The set-up commands of one Markdown file, by the rule in the module docstring."""
    found: list[Command] = []
    for block in shell_blocks(path, text):
        current: Command | None = None
        for line in block:
            if VENV_START.match(line.text):
                current = Command("venv", [line])
                found.append(current)
            elif BARE_PIP.match(line.text):
                current = Command("pip", [line])
                found.append(current)
            elif current is None:
                continue  # a block's lines before any set-up command are not set-up
            elif current.kind == "venv" and not current.usage and VENV_PIP.match(line.text):
                current.setup.append(line)
            else:
                reason = next((why for what, why in NOT_RUN.items() if what in line.text), None)
                if reason is None:
                    current.usage.append(line)
                else:
                    current.skipped.append((line, reason))
    return found


def documented_files(root: Path | None = None) -> list[Path]:
    """README.md and every Markdown file under docs/."""
    root = ROOT if root is None else root
    return [root / "README.md", *sorted((root / "docs").rglob("*.md"))]


def find_commands(files: list[Path]) -> list[Command]:
    """Every distinct set-up command in ``files``, in the order first documented."""
    distinct: dict[tuple[str, ...], Command] = {}
    for path in files:
        for command in commands_in(path, path.read_text(encoding="utf-8")):
            first = distinct.setdefault(command.key, command)
            first.places.append(command.where)
    return list(distinct.values())


# -- what a command installs -------------------------------------------------------------------


def normalize(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    """The distribution a requirement string names (``dask[dataframe]>=1`` -> ``dask``)."""
    found = REQUIREMENT.match(requirement)
    if found is None:
        raise ValueError(f"not a requirement: {requirement!r}")
    return found[1]


@dataclass(frozen=True)
class Project:
    """What ``pyproject.toml`` declares: the name, dependencies, extras and dependency groups."""

    name: str
    dependencies: tuple[str, ...] = ()
    extras: dict[str, tuple[str, ...]] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Project:
        """The project ``path`` (a ``pyproject.toml``) declares: distribution names only."""
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        project = data.get("project", {})
        raw_groups: dict[str, list[str | dict[str, str]]] = data.get("dependency-groups", {})

        def group(name: str, seen: tuple[str, ...] = ()) -> tuple[str, ...]:
            names: list[str] = []
            for item in raw_groups.get(name, []):
                if isinstance(item, dict):  # {include-group = "other"}
                    other = item.get("include-group", "")
                    if other not in seen:
                        names += group(other, (*seen, name))
                else:
                    names.append(requirement_name(item))
            return tuple(names)

        return cls(
            name=project.get("name", ""),
            dependencies=tuple(requirement_name(r) for r in project.get("dependencies", [])),
            extras={
                extra: tuple(requirement_name(r) for r in requirements)
                for extra, requirements in project.get("optional-dependencies", {}).items()
            },
            groups={name: group(name) for name in raw_groups},
        )


@dataclass
class Install:
    """What the pip install lines of a command install."""

    project: bool = False  # the project itself, from the checkout
    editable: bool = False
    extras: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # other requirements named, pip aside
    group_before_pip: bool = False  # a --group before any pip install -U pip

    def distributions(self, project: Project) -> list[str]:
        """The distributions named, directly or through an extra or a group, in order."""
        names = [project.name] if self.project and project.name else []
        for extra in self.extras:
            names += project.extras.get(extra, ())
        for group in self.groups:
            names += project.groups.get(group, ())
        names += self.others
        return list(dict.fromkeys(names))

    def problems(self, project: Project) -> list[str]:
        """Each extra and group named that ``pyproject.toml`` does not declare; a late pip."""
        found = [
            f"no extra {extra!r} in pyproject.toml (it has {', '.join(sorted(project.extras))})"
            for extra in self.extras
            if extra not in project.extras
        ]
        found += [
            f"no dependency group {group!r} in pyproject.toml"
            f" (it has {', '.join(sorted(project.groups))})"
            for group in self.groups
            if group not in project.groups
        ]
        if self.group_before_pip:
            found.append(GROUP_BEFORE_PIP)
        return found


def shell_words(text: str) -> list[str]:
    """A shell line's words, with ``&&``, ``|`` and ``;`` as words of their own; no comment."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    return list(lexer)


def installs(lines: list[Line]) -> Install:
    """What the ``pip install`` commands in ``lines`` install."""
    found = Install()
    pip_upgraded = False
    for line in lines:
        words = shell_words(line.text)
        for start, word in enumerate(words):
            before = words[start - 1] if start else ""
            if word != "install" or before.rpartition("/")[2] not in ("pip", "pip3"):
                continue
            args = words[start + 1 :]
            groups, upgrade, names_pip = len(found.groups), False, False
            i = 0
            while i < len(args) and args[i] not in SHELL_OPERATORS:
                arg = args[i]
                i += 1
                if arg in ("-e", "--editable"):
                    found.editable = True
                    continue  # what it names is read next
                if arg.startswith("--group="):
                    found.groups.append(arg.partition("=")[2])
                    continue
                if arg == "--group":
                    found.groups.append(args[i] if i < len(args) else "")
                    i += 1
                    continue
                if arg in PIP_VALUE_OPTIONS:
                    i += 1
                    continue
                if arg.startswith("-"):
                    upgrade = upgrade or arg in ("-U", "--upgrade")
                    continue
                if arg == "." or arg.startswith((".[", "./")):
                    found.project = True
                    extras = arg.partition("[")[2].rstrip("]")
                    found.extras += [e.strip() for e in extras.split(",") if e.strip()]
                elif normalize(requirement_name(arg)) != "pip":
                    found.others.append(requirement_name(arg))
                else:
                    names_pip = True
            if len(found.groups) > groups and not pip_upgraded:
                found.group_before_pip = True
            pip_upgraded = pip_upgraded or (upgrade and names_pip)
    return found


# -- the imports check (run with the python of the environment checked) -------------------------


def check_imports(names: list[str]) -> list[str]:
    """Import each distribution in ``names``: its module of the same name, else its modules.

    Returns the problems (a distribution not installed, a module that fails to import); what
    it imported is printed.
    """
    owners: dict[str, list[str]] = {}
    for module, distributions in importlib.metadata.packages_distributions().items():
        for distribution in distributions:
            owners.setdefault(normalize(distribution), []).append(module)
    problems: list[str] = []
    for name in names:
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{name}: named by the install but not installed")
            continue
        same = name.replace("-", "_").replace(".", "_")
        modules = owners.get(normalize(name), [])
        if same.isidentifier() and (same in modules or importlib.util.find_spec(same)):
            chosen = [same]
        else:
            chosen = sorted({m for m in modules if m.isidentifier() and not m.startswith("_")})
        if not chosen:
            print(f"   {name}: no module to import (stubs or data only)", flush=True)
        for module in chosen:
            try:
                importlib.import_module(module)
            except Exception as error:  # any failure to import is the finding
                problems.append(f"{name}: import {module} failed: {error!r}")
            else:
                print(f"   {name}: import {module} ok", flush=True)
    return problems


# -- the plan ----------------------------------------------------------------------------------


def split_comment(text: str) -> tuple[str, str]:
    """A shell line's command and its ``#`` comment (a ``#`` starting a word, not quoted)."""
    quote = ""
    escaped = False
    for i, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or text[i - 1].isspace()):
            return text[:i].rstrip(), text[i:]
    return text.rstrip(), ""


@dataclass(frozen=True)
class Step:
    """A line as CI runs it: as written, smoke-run, or one the rule adds (the imports check)."""

    line: Line  # where it is documented (number 0: a line the rule adds)
    text: str  # what runs
    how: str  # "as written", "smoke" or "imports"
    why: str = ""

    @property
    def as_written(self) -> bool:
        """The documented line, run as it is written."""
        return self.how == "as written"


@dataclass
class Planned:
    """A command, and how it runs: its steps, in full or as far as it differs."""

    command: Command
    full: bool
    steps: list[Step] = field(default_factory=list)
    on_top_of: Command | None = None  # the command in whose copy and .venv it runs
    installs: list[str] = field(default_factory=list)


@dataclass
class Job:
    """A fresh copy of the checkout and the commands run in it, one after another."""

    name: str
    planned: list[Planned]

    @property
    def runs_suite(self) -> bool:
        """A line of it runs the test suite as written."""
        return any(
            "-m pytest" in step.text and step.as_written for p in self.planned for step in p.steps
        )


def plan_command(command: Command, full: bool, project: Project) -> Planned:
    """The steps of one command: all as written in full; else installs, imports and smoke."""
    planned = Planned(command, full)
    planned.steps = [Step(line, line.text, "as written") for line in command.setup]
    install = installs(command.setup)
    planned.installs = install.distributions(project)
    if full:
        planned.steps += [Step(line, line.text, "as written") for line in command.usage]
        return planned
    if planned.installs:
        python = ".venv/bin/python" if command.kind == "venv" else "python"
        check = f"{python} .ci/setup_commands.py --imports {' '.join(planned.installs)}"
        planned.steps.append(Step(Line(f"(after {command.where})", 0, check), check, "imports"))
    for line in command.usage:
        smoke = next(((key, *what) for key, what in SMOKE.items() if key in line.text), None)
        if smoke is None:
            planned.steps.append(Step(line, line.text, "as written"))
        else:
            _, args, why = smoke
            text = f"{split_comment(line.text)[0]} {args}"
            planned.steps.append(Step(line, text, "smoke", why))
    return planned


def plan(commands: list[Command], project: Project) -> list[Job]:
    """The copies to make and what runs in each, by the rule in the module docstring."""
    full = [plan_command(c, True, project) for c in commands if c.in_full]
    rest = [plan_command(c, False, project) for c in commands if not c.in_full]
    jobs = [
        Job(f"{p.command.setup[0].path.replace('/', '-')}-{p.command.setup[0].number}", [p])
        for p in full
    ]
    if rest:
        hosts = [j for j in jobs if not j.runs_suite]
        host = max(hosts, key=lambda j: len(j.planned[0].installs), default=None)
        if host is None:
            host = Job("as-far-as-they-differ", [])
            jobs.append(host)
        for planned in rest:
            planned.on_top_of = host.planned[0].command if host.planned else None
        host.planned += rest
    # the copy that runs the suite first: it takes the longest
    return sorted(jobs, key=lambda j: not j.runs_suite)


def problems_of(commands: list[Command], jobs: list[Job], project: Project) -> list[str]:
    """What makes the run fail before anything runs: unknown extras or groups, lost checks."""
    found = [
        f"{c.where}: {problem}" for c in commands for problem in installs(c.setup).problems(project)
    ]
    written = [s.text for job in jobs for p in job.planned for s in p.steps if s.as_written]
    lost = [step for step in REQUIRED if not any(step in text for text in written)]
    if lost:
        found.append(
            f"no documented set-up command runs {', '.join(lost)} as written (CI would skip it)"
        )
    return found


# -- running -----------------------------------------------------------------------------------


class Log:
    """Where a copy's output goes: stdout as it comes, or a file printed when the copy ends."""

    _print = threading.Lock()

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.file: IO[str] | None = None if path is None else path.open("w", encoding="utf-8")

    def say(self, text: str) -> None:
        """Print now (to the file, in order with the commands' output)."""
        print(text, file=self.file or sys.stdout, flush=True)

    def close(self) -> None:
        """Print what the file holds, in one piece."""
        if self.file is None or self.path is None:
            return
        self.file.close()
        self.file = None
        with Log._print:
            sys.stdout.write(self.path.read_text(encoding="utf-8", errors="replace"))
            sys.stdout.flush()

    @classmethod
    def now(cls, text: str) -> None:
        """Print a line at once, between copies' output."""
        with cls._print:
            print(text, flush=True)


def copy_checkout(source: Path, dest: Path, skip: Path) -> int:
    """Copy the files git tracks or would track from ``source`` to ``dest``; return how many."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "-co", "--exclude-standard"],
        cwd=source,
        check=True,
        capture_output=True,
    ).stdout.decode()
    count = 0
    for name in filter(None, listed.split("\0")):
        path = source / name
        if not path.is_file() or path.resolve().is_relative_to(skip):
            continue  # deleted in the work tree, or inside the work folder
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        count += 1
    return count


def run_line(step: Step, cwd: Path, env: dict[str, str], log: Log) -> tuple[int, float]:
    """Run one line; return its exit status and seconds taken."""
    shown = step.line.text if step.as_written else f"{step.text}   ({step.how})"
    log.say(f"-- {step.line.where}  $ {shown}")
    if step.how == "smoke":
        log.say(f"   smoke-run: {step.why}")
    start = time.monotonic()
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", step.text],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log.file,
        stderr=subprocess.STDOUT if log.file else None,
        check=False,
    )
    return done.returncode, time.monotonic() - start


@dataclass
class Outcome:
    """How one command's run went: each line run, with its exit status and time."""

    planned: Planned
    job: str
    lines: list[tuple[Step, int, float]] = field(default_factory=list)
    built_site: bool = False

    @property
    def ok(self) -> bool:
        """Every line run exited 0."""
        return all(status == 0 for _, status, _ in self.lines)

    @property
    def seconds(self) -> float:
        """The time of all its lines."""
        return sum(seconds for _, _, seconds in self.lines)


class SiteOut:
    """Where the first site built is copied (once), and the check then run on it."""

    def __init__(self, dest: Path | None, check: str | None = None) -> None:
        self.dest = dest
        self.check = check
        self.handed = False
        self.checked: tuple[int, float] | None = None  # the check's exit status and seconds
        self._lock = threading.Lock()

    def take(self, checkout: Path, log: Log) -> bool:
        """Copy ``checkout``'s site/ if it built one and none was copied yet; check it."""
        if self.dest is None or not (checkout / "site" / "index.html").is_file():
            return False
        with self._lock:
            if self.handed:
                return False
            shutil.rmtree(self.dest, ignore_errors=True)
            shutil.copytree(checkout / "site", self.dest)
            self.handed = True
        log.say(f"   the site it built is copied to {self.dest}")
        if self.check:  # CI's own step, from the root of this checkout, not from the docs
            step = Step(Line("the site check (--site-check)", 0, self.check), self.check, "site")
            self.checked = run_line(step, ROOT, dict(os.environ), log)
            status, seconds = self.checked
            log.say(f"   the site check {'FAILED' if status else 'ok'} in {seconds:.1f} s")
        return True


def run_planned(planned: Planned, checkout: Path, job: str, site: SiteOut, log: Log) -> Outcome:
    """Run one command's steps in ``checkout``, stopping at the first that fails."""
    command = planned.command
    how = "in full, as written" if planned.full else "as far as it differs"
    on_top = f", on top of {planned.on_top_of.where}'s .venv" if planned.on_top_of else ""
    log.say(f"\n== {command.where}: {how}{on_top}")
    for other in command.places[1:]:
        log.say(f"   (also documented at {other}: run once)")
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONHOME"}}
    outcome = Outcome(planned, job)
    if command.kind == "pip":
        venv = checkout / ".venv"
        if not (venv / "bin" / "python").exists():
            log.say(f"   no .venv here: a fresh virtual environment for it: {venv}")
            subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
        env["VIRTUAL_ENV"] = str(venv)
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        log.say(f"   with {venv} activated")
    for step in planned.steps:
        status, seconds = run_line(step, checkout, env, log)
        outcome.lines.append((step, status, seconds))
        if status != 0:
            log.say(f"FAILED: {step.line.where} exited {status} after {seconds:.1f} s: {step.text}")
            break
        log.say(f"   ok in {seconds:.1f} s")
    for line, reason in command.skipped:
        log.say(f"   not run: {line.where}  $ {line.text}  ({reason})")
    if outcome.ok:
        outcome.built_site = site.take(checkout, log)
    return outcome


@contextmanager
def job_log(place: Path, capture: bool) -> Iterator[Log]:
    """The log of one copy: captured in ``place/log.txt`` (printed at the end) or streamed."""
    log = Log(place / "log.txt" if capture else None)
    try:
        yield log
    finally:
        log.close()


def run_job(job: Job, place: Path, site: SiteOut, capture: bool, keep: bool) -> list[Outcome]:
    """Make a fresh copy of the checkout at ``place`` and run the job's commands in it."""
    checkout = place / "checkout"
    files = copy_checkout(ROOT, checkout, place.parent)
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        (place / "shared").symlink_to(shared.resolve(), target_is_directory=True)
    Log.now(f"== started: {place.name} ({', '.join(p.command.where for p in job.planned)})")
    start = time.monotonic()
    outcomes: list[Outcome] = []
    with job_log(place, capture) as log:
        log.say(f"\n==== {place.name}: a fresh copy of the checkout ({files} files) in {checkout}")
        for planned in job.planned:
            outcomes.append(run_planned(planned, checkout, place.name, site, log))
        ok = all(o.ok for o in outcomes)
        log.say(
            f"==== {place.name}: {'ok' if ok else 'FAILED'} in {time.monotonic() - start:.0f} s"
        )
    if ok and not keep:
        shutil.rmtree(place, ignore_errors=True)
    return outcomes


def describe(jobs: list[Job]) -> None:
    """Print the plan: each copy, its commands, and how each line runs."""
    for number, job in enumerate(jobs, 1):
        print(f"copy {number}: {job.name}")
        for planned in job.planned:
            command = planned.command
            how = "in full, as written" if planned.full else "as far as it differs"
            print(f"  {', '.join(command.places)} ({command.kind}): {how}")
            for step in planned.steps:
                print(f"      $ {step.text}" + ("" if step.as_written else f"   ({step.how})"))
            for line, reason in command.skipped:
                print(f"      not run: $ {line.text}  ({reason})")


def main(argv: list[str] | None = None) -> int:
    """Find the documented set-up commands, plan and run them."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--work", type=Path, default=ROOT / ".ci-commands", help="copies here")
    parser.add_argument("--site-out", type=Path, help="copy the site a command built here")
    parser.add_argument(
        "--site-check", metavar="CMD", help="then run this (from the checkout root) on it"
    )
    parser.add_argument("--list", action="store_true", help="print the plan; run nothing")
    parser.add_argument("--only", help="run only commands documented at a place containing this")
    parser.add_argument("--keep", action="store_true", help="keep each copy (venvs included)")
    parser.add_argument(
        "--jobs", type=int, default=min(2, os.cpu_count() or 1), help="copies run side by side"
    )
    parser.add_argument("--imports", nargs="+", metavar="NAME", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.imports:  # run with the python of the environment checked
        problems = check_imports(args.imports)
        for problem in problems:
            print(f"FAILED: {problem}", flush=True)
        return 1 if problems else 0

    commands = find_commands(documented_files())
    if not commands:
        print("FAILED: no set-up command found in README.md or docs/ (has the rule broken?)")
        return 1
    project = Project.read(ROOT / "pyproject.toml")
    jobs = plan(commands, project)
    problems = problems_of(commands, jobs, project)
    print(f"{len(commands)} distinct documented set-up commands, in {len(jobs)} copies:")
    describe(jobs)
    for problem in problems:
        print(f"FAILED: {problem}")
    if problems:
        return 1
    if args.list:
        return 0
    if args.only:
        jobs = plan([c for c in commands if any(args.only in p for p in c.places)], project)
        print(f"\nonly those documented at a place containing {args.only!r}:")
        describe(jobs)

    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    site = SiteOut(args.site_out.resolve() if args.site_out else None, args.site_check)
    jobs_at_once = max(1, min(args.jobs, len(jobs)))
    capture = jobs_at_once > 1
    places = [work / f"{number:02d}-{job.name}" for number, job in enumerate(jobs, 1)]
    print(f"\n{len(jobs)} copies, {jobs_at_once} at a time", flush=True)
    start = time.monotonic()
    walls: dict[str, float] = {}

    def one(job: Job, place: Path) -> list[Outcome]:
        began = time.monotonic()
        try:
            return run_job(job, place, site, capture, args.keep)
        finally:
            walls[place.name] = time.monotonic() - began
            Log.now(f"== finished: {place.name} in {walls[place.name]:.0f} s")

    with ThreadPoolExecutor(max_workers=jobs_at_once) as pool:
        results = list(pool.map(one, jobs, places))
    total = time.monotonic() - start
    outcomes = [o for result in results for o in result]
    record = {
        "seconds": round(total, 1),
        "jobs_at_once": jobs_at_once,
        "site_check": None
        if site.checked is None
        else {"line": site.check, "status": site.checked[0], "seconds": round(site.checked[1], 1)},
        "copies": [
            {
                "copy": place.name,
                "seconds": round(walls.get(place.name, 0.0), 1),
                "commands": [p.command.where for p in job.planned],
            }
            for job, place in zip(jobs, places, strict=True)
        ],
        "commands": [
            {
                "places": o.planned.command.places,
                "copy": o.job,
                "how": "in full" if o.planned.full else "as far as it differs",
                "on_top_of": o.planned.on_top_of.where if o.planned.on_top_of else None,
                "ok": o.ok,
                "seconds": round(o.seconds, 1),
                "lines": [
                    {
                        "where": step.line.where,
                        "line": step.text,
                        "how": step.how,
                        "status": status,
                        "seconds": round(t, 1),
                    }
                    for step, status, t in o.lines
                ],
                "not_run": [
                    {"where": line.where, "line": line.text, "why": why}
                    for line, why in o.planned.command.skipped
                ],
            }
            for o in outcomes
        ],
    }
    (work / "commands.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")

    print(f"\n== documented set-up commands: timings (wall {total:.0f} s, {jobs_at_once} at once)")
    for place in places:
        print(f"copy {place.name}: {walls.get(place.name, 0.0):.1f} s")
        for o in (o for o in outcomes if o.job == place.name):
            state = "ok    " if o.ok else "FAILED"
            print(f"  {state} {o.seconds:7.1f} s  {', '.join(o.planned.command.places)}")
            for step, _, seconds in o.lines:
                tag = "" if step.as_written else f"   ({step.how})"
                print(f"         {seconds:7.1f} s  {step.line.where}  $ {step.text}{tag}")
    failed = [o.planned.command.where for o in outcomes if not o.ok]
    for where in failed:
        print(f"FAILED: the set-up command documented at {where} (its copy is kept: {work})")
    if site.dest is not None and not failed and not site.handed:
        print("FAILED: no documented command built the site (site/index.html) for --site-out")
        failed.append("--site-out")
    print(f"commands: {len(outcomes) - len(failed)} passed, {len(failed)} failed")
    if site.checked is not None:
        status, seconds = site.checked
        print(
            f"the site check: {'FAILED: exited ' + str(status) if status else 'ok'}"
            f" in {seconds:.1f} s  $ {site.check}"
        )
    elif site.check:
        print(f"FAILED: the site check did not run (no site was built)  $ {site.check}")
    site_failed = site.check is not None and (site.checked is None or site.checked[0] != 0)
    return 1 if failed or site_failed else 0


if __name__ == "__main__":
    sys.exit(main())
