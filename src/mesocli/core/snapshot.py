"""A trials snapshot: the raw records kept from ClinicalTrials.gov and the manifest that proves them.

The file is JSON, data only: ``{"format": 1, "manifest": {...}, "studies": [...]}``. The manifest holds the
API's data timestamp and version, the query, when it was fetched, how many studies and the SHA-256 of the
studies as canonical JSON (``studies_digest``). ``read_snapshot`` checks all of it, and every record, before
anything is shown: a file that fails is a ``TrialsError``, never a guess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from mesocli.core.errors import Message, TrialsError
from mesocli.core.model import model
from mesocli.core.trials import Trial, parse_study

FORMAT = 1
MANIFEST_KEYS = ("data_timestamp", "api_version", "query", "fetched_at", "count", "sha256", "source")


@model
class Manifest:
    data_timestamp: str | None
    api_version: str | None
    query: dict[str, str]
    fetched_at: str
    count: int
    sha256: str
    source: str  # "api" (from `mesocli trials update`) or "bundled" (shipped with mesocli)

    @property
    def date(self) -> dt.date | None:
        """The API's data timestamp as a date; None for a snapshot made without the API."""
        stamp = self.data_timestamp or ""
        try:
            return dt.date.fromisoformat(stamp[:10])
        except ValueError:
            return None

    def to_data(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in MANIFEST_KEYS}


@model
class Snapshot:
    manifest: Manifest
    trials: tuple[Trial, ...]
    path: str = ""

    def age_days(self, today: dt.date) -> int | None:
        date = self.manifest.date
        return (today - date).days if date else None


def studies_digest(studies: list[Any]) -> str:
    """SHA-256 of the studies as canonical JSON (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(studies, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_data(
    studies: list[Any],
    data_timestamp: str | None,
    api_version: str | None,
    query: dict[str, str],
    fetched_at: str,
    source: str = "api",
) -> dict[str, Any]:
    """The JSON a snapshot file holds."""
    manifest = Manifest(
        data_timestamp, api_version, dict(query), fetched_at, len(studies), studies_digest(studies), source
    )
    return {"format": FORMAT, "manifest": manifest.to_data(), "studies": studies}


def _manifest(raw: Any, where: str) -> Manifest:
    if not isinstance(raw, dict) or set(raw) != set(MANIFEST_KEYS):
        raise TrialsError(
            Message(
                "{where}: the manifest must have exactly the keys {keys}", where=where, keys=", ".join(MANIFEST_KEYS)
            )
        )
    optional = ("data_timestamp", "api_version")
    if any(raw[k] is not None and not isinstance(raw[k], str) for k in optional):
        raise TrialsError(Message("{where}: data_timestamp and api_version must be text or null", where=where))
    if not all(isinstance(raw[k], str) for k in ("fetched_at", "sha256", "source")):
        raise TrialsError(Message("{where}: fetched_at, sha256 and source must be text", where=where))
    query = raw["query"]
    if not isinstance(query, dict) or not all(isinstance(v, str) for v in query.values()):
        raise TrialsError(Message("{where}: query must map names to text", where=where))
    if isinstance(raw["count"], bool) or not isinstance(raw["count"], int):
        raise TrialsError(Message("{where}: count must be a whole number", where=where))
    return Manifest(**{k: raw[k] for k in MANIFEST_KEYS})


def no_constant(name: str) -> Any:
    """For ``json.loads(parse_constant=...)``: NaN, Infinity and -Infinity are not JSON numbers."""
    raise ValueError(Message("{name} is not a JSON number", name=name))


def json_reason(exc: ValueError) -> Message:
    """Why text is not JSON, in words the catalogs can say: where the parser stopped (its own English
    sentence, "Expecting value", is left out), or the number that JSON does not have."""
    if isinstance(exc, json.JSONDecodeError):
        return Message("line {line}, column {column}", line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return Message("a byte that is not UTF-8 text")
    reason = exc.args[0] if exc.args else None
    return reason if isinstance(reason, Message) else Message("unreadable")


def read_snapshot(text: str, where: str) -> Snapshot:
    """The snapshot in ``text``, checked: format, manifest, count, SHA-256 and every record."""
    try:
        return _read(text, where)
    except RecursionError:  # arrays or objects nested thousands deep: no snapshot looks like that
        raise TrialsError(Message("{where}: not valid JSON (nested too deeply)", where=where)) from None


def _read(text: str, where: str) -> Snapshot:
    try:
        raw = json.loads(text, parse_constant=no_constant)
    except ValueError as exc:
        raise TrialsError(Message("{where}: not valid JSON ({reason})", where=where, reason=json_reason(exc))) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or set(raw) != {"format", "manifest", "studies"}:
        raise TrialsError(
            Message("{where}: not a mesocli trials snapshot (format {format})", where=where, format=FORMAT)
        )
    manifest = _manifest(raw["manifest"], where)
    studies = raw["studies"]
    if not isinstance(studies, list) or len(studies) != manifest.count:
        raise TrialsError(
            Message(
                "{where}: the manifest counts {count} studies, the file holds another number",
                where=where,
                count=manifest.count,
            )
        )
    if studies_digest(studies) != manifest.sha256:
        raise TrialsError(
            Message("{where}: the studies do not match the manifest's SHA-256 (the file was changed)", where=where)
        )
    trials = tuple(parse_study(s, f"{where}: study {i + 1}") for i, s in enumerate(studies))
    return Snapshot(manifest, trials, where)
