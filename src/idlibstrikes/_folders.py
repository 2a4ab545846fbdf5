"""Listing a folder the library reads, with one rule for symbolic links.

Every folder a user gives (a folder of data files, a Parquet tables export, the articles'
folder) is listed here, or by the same test (`inside`), so that all of them hold to one
rule (docs/format.md, "Folders and links"):

- A link is followed only where it leads inside the folder given: nothing outside the
  paths the user names is read. A link to anything outside is a problem, named.
- A broken link is a problem: it stands where a file was meant to be.
- Everything is read once, in its own place. In a folder read with its subfolders (an
  export), a link inside adds nothing: what it leads to is listed where it is, so a
  loop never reads a file twice, and never runs for ever. In a folder read alone (data
  files, articles), a link to a file elsewhere inside it is read as that file, unless
  the folder's own entries hold it already.

The folder given may itself be a link (``~/data`` to a disk elsewhere): it was asked for,
and "inside" means inside where it leads.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from ._errors import Problem

__all__ = ["inside", "listing"]


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, links followed, is ``root`` or within it (``root`` resolved).

    Examples:
        >>> from pathlib import Path
        >>> inside(Path("/data"), Path("/data/sub/a.json"))
        True
        >>> inside(Path("/data"), Path("/data-old/a.json"))
        False
    """
    target = os.path.realpath(path)
    return target == str(root) or target.startswith(str(root).rstrip(os.sep) + os.sep)


def listing(
    folder: Path, wanted: Callable[[str], bool], *, recursive: bool = False
) -> tuple[list[Path], list[Problem]]:
    """The files in ``folder`` whose names are ``wanted``, and the links that break the rule.

    Files are given as named inside ``folder`` (``folder/sub/a.json``), in name order
    (the folder's own files before what its links lead to), each once. With ``recursive``,
    subfolders are listed too, whatever their names. What is neither a file nor a folder
    (a pipe) is listed like a file: whoever reads it says it is not one.

    Examples:
        >>> import tempfile
        >>> from pathlib import Path
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     root = Path(tmp)
        ...     _ = (root / "a.json").write_text("{}")
        ...     (root / "again.json").symlink_to(root / "a.json")
        ...     (root / "gone.json").symlink_to(root / "nowhere.json")
        ...     files, problems = listing(root, lambda name: name.endswith(".json"))
        ...     [f.name for f in files], [p.message[:13] for p in problems]
        (['a.json'], ['a broken link'])
    """
    root = Path(os.path.realpath(folder))
    files: list[Path] = []
    links: list[Path] = []
    problems: list[Problem] = []

    def walk(where: Path) -> None:
        try:
            entries = sorted(os.scandir(where), key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                Problem(file=str(where), message=f"cannot list the folder: {_why(exc)}")
            )
            return
        for entry in entries:
            path = where / entry.name
            try:
                if entry.is_symlink():
                    links.append(path)
                elif entry.is_dir(follow_symlinks=False):
                    if recursive:
                        walk(path)
                elif wanted(entry.name):
                    files.append(path)
            except OSError as exc:
                problems.append(Problem(file=str(path), message=f"cannot read it: {_why(exc)}"))

    walk(Path(folder))
    seen: set[tuple[int, int]] = set()  # (device, inode): each file once
    listed: list[Path] = []
    for path in [*files, *links]:
        is_link = path.is_symlink()
        if is_link and not (wanted(path.name) or recursive):
            continue  # (a link of a name not read, in a folder read alone: as its files)
        try:
            info = path.stat()  # (a link followed)
        except OSError as exc:
            if is_link and not os.path.exists(path):
                problems.append(
                    Problem(
                        file=str(path),
                        message=f"a broken link (to {_target(path)}); remove it, or point it "
                        "at the file it stands for",
                    )
                )
            else:
                problems.append(Problem(file=str(path), message=f"cannot read it: {_why(exc)}"))
            continue
        if is_link and not inside(root, path):
            problems.append(
                Problem(
                    file=str(path),
                    message=f"a link to {os.path.realpath(path)}, outside {folder}; nothing "
                    "outside the folder given is read: copy it in, or give its path",
                )
            )
            continue
        if is_link and (recursive or stat.S_ISDIR(info.st_mode)):
            continue  # what it leads to is inside, and listed (or not) in its own place
        if (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            listed.append(path)
    return listed, problems


def _target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
