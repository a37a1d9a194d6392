"""What matters to me: a few neutral trade-off statements, each answered 0 to 4 or left empty.

The answers are kept in a profile's ``values:`` block (``mesocli values --profile FILE`` asks and writes them)
and travel on the ``Situation`` (``situation.values``) to the pages that print them, such as the handout.
They never rank, choose or hide an option: they are there to be talked through with the care team. The
statements come in opposite pairs (living longer / feeling well day to day), so that none leans one way.

Pure: no printing, no files; ``block()`` gives the YAML text, ``replace_block()`` puts it into a profile's text.
"""

from __future__ import annotations

import re
from typing import Any

from mesocli.core.l10n import N_, _
from mesocli.core.model import field, model

#: Each statement: its key in the profile, and its words (translated where shown).
STATEMENTS: tuple[tuple[str, str], ...] = (
    ("longer_life", N_("Living as long as possible matters more to me than avoiding side effects.")),
    ("feeling_well", N_("Feeling as well as possible day to day matters more to me than living longer.")),
    ("time_at_home", N_("Time at home matters more to me than the trips to hospital a treatment may need.")),
    ("new_treatments", N_("I want to try new treatments, such as in a clinical trial, even if less is known.")),
    ("known_treatments", N_("I prefer treatments that have been used for a long time and are well known.")),
    ("share_decision", N_("I want my family or friends to share in the decision.")),
)
KEYS: tuple[str, ...] = tuple(key for key, _statement in STATEMENTS)
#: The answers a statement takes, with what the two ends mean.
LOWEST, HIGHEST = 0, 4
SCALE = N_("0 = not like me at all, 4 = very like me; empty to skip")
NEVER_RANKS = N_("Your answers never rank or hide an option. They are there to talk through with your care team.")
HEADING = N_("What matters to me")
_BLOCK = re.compile(r"^values\s*:")


@model
class Values:
    """The answers to the trade-off statements, 0 to 4, None where a statement was skipped."""

    longer_life: int | None = field(default=None, metadata={"doc": STATEMENTS[0][1]})
    feeling_well: int | None = field(default=None, metadata={"doc": STATEMENTS[1][1]})
    time_at_home: int | None = field(default=None, metadata={"doc": STATEMENTS[2][1]})
    new_treatments: int | None = field(default=None, metadata={"doc": STATEMENTS[3][1]})
    known_treatments: int | None = field(default=None, metadata={"doc": STATEMENTS[4][1]})
    share_decision: int | None = field(default=None, metadata={"doc": STATEMENTS[5][1]})

    def answers(self) -> tuple[tuple[str, str, int | None], ...]:
        """(key, statement in the interface language, answer or None) for every statement, in order."""
        return tuple((key, _(statement), getattr(self, key)) for key, statement in STATEMENTS)

    @property
    def empty(self) -> bool:
        """Whether no statement was answered (a page then prints the blank exercise)."""
        return all(getattr(self, key) is None for key in KEYS)

    def to_data(self) -> dict[str, Any]:
        """Each key with its answer (None where skipped)."""
        return {key: getattr(self, key) for key in KEYS}


def check_answer(value: object) -> str | None:
    """Why ``value`` is not an answer (a whole number 0-4, or empty); None when it is."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and LOWEST <= value <= HIGHEST):
        return None
    return f"is {value!r}, expected a whole number from {LOWEST} to {HIGHEST}, or empty"


def values_of(answers: Any) -> Values:
    """``Values`` from a mapping of statement keys to answers; ValueError on an unknown key or a bad answer."""
    if not isinstance(answers, dict):
        raise ValueError(f"values must be a mapping of {', '.join(KEYS)} to 0-4")
    for key, answer in answers.items():
        if key not in KEYS:
            raise ValueError(f"unknown statement {key!r}; the statements are {', '.join(KEYS)}")
        message = check_answer(answer)
        if message:
            raise ValueError(f"{key} {message}")
    return Values(**answers)


def block(values: Values) -> str:
    """The profile's ``values:`` block: each statement as a comment above its key and answer."""
    lines = ["values:"]
    for key, statement, answer in values.answers():
        lines += [f"  # {statement}", f"  {key}:{'' if answer is None else f' {answer}'}"]
    return "\n".join(lines) + "\n"


def replace_block(text: str, values: Values) -> str:
    """``text`` with its ``values:`` block (the key at the start of a line and the indented lines under it)
    taken out and the new block put at the end; every other line, comments included, kept as it was."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _BLOCK.match(line)), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and _inside(lines, end):
            end += 1
        lines[start:end] = []
    kept = "".join(lines)
    if kept and not kept.endswith("\n"):
        kept += "\n"
    return kept + block(values)


def _inside(lines: list[str], i: int) -> bool:
    """Whether line ``i`` belongs to the block above it: indented, or blank with an indented line after it."""
    line = lines[i]
    if line[:1] in (" ", "\t"):
        return True
    if line.strip():
        return False
    following = next((later for later in lines[i + 1 :] if later.strip()), "")
    return following[:1] in (" ", "\t")
