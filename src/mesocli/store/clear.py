"""Erasing what mesocli keeps: the databases, kept pages, replayed runs and remembered
checksums in the store's folder.

A database or a kept page can hold a person's situation (an ``options --profile`` page, say), so all of
them can be removed at once (``mesocli cache clear``). Only files named as the store names them are
removed, and only the user's own; a symbolic link is removed as a link, never followed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

#: Every name the store writes: databases (with SQLite's side files), kept pages, replayed runs,
#: remembered checksums, temporaries.
STORE_FILES = re.compile(
    r"\.?(?:kb-[0-9a-f]{32}\.sqlite3(?:-wal|-shm|-journal)?|page-[0-9a-f]{16}\.txt|run-[0-9a-f]{16}\.bin"
    r"|sum-[0-9a-f]{16}\.txt)"
    r"(?:[-.][A-Za-z0-9_.]*\.tmp)?"
)


def clear(folder: Path) -> list[str]:
    """Remove the store's files from ``folder`` (and the folder once empty); the names removed."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    removed = []
    for name in names:
        path = folder / name
        try:
            info = os.lstat(path)
        except OSError:
            continue
        ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if STORE_FILES.fullmatch(name) and ours and not stat.S_ISDIR(info.st_mode):
            try:
                path.unlink()
                removed.append(name)
            except OSError:
                continue
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when nothing else is left in it
    return removed
