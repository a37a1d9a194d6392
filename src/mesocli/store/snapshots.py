"""Where trials snapshots live, and reading and writing them without ever losing the one the user has.

The user's snapshot is ``trials.json`` in the data folder: ``$XDG_DATA_HOME/mesocli`` when that is an
absolute path, else ``~/.local/share/mesocli`` (a data file the user keeps, not a cache). ``save`` writes a
new one atomically (a temporary file in the same folder, flushed to disk, then renamed over) and keeps the one
it replaces as ``trials.previous.json`` for ``mesocli trials diff``. Without a snapshot of the user's, the one
bundled with mesocli is read. Every snapshot is checked when read (``core.snapshot.read_snapshot``).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from mesocli.core.errors import Message, TrialsError
from mesocli.core.snapshot import Snapshot, read_snapshot

CURRENT = "trials.json"
PREVIOUS = "trials.previous.json"
ENV_SNAPSHOT = "MESOCLI_TRIALS_SNAPSHOT"
MAX_BYTES = 200 * 1024 * 1024


def data_folder() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path(os.path.expanduser("~")) / ".local" / "share"
    return base / "mesocli"


def bundled_snapshot() -> Path:
    """The snapshot shipped with mesocli (inside the wheel, or in a source checkout)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "data" / "trials.json"
    return packaged if packaged.is_file() else here.parent.parent / "data" / "trials.json"


def current_path(explicit: str | Path | None = None) -> Path:
    """The snapshot to read: ``explicit``, else ``$MESOCLI_TRIALS_SNAPSHOT``, else the user's, else the bundled."""
    chosen = explicit or os.environ.get(ENV_SNAPSHOT)
    if chosen:
        return Path(chosen).expanduser()
    mine = data_folder() / CURRENT
    try:  # opened, not just looked for: a run kept for replay then depends on the file, present or not
        with mine.open("rb"):
            return mine
    except FileNotFoundError:
        return bundled_snapshot()
    except OSError:
        return mine  # there but unreadable: load() says why


def load(path: Path) -> Snapshot:
    """The snapshot at ``path``, checked; ``TrialsError`` with the path if it is missing, unreadable or wrong."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TrialsError(
            Message("{path}: cannot read the trials snapshot ({reason})", path=path, reason=exc.strerror)
        ) from None
    if len(data) > MAX_BYTES:
        raise TrialsError(
            Message("{path}: larger than {mib} MiB, not a trials snapshot", path=path, mib=MAX_BYTES // 2**20)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise TrialsError(Message("{path}: not UTF-8 text", path=path)) from None
    return read_snapshot(text, str(path))


def depends_on(path: Path) -> list[Path]:
    """The files a page made from the snapshot at ``path`` depends on: it, and the user's (which may appear)."""
    return list(dict.fromkeys([path, data_folder() / CURRENT]))


def load_previous() -> Snapshot | None:
    path = data_folder() / PREVIOUS
    return load(path) if path.exists() else None


def save(data: dict[str, Any]) -> Path:
    """Write ``data`` as the user's snapshot, atomically, keeping the one it replaces as the previous.

    As ``mesocli -o`` does, through a symbolic link the file it points to is replaced and the link is kept;
    the old content is then copied to the previous snapshot rather than moved.
    """
    folder = data_folder()
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    read_snapshot(text, "new snapshot")  # never write what could not be read back
    current, previous = folder / CURRENT, folder / PREVIOUS
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if current.is_symlink():
            target = Path(os.path.realpath(current))
            old = target.read_bytes() if target.exists() else None
            if old is not None:
                _write_atomically(previous, old)
            _write_atomically(target, text.encode("utf-8"))
            return current
    except OSError as exc:
        raise TrialsError(
            Message("{path}: cannot write the trials snapshot ({reason})", path=current, reason=exc.strerror)
        ) from None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".trials-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TrialsError(
            Message("{path}: cannot write the trials snapshot ({reason})", path=folder, reason=exc.strerror)
        ) from None
    moved = False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if current.exists():
            os.replace(current, previous)
            moved = True
        os.replace(temporary, current)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        if moved and not current.exists():
            os.replace(previous, current)  # the user's snapshot back where it was
        raise TrialsError(
            Message("{path}: cannot write the trials snapshot ({reason})", path=folder, reason=exc.strerror)
        ) from None
    return current


def _write_atomically(path: Path, data: bytes) -> None:
    """``data`` into ``path`` by a flushed temporary file in the same folder renamed over it (OSError on failure)."""
    handle, temporary = tempfile.mkstemp(prefix=".trials-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
