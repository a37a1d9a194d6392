"""Reading a knowledge-base file from disk, and parsing and checking it in one pass."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mesocli.core.errors import KnowledgeBaseError, Problem
from mesocli.core.models import KnowledgeBaseData

DatedProblem = tuple[Problem, dt.date | None]

#: Knowledge-base files larger than this are refused before they are parsed; ``MESOCLI_MAX_KB_BYTES``
#: overrides it. (Alias expansion has its own guard, relative to the file's length: see core/loader.py.)
DEFAULT_MAX_KB_BYTES = 1 << 30


def max_kb_bytes() -> int:
    """The size limit of a knowledge-base file: ``$MESOCLI_MAX_KB_BYTES`` if a whole number, else 1 GiB."""
    value = os.environ.get("MESOCLI_MAX_KB_BYTES", "").strip()
    return int(value) if value.isdigit() else DEFAULT_MAX_KB_BYTES


#: Environment variable naming a knowledge-base file to use instead of the bundled one.
ENV_VAR = "MESOCLI_KB"


def bundled_path() -> Path:
    """The knowledge base shipped with mesocli (inside the wheel, or in a source checkout)."""
    here = Path(__file__).resolve().parent.parent  # the mesocli package
    packaged = here / "data" / "treatments.yaml"
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / "treatments.yaml"


def default_path() -> Path:
    """``$MESOCLI_KB`` if set, else the bundled knowledge base."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else bundled_path()


def read_text(path: Path) -> str:
    """Read a knowledge-base file, turning every OS or decoding failure into one problem."""
    file = str(path)
    try:
        if path.is_dir():
            raise KnowledgeBaseError(Problem(file, "is a directory, not a knowledge-base file"))
        size, limit = path.stat().st_size, max_kb_bytes()
        if size > limit:
            raise KnowledgeBaseError(
                Problem(
                    file, f"is {size:,} bytes; knowledge-base files are limited to {limit:,} (MESOCLI_MAX_KB_BYTES)"
                )
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise KnowledgeBaseError(Problem(file, "no such file")) from None
    except PermissionError:
        raise KnowledgeBaseError(Problem(file, "permission denied")) from None
    except OSError as exc:
        raise KnowledgeBaseError(Problem(file, exc.strerror or str(exc))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KnowledgeBaseError(Problem(file, "is not valid UTF-8 text", line)) from None


def check_text(text: str, file: str) -> tuple[KnowledgeBaseData | None, list[Problem], list[DatedProblem]]:
    """Parse and check ``text``: the data (None if unparsable), the parser's problems, and the checks'
    problems each with the first day it applies (see :func:`mesocli.core.checks.dated_problems`)."""
    from mesocli.core.checks import dated_problems
    from mesocli.core.loader import parse

    data, marks, problems = parse(text, file)
    return data, problems, dated_problems(data, marks) if data is not None else []


def on_day(dated: list[DatedProblem], today: dt.date | None = None) -> list[Problem]:
    """The dated problems that apply on ``today``."""
    day = today or dt.date.today()
    return [p for p, since in dated if since is None or day >= since]


def parse_and_check(file: Path, today: dt.date | None = None) -> tuple[KnowledgeBaseData | None, list[Problem]]:
    """Parse ``file`` and run every check; raises KnowledgeBaseError only if it cannot be read."""
    data, problems, dated = check_text(read_text(file), str(file))
    return data, problems + on_day(dated, today)


def validate(path: Path | str | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every problem in a knowledge-base file (errors and warnings); empty when it is clean."""
    file = Path(path) if path is not None else default_path()
    try:
        return parse_and_check(file, today)[1]
    except KnowledgeBaseError as exc:
        return list(exc.problems)
