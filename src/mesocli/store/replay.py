"""Whole invocations kept for replay: what a command wrote (standard output and error, in order) and its exit code.

A repeated invocation is answered from what the first one wrote, before the command line is built, when it
has the same key and every file the first one read is unchanged. The key and the files follow the one rule
for kept pages (:mod:`mesocli.store.pagekey`): the code, the day, the arguments as given (and the working
folder they are relative to, and whether each stream is a terminal, and its size), every environment value
that changes output, and each file read, by content identity (:func:`unchanged`). The files are those the
run opened (:mod:`mesocli.cli.record` watches), so a file read by any command, now or later, is a dependency
without being listed anywhere.

An entry is one file in the store's folder: a header line with a CRC-32 of the rest, the key, the files and
their identities, the exit code, and the output as (stream, bytes) pieces. Nothing in it is code; a damaged,
foreign or stale entry is ignored and replaced. Standard library only, and cheap to import: this runs before
Typer, Rich or the rest of mesocli.
"""

from __future__ import annotations

import os
import sys
import zlib

from mesocli.store import folder as place
from mesocli.store.checksums import settled
from mesocli.store.checksums import status as _status

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

MAGIC = b"mesocli-replay 1"
#: Entries kept at most; the least recently written go first.
KEEP = 500
#: An entry larger than this is neither written nor read.
MAX_BYTES = 64 << 20
#: Commands (and subcommands) that write files, prompt or use the network: never replayed.
NEVER = frozenset({"values", "migrate", "profile init", "trials update", "cache clear"})
#: Options that name a file to write: an invocation with one is never replayed.
WRITING_OPTIONS = ("-o", "--output")
#: Global options that take a value (so their value is not taken for the command's name).
_VALUED_GLOBALS = frozenset({"--kb", "--lang", "--color"})
#: Environment values, besides the page rule's, that change what an invocation writes: shell completion,
#: the home folder (``~`` in paths) and how Python encodes its output.
INVOCATION_ENVIRONMENT = (
    "_MESOCLI_COMPLETE",
    "COMP_WORDS",
    "COMP_CWORD",
    "COMP_LINE",
    "COMP_POINT",
    "HOME",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONLEGACYWINDOWSSTDIO",
)


def replayable(arguments: Sequence[str]) -> bool:
    """Whether an invocation may be kept at all: not one that writes files, prompts or uses the network."""
    for token in arguments:
        if token in WRITING_OPTIONS or token.startswith(("--output=", "-o")):
            return False
    words: list[str] = []
    skip = False
    for token in arguments:
        if skip:
            skip = False
        elif token.startswith("-"):
            skip = token in _VALUED_GLOBALS
        else:
            words.append(token)
    return not (words[:1] and (words[0] in NEVER or " ".join(words[:2]) in NEVER))


def _streams() -> list[str]:
    """Whether standard input, output and error are terminals, and the size of each that is."""
    shapes = []
    for fd in (0, 1, 2):
        try:
            shapes.append("tty:{}x{}".format(*os.get_terminal_size(fd)) if os.isatty(fd) else "-")
        except OSError:
            shapes.append("tty" if os.isatty(fd) else "-")
    return shapes


def invocation_key(arguments: Sequence[str]) -> str:
    """The key of this invocation, by the page rule (:func:`mesocli.store.pagekey.page_key`: code, day,
    arguments, output environment) with the working folder, the streams and :data:`INVOCATION_ENVIRONMENT`
    among the arguments. The files it read are checked apart (:func:`_parse`), since they are known only once
    it has run."""
    from mesocli.store.pagekey import page_key

    extra = [f"{name}={os.environ[name]}" for name in INVOCATION_ENVIRONMENT if name in os.environ]
    return page_key([*arguments, "\0", os.getcwd(), *_streams(), *extra], ())


def recorded(path: str) -> str:
    """What a kept invocation records of a file it read: the page rule's content identity
    (:func:`mesocli.store.pagekey.content_identity`) and, when the file's timestamps are settled (older than any
    filesystem's granularity, see :mod:`mesocli.store.checksums`), its status, which a replay may then trust
    alone, as the store trusts it: a later edit changes ``ctime``, which cannot be set back. A large knowledge
    base is then not read through, nor its checksum looked up, on every replay."""
    import time

    from mesocli.store.pagekey import content_identity

    now = time.time_ns()
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return content_identity(path) + "|"
    return f"{content_identity(path)}|{_status(info) if settled(info, now) else ''}"


def unchanged(path: str, identity: str) -> bool:
    """Whether a file read by a kept invocation is as :func:`recorded` found it: the same settled status, else
    the same content."""
    from mesocli.store.pagekey import content_identity

    content, _, status = identity.rpartition("|")
    if status:
        try:
            if _status(os.stat(path)) == status:
                return True
        except (OSError, ValueError):
            pass
    return content_identity(path) == content


def _name(key: str) -> str:
    raw = key.encode("utf-8", "surrogateescape")
    return f"run-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.bin"


def _folder() -> str | None:
    """The store's folder when it may be used (see :mod:`mesocli.store.folder`), else None."""
    folder = place.directory_name()
    return folder if folder is not None and place.trusted(folder, create=False) else None


def answer(arguments: Sequence[str]) -> int | None:
    """Write what this invocation wrote before and return its exit code; None when it cannot be replayed."""
    folder = _folder()
    if folder is None:
        return None
    key = invocation_key(arguments)
    entry = _read(os.path.join(folder, _name(key)), key)
    if entry is None:
        return None
    status, pieces = entry
    for fd, data in pieces:
        _write(fd, data)
    return status


def _read(path: str, key: str) -> tuple[int, list[tuple[int, memoryview]]] | None:
    data = place.read_private(path, MAX_BYTES)
    if data is None:
        return None
    try:
        return _parse(data, key)
    except (ValueError, IndexError, UnicodeDecodeError):
        return None


def _parse(data: bytes, key: str) -> tuple[int, list[tuple[int, memoryview]]] | None:
    """The exit code and output pieces of an entry, if it is whole, has ``key`` and every file it read is
    unchanged. The pieces are views into ``data``: a large answer (``list`` of a large knowledge base) is held
    once, never copied."""
    view = memoryview(data)
    start = data.index(b"\n") + 1
    if data[: start - 1] != MAGIC + b"\t" + f"{zlib.crc32(view[start:]):08x}".encode():
        return None
    fields = []
    for _ in range(3):  # the key, the exit code and the number of files read
        stop = data.index(b"\n", start)
        fields.append(data[start:stop])
        start = stop + 1
    stored_key, status, count = fields
    if stored_key.decode("utf-8", "surrogateescape") != key:
        return None
    for _ in range(int(count)):
        stop = data.index(b"\n", start)
        path, _, identity = data[start:stop].decode("utf-8", "surrogateescape").partition("\t")
        if not unchanged(path, identity):
            return None
        start = stop + 1
    pieces: list[tuple[int, memoryview]] = []
    while start < len(data):
        stop = data.index(b"\n", start)
        fd, size = (int(part) for part in data[start:stop].split(b" "))
        start = stop + 1
        if fd not in (1, 2) or start + size > len(data):
            return None
        pieces.append((fd, view[start : start + size]))
        start += size
    return int(status), pieces


def _write(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def keep(key: str, status: int, files: Iterable[tuple[str, str]], pieces: Iterable[tuple[int, bytes]]) -> None:
    """Keep what an invocation wrote under ``key`` (atomically; any failure just means nothing is kept)."""
    folder = place.directory_name()
    if folder is None or not place.trusted(folder, create=True):
        return
    files = [(p, i) for p, i in files if "\n" not in p and "\t" not in p]
    listed = b"".join(f"{p}\t{i}\n".encode("utf-8", "surrogateescape") for p, i in files)
    stream = b"".join(f"{fd} {len(data)}\n".encode() + data for fd, data in pieces)
    body = f"{key}\n{status}\n{len(files)}\n".encode("utf-8", "surrogateescape") + listed + stream
    if len(body) > MAX_BYTES:
        return
    data = MAGIC + f"\t{zlib.crc32(body):08x}\n".encode() + body
    if place.write_atomic(folder, _name(key), data):
        place.prune(folder, "run-", ".bin", KEEP)


def flush_streams() -> None:
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
