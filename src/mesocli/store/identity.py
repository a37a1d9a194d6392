"""What a database was built from: the file's identity, and the SHA-256 of its content.

The identity is (device, inode, size, mtime_ns, ctime_ns). It settles the question "unchanged?"
on its own only when the file's timestamps were older, by more than any filesystem's timestamp
granularity, than the moment the file was read: a later edit then has later timestamps (``ctime``
cannot be set back, unlike ``mtime`` with ``os.utime``). Otherwise the content hash decides.
"""

from __future__ import annotations

import os
from collections import namedtuple

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:
    from pathlib import Path
    from typing import NamedTuple

#: The coarsest timestamp granularity of a common filesystem (FAT: 2 s); most are far finer.
GRANULARITY_NS = 2_000_000_000
_BOM = b"\xef\xbb\xbf"


if TYPE_CHECKING:

    class Identity(NamedTuple):
        device: int
        inode: int
        size: int
        mtime_ns: int
        ctime_ns: int

else:  # the same tuple, without typing.NamedTuple evaluating each annotation at import
    Identity = namedtuple("Identity", "device inode size mtime_ns ctime_ns")


def identity_of(path: str | Path) -> Identity | None:
    """The file's identity now, or None if it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Identity(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def settled(identity: Identity, read_at_ns: int) -> bool:
    """Whether any change after ``read_at_ns`` (wall clock, ns) must show in the identity."""
    return max(identity.mtime_ns, identity.ctime_ns) + GRANULARITY_NS < read_at_ns


def text_digest(text: str | bytes) -> str:
    """The SHA-256 of the file that decoded to ``text``, or of the file's bytes (a UTF-8 byte-order mark left
    out either way)."""
    import hashlib  # only when the identity alone cannot settle freshness

    data = text.encode("utf-8") if isinstance(text, str) else text[3:] if text.startswith(_BOM) else text
    return hashlib.sha256(data).hexdigest()


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of the file's bytes now (after a byte-order mark), or None if it cannot be read."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            first = handle.read(1 << 20)
            digest.update(first[3:] if first.startswith(_BOM) else first)
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
