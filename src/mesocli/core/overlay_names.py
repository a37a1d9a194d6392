"""Names a translation adds must stay unique: an overlay alias may not be another entry's id, name or alias.

The same rule (and the same :func:`~mesocli.core.names.normalise`) as the knowledge base's own check in
core/checks.py, applied to the translated edition, so a name never resolves to two entries in one language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mesocli.core.errors import Problem
from mesocli.core.models import KnowledgeBaseData
from mesocli.core.names import normalise

_KINDS = ("treatments", "guides", "glossary", "studies")


def alias_collisions(english: KnowledgeBaseData, translated: KnowledgeBaseData, file: Path) -> list[Problem]:
    """Every alias ``file`` adds that is already a name or alias of another entry, located where it is written."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    problems: list[Problem] = []
    for kind in _KINDS:
        problems += _collisions(kind, getattr(english, kind), getattr(translated, kind), file, text)
    return problems


def _collisions(kind: str, before: Sequence[Any], after: Sequence[Any], file: Path, text: str) -> list[Problem]:
    owners: dict[str, str] = {}
    old = {e.id: set(e.aliases) for e in before}
    added: list[tuple[Any, str]] = []
    for entry in after:
        for name in (entry.id, entry.title, *(a for a in entry.aliases if a in old.get(entry.id, ()))):
            owners.setdefault(normalise(name), entry.id)
        added += [(entry, a) for a in entry.aliases if a not in old.get(entry.id, ())]
    problems = []
    for entry, alias in added:
        owner = owners.setdefault(normalise(alias), entry.id)
        if owner != entry.id:
            line, column = _where(text, f"{kind}:", f"{entry.id}:", alias)
            message = f"alias {alias!r} is already a name or alias of {owner!r}"
            problems.append(Problem(str(file), message, line, column, entry.id))
    return problems


def _where(text: str, *needles: str) -> tuple[int | None, int | None]:
    """The line and column of the last of ``needles``, each searched for after the one before."""
    index = 0
    for needle in needles:
        found = text.find(needle, index)
        if found < 0:
            return None, None
        index = found
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1
