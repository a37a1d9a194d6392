"""One YAML scalar checked against its field's type: the rule both ways of reading a file share."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from typing import Any, Literal, get_args, get_origin

from mesocli.core.errors import Message
from mesocli.core.escape import text_problem
from mesocli.core.numbers import number_problem


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


#: What a field that could not be built holds while the rest of the file is still checked.
INVALID: Any = _Invalid()


@functools.cache
def literal_values(hint: Any) -> tuple[Any, ...] | None:
    """The values a ``Literal[...]`` hint allows, or None for any other hint (worked out once per hint)."""
    return get_args(hint) if get_origin(hint) is Literal else None


def typed(hint: Any, value: Any, source: str, what: str) -> tuple[Any, str | None]:
    """``value`` (read from the scalar written ``source``) as the field type ``hint``: (value, None), or
    (INVALID, why not). ``what`` names the field in the message."""
    allowed = literal_values(hint)
    if allowed is not None:
        if value in allowed and type(value) in {type(a) for a in allowed}:  # True is not the number 1
            return value, None
        close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
        names = ", ".join(map(str, allowed))
        if close:
            said = "{what} is {value}, expected one of {names}; did you mean {close}?"
            return INVALID, Message(said, what=what, value=repr(value), names=names, close=repr(close[0]))
        return INVALID, Message("{what} is {value}, expected one of {names}", what=what, value=repr(value), names=names)
    if hint is str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return INVALID, Message("{what} must be text", what=what)
        text = value if isinstance(value, str) else str(source)
        wrong = text_problem(text, what)
        return (INVALID, wrong) if wrong else (text, None)
    if hint is bool:
        if isinstance(value, bool):
            return value, None
        return INVALID, Message("{what} must be true or false", what=what)
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return INVALID, Message("{what} must be a whole number", what=what)
        return _number(source, value, what, whole=True)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return INVALID, Message("{what} must be a number", what=what)
        return _number(source, float(value), what, whole=False)
    if hint is dt.date:
        return _date(value, what)
    raise TypeError(f"unsupported field type {hint!r}")  # a bug in the models, not the file


def _number(source: str, value: float, what: str, whole: bool) -> tuple[Any, str | None]:
    wrong = number_problem(str(source), value, what, whole)
    return (INVALID, wrong) if wrong else (value, None)


def _date(value: Any, what: str) -> tuple[Any, str | None]:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value, None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value), None
        except ValueError:
            pass
    return INVALID, Message("{what} must be a date like 2026-01-31", what=what)
