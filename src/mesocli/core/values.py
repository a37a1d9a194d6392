"""What matters to me: a few neutral trade-off statements, each answered 0 to 4 or left empty.

The answers are kept in a profile's ``values:`` block (``mesocli values --profile FILE`` asks and writes them)
and travel on the ``Situation`` (``situation.values``) to the pages that print them, such as the handout.
They never rank, choose or hide an option: they are there to be talked through with the care team. The
statements come in opposite pairs (living longer / feeling well day to day), so that none leans one way.

Pure: no printing, no files; ``block()`` gives the YAML text, ``replace_block()`` puts it into a profile's text.
"""

from __future__ import annotations

from typing import Any

from mesocli.core.errors import Message
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
    return Message(
        "is {value}, expected a whole number from {lowest} to {highest}, or empty",
        value=repr(value),
        lowest=LOWEST,
        highest=HIGHEST,
    )


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
    """``text`` with its ``values:`` block replaced in place by the new one (added at the end when there is
    none); every other line, comments included, kept where it was. The block is found by parsing: its key's
    line to the line of the last thing under it, however the key is spelled (``"values":``, ``values :``).
    ValueError when the block cannot be replaced line by line (a flow-style ``{...}`` profile)."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    span = _block_span(text)
    if span is None:
        kept = "".join(lines)
        if kept and not kept.endswith("\n"):
            kept += newline
        return kept + block(values).replace("\n", newline)
    first, last, indent = span
    new = "".join(" " * indent + line for line in block(values).splitlines(keepends=True))
    return "".join([*lines[:first], new.replace("\n", newline), *lines[last + 1 :]])


def _block_span(text: str) -> tuple[int, int, int] | None:
    """(first line, last line, indentation) of the top-level ``values`` key and what is under it, or None."""
    import yaml

    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "values":
            mark = key.start_mark
            before = text.splitlines()[mark.line][: mark.column]
            if root.flow_style or before.strip():
                raise ValueError(Message("the values: block is not on lines of its own; edit it by hand"))
            end = _end(value)
            return mark.line, (end.line if end.column > 0 else end.line - 1), mark.column
    return None


def _end(node: Any) -> Any:
    """Where the last text of ``node`` ends: for a block mapping or list, the end of its last item (its own end
    mark lies after any comments that follow it)."""
    import yaml

    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _end(node.value[-1])
    return node.end_mark
