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

from mesocli.core.model import Field, fields, is_model
from mesocli.core.model_code import GENERATED

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is imported only to read type hints
if TYPE_CHECKING:
    from typing import Any, TypeAlias

    Decoder: TypeAlias = Callable[[Any], Any]


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
    from typing import Union, get_args, get_origin

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
    return _model_decoder(cls)(value)


def hint_code(hint: Any) -> str:
    """How a stored value of type ``hint`` is decoded, as a few words: ``same``, ``float``, ``date``,
    ``tuple <code>``, ``optional <code>`` or ``model <module>:<qualname>`` (what the generated module keeps)."""
    kind, inner = hint_plan(hint)
    if kind == "optional":
        return f"optional {hint_code(inner)}"
    if kind == "model":
        return f"model {inner.__module__}:{inner.__qualname__}"
    if kind == "tuple":
        return f"tuple {hint_code(inner)}"
    if hint is dt.date:
        return "date"
    if hint is float:
        return "float"
    from typing import Literal, get_origin

    if hint in (str, int, bool) or get_origin(hint) is Literal:
        return "same"
    raise TypeError(f"unsupported field type {hint!r}")  # a bug in the models, not the data


def decoding_plan(cls: type) -> list[tuple[str, str]]:
    """Each field of the model ``cls`` and how its stored value is decoded (:func:`hint_code`).

    Taken from the generated module (scripts/gen_model_code.py) when it was written for the fields and
    annotations the class has now, so that decoding a stored row evaluates no annotation; worked out from the
    type hints otherwise.
    """
    names = [f.name for f in fields(cls)]
    generated = GENERATED.get(f"{cls.__module__}:{cls.__qualname__}")
    if generated is not None:
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - the class's own, unevaluated
        plan = generated[2]
        if [name for name, _, _ in plan] == names and all(annotations.get(n) == text for n, text, _ in plan):
            return [(name, code) for name, _, code in plan]
    hints = type_plan(cls)[1]
    return [(name, hint_code(hints[name])) for name in names]


def _same(value: Any) -> Any:
    return value


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


_SCALARS: dict[str, Decoder] = {"same": _same, "float": float, "date": _date}


@functools.cache
def _code_decoder(code: str) -> Decoder:
    kind, _, rest = code.partition(" ")
    if kind == "optional":
        inner = _code_decoder(rest)
        if inner is _same:
            return _same
        return lambda value: None if value is None else inner(value)
    if kind == "tuple":
        item = _code_decoder(rest)
        if item is _same:
            return tuple
        return lambda value: tuple(map(item, value))
    if kind == "model":
        module, _, qualname = rest.partition(":")
        found: Any = __import__(module, fromlist=["_"])
        for part in qualname.split("."):
            found = getattr(found, part)
        return _model_decoder(found)
    if kind not in _SCALARS:
        raise TypeError(f"unsupported field type ({code})")  # a bug in the models, not the data
    return _SCALARS[kind]


@functools.cache
def _model_decoder(cls: type) -> Decoder:
    """The decoder of a model's plain data: its fields' values, each converted where its type needs it (a list
    to a tuple, text to a date, a mapping to a model), keys that are no field left out."""
    plan = [(name, _code_decoder(code)) for name, code in decoding_plan(cls)]
    names = frozenset(name for name, _ in plan)
    converted = [(name, convert) for name, convert in plan if convert is not _same]

    def decode(value: dict[str, Any]) -> Any:
        values = dict(value) if value.keys() <= names else {k: v for k, v in value.items() if k in names}
        for name, convert in converted:
            if name in values:
                values[name] = convert(values[name])
        return cls(**values)

    return decode
