"""Reading a knowledge base straight from the parser's events, for a file without problems.

Composing a whole file into PyYAML's nodes costs several times the file in memory (a node with two marks
per scalar, all alive until the last is checked). Here the C parser's events are read one at a time and
each value is checked and built as it arrives, so the largest thing alive besides the models is one event.
The rules are the node-by-node reader's (:mod:`mesocli.core.loader`), which stays the authority: at the
first thing this reader does not handle itself (any problem, an anchor or alias, an explicit tag, a
second document) it gives up, and the file is read again by the loader, which reports every problem with
its line, column and entry id.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple

from mesocli.core.escape import text_problem
from mesocli.core.marks import Marks, blank, set_field, slots
from mesocli.core.model import required
from mesocli.core.models import KnowledgeBaseData, derived
from mesocli.core.plain import hint_plan, type_plan
from mesocli.core.scalars import INVALID, typed

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_SCALAR, _OPTIONAL, _TUPLE, _MODEL = range(4)


class _GiveUp(Exception):
    """Something left to the node-by-node reader."""


class _Model(NamedTuple):
    cls: type
    fields: dict[str, tuple[int, Any]]  # name -> (offset of its marks, plan of its value)
    required: frozenset[str]
    entry: bool


@functools.cache
def _plan(hint: Any) -> tuple[int, Any]:
    """What reading a value of type ``hint`` takes, worked out once per hint."""
    kind, inner = hint_plan(hint)
    if kind == "optional":
        return _OPTIONAL, _plan(inner)
    if kind == "tuple":
        return _TUPLE, _plan(inner)
    if kind == "model":
        return _MODEL, _model(inner)
    return _SCALAR, hint


@functools.cache
def _model(cls: type) -> _Model:
    from mesocli.core.loader import ENTRY_CLASSES

    fields, hints = type_plan(cls)
    offsets = slots(cls)
    written = {name: f for name, f in fields.items() if not derived(f)}
    plans = {name: (offsets[name], _plan(hints[name])) for name in written}
    needed = frozenset(name for name, f in written.items() if required(f))
    return _Model(cls, plans, needed, cls.__name__ in ENTRY_CLASSES)


_TEXT = _plan(str)


class _EveryCharacter:
    def __contains__(self, _character: object) -> bool:
        return True


_EVERY = _EveryCharacter()


class _Reader:
    def __init__(self, loader: Any, file: str) -> None:
        import yaml

        self.loader = loader
        self.get: Callable[[], Any] = loader.get_event
        self.resolve: Callable[[Any, str, Any], str] = loader.resolve
        self.marks = Marks(file)
        self.items: list[int] | None = None  # the flat marks of the last list read
        self.scalar_node = yaml.ScalarNode
        self.event_types = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
        self.ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
        self.starts: tuple[type, ...] = (yaml.StreamStartEvent, yaml.DocumentStartEvent)
        self.stops: tuple[type, ...] = (yaml.DocumentEndEvent, yaml.StreamEndEvent)
        # The first characters a plain scalar needs resolving for (null, bool, int, float, timestamp...): any
        # other plain scalar is a string, as the resolver would say after trying none of its patterns.
        resolvers = loader.yaml_implicit_resolvers
        self.resolving: Any = resolvers if None not in resolvers else _EVERY

    def document(self) -> KnowledgeBaseData:
        for expected in self.starts:
            if type(self.get()) is not expected:
                raise _GiveUp
        data: KnowledgeBaseData = self.value(_plan(KnowledgeBaseData), self.get())
        for expected in self.stops:
            if type(self.get()) is not expected:
                raise _GiveUp
        return data

    def tag(self, event: Any) -> str:
        """The resolved tag of a scalar event, as the composer gives it to its node."""
        if event.anchor is not None or event.tag is not None:
            raise _GiveUp
        value = event.value
        if not event.implicit[0] or (value and value[0] not in self.resolving):  # quoted, a block, or a word
            return _STR
        return self.resolve(self.scalar_node, value, event.implicit)

    def text(self, event: Any) -> Any:
        """A text field's value (the most common field, read with the fewest steps)."""
        if type(event) is self.event_types[0]:
            value = event.value
            if (
                event.anchor is None
                and event.tag is None
                and (not event.implicit[0] or value[:1] not in self.resolving)
            ):
                if text_problem(value, ""):
                    raise _GiveUp
                return value
        return self.scalar(str, event)

    def value(self, plan: tuple[int, Any], event: Any) -> Any:
        kind, inner = plan
        if kind == _SCALAR:
            return self.scalar(inner, event)
        if kind == _OPTIONAL:
            if type(event) is self.event_types[0] and self.tag(event) == _NULL:
                return None
            return self.value(inner, event)
        if kind == _TUPLE:
            return self.sequence(inner, event)
        return self.mapping(inner, event)

    def scalar(self, hint: Any, event: Any) -> Any:
        if type(event) is not self.event_types[0]:
            raise _GiveUp
        tag, text = self.tag(event), event.value
        if tag == _STR and hint is str:  # the common case, as typed() has it
            if text_problem(text, ""):
                raise _GiveUp
            return text
        value = text if tag == _STR else self.construct(tag, event)
        result, wrong = typed(hint, value, text, "")
        if wrong is not None:
            raise _GiveUp
        return result

    def construct(self, tag: str, event: Any) -> Any:
        from mesocli.core.loader import ALLOWED_TAGS

        if tag not in ALLOWED_TAGS:
            raise _GiveUp
        node = self.scalar_node(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except Exception:  # noqa: BLE001 - PyYAML raises several types for one bad scalar: the loader reports it
            raise _GiveUp from None

    def sequence(self, plan: tuple[int, Any], event: Any) -> tuple[Any, ...]:
        if type(event) is not self.event_types[1]:
            if type(event) is self.event_types[0] and self.tag(event) == _NULL:
                self.items = None
                return ()
            raise _GiveUp
        if event.anchor is not None or event.tag is not None:
            raise _GiveUp
        items: list[Any] = []
        marks: list[int] = []
        get, end = self.get, self.ends[0]
        text = plan is _TEXT
        while type(item := get()) is not end:
            items.append(self.text(item) if text else self.value(plan, item))
            start = item.start_mark
            marks += (start.line + 1, start.column + 1)
        self.items = marks
        return tuple(items)

    def mapping(self, plan: _Model, event: Any) -> Any:
        if type(event) is not self.event_types[2] or event.anchor is not None or event.tag is not None:
            raise _GiveUp
        fields, values, marks, get = plan.fields, {}, blank(plan.cls), self.get
        scalar, end = self.event_types[0], self.ends[1]
        while type(key := get()) is not end:
            if type(key) is not scalar or key.anchor is not None or key.tag is not None:
                raise _GiveUp
            name = key.value
            found = fields.get(name)
            if found is None or name in values:
                raise _GiveUp
            offset, value_plan = found
            item = get()
            self.items = None
            value = self.text(item) if value_plan is _TEXT else self.value(value_plan, item)
            values[name] = value
            start = item.start_mark
            set_field(marks, offset, (start.line + 1, start.column + 1), self.items if type(value) is tuple else None)
        if not plan.required <= values.keys():
            raise _GiveUp
        obj = plan.cls(**values)
        begin: Any = event.start_mark
        self.marks.keep(obj, (begin.line + 1, begin.column + 1), marks)
        if plan.entry:
            self.marks.ids.add(obj.id)
        return obj


def read_events(loader: Any, file: str) -> tuple[KnowledgeBaseData, Marks] | None:
    """The knowledge base ``loader`` (a PyYAML loader on the file's text) reads, with its marks; None when
    the file is to be read node by node instead (it has a problem, an alias, a tag...)."""
    import yaml

    reader = _Reader(loader, file)
    try:
        data = reader.document()
    except (_GiveUp, yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    if data.schema_version == 1 or data is INVALID:  # schema 1 is named as such by the loader
        return None
    return data, reader.marks
