"""Opening a knowledge base's database: only when it is ours, intact and built from the file as it is now."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence

from mesocli.core.errors import Problem
from mesocli.core.models import COLLECTIONS, TreatmentRow
from mesocli.core.plain import from_data
from mesocli.store import folder, location
from mesocli.store.database import Damaged, check_header, connect_read_only, crc, expected_meta, json_value
from mesocli.store.identity import Identity, file_digest, identity_of, settled
from mesocli.store.views import StoredEntries, StoredNames, StoredVocabulary

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

_SMALL_META = "SELECT key, value, crc FROM meta WHERE key NOT LIKE 'ids:%' AND key NOT LIKE 'positions:%'"


def open_stored(file: str | Path, lang: str = "en", overlay: str | None = None) -> Stored | None:
    """The database of ``file`` if it can be trusted and is fresh; None otherwise (then rebuild it).

    In another language than English, the database of its edition, made with the translation whose content
    identity (:func:`mesocli.store.pagekey.content_identity`) is ``overlay``.
    """
    place = folder.directory_name()
    if place is None or not folder.trusted(place, create=False):
        return None
    path = location.database_file(place, file, lang)
    if not location.made_by_store(path):
        return None
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        if check_header(connection):
            meta = _verified(connection.execute(_SMALL_META))
            edition = meta.get("lang", "en") == lang and meta.get("overlay") == overlay
            if edition and _ours(meta, file) and _fresh(meta, file, path):
                return Stored(connection, meta)
    except (sqlite3.Error, Damaged, ValueError, KeyError, TypeError):
        pass
    connection.close()
    return None


def discard(file: str | Path, lang: str = "en") -> None:
    """Delete the database of ``file`` (in ``lang``; found damaged), so that the next run builds it again."""
    place = folder.directory_name()
    if place is not None and folder.trusted(place, create=False):
        path = location.database_file(place, file, lang)
        if location.made_by_store(path):
            import contextlib

            with contextlib.suppress(OSError):
                os.unlink(path)


def _verified(rows: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    meta = {}
    for key, value, check in rows:
        if crc(key, value) != check:
            raise Damaged(key)
        meta[key] = value
    return meta


def _ours(meta: dict[str, str], file: str | Path) -> bool:
    wanted = expected_meta() | {"path": os.path.realpath(file)}
    return all(meta.get(key) == value for key, value in wanted.items())


def _fresh(meta: dict[str, str], file: str | Path, path: str) -> bool:
    """Whether the database was built from the file's present content (see store/identity.py)."""
    now = identity_of(file)
    built = Identity(*json_value(meta["identity"]))
    if now is None:
        return False
    if now == built and meta["settled"] == "1":
        return True
    if now.size != built.size:
        return False
    read_at = time.time_ns()
    if file_digest(file) != meta["sha256"]:
        return False
    if identity_of(file) == now and settled(now, read_at):
        _remember(path, meta["sha256"], now)
    return True


def _remember(path: str, digest: str, identity: Identity) -> None:
    """Record that the file, confirmed by its hash, now has a settled identity (best effort)."""
    import json  # only when the file's identity has settled since the build

    values = {"identity": json.dumps(list(identity), separators=(",", ":")), "settled": "1"}
    try:
        connection = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            stored = connection.execute("SELECT value FROM meta WHERE key = 'sha256'").fetchone()
            if stored is not None and stored[0] == digest:
                for key, value in values.items():
                    connection.execute(
                        "UPDATE meta SET value = ?, crc = ? WHERE key = ?", (value, crc(key, value), key)
                    )
            connection.execute("COMMIT")
        finally:
            connection.close()
    except sqlite3.Error:
        pass


class Stored:
    """A fresh, trusted database, open read-only; every row is checked as it is read."""

    def __init__(self, connection: sqlite3.Connection, meta: dict[str, str]) -> None:
        self.connection = connection
        self.meta = meta
        self.header: list[Any] = json_value(meta["header"])
        self.counts: dict[str, int] = json_value(meta["counts"])
        self.full_text = meta["fts"] == "1"

    def query(self, sql: str, *args: object) -> list[Any]:
        """Rows of ``sql``; any database error means damage."""
        try:
            return self.connection.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise Damaged(str(exc)) from None

    def value(self, key: str) -> str:
        return _verified(self.query("SELECT key, value, crc FROM meta WHERE key = ?", key))[key]

    def ids(self, kind: str) -> list[str]:
        ids: list[str] = json_value(self.value(f"ids:{kind}"))
        return ids

    def entries(self, kind: str, fallback: Callable[[str], Sequence[Any]]) -> StoredEntries:
        model = COLLECTIONS[kind][1]
        return StoredEntries(self, kind, self.counts[kind], lambda data: from_data(model, data), fallback)

    def names(self, kind: str) -> StoredNames:
        return StoredNames(self, kind)

    def vocabulary(self) -> StoredVocabulary:
        return StoredVocabulary(self, self.meta["kinds"])

    def rows(self, kind: str) -> list[TreatmentRow]:
        found = self.query("SELECT position, data, crc FROM rows WHERE kind = ? ORDER BY position", kind)
        return [from_data(TreatmentRow, self.checked(kind, position, data, check)) for position, data, check in found]

    def positions(self, name: str) -> list[int]:
        """The positions kept under ``name`` when the database was built (one meta row, checked)."""
        key = f"positions:{name}"
        found = self.query("SELECT key, value, crc FROM meta WHERE key = ?", key)
        positions: object = json_value(_verified(found)[key]) if found else None
        if not isinstance(positions, list) or not all(type(p) is int for p in positions):
            raise Damaged(key)
        return positions

    def warnings(self, today: dt.date) -> tuple[Problem, ...]:
        found = self.query(
            "SELECT seq, applies_from, data, crc FROM warnings WHERE applies_from IS NULL OR applies_from <= ?"
            " ORDER BY seq",
            today.isoformat(),
        )
        return tuple(Problem(**self.checked(seq, day, data, check)) for seq, day, data, check in found)

    def checked(self, key: object, position: object, data: str, check: int) -> Any:
        """A row's JSON data, decoded after its checksum is confirmed."""
        if crc(key, position, data) != check:
            raise Damaged(f"{key}[{position}]")
        return json_value(data)
