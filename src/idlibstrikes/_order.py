"""Dependency order for records that refer to records of their own kind.

A source's publication date may be resolved against another source's; a place may be
described as near another; a group may be part of another. Each must be built after the
records it refers to, whatever order the files give them in, and a cycle must be reported
rather than followed. The walk keeps its own stack, so a chain of any length is ordered
without Python's recursion limit, in time linear in the records and their references.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

__all__ = ["dependency_order"]


def dependency_order(
    nodes: Sequence[str], depends_on: Callable[[str], Iterable[str]]
) -> tuple[list[str], list[list[str]]]:
    """``nodes`` ordered so that each follows the nodes it depends on, and the cycles.

    Dependencies on names outside ``nodes`` are ignored (an unknown reference is reported
    where it is read). Nodes keep their given order wherever their dependencies allow,
    so an already ordered list comes back unchanged. Each cycle is given as the path that
    closes it: its first and last names are the node met twice (a long one abridged, its
    middle given as "(N more)").

    Examples:
        >>> deps = {"a": ["b"], "b": [], "c": ["c"]}
        >>> dependency_order(["a", "b", "c"], deps.__getitem__)
        (['b', 'a', 'c'], [['c', 'c']])
    """
    known = set(nodes)
    state: dict[str, int] = {}  # 1: on the walk's path, 2: placed
    order: list[str] = []
    cycles: list[list[str]] = []
    for root in nodes:
        if root in state:
            continue
        path = [root]
        position = {root: 0}  # where each node on the path is, to cut out a cycle
        pending = [iter(list(depends_on(root)))]
        state[root] = 1
        while path:
            step = next(pending[-1], None)
            if step is None:
                done = path.pop()
                pending.pop()
                del position[done]
                state[done] = 2
                order.append(done)
            elif step in known and step not in state:
                state[step] = 1
                position[step] = len(path)
                path.append(step)
                pending.append(iter(list(depends_on(step))))
            elif state.get(step) == 1:
                cycles.append(_abridged(path, position[step], step))
    return order, cycles


def _abridged(path: list[str], start: int, step: str, keep: int = 4) -> list[str]:
    """The cycle ``path[start:] + [step]``, its middle left out when it is long.

    A file can close thousands of long cycles (every group of a chain also part of its
    first): copying each in full would cost time and text quadratic in the chain.
    """
    size = len(path) - start
    if size <= 2 * keep + 1:
        return [*path[start:], step]
    head, tail = path[start : start + keep], path[len(path) - keep :]
    return [*head, f"({size - 2 * keep} more)", *tail, step]
