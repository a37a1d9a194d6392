"""Building a database: into a temporary file in the store's folder, then renamed into place."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mesocli.core.files import DatedProblem
from mesocli.core.serialize import to_data
from mesocli.store import location
from mesocli.store.database import FORMAT, FULL_TEXT, TABLES, crc, expected_meta, fts5_available
from mesocli.store.identity import Identity
from mesocli.store.location import APPLICATION_ID


@dataclass
class Contents:
    """What a database holds, worked out by the caller from a parsed, checked knowledge base."""

    header: list[Any]  # schema_version, title, version, last_reviewed, disclaimer (plain data)
    collections: Mapping[str, Sequence[Any]]  # kind -> models
    names: Mapping[str, Mapping[str, int]]  # kind -> normalised name -> position
    rows: Mapping[str, Sequence[Mapping[str, Any]]]  # kind -> list rows
    warnings: Sequence[DatedProblem]
    postings: Mapping[str, tuple[Any, Any]]  # term -> (array of positions, array of weights)
    kinds: str  # one letter per search position
    columns: Sequence[tuple[str, str, str]]  # per search position: names, summary and body words
    positions: Mapping[str, Sequence[int]]  # name -> positions worked out once (e.g. the options easing symptoms)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def save(
    folder: Path,
    file: Path,
    identity: Identity,
    digest: str,
    settled: bool,
    contents: Contents,
    edition: tuple[str, str] | None = None,
) -> Path | None:
    """Write the database of ``file`` into ``folder``; returns its path, or None if it could not be written.

    ``edition``: (language, the translation's content identity) for the database of a translated edition.
    """
    target = location.database_path(folder, file, edition[0] if edition else "en")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}-", suffix=".tmp")
        os.close(handle)
    except OSError:
        return None
    try:
        meta = {
            **expected_meta(),
            "path": str(file.resolve()),
            "sha256": digest,
            "identity": _json(list(identity)),
            "settled": "1" if settled else "0",
        }
        if edition is not None:
            meta |= {"lang": edition[0], "overlay": edition[1]}
        if not _build(Path(temporary), meta, contents):
            return None
        os.replace(temporary, target)
    except (OSError, sqlite3.Error, ValueError, OverflowError):
        return None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    location.prune(folder, keep=target.name)
    return target


def _build(path: Path, meta: dict[str, str], contents: Contents) -> bool:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {FORMAT}")
        connection.executescript(TABLES)  # executescript commits: tables first, then one transaction
        full_text = fts5_available(connection)
        if full_text:
            connection.executescript(FULL_TEXT)
        connection.execute("BEGIN")
        _fill(connection, contents, full_text)
        if full_text and not _same_vocabulary(connection, contents):
            connection.execute("DROP TABLE fts_vocab")
            connection.execute("DROP TABLE fts")
            full_text = False
        meta |= _meta(contents, full_text)
        connection.executemany("INSERT INTO meta VALUES (?, ?, ?)", [(k, v, crc(k, v)) for k, v in meta.items()])
        connection.execute("COMMIT")
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return False
    finally:
        connection.close()
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
    return True


def _meta(contents: Contents, full_text: bool) -> dict[str, str]:
    counts = {kind: len(entries) for kind, entries in contents.collections.items()}
    ids = {f"ids:{kind}": _json([e.id for e in entries]) for kind, entries in contents.collections.items()}
    kept = {f"positions:{name}": _json(list(found)) for name, found in contents.positions.items()}
    return {"header": _json(contents.header), "counts": _json(counts), "kinds": contents.kinds, **ids, **kept} | {
        "fts": "1" if full_text else "0"
    }


def _fill(connection: sqlite3.Connection, contents: Contents, full_text: bool) -> None:
    connection.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", _keyed(contents.collections, to_data))
    connection.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", _keyed(contents.rows, lambda row: row))
    connection.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?)",
        ((kind, key, p, crc(kind, key, p)) for kind, keys in contents.names.items() for key, p in keys.items()),
    )
    connection.executemany("INSERT INTO warnings VALUES (?, ?, ?, ?)", _warnings(contents.warnings))
    connection.executemany(
        "INSERT INTO terms VALUES (?, ?, ?, ?, ?)",
        (_term(term, positions, weights) for term, (positions, weights) in contents.postings.items()),
    )
    if full_text:
        connection.executemany(
            "INSERT INTO fts(rowid, names, summary, body) VALUES (?, ?, ?, ?)",
            ((i, *columns) for i, columns in enumerate(contents.columns)),
        )


def _keyed(collections: Mapping[str, Sequence[Any]], plain: Any) -> Iterator[tuple[str, int, str, int]]:
    for kind, items in collections.items():
        for position, item in enumerate(items):
            data = _json(plain(item))
            yield kind, position, data, crc(kind, position, data)


def _warnings(dated: Sequence[DatedProblem]) -> Iterator[tuple[int, str | None, str, int]]:
    for seq, (problem, since) in enumerate(dated):
        day = since.isoformat() if since else None
        data = _json(to_data(problem))
        yield seq, day, data, crc(seq, day, data)


def _term(term: str, positions: Any, weights: Any) -> tuple[str, int, bytes, bytes, int]:
    a, b = positions.tobytes(), weights.tobytes()
    return term, len(term), a, b, crc(term, a, b)


def _same_vocabulary(connection: sqlite3.Connection, contents: Contents) -> bool:
    """Whether FTS5 split the search text into exactly the terms search ranks by (it should)."""
    found = {term for (term,) in connection.execute("SELECT term FROM fts_vocab")}
    return found == set(contents.postings)


__all__ = ["Contents", "save"]
