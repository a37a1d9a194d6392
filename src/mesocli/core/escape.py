"""Text that is safe to print: what a file name or a query may hold cannot drive the terminal."""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` with every character that is not printable written as a Python escape (``\\x1b``, ``\\u200b``).

    Printable text comes back unchanged, so ordinary paths and messages look as they always did.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
