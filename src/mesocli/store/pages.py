"""Rendered pages kept for reuse: the terminal text of a Rich page, so that a styled page costs what a plain one does.

Laying out a Rich page takes longer than everything else ``show`` does, and imports Rich. The text it makes
depends only on the knowledge base, the command and its options, the width and the colour settings, so it
is kept, under a key of all of those, in the store's folder (the same trust rules: ours, private, never
followed through a link). A file holds its own key and a CRC-32 of the text: anything else is ignored and
replaced. Nothing in it is code; at worst a damaged file costs one fresh layout.
"""

from __future__ import annotations

import zlib

from mesocli.store import location
from mesocli.store.folder import prune, read_private, write_atomic

#: Pages kept at most; the least recently written go first.
KEEP = 300
#: A page file larger than this is neither written nor read. A page is tens of kilobytes, but ``list`` on a
#: knowledge base of 20,000 entries is about 5 MiB: reading it back costs a fraction of laying it out again.
MAX_BYTES = 64 << 20


def _name(key: str) -> str:
    raw = key.encode("utf-8")
    return f"page-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.txt"


def read(key: str) -> str | None:
    """The page stored under ``key``, or None (none, damaged, foreign, or no trusted folder)."""
    folder = location.directory()
    if folder is None or not location.trusted(folder, create=False):
        return None
    data = read_private(str(folder / _name(key)), MAX_BYTES)
    if data is None:
        return None
    head, _, body = data.partition(b"\n")
    stored_key, _, check = head.decode("utf-8", "replace").rpartition("\t")
    if stored_key != key or check != f"{zlib.crc32(body):08x}":
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def write(key: str, text: str) -> None:
    """Keep ``text`` under ``key`` (atomically; any failure just means no page is kept)."""
    folder = location.usable()
    if folder is None or "\n" in key or "\t" in key:
        return
    body = text.encode("utf-8")
    if len(body) > MAX_BYTES:
        return
    data = f"{key}\t{zlib.crc32(body):08x}\n".encode() + body
    if write_atomic(str(folder), _name(key), data):
        prune(str(folder), "page-", ".txt", KEEP)
