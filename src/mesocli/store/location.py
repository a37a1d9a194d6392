"""Where the store keeps its databases, which folders it trusts, and what it may delete.

Location (see :mod:`mesocli.store.folder`): ``$MESOCLI_CACHE_DIR``, else ``$XDG_CACHE_HOME/mesocli``, else
``~/.cache/mesocli``; ``MESOCLI_NO_CACHE=1`` turns the store off. The folder is
created 0700; one that is a symlink, belongs to another user or can be written by group or others is
not used (mesocli then parses the file every time).
"""

from __future__ import annotations

import os
import stat
import time
import zlib

from mesocli.store import folder
from mesocli.store.folder import code_fingerprint, is_regular_and_ours, ours

__all__ = ["code_fingerprint", "database_path", "directory", "is_regular_and_ours", "made_by_store", "prune"]
__all__ += ["database_file", "trusted", "usable"]

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from pathlib import Path  # made where a caller asks for one: reading a database needs none

#: The first bytes of every SQLite database, and where its application id sits in the header.
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x4D65736F  # "Meso"
_DATABASE = r"kb-[0-9a-f]{32}\.sqlite3"  # patterns compiled when the store is pruned, not on every run
_TEMPORARY = r"\.kb-[0-9a-f]{32}\.sqlite3-[A-Za-z0-9_]+\.tmp"
UNUSED_DAYS = 30
_TEMPORARY_HOURS = 6


def directory() -> Path | None:
    """Where databases go, or None when the store is off."""
    from pathlib import Path

    name = folder.directory_name()
    return Path(name) if name is not None else None


def usable() -> Path | None:
    """The store's folder, created if need be, when it can be trusted; None otherwise."""
    place = directory()
    return place if place is not None and trusted(place, create=True) else None


def trusted(place: Path, create: bool) -> bool:
    """Whether ``place`` is a real directory of ours that no one else can write to (made if asked)."""
    return folder.trusted(str(place), create)


def database_path(folder: Path, file: str | Path, lang: str = "en") -> Path:
    """The database of one knowledge-base file (see :func:`database_file`)."""
    from pathlib import Path

    return Path(database_file(str(folder), file, lang))


def database_file(folder: str, file: str | Path, lang: str = "en") -> str:
    """The database of one knowledge-base file (in ``lang``: its edition with that translation applied), named
    by a 128-bit checksum of its resolved path and the language.

    Not a secret and not trusted: the database records the path and identity it was built from, and is
    rebuilt if they differ. (A checksum from zlib spares every run the cost of loading OpenSSL's hashes.)
    """
    raw = os.fsencode(os.path.realpath(file)) + (b"\0" + lang.encode() if lang != "en" else b"")
    key = "".join(f"{zlib.crc32(raw, seed):08x}" for seed in (0, 1, 2, 3))
    return os.path.join(folder, f"kb-{key}.sqlite3")


def made_by_store(path: str | Path) -> bool:
    """Whether ``path`` is a regular file of ours that starts with a SQLite header and our application id."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or not ours(os.lstat(path)):
            return False
        with open(path, "rb") as handle:
            head = handle.read(72)
    except OSError:
        return False
    return head.startswith(SQLITE_HEADER) and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def prune(folder: Path, keep: str) -> None:
    """Delete databases not used for UNUSED_DAYS, and temporary files left by builds that died.

    Only files whose names follow the store's patterns and that carry its header are touched.
    """
    import re  # only when the store is pruned

    now = time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name == keep:
            continue
        if re.fullmatch(_DATABASE, name):
            age = UNUSED_DAYS * 86400
        elif re.fullmatch(_TEMPORARY, name):
            age = _TEMPORARY_HOURS * 3600
        else:
            continue
        path = os.path.join(folder, name)
        try:
            info = os.lstat(path)
            if now - max(info.st_atime, info.st_mtime) > age and made_by_store(path):
                os.unlink(path)
        except OSError:
            pass
