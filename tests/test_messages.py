"""Every method, function and command a message names exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import idlibstrikes as isk
from idlibstrikes._cli import _parser

SRC = Path(__file__).resolve().parents[1] / "src" / "idlibstrikes"


def strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.append((path.name, node.value))
    return found


def test_messages_name_only_methods_and_functions_that_exist() -> None:
    named = 0
    for where, text in strings():
        for method in re.findall(r"\bDataset\.(\w+)", text):
            named += 1
            assert hasattr(isk.Dataset, method), (where, text)
        for function in re.findall(r"\bisk\.(\w+)\(", text):
            named += 1
            assert hasattr(isk, function), (where, text)
    assert named > 10  # the scan finds the messages it checks


def test_messages_name_only_commands_that_exist() -> None:
    commands = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    named = 0
    # the modules whose messages tell users what to run
    for where, text in strings():
        if not where.startswith("_cli") and where not in (
            "_encode.py",
            "_jsonschema.py",
            "_relational.py",
        ):
            continue
        for command in re.findall(r"(?:^|[\s'`])idlibstrikes ([a-z]+)\b", text):
            if command in ("as", "developers", "dataset", "data", "package", "format"):
                continue  # prose ("idlibstrikes developers"), not a command
            named += 1
            assert command in commands, (where, text)
    assert named >= 3


def test_the_command_lines_messages_name_no_python_attribute() -> None:
    """What ``idlibstrikes`` prints (help, errors, notes) names commands and options, never
    what a Python user calls (``Dataset.group_names()``, ``load()``); its docstrings may."""
    checked = 0
    for path in sorted(SRC.glob("_cli*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docstrings:
                    continue
                checked += 1
                found = re.search(r"\bDataset\b|\bisk\.|\w\(\)", node.value)
                assert not found, (path.name, node.value)
    assert checked > 200
