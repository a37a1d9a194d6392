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

import functools

from mesocli.core import kinds
from mesocli.core.model import field, model

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

RESECTABILITY = kinds.RESECTABILITY

#: The fields of ``AppliesTo``, in the order pages name them.
APPLIES_FIELDS = ("site", "histology", "line", "ecog", "resectability")
#: Fields whose passages are many, each named by its opening words (``candidates`` has paragraphs and bullets).
POINT_FIELDS = ("candidates", "benefits", "risks", "options")
#: Fields that are one passage each, named by the field alone.
WHOLE_FIELDS = ("may_do", "costs")
PLACES = "candidates, benefits, risks or options with starts (the passage's opening words); or may_do or costs"
_DERIVED = {"derived": "true", "doc": "Worked out at load time: the passage's place in the English text."}
_POSITION = r"^(candidates|benefits|risks|options)\[(\d+)\]$"  # compiled on first use


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@model
class AppliesTo:
    """For whom a text applies; an empty list is silent on that field, a listed value names whom it speaks of."""

    site: tuple[kinds.AppliesSite, ...] = field(default=(), metadata=_doc("Mesothelioma sites it speaks of."))
    histology: tuple[kinds.AppliesHistology, ...] = field(default=(), metadata=_doc("Histologies it speaks of."))
    line: tuple[kinds.AppliesLine, ...] = field(
        default=(), metadata=_doc("Lines of treatment: first (not treated before), second-or-later, maintenance.")
    )
    ecog: tuple[kinds.Ecog, ...] = field(default=(), metadata=_doc("ECOG performance-status levels it speaks of, 0-4."))
    resectability: tuple[kinds.Resectability, ...] = field(
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

    ``at`` and ``starts`` point into the option's text rather than copying it, so each language shows its own
    translation of the same passage: ``at: benefits`` with ``starts: "Pembrolizumab alone after"`` names the
    benefit that begins with those words (for ``candidates``, a paragraph or "- " bullet; for ``options``, the
    sub-option's name and summary). A passage is named by its words, not its place, so adding or moving other
    passages never changes what a point shows; rewording its opening makes validate report the point.
    """

    at: str = field(metadata=_doc(f"The field the passage is in: {PLACES}."))
    applies_to: AppliesTo = field(metadata=_doc("Whom the passage speaks of; at least one field."))
    starts: str | None = field(
        default=None, metadata=_doc("The passage's opening words in the English text, enough to name one passage.")
    )
    index: int | None = field(default=None, metadata=_DERIVED)


def candidate_passages(candidates: str) -> list[str]:
    """The paragraphs and "- " bullets of a candidates text, in order, each on one line."""
    chunks = [c.strip() for c in candidates.split("\n\n")]
    return [" ".join(c.removeprefix("- ").split()) for chunk in chunks for c in chunk.split("\n- ") if c.strip()]


@functools.lru_cache(maxsize=1 << 12)  # a treatment's passages are flattened for each of its points, twice
def _flat(text: str) -> str:
    return " ".join(text.split())


def _items(entry: Any, name: str) -> list[str]:
    """The passages of a many-passage field of a treatment, in order."""
    if name == "candidates":
        return candidate_passages(entry.candidates)
    if name == "options":
        return [f"{o.name}: {o.summary}" for o in entry.options]
    return list(getattr(entry, name))


def locate(entry: Any, at: str, starts: str | None) -> tuple[int | None, str | None]:
    """Where the passage ``at``/``starts`` is in ``entry`` (an English treatment): (its index, None), or
    (None, what is wrong). A one-passage field (may_do, costs) has index 0."""
    import re  # only when a situation point is placed

    moved = re.match(_POSITION, at)
    if moved:
        items = _items(entry, moved.group(1))
        i = int(moved.group(2))
        hint = " ".join(_flat(items[i]).split()[:6]) if i < len(items) else "its opening words"
        return None, (
            f"{at!r} names a passage by its place, which shifts when a passage is added before it:"
            f" write at: {moved.group(1)} and starts: {hint!r}"
        )
    if at in WHOLE_FIELDS:
        whole = getattr(entry, at)
        if not whole or (starts and not _flat(whole).startswith(_flat(starts))):
            return None, f"{entry.id!r} has no {at} text" + (f" starting {starts!r}" if starts and whole else "")
        return 0, None
    if at not in POINT_FIELDS:
        return None, f"{at!r} is not a field a passage can come from ({PLACES})"
    if not starts or not starts.strip():
        return None, f"a passage of {at} is named by starts: give its opening words"
    opening = _flat(starts)
    found = [i for i, text in enumerate(_items(entry, at)) if _flat(text).startswith(opening)]
    if not found:
        return None, f"no passage of {at} in {entry.id!r} starts with {starts!r}"
    if len(found) > 1:
        return None, f"{len(found)} passages of {at} in {entry.id!r} start with {starts!r}: give more words"
    return found[0], None


def passage(entry: Any, point: SituationPoint | Passage) -> str | None:
    """The text of the passage ``point`` names in a treatment (in whatever language it is), or None.

    The place found in the English text at load time (``index``) is used, so that a translation shows the
    same passage; without it, the passage is looked for by its opening words."""
    if point.at in WHOLE_FIELDS:
        whole: str | None = getattr(entry, point.at, None)
        return _flat(whole) if whole else None
    if point.at not in POINT_FIELDS:
        return None
    i = point.index if point.index is not None else locate(entry, point.at, point.starts)[0]
    items = _items(entry, point.at)
    return _flat(items[i]) if i is not None and i < len(items) else None


@model
class Passage:
    """A passage of any treatment of the knowledge base, by entry id, field and opening words (as a point)."""

    entry: str = field(metadata=_doc("Id of the treatment the passage is in."))
    at: str = field(metadata=_doc(f"The field the passage is in: {PLACES}."))
    applies_to: AppliesTo | None = field(default=None, metadata=_doc("Shown only where it applies."))
    starts: str | None = field(
        default=None, metadata=_doc("The passage's opening words in the English text, enough to name one passage.")
    )
    index: int | None = field(default=None, metadata=_DERIVED)


@model
class ComfortChoice:
    """The choice of no anticancer treatment, care focused on comfort, told in passages already written and
    sourced elsewhere in the knowledge base: what it is, what it may do for me, what it costs me."""

    what: tuple[Passage, ...] = field(metadata=_doc("What this choice is."))
    benefits: tuple[Passage, ...] = field(metadata=_doc("What it may do for me."))
    harms: tuple[Passage, ...] = field(metadata=_doc("What it may cost me."))
