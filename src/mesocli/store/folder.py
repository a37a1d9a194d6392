"""The store's folder, which folders it trusts, and the fingerprint of the code, with ``os`` alone.

These run before anything else on the way to replaying an invocation (:mod:`mesocli.store.replay`), so they
import nothing that costs time (no ``pathlib``, no ``re``); :mod:`mesocli.store.location` offers them with
paths as :class:`pathlib.Path`.

Location: ``$MESOCLI_CACHE_DIR`` (``~`` expanded), else ``$XDG_CACHE_HOME/mesocli`` when that is an
absolute path, else ``~/.cache/mesocli``. ``MESOCLI_NO_CACHE=1`` turns the store off.
"""

from __future__ import annotations

import os
import stat
import zlib


def directory_name() -> str | None:
    """Where the store keeps its files, or None when it is off."""
    if os.environ.get("MESOCLI_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("MESOCLI_CACHE_DIR")
    if explicit:
        return os.path.abspath(os.path.expanduser(explicit))
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mesocli") if os.path.isabs(base) else None


def trusted(folder: str, create: bool) -> bool:
    """Whether ``folder`` is a real directory of ours that no one else can write to (made if asked)."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return False
        try:
            os.makedirs(os.path.dirname(folder), exist_ok=True)
            os.mkdir(folder, 0o700)
            info = os.lstat(folder)
        except OSError:
            return False
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or not ours(info):
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def is_regular_and_ours(info: os.stat_result) -> bool:
    """Whether a file's status says: a regular file of this user's, writable by no one else."""
    return stat.S_ISREG(info.st_mode) and ours(info) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(path: str, limit: int) -> bytes | None:
    """The bytes of a regular file of this user's that no one else can write, at most ``limit`` of them;
    None when it is missing, a link, another kind of file, foreign, too large or unreadable."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not is_regular_and_ours(info) or info.st_size > limit:
            return None
        return os.read(handle, info.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(handle)


def write_atomic(folder: str, name: str, data: bytes) -> bool:
    """Write ``data`` to ``folder/name`` through a temporary file and a rename, so a reader never sees half a
    file; False (and nothing left behind) on any failure, which only means nothing is kept."""
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "xb") as out:
            out.write(data)
        os.replace(temporary, os.path.join(folder, name))
    except OSError:
        import contextlib  # only on failure: the replay path imports this module

        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def prune(folder: str, prefix: str, suffix: str, keep: int) -> None:
    """Remove the oldest (by mtime) of the files named ``prefix*suffix`` beyond the newest ``keep``."""
    try:
        found = [e for e in os.scandir(folder) if e.name.startswith(prefix) and e.name.endswith(suffix)]
        if len(found) <= keep:
            return
        found.sort(key=lambda e: e.stat().st_mtime_ns)
        for old in found[:-keep]:
            os.unlink(old.path)
    except OSError:
        pass


def ours(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def code_fingerprint() -> str:
    """A checksum of the mesocli code in use.

    Kept pages, kept invocations and databases record it, so that a changed mesocli, even one whose version
    number has not moved (a checkout under development, an editable install), never reads what older code wrote.
    Installed from a wheel, it is the checksum of the install's record (:func:`installed_fingerprint`); otherwise,
    of every module's and message catalog's name, size and mtime (:func:`files_fingerprint`).
    """
    if not _FINGERPRINT:
        package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
        _FINGERPRINT.append(installed_fingerprint(package) or files_fingerprint(package))
    return _FINGERPRINT[0]


def installed_fingerprint(package: str) -> str | None:
    """For a package installed from a wheel, a checksum of its ``RECORD`` (beside it, in the ``.dist-info``
    folder of this version), which the installer writes with the SHA-256 of every file it installs: one read
    instead of a stat of every module. None when there is no such record or it does not list this package's
    modules (a source checkout, an editable install: there the files themselves are read)."""
    from mesocli._version import __version__

    record = os.path.join(os.path.dirname(package), f"mesocli-{__version__}.dist-info", "RECORD")
    try:
        with open(record, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if f"\n{os.path.basename(package)}/store/folder.py,sha256=".encode() not in b"\n" + data:
        return None
    return f"w{zlib.crc32(data):08x}"


def files_fingerprint(package: str) -> str:
    """A checksum of the name, size and mtime of every module and message catalog of ``package``."""
    folders = [package]
    folders += [e.path for e in os.scandir(package) if e.is_dir() and e.name != "__pycache__"]
    locale = os.path.join(package, "locale")  # the interface's translations change pages too
    if os.path.isdir(locale):
        folders += [os.path.join(locale, code, "LC_MESSAGES") for code in os.listdir(locale)]
    value = 0
    for folder in sorted(folders):
        if not os.path.isdir(folder):
            continue
        where = os.path.relpath(folder, package)
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith((".py", ".mo")):
                info = entry.stat()
                value = zlib.crc32(f"{where}/{entry.name}:{info.st_size}:{info.st_mtime_ns}".encode(), value)
    return f"{value:08x}"


_FINGERPRINT: list[str] = []  # worked out once per run
