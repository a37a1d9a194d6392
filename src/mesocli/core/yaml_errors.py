"""PyYAML's exceptions as problems (one line, located where the file allows), and the node tests the loader uses."""

from __future__ import annotations

from typing import Any

from mesocli.core.errors import Message, Problem


def is_kind(node: Any, kind: str) -> bool:
    """Whether ``node`` is a YAML node of this kind (ScalarNode, SequenceNode, MappingNode)."""
    return type(node).__name__ == kind


def is_null(node: Any) -> bool:
    """Whether ``node`` is a YAML null."""
    return is_kind(node, "ScalarNode") and node.tag == "tag:yaml.org,2002:null"


def yaml_message(exc: BaseException) -> Message:
    """What PyYAML (or a scalar's conversion) found wrong, as a sentence the catalogs can say: the reader's
    own English words come quoted, as what it says, after it."""
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    text = " ".join(str(p) for p in (context, problem) if p) or str(exc).splitlines()[0]
    if "constructor for the tag" in text or "could not determine a constructor" in text:
        return Message(
            "YAML tags that construct objects are not allowed (the YAML reader says {detail})", detail=repr(text)
        )
    if isinstance(exc, ValueError) and "integer string conversion" in text:  # sys.get_int_max_str_digits()
        return Message("a number too long to read (more than 4,300 digits)")
    return Message("not valid YAML (the YAML reader says {detail})", detail=repr(text))


def yaml_problem(file: str, exc: BaseException, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    character = getattr(exc, "character", None)  # a ReaderError (NUL, BEL...) has no mark: find the character
    if mark is None and isinstance(character, int) and chr(character) in text:
        at = text.index(chr(character))
        line_start = text.rfind("\n", 0, at) + 1
        return Problem(file, yaml_message(exc), text.count("\n", 0, at) + 1, at - line_start + 1)
    if mark is None:
        return Problem(file, yaml_message(exc))
    return Problem(file, yaml_message(exc), mark.line + 1, mark.column + 1)
