"""Checksums of large files, remembered by the files' status, so that a large knowledge base is not read
through on every run to work out a key (:func:`mesocli.store.pagekey.content_identity`).

As git's index does, a memo records a file's path, its status (device, inode, size, mtime and ctime, in
nanoseconds), the moment its bytes were read and their checksum. A memo is used only when all of these hold:

- it is a regular file of this user's in the store's folder that no one else can write (the store's trust
  rules), whole (a CRC-32 of its line), and names this very path;
- the file's status now equals the recorded one, field by field;
- the recorded status was settled when the bytes were read: its mtime and ctime were older than the read by
  more than the coarsest timestamp granularity of a common filesystem (2 s, FAT). An edit after that moment
  gives the file a later ctime, which no program can set back (``os.utime`` sets mtime, not ctime), so it
  changes the status. A file changed within the last two seconds (git's "racily clean" case: an edit in the
  same clock tick as the previous one, size and mtime kept) is never remembered; it is read each time until
  it settles.

What this does not catch: an edit that leaves the ctime as it was, which takes setting the system clock
back, a filesystem that keeps no ctime, or writing to the disk beneath the filesystem. Anything else (a
missing, damaged, foreign or stale memo, a changed status) means the file is read again. Standard library
only (``os``, ``time``, ``zlib``): this runs on the way to replaying an invocation.
"""

from __future__ import annotations

import os
import time
import zlib

from mesocli.store import folder as place

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

#: The coarsest timestamp granularity of a common filesystem (FAT: 2 s); as in :mod:`mesocli.store.identity`.
SETTLE_NS = 2_000_000_000
#: Memos kept at most; the least recently written go first.
KEEP = 100
_LIMIT = 1 << 16


def status(info: os.stat_result) -> str:
    """A file's status as a memo records it: device, inode, size, mtime and ctime."""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def settled(info: os.stat_result, read_at_ns: int) -> bool:
    """Whether any change after ``read_at_ns`` (wall clock) must show in the file's status."""
    return max(info.st_mtime_ns, info.st_ctime_ns) + SETTLE_NS < read_at_ns


def remembered(path: str, info: os.stat_result, checksum: Callable[[str], str]) -> str:
    """The checksum of the file at ``path``, whose status is ``info``: from its memo when that is valid (see
    above), else ``checksum(path)``, remembered when the file's status was settled and did not change while
    it was read."""
    name = os.path.abspath(path)
    memo = _memo_path(name)
    now = status(info)
    if memo is not None:
        found = _recall(memo, name, now)
        if found is not None:
            return found
    read_at = time.time_ns()
    value = checksum(path)
    if memo is not None and value != "-" and settled(info, read_at):
        try:
            unchanged = status(os.stat(path)) == now
        except (OSError, ValueError):
            unchanged = False
        if unchanged:
            _remember(memo, name, now, read_at, value)
    return value


def _memo_path(name: str) -> str | None:
    """Where the memo of the file ``name`` is kept; None when the store is off or its folder not trusted, or
    when the name cannot be written on one line."""
    folder = place.directory_name()
    if folder is None or "\n" in name or "\t" in name or not place.trusted(folder, create=False):
        return None
    raw = name.encode("utf-8", "surrogateescape")
    return os.path.join(folder, f"sum-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.txt")


def _line(name: str, now: str, read_at: int, value: str) -> bytes:
    text = f"{name}\t{now}\t{read_at}\t{value}".encode("utf-8", "surrogateescape")
    return text + f"\t{zlib.crc32(text):08x}\n".encode()


def _recall(memo: str, name: str, now: str) -> str | None:
    data = place.read_private(memo, _LIMIT)
    if data is None:
        return None
    text, _, check = data.rstrip(b"\n").rpartition(b"\t")
    if check != f"{zlib.crc32(text):08x}".encode():
        return None
    fields = text.decode("utf-8", "surrogateescape").split("\t")
    if len(fields) != 4 or fields[0] != name or fields[1] != now:
        return None
    try:
        read_at = int(fields[2])
        mtime_ns, ctime_ns = (int(part) for part in now.split(":")[3:])
    except ValueError:
        return None
    if max(mtime_ns, ctime_ns) + SETTLE_NS >= read_at:
        return None  # not settled when it was read: a same-tick edit could hide behind this status
    return fields[3]


def _remember(memo: str, name: str, now: str, read_at: int, value: str) -> None:
    """Write the memo atomically (any failure just means the file is read again next time)."""
    folder = os.path.dirname(memo)
    if place.write_atomic(folder, os.path.basename(memo), _line(name, now, read_at, value)):
        place.prune(folder, "sum-", ".txt", KEEP)
