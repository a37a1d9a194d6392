"""Name resolution: id, name, alias or unique prefix, case-insensitively, with suggestions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mesocli.core.errors import AmbiguousNameError, NotFoundError
from mesocli.core.names import normalise

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:  # protocols the type checker reads (typing's classes cost more at import than the rest here)
    from typing import Generic, Protocol, TypeVar

    class Named(Protocol):
        @property
        def id(self) -> str: ...
        @property
        def title(self) -> str: ...
        @property
        def aliases(self) -> tuple[str, ...]: ...

    class NameKeys(Protocol):
        """Normalised names to entry positions, and each position's id: in memory or in the store."""

        def get(self, key: str) -> int | None: ...

        def items(self) -> Iterable[tuple[str, int]]: ...

        def ids(self) -> Sequence[str]: ...

    T = TypeVar("T", bound=Named)
else:
    T = None

    class Generic:
        """What ``Generic[T]`` gives ``NameIndex`` at run time: nothing (the type checker reads the branch above)."""

        def __class_getitem__(cls, _item: object) -> type:
            return cls


def name_keys(entries: Sequence[Named]) -> dict[str, int]:
    """Every normalised name (id, title, aliases) mapped to the position of the entry it belongs to."""
    keys: dict[str, int] = {}
    for position, entry in enumerate(entries):
        for name in (entry.id, entry.title, *entry.aliases):
            keys.setdefault(normalise(name), position)
    return keys


class MemoryNames:
    """The names of entries held in memory."""

    def __init__(self, entries: Sequence[Named]) -> None:
        self._keys = name_keys(entries)
        self._ids = [e.id for e in entries]

    def get(self, key: str) -> int | None:
        return self._keys.get(key)

    def items(self) -> Iterable[tuple[str, int]]:
        return self._keys.items()

    def ids(self) -> Sequence[str]:
        return self._ids


class NameIndex(Generic[T]):
    """Looks entries up by any of their names; touches only the entry it returns."""

    def __init__(self, entries: Sequence[T], kind: str, keys: NameKeys | None = None) -> None:
        self.kind = kind
        self._entries = entries
        self._keys: NameKeys = keys if keys is not None else MemoryNames(entries)

    def names(self) -> list[str]:
        """Every id, in file order (what completion offers)."""
        return list(self._keys.ids())

    def get(self, name: str) -> T:
        """The entry called ``name``; raises :class:`NotFoundError` with suggestions."""
        key = normalise(name)
        ids = self._keys.ids
        if not key:
            raise NotFoundError(name, self.kind, tuple(ids()[:5]))
        found = self._keys.get(key)
        if found is not None:
            return self._entries[found]
        prefixed = sorted({p for k, p in self._keys.items() if k.startswith(key)})
        if len(prefixed) == 1:
            return self._entries[prefixed[0]]
        if prefixed:
            raise AmbiguousNameError(name, self.kind, tuple(ids()[p] for p in prefixed))
        raise NotFoundError(name, self.kind, self.suggest(key))

    def suggest(self, key: str, n: int = 3) -> tuple[str, ...]:
        """Ids of the entries whose names look most like ``key``, best first."""
        keys = dict(self._keys.items())
        import difflib  # only when a name is not found

        close = difflib.get_close_matches(key, list(keys), n=n * 3, cutoff=0.6)
        ids: list[str] = []
        for k in close:
            eid = self._keys.ids()[keys[k]]
            if eid not in ids:
                ids.append(eid)
        return tuple(ids[:n])
