"""Reading a knowledge-base file from disk, and parsing and checking it in one pass."""

from __future__ import annotations

import datetime as dt
import os
import stat

from mesocli.core.errors import KnowledgeBaseError, Message, Problem
from mesocli.core.l10n import N_
from mesocli.core.models import KnowledgeBaseData

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from pathlib import Path  # imported where a Path is made: loading a stored knowledge base needs none
    from typing import Any

DatedProblem = tuple[Problem, dt.date | None]

#: Knowledge-base files larger than this are refused before they are parsed; ``MESOCLI_MAX_KB_BYTES``
#: overrides it. (Alias expansion has its own guard, relative to the file's length: see core/expansion.py.)
DEFAULT_MAX_KB_BYTES = 1 << 30


def max_kb_bytes() -> int:
    """The size limit of a knowledge-base file: ``$MESOCLI_MAX_KB_BYTES`` if a whole number, else 1 GiB."""
    value = os.environ.get("MESOCLI_MAX_KB_BYTES", "").strip()
    return int(value) if value.isdigit() else DEFAULT_MAX_KB_BYTES


#: Environment variable naming a knowledge-base file to use instead of the bundled one.
ENV_VAR = "MESOCLI_KB"


def bundled_path() -> Path:
    """The knowledge base shipped with mesocli (inside the wheel, or in a source checkout)."""
    from pathlib import Path

    return Path(bundled_file())


def default_path() -> Path:
    """``$MESOCLI_KB`` if set, else the bundled knowledge base."""
    from pathlib import Path

    return Path(default_file())


def bundled_file() -> str:
    """:func:`bundled_path` as a string, without ``pathlib``."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the mesocli package
    packaged = os.path.join(here, "data", "treatments.yaml")
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data", "treatments.yaml")


def default_file() -> str:
    """:func:`default_path` as a string, without ``pathlib``."""
    env = os.environ.get(ENV_VAR)
    return path_text(env) if env else bundled_file()


def path_text(path: str | os.PathLike[str]) -> str:
    """``str(Path(path).expanduser())``: the same text, without importing ``pathlib`` when ``path`` is already
    in the form a ``Path`` gives (no ``~``, no empty, doubled or trailing ``/`` or ``.`` parts)."""
    text = os.fspath(path)
    ends = isinstance(text, str) and text and not text.startswith(("~", "./")) and not text.endswith(("/", "/."))
    if ends and "//" not in text and "/./" not in text:
        return text
    from pathlib import Path

    return str(Path(path).expanduser())


#: What a knowledge-base path may not be, by the type bits of its mode. Each would block or never end.
_NOT_FILES = {
    stat.S_IFDIR: N_("a directory"),
    stat.S_IFIFO: N_("a named pipe (FIFO)"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
}


def check_file(path: str | Path, what: str = N_("knowledge-base file")) -> None:
    """Refuse, without opening it, a path that is not an existing regular file (exit 3, never a hang), or one
    over the size limit: on every run, also when a database built from it could answer."""
    file = str(path)
    try:
        info = os.stat(path)
        _require_regular(info.st_mode, file, what)
        limit = max_kb_bytes()
        if info.st_size > limit:
            raise KnowledgeBaseError(Problem(file, _too_large(info.st_size, limit)))
    except OSError as exc:
        raise _os_problem(file, exc) from None
    except ValueError:  # a NUL byte in the name
        raise KnowledgeBaseError(Problem(file, Message("the path contains a NUL byte"))) from None


def overlay_path(kb_file: Path, lang: str) -> Path:
    """Where a knowledge base's translation lives: ``data/treatments.yaml`` -> ``data/treatments.tr.yaml``."""
    return kb_file.with_name(f"{kb_file.stem}.{lang}{kb_file.suffix}")


def read_text(path: Path, what: str = "knowledge-base file") -> str:
    """Read a knowledge-base file, turning every OS or decoding failure into one problem.

    Only regular files are read; the read is bounded by the size limit whatever the size on disk says.
    """
    return read_bytes(path, what).decode("utf-8-sig")


def read_bytes(path: Path, what: str = "knowledge-base file") -> bytes:
    """A knowledge-base file's bytes, checked to be UTF-8 text (as :func:`read_text` reads it, without holding
    the decoded text: the parser reads the bytes)."""
    file = str(path)
    try:
        check_file(path, what)
        size, limit = path.stat().st_size, max_kb_bytes()
        if size > limit:
            raise KnowledgeBaseError(Problem(file, _too_large(size, limit)))
        data = _read_bounded(path, file, limit, what)
    except OSError as exc:
        raise _os_problem(file, exc) from None
    _check_utf8(data, file)
    return data


def _check_utf8(data: bytes, file: str, step: int = 1 << 20) -> None:
    """Refuse bytes that are not UTF-8 text, with the line of the first bad byte (checked a slice at a time,
    so the decoded text is never held whole)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data) + 1, step):
            decoder.decode(data[start : start + step], final=start + step >= len(data))
    except UnicodeDecodeError:
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise KnowledgeBaseError(Problem(file, Message("is not valid UTF-8 text"), line)) from None


def _require_regular(mode: int, file: str, what: str = "knowledge-base file") -> None:
    if not stat.S_ISREG(mode):
        kind = _NOT_FILES.get(stat.S_IFMT(mode), N_("not a regular file"))
        raise KnowledgeBaseError(
            Problem(file, Message("is {kind}, not a {what}", kind=Message(kind), what=Message(what)))
        )


def _read_bounded(path: Path, file: str, limit: int, what: str = "knowledge-base file") -> bytes:
    """The file's bytes, read through a descriptor opened without blocking (a FIFO swapped in cannot hang us)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        _require_regular(os.fstat(handle).st_mode, file, what)
        chunks, total = [], 0
        step = max(os.fstat(handle).st_size + 1, 1 << 20)  # the whole file in one read, where its size says so
        while total <= limit:
            chunk = os.read(handle, min(step, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > limit:
        raise KnowledgeBaseError(
            Problem(
                file,
                Message(
                    "is over {limit:,} bytes, the limit for knowledge-base files (MESOCLI_MAX_KB_BYTES)", limit=limit
                ),
            )
        )
    return data


def _os_problem(file: str, exc: OSError) -> KnowledgeBaseError:
    import errno  # only when a file cannot be read

    if isinstance(exc, FileNotFoundError):
        return KnowledgeBaseError(Problem(file, Message("no such file")))
    if isinstance(exc, PermissionError):
        return KnowledgeBaseError(Problem(file, Message("permission denied")))
    if exc.errno == errno.ELOOP:
        return KnowledgeBaseError(Problem(file, Message("is a loop of symbolic links")))
    return KnowledgeBaseError(Problem(file, Message("{reason}", reason=exc.strerror or str(exc))))


def _too_large(size: int, limit: int) -> Message:
    return Message(
        "is {size:,} bytes; knowledge-base files are limited to {limit:,} (MESOCLI_MAX_KB_BYTES)",
        size=size,
        limit=limit,
    )


def check_text(text: str | bytes, file: str) -> tuple[KnowledgeBaseData | None, list[Problem], list[DatedProblem]]:
    """Parse and check ``text`` (or a file's UTF-8 bytes, from :func:`read_bytes`): the data (None if
    unparsable), the parser's problems, and the checks' problems each with the first day it applies (see
    :func:`mesocli.core.checks.dated_problems`)."""
    data, _marks, problems, dated = _check(text, file)
    return data, problems, dated


def _check(text: str | bytes, file: str) -> tuple[KnowledgeBaseData | None, Any, list[Problem], list[DatedProblem]]:
    from mesocli.core.checks import dated_problems
    from mesocli.core.loader import parse

    data, marks, problems = parse(text, file)
    checked = data if data is not None else marks.partial  # an invalid file is checked too: one pass, every problem
    return data, marks, problems, dated_problems(checked, marks) if checked is not None else []


def on_day(dated: list[DatedProblem], today: dt.date | None = None) -> list[Problem]:
    """The dated problems that apply on ``today``."""
    day = today or dt.date.today()
    return [p for p, since in dated if since is None or day >= since]


def parse_and_check(file: Path, today: dt.date | None = None) -> tuple[KnowledgeBaseData | None, list[Problem]]:
    """Parse ``file`` and run every check; raises KnowledgeBaseError only if it cannot be read."""
    from mesocli.core.checks import in_order, reviewed_in_future

    data, marks, problems, dated = _check(read_text(file), str(file))
    future = reviewed_in_future(data or marks.partial, marks, today or dt.date.today())
    return data, in_order([*problems, *on_day(dated, today), *future])


def validate(path: Path | str | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every problem in a knowledge-base file (errors and warnings); empty when it is clean."""
    from pathlib import Path

    file = Path(path) if path is not None else default_path()
    try:
        return parse_and_check(file, today)[1]
    except KnowledgeBaseError as exc:
        return list(exc.problems)
