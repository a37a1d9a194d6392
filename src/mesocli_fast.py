"""The ``mesocli`` console script: a repeated invocation is answered from what it wrote before.

It runs before Typer, Rich or the rest of mesocli are imported: only :mod:`mesocli.store.replay`, which
uses the standard library alone. An invocation it cannot answer (new, changed inputs, another day, another
code, ``MESOCLI_NO_CACHE=1``, or one that writes files, prompts or uses the network) runs as always
(:func:`mesocli.cli.record.run`), and is kept for next time when it may be. Ctrl-C at any moment ends it
with "interrupted" and exit code 130, never a traceback.
"""

import os
import sys

EXIT_OUTPUT, EXIT_INTERRUPTED = 4, 130


def main() -> None:
    """Console-script entry point."""
    try:
        code = _run(sys.argv[1:])
    except KeyboardInterrupt:
        _say(_said("interrupted"))
        code = EXIT_INTERRUPTED
    sys.exit(code)


def _run(arguments: list[str]) -> int:
    from mesocli.store import replay

    if replay.replayable(arguments):
        try:
            status = replay.answer(arguments)
        except BrokenPipeError:  # the reader went away, as `mesocli list | head -1` does
            _silence_stdout()
            return 0
        except OSError as exc:
            _say(f"{_said('could not write output:')} {_said(exc.strerror or str(exc))}")
            return EXIT_OUTPUT
        if status is not None:
            return status
    from mesocli.cli.record import run

    return run(arguments)


def _say(message: str) -> None:
    import contextlib

    with contextlib.suppress(OSError):
        os.write(2, f"mesocli: {message}\n".encode())


def _said(message: str) -> str:
    """``message`` (an entry of mesocli's catalogs) in the language that --lang, MESOCLI_LANG or the locale
    chooses, as the full run would say it; as it is when the catalogs cannot be read."""
    arguments = sys.argv[1 : sys.argv.index("--")] if "--" in sys.argv else sys.argv[1:]
    chosen = None
    for i, token in enumerate(arguments):
        if token == "--lang" and i + 1 < len(arguments):
            chosen = arguments[i + 1]
        elif token.startswith("--lang="):
            chosen = token.partition("=")[2]
    try:
        from mesocli.core import l10n

        l10n.set_language(chosen)
        return l10n.say(message)
    except (ImportError, OSError, ValueError):
        return message


def _silence_stdout() -> None:
    import contextlib

    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)


if __name__ == "__main__":
    main()
