"""The ``values`` command: ask what matters to the person and keep the answers in a profile's ``values:`` block.

Each statement (core.values) is answered 0 to 4, or left empty to keep the earlier answer, one line
each, so answers can be piped: ``printf '3\\n1\\n\\n' | mesocli values --profile FILE``. The questions go
to stderr, so nothing but the answers' summary reaches stdout. The profile and its folder are checked
before anything is asked; the end of input stops the questions, and with no answer given the file is left
as it was. The new block replaces only an earlier ``values:`` block, in place, and the file is written by
the one writer (cli.output). A profile that does not exist yet is made from the ``profile init`` template.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from mesocli.cli.messages import problem_line
from mesocli.cli.output import note, stderr_line, write_output, write_stdout
from mesocli.core.l10n import N_, _

#: What ``_ask`` gives at the end of input: no more answers follow.
END = object()


def _ask(number: int, total: int, statement: str, interactive: bool, current: int | None) -> int | object | None:
    """One answer from stdin: 0-4 (one ASCII digit), None when empty (the earlier answer is kept), ``END`` at
    the end of input; asked again on a terminal after a wrong answer."""
    from mesocli.core.escape import MAX_ECHO, printable
    from mesocli.core.values import SCALE

    while True:
        stderr_line(f"{number}/{total}. {statement}")
        sys.stderr.write(f"   ({_(SCALE)}){'' if current is None else f' [{current}]'}: ")
        sys.stderr.flush()
        line = sys.stdin.readline(MAX_LINE) if sys.stdin is not None else ""  # /dev/zero has no end of line
        if not line:
            stderr_line("")
            return END
        text = line.strip()
        if not interactive:
            stderr_line(printable(text, MAX_ECHO))  # piped answers are not echoed: show each beside its question
        if not text:
            return None
        if text in ANSWERS:  # one ASCII digit: not 03, +3 or another script's digit
            return int(text)
        shown = text if len(text) <= MAX_ECHO else text[: MAX_ECHO - 1] + "…"
        problem = _("answer {number} is {text}: expected a whole number from 0 to 4, or empty").format(
            number=number,
            text=repr(shown),  # repr escapes control, bidi and zero-width characters, once
        )
        if not interactive:
            raise typer.BadParameter(problem, param_hint=_("standard input"))
        stderr_line(problem)


#: The most characters of one answer read at a time: an answer is one digit, and a line without end (a stream of
#: NULs from /dev/zero) must end in a wrong answer, not fill the memory.
MAX_LINE = 4096

#: The answers as typed: exactly one of these.
ANSWERS = frozenset("01234")


def _answers(earlier: dict[str, int | None], interactive: bool) -> dict[str, int]:
    """The statements answered now (empty lines and the statements after the end of input left out)."""
    from mesocli.core.values import STATEMENTS

    given: dict[str, int] = {}
    for i, (key, statement) in enumerate(STATEMENTS, 1):
        answer = _ask(i, len(STATEMENTS), _(statement), interactive, earlier.get(key))
        if answer is END:
            break
        if isinstance(answer, int):
            given[key] = answer
    return given


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
    from mesocli.cli.output import check_target
    from mesocli.core.escape import MAX_ECHO, printable
    from mesocli.core.files import read_text
    from mesocli.core.profile import ProfileError, read_profile, template
    from mesocli.core.values import HEADING, NEVER_RANKS, Values, replace_block

    text, earlier = template(_), Values()  # a profile that does not exist yet starts as `profile init` writes it
    if os.path.lexists(profile.expanduser()):
        try:
            earlier = read_profile(profile).values or Values()  # checked whole before anything is asked
            text = read_text(profile.expanduser(), N_("profile"))
        except ProfileError as exc:
            raise typer.BadParameter("; ".join(problem_line(p) for p in exc.problems), param_hint="--profile") from None
    check_target(profile, True, "--profile")  # a folder that is missing or refuses writes: known before asking
    stderr_line(f"{_(HEADING)}. {_(NEVER_RANKS)}")
    interactive = sys.stdin is not None and sys.stdin.isatty()
    given = _answers(earlier.to_data(), interactive)
    if not given:
        note(_("no answers given; {path} is not changed").format(path=printable(str(profile), MAX_ECHO)))
        return
    chosen = Values(**{**earlier.to_data(), **given})
    try:
        new_text = replace_block(text, chosen)
    except ValueError as exc:
        raise typer.BadParameter(exc.args[0] if exc.args else str(exc), param_hint="--profile") from None
    write_output(profile, new_text, True, "--profile", _("kept your answers in {path}"))
    summary = [f"{answer if answer is not None else '-'}  {statement}" for _key, statement, answer in chosen.answers()]
    write_stdout("\n".join(summary) + "\n")
