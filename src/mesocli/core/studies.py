"""Typed, immutable models of the evidence: studies, their populations, arms and results.

A study is written once, in the file's top-level ``studies:`` list. Each arm names the options it belongs
to, so a trial of nivolumab plus ipilimumab against chemotherapy is filed under both options, arm by arm.
Every figure of a study comes from the study's ``reference`` (an update's from its own).
"""

from __future__ import annotations

from mesocli.core import kinds
from mesocli.core.applies import AppliesTo
from mesocli.core.display import Displayable
from mesocli.core.l10n import N_
from mesocli.core.model import field, model

HISTOLOGIES, LINES, STATUSES = kinds.HISTOLOGIES, kinds.LINES, kinds.STATUSES

#: What a line of treatment means, in plain words.
LINE_MEANING = {
    "first": N_("people not treated before for mesothelioma"),
    "second-or-later": N_("people whose mesothelioma grew after earlier treatment"),
    "maintenance": N_("people whose disease was controlled by first treatment"),
    "any": N_("people at any point of treatment"),
}
#: A study's status as pages show it (translated where shown).
STATUS_WORDS = {
    "published": N_("published"),
    "presented": N_("presented at a conference"),
    "stopped-early": N_("stopped early"),
    "recruiting": N_("recruiting"),
}


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@model
class Population:
    """Who took part: the eligibility that decides whether a trial included someone like you."""

    description: str = field(metadata=_doc("One plain line: who took part."))
    n: int | None = field(default=None, metadata=_doc("People randomised or enrolled."))
    sites: tuple[kinds.Site, ...] = field(
        default=(), metadata=_doc("Mesothelioma sites eligible (empty: other cancer).")
    )
    histologies: tuple[kinds.Histology, ...] = field(default=(), metadata=_doc("Histologies eligible."))
    line: kinds.Line | None = field(default=None, metadata=_doc("Line of treatment."))
    ecog: tuple[int, ...] = field(default=(), metadata=_doc("ECOG performance-status levels eligible, e.g. [0, 1]."))
    disease: kinds.Disease | None = field(default=None, metadata=_doc("Resectability as the trial defined it."))
    stage_note: str | None = field(default=None, metadata=_doc("What is known of the stages enrolled."))


@model
class Survival:
    """The share of people alive at a fixed time."""

    years: float
    pct: float


@model
class Arm:
    """One arm of a study with the figures published for it."""

    name: str
    options: tuple[str, ...] = field(default=(), metadata=_doc("Ids of the treatment options this arm belongs to."))
    n: int | None = None
    median_os_months: float | None = field(default=None, metadata=_doc("Median overall survival, months."))
    median_pfs_months: float | None = field(default=None, metadata=_doc("Median progression-free survival, months."))
    response_rate_pct: float | None = field(default=None, metadata=_doc("Objective response rate, percent."))
    grade3plus_trae_pct: float | None = field(
        default=None, metadata=_doc("Grade 3 or higher treatment-related adverse events, percent of people.")
    )
    survival: tuple[Survival, ...] = field(default=(), metadata=_doc("Share alive at fixed years."))


@model
class Comparison:
    """How the first arm compared with the last, as published (new treatment vs control)."""

    os_hr: float | None = field(default=None, metadata=_doc("Hazard ratio for death, new vs control."))
    os_ci: tuple[float, ...] = field(default=(), metadata=_doc("Confidence interval of os_hr: [low, high]."))
    pfs_hr: float | None = None
    pfs_ci: tuple[float, ...] = ()
    ci_level: float | None = field(default=None, metadata=_doc("Confidence level of the intervals, percent."))
    primary_endpoint: str | None = None
    met: bool | None = field(default=None, metadata=_doc("Whether the primary endpoint was met."))


@model
class Update:
    """A later analysis of a study, with its own figures and reference."""

    label: str
    year: int
    reference: str
    note: str | None = None
    applies_to: AppliesTo | None = field(default=None, metadata=_doc("For whom the note speaks."))
    arms: tuple[Arm, ...] = ()
    comparison: Comparison | None = None


@model
class Study(Displayable):
    """A study, written once and cited by id: who took part, the arms, what it found."""

    id: str
    name: str
    status: kinds.Status
    design: str
    population: Population
    finding: str = field(metadata=_doc("One or two plain sentences: what it found."))
    reference: str = field(metadata=_doc("Id of the reference every figure of the study comes from."))
    year: int | None = field(default=None, metadata=_doc("Year of the main publication (none while recruiting)."))
    aliases: tuple[str, ...] = field(default=(), metadata=_doc("Other names, NCT and EudraCT numbers."))
    cancer: str = field(default="mesothelioma", metadata=_doc("The cancer studied, when not mesothelioma."))
    phase: str | None = None
    randomised: bool | None = None
    blinded: bool | None = None
    arms: tuple[Arm, ...] = field(default=(), metadata=_doc("New treatment first, comparator last."))
    comparison: Comparison | None = None
    updates: tuple[Update, ...] = ()

    @property
    def title(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name with the year, as pages show it: "CheckMate 743 (2021)"."""
        return f"{self.name} ({self.year})" if self.year else f"{self.name} ({self.status})"

    @property
    def options(self) -> tuple[str, ...]:
        """Every option any arm belongs to, in arm order."""
        return tuple(dict.fromkeys(o for arm in self.arms for o in arm.options))

    @property
    def mesothelioma(self) -> bool:
        return self.cancer == "mesothelioma"

    def references(self) -> tuple[str, ...]:
        """The ids of the references its figures come from: the study's, then each update's."""
        return tuple(dict.fromkeys([self.reference, *(u.reference for u in self.updates)]))
