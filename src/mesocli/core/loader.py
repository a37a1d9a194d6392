"""Read a knowledge-base YAML file into the typed models, collecting every problem.

A file is first read straight from the parser's events (:mod:`mesocli.core.events`), one entry at a time,
without a tree of nodes; anything that reading leaves alone (a problem, an alias) sends the file here: YAML
is composed into nodes with PyYAML's safe C loader where present, then each node is checked against the
model's type hints, so that every problem carries its file, line, column and entry id. Nothing here prints
or exits.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mesocli.core.errors import Message, Problem
from mesocli.core.expansion import expansion_problem
from mesocli.core.marks import Mark, Marks, blank, set_field, slots
from mesocli.core.migrate import schema_1_problem
from mesocli.core.model import Field as ModelField
from mesocli.core.model import required
from mesocli.core.models import SCHEMA_VERSION, KnowledgeBaseData, derived
from mesocli.core.plain import hint_plan, type_plan
from mesocli.core.scalars import INVALID as _INVALID
from mesocli.core.scalars import typed
from mesocli.core.yaml_errors import is_kind as _is_kind
from mesocli.core.yaml_errors import is_null as _is_null
from mesocli.core.yaml_errors import yaml_message, yaml_problem

__all__ = ["Mark", "Marks", "parse"]

_STR_TAG = "tag:yaml.org,2002:str"
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)
_ALLOWED_TAGS = ALLOWED_TAGS
#: Models that are entries of the file: a problem inside one names its id.
ENTRY_CLASSES = frozenset({"Treatment", "Guide", "Term", "Study", "Reference"})


@dataclass
class _Builder:
    file: str
    construct: Callable[[Any], Any]
    problems: list[Problem] = field(default_factory=list)
    marks: Marks = field(init=False)
    entry_id: str | None = None

    def __post_init__(self) -> None:
        self.marks = Marks(self.file)

    def problem(self, node: Any, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.file, message, mark.line + 1, mark.column + 1, self.entry_id))

    def build(self, hint: Any, node: Any, what: str) -> Any:
        """Convert ``node`` to ``hint``; on a problem, record it and return ``_INVALID``."""
        if node.tag not in _ALLOWED_TAGS:
            self.problem(node, Message("YAML tag {tag} is not allowed", tag=node.tag))
            return _INVALID
        kind, inner = hint_plan(hint)
        if kind == "optional":
            return None if _is_null(node) else self.build(inner, node, what)
        if kind == "model":
            return self._dataclass(inner, node, what)
        if kind == "tuple":
            return self._sequence(inner, node, what)
        return self._scalar(hint, node, what)

    def _sequence(self, item_hint: Any, node: Any, what: str) -> Any:
        if _is_null(node):
            return ()
        if not _is_kind(node, "SequenceNode"):
            self.problem(node, Message("{what} must be a list", what=what))
            return _INVALID
        items = [self.build(item_hint, child, f"{what}[{i}]") for i, child in enumerate(node.value)]
        return tuple(items)

    def _dataclass(self, cls: type, node: Any, what: str) -> Any:
        if not _is_kind(node, "MappingNode"):
            said = Message("{what} must be a mapping of keys to values", what=what) if what else None
            self.problem(node, said or Message("the knowledge base must be a mapping of keys to values"))
            return _INVALID
        fields, hints = _written(cls)
        given: dict[str, tuple[Any, Any]] = {}
        outer_entry = self.entry_id
        entry = cls.__name__ in ENTRY_CLASSES
        if entry:
            what = ""
            for key_node, value_node in node.value:
                if key_node.value == "id" and isinstance(value_node.value, str):
                    self.entry_id = value_node.value
                    self.marks.ids.add(value_node.value)
        for key_node, value_node in node.value:
            key = key_node.value if _is_kind(key_node, "ScalarNode") else None
            if not isinstance(key, str) or key not in fields:
                close = difflib.get_close_matches(str(key), list(fields), n=1)
                self.problem(key_node, _unknown_key(key, what, close))
                continue
            if key in given:
                self.problem(key_node, _twice(key, what))
                continue
            given[key] = (key_node, value_node)
        values: dict[str, Any] = {}
        salvaged: dict[str, Any] = {}
        marks = blank(cls)
        offsets = slots(cls)
        ok = True
        for name, f in fields.items():
            if name not in given:
                if required(f):
                    self.problem(node, _missing(name, what))
                    ok = False
                continue
            key_node, value_node = given[name]
            value = self.build(hints[name], value_node, f"{what}.{name}" if what else name)
            if value is _INVALID or _contains_invalid(value):
                ok = False
                if _contains_invalid(value):
                    salvaged[name] = tuple(v for v in value if v is not _INVALID)
                continue
            values[name] = value
            items = _item_marks(value_node) if isinstance(value, tuple) else None
            set_field(marks, offsets[name], (value_node.start_mark.line + 1, value_node.start_mark.column + 1), items)
        self.entry_id = outer_entry
        if not ok and cls is not KnowledgeBaseData:
            if entry:  # an entry that failed: what it cites is not "never cited"
                self.marks.unbuilt_words.update(_words(node))
            return _INVALID
        if not ok:  # the top level: keep what is valid, so that the cross-entry checks run in the same pass
            missing = {n: _STAND_IN.get(hints[n], ()) for n, f in fields.items() if n not in values and required(f)}
            self.marks.partial = self._remember(cls(**{**missing, **values, **salvaged}), node, marks)
            return _INVALID
        return self._remember(cls(**values), node, marks)

    def _remember(self, obj: Any, node: Any, marks: Any) -> Any:
        """Record where ``obj`` and each of its fields and list items came from; return ``obj``."""
        self.marks.keep(obj, (node.start_mark.line + 1, node.start_mark.column + 1), marks)
        return obj

    def _scalar(self, hint: Any, node: Any, what: str) -> Any:
        if not _is_kind(node, "ScalarNode"):
            self.problem(node, Message("{what} must be a single value, not a list or mapping", what=what))
            return _INVALID
        try:  # a plain string is its node's text (what PyYAML's constructor returns), without the call
            value = node.value if node.tag == _STR_TAG else self.construct(node)
        except Exception as exc:  # noqa: BLE001 - PyYAML raises several types for one bad scalar
            self.problem(node, yaml_message(exc))
            return _INVALID
        result, wrong = typed(hint, value, node.value, what)
        if wrong is not None:
            self.problem(node, wrong)
        return result


def _item_marks(node: Any) -> list[int] | None:
    """The lines and columns of a sequence node's items, flat; None for any other node."""
    if not _is_kind(node, "SequenceNode"):
        return None
    return [n for child in node.value for n in (child.start_mark.line + 1, child.start_mark.column + 1)]


def _words(node: Any) -> set[str]:
    """Every word (ids included) of the scalars under ``node``."""
    words: set[str] = set()
    stack = [node]
    while stack:
        value = stack.pop().value
        if isinstance(value, str):
            words.update(_WORD.findall(value))
        else:
            stack.extend(part for item in value for part in (item if isinstance(item, tuple) else (item,)))
    return words


_WORD = re.compile(r"[\w.-]+")


@functools.cache
def _written(cls: type) -> tuple[dict[str, ModelField], dict[str, Any]]:
    """The fields a file may write (not those derived at load time), with their type hints."""
    fields, hints = type_plan(cls)
    return {name: f for name, f in fields.items() if not derived(f)}, hints


#: What stands in for a missing or invalid top-level field while an invalid file is still checked.
_STAND_IN: dict[Any, Any] = {int: SCHEMA_VERSION, str: "", dt.date: dt.date.min}


def _contains_invalid(value: Any) -> bool:
    return isinstance(value, tuple) and any(v is _INVALID for v in value)


def parse(text: str | bytes, file: str) -> tuple[KnowledgeBaseData | None, Marks, list[Problem]]:
    """Parse and type-check ``text`` (or a file's UTF-8 bytes); return the data (None if invalid), marks and
    problems."""
    import yaml

    from mesocli.core.events import read_events

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    fast = read_events(loader_cls(text), file)
    if fast is not None:  # a file without problems or aliases: read without composing its whole tree
        return fast[0], fast[1], []
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    loader = loader_cls(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            return None, Marks(file), [yaml_problem(file, exc, text)]
        if root is None:
            return None, Marks(file), [Problem(file, Message("is empty; expected a knowledge base"), 1, 1)]
        old = schema_1_problem(root, file)
        if old is not None:
            return None, Marks(file), [old]
        too_large = expansion_problem(root, text, file)
        if too_large is not None:
            return None, Marks(file), [too_large]
        builder = _Builder(file, loader.construct_object)
        try:
            data = builder.build(KnowledgeBaseData, root, "")
        except RecursionError:
            return None, builder.marks, [Problem(file, "is nested too deeply")]
        if data is _INVALID:
            return None, builder.marks, builder.problems or [Problem(file, "is not a knowledge base")]
        return data, builder.marks, builder.problems
    finally:
        loader.dispose()


def _twice(key: str, what: str) -> Message:
    """A key written twice, and where."""
    if what:
        return Message("key {key} appears twice in {what}", key=repr(key), what=what)
    return Message("key {key} appears twice", key=repr(key))


def _missing(name: str, what: str) -> Message:
    """A required key left out, and where."""
    if what:
        return Message("missing required key {key} in {what}", key=repr(name), what=what)
    return Message("missing required key {key}", key=repr(name))


def _unknown_key(key: object, what: str, close: list[str]) -> Message:
    """An unknown key, where it is, and the nearest known key when one is close."""
    if close and what:
        return Message(
            "unknown key {key} in {what} (did you mean {close}?)", key=repr(key), what=what, close=repr(close[0])
        )
    if close:
        return Message("unknown key {key} (did you mean {close}?)", key=repr(key), close=repr(close[0]))
    if what:
        return Message("unknown key {key} in {what}", key=repr(key), what=what)
    return Message("unknown key {key}", key=repr(key))
