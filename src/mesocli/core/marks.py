"""Where each built object, field and list item came from in the file: kept compactly, for problems found later.

A knowledge base of 5,000 entries builds about a hundred thousand objects with several fields each; a
dictionary entry per field and item (a tuple key and a tuple value) cost more memory than the models
themselves. Here each object has one array of integers: its own line and column, then per written field
(in the model's order) the line and column of the value and where its list items' marks start and how
many there are, then the items' lines and columns.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mesocli.core.models import derived

if TYPE_CHECKING:
    from mesocli.core.models import KnowledgeBaseData

Mark = tuple[int, int]  # 1-based line and column
#: Integers per field in an object's array: line, column, first item (in the array), item count.
_PER_FIELD = 4
_HEAD = 2


@functools.cache
def slots(cls: type) -> dict[str, int]:
    """The array offset of each field a file may write in ``cls`` (fields derived at load time have none)."""
    names = [f.name for f in cls.__model_fields__ if not derived(f)]  # type: ignore[attr-defined] # a model class
    return {name: _HEAD + _PER_FIELD * i for i, name in enumerate(names)}


def blank(cls: type) -> array[int]:
    """A new, empty array of marks for an object of ``cls``."""
    return array("I", bytes(4 * (_HEAD + _PER_FIELD * len(slots(cls)))))


def set_field(marks: array[int], offset: int, mark: Mark, items: Sequence[int] | None) -> None:
    """Record at ``offset`` (from :func:`slots`) where a field's value starts, and its items' flat marks."""
    marks[offset], marks[offset + 1] = mark
    if items:
        marks[offset + 2], marks[offset + 3] = len(marks), len(items) // 2
        marks.extend(items)


@dataclass
class Marks:
    """Where each built object and field came from, for problems found after building."""

    file: str
    positions: dict[int, array[int]] = field(default_factory=dict)  # id(object) -> its marks
    ids: set[str] = field(default_factory=set)  # every entry's id, also of entries that failed to build
    unbuilt_words: set[str] = field(default_factory=set)  # words of entries that failed to build (their citations)
    partial: KnowledgeBaseData | None = None  # the valid part of an invalid file, for the cross-entry checks

    def keep(self, obj: object, start: Mark, marks: array[int]) -> None:
        """Remember ``marks`` (from :func:`blank`, filled by :func:`set_field`) for ``obj``, made at ``start``."""
        marks[0], marks[1] = start
        self.positions[id(obj)] = marks

    def at(self, obj: object, name: str | None = None, index: int | None = None) -> Mark | None:
        """Where ``obj`` was written (``name`` None), its field ``name``, or item ``index`` of that field (the
        field's own mark when the item has none)."""
        marks = self.positions.get(id(obj))
        if marks is None:
            return None
        if name is None:
            return marks[0], marks[1]
        kind: type = type(obj)
        offset = slots(kind).get(name)
        if offset is None or not marks[offset]:
            return None
        first, count = marks[offset + 2], marks[offset + 3]
        if index is not None and 0 <= index < count:
            return marks[first + 2 * index], marks[first + 2 * index + 1]
        return marks[offset], marks[offset + 1]
