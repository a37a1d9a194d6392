"""A situation profile: the fields of ``mesocli options`` in a small YAML file, checked like the knowledge base.

The file is read with PyYAML's safe loader; unknown keys are refused (with the nearest known key), and every
value is checked against its vocabulary. Each problem carries file, line and column; all of them are raised
together as a ``ProfileError`` (a ``KnowledgeBaseError``, so it has ``.problems``, ``.file``, ``.line``).
A field left empty (or ``unknown``) is not known.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mesocli.core.errors import KnowledgeBaseError, Message, Problem
from mesocli.core.expansion import expansion_problem
from mesocli.core.files import read_text
from mesocli.core.l10n import N_
from mesocli.core.models import GOALS, MESO_TYPES, REGIONS
from mesocli.core.numbers import number_problem
from mesocli.core.situation import FIELDS, FITNESS_MEANING, PERSON_HISTOLOGIES, REGION_NAMES, TREATED, Situation
from mesocli.core.values import KEYS as VALUE_KEYS
from mesocli.core.values import STATEMENTS, Values, check_answer

#: Profiles are a few lines; anything larger is refused before it is parsed.
MAX_PROFILE_BYTES = 64 * 1024

#: The values each field accepts (fitness: a whole number 0-4).
VOCABULARY: dict[str, tuple[str, ...]] = {
    "site": MESO_TYPES,
    "histology": PERSON_HISTOLOGIES,
    "treated": TREATED,
    "region": REGIONS,
    "goal": GOALS,
}


class ProfileError(KnowledgeBaseError):
    """A profile file could not be read or holds invalid values; every problem is in ``.problems``."""


#: What a value of the profile means, where its catalog entry is not the value itself (the rest are their own).
_LABELS = {
    **REGION_NAMES,
    "other": N_("another country"),
    "chemotherapy": N_("had chemotherapy"),
    "immunotherapy": N_("had immunotherapy"),
    "chemotherapy+immunotherapy": N_("had chemotherapy and immunotherapy"),
    "unknown": N_("not known"),
}


def template(say: Callable[[str], str] = str) -> str:
    """What ``mesocli profile init`` writes: every field, commented, all unknown.

    ``say`` words each comment in the reader's language (the command line passes its catalog); the keys and
    the values the file takes stay as they are, each value followed by what it means where that differs.
    """

    def comment(text: str, indent: str = "") -> str:
        return "".join(f"{indent}# {line}\n" if line else f"{indent}#\n" for line in say(text).split("\n"))

    def choices(values: tuple[str, ...]) -> str:
        said = {value: say(_LABELS.get(value, value)) for value in values}
        return ", ".join(
            value if said[value] == _LABELS.get(value, value) else f"{value} ({said[value]})" for value in values
        )

    def field(text: str, values: tuple[str, ...], key: str) -> str:
        return comment(say(text).format(values=choices(values))) + f"{key}:\n"

    fitness = "".join(f"#   {level}: {say(meaning)}\n" for level, meaning in FITNESS_MEANING.items())
    return (
        comment(
            N_(
                "A situation profile for `mesocli options --profile FILE` and `mesocli handout --profile FILE`.\n"
                "Fill in what you know; leave a field empty when you do not know it (it is then treated as\n"
                "'could be either'). Options given on the command line win over this file.\n"
                "It stays on your computer: mesocli sends nothing anywhere."
            )
        )
        + "\n"
        + field(N_("Where the mesothelioma started: {values}"), MESO_TYPES, "site")
        + field(N_("The tissue type on the biopsy report: {values}"), PERSON_HISTOLOGIES, "histology")
        + field(N_("Treatment had so far for mesothelioma: {values}"), TREATED, "treated")
        + comment(N_("Fitness as the ECOG performance status your team uses, 0 to 4:"))
        + fitness
        + "fitness:\n"
        + field(N_("Where you are treated, for approvals: {values}"), REGIONS, "region")
        + field(N_("What matters most to you now (optional): {values}"), GOALS, "goal")
        + "\n"
        + comment(
            N_(
                "What matters to me (optional): `mesocli values --profile FILE` asks and fills in this block.\n"
                "Each answer is 0 (not like me at all) to 4 (very like me), or empty to skip. The answers never\n"
                "rank or hide an option: they are there to talk through with your care team."
            )
        )
        + "values:\n"
        + "".join(comment(statement, "  ") + f"  {key}:\n" for key, statement in STATEMENTS)
    )


#: What ``mesocli profile init`` writes in English.
TEMPLATE = template()


def check_value(name: str, value: object) -> str | None:
    """Why ``value`` is not valid for field ``name``; None when it is."""
    if name == "fitness":
        if isinstance(value, bool) or not isinstance(value, int) or value not in FITNESS_MEANING:
            return Message("fitness is {value}, expected a whole number from 0 to 4", value=repr(value))
        return None
    allowed = VOCABULARY[name]
    if value in allowed:
        return None
    close = difflib.get_close_matches(str(value), allowed, n=1)
    if close:
        return Message(
            "{name} is {value}, expected one of {names}; did you mean {close}?",
            name=name,
            value=repr(value),
            names=", ".join(allowed),
            close=repr(close[0]),
        )
    return Message("{name} is {value}, expected one of {names}", name=name, value=repr(value), names=", ".join(allowed))


def parse_profile(text: str, file: str) -> Situation:
    """The situation a profile's text describes; raises ``ProfileError`` with every problem, located."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = (mark.line + 1, mark.column + 1) if mark else (None, None)
            raise ProfileError(Problem(file, _not_yaml(exc), *where)) from None
        if root is None:
            return Situation()
        too_large = expansion_problem(root, text, file)
        if too_large is not None:
            raise ProfileError(too_large)
        if type(root).__name__ != "MappingNode" or root.tag != "tag:yaml.org,2002:map":  # a tagged mapping too
            mark = root.start_mark
            raise ProfileError(
                Problem(file, Message("must be a mapping of fields to values"), mark.line + 1, mark.column + 1)
            )
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        for key_node, value_node in root.value:
            key = key_node.value if type(key_node).__name__ == "ScalarNode" else None
            kmark, vmark = key_node.start_mark, value_node.start_mark
            if key in values:
                said = Message("key {key} appears twice", key=repr(key))
                problems.append(Problem(file, said, kmark.line + 1, kmark.column + 1))
                continue
            if key == "values":
                values["values"] = _values(loader, value_node, file, problems)
                continue
            if key not in FIELDS:
                problems.append(Problem(file, _unknown_key(key), kmark.line + 1, kmark.column + 1))
                continue
            if type(value_node).__name__ != "ScalarNode" or value_node.tag not in _SCALAR_TAGS:
                said = Message("{key} must be a single plain value", key=key)
                problems.append(Problem(file, said, vmark.line + 1, vmark.column + 1))
                continue
            value = loader.construct_object(value_node)
            if value is None or value == "unknown":
                values[key] = None
                continue
            message = check_value(str(key), value)
            if isinstance(value, (int, float)) and not isinstance(value, bool):  # 03 is never octal
                message = number_problem(str(value_node.value), value, str(key), whole=True) or message
            if message:
                problems.append(Problem(file, message, vmark.line + 1, vmark.column + 1))
            values[key] = value
        if problems:
            raise ProfileError(problems)
        return Situation(**values)
    finally:
        loader.dispose()


def _not_yaml(exc: Exception) -> Message:
    return Message("is not valid YAML: {problem}", problem=repr(str(getattr(exc, "problem", exc))))


def _unknown_key(key: object) -> Message:
    close = difflib.get_close_matches(str(key), [*FIELDS, "values"], n=1)
    if close:
        return Message("unknown key {key} (did you mean {close}?)", key=repr(key), close=repr(close[0]))
    return Message("unknown key {key}", key=repr(key))


def _values(loader: Any, node: Any, file: str, problems: list[Problem]) -> Values | None:
    """The ``values:`` block: a mapping of statement keys to 0-4 or empty; problems located."""
    mark = node.start_mark
    if type(node).__name__ == "ScalarNode" and loader.construct_object(node) is None:
        return None  # "values:" with nothing under it: nothing answered
    if type(node).__name__ != "MappingNode":
        problems.append(
            Problem(file, Message("values must be a mapping of statements to answers"), mark.line + 1, mark.column + 1)
        )
        return None
    answers: dict[str, int | None] = {}
    for key_node, value_node in node.value:
        key, kmark, vmark = getattr(key_node, "value", None), key_node.start_mark, value_node.start_mark
        if key not in VALUE_KEYS or key in answers:
            close = difflib.get_close_matches(str(key), VALUE_KEYS, n=1)
            if key in answers:
                why = Message("values: {key} appears twice", key=repr(key))
            elif close:
                why = Message(
                    "values: {key} is not a statement (did you mean {close}?)", key=repr(key), close=repr(close[0])
                )
            else:
                why = Message("values: {key} is not a statement", key=repr(key))
            problems.append(Problem(file, why, kmark.line + 1, kmark.column + 1))
            continue
        answer = loader.construct_object(value_node) if value_node.tag in _SCALAR_TAGS else value_node.tag
        message = (
            check_answer(answer) if type(value_node).__name__ == "ScalarNode" else Message("must be a single value")
        )
        if message:
            message = Message("values: {key} {problem}", key=key, problem=message)
        elif isinstance(answer, int) and not isinstance(answer, bool):  # 0x3 or 03: not as written
            message = number_problem(str(value_node.value), answer, f"values: {key}", whole=True)
        if message:
            problems.append(Problem(file, message, vmark.line + 1, vmark.column + 1))
            continue
        answers[str(key)] = answer
    found = Values(**answers)
    return None if found.empty else found  # an empty block is the same as none: nothing answered


_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "null", "bool", "float"))


def read_profile(path: Path | str) -> Situation:
    """Read a profile file; raises ``ProfileError`` if it cannot be read or is invalid."""
    file = Path(path).expanduser()
    try:
        size = file.stat().st_size if file.is_file() else 0
    except OSError:  # a name too long, a loop of links: read_text says which
        size = 0
    try:
        if size > MAX_PROFILE_BYTES:
            limit = Message("is larger than {limit:,} bytes; not a profile", limit=MAX_PROFILE_BYTES)
            raise ProfileError(Problem(str(file), limit))
        text = read_text(file, N_("profile"))
    except ProfileError:
        raise
    except KnowledgeBaseError as exc:
        raise ProfileError(list(exc.problems)) from None
    return parse_profile(text, str(file))
