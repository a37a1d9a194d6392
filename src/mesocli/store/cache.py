"""A cache of parsed, validated knowledge bases, so that start-up skips YAML parsing and checks.

Entries are keyed by the file's resolved path, size and modification time, mesocli's version,
the Python version and today's date (warnings about stale reviews depend on it). They are
written atomically (a temporary file, then a rename) into a private directory. Any problem
with the cache (unwritable, corrupt, not ours) is ignored: the file is simply parsed again.

Location: ``$MESOCLI_CACHE_DIR``, else ``$XDG_CACHE_HOME/mesocli``, else ``~/.cache/mesocli``.
``MESOCLI_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

from mesocli._version import __version__

_FORMAT = 4  # bump when what is pickled changes shape


def directory() -> Path | None:
    """Where cache files go, or None when caching is off."""
    if os.environ.get("MESOCLI_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("MESOCLI_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mesocli"


def _identity(path: Path, kind: str) -> tuple[Any, ...] | None:
    """What a cache entry must match to be used; None if the file cannot be stat'ed."""
    try:
        resolved = path.resolve()
        stat = resolved.stat()
    except OSError:
        return None
    return (
        _FORMAT,
        kind,
        str(resolved),
        stat.st_size,
        stat.st_mtime_ns,
        __version__,
        sys.version_info[:2],
        dt.date.today().isoformat(),
    )


def _name(identity: tuple[Any, ...]) -> str:
    # A short checksum names the file; the full identity stored inside is what is trusted.
    return f"{identity[1]}-{zlib.crc32(repr(identity).encode()):08x}.pickle"


def read(path: Path, kind: str) -> Any | None:
    """The cached object for ``path``, or None (missing, corrupt, stale or not ours)."""
    folder = directory()
    identity = _identity(path, kind)
    if folder is None or identity is None:
        return None
    try:
        with open(folder / _name(identity), "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None  # never unpickle a file another user could have written
            stored, value = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a cache that cannot be read is a cache miss, whatever the reason
        return None
    return value if stored == identity else None


def write(path: Path, kind: str, value: Any) -> None:
    """Store ``value`` for ``path`` atomically; failures are ignored."""
    folder = directory()
    identity = _identity(path, kind)
    if folder is None or identity is None:
        return
    import tempfile

    name = _name(identity)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((identity, value), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / name)
            _prune(folder, kind, keep=name)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except (OSError, pickle.PicklingError, RecursionError):
        pass


def _prune(folder: Path, kind: str, keep: str, max_age_days: int = 7) -> None:
    """Remove this kind's cache files not used for a while (old versions, old dates, edited files)."""
    cutoff = dt.datetime.now().timestamp() - max_age_days * 86400
    for old in folder.glob(f"{kind}-*.pickle"):
        try:
            if old.name != keep and old.stat().st_atime < cutoff:
                old.unlink()
        except OSError:
            pass
