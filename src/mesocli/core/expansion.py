"""The alias-expansion guard, one rule for every YAML file mesocli reads (knowledge base, overlays, profiles).

Aliases make a small file large. The text a file expands to (a unit per node plus every character of every
scalar, counted each time an alias repeats it) may be at most EXPANSION_FACTOR times the file's length, plus
EXPANSION_SLACK. A file without aliases never expands beyond its own length. The walk stops as soon as the
budget is spent, so an alias bomb costs at most that budget.
"""

from __future__ import annotations

from typing import Any

from mesocli.core.errors import Message, Problem

EXPANSION_FACTOR = 4
EXPANSION_SLACK = 1 << 20


def limit(text: str) -> int:
    """How far the composed nodes of ``text`` may expand."""
    return EXPANSION_FACTOR * len(text) + EXPANSION_SLACK


def overflow(root: Any, text: str) -> Any:
    """The node at which the composed ``root`` of ``text`` expands beyond its limit, or None."""
    budget = limit(text)
    stack = [root]
    while stack:
        node = stack.pop()
        value = node.value
        if isinstance(value, str):
            budget -= 1 + len(value)
        else:
            budget -= 1
            for item in reversed(value):  # mappings hold (key, value) pairs
                stack.extend(reversed(item) if isinstance(item, tuple) else (item,))
        if budget < 0:
            return node
    return None


def expansion_problem(root: Any, text: str, file: str) -> Problem | None:
    """A problem placed at the node where ``root`` expands too far, or None when it stays within its limit."""
    node = overflow(root, text) if root is not None else None
    if node is None:
        return None
    mark = node.start_mark
    message = Message(
        "aliases expand the file beyond {limit:,} characters ({factor}x its length)",
        limit=limit(text),
        factor=EXPANSION_FACTOR,
    )
    return Problem(file, message, mark.line + 1, mark.column + 1)
