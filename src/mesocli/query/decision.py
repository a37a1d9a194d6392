"""The decision a situation faces, named (IPDAS Q2), and its choices, "no anticancer treatment, care focused
on comfort" among them with its own benefits and harms (IPDAS Q3).

Page-neutral: ``decide()`` gives a ``Decision`` that any page (the options page, the handout, a notebook)
renders as it likes. The comfort choice is told only in passages written and sourced elsewhere in the
knowledge base (the ``comfort_choice`` of one treatment, core.applies.ComfortChoice), in the edition's
language, with their ``[@id]`` citation markers kept for the page to number. Nothing here ranks a choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from mesocli.core.applies import Passage, passage
from mesocli.core.applying import applies
from mesocli.core.l10n import N_, _
from mesocli.core.model import model
from mesocli.core.models import CITATION, Treatment
from mesocli.core.situation import Situation

Stage = Literal["first", "next", "unknown"]
#: The decision, named for where the person is in treatment (translated where shown).
QUESTIONS: dict[str, str] = {
    "first": N_("Which first treatment, if any?"),
    "next": N_("Which next treatment, if any?"),
    "unknown": N_("Which treatment, if any, now?"),
}
COMFORT_ID = "comfort-care"
COMFORT_NAME = N_("No anticancer treatment, care focused on comfort")
CHOICE_NOTE = N_(
    "Each choice can go together with care for symptoms and comfort. Choosing no anticancer treatment is a "
    "choice too. This page does not rank the choices."
)


@model
class ComfortText:
    """The comfort choice in the edition's language: what it is, what it may do for me, what it may cost me."""

    id: str
    name: str
    what: tuple[str, ...]
    benefits: tuple[str, ...]
    harms: tuple[str, ...]

    def references(self) -> tuple[str, ...]:
        """The ids its passages cite, in order of first use."""
        texts = (*self.what, *self.benefits, *self.harms)
        return tuple(dict.fromkeys(m.group(1) for text in texts for m in CITATION.finditer(text)))


@model
class Decision:
    """The decision named for this situation, and the choices in the page's order (the comfort choice last).

    ``choices`` holds (id, name) pairs: every option aimed at the cancer that the page shows, then
    ``("comfort-care", name)``. ``comfort`` is the comfort choice's text, None when the knowledge base does
    not give one.
    """

    stage: Stage
    question: str
    note: str
    choices: tuple[tuple[str, str], ...]
    comfort: ComfortText | None

    def to_data(self) -> dict[str, Any]:
        """The JSON shape of ``decision`` in ``mesocli options --format json`` (docs/output.md)."""
        comfort = self.comfort
        return {
            "stage": self.stage,
            "question": self.question,
            "note": self.note,
            "choices": [{"id": i, "name": n} for i, n in self.choices],
            "comfort": None
            if comfort is None
            else {
                "id": comfort.id,
                "name": comfort.name,
                "what": list(comfort.what),
                "benefits": list(comfort.benefits),
                "harms": list(comfort.harms),
                "references": list(comfort.references()),
            },
        }


def stage_of(person: Situation) -> Stage:
    """Where the person is in treatment: first (not treated yet), next (treated before) or unknown."""
    return "unknown" if person.treated is None else "first" if person.treated == "none" else "next"


def _texts(passages: Sequence[Passage], by_id: dict[str, Treatment], person: Situation) -> tuple[str, ...]:
    found = (passage(by_id[p.entry], p) for p in passages if p.entry in by_id and applies(p.applies_to, person) != "no")
    return tuple(text for text in found if text)


def comfort_text(treatments: Sequence[Treatment], person: Situation) -> ComfortText | None:
    """The comfort choice told from its passages, those that apply to the person; None if none is given."""
    carrier = next((t for t in treatments if t.comfort_choice), None)
    if carrier is None or carrier.comfort_choice is None:
        return None
    by_id, choice = {t.id: t for t in treatments}, carrier.comfort_choice
    return ComfortText(
        COMFORT_ID,
        _(COMFORT_NAME),
        _texts(choice.what, by_id, person),
        _texts(choice.benefits, by_id, person),
        _texts(choice.harms, by_id, person),
    )


def decide(treatments: Sequence[Treatment], shown: Sequence[Treatment], person: Situation) -> Decision:
    """The decision for ``person``: ``shown`` are the page's options described for the situation, in its
    order (supportive care, which goes with every choice, is not a choice of its own); ``treatments`` are all
    of them, for the passages."""
    stage = stage_of(person)
    comfort = comfort_text(treatments, person)
    choices = [(t.id, t.name) for t in shown if t.category != "supportive-care"]
    if comfort is not None:
        choices.append((comfort.id, comfort.name))
    return Decision(stage, _(QUESTIONS[stage]), _(CHOICE_NOTE), tuple(choices), comfort)
