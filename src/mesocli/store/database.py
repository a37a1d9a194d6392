"""The database's layout, its checksums, and opening it read-only.

Every row carries a CRC-32 of its content, checked whenever the row is read: a damaged byte makes the
row unreadable (:class:`Damaged`), never a different figure. Collections are rows of one ``entries``
table keyed by a generic ``kind``, so a new collection needs no new table.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import zlib
from collections.abc import Callable

from mesocli._version import __version__
from mesocli.store.location import APPLICATION_ID, code_fingerprint

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

#: The layout version, kept in PRAGMA user_version; bump when a table changes.
FORMAT = 4  # 2: search weights changed (side effects weigh less); 3: names folded for Turkish i; 4: positions
#: Whether to build the FTS5 table when this Python's SQLite has it (tests switch it off).
USE_FTS5 = True

TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL, crc INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE entries(
    kind TEXT NOT NULL, position INTEGER NOT NULL, data TEXT NOT NULL, crc INTEGER NOT NULL,
    PRIMARY KEY (kind, position)) WITHOUT ROWID;
CREATE TABLE rows(
    kind TEXT NOT NULL, position INTEGER NOT NULL, data TEXT NOT NULL, crc INTEGER NOT NULL,
    PRIMARY KEY (kind, position)) WITHOUT ROWID;
CREATE TABLE names(
    kind TEXT NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, crc INTEGER NOT NULL,
    PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE warnings(seq INTEGER PRIMARY KEY, applies_from TEXT, data TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE terms(
    term TEXT PRIMARY KEY, length INTEGER NOT NULL, positions BLOB NOT NULL, weights BLOB NOT NULL,
    crc INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX terms_by_length ON terms(length, term);
"""
#: The search text, one column per weight class (names and aliases, summaries, body), as the words
#: search ranks by; the ascii tokenizer splits only at the spaces between them.
FULL_TEXT = """
CREATE VIRTUAL TABLE fts USING fts5(
    names, summary, body, content='', detail='none', tokenize="ascii tokenchars '_'");
CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, row);
"""


class Damaged(Exception):
    """A database row failed its checksum or could not be read: the database is not to be trusted."""


def crc(*parts: object, value: int = 0) -> int:
    """The checksum of a row's parts (text, numbers or bytes); ``value``: the checksum of the parts before."""
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        value = zlib.crc32(data + b"\x00", value)
    return value


class _Decoding:
    """What ``json.JSONDecoder()`` hands its C scanner: the settings of ``json.loads`` with no arguments."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__


def _scanner() -> Callable[[str, int], tuple[Any, int]] | None:
    try:
        from _json import make_scanner  # CPython's JSON scanner: what json.loads runs
    except ImportError:  # another Python: json.loads itself
        return None
    settings: Any = _Decoding()
    scan: Callable[[str, int], tuple[Any, int]] = make_scanner(settings)
    return scan


_SCAN = _scanner()


def json_value(text: str) -> Any:
    """``json.loads(text)``, without importing ``json`` (its decoder, scanner and encoder modules) for the
    compact JSON the store writes: the text is read by the C scanner that ``json.loads`` uses, with the same
    settings. Any other text (space around the value, not JSON, another Python) goes to ``json.loads``."""
    if _SCAN is not None:
        try:
            value, end = _SCAN(text, 0)
        except (StopIteration, ValueError):
            pass
        else:
            if end == len(text):
                return value
    import json

    return json.loads(text)


def expected_meta() -> dict[str, str]:
    """The meta values a database must hold to be read by this mesocli on this machine."""
    return {
        "format": str(FORMAT),
        "mesocli": __version__,
        "code": code_fingerprint(),
        "byteorder": sys.byteorder,
        "quick_check": "ok",
    }


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (``file:...?mode=ro``) to a database that must already exist."""
    connection = sqlite3.connect(f"{file_uri(path)}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("PRAGMA query_only = ON")
    return connection


def check_header(connection: sqlite3.Connection) -> bool:
    """Whether the database says it is ours, in this layout."""
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    return bool(application == APPLICATION_ID and version == FORMAT)


def fts5_available(connection: sqlite3.Connection) -> bool:
    """Whether FTS5 is to be used with this connection's SQLite."""
    if not USE_FTS5:
        return False
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x)")
        connection.execute("DROP TABLE temp.probe")
    except sqlite3.Error:
        return False
    return True


#: The bytes a ``file:`` URI keeps as they are (what ``Path.as_uri`` leaves unquoted).
_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def file_uri(path: str | Path) -> str:
    """``Path(path).as_uri()`` for an absolute POSIX path, without importing ``pathlib`` (nor ``urllib``)."""
    if os.name != "posix":
        from pathlib import Path

        return Path(path).as_uri()
    raw = os.fsencode(path)
    return "file://" + "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in raw)
