"""The JSON and YAML shape of ``mesocli options`` and ``SituationResult.to_data()`` (docs/output.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mesocli.core.applies import APPLIES_FIELDS, AppliesTo
from mesocli.core.applying import fit_notes
from mesocli.core.evidence import option_role
from mesocli.core.frequencies import measures
from mesocli.core.situation import FIELDS, VERDICTS, StudyFit, histology_notes
from mesocli.query.key_trials import key_trials

if TYPE_CHECKING:
    from mesocli.query.situation import OptionFit, SituationResult


def applies_data(applies: AppliesTo | None) -> dict[str, list[Any]] | None:
    """An ``applies_to`` as JSON: each field's list (empty: silent on it); None when the row has none."""
    return None if applies is None else {f: list(getattr(applies, f)) for f in APPLIES_FIELDS}


def role(fit: StudyFit, option: str) -> str:
    """What the option was in the trial: the treatment tested, or the comparator."""
    return option_role(fit.study, option)


def trial_data(result: SituationResult, f: StudyFit, option: str) -> dict[str, Any]:
    s, c = f.study, f.study.comparison
    return {
        "id": s.id,
        "name": s.name,
        "year": s.year,
        "verdict": f.verdict,
        "reasons": list(f.reasons),
        "unknown": list(f.unknown),
        "open": list(f.open),
        "role": role(f, option),
        "population": s.population.description,
        "finding": s.finding,
        "for_histology": [{"text": t, "reference": r} for t, r in histology_notes(result.situation, s)],
        "arms": [
            {"name": a.name, "median_os_months": a.median_os_months, "median_pfs_months": a.median_pfs_months}
            for a in s.arms
        ],
        "os_hr": c.os_hr if c else None,
        "os_ci": list(c.os_ci) if c else [],
        "primary_endpoint_met": c.met if c else None,
        "reference": s.reference,
    }


def option_data(result: SituationResult, o: OptionFit) -> dict[str, Any]:
    t = o.treatment
    return {
        "id": t.id,
        "name": t.name,
        "category": t.category,
        "evidence_level": t.evidence_level,
        "status": o.status,
        "status_text": o.status_text,
        "said": list(o.said),
        "guidelines": [
            {
                "guideline": g.guideline,
                "says": g.says,
                "applies_to": applies_data(g.applies_to),
                "notes": list(fit_notes(g.applies_to, result.situation)),
                "reference": g.reference,
            }
            for g in t.guidelines
        ],
        "trials": {v: [trial_data(result, f, t.id) for f in o.verdict(v)] for v in VERDICTS},
        "approvals": [
            {
                "agency": a.agency,
                "date": a.date.isoformat(),
                "what": a.what,
                "region": a.region,
                "applies_to": applies_data(a.applies_to),
                "notes": list(n),
                "reference": a.reference,
            }
            for a, n in zip(o.approvals, o.approval_notes, strict=True)
        ],
        "questions": list(t.questions),
        "may_do": t.may_do,
        "costs": t.costs,
        "key_trials": [key_trial_data(f) for f in key_trials(o.trials, t.id)],
    }


def key_trial_data(f: StudyFit) -> dict[str, Any]:
    """A key trial of the short view: its figures as people out of 100 per arm (``core.frequencies``)."""
    s = f.study
    return {
        "id": s.id,
        "name": s.name,
        "verdict": f.verdict,
        "population": s.population.description,
        "n": s.population.n,
        "randomised": s.randomised,
        "measures": [
            {
                "kind": m.kind,
                "years": m.years,
                "counts": [{"arm": arm, "out_of_100": n} for arm, n in m.counts],
            }
            for m in measures(s)
        ],
        "reference": s.reference,
    }


def result_data(result: SituationResult) -> dict[str, Any]:
    from mesocli.query.situation import NOTICE, ORDER

    situation = {f: getattr(result.situation, f) for f in FIELDS}
    values = result.situation.values.to_data() if result.situation.values else None
    return {
        "situation": {**situation, "unknown": list(result.situation.unknown), "values": values},
        "notice": NOTICE,
        "order": ORDER,
        "notes": list(result.notes),
        "decision": result.decision.to_data() if result.decision else None,
        "options": [option_data(result, o) for o in result.options],
        "left_out": [{"id": t.id, "name": t.name, "why": why} for t, why in result.left_out],
        "references": [{"id": r.id, "citation": r.citation, "link": r.link} for r in result.references],
        "last_reviewed": result.last_reviewed.isoformat(),
        "disclaimer": result.disclaimer,
    }
