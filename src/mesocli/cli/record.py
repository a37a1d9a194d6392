"""Running the command line while keeping what it writes, so that the same invocation can be replayed.

The run is the ordinary one (:func:`mesocli.cli.app.main`). Around it, standard output and error are
written through to their files as before and also kept, in order, and an audit hook notes every file the
run opens. An invocation is kept (:mod:`mesocli.store.replay`) only when it ended with exit code 0, wrote
everything it meant to, opened no file for writing outside the store, started no process (a pager), used
no network and asked nothing; the files it read become its dependencies.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from typing import Any

#: Audit events after which an invocation is not kept: it ran a program (the pager), asked or went online.
_TAINTING = ("subprocess.", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "socket.", "builtins.input")
#: Files that are code, not input (the code's fingerprint covers mesocli's own).
_CODE = (".py", ".pyc", ".so", ".pth", ".pyd")
_SYSTEM = ("/dev/", "/proc/", "/sys/")


class _Tee(io.RawIOBase):
    """A stream's file descriptor, written as before, with every byte written also kept."""

    def __init__(self, fd: int, pieces: list[tuple[int, bytes]], run: _Run) -> None:
        super().__init__()
        self._fd = fd
        self._pieces = pieces
        self._run = run

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        try:
            written = os.write(self._fd, data)
        except OSError:
            self._run.tainted = True  # what is kept would not be what was written
            raise
        self._pieces.append((self._fd, bytes(memoryview(data)[:written])))
        return written


class _Run:
    """What one run read and whether it may be kept."""

    def __init__(self, store: str) -> None:
        self.store = store
        self.read: dict[str, str] = {}
        self.tainted = False
        self.watching = True  # audit hooks cannot be removed: this turns it off
        self._busy = False  # the hook's own reading (a file's SHA-256) is not the command's

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.watching:
            return
        if event == "open" and not self._busy:
            self._busy = True
            try:
                self._opened(*args[:3])
            finally:
                self._busy = False
        elif event.startswith(_TAINTING):
            self.tainted = True

    def _opened(self, path: Any, mode: Any, flags: Any) -> None:
        if isinstance(path, int) or path is None:
            return
        name = os.path.abspath(os.fsdecode(path))
        if name.endswith(_CODE) or "/__pycache__/" in name or name.startswith((self.store, *_SYSTEM)):
            return
        writing = (flags or 0) & (os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT) or (
            isinstance(mode, str) and any(c in mode for c in "wax+")
        )
        if writing:
            self.tainted = True
        elif name not in self.read:
            from mesocli.store.replay import recorded

            self.read[name] = recorded(name)


def _stream(original: Any, fd: int, pieces: list[tuple[int, bytes]], run: _Run) -> io.TextIOWrapper:
    return io.TextIOWrapper(
        io.BufferedWriter(_Tee(fd, pieces, run)),
        encoding=original.encoding,
        errors=original.errors,
        line_buffering=original.line_buffering,
        write_through=getattr(original, "write_through", False),
    )


def run(arguments: Sequence[str]) -> int:
    """Run the command line on ``arguments``, keeping what it writes when it may be replayed; the exit code."""
    from mesocli.cli.app import main
    from mesocli.store import location, replay

    folder = location.usable()
    if folder is None or not replay.replayable(arguments) or sys.stdout is None or sys.stderr is None:
        return _exit_code(main)
    current = _Run(str(folder) + os.sep)
    key = replay.invocation_key(arguments)
    pieces: list[tuple[int, bytes]] = []
    replay.flush_streams()
    originals = sys.stdout, sys.stderr
    try:
        sys.stdout = _stream(originals[0], originals[0].fileno(), pieces, current)
        sys.stderr = _stream(originals[1], originals[1].fileno(), pieces, current)
    except (AttributeError, OSError, ValueError):  # a stream without a file descriptor: run as it is
        sys.stdout, sys.stderr = originals
        return _exit_code(main)
    sys.addaudithook(current.hook)
    try:
        code = _exit_code(main)
    finally:
        replay.flush_streams()
        sys.stdout, sys.stderr = originals
        current.watching = False
    if code == 0 and not current.tainted:
        files = _probed(current.read)
        if all(replay.unchanged(path, identity) for path, identity in files):  # none edited during the run
            replay.keep(key, code, files, pieces)
    return code


def _probed(read: dict[str, str]) -> list[tuple[str, str]]:
    """The files read, and the translations that could have been read beside each (their absence counts)."""
    from pathlib import Path

    from mesocli.core.files import overlay_path
    from mesocli.core.l10n import LANGUAGES
    from mesocli.store.replay import recorded

    files = dict(read)
    for name in read:
        path = Path(name)
        if path.suffix in (".yaml", ".yml"):
            for lang in LANGUAGES:
                sibling = str(overlay_path(path, lang))
                if sibling not in files:
                    files[sibling] = recorded(sibling)
    return sorted(files.items())


def _exit_code(main: Any) -> int:
    try:
        main()
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        raise
    return 0
