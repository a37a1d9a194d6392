"""For whom a text applies, as data: the ``applies_to`` of guideline rows, approvals, study notes and points.

A guideline row, an approval, a study's update note and an option's situation point each say something of
some people. ``AppliesTo`` records whom, field by field, in the same words as a situation (site, histology,
line of treatment, ECOG performance status, resectability), so that the situation logic never reads the
English text, and every language gets the same answer.

An empty list says nothing of that field (the text is silent on it). A listed value says the text applies
to, or speaks of, people with it: ``histology: [epithelioid, sarcomatoid, biphasic]`` speaks of every
histology, ``histology: [epithelioid]`` of epithelioid disease only.

Pure models: ``core.situation.applies()`` and ``fit_notes()`` judge them against a ``Situation``.
"""

from __future__ import annotations

import re
from typing import Any, Literal, get_args

from mesocli.core.model import field, model

AppliesSite = Literal["pleural", "peritoneal", "pericardial", "tunica-vaginalis"]
AppliesHistology = Literal["epithelioid", "sarcomatoid", "biphasic"]
AppliesLine = Literal["first", "second-or-later", "maintenance"]
Ecog = Literal[0, 1, 2, 3, 4]
Resectability = Literal["resectable", "unresectable"]

#: The fields of ``AppliesTo``, in the order pages name them.
APPLIES_FIELDS = ("site", "histology", "line", "ecog", "resectability")
RESECTABILITY: tuple[str, ...] = get_args(Resectability)
#: Where a situation point's passage may come from (``candidates`` counts paragraphs and bullets from 0).
POINT_FIELDS = ("candidates", "benefits", "risks", "options")


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@model
class AppliesTo:
    """For whom a text applies; an empty list is silent on that field, a listed value names whom it speaks of."""

    site: tuple[AppliesSite, ...] = field(default=(), metadata=_doc("Mesothelioma sites it speaks of."))
    histology: tuple[AppliesHistology, ...] = field(default=(), metadata=_doc("Histologies it speaks of."))
    line: tuple[AppliesLine, ...] = field(
        default=(), metadata=_doc("Lines of treatment: first (not treated before), second-or-later, maintenance.")
    )
    ecog: tuple[Ecog, ...] = field(default=(), metadata=_doc("ECOG performance-status levels it speaks of, 0-4."))
    resectability: tuple[Resectability, ...] = field(
        default=(), metadata=_doc("resectable (surgery can remove it) or unresectable.")
    )

    @property
    def named(self) -> tuple[str, ...]:
        """The fields that name someone (not empty)."""
        return tuple(f for f in APPLIES_FIELDS if getattr(self, f))


#: Applies to everyone: silent on every field.
EVERYONE = AppliesTo()


@model
class SituationPoint:
    """A passage of an option's own text that speaks of some people (the "what it says for this situation" list).

    ``at`` points into the option's text rather than copying it, so each language shows its own translation
    of the same passage: ``candidates[4]`` (paragraphs and "- " bullets, counted from 0), ``benefits[2]``,
    ``risks[0]`` or ``options[3]`` (the sub-option's name and summary).
    """

    at: str = field(
        metadata=_doc("The passage: candidates[i], benefits[i], risks[i] or options[i], from 0; or may_do or costs.")
    )
    applies_to: AppliesTo = field(metadata=_doc("Whom the passage speaks of; at least one field."))


_AT = re.compile(r"^(candidates|benefits|risks|options)\[(\d+)\]$|^(may_do|costs)$")


def candidate_passages(candidates: str) -> list[str]:
    """The paragraphs and "- " bullets of a candidates text, in order, each on one line."""
    chunks = [c.strip() for c in candidates.split("\n\n")]
    return [" ".join(c.removeprefix("- ").split()) for chunk in chunks for c in chunk.split("\n- ") if c.strip()]


def passage(entry: Any, at: str) -> str | None:
    """The text of the passage ``at`` of a treatment (in whatever language it is), or None if there is none."""
    m = _AT.match(at)
    if not m:
        return None
    if m.group(3):
        whole: str | None = getattr(entry, m.group(3))
        return " ".join(whole.split()) if whole else None
    name, i = m.group(1), int(m.group(2))
    items: list[str]
    if name == "candidates":
        items = candidate_passages(entry.candidates)
    elif name == "options":
        items = [f"{o.name}: {o.summary}" for o in entry.options]
    else:
        items = list(getattr(entry, name))
    return " ".join(items[i].split()) if i < len(items) else None


@model
class Passage:
    """A passage of any treatment of the knowledge base, by entry id and place (as ``SituationPoint.at``)."""

    entry: str = field(metadata=_doc("Id of the treatment the passage is in."))
    at: str = field(metadata=_doc("candidates[i], benefits[i], risks[i] or options[i], from 0; or may_do or costs."))
    applies_to: AppliesTo | None = field(default=None, metadata=_doc("Shown only where it applies."))


@model
class ComfortChoice:
    """The choice of no anticancer treatment, care focused on comfort, told in passages already written and
    sourced elsewhere in the knowledge base: what it is, what it may do for me, what it costs me."""

    what: tuple[Passage, ...] = field(metadata=_doc("What this choice is."))
    benefits: tuple[Passage, ...] = field(metadata=_doc("What it may do for me."))
    harms: tuple[Passage, ...] = field(metadata=_doc("What it may cost me."))
