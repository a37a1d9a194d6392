"""pandas DataFrames of the options, the trial arms and the studies, for notebooks (the [notebook] extra)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mesocli.core.evidence import evidence_rows, study_row
from mesocli.core.models import Treatment
from mesocli.core.studies import Study


def pandas() -> Any:
    """The pandas module, or a clear error naming the extra that installs it."""
    try:
        import pandas
    except ImportError:
        raise ModuleNotFoundError(
            'DataFrames need pandas, which is not installed: pip install "mesocli[notebook]"', name="pandas"
        ) from None
    return pandas


def treatments_frame(treatments: Sequence[Treatment]) -> Any:
    """One row per option: id, name, category, evidence level, goals, types, summary and counts."""
    rows = [
        {
            "id": t.id,
            "name": t.name,
            "category": t.category,
            "evidence_level": t.evidence_level,
            "goals": ", ".join(t.goals),
            "mesothelioma_types": ", ".join(t.mesothelioma_types),
            "summary": t.summary,
            "options": len(t.options),
            "studies": len(t.studies),
            "references": len(t.references),
            "last_reviewed": t.last_reviewed,
        }
        for t in treatments
    ]
    return pandas().DataFrame(rows).set_index("id")


def evidence_frame(studies: Sequence[Study]) -> Any:
    """One row per trial arm with survival figures, filed under the option of that arm."""
    return pandas().DataFrame(evidence_rows(studies))


def studies_frame(studies: Sequence[Study]) -> Any:
    """One row per study, with its population as columns."""
    return pandas().DataFrame([study_row(s) for s in studies]).set_index("id")
