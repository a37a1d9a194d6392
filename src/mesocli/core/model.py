"""Frozen, slotted model classes, made without the ``dataclasses`` machinery.

``dataclasses`` imports ``inspect`` (and through it ``ast``, ``dis`` and ``tokenize``) and does a good deal of
work per class; for a command line that starts on every TAB, that was a tenth of the run. ``@model`` gives
the same shape for what mesocli needs: keyword or positional construction in field order, defaults, field
metadata, immutability (``FrozenInstanceError``), equality, hashing, ``repr``, ``fields()`` and ``replace()``.
"""

from __future__ import annotations

from collections.abc import Callable

from mesocli.core.model_code import GENERATED

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from typing_extensions import dataclass_transform  # type checkers see models as frozen dataclasses

    T = TypeVar("T")
else:

    def dataclass_transform(**_options: Any) -> Callable[[T], T]:
        return lambda decorated: decorated


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """A model's fields cannot be set or deleted after it is made."""


class Field:
    """One field of a model: its name, default (or default factory) and metadata."""

    __slots__ = ("default", "default_factory", "metadata", "name")

    def __init__(
        self, default: Any = MISSING, default_factory: Any = MISSING, metadata: dict[str, str] | None = None
    ) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.metadata: dict[str, str] = metadata or {}

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    metadata: dict[str, str] | None = None,
) -> Any:
    """Describe a field with a default or metadata (``field(default=(), metadata={"doc": ...})``)."""
    return Field(default, default_factory, metadata)


def init_source(
    fields: tuple[Field, ...], post_init: bool, name: str = "__init__", default: Callable[[Field], str] | None = None
) -> str:
    """The source of a model's ``__init__`` named ``name``, laid out as ``ruff format`` lays it out: ``_set``,
    ``_MISSING`` and each ``_factory_<field>`` are names of its scope, and so is each ``_default_<field>`` unless
    ``default`` writes the field's default (as a literal)."""
    params, lines = ["self"], []
    for f in fields:
        if f.default is not MISSING:
            params.append(f"{f.name}={default(f) if default else f'_default_{f.name}'}")
        elif f.default_factory is not MISSING:
            params.append(f"{f.name}=_MISSING")
        else:
            params.append(f.name)
        if f.default_factory is not MISSING:
            lines.append(f'_set(self, "{f.name}", _factory_{f.name}() if {f.name} is _MISSING else {f.name})')
        else:
            lines.append(f'_set(self, "{f.name}", {f.name})')
    if post_init:
        lines.append("self.__post_init__()")
    return def_line(name, params) + "".join(f"    {line}\n" for line in lines or ["pass"])


def def_line(name: str, params: list[str]) -> str:
    """``def name(params):`` and a newline, one parameter a line if it is longer than 120 characters."""
    line = f"def {name}({', '.join(params)}):\n"
    if len(line) <= 121:
        return line
    return f"def {name}(\n" + "".join(f"    {p},\n" for p in params) + "):\n"


def shape(fields: tuple[Field, ...], post_init: bool) -> str:
    """What a model's ``__init__`` depends on: its fields' names in order, which have a default (``=``) or a
    default factory (``()``), and whether it calls ``__post_init__``. The generated ``__init__`` of a model
    (:mod:`mesocli.core.model_code`) is used only while its shape is the model's."""
    names = [f.name + ("=" if f.default is not MISSING else "()" if _factory(f) else "") for f in fields]
    return ",".join([*names, "post_init"] if post_init else names)


@dataclass_transform(field_specifiers=(field,), frozen_default=True)
def model(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen, slotted model from its annotated class attributes (in order)."""
    own = cls.__dict__
    names = tuple(own.get("__annotations__", {}))  # the class's own, unevaluated, in order
    fields, defaults = [], []  # defaults: each default or default factory, in field order
    for name in names:
        value = own.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        fields.append(f)
        if f.default is not MISSING or f.default_factory is not MISSING:
            defaults.append(f.default if f.default is not MISSING else f.default_factory)
        elif defaults:
            raise TypeError(f"non-default field {name!r} follows a default in {cls.__name__}")
    namespace = {k: v for k, v in own.items() if k not in names and k not in ("__dict__", "__weakref__")}
    namespace["__slots__"] = names
    namespace["__model_fields__"] = made_fields = tuple(fields)
    post_init = hasattr(cls, "__post_init__")
    made_init = generated_init(f"{cls.__module__}:{cls.__qualname__}", made_fields, post_init, defaults)
    if made_init is None:  # a model the generated module does not know as it is now: compiled on first use
        made_init = _compiled_init(made_fields, post_init, lambda: made)
    made_init.__name__, made_init.__qualname__ = "__init__", f"{cls.__qualname__}.__init__"
    made_init.__module__ = cls.__module__
    namespace["__init__"] = made_init
    namespace.update(__setattr__=_frozen, __delattr__=_frozen, __eq__=_eq, __hash__=_hash, __repr__=_repr)
    made: type[T] = type(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


def generated_init(
    key: str, fields: tuple[Field, ...], post_init: bool, defaults: list[Any]
) -> Callable[..., None] | None:
    """The ``__init__`` written out for the model ``key`` (``module:qualname``) by scripts/gen_model_code.py;
    None when that module has none for the model, or wrote it for other fields or other ``defaults`` (each
    default or default factory, in field order)."""
    found = GENERATED.get(key)
    if found is None or found[1] is None or found[0] != shape(fields, post_init):
        return None
    init: Callable[..., None] = found[1]
    written = init.__defaults__ or ()
    if written != tuple(defaults) or any(type(a) is not type(b) for a, b in zip(written, defaults, strict=True)):
        return None
    return init


def _factory(f: Field) -> bool:
    return f.default_factory is not MISSING


def _compiled_init(fields: tuple[Field, ...], post_init: bool, made: Callable[[], type]) -> Callable[..., None]:
    """An ``__init__`` that compiles the real one on the class's first instance, then puts it in its place."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": MISSING}
    for f in fields:
        scope[f"_default_{f.name}"] = f.default
        scope[f"_factory_{f.name}"] = f.default_factory
    source = init_source(fields, post_init)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        exec(source, scope)
        cls = made()
        scope["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
        type.__setattr__(cls, "__init__", scope["__init__"])
        scope["__init__"](self, *args, **kwargs)

    return __init__


def required(f: Field) -> bool:
    """Whether a field has neither a default nor a default factory."""
    return not _has_default(f)


def _has_default(f: Field) -> bool:
    return f.default is not MISSING or f.default_factory is not MISSING


def _values(obj: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, f.name) for f in obj.__model_fields__)


def _frozen(self: Any, name: str, value: Any = None) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r} of a {type(self).__name__}")


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash((self.__class__.__name__, _values(self)))


def _repr(self: Any) -> str:
    inside = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in self.__model_fields__)
    return f"{self.__class__.__name__}({inside})"


def is_model(obj: Any) -> bool:
    """Whether ``obj`` is a model class or an instance of one."""
    return bool(hasattr(obj, "__model_fields__"))


def fields(obj: Any) -> tuple[Field, ...]:
    """The fields of a model class or instance, in order."""
    found: tuple[Field, ...] = obj.__model_fields__
    return found


def replace(obj: T, **changes: Any) -> T:
    """A copy of the model ``obj`` with ``changes`` to some fields."""
    values = {f.name: getattr(obj, f.name) for f in fields(obj)}
    values.update(changes)
    return type(obj)(**values)
