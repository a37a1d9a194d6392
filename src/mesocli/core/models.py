"""Typed, immutable models of the knowledge base.

The field names are the YAML keys. ``loader`` builds these from a file; nothing here reads
files or prints. Optional fields have defaults; every other field is required.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mesocli.core import kinds
from mesocli.core.applies import AppliesTo, ComfortChoice, SituationPoint
from mesocli.core.display import Displayable
from mesocli.core.l10n import N_
from mesocli.core.model import field, model
from mesocli.core.studies import Study

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

CATEGORIES, GOALS, MESO_TYPES, REGIONS = kinds.CATEGORIES, kinds.GOALS, kinds.MESO_TYPES, kinds.REGIONS

#: What each evidence level means, shown in help and docs (translated where shown).
EVIDENCE_LEVEL_MEANING = {
    "high": N_("phase 3 randomised trials"),
    "moderate": N_("smaller randomised trials or consistent phase 2 results"),
    "low": N_("observational studies or case series"),
    "expert-consensus": N_("guideline and expert agreement without trials"),
}
#: The vocabulary words pages show, marked for the catalogs (pages translate them with ``_``).
VOCABULARY_MARKS = (
    N_("treatment"),
    N_("guide"),
    N_("term"),
    N_("name"),
    N_("aliases"),
    N_("summary"),
    N_("overview"),
    N_("how it works"),
    N_("candidates"),
    N_("what to expect"),
    N_("benefits"),
    N_("risks"),
    N_("options"),
    N_("evidence"),
    N_("questions"),
    N_("definition"),
    N_("body"),
    N_("approvals"),
    N_("guidelines"),
    N_("supportive-care"),
    N_("systemic-therapy"),
    N_("local-therapy"),
    N_("procedure"),
    N_("research"),
    N_("extend-life"),
    N_("relieve-symptoms"),
    N_("quality-of-life"),
    N_("control-disease"),
    N_("new-treatments"),
    N_("high"),
    N_("moderate"),
    N_("low"),
    N_("expert-consensus"),
    N_("pleural"),
    N_("peritoneal"),
    N_("pericardial"),
    N_("tunica-vaginalis"),
)

#: The knowledge-base file format this version of mesocli reads.
SCHEMA_VERSION = 2

#: A citation marker in text: ``[@refid]`` (compiled on first use, PEP 562: reading an entry needs none).
CITATION: re.Pattern[str]
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name != "CITATION":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import re

        globals()[name] = found = re.compile(r"\[@([a-z0-9][a-z0-9-]*)\]")
        return found


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


#: Field metadata of what mesocli works out at load time and a file never states (the loader refuses it).
DERIVED = {"derived": "true", "doc": "Worked out at load time from the file's top-level collections."}


def derived(field_: object) -> bool:
    """Whether a dataclass field is derived at load time rather than written in the file."""
    return getattr(field_, "metadata", {}).get("derived") == "true"


@model
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


@model
class SubOption:
    """A regimen, procedure or approach within a treatment option."""

    name: str
    summary: str
    details: str | None = None


@model
class Approval:
    """A regulatory approval."""

    agency: str
    date: dt.date
    what: str
    reference: str
    region: kinds.Region | None = field(default=None, metadata=_doc("Where it applies: us, eu, uk or other."))
    applies_to: AppliesTo | None = field(default=None, metadata=_doc("For whom it was approved."))


@model
class GuidelineRow:
    """What one clinical guideline lists an option for."""

    guideline: str = field(metadata=_doc("Short name and year, e.g. 'ESMO 2022'."))
    says: str = field(metadata=_doc("One plain sentence: what it lists the option for."))
    reference: str
    applies_to: AppliesTo | None = field(default=None, metadata=_doc("For whom the row speaks."))


@model
class Treatment(Displayable):
    """One treatment option for stage 4 mesothelioma."""

    id: str
    name: str
    category: kinds.Category
    summary: str = field(metadata=_doc("One plain sentence."))
    overview: str
    how_it_works: str
    candidates: str = field(metadata=_doc("Who may be a candidate, and who usually is not."))
    what_to_expect: str
    last_reviewed: dt.date
    may_do: str | None = field(default=None, metadata=_doc("One or two plain sentences: what it may do for me."))
    costs: str | None = field(
        default=None, metadata=_doc("One or two plain sentences: what it costs me (side effects, time, visits).")
    )
    aliases: tuple[str, ...] = ()
    goals: tuple[kinds.Goal, ...] = ()
    evidence_level: kinds.EvidenceLevel = "expert-consensus"
    evidence_rationale: str | None = field(
        default=None, metadata=_doc("One line: why this level, and which way the evidence points.")
    )
    mesothelioma_types: tuple[kinds.MesoType, ...] = ()
    benefits: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    options: tuple[SubOption, ...] = ()
    approvals: tuple[Approval, ...] = ()
    guidelines: tuple[GuidelineRow, ...] = ()
    questions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    situation_points: tuple[SituationPoint, ...] = field(
        default=(), metadata=_doc("Passages of this entry that speak of some people, and whom.")
    )
    comfort_choice: ComfortChoice | None = field(
        default=None, metadata=_doc("This option alone as the choice of no anticancer treatment (one option).")
    )
    references: tuple[Reference, ...] = field(default=(), metadata=DERIVED)
    studies: tuple[Study, ...] = field(default=(), metadata=DERIVED)

    @property
    def title(self) -> str:
        return self.name


@model
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
    references: tuple[Reference, ...] = field(default=(), metadata=DERIVED)


@model
class Term(Displayable):
    """A glossary term."""

    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = field(default=(), metadata=DERIVED)

    @property
    def title(self) -> str:
        return self.term


Entry = Treatment | Guide | Term


@model
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
    studies: tuple[Study, ...] = field(default=(), metadata=_doc("Every study, once; options point to them."))
    references: tuple[Reference, ...] = field(default=(), metadata=_doc("Every source, once; cited by id."))


#: The collections of entries a knowledge base holds: kind -> (field of KnowledgeBaseData, model).
COLLECTIONS: dict[str, tuple[str, type]] = {
    "treatment": ("treatments", Treatment),
    "guide": ("guides", Guide),
    "term": ("glossary", Term),
    "study": ("studies", Study),
    "reference": ("references", Reference),
}
#: The collections search looks in (studies are found through their options; references are sources).
SEARCHED = ("treatment", "guide", "term")


@model
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
        for name in ("may_do", "costs"):
            if getattr(entry, name):
                yield name, getattr(entry, name)
        for name in ("benefits", "risks", "questions"):
            for i, item in enumerate(getattr(entry, name)):
                yield f"{name}[{i}]", item
        for i, option in enumerate(entry.options):
            yield f"options[{i}].summary", option.summary
            if option.details:
                yield f"options[{i}].details", option.details
        for i, approval in enumerate(entry.approvals):
            yield f"approvals[{i}].what", approval.what
        for i, row in enumerate(entry.guidelines):
            yield f"guidelines[{i}].says", row.says
    elif isinstance(entry, Guide):
        yield "summary", entry.summary
        yield "body", entry.body
        for i, item in enumerate(entry.questions):
            yield f"questions[{i}]", item
    else:
        yield "definition", entry.definition
