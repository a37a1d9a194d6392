"""pandas DataFrames of the options, the trial arms and the studies, for notebooks (the [notebook] extra)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mesocli.core.models import Reference, Treatment
from mesocli.core.studies import Study

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from typing import Any

    from mesocli.core.situation import Situation
    from mesocli.query.situation import SituationResult
    from mesocli.query.trials import TrialsResult


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
    from mesocli.core.evidence import evidence_rows

    return pandas().DataFrame(evidence_rows(studies))


def studies_frame(studies: Sequence[Study]) -> Any:
    """One row per study, with its population as columns: years as whole numbers (empty where unknown), and
    people counts too, and list-valued cells as tuples, so that ``unique()`` and grouping work on every column."""
    from mesocli.core.evidence import study_row

    rows = [{k: tuple(v) if isinstance(v, list) else v for k, v in study_row(s).items()} for s in studies]
    frame = pandas().DataFrame(rows).set_index("id")
    for column in [c for c in frame.columns if c in ("year", "n") or c.endswith("_year")]:
        frame[column] = frame[column].astype("Int64")
    return frame


class Tables:
    """The knowledge base's tables for notebooks, and its answer for one person's situation (a mixin)."""

    @property
    def treatments(self) -> Sequence[Treatment]:
        raise NotImplementedError  # the knowledge base provides it

    @property
    def studies(self) -> Sequence[Study]:
        raise NotImplementedError

    @property
    def references(self) -> Sequence[Reference]:
        raise NotImplementedError

    @property
    def disclaimer(self) -> str:
        raise NotImplementedError

    @property
    def last_reviewed(self) -> dt.date:
        raise NotImplementedError

    def to_dataframe(self) -> Any:
        """One row per treatment option with its main fields, as a pandas DataFrame.

        Needs pandas: ``pip install "mesocli[notebook]"``.
        """
        return treatments_frame(self.treatments)

    def evidence_dataframe(self) -> Any:
        """One row per trial arm, filed under the option of that arm (median survival, hazard ratio, source).

        The same rows as ``mesocli evidence --json``: each study once, arms as published.
        """
        return evidence_frame(self.studies)

    def studies_dataframe(self) -> Any:
        """One row per study: who took part (sites, histologies, line, ECOG, disease), options, result."""
        return studies_frame(self.studies)

    def options(self, situation: Situation | None = None, **fields: Any) -> SituationResult:
        """The options and trials that fit a situation: ``site=``, ``histology=``, ``treated=``, ``fitness=``,
        ``region=``, ``goal=`` (unknown fields: could be either); ``.to_dataframe()`` tabulates it."""
        from mesocli.query.situation import assess, situation_of

        person = situation_of(situation, **fields)
        return assess(self.treatments, self.references, self.disclaimer, self.last_reviewed, person)

    def trials(
        self,
        situation: Situation | None = None,
        *,
        age: int | None = None,
        near: str | None = None,
        within_km: float | None = None,
        country: str | None = None,
        snapshot: str | None = None,
        **fields: Any,
    ) -> TrialsResult:
        """Open trials from the trials snapshot for a situation (``site=``, ``histology=``, ``treated=``,
        ``fitness=``) and a place (``near="Madrid"``, ``within_km=300``, ``country="Spain"``); each with its
        verdict and the quoted lines behind it. ``.to_dataframe()`` tabulates it. ``ValueError`` for a place
        or country not known; ``mesocli.TrialsError`` for a snapshot that cannot be read."""
        from mesocli.core.places import country_code, find_place
        from mesocli.query.situation import situation_of
        from mesocli.query.trials import find_trials
        from mesocli.store.snapshots import current_path, load

        place = find_place(near) if near else None
        if near and place is None:
            raise ValueError(f"unknown place {near!r}")
        code = country_code(country) if country else ""
        if code is None:
            raise ValueError(f"unknown country {country!r}")
        person = situation_of(situation, **fields)
        data = load(current_path(snapshot))
        return find_trials(data, self.treatments, person, age, place, near or "", within_km, code)
