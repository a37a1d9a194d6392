"""Where the store keeps its databases, which folders it trusts, and what it may delete.

Location: ``$MESOCLI_CACHE_DIR`` (``~`` expanded), else ``$XDG_CACHE_HOME/mesocli`` when that is an
absolute path, else ``~/.cache/mesocli``. ``MESOCLI_NO_CACHE=1`` turns the store off. The folder is
created 0700; one that is a symlink, belongs to another user or can be written by group or others is
not used (mesocli then parses the file every time).
"""

from __future__ import annotations

import os
import re
import stat
import time
import zlib
from pathlib import Path

#: The first bytes of every SQLite database, and where its application id sits in the header.
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x4D65736F  # "Meso"
_DATABASE = re.compile(r"kb-[0-9a-f]{32}\.sqlite3")
_TEMPORARY = re.compile(r"\.kb-[0-9a-f]{32}\.sqlite3-[A-Za-z0-9_]+\.tmp")
UNUSED_DAYS = 30
_TEMPORARY_HOURS = 6


def directory() -> Path | None:
    """Where databases go, or None when the store is off."""
    if os.environ.get("MESOCLI_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("MESOCLI_CACHE_DIR")
    if explicit:
        return Path(os.path.abspath(os.path.expanduser(explicit)))
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path(os.path.expanduser("~")) / ".cache"
    return base / "mesocli" if base.is_absolute() else None


def usable() -> Path | None:
    """The store's folder, created if need be, when it can be trusted; None otherwise."""
    folder = directory()
    return folder if folder is not None and trusted(folder, create=True) else None


def trusted(folder: Path, create: bool) -> bool:
    """Whether ``folder`` is a real directory of ours that no one else can write to (made if asked)."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return False
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(folder, 0o700)
            info = os.lstat(folder)
        except OSError:
            return False
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or not _ours(info):
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def is_regular_and_ours(info: os.stat_result) -> bool:
    """Whether a file's status says: a regular file of this user's, writable by no one else."""
    return stat.S_ISREG(info.st_mode) and _ours(info) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _ours(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def database_path(folder: Path, file: Path) -> Path:
    """The database of one knowledge-base file: named by a 128-bit checksum of its resolved path.

    Not a secret and not trusted: the database records the path and identity it was built from, and is
    rebuilt if they differ. (A checksum from zlib spares every run the cost of loading OpenSSL's hashes.)
    """
    raw = os.fsencode(str(file.resolve()))
    key = "".join(f"{zlib.crc32(raw, seed):08x}" for seed in (0, 1, 2, 3))
    return folder / f"kb-{key}.sqlite3"


def made_by_store(path: Path) -> bool:
    """Whether ``path`` is a regular file of ours that starts with a SQLite header and our application id."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or not _ours(os.lstat(path)):
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
    now = time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name == keep:
            continue
        if _DATABASE.fullmatch(name):
            age = UNUSED_DAYS * 86400
        elif _TEMPORARY.fullmatch(name):
            age = _TEMPORARY_HOURS * 3600
        else:
            continue
        path = folder / name
        try:
            info = os.lstat(path)
            if now - max(info.st_atime, info.st_mtime) > age and made_by_store(path):
                path.unlink()
        except OSError:
            pass


def code_fingerprint() -> str:
    """A checksum of the mesocli code in use (every module's and message catalog's name, size and mtime).

    Kept pages and databases record it, so that a changed mesocli, even one whose version number has not
    moved (a checkout under development, an editable install), never reads what older code wrote.
    """
    if not _FINGERPRINT:
        package = Path(__file__).resolve().parent.parent
        value = 0
        folders = [package, *(p for p in package.iterdir() if p.is_dir() and p.name != "__pycache__")]
        folders += package.glob("locale/*/LC_MESSAGES")  # the interface's translations change pages too
        for folder in sorted(folders):
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.name.endswith((".py", ".mo")):
                    info = entry.stat()
                    value = zlib.crc32(
                        f"{folder.relative_to(package)}/{entry.name}:{info.st_size}:{info.st_mtime_ns}".encode(), value
                    )
        _FINGERPRINT.append(f"{value:08x}")
    return _FINGERPRINT[0]


_FINGERPRINT: list[str] = []  # worked out once per run
