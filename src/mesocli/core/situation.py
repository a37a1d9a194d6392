"""One person's situation, and whether each study's population included someone in it.

Pure: a ``Situation`` and a ``Study`` in, a ``StudyFit`` out. Every field of a situation may be unknown
(None), and an unknown field is "could be either": it never excludes anyone, and it never counts as a fit.

The rules, field by field (a study includes the person only when every known field fits):

- site: the person's site must be in ``population.sites``. A study of another cancer (``cancer`` not
  mesothelioma) is *indirect* evidence and never counts as including anyone; a mesothelioma study that
  does not state its sites could be either.
- histology: empty ``population.histologies`` means any. "non-epithelioid" fits a study open to sarcomatoid
  and biphasic; a study open to only one of them could be either.
- line: not treated fits a first-line or any-line study; treated fits a second-or-later or any-line study;
  a maintenance study (for disease controlled by first treatment) and a study with no line stated could be.
- fitness: ECOG performance status within ``population.ecog``; a study that does not state it could be.
"""

from __future__ import annotations

from typing import Literal, get_args

from mesocli.core.applies import AppliesTo
from mesocli.core.applying import field_fit
from mesocli.core.l10n import N_, _
from mesocli.core.model import model
from mesocli.core.studies import Study
from mesocli.core.values import Values

#: The regions of ``--region`` by name ("Approvals in region United States:"); "other" is written as it is.
REGION_NAMES = {"us": N_("United States"), "eu": N_("European Union"), "uk": N_("United Kingdom")}


def region_label(region: str) -> str:
    """The region ``region`` (a code of ``--region``) as a reader of the page's language writes it."""
    name = REGION_NAMES.get(region)
    return _(name) if name else region


Treated = Literal["none", "chemotherapy", "immunotherapy", "chemotherapy+immunotherapy"]
PersonHistology = Literal["epithelioid", "sarcomatoid", "biphasic", "non-epithelioid", "unknown"]
Verdict = Literal["included", "excluded", "uncertain", "indirect"]

TREATED: tuple[str, ...] = get_args(Treated)
PERSON_HISTOLOGIES: tuple[str, ...] = get_args(PersonHistology)
VERDICTS: tuple[str, ...] = get_args(Verdict)
FIELDS = ("site", "histology", "treated", "fitness", "region", "goal")
#: The fields that decide whether a trial included the person (region and goal choose what is shown).
MATCHED = ("site", "histology", "treated", "fitness")

#: ECOG performance status in plain words (the scale every trial here uses).
FITNESS_MEANING = {
    0: N_("fully active, as before the illness"),
    1: N_("cannot do heavy physical work, but walks about and can do light work"),
    2: N_("walks about and looks after yourself but cannot work, up and about more than half the day"),
    3: N_("looks after yourself only partly, in bed or a chair more than half the day"),
    4: N_("cannot look after yourself, in bed or a chair all day"),
}
_NON_EPITHELIOID = ("sarcomatoid", "biphasic")


@model
class Situation:
    """What is known of one person's situation; None where it is not known."""

    site: str | None = None
    histology: str | None = None
    treated: str | None = None
    fitness: int | None = None
    region: str | None = None
    goal: str | None = None
    #: What matters to the person (core.values), for pages to print; it never decides what is shown.
    values: Values | None = None

    def __post_init__(self) -> None:
        if self.histology == "unknown":
            object.__setattr__(self, "histology", None)

    @property
    def unknown(self) -> tuple[str, ...]:
        """The fields that decide trial fit and are not known."""
        return tuple(f for f in MATCHED if getattr(self, f) is None)

    def merged(self, other: Situation) -> Situation:
        """This situation with every field that ``other`` knows taken from ``other``."""
        values = {f: getattr(other, f) if getattr(other, f) is not None else getattr(self, f) for f in FIELDS}
        return Situation(**values, values=other.values if other.values is not None else self.values)

    def describe(self) -> list[str]:
        """Each field in a few words, "not known" where unknown."""
        site = _("{site} mesothelioma").format(site=_(self.site)) if self.site else _("site not known")
        histology = _("{kind} histology").format(kind=_(self.histology)) if self.histology else _("histology not known")
        treated = {None: _("earlier treatment not known"), "none": _("not treated yet")}.get(
            self.treated, _("treated before with {what}").format(what=_(self.treated or ""))
        )
        fitness = (
            _("fitness (ECOG) {n}: {meaning}").format(n=self.fitness, meaning=_(FITNESS_MEANING[self.fitness]))
            if self.fitness is not None
            else _("fitness not known")
        )
        region = (
            _("approvals for region {region}").format(region=region_label(self.region))
            if self.region
            else _("approvals in every region")
        )
        goal = _("options with the goal {goal}").format(goal=_(self.goal)) if self.goal else _("options of every goal")
        return [site, histology, treated, fitness, region, goal]


@model
class StudyFit:
    """Whether a study's population included the person: why not (``reasons``), or what left it open.

    ``unknown`` names the fields that could be either (the person's field unknown, or the trial silent on it);
    ``open`` says why, one line per field.
    """

    study: Study
    verdict: Verdict
    reasons: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    open: tuple[str, ...] = ()


def _range(values: tuple[int, ...]) -> str:
    return f"ECOG {min(values)}-{max(values)}" if len(values) > 1 else f"ECOG {values[0]}"


def _only(values: tuple[str, ...]) -> str:
    return _("{kinds} only").format(kinds=_(" and ").join(_(v) for v in values))


def match_study(person: Situation, study: Study) -> StudyFit:
    """Whether ``study`` included ``person``: included, excluded (reasons), uncertain (fields), indirect."""
    p = study.population
    if not study.mesothelioma:
        return StudyFit(study, "indirect", (_("not a mesothelioma trial ({cancer})").format(cancer=study.cancer),))
    out: list[str] = []
    open_: list[tuple[str, str]] = []
    # site
    if not p.sites:
        open_.append(("site", _("site: the trial does not state it")))
    elif person.site is None:
        open_.append(("site", _("site not known: the trial took {kinds}").format(kinds=_only(p.sites))))
    elif person.site not in p.sites:
        out.append(_only(p.sites))
    # histology
    took = p.histologies
    if took and not {*_NON_EPITHELIOID, "epithelioid"} <= set(took):
        wanted = _NON_EPITHELIOID if person.histology == "non-epithelioid" else (person.histology,)
        if person.histology is None:
            open_.append(("histology", _("histology not known: the trial took {kinds}").format(kinds=_only(took))))
        elif set(wanted) <= set(took):
            pass
        elif set(wanted) & set(took):
            either = _("non-epithelioid could be either: the trial took {kinds}").format(kinds=_only(took))
            open_.append(("histology", either))
        else:
            out.append(_("{kinds}: your histology is {yours}").format(kinds=_only(took), yours=_(person.histology)))
    # line of treatment
    if p.line is None:
        open_.append(("treated", _("line of treatment: the trial does not state it")))
    elif p.line == "maintenance":
        open_.append(("treated", _("maintenance trial: for disease controlled by first treatment")))
    elif p.line != "any":
        if person.treated is None:
            kind = _("earlier treatment not known: a first-line trial") if p.line == "first" else None
            kind = kind or _("earlier treatment not known: a after earlier treatment trial")
            open_.append(("treated", kind))
        elif p.line == "first" and person.treated != "none":
            out.append(_("first-line trial: you have had {what}").format(what=_(person.treated or "")))
        elif p.line == "second-or-later" and person.treated == "none":
            out.append(_("trial after earlier treatment: you have not been treated yet"))
    # fitness
    if not p.ecog:
        open_.append(("fitness", _("fitness: the trial does not state it")))
    elif set(p.ecog) >= set(FITNESS_MEANING):
        pass
    elif person.fitness is None:
        open_.append(("fitness", _("fitness not known: the trial took {range}").format(range=_range(p.ecog))))
    elif person.fitness not in p.ecog:
        out.append(f"fitness {person.fitness} was excluded from {study.name} ({_range(p.ecog)})")
    fields = tuple(dict.fromkeys(f for f, _ in open_))
    notes = tuple(note for _, note in open_)
    if out:
        return StudyFit(study, "excluded", tuple(out), fields, notes)
    if open_:
        return StudyFit(study, "uncertain", (), fields, notes)
    return StudyFit(study, "included")


def histology_notes(person: Situation, study: Study) -> list[tuple[str, str]]:
    """(text, reference id) of a study's finding and update notes that speak of the person's histology.

    Read from data: the finding when the study took only some histologies (``population.histologies``) and
    the person's is among them; an update's note when its ``applies_to.histology`` names the person's.
    """
    if person.histology is None:
        return []
    took = study.population.histologies
    texts = []
    narrower = took and set(took) != {*_NON_EPITHELIOID, "epithelioid"}
    if narrower and field_fit(AppliesTo(histology=took), "histology", person) != "no":
        texts.append((study.finding, study.reference))
    texts += [
        (f"{u.label} ({u.year}): {u.note}", u.reference)
        for u in study.updates
        if u.note and u.applies_to and field_fit(u.applies_to, "histology", person) in ("yes", "open")
    ]
    return [(text.strip(), ref) for text, ref in texts]
