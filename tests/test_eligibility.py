"""The eligibility reader against a set of eligibility texts, each with the reading a careful person gives it."""

from __future__ import annotations

import pytest

from mesocli.core.eligibility import read_eligibility, split_criteria
from mesocli.core.situation import Situation

PLEURAL_NAIVE = Situation(site="pleural", treated="none", fitness=1)
#: (eligibility text, situation, age, expected verdict, a line the verdict must quote or "")
CASES = [
    (
        "Inclusion Criteria:\n* Malignant pleural mesothelioma\n* No prior systemic therapy\n* ECOG 0-1",
        PLEURAL_NAIVE,
        None,
        "may_fit",
        "No prior systemic therapy",
    ),
    (
        "Inclusion Criteria:\n* Malignant pleural mesothelioma\n* No prior systemic therapy\n* ECOG 0-1",
        Situation(site="pleural", treated="chemotherapy", fitness=1),
        None,
        "may_not_fit",
        "No prior systemic therapy",
    ),
    (
        "Inclusion Criteria:\n* Malignant pleural mesothelioma\n* ECOG 0-1",
        Situation(site="peritoneal"),
        None,
        "may_not_fit",
        "Malignant pleural mesothelioma",
    ),
    (
        "Inclusion Criteria:\n1. Diffuse malignant peritoneal mesothelioma",
        PLEURAL_NAIVE,
        None,
        "may_not_fit",
        "Diffuse malignant peritoneal mesothelioma",
    ),
    ("Inclusion Criteria:\n- Mesothelioma (pleural or peritoneal)", PLEURAL_NAIVE, None, "could_be_either", ""),
    (
        "Inclusion Criteria:\n- Disease progression after prior platinum-based chemotherapy",
        PLEURAL_NAIVE,
        None,
        "may_not_fit",
        "Disease progression after prior platinum-based chemotherapy",
    ),
    (
        "Inclusion Criteria:\n- Disease progression after prior platinum-based chemotherapy",
        Situation(treated="chemotherapy"),
        None,
        "may_fit",
        "Disease progression",
    ),
    ("Inclusion Criteria:\n- ECOG performance status ≤ 1", Situation(fitness=2), None, "may_not_fit", "ECOG"),
    ("Inclusion Criteria:\n- ECOG performance status of 0, 1 or 2", Situation(fitness=2), None, "may_fit", "ECOG"),
    (
        "Inclusion Criteria:\n- Eastern Cooperative Oncology Group (ECOG) performance status 0 to 1",
        Situation(fitness=3),
        None,
        "may_not_fit",
        "ECOG",
    ),
    ("Inclusion Criteria:\n- ECOG 0-1", Situation(), None, "could_be_either", ""),
    (
        "Inclusion Criteria:\n- Epithelioid histology of pleural mesothelioma",
        Situation(site="pleural", histology="sarcomatoid"),
        None,
        "may_not_fit",
        "Epithelioid histology",
    ),
    (
        "Inclusion Criteria:\n- Non-epithelioid (sarcomatoid or biphasic) mesothelioma",
        Situation(histology="biphasic"),
        None,
        "may_fit",
        "Non-epithelioid",
    ),
    (
        "Inclusion Criteria:\n- Non-epithelioid mesothelioma",
        Situation(histology="epithelioid"),
        None,
        "may_not_fit",
        "Non-epithelioid",
    ),
    (
        "Exclusion Criteria:\n- Prior treatment with anti-PD-1, anti-PD-L1 or anti-CTLA-4 antibody",
        Situation(treated="chemotherapy+immunotherapy"),
        None,
        "may_not_fit",
        "Prior treatment with anti-PD-1",
    ),
    (
        "Exclusion Criteria:\n- Prior treatment with anti-PD-1, anti-PD-L1 or anti-CTLA-4 antibody",
        Situation(treated="chemotherapy"),
        None,
        "may_fit",
        "Prior treatment with anti-PD-1",
    ),
    (
        "Exclusion Criteria:\n- Prior chemotherapy within 4 weeks of the first dose",
        Situation(treated="chemotherapy"),
        None,
        "could_be_either",
        "",
    ),
    (
        "Inclusion Criteria:\n- Adequate bone marrow function\n- Life expectancy of at least 12 weeks",
        PLEURAL_NAIVE,
        None,
        "could_be_either",
        "",
    ),
    ("", PLEURAL_NAIVE, None, "could_be_either", ""),
    ("Patients with mesothelioma who have had surgery may be eligible.", PLEURAL_NAIVE, None, "could_be_either", ""),
]


@pytest.mark.parametrize(("text", "person", "age", "verdict", "quoted"), CASES)
def test_reading_of_each_eligibility_text(
    text: str, person: Situation, age: int | None, verdict: str, quoted: str
) -> None:
    """Each text is read as a careful person reads it, quoting the line that decided the verdict."""
    reading = read_eligibility(text, person, age)
    assert reading.verdict == verdict, reading
    if quoted:
        assert any(quoted in line for line in reading.reasons), reading.reasons


def test_age_limits_decide_only_with_an_age() -> None:
    """Record age limits exclude a person outside them; an unknown age leaves a limit open, never a fit."""
    outside = read_eligibility("", Situation(), 17, "18 Years", "")
    assert outside.verdict == "may_not_fit" and "18 Years" in outside.reasons[0]
    open_ = read_eligibility("", Situation(), None, "18 Years", "75 Years")
    assert open_.verdict == "could_be_either" and open_.open
    assert read_eligibility("", Situation(), 80, "18 Years", "75 Years").verdict == "may_not_fit"


def test_unclear_is_never_a_fit() -> None:
    """A known fit on one line does not make a fit while another stated limit is left open."""
    text = "Inclusion Criteria:\n- No prior systemic therapy\n- ECOG 0-1"
    reading = read_eligibility(text, Situation(treated="none"))
    assert reading.verdict == "could_be_either"
    assert any("ECOG" in o for o in reading.open)


def test_sections_and_bullets_are_split() -> None:
    """Headers start sections; bullets and numbers are stripped; text before a header counts as inclusion."""
    c = split_criteria("Adults\nInclusion Criteria:\n* one\n2. two\n\nExclusion Criteria:\n- three")
    assert c.inclusion == ("Adults", "one", "two") and c.exclusion == ("three",)
