"""Entries kept as individually pickled blobs and decoded on first use.

A cached knowledge base of thousands of entries would take hundreds of milliseconds to unpickle
whole; ``show`` needs one entry and ``search`` a handful. ``LazyEntries`` is a read-only sequence
that decodes an entry when it is first read.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class LazyEntries(Sequence[T], Generic[T]):
    """A sequence of entries, each unpickled from its blob when first read."""

    __slots__ = ("_blobs", "_decoded")

    def __init__(self, blobs: Sequence[bytes]) -> None:
        self._blobs = blobs
        self._decoded: list[T | None] = [None] * len(blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        value = self._decoded[index]
        if value is None:
            value = pickle.loads(self._blobs[index])  # our own cache file: see cache.read
            self._decoded[index] = value
        return value

    def __iter__(self) -> Iterator[T]:
        for i in range(len(self)):
            yield self[i]


class Chain(Sequence[Any]):
    """Several sequences read as one, without copying (treatments, then guides, then terms)."""

    __slots__ = ("_parts",)

    def __init__(self, *parts: Sequence[Any]) -> None:
        self._parts = parts

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        for part in self._parts:
            if index < len(part):
                return part[index]
            index -= len(part)
        raise IndexError(index)


def pack(entries: Sequence[Any]) -> list[bytes]:
    return [pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL) for entry in entries]
