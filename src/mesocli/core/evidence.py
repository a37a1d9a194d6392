"""Evidence rows: the charted trials of a set of options, as plain data (for the chart and the DataFrame)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mesocli.core.models import Study, Treatment


def charted_studies(treatments: Sequence[Treatment]) -> list[tuple[Treatment, Study]]:
    """Studies with per-arm survival, each once (the first entry that cites the paper), in file order."""
    seen: set[str] = set()
    found = []
    for t in treatments:
        for study in t.evidence:
            if study.arms and study.reference not in seen:
                seen.add(study.reference)
                found.append((t, study))
    return found


def evidence_rows(treatments: Sequence[Treatment]) -> list[dict[str, Any]]:
    """What ``evidence --format json`` gives: one row per arm of each charted study."""
    rows = []
    for t, study in charted_studies(treatments):
        for arm in study.arms:
            rows.append(
                {
                    "study": study.name,
                    "year": study.year,
                    "treatment": t.id,
                    "arm": arm.name,
                    "median_os_months": arm.median_os_months,
                    "hazard_ratio": study.hazard_ratio,
                    "reference": study.reference,
                }
            )
    return rows
