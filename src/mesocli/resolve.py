"""Name resolution: id, name, alias or unique prefix, case-insensitively, with suggestions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from .errors import NotFoundError

_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise(name: str) -> str:
    """The form names are compared in: case-folded, with runs of spaces, hyphens and underscores as one space."""
    return _SEPARATORS.sub(" ", name.casefold()).strip()


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


T = TypeVar("T", bound=Named)


class NameIndex(Generic[T]):
    """Looks entries up by any of their names."""

    def __init__(self, entries: Iterable[T], kind: str) -> None:
        self.kind = kind
        self._entries: Sequence[T] = tuple(entries)
        self._keys: dict[str, T] = {}
        for entry in self._entries:
            for name in (entry.id, entry.title, *entry.aliases):
                self._keys.setdefault(normalise(name), entry)

    def names(self) -> list[str]:
        """Every id, in file order (what completion offers)."""
        return [e.id for e in self._entries]

    def get(self, name: str) -> T:
        """The entry called ``name``; raises :class:`NotFoundError` with suggestions."""
        key = normalise(name)
        if not key:
            raise NotFoundError(name, self.kind, tuple(self.names()[:5]))
        found = self._keys.get(key)
        if found is not None:
            return found
        prefixed = {id(e): e for k, e in self._keys.items() if k.startswith(key)}
        if len(prefixed) == 1:
            return next(iter(prefixed.values()))
        if prefixed:
            raise NotFoundError(name, self.kind, tuple(e.id for e in prefixed.values())[:5])
        raise NotFoundError(name, self.kind, self.suggest(key))

    def suggest(self, key: str, n: int = 3) -> tuple[str, ...]:
        """Ids of the entries whose names look most like ``key``, best first."""
        close = difflib.get_close_matches(key, list(self._keys), n=n * 3, cutoff=0.6)
        ids: list[str] = []
        for k in close:
            eid = self._keys[k].id
            if eid not in ids:
                ids.append(eid)
        return tuple(ids[:n])
