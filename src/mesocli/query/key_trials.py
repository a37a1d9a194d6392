"""The key trials of an option in one situation: the ones whose results the short page tells in words.

A key trial tested the option (it was not only the comparator), has results (published, presented or stopped
early), reports at least one figure that can be said as "out of 100 people", and included the situation; when
no trial did, one that could have included it is taken, and the page says so. Among them, a randomised trial
comes before one without a comparison, a trial of the option alone before one of a combination, more kinds of
figures before fewer, and a larger trial before a smaller one. A second trial is added only when it reports a
kind of figure the first does not (such as serious side effects), so the page stays short.
"""

from __future__ import annotations

from collections.abc import Sequence

from mesocli.core.evidence import option_role, roles
from mesocli.core.frequencies import measures
from mesocli.core.situation import StudyFit

_WITH_RESULTS = ("published", "presented", "stopped-early")


def _alone(fit: StudyFit, option: str) -> bool:
    """Whether an arm tested the option on its own (not added to another option)."""
    arms = zip(fit.study.arms, roles(fit.study), strict=True)
    return any(arm.options == (option,) for arm, role in arms if role == "tested")


def _rank(fit: StudyFit, option: str) -> tuple[bool, bool, int, int]:
    kinds = {m.kind for m in measures(fit.study)}
    return (fit.study.randomised is not True, not _alone(fit, option), -len(kinds), -(fit.study.population.n or 0))


def key_trials(fits: Sequence[StudyFit], option: str, limit: int = 2) -> tuple[StudyFit, ...]:
    """Up to ``limit`` trials of ``option`` whose figures best tell what it did, in the order above."""
    usable = [
        f
        for f in fits
        if f.study.status in _WITH_RESULTS and option_role(f.study, option) == "tested" and measures(f.study)
    ]
    chosen = [f for f in usable if f.verdict == "included"] or [f for f in usable if f.verdict == "uncertain"]
    chosen.sort(key=lambda f: _rank(f, option))
    picked: list[StudyFit] = []
    told: set[str] = set()
    for fit in chosen:
        kinds = {m.kind for m in measures(fit.study)}
        if not picked or not kinds <= told:
            picked.append(fit)
            told |= kinds
        if len(picked) == limit:
            break
    return tuple(picked)
