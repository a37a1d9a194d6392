"""Whether a text's ``applies_to`` (core.applies) takes in one person's situation, field by field.

Pure and language-free: the answers come from the fields, never from the words of the text, so a Turkish
or Spanish page gets the same answers as the English one. For each field the text names:

- ``yes``: the person's value is among those named;
- ``no``: it is known and not among them;
- ``open``: the person's value is not known, "non-epithelioid" meets a text naming only one of sarcomatoid
  and biphasic, a maintenance text meets someone treated before, or the field is resectability (a
  situation does not record it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from mesocli.core.applies import APPLIES_FIELDS, AppliesTo
from mesocli.core.l10n import N_, _

if TYPE_CHECKING:
    from mesocli.core.situation import Situation

Fit = Literal["yes", "no", "open"]
_ALL_HISTOLOGIES = frozenset({"epithelioid", "sarcomatoid", "biphasic"})
_NON_EPITHELIOID = ("sarcomatoid", "biphasic")
_ALL_ECOG = frozenset(range(5))
#: How pages name the values of a histology or a line of treatment (translated where shown).
VALUE_WORDS = {
    "epithelioid": N_("epithelioid"),
    "sarcomatoid": N_("sarcomatoid"),
    "biphasic": N_("biphasic"),
    "first": N_("people not treated before"),
    "second-or-later": N_("people treated before"),
    "maintenance": N_("people whose first treatment controlled the disease"),
}


def _set_fit(known: object, values: tuple[object, ...]) -> Fit:
    return "open" if known is None else "yes" if known in values else "no"


def field_fit(applies: AppliesTo, name: str, person: Situation) -> Fit | None:
    """How field ``name`` of ``applies`` meets the person: yes, no, open; None when the text is silent on it."""
    values: tuple[object, ...] = getattr(applies, name)
    if not values:
        return None
    if name == "site":
        return _set_fit(person.site, values)
    if name == "ecog":
        return _set_fit(person.fitness, values)
    if name == "histology":
        if person.histology is None:
            return "open"
        wanted = set(_NON_EPITHELIOID if person.histology == "non-epithelioid" else (person.histology,))
        return "yes" if wanted <= set(values) else "open" if wanted & set(values) else "no"
    if name == "line":
        if person.treated is None:
            return "open"
        if person.treated == "none":
            return "yes" if "first" in values else "no"
        return "yes" if "second-or-later" in values else "open" if "maintenance" in values else "no"
    return "open"  # resectability: a situation does not record it


def fits(applies: AppliesTo | None, person: Situation) -> dict[str, Fit]:
    """Each field the text names, with how it meets the person."""
    if applies is None:
        return {}
    found = {name: field_fit(applies, name, person) for name in APPLIES_FIELDS}
    return {name: fit for name, fit in found.items() if fit is not None}


def speaks_to(applies: AppliesTo | None, person: Situation) -> bool:
    """Whether the text speaks of this person: no named field rules them out and at least one names them."""
    found = fits(applies, person).values()
    return "no" not in found and "yes" in found


def applies(applies: AppliesTo | None, person: Situation) -> Fit:
    """Whether the text applies to the person: no (a field rules them out), open (a field could), or yes."""
    found = fits(applies, person).values()
    return "no" if "no" in found else "open" if "open" in found else "yes"


def _words(values: tuple[object, ...]) -> str:
    if set(values) == set(_NON_EPITHELIOID):
        return _("non-epithelioid")
    return _(" or ").join(_(VALUE_WORDS.get(str(v), str(v))) for v in values)


def _ecog(values: tuple[int, ...]) -> str:
    low, high = min(values), max(values)
    return f"{low}-{high}" if high - low == len(values) - 1 and low != high else ", ".join(map(str, values))


def fit_notes(applies: AppliesTo | None, person: Situation) -> tuple[str, ...]:
    """How a guideline row's or an approval's ``applies_to`` sits with the person, in a few words per field.

    Said only where it matters: a field that rules the person out, a narrower histology or fitness range
    that is not known or that names the person, and a row for disease that surgery can remove.
    """
    if applies is None:
        return ()
    found, notes = fits(applies, person), []
    site, histology = found.get("site"), found.get("histology")
    if site == "no":
        notes.append(_("for {sites} mesothelioma only: not your site").format(sites=_words(applies.site)))
    if histology and set(applies.histology) != _ALL_HISTOLOGIES:
        what = _words(applies.histology)
        notes.append(
            {
                "yes": _("for {what} disease: your histology"),
                "no": _("for {what} disease only: not your histology"),
                "open": _("for {what} disease only: depends on the histology"),
            }[histology].format(what=what)
        )
    if found.get("line") == "no":
        treated = _("you have not been treated yet") if person.treated == "none" else _("you have had treatment")
        notes.append(_("for {what}: {treated}").format(what=_words(applies.line), treated=treated))
    ecog = found.get("ecog")
    if ecog and ecog != "yes" and set(applies.ecog) != _ALL_ECOG:
        tail = _("not your fitness") if ecog == "no" else _("depends on fitness")
        notes.append(_("for fitness (ECOG) {levels}: {tail}").format(levels=_ecog(applies.ecog), tail=tail))
    if applies.resectability and "unresectable" not in applies.resectability:
        notes.append(_("for disease that surgery can remove: ask whether yours can be"))
    return tuple(notes)
