"""Write a page in the format asked for, to stdout or through a pager. Rich is imported only for rich."""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mesocli.core.errors import MesocliError
from mesocli.pages.document import Document

#: Plain text is wrapped to the terminal, but never wider than this, for readability.
MAX_PLAIN_WIDTH = 100
#: Rich tables may use more of a wide terminal, up to this; a huge $COLUMNS must not mean huge output.
MAX_RICH_WIDTH = 200


class OutputClosed(MesocliError):
    """The reader of our output went away (``mesocli list | head -1``)."""


class OutputError(MesocliError):
    """Output could not be written: stdout closed or on a full disk, an --output file that cannot be written."""


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout and flush: OutputClosed if the reader left, OutputError if it cannot be written."""
    if sys.stdout is None:
        raise OutputError("standard output is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise OutputClosed() from None
    except (OSError, ValueError) as exc:
        silence_stdout()  # what is still buffered would fail again when Python exits
        raise OutputError(f"standard output: {getattr(exc, 'strerror', None) or exc}") from None


def note(message: str) -> None:
    """``mesocli: message`` on stderr."""
    stderr_line(f"mesocli: {message}")


def stderr_line(text: str) -> None:
    """One line on stderr, or nothing if stderr is closed or cannot be written."""
    try:
        sys.stderr.write(f"{text}\n")
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass


def is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def choose_format(fmt: str | None, as_json: bool, color: str = "auto") -> str:
    """The format to write: ``--json``, then ``--format``, then rich on a terminal (or with colour forced).

    ``--color always`` and ``FORCE_COLOR`` choose rich even into a pipe; ``--color never`` ignores
    ``FORCE_COLOR``.
    """
    if as_json:
        return "json"
    if fmt:
        return fmt
    if color == "always":
        return "rich"
    forced = color == "auto" and os.environ.get("FORCE_COLOR") not in (None, "", "0")
    return "rich" if forced or is_terminal() else "plain"


def render(
    fmt: str,
    document: Callable[[], Document],
    data: Callable[[], Any],
    color: str = "auto",
    terminal: bool = False,
    page_key: tuple[list[str], list[Path]] | None = None,
) -> str:
    """The page as text in ``fmt``; ``terminal`` renders rich output for a terminal even into a buffer.

    With ``page_key`` (the arguments and files the page is made from), a rich, plain or Markdown page is kept
    once laid out and reused next time under the key :func:`mesocli.store.pagekey.page_key` makes of them with
    the format, the width and the colour settings (see :mod:`mesocli.store.pages`).
    """
    if fmt in ("json", "yaml"):
        from mesocli.core.serialize import dump

        return dump(data(), fmt)
    width = min(shutil.get_terminal_size((80, 24)).columns, MAX_RICH_WIDTH)
    wanted = {"always": True, "never": False}.get(color)
    if wanted is None and terminal:
        wanted = True  # NO_COLOR is honoured in the layout: colour goes, bold stays
    if page_key is None:
        return _lay_out(fmt, document, width, wanted)
    from mesocli.store import pages
    from mesocli.store.pagekey import page_key as key_of

    arguments, files = page_key
    key = key_of([*arguments, f"format={fmt}", f"width={width}", f"colour={wanted}", f"terminal={terminal}"], files)
    kept = pages.read(key)
    if kept is None:
        kept = _lay_out(fmt, document, width, wanted)
        pages.write(key, kept)
    return kept


def _lay_out(fmt: str, document: Callable[[], Document], width: int, color: bool | None) -> str:
    if fmt == "markdown":
        from mesocli.render.text import markdown

        return markdown(document())
    if fmt == "plain":
        from mesocli.render.text import plain

        return plain(document(), min(width, MAX_PLAIN_WIDTH))
    from mesocli.render.rich import make_console, print_document

    buffer = io.StringIO()
    # NO_COLOR removes colour only: headings and labels stay bold (https://no-color.org).
    console = make_console(file=buffer, color=color, width=width, no_color=os.environ.get("NO_COLOR", "") != "")
    print_document(document(), console)
    return buffer.getvalue()


def emit(
    fmt: str,
    document: Callable[[], Document],
    data: Callable[[], Any],
    color: str = "auto",
    pager: bool | None = None,
    page_key: tuple[list[str], list[Path]] | None = None,
) -> None:
    """Write one page: ``document`` for rich, plain and Markdown, ``data`` for JSON and YAML.

    On a terminal, a page longer than the screen goes through the pager (``pager`` None, as git does);
    ``pager`` True pages whatever the length, False never.
    """
    terminal = is_terminal()
    text = render(fmt, document, data, color, terminal=terminal, page_key=page_key)
    if terminal and pager is not False and (pager or _longer_than_screen(text)) and _page(text):
        return
    write_stdout(text)


def _longer_than_screen(text: str) -> bool:
    return text.count("\n") >= shutil.get_terminal_size((80, 24)).lines


def pager_command() -> list[str]:
    """The pager to run: $MESOCLI_PAGER, then $PAGER, then less; empty when one of them is set empty."""
    import shlex

    for name in ("MESOCLI_PAGER", "PAGER"):
        if name in os.environ:
            try:
                return shlex.split(os.environ[name])
            except ValueError:
                return []
    return ["less"]


def _page(text: str) -> bool:
    """Show ``text`` through the pager; False if there is none or it could not run (then it is printed)."""
    import subprocess

    command = pager_command()
    if not command:
        return False
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}  # keep colours, quit if one screen
    try:
        subprocess.run(command, input=text, text=True, env=env, check=False)
    except (OSError, ValueError):
        return False
    return True


def silence_stdout() -> None:
    """After the reader has gone, send what is left to /dev/null so the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass
