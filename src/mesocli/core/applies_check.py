"""Checks of the ``applies_to`` fields (core.applies): every guideline row and approval says whom it applies to
(a warning, so that an older file still loads; the bundled file has none), and every situation point names a
passage that exists and at least one field.

The values themselves (sites, histologies, lines, ECOG 0-4, resectability) are checked by the loader against
the model's types, with file, line and column; these checks add what types cannot say.
"""

from __future__ import annotations

from collections.abc import Iterable

from mesocli.core.applies import APPLIES_FIELDS, passage
from mesocli.core.citations import at
from mesocli.core.errors import Problem
from mesocli.core.loader import Marks
from mesocli.core.models import Treatment

_PLACES = "candidates[i], benefits[i], risks[i] or options[i], from 0; or may_do or costs"


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
            if passage(t, point.at) is None:
                message = f"situation point at {point.at!r} names no passage of {t.id!r} ({_PLACES})"
                problems.append(at(marks, point, "at", message, entry_id=t.id))
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
            if entry is None or passage(entry, passage_.at) is None:
                where = f"{passage_.entry}:{passage_.at}"
                problems.append(at(marks, passage_, "at", f"comfort_choice passage {where} does not exist", None, t.id))
    return problems
