"""Write a page in the format asked for. Rich is imported only when the rich format is used."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from typing import Any

from .document import Document
from .errors import MesocliError

FORMATS = ("rich", "plain", "json", "yaml", "markdown")
#: Plain text is wrapped to the terminal, but never wider than this, for readability.
MAX_PLAIN_WIDTH = 100


class OutputClosed(MesocliError):
    """The reader of our output went away (``mesocli list | head -1``)."""


def choose_format(fmt: str | None, as_json: bool, color: str = "auto") -> str:
    """The format to write: ``--json`` wins, then ``--format``, then rich on a terminal, else plain."""
    if as_json:
        return "json"
    if fmt:
        return fmt
    if color == "always":
        return "rich"
    if color == "never":
        return "plain"
    forced = os.environ.get("FORCE_COLOR") not in (None, "", "0")
    return "rich" if forced or sys.stdout.isatty() else "plain"


def emit(fmt: str, document: Callable[[], Document], data: Callable[[], Any], color: str = "auto") -> None:
    """Write one page: ``document`` for rich, plain and Markdown, ``data`` for JSON and YAML."""
    try:
        if fmt in ("json", "yaml"):
            from .serialize import dump

            sys.stdout.write(dump(data(), fmt))
        elif fmt == "markdown":
            from .render_text import markdown

            sys.stdout.write(markdown(document()))
        elif fmt == "plain":
            from .render_text import plain

            width = min(shutil.get_terminal_size((80, 24)).columns, MAX_PLAIN_WIDTH)
            sys.stdout.write(plain(document(), width))
        else:
            from .render_rich import make_console, print_document

            console = make_console(color={"always": True, "never": False}.get(color))
            print_document(document(), console)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise OutputClosed() from None


def _silence_stdout() -> None:
    """After the reader has gone, send what is left to /dev/null so the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
