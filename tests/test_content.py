"""Sourcing and completeness rules over the shipped knowledge base (data/treatments.yaml)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest

import mesocli
from mesocli.core.checks import entry_texts, unsourced_numbers
from mesocli.core.citations import PMID_PATTERN
from mesocli.core.models import Guide, Reference, Term, Treatment

SEED_IDS = [
    "palliative-care",
    "chemotherapy",
    "radiation-therapy",
    "immunotherapy",
    "clinical-trials",
    "surgery",
    "supportive-care",
]
GUIDE_IDS = [
    "help-resources",
    "care-team",
    "personalised-plan",
    "second-opinion",
    "advance-care-planning",
    "prognosis",
    "staging",
    "finding-a-trial",
]
KB = mesocli.load(mesocli.bundled_path())
ENTRIES: list[Treatment | Guide | Term] = [*KB.treatments, *KB.guides, *KB.glossary]


def test_bundled_file_is_clean() -> None:
    """The shipped file has no errors and no warnings."""
    assert mesocli.validate(mesocli.bundled_path()) == []


def test_seed_options_and_guides_are_all_there() -> None:
    """The seven options of the seed page and the guide topics (seven, and where to get help) exist."""
    assert [t.id for t in KB.treatments] == SEED_IDS
    assert sorted(g.id for g in KB.guides) == sorted(GUIDE_IDS)
    assert len(KB.glossary) >= 40


@pytest.mark.parametrize("treatment", KB.treatments, ids=lambda t: t.id)
def test_each_option_answers_a_new_users_questions(treatment: Treatment) -> None:
    """What is it, could it help me, what is it like, what do the numbers say, what should I ask."""
    for name in ("summary", "overview", "how_it_works", "candidates", "what_to_expect"):
        assert len(getattr(treatment, name).split()) >= (8 if name == "summary" else 30), name
    assert treatment.benefits and treatment.risks and treatment.options
    assert treatment.studies, "key studies with numbers"
    assert treatment.evidence_rationale, "a one-line reason for the evidence level"
    assert len(treatment.questions) >= 4
    assert len(treatment.references) >= 3
    assert treatment.related
    assert treatment.goals and treatment.mesothelioma_types


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{type(e).__name__}:{e.id}")
def test_every_number_cites_a_reference_of_its_entry(entry: Treatment | Guide | Term) -> None:
    """A sentence stating a figure carries a [@ref] marker (loading checks the marker resolves)."""
    assert unsourced_numbers(entry) == []


@pytest.mark.parametrize("entry", [*KB.treatments, *KB.guides], ids=lambda e: e.id)
def test_reviewed_within_twelve_months(entry: Treatment | Guide) -> None:
    """Every option and guide was reviewed in the last 12 months."""
    assert dt.date.today() - entry.last_reviewed <= dt.timedelta(days=365)


def all_references() -> list[tuple[str, Reference]]:
    return [(e.id, r) for e in ENTRIES for r in e.references]


@pytest.mark.parametrize(("owner", "ref"), all_references(), ids=lambda x: x if isinstance(x, str) else x.id)
def test_reference_is_identifiable(owner: str, ref: Reference) -> None:
    """Papers carry a PMID or DOI; others an https URL; every citation names a year."""
    assert ref.pmid or ref.doi or (ref.url and ref.url.startswith("https://"))
    if ref.pmid:
        assert PMID_PATTERN.match(ref.pmid)
    assert re.search(r"\b(19|20)\d\d\b", ref.citation) or ref.url, "a year, or a dated web page"


def test_shared_reference_ids_agree_across_entries() -> None:
    """The same reference id used by two entries points at the same source."""
    seen: dict[str, set[tuple[str | None, str | None, str | None]]] = defaultdict(set)
    for _owner, ref in all_references():
        seen[ref.id].add((ref.pmid, ref.doi, ref.url))
    assert {rid: ids for rid, ids in seen.items() if len(ids) > 1} == {}


def test_same_source_has_one_identity() -> None:
    """One PMID or DOI is cited under one reference id everywhere."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for _owner, ref in all_references():
        for key in (ref.pmid, ref.doi and ref.doi.lower()):
            if key:
                by_key[key].add(ref.id)
    assert {k: ids for k, ids in by_key.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("treatment", KB.treatments, ids=lambda t: t.id)
def test_study_figures_are_plausible(treatment: Treatment) -> None:
    """Hazard ratios are positive and modest, medians positive, years not in the future."""
    for study in treatment.studies:
        assert study.year is None or 1990 <= study.year <= dt.date.today().year
        if study.comparison and study.comparison.os_hr is not None:
            assert 0.1 < study.comparison.os_hr < 3
            if study.comparison.os_ci:
                low, high = study.comparison.os_ci
                assert low < study.comparison.os_hr < high, study.id
        for arm in study.arms:
            assert arm.median_os_months is None or 0 < arm.median_os_months < 120


def test_disclaimer_in_plain_words() -> None:
    """The knowledge base says plainly that it is not medical advice."""
    assert "not medical advice" in KB.disclaimer.lower()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_never_instructs(entry: Treatment | Guide | Term) -> None:
    """Text informs a conversation; it does not tell the reader what to do."""
    for path, text in entry_texts(entry):
        assert not re.search(r"\byou (should|must)\b", text, re.IGNORECASE), path


def test_immunotherapy_is_current() -> None:
    """The seed called immunotherapy 'still being researched'; the entry records the approvals since."""
    immunotherapy = KB.get("immunotherapy")
    assert len(immunotherapy.approvals) >= 2
    assert all(a.date.year >= 2020 for a in immunotherapy.approvals)


def test_one_source_is_cited_the_same_way_everywhere() -> None:
    """Entries citing the same DOI or PMID give the same citation text."""
    texts: dict[str, set[str]] = defaultdict(set)
    for _owner, ref in all_references():
        for key in (ref.pmid, ref.doi and ref.doi.lower()):
            if key:
                texts[key].add(" ".join(ref.citation.split()))
    assert {k: v for k, v in texts.items() if len(v) > 1} == {}


#: How each edition says a term is one kind of something broader, the broader name where ``{alias}`` is.
_ONE_KIND_OF = {"en": r"one kind of {alias}\b", "tr": r"{alias}\w{{0,4}} bir türü", "es": r"un tipo de {alias}\b"}


@pytest.mark.parametrize("lang", ["en", "tr", "es"])
def test_no_term_is_also_called_by_the_broader_thing_it_is_one_kind_of(lang: str) -> None:
    """No term is "also called" what its definition says it is one kind of (neutropenia is not every low count)."""
    broader = [
        (term.id, alias)
        for term in mesocli.load(mesocli.bundled_path(), lang=lang).glossary
        for alias in term.aliases
        if re.search(_ONE_KIND_OF[lang].format(alias=re.escape(alias)), term.definition, re.IGNORECASE)
    ]
    assert broader == []
