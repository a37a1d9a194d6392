"""Reading a knowledge-base file from disk, and parsing and checking it in one pass."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mesocli.core.errors import KnowledgeBaseError, Problem
from mesocli.core.models import KnowledgeBaseData

#: Knowledge-base files larger than this are refused before they are parsed.
MAX_FILE_BYTES = 32 * 1024 * 1024


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
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KnowledgeBaseError(
                Problem(file, f"is {size:,} bytes; knowledge-base files are limited to {MAX_FILE_BYTES:,}")
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


def parse_and_check(file: Path, today: dt.date | None = None) -> tuple[KnowledgeBaseData | None, list[Problem]]:
    """Parse ``file`` and run every check; raises KnowledgeBaseError only if it cannot be read."""
    from mesocli.core.checks import check_all
    from mesocli.core.loader import parse

    data, marks, problems = parse(read_text(file), str(file))
    if data is not None:
        problems = problems + check_all(data, marks, today)
    return data, problems
