"""Typed, immutable models of the knowledge base.

The field names are the YAML keys. ``loader`` builds these from a file; nothing here reads
files or prints. Optional fields have defaults; every other field is required.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, get_args

from mesocli.core.display import Displayable

Category = Literal["supportive-care", "systemic-therapy", "local-therapy", "procedure", "research"]
Goal = Literal["extend-life", "relieve-symptoms", "quality-of-life", "control-disease", "new-treatments"]
EvidenceLevel = Literal["high", "moderate", "low", "expert-consensus"]
MesoType = Literal["pleural", "peritoneal", "pericardial", "tunica-vaginalis"]

CATEGORIES: tuple[str, ...] = get_args(Category)
GOALS: tuple[str, ...] = get_args(Goal)
MESO_TYPES: tuple[str, ...] = get_args(MesoType)

#: What each evidence level means, shown in help and docs.
EVIDENCE_LEVEL_MEANING = {
    "high": "phase 3 randomised trials",
    "moderate": "smaller randomised trials or consistent phase 2 results",
    "low": "observational studies or case series",
    "expert-consensus": "guideline and expert agreement without trials",
}

#: The knowledge-base file format this version of mesocli reads.
SCHEMA_VERSION = 1

#: A citation marker in text: ``[@refid]``.
CITATION = re.compile(r"\[@([a-z0-9][a-z0-9-]*)\]")


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True, slots=True)
class Reference:
    """A published source: a paper (PMID and/or DOI) or a guideline or regulator page (URL)."""

    id: str = field(metadata=_doc("Short id, cited in text as [@id]."))
    citation: str = field(metadata=_doc("Authors, title, journal, year."))
    pmid: str | None = field(default=None, metadata=_doc("PubMed id, digits only."))
    doi: str | None = field(default=None, metadata=_doc("Bare DOI, e.g. 10.1016/..."))
    url: str | None = field(default=None, metadata=_doc("https URL, for guidelines and regulators."))

    @property
    def link(self) -> str | None:
        """The best link to the source: DOI, then PubMed, then the URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


@dataclass(frozen=True, slots=True)
class SubOption:
    """A regimen, procedure or approach within a treatment option."""

    name: str
    summary: str
    details: str | None = None


@dataclass(frozen=True, slots=True)
class Arm:
    """One arm of a trial with its median overall survival."""

    name: str
    median_os_months: float


@dataclass(frozen=True, slots=True)
class Study:
    """A key study and what it found, with its numbers."""

    name: str
    year: int
    population: str
    finding: str
    reference: str = field(metadata=_doc("Id of a reference of the same entry."))
    design: str | None = None
    arms: tuple[Arm, ...] = field(
        default=(), metadata=_doc("Arms with median survival: new treatment first, comparator last.")
    )
    hazard_ratio: float | None = field(
        default=None, metadata=_doc("Overall-survival hazard ratio, new vs control, as published.")
    )


@dataclass(frozen=True, slots=True)
class Approval:
    """A regulatory approval."""

    agency: str
    date: dt.date
    what: str
    reference: str


@dataclass(frozen=True, slots=True)
class Treatment(Displayable):
    """One treatment option for stage 4 mesothelioma."""

    id: str
    name: str
    category: Category
    summary: str = field(metadata=_doc("One plain sentence."))
    overview: str
    how_it_works: str
    candidates: str = field(metadata=_doc("Who may be a candidate, and who usually is not."))
    what_to_expect: str
    last_reviewed: dt.date
    aliases: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    evidence_level: EvidenceLevel = "expert-consensus"
    mesothelioma_types: tuple[MesoType, ...] = ()
    benefits: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    options: tuple[SubOption, ...] = ()
    evidence: tuple[Study, ...] = ()
    approvals: tuple[Approval, ...] = ()
    questions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Guide(Displayable):
    """A guide topic: advice for living with and deciding about treatment."""

    id: str
    title: str
    summary: str
    body: str
    last_reviewed: dt.date
    aliases: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True, slots=True)
class Term(Displayable):
    """A glossary term."""

    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()

    @property
    def title(self) -> str:
        return self.term


Entry = Treatment | Guide | Term


@dataclass(frozen=True, slots=True)
class KnowledgeBaseData:
    """The whole file, as written."""

    schema_version: int
    title: str
    version: str = field(metadata=_doc("Content version."))
    last_reviewed: dt.date
    disclaimer: str
    treatments: tuple[Treatment, ...]
    guides: tuple[Guide, ...] = ()
    glossary: tuple[Term, ...] = ()


#: The collections of entries a knowledge base holds: kind -> (field of KnowledgeBaseData, model).
COLLECTIONS: dict[str, tuple[str, type]] = {
    "treatment": ("treatments", Treatment),
    "guide": ("guides", Guide),
    "term": ("glossary", Term),
}


@dataclass(frozen=True, slots=True)
class TreatmentRow:
    """A treatment as ``list`` shows it: read from the store's table without decoding the entry."""

    id: str
    name: str
    category: str
    goals: tuple[str, ...]
    evidence_level: str
    mesothelioma_types: tuple[str, ...]
    summary: str


def entry_texts(entry: Entry) -> Iterator[tuple[str, str]]:
    """Every free-text field of an entry as (field path, text); the ones citation markers may sit in."""
    if isinstance(entry, Treatment):
        for name in ("summary", "overview", "how_it_works", "candidates", "what_to_expect"):
            yield name, getattr(entry, name)
        for name in ("benefits", "risks", "questions"):
            for i, item in enumerate(getattr(entry, name)):
                yield f"{name}[{i}]", item
        for i, option in enumerate(entry.options):
            yield f"options[{i}].summary", option.summary
            if option.details:
                yield f"options[{i}].details", option.details
        for i, study in enumerate(entry.evidence):
            yield f"evidence[{i}].population", study.population
            yield f"evidence[{i}].finding", study.finding
        for i, approval in enumerate(entry.approvals):
            yield f"approvals[{i}].what", approval.what
    elif isinstance(entry, Guide):
        yield "summary", entry.summary
        yield "body", entry.body
        for i, item in enumerate(entry.questions):
            yield f"questions[{i}]", item
    else:
        yield "definition", entry.definition
