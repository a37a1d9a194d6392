"""Write a page in the format asked for, to stdout or through a pager. Rich is imported only for rich."""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mesocli.core.errors import MesocliError, Message
from mesocli.core.l10n import N_, _
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
        raise OutputError(Message("standard output is closed"))
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise OutputClosed() from None
    except (OSError, ValueError) as exc:
        silence_stdout()  # what is still buffered would fail again when Python exits
        from mesocli.cli.messages import stdout_reason

        raise OutputError(stdout_reason(exc)) from None


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
    if terminal and pager is not False:
        from mesocli.cli.pager import longer_than_screen, page

        if (pager or longer_than_screen(text)) and page(text):
            return
    write_stdout(text)


def silence_stdout() -> None:
    """After the reader has gone, send what is left to /dev/null so the exit is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass


def write_output(path: Path, text: str, force: bool, hint: str = "--output", message: str = N_("wrote {path}")) -> None:
    """The one writer of every ``-o FILE`` (and ``profile init PATH``, ``migrate OLD NEW``): ``-`` is stdout.

    A file is written atomically and never replaces an existing one unless ``force``; only a regular file is
    ever written or replaced (never a directory, device, FIFO or socket), a replaced one keeps its mode, and
    through a symbolic link the file it points to is replaced. Then ``message`` goes to stderr, ``{path}``
    the path made printable. A wrong target (one that exists, or is not a file) is a usage error naming
    ``hint`` (exit 2); a folder or disk that refuses the bytes is an OutputError (exit 4).
    """
    from mesocli.core.escape import MAX_ECHO, printable

    if str(path) == "-":
        write_stdout(text)
        return
    shown = printable(str(path), MAX_ECHO)
    try:
        existing: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(
            Message("cannot write {path}: {reason}", path=shown, reason=exc.strerror or str(exc))
        ) from None
    if existing is not None:
        _refuse(existing, shown, force, hint)
        path = Path(os.path.realpath(path))
    _write_atomically(path, text, existing, force, shown, hint)
    note(_(message).format(path=shown))


def check_target(path: Path, force: bool, hint: str) -> None:
    """Refuse before any work a target ``write_output`` would refuse: not a regular file, an existing file
    without ``force`` (exit 2), or a folder that is missing or not writable (OutputError, exit 4)."""
    from mesocli.core.escape import MAX_ECHO, printable

    if str(path) == "-":
        return
    try:
        _refuse(os.stat(path), printable(str(path), MAX_ECHO), force, hint)
        return
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise OutputError(
            Message(
                "cannot write {path}: {reason}", path=printable(str(path), MAX_ECHO), reason=exc.strerror or str(exc)
            )
        ) from None
    folder = path.parent if str(path.parent) else Path(".")
    if not os.path.isdir(folder):
        raise OutputError(
            Message(
                "cannot write in {path}: {reason}",
                path=printable(str(folder), MAX_ECHO),
                reason="No such file or directory",
            )
        )
    if not os.access(folder, os.W_OK):
        raise OutputError(
            Message(
                "cannot write in {path}: {reason}", path=printable(str(folder), MAX_ECHO), reason="Permission denied"
            )
        )


def _refuse(existing: os.stat_result, shown: str, force: bool, hint: str) -> None:
    import stat

    if stat.S_ISDIR(existing.st_mode):
        raise _usage(Message("{path} is a directory", path=shown), hint)
    if not stat.S_ISREG(existing.st_mode):
        raise _usage(Message("{path} is not a regular file; mesocli writes only files", path=shown), hint)
    if not force:
        raise _usage(Message("{path} exists; add --force to replace it", path=shown), hint)


def _usage(message: str, hint: str) -> Exception:
    import typer

    return typer.BadParameter(message, param_hint=hint)


def _write_atomically(
    path: Path, text: str, existing: os.stat_result | None, force: bool, shown: str, hint: str
) -> None:
    import contextlib
    import stat
    import tempfile

    from mesocli.core.escape import MAX_ECHO, printable

    folder = path.parent if str(path.parent) else Path(".")
    try:  # a short temporary name: the file's own may already be as long as the file system allows
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".mesocli-", suffix=".tmp")
    except OSError as exc:
        raise OutputError(
            Message(
                "cannot write in {path}: {reason}",
                path=printable(str(folder), MAX_ECHO),
                reason=exc.strerror or str(exc),
            )
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing is not None else _new_file_mode())
        if existing is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root can give a file back to its owner
                os.chown(temporary, existing.st_uid, existing.st_gid)
        if force:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if the file appeared meanwhile: never replaces
    except FileExistsError:
        raise _usage(Message("{path} exists; add --force to replace it", path=shown), hint) from None
    except OSError as exc:
        raise OutputError(Message("{path}: {reason}", path=shown, reason=exc.strerror or str(exc))) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _new_file_mode() -> int:
    """The mode a new file gets from the umask, as with shell redirection (mkstemp alone gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
