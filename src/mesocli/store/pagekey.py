"""The one rule for what a kept page depends on, and so for the key it is kept under.

A page may be reused only when everything it was made from is the same. That is, in this order:

1. the code: the mesocli version and the fingerprint of its modules and message catalogs
   (:func:`mesocli.store.location.code_fingerprint`);
2. the day: dated warnings (a review date passed) and anything "as of today" change at midnight, so a page
   expires at the end of the day it was made;
3. the arguments of the invocation, as given (command, options, values, the shape of the output: format,
   width, colour, terminal or not);
4. every environment value that changes output (:data:`OUTPUT_ENVIRONMENT` and every ``MESOCLI_*``);
5. every file the page was built from (knowledge base, each translation overlay, a profile), by content: its
   size and a 64-bit checksum of all its bytes, so that no mtime, however set, can make an edited file look
   unchanged. A file that cannot be read is recorded as missing, so its appearance changes the key too. So
   that a large knowledge base is not read through on every run, the checksum of a large file is remembered
   with the file's full status (device, inode, size, mtime and ctime) and reused only while that status is
   unchanged and was settled when the checksum was made (:mod:`mesocli.store.checksums`, as git's index does).

Standard library only, and nothing from Typer or Rich: the start-up path that replays whole invocations
(:mod:`mesocli.store.replay`) works out its key by the same rule from ``sys.argv`` and checks the same files.
So that path stays near bare Python's start-up, this module imports only ``os``, ``time`` and ``zlib`` when
loaded.
"""

from __future__ import annotations

import os
import time
import zlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

#: Environment variables, besides every ``MESOCLI_*``, whose values change what a page says or looks like:
#: the interface language, colour and terminal, the width and height, and the pager.
OUTPUT_ENVIRONMENT = (
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "TERM",
    "COLORTERM",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "PAGER",
    "LESS",
    "TZ",
)
#: Variables of ours that say where things are kept, not what a page shows.
_NOT_OUTPUT = frozenset({"MESOCLI_CACHE_DIR"})
#: A file this large or larger has its checksum remembered (:mod:`mesocli.store.checksums`); a smaller one
#: is read every time, which costs less than reading and writing the memo (the bundled file is 0.25 MB).
MEMO_MIN_BYTES = 1 << 20


def environment(environ: Mapping[str, str]) -> list[tuple[str, str]]:
    """The environment values that change output, by name."""
    names = {n for n in environ if n.startswith("MESOCLI_") and n not in _NOT_OUTPUT}
    return sorted((name, environ[name]) for name in names.union(OUTPUT_ENVIRONMENT) if name in environ)


def content_identity(path: Path | str) -> str:
    """What a file holds, as far as a key needs it: its size and a 64-bit checksum of every byte (CRC-32 and
    Adler-32); ``-`` if it cannot be read. Timestamps play no part in the value: an edit within the same clock
    tick, or one whose mtime was set back, changes it all the same.

    A file of :data:`MEMO_MIN_BYTES` or more is read once, and its checksum kept in the store's folder with the
    status it had (:mod:`mesocli.store.checksums`); later calls take it from there while the status is the same
    and was settled when the checksum was made, and read the file again otherwise."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return "-"
    if info.st_size < MEMO_MIN_BYTES:
        return _checksum(path)
    from mesocli.store import checksums

    return checksums.remembered(os.fspath(path), info, _checksum)


def _checksum(path: Path | str) -> str:
    """The size and a 64-bit checksum of every byte of the file (see :func:`content_identity`)."""
    try:
        with open(path, "rb") as handle:
            crc, adler, size = 0, 1, 0
            while chunk := handle.read(1 << 20):
                crc, adler, size = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler), size + len(chunk)
    except (OSError, ValueError):
        return "-"
    return f"{size}:{crc:08x}{adler:08x}"


def page_key(
    arguments: Sequence[str],
    files: Iterable[Path],
    environ: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> str:
    """The key of a page made from ``arguments`` and ``files`` in this environment, today, by this code.

    One line of ASCII text (no newline or tab), equal for two invocations exactly when the rule above says
    their pages are the same.
    """
    from mesocli._version import __version__
    from mesocli.store.folder import code_fingerprint

    env = os.environ if environ is None else environ
    day = today.isoformat() if today is not None else time.strftime("%Y-%m-%d")  # the local date, as date.today()
    sources = [[str(path), content_identity(path)] for path in files]
    parts = [__version__, code_fingerprint(), day, list(arguments), environment(env), sources]
    return ascii(parts)
