"""Models from plain data (what JSON gives back): the inverse of :func:`mesocli.core.serialize.to_data`.

Generic over the frozen dataclass models: each class's fields and type hints are resolved once
(:func:`type_plan`, shared with the YAML loader) and a decoder is built per type hint.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
import types
from collections.abc import Callable
from typing import Any, Literal, Union, get_args, get_origin

from mesocli.core.model import Field, fields, is_model

Decoder = Callable[[Any], Any]


@functools.cache
def type_plan(cls: type) -> tuple[dict[str, Field], dict[str, Any]]:
    """A model's fields and resolved type hints, worked out once per class.

    The hints are the class's annotation strings evaluated in its module, each distinct string once per module:
    what ``typing.get_type_hints`` gives for these models (plain classes, ``X | None``, ``tuple[X, ...]``,
    ``Literal``), at a fraction of its cost (no ``ForwardRef`` per field, no walk of every base's annotations).
    """
    annotations: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        annotations.update(klass.__dict__.get("__annotations__", {}))  # noqa: RUF063 - unevaluated, as written
    module = cls.__module__
    hints = {name: _hint(text, module) if isinstance(text, str) else text for name, text in annotations.items()}
    return {f.name: f for f in fields(cls)}, hints


@functools.cache
def _hint(text: str, module: str) -> Any:
    """The annotation ``text`` evaluated in ``module``'s namespace (the models' own, trusted source)."""
    return eval(text, vars(sys.modules[module]))  # annotations of our own classes, never input


@functools.cache
def hint_plan(hint: Any) -> tuple[str, Any]:
    """What a type hint asks of a node, worked out once per hint: ("optional", inner hint), ("model", class),
    ("tuple", item hint) or ("scalar", hint)."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return "optional", next(a for a in get_args(hint) if a is not type(None))
    if is_model(hint):
        return "model", hint
    if origin is tuple:
        return "tuple", get_args(hint)[0]
    return "scalar", hint


def from_data(cls: type, value: Any) -> Any:
    """The model ``cls`` rebuilt from the plain data ``to_data`` made of it."""
    return _decoder(cls)(value)


def _same(value: Any) -> Any:
    return value


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


@functools.cache
def _decoder(hint: Any) -> Decoder:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = _decoder(next(a for a in get_args(hint) if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if is_model(hint):
        return _dataclass_decoder(hint)
    if origin is tuple:
        item = _decoder(get_args(hint)[0])
        if item is _same:
            return tuple
        return lambda value: tuple(item(v) for v in value)
    if hint is dt.date:
        return _date
    if hint is float:
        return float
    if hint in (str, int, bool) or origin is Literal:
        return _same
    raise TypeError(f"unsupported field type {hint!r}")  # a bug in the models, not the data


def _dataclass_decoder(cls: type) -> Decoder:
    fields, hints = type_plan(cls)
    plan = [(name, _decoder(hints[name])) for name in fields]

    def decode(value: dict[str, Any]) -> Any:
        return cls(**{name: convert(value[name]) for name, convert in plan if name in value})

    return decode
