"""Benefits and harms in the same detail for every option (IPDAS): the long benefit and risk lists of the shipped
knowledge base are measured side by side, so that neither side of any option can thin out unnoticed."""

from __future__ import annotations

import re

import pytest

import mesocli

KB = mesocli.load(mesocli.bundled_path())
MIN_ITEMS = 4  # each side of each option: at least this many points
CITATION = re.compile(r"\[@[^\]]+\]")
#: A figure a reader can weigh: a share, a count of people, a time, a score or a dose, not a name such as "B12".
FIGURE = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:%|out of 100|of them|people|patients|months?|weeks?|days?|years?|points?|sessions?"
    r"|mg|Gy|case series|to \d+)"
    r"|\b\d+(?:\.\d+)? (?:versus|vs) \d"
)
#: Practical points that state no result, figure or recommendation and have no source yet (docs/verification.md,
#: "Benefits and harms in balance"); by option and opening words. Each must still be in the file: a point that
#: is reworded or removed leaves this list, and any new point must cite its source.
UNSOURCED = {
    ("palliative-care", "Extra appointments take time and energy"),
    ("palliative-care", "Some people find talks about the future upsetting"),
    ("radiation-therapy", "It can hit the same area only a limited number of times"),
    ("supportive-care", "Supplements and appointments may add cost and time"),
}


def _figures(items: tuple[str, ...]) -> int:
    return sum(1 for item in items if FIGURE.search(CITATION.sub("", item)))


def _unsourced(option: str, item: str) -> bool:
    return any(option == o and " ".join(item.split()).startswith(words) for o, words in UNSOURCED)


@pytest.mark.parametrize("treatment", KB.treatments, ids=lambda t: t.id)
def test_each_side_has_enough_points(treatment: mesocli.Treatment) -> None:
    """Every option lists at least MIN_ITEMS benefits and MIN_ITEMS risks."""
    assert len(treatment.benefits) >= MIN_ITEMS, treatment.id
    assert len(treatment.risks) >= MIN_ITEMS, treatment.id


@pytest.mark.parametrize("treatment", KB.treatments, ids=lambda t: t.id)
def test_every_point_cites_its_source(treatment: mesocli.Treatment) -> None:
    """Each benefit and each risk cites a reference, except the few practical points listed in UNSOURCED."""
    for side in ("benefits", "risks"):
        for item in getattr(treatment, side):
            assert CITATION.search(item) or _unsourced(treatment.id, item), (treatment.id, side, item[:60])


def test_the_unsourced_list_names_points_that_exist() -> None:
    """Each entry of UNSOURCED still opens a benefit or risk of its option (the list cannot outlive its points)."""
    by_id = {t.id: t for t in KB.treatments}
    for option, words in UNSOURCED:
        items = (*by_id[option].benefits, *by_id[option].risks)
        assert any(" ".join(item.split()).startswith(words) for item in items), (option, words)


@pytest.mark.parametrize("treatment", KB.treatments, ids=lambda t: t.id)
def test_benefits_and_harms_are_quantified_alike(treatment: mesocli.Treatment) -> None:
    """Benefits and harms both give figures, neither with fewer than half the other's figure-bearing points."""
    benefits, risks = _figures(treatment.benefits), _figures(treatment.risks)
    assert benefits >= 1 and risks >= 1, (treatment.id, benefits, risks)
    assert min(benefits, risks) >= max(benefits, risks) // 2, (treatment.id, benefits, risks)


def test_the_figure_measure_tells_a_figure_from_a_name() -> None:
    """The measure counts "15 out of 100" and "18.1 months" but not "vitamin B12" or a year alone."""
    assert _figures(("15 out of 100 had a severe side effect.", "a median of 18.1 months", "17 to 34")) == 3
    assert _figures(("Folic acid and vitamin B12 are routine.", "Approved in 2004 [@x].", "Grade 3 or 4")) == 0


def test_verification_notes_report_the_counts() -> None:
    """docs/verification.md's balance table gives each option's counts as the knowledge base has them."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "verification.md").read_text(encoding="utf-8")
    section = text.split("## Benefits and harms in balance", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (\d+ \| \d+ \| \d+ \| \d+) \|$", section, re.MULTILINE))
    for t in KB.treatments:
        counts = (len(t.benefits), len(t.risks), _figures(t.benefits), _figures(t.risks))
        assert rows.get(t.id) == " | ".join(map(str, counts)), t.id
