"""Numbers as a knowledge-base file must write them: plain, finite decimals.

YAML 1.1 reads ``12:1`` as 721 (base 60), ``0x7D3`` as 2003, ``017`` as 15 (octal) and ``.nan`` as a float;
a figure written like that is almost always a mistake, so the scalar's source text is checked, and refused
with its line and column: a number is never read as octal, in the knowledge base or in a profile.
"""

from __future__ import annotations

import math
import re

from mesocli.core.errors import Message

_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")


def number_problem(source: str, value: float, what: str, whole: bool) -> str | None:
    """Why the scalar written as ``source`` (read as ``value``) is not an acceptable number, or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return Message("{what} must be a finite number, not {source}", what=what, source=repr(source))
    if re.match(r"[-+]?0[0-9]", source):
        plain = source.lstrip("+-").lstrip("0") or "0"
        return Message(
            "{what} is written {source} with a leading zero, which YAML reads as {value}; write a plain decimal "
            "number ({plain})",
            what=what,
            source=repr(source),
            value=repr(value),
            plain=plain,
        )
    if not (_INTEGER if whole else _DECIMAL).match(source):
        return Message(
            "{what} is written {source}, which YAML reads as {value}; write a plain decimal number",
            what=what,
            source=repr(source),
            value=repr(value),
        )
    return None


def is_plain(source: str, whole: bool) -> bool:
    """Whether ``source`` is a number written plainly: ASCII decimal digits, no leading zero, no ``_``, no
    hex, no ``inf`` or ``nan`` (the rule of the knowledge base, of profiles and of command-line options)."""
    return not re.match(r"[-+]?0[0-9]", source) and bool((_INTEGER if whole else _DECIMAL).match(source))
