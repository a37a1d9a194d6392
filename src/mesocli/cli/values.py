"""The ``values`` command: ask what matters to the person and keep the answers in a profile's ``values:`` block.

Each statement (core.values) is answered 0 to 4, or left empty to skip, one line each, so answers can be
piped: ``printf '3\\n1\\n\\n' | mesocli values --profile FILE``. The questions go to stderr, so nothing but
the answers' summary reaches stdout. The profile is checked before anything is asked; the new block
replaces only an earlier ``values:`` block, and the file is written by the one writer (cli.output). A profile
that does not exist yet is made from the ``profile init`` template.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from mesocli.cli.output import stderr_line, write_output, write_stdout
from mesocli.core.l10n import _


def _ask(number: int, total: int, statement: str, interactive: bool) -> int | None:
    """One answer from stdin: 0-4, or None when empty or at the end of input; asked again on a terminal."""
    from mesocli.core.values import HIGHEST, LOWEST, SCALE

    while True:
        stderr_line(f"{number}/{total}. {statement}")
        sys.stderr.write(f"   ({_(SCALE)}): ")
        sys.stderr.flush()
        line = sys.stdin.readline() if sys.stdin is not None else ""
        text = line.strip()
        if not interactive:
            stderr_line(text)  # piped answers are not echoed by a terminal: show each beside its question
        if not text:
            return None
        if text.isdigit() and LOWEST <= int(text) <= HIGHEST:
            return int(text)
        problem = _("answer {number} is {text!r}: expected a whole number from 0 to 4, or empty").format(
            number=number, text=text
        )
        if not interactive:
            raise typer.BadParameter(problem, param_hint=_("standard input"))
        stderr_line(problem)


def values(
    profile: Annotated[
        Path,
        typer.Option(
            "--profile", "-p", metavar="FILE", help="The profile to keep the answers in (see `mesocli profile init`)."
        ),
    ],
) -> None:
    """Ask what matters to you (a few statements, 0-4 each, empty to skip) and keep the answers in a profile.

    One answer a line, so answers can be piped: printf '3\\n1\\n\\n4\\n' | mesocli values --profile me.yaml
    """
    from mesocli.core.files import read_text
    from mesocli.core.profile import TEMPLATE, ProfileError, read_profile
    from mesocli.core.values import HEADING, NEVER_RANKS, STATEMENTS, Values, replace_block

    text = TEMPLATE  # a profile that does not exist yet starts as `mesocli profile init` writes it
    if os.path.lexists(profile.expanduser()):
        try:
            read_profile(profile)  # checked whole before anything is asked: a broken profile stays as it is
            text = read_text(profile.expanduser())
        except ProfileError as exc:
            raise typer.BadParameter("; ".join(str(p) for p in exc.problems), param_hint="--profile") from None
    stderr_line(f"{_(HEADING)}. {_(NEVER_RANKS)}")
    interactive = sys.stdin is not None and sys.stdin.isatty()
    answers = {
        key: _ask(i, len(STATEMENTS), _(statement), interactive) for i, (key, statement) in enumerate(STATEMENTS, 1)
    }
    chosen = Values(**answers)
    write_output(profile, replace_block(text, chosen), True, "--profile", _("kept your answers in {path}"))
    summary = [f"{answer if answer is not None else '-'}  {statement}" for _key, statement, answer in chosen.answers()]
    write_stdout("\n".join(summary) + "\n")
