"""Read-only views over a stored knowledge base: entries decoded on first read, names, search terms."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from mesocli.store.database import Damaged, crc

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:
    from typing import Any, TypeAlias

    from mesocli.store.read import Stored

    _Entries: TypeAlias = Sequence[Any]
else:
    _Entries = Sequence


class StoredEntries(_Entries):
    """One collection's entries, each decoded from its JSON row when first read.

    If a row turns out damaged, ``fallback(kind)`` gives the collection parsed afresh from the file.
    """

    def __init__(
        self,
        stored: Stored,
        kind: str,
        count: int,
        decode: Callable[[Any], Any],
        fallback: Callable[[str], Sequence[Any]],
    ) -> None:
        self._stored, self._kind, self._count = stored, kind, count
        self._decode, self._fallback = decode, fallback
        self._decoded: dict[int, Any] = {}
        self._replacement: Sequence[Any] | None = None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        if self._replacement is not None:
            return self._replacement[index]
        if index not in self._decoded:
            try:
                self._decoded[index] = self._read(index)
            except Damaged:
                self._replacement = self._fallback(self._kind)
                return self._replacement[index]
        return self._decoded[index]

    def _read(self, index: int) -> Any:
        found = self._stored.query("SELECT data, crc FROM entries WHERE kind = ? AND position = ?", self._kind, index)
        if not found:
            raise Damaged(f"{self._kind}[{index}] is missing")
        return self._decode(self._stored.checked(self._kind, index, *found[0]))

    def __iter__(self) -> Iterator[Any]:
        for i in range(self._count):
            yield self[i]


class StoredNames:
    """Names to positions for one kind: one row per exact lookup, the whole table for prefixes."""

    def __init__(self, stored: Stored, kind: str) -> None:
        self._stored, self._kind = stored, kind
        self._all: list[tuple[str, int]] | None = None
        self._ids: list[str] | None = None

    def get(self, key: str) -> int | None:
        found = self._stored.query("SELECT position, crc FROM names WHERE kind = ? AND key = ?", self._kind, key)
        if not found:
            return None
        position, check = found[0]
        if crc(self._kind, key, position) != check:
            raise Damaged(f"name {key!r}")
        return int(position)

    def items(self) -> Iterable[tuple[str, int]]:
        if self._all is None:
            rows = self._stored.query("SELECT key, position, crc FROM names WHERE kind = ?", self._kind)
            if any(crc(self._kind, key, position) != check for key, position, check in rows):
                raise Damaged(f"names of {self._kind}")
            self._all = [(key, position) for key, position, _check in rows]
        return self._all

    def ids(self) -> Sequence[str]:
        if self._ids is None:
            self._ids = self._stored.ids(self._kind)
        return self._ids


class StoredVocabulary:
    """Search terms in the database: words looked up in the FTS5 vocabulary (``fts5vocab``) when the
    database has it, else in the ``terms`` table; postings read from ``terms`` for each term used."""

    def __init__(self, stored: Stored, kinds: str) -> None:
        self._stored = stored
        self._kinds = kinds
        table, length = ("fts_vocab", "length(term)") if stored.full_text else ("terms", "length")
        self._exact = f"SELECT 1 FROM {table} WHERE term = ?"
        self._prefixed = f"SELECT term FROM {table} WHERE term >= ? AND term < ? AND {length} BETWEEN ? AND ?"
        self._near = f"SELECT term FROM {table} WHERE {length} BETWEEN ? AND ?"

    @property
    def kinds(self) -> str:
        return self._kinds

    def has(self, term: str) -> bool:
        return bool(self._stored.query(self._exact, term))

    def postings(self, term: str) -> tuple[Sequence[int], Sequence[float]]:
        found = self._stored.query("SELECT positions, weights, crc FROM terms WHERE term = ?", term)
        if not found or crc(term, found[0][0], found[0][1]) != found[0][2]:
            raise Damaged(f"term {term!r}")
        from array import array  # only when a search reads postings

        positions, weights = array("I"), array("d")
        positions.frombytes(found[0][0])
        weights.frombytes(found[0][1])
        if len(positions) != len(weights) or not positions:
            raise Damaged(f"term {term!r}")
        return positions, weights

    def prefixed(self, word: str, shortest: int, longest: int) -> list[str]:
        rows = self._stored.query(self._prefixed, word, word + "\U0010ffff", shortest, longest)
        return [term for (term,) in rows if term.startswith(word)]

    def near(self, shortest: int, longest: int) -> list[str]:
        return [term for (term,) in self._stored.query(self._near, shortest, longest)]


class Chain(_Entries):
    """Several sequences read as one, without copying (treatments, then guides, then terms)."""

    __slots__ = ("_parts",)

    def __init__(self, *parts: Sequence[Any]) -> None:
        self._parts = parts

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

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
