"""Evidence as plain data: the charted trials and one row per arm, for the chart, the DataFrames and JSON.

Every row names the option its arm belongs to, so a trial of an immunotherapy against chemotherapy files
its first arm under immunotherapy and its comparator under chemotherapy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from mesocli.core.l10n import N_, _, ngettext, number
from mesocli.core.studies import Arm, Population, Study


def charted_studies(studies: Iterable[Study], options: Iterable[str] | None = None) -> list[Study]:
    """Studies with per-arm median survival (with an arm in one of ``options``, when given), in file order.

    A randomised comparison is charted only when every arm has its median: a new treatment's bar without its
    comparator's would read as a result the trial did not find.
    """
    wanted = set(options) if options is not None else None
    return [s for s in studies if _chartable(s) and (wanted is None or wanted & set(s.options))]


def _chartable(study: Study) -> bool:
    medians = [a.median_os_months is not None for a in study.arms]
    compared = "comparator" in roles(study)
    return all(medians) if compared else any(medians)


def population_text(p: Population) -> str:
    """The structured population in a few words: "605 people; pleural; first line; ECOG 0-1; unresectable"."""
    parts = [ngettext("{n} person", "{n} people", p.n).format(n=number(p.n)) if p.n else ""]
    parts.append(", ".join(_(site) for site in p.sites))
    if p.histologies and len(p.histologies) < 3:
        parts.append(_("{kinds} only").format(kinds=", ".join(_(h) for h in p.histologies)))
    parts.append(_(LINE_WORDS.get(p.line or "", p.line or "")) if p.line else "")
    if p.ecog:
        parts.append(f"ECOG {min(p.ecog)}-{max(p.ecog)}" if len(p.ecog) > 1 else f"ECOG {p.ecog[0]}")
    parts.append(_(p.disease) if p.disease else "")
    return "; ".join(part for part in parts if part)


#: A line of treatment and a resectability in the few words population_text uses (translated where shown).
LINE_WORDS = {"first": N_("first line"), "second-or-later": N_("after earlier treatment")}
_MARKS = (
    N_("maintenance"),
    N_("any"),
    N_("unresectable"),
    N_("resectable"),
    N_("advanced"),
    N_("epithelioid"),
    N_("sarcomatoid"),
    N_("biphasic"),
)


def arm_row(study: Study, arm: Arm, role: str) -> dict[str, Any]:
    """One arm as a plain row: the study, the option it belongs to, its figures and the source."""
    c = study.comparison
    return {
        "study": study.name,
        "study_id": study.id,
        "year": study.year,
        "cancer": study.cancer,
        "population": population_text(study.population),
        "arm": arm.name,
        "role": role,
        "treatment": arm.options[0] if arm.options else None,
        "options": list(arm.options),
        "median_os_months": arm.median_os_months,
        "median_pfs_months": arm.median_pfs_months,
        "grade3plus_trae_pct": arm.grade3plus_trae_pct,
        "hazard_ratio": c.os_hr if c else None,
        "reference": study.reference,
    }


def roles(study: Study) -> list[str]:
    """What each arm is: the treatment tested, or the comparator (the last arm of a randomised comparison)."""
    return arm_roles(len(study.arms), study.randomised is not False)


def arm_roles(count: int, compared: bool = True) -> list[str]:
    """Roles of ``count`` arms: the last is the comparator when there are several and they were compared."""
    return ["comparator" if compared and count > 1 and i == count - 1 else "tested" for i in range(count)]


def option_role(study: Study, option: str) -> str:
    """What ``option`` was in ``study``: "tested" if an arm of it was tested, else "comparator"."""
    tested = any(option in arm.options for arm, role in zip(study.arms, roles(study), strict=True) if role == "tested")
    return "tested" if tested else "comparator"


def evidence_rows(studies: Sequence[Study], options: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """What ``evidence --format json`` gives: one row per arm with a median survival, of each charted study."""
    return [
        arm_row(study, arm, role)
        for study in charted_studies(studies, options)
        for arm, role in zip(study.arms, roles(study), strict=True)
        if arm.median_os_months is not None
    ]


def study_row(study: Study) -> dict[str, Any]:
    """One study as a flat row, for ``mesocli studies`` and ``kb.studies_dataframe()``."""
    p = study.population
    c = study.comparison
    return {
        "id": study.id,
        "name": study.name,
        "year": study.year,
        "status": study.status,
        "cancer": study.cancer,
        "phase": study.phase,
        "randomised": study.randomised,
        "n": p.n,
        "sites": list(p.sites),
        "histologies": list(p.histologies),
        "line": p.line,
        "ecog": list(p.ecog),
        "disease": p.disease,
        "options": list(study.options),
        "os_hr": c.os_hr if c else None,
        "primary_endpoint_met": c.met if c else None,
        "reference": study.reference,
    }


def filter_studies(
    studies: Iterable[Study],
    site: str | None = None,
    histology: str | None = None,
    line: str | None = None,
    option: str | None = None,
    status: str | None = None,
) -> list[Study]:
    """Studies whose population could include ``site``, ``histology`` and ``line`` (None: any)."""
    return [
        s
        for s in studies
        if (site is None or site in s.population.sites)
        and (histology is None or not s.population.histologies or histology in s.population.histologies)
        and (line is None or s.population.line in (line, "any", None))
        and (option is None or option in s.options)
        and (status is None or s.status == status)
    ]
