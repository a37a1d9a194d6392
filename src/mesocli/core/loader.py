"""Read a knowledge-base YAML file into the typed models, collecting every problem.

YAML is composed into nodes with PyYAML's safe C loader where present, then each node is
checked against the model's type hints, so that every problem carries its file, line,
column and entry id. Nothing here prints or exits.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, get_args, get_origin

from mesocli.core.errors import Problem
from mesocli.core.escape import text_problem
from mesocli.core.expansion import expansion_problem
from mesocli.core.migrate import schema_1_problem
from mesocli.core.model import Field as ModelField
from mesocli.core.model import required
from mesocli.core.models import SCHEMA_VERSION, KnowledgeBaseData, derived
from mesocli.core.numbers import number_problem
from mesocli.core.plain import hint_plan, type_plan
from mesocli.core.yaml_errors import is_kind as _is_kind
from mesocli.core.yaml_errors import is_null as _is_null
from mesocli.core.yaml_errors import yaml_message, yaml_problem

Mark = tuple[int, int]  # 1-based line and column
MarkKey = tuple[int, str | None, int | None]  # (id(object), field, index)

_MAP_TAG = "tag:yaml.org,2002:map"
#: Characters that could drive a terminal: C0 and C1 controls other than tab and newline,
#: and the bidirectional overrides that reorder text.
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)


@dataclass
class Marks:
    """Where each built object and field came from, for problems found after building."""

    file: str
    positions: dict[MarkKey, Mark] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)  # every entry's id, also of entries that failed to build
    unbuilt_words: set[str] = field(default_factory=set)  # words of entries that failed to build (their citations)
    partial: KnowledgeBaseData | None = None  # the valid part of an invalid file, for the cross-entry checks

    def at(self, obj: object, name: str | None = None, index: int | None = None) -> Mark | None:
        return self.positions.get((id(obj), name, index)) or (
            self.positions.get((id(obj), name, None)) if index is not None else None
        )


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
            self.problem(node, f"YAML tag {node.tag} is not allowed")
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
            self.problem(node, f"{what} must be a list")
            return _INVALID
        items = [self.build(item_hint, child, f"{what}[{i}]") for i, child in enumerate(node.value)]
        return tuple(items)

    def _dataclass(self, cls: type, node: Any, what: str) -> Any:
        if not _is_kind(node, "MappingNode"):
            self.problem(node, f"{what or 'the knowledge base'} must be a mapping of keys to values")
            return _INVALID
        fields, hints = _written(cls)
        given: dict[str, tuple[Any, Any]] = {}
        outer_entry = self.entry_id
        entry = cls.__name__ in ("Treatment", "Guide", "Term", "Study", "Reference")
        if entry:
            what = ""
            for key_node, value_node in node.value:
                if key_node.value == "id" and isinstance(value_node.value, str):
                    self.entry_id = value_node.value
                    self.marks.ids.add(value_node.value)
        where = f" in {what}" if what else ""
        for key_node, value_node in node.value:
            key = key_node.value if _is_kind(key_node, "ScalarNode") else None
            if not isinstance(key, str) or key not in fields:
                close = difflib.get_close_matches(str(key), list(fields), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problem(key_node, f"unknown key {key!r}{where}{hint}")
                continue
            if key in given:
                self.problem(key_node, f"key {key!r} appears twice{where}")
                continue
            given[key] = (key_node, value_node)
        values: dict[str, Any] = {}
        salvaged: dict[str, Any] = {}
        positions: dict[str, Mark] = {}
        item_marks: dict[tuple[str, int], Mark] = {}
        ok = True
        for name, f in fields.items():
            if name not in given:
                if required(f):
                    self.problem(node, f"missing required key {name!r}{where}")
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
            positions[name] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            if isinstance(value, tuple) and _is_kind(value_node, "SequenceNode"):
                for i, child in enumerate(value_node.value):
                    item_marks[(name, i)] = (child.start_mark.line + 1, child.start_mark.column + 1)
        self.entry_id = outer_entry
        if not ok and cls is not KnowledgeBaseData:
            if entry:  # an entry that failed: what it cites is not "never cited"
                self.marks.unbuilt_words.update(_words(node))
            return _INVALID
        if not ok:  # the top level: keep what is valid, so that the cross-entry checks run in the same pass
            missing = {n: _STAND_IN.get(hints[n], ()) for n, f in fields.items() if n not in values and required(f)}
            self.marks.partial = self._remember(cls(**{**missing, **values, **salvaged}), node, positions, item_marks)
            return _INVALID
        return self._remember(cls(**values), node, positions, item_marks)

    def _remember(self, obj: Any, node: Any, positions: dict[str, Mark], items: dict[tuple[str, int], Mark]) -> Any:
        """Record where ``obj`` and each of its fields and list items came from; return ``obj``."""
        start = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.marks.positions[(id(obj), None, None)] = start
        for name, mark in positions.items():
            self.marks.positions[(id(obj), name, None)] = mark
        for (name, i), mark in items.items():
            self.marks.positions[(id(obj), name, i)] = mark
        return obj

    def _scalar(self, hint: Any, node: Any, what: str) -> Any:
        if not _is_kind(node, "ScalarNode"):
            self.problem(node, f"{what} must be a single value, not a list or mapping")
            return _INVALID
        try:  # a plain string is its node's text (what PyYAML's constructor returns), without the call
            value = node.value if node.tag == _STR_TAG else self.construct(node)
        except Exception as exc:  # noqa: BLE001 - PyYAML raises several types for one bad scalar
            self.problem(node, yaml_message(exc))
            return _INVALID
        if get_origin(hint) is Literal:
            allowed = get_args(hint)
            if value in allowed and type(value) in {type(a) for a in allowed}:  # True is not the number 1
                return value
            close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
            hint_text = f"; did you mean {close[0]!r}?" if close else ""
            self.problem(node, f"{what} is {value!r}, expected one of {', '.join(map(str, allowed))}{hint_text}")
            return _INVALID
        if hint is str:
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                self.problem(node, f"{what} must be text")
                return _INVALID
            text = value if isinstance(value, str) else str(node.value)
            wrong = text_problem(text, what)
            if wrong:
                self.problem(node, wrong)
                return _INVALID
            return text
        if hint is bool:
            if not isinstance(value, bool):
                self.problem(node, f"{what} must be true or false")
                return _INVALID
            return value
        if hint is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.problem(node, f"{what} must be a whole number")
                return _INVALID
            return self._number(node, value, what, whole=True)
        if hint is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.problem(node, f"{what} must be a number")
                return _INVALID
            return self._number(node, float(value), what, whole=False)
        if hint is dt.date:
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    pass
            self.problem(node, f"{what} must be a date like 2026-01-31")
            return _INVALID
        raise TypeError(f"unsupported field type {hint!r}")  # a bug in the models, not the file

    def _number(self, node: Any, value: float, what: str, whole: bool) -> Any:
        wrong = number_problem(str(node.value), value, what, whole)
        if wrong:
            self.problem(node, wrong)
            return _INVALID
        return value


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


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


_INVALID: Any = _Invalid()
#: What stands in for a missing or invalid top-level field while an invalid file is still checked.
_STAND_IN: dict[Any, Any] = {int: SCHEMA_VERSION, str: "", dt.date: dt.date.min}


def _contains_invalid(value: Any) -> bool:
    return isinstance(value, tuple) and any(v is _INVALID for v in value)


def parse(text: str, file: str) -> tuple[KnowledgeBaseData | None, Marks, list[Problem]]:
    """Parse and type-check ``text``; return the data (None if invalid), marks and problems."""
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            return None, Marks(file), [yaml_problem(file, exc, text)]
        if root is None:
            return None, Marks(file), [Problem(file, "is empty; expected a knowledge base", 1, 1)]
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
