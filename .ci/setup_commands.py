"""Run every set-up command that README.md and docs/ document, as written, each in a fresh copy.

CI runs this instead of keeping its own copies of the documented commands, so a command that
stops working on a fresh machine fails CI, and a command changed in the docs is the command CI
runs.

The rule that finds them (stdlib only, run with any ``python3``):

* Files: ``README.md`` and every ``docs/**/*.md``.
* Blocks: fenced code blocks whose language is ``sh``, ``bash`` or ``shell`` (``console``
  blocks are transcripts, tested elsewhere).
* A **set-up command** starts at a block line that begins with

  - ``python3 -m venv``: it makes its own virtual environment, and the lines right after it that
    run that environment's pip (``.venv/bin/python -m pip ...`` or ``.venv/bin/pip ...``) are
    part of it; or
  - ``python -m pip install``, ``python3 -m pip install`` or ``pip install``: it is run in a
    fresh virtual environment made for it (activated: its ``bin`` first on ``PATH``), then
    ``python -c "import idlibstrikes"`` checks that it installed the package.

* In the text outside code blocks, an inline code span that is a whole ``pip install`` command
  (``python -m pip install``, ``python3 -m pip install`` or ``pip install``, followed by what to
  install, not by an option: `` `pip install '.[pandas]'` `` but not `` `pip install --target` ``)
  is a set-up command too, run like the second kind above.
* The block's other lines after it, up to the next set-up command, are what the docs say to do
  with what it installed: they run too, in order, in the same copy, except a line that
  contains one of :data:`NOT_RUN` (a server that never exits, a run of many minutes), which is
  listed as skipped. Blank lines and comment lines are not commands; a line ending in a backslash
  goes on on the next.

Each line runs as written with ``bash -o pipefail -c LINE`` (so a block's lines must not rely on
shell state from an earlier line, such as ``cd`` or ``source``), from the root of a fresh copy of
the checkout: the files git tracks or would track (``git ls-files -co --exclude-standard``; no
virtual environments, built sites or caches), with ``../shared`` beside it linked to the one
beside this checkout, where there is one, as in CI. So each ``.venv`` is new. Commands whose
lines are all identical run once (every place they are documented is listed).

A failing line is reported with its file and line number and the run goes on to the other
commands; the exit status is 1 if any line failed, or if no set-up command was found at all.
``--site-out DIR`` copies the ``site/`` that a command built (``mkdocs build``) to ``DIR``, for
the browser check, and fails if none did. Timings of every line are printed at the end and
written to ``WORK/commands.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Block languages whose lines are shell commands.
SHELL_LANGUAGES = frozenset({"sh", "bash", "shell"})

#: A documented line that contains one of these is not run, for the reason given.
NOT_RUN: dict[str, str] = {
    "mkdocs serve": "a development server: it never exits",
    "benchmarks/run.py --write": "the full benchmark run: 10-20 minutes, and it rewrites a page",
}

#: What CI must run, so some documented command must: the tests, lint, types and the site.
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
CHECK_IMPORT = "python -c 'import idlibstrikes'"


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

    kind: str  # "venv": makes its own .venv; "pip": runs in a fresh venv made for it
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


def documented_files(root: Path = ROOT) -> list[Path]:
    """README.md and every Markdown file under docs/."""
    return [root / "README.md", *sorted((root / "docs").rglob("*.md"))]


def find_commands(files: list[Path]) -> list[Command]:
    """Every distinct set-up command in ``files``, in the order first documented."""
    distinct: dict[tuple[str, ...], Command] = {}
    for path in files:
        for command in commands_in(path, path.read_text(encoding="utf-8")):
            first = distinct.setdefault(command.key, command)
            first.places.append(command.where)
    return list(distinct.values())


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


def say(text: str) -> None:
    """Print now, before a child process writes."""
    print(text, flush=True)


def run_line(line: Line, cwd: Path, env: dict[str, str]) -> tuple[int, float]:
    """Run one documented line as written; return its exit status and seconds taken."""
    say(f"-- {line.where}  $ {line.text}")
    start = time.monotonic()
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line.text],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return done.returncode, time.monotonic() - start


@dataclass
class Outcome:
    """How one command's run went: each line run, with its exit status and time."""

    command: Command
    place: Path
    lines: list[tuple[Line, int, float]] = field(default_factory=list)
    built_site: bool = False

    @property
    def ok(self) -> bool:
        """Every line run exited 0."""
        return all(status == 0 for _, status, _ in self.lines)

    @property
    def seconds(self) -> float:
        """The time of all its lines."""
        return sum(seconds for _, _, seconds in self.lines)


def run_command(command: Command, place: Path, site_out: Path | None) -> Outcome:
    """Run one set-up command and its usage lines in a fresh copy of the checkout at ``place``.

    If ``site_out`` is given and the lines built ``site/``, it is copied there.
    """
    work = place.parent
    checkout = place / "checkout"
    files = copy_checkout(ROOT, checkout, work)
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        (place / "shared").symlink_to(shared.resolve(), target_is_directory=True)
    say(f"\n== {command.where}: a fresh copy of the checkout ({files} files) in {checkout}")
    for other in command.places[1:]:
        say(f"   (also documented at {other}: run once)")
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONHOME"}}
    lines = list(command.setup)
    if command.kind == "pip":
        venv = place / "venv"
        subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
        env["VIRTUAL_ENV"] = str(venv)
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        say(f"   a fresh virtual environment for it, activated: {venv}")
        lines.append(Line(f"(after {command.where})", 0, CHECK_IMPORT))
    lines += command.usage
    outcome = Outcome(command, place)
    for line in lines:
        status, seconds = run_line(line, checkout, env)
        outcome.lines.append((line, status, seconds))
        if status != 0:
            say(f"FAILED: {line.where} exited {status} after {seconds:.1f} s: {line.text}")
            break
        say(f"   ok in {seconds:.1f} s")
    for line, reason in command.skipped:
        say(f"   not run: {line.where}  $ {line.text}  ({reason})")
    if outcome.ok and site_out is not None and (checkout / "site" / "index.html").is_file():
        shutil.rmtree(site_out, ignore_errors=True)
        shutil.copytree(checkout / "site", site_out)
        say(f"   the site it built is copied to {site_out} for the browser check")
        outcome.built_site = True
    return outcome


def main(argv: list[str] | None = None) -> int:
    """Find the documented set-up commands and run each distinct one once."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=ROOT / ".ci-commands", help="copies here")
    parser.add_argument("--site-out", type=Path, help="copy the site a command built here")
    parser.add_argument("--list", action="store_true", help="print the commands; run nothing")
    parser.add_argument("--only", help="run only commands documented at a place containing this")
    parser.add_argument("--keep", action="store_true", help="keep each copy (venvs included)")
    args = parser.parse_args(argv)

    commands = find_commands(documented_files())
    if not commands:
        say("FAILED: no set-up command found in README.md or docs/ (has the rule broken?)")
        return 1
    # CI's checks run only because the docs show them: a block that lost one would turn CI
    # green without it
    lines = [line.text for c in commands for line in c.setup + c.usage]
    lost = [step for step in REQUIRED if not any(step in text for text in lines)]
    if lost:
        say(f"FAILED: no documented set-up command runs {', '.join(lost)} (CI would skip it)")
        return 1
    say(f"{len(commands)} distinct documented set-up commands:")
    for command in commands:
        say(f"  {', '.join(command.places)} ({command.kind})")
        for line in command.setup + command.usage:
            say(f"      $ {line.text}")
        for line, reason in command.skipped:
            say(f"      not run: $ {line.text}  ({reason})")
    if args.list:
        return 0
    if args.only:
        commands = [c for c in commands if any(args.only in p for p in c.places)]

    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    site_out = args.site_out.resolve() if args.site_out else None
    outcomes: list[Outcome] = []
    start = time.monotonic()
    for number, command in enumerate(commands, 1):
        place = work / f"{number:02d}-{Path(command.setup[0].path).stem}-{command.setup[0].number}"
        handed = any(o.built_site for o in outcomes)
        outcome = run_command(command, place, None if handed else site_out)
        outcomes.append(outcome)
        if outcome.ok and not args.keep:
            shutil.rmtree(place, ignore_errors=True)
    record = [
        {
            "places": o.command.places,
            "ok": o.ok,
            "seconds": round(o.seconds, 1),
            "lines": [
                {"where": line.where, "line": line.text, "status": status, "seconds": round(t, 1)}
                for line, status, t in o.lines
            ],
            "not_run": [
                {"where": line.where, "line": line.text, "why": why}
                for line, why in o.command.skipped
            ],
        }
        for o in outcomes
    ]
    (work / "commands.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")

    say(f"\n== documented set-up commands: timings (total {time.monotonic() - start:.0f} s)")
    for o in outcomes:
        say(f"{'ok    ' if o.ok else 'FAILED'} {o.seconds:7.1f} s  {', '.join(o.command.places)}")
        for line, _, seconds in o.lines:
            say(f"       {seconds:7.1f} s  {line.where}  $ {line.text}")
    failed = [o.command.where for o in outcomes if not o.ok]
    for where in failed:
        say(f"FAILED: the set-up command documented at {where} (its copy is kept: {work})")
    if site_out is not None and not failed and not any(o.built_site for o in outcomes):
        say("FAILED: no documented command built the site (site/index.html) for --site-out")
        failed.append("--site-out")
    say(f"commands: {len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
