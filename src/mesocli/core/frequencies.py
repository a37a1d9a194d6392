"""A study's figures as natural frequencies: "out of 100 people like those in the trial, about 41 ...".

Pure: a ``Study`` in, plain data out. Every count is a published percentage of the study's own arms, rounded
to whole people out of 100; nothing is estimated, pooled or carried from one trial to another. Pages put the
words around these counts (``pages.choice``), and JSON carries them as they are (``query.situation_data``).
"""

from __future__ import annotations

from typing import Literal

from mesocli.core.model import model
from mesocli.core.studies import Arm, Study

Kind = Literal["alive", "response", "serious"]
#: The order measures are told in: survival first, then tumors shrinking, then serious side effects.
KINDS: tuple[str, ...] = ("alive", "response", "serious")


@model
class Measure:
    """One measure across the arms that report it: (arm name, people out of 100), arm order kept."""

    kind: Kind
    counts: tuple[tuple[str, int], ...]
    years: float | None = None


def out_of_100(pct: float) -> int:
    """A published percentage as whole people out of 100 (half rounds up: 16.5% is about 17)."""
    return int(pct + 0.5)


def _arm_pct(arm: Arm, kind: str, years: float | None) -> float | None:
    if kind == "response":
        return arm.response_rate_pct
    if kind == "serious":
        return arm.grade3plus_trae_pct
    return next((s.pct for s in arm.survival if s.years == years), None)


def measures(study: Study) -> tuple[Measure, ...]:
    """Each measure the study reports for at least one arm, as people out of 100 per arm."""
    found: list[Measure] = []
    years = sorted({s.years for arm in study.arms for s in arm.survival})
    plan: list[tuple[Kind, float | None]] = [("alive", y) for y in years]
    plan += [("response", None), ("serious", None)]
    for kind, year in plan:
        counts = tuple(
            (arm.name, out_of_100(pct)) for arm in study.arms if (pct := _arm_pct(arm, kind, year)) is not None
        )
        if counts:
            found.append(Measure(kind, counts, year))
    return tuple(found)


def medians(study: Study) -> tuple[tuple[str, float], ...]:
    """(arm name, median overall survival in months) of each arm that reports one."""
    return tuple((a.name, a.median_os_months) for a in study.arms if a.median_os_months is not None)
