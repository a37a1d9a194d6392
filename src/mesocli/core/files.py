"""Reading a knowledge-base file from disk, and parsing and checking it in one pass."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path

from mesocli.core.errors import KnowledgeBaseError, Problem
from mesocli.core.models import KnowledgeBaseData

#: Knowledge-base files larger than this are refused before they are parsed.
MAX_FILE_BYTES = 32 * 1024 * 1024


#: What a knowledge-base path may not be, by the type bits of its mode. Each would block or never end.
_NOT_FILES = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def check_file(path: Path) -> None:
    """Refuse, without opening it, a path that is not an existing regular file (exit 3, never a hang)."""
    file = str(path)
    try:
        _require_regular(os.stat(path).st_mode, file)
    except OSError as exc:
        raise _os_problem(file, exc) from None


def read_text(path: Path) -> str:
    """Read a knowledge-base file, turning every OS or decoding failure into one problem.

    Only regular files are read; the read is bounded by MAX_FILE_BYTES whatever the size on disk says.
    """
    file = str(path)
    try:
        check_file(path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KnowledgeBaseError(
                Problem(file, f"is {size:,} bytes; knowledge-base files are limited to {MAX_FILE_BYTES:,}")
            )
        data = _read_bounded(path, file)
    except OSError as exc:
        raise _os_problem(file, exc) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KnowledgeBaseError(Problem(file, "is not valid UTF-8 text", line)) from None


def _require_regular(mode: int, file: str) -> None:
    if not stat.S_ISREG(mode):
        kind = _NOT_FILES.get(stat.S_IFMT(mode), "not a regular file")
        raise KnowledgeBaseError(Problem(file, f"is {kind}, not a knowledge-base file"))


def _read_bounded(path: Path, file: str) -> bytes:
    """The file's bytes, read through a descriptor opened without blocking (a FIFO swapped in cannot hang us)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        _require_regular(os.fstat(handle).st_mode, file)
        chunks, total = [], 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(handle, min(1 << 20, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        raise KnowledgeBaseError(Problem(file, f"is over {MAX_FILE_BYTES:,} bytes, the limit for knowledge-base files"))
    return data


def _os_problem(file: str, exc: OSError) -> KnowledgeBaseError:
    if isinstance(exc, FileNotFoundError):
        return KnowledgeBaseError(Problem(file, "no such file"))
    if isinstance(exc, PermissionError):
        return KnowledgeBaseError(Problem(file, "permission denied"))
    if exc.errno == errno.ELOOP:
        return KnowledgeBaseError(Problem(file, "is a loop of symbolic links"))
    return KnowledgeBaseError(Problem(file, exc.strerror or str(exc)))


def parse_and_check(file: Path, today: dt.date | None = None) -> tuple[KnowledgeBaseData | None, list[Problem]]:
    """Parse ``file`` and run every check; raises KnowledgeBaseError only if it cannot be read."""
    from mesocli.core.checks import check_all, in_order
    from mesocli.core.loader import parse

    data, marks, problems = parse(read_text(file), str(file))
    checked = data if data is not None else marks.partial
    if checked is not None:  # an invalid file is checked too, so that one pass shows every problem
        problems = problems + check_all(checked, marks, today)
    return data, in_order(problems)
