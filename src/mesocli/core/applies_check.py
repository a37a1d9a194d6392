"""Checks of the ``applies_to`` fields (core.applies): every guideline row and approval says whom it applies to
(a warning, so that an older file still loads; the bundled file has none), and every situation point and
comfort passage names exactly one passage that exists (by its field and opening words) and a point at least
one field.

The values themselves (sites, histologies, lines, ECOG 0-4, resectability) are checked by the loader against
the model's types, with file, line and column; these checks add what types cannot say.
"""

from __future__ import annotations

from collections.abc import Iterable

from mesocli.core.applies import APPLIES_FIELDS, locate
from mesocli.core.citations import at
from mesocli.core.errors import Problem
from mesocli.core.loader import Marks
from mesocli.core.models import Treatment


def check_applies(treatments: Iterable[Treatment], marks: Marks) -> list[Problem]:
    """Problems of the applicability fields of each treatment, located where they were written."""
    treatments = tuple(treatments)
    problems = _comfort(treatments, marks)
    for t in treatments:
        for name, rows in (("guideline row", t.guidelines), ("approval", t.approvals)):
            message = (
                f"{name} has no applies_to, so pages take it as speaking of everyone: say whom ({{}} for everyone)"
            )
            problems += [
                at(marks, row, None, message, None, t.id, severity="warning") for row in rows if row.applies_to is None
            ]
        for point in t.situation_points:
            _, wrong = locate(t, point.at, point.starts)
            if wrong:
                message = f"situation point names no passage: {wrong}"
                problems.append(at(marks, point, _field(point.starts), message, entry_id=t.id))
            if not point.applies_to.named:
                message = f"situation point at {point.at!r} names nobody: give one of {', '.join(APPLIES_FIELDS)}"
                problems.append(at(marks, point, "applies_to", message, entry_id=t.id))
    return problems


def _comfort(treatments: tuple[Treatment, ...], marks: Marks) -> list[Problem]:
    """The comfort choice is given once, and each of its passages exists."""
    by_id = {t.id: t for t in treatments}
    carriers = [t for t in treatments if t.comfort_choice]
    problems = [
        at(marks, t, "comfort_choice", f"comfort_choice is given by {carriers[0].id!r} already; give it once")
        for t in carriers[1:]
    ]
    for t in carriers[:1]:
        choice = t.comfort_choice
        assert choice is not None  # carriers have one
        for passage_ in (*choice.what, *choice.benefits, *choice.harms):
            entry = by_id.get(passage_.entry)
            if entry is None and passage_.entry in marks.ids:
                continue  # the option failed to build: its own error is the one to fix
            wrong = f"no option {passage_.entry!r}" if entry is None else locate(entry, passage_.at, passage_.starts)[1]
            if wrong:
                message = f"comfort_choice passage {passage_.entry}:{passage_.at} does not exist: {wrong}"
                problems.append(at(marks, passage_, _field(passage_.starts), message, None, t.id))
    return problems


def _field(starts: str | None) -> str:
    """The field a problem of a pointer is placed at: its opening words where written, else its field."""
    return "at" if starts is None else "starts"
