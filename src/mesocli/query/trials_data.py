"""The JSON and YAML shape of ``mesocli trials`` and ``TrialsResult.to_data()`` (docs/output.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mesocli.core.trials import Contact

if TYPE_CHECKING:
    from mesocli.query.trials import SiteRow, TrialMatch, TrialsResult


def _contacts(contacts: tuple[Contact, ...]) -> list[dict[str, str]]:
    return [{"name": c.name, "phone": c.phone, "email": c.email} for c in contacts]


def site_data(row: SiteRow) -> dict[str, Any]:
    s = row.site
    return {
        "facility": s.facility,
        "city": s.city,
        "country": s.country,
        "status": s.status,
        "distance_km": row.distance_km,
        "contacts": _contacts(s.contacts),
    }


def trial_data(m: TrialMatch) -> dict[str, Any]:
    t = m.trial
    return {
        "nct_id": t.nct_id,
        "acronym": t.acronym,
        "title": t.title,
        "status": t.status,
        "phases": list(t.phases),
        "sponsor": t.sponsor,
        "tested": list(t.interventions),
        "options": list(m.options),
        "verdict": m.verdict,
        "reasons": list(m.reasons),
        "open": list(m.open),
        "url": t.url,
        "contacts": _contacts(t.contacts),
        "nearest_km": m.nearest_km,
        "sites": [site_data(r) for r in m.sites],
    }


def result_data(result: TrialsResult) -> dict[str, Any]:
    s = result.situation
    place = result.place
    return {
        "snapshot": {
            "date": result.manifest.date.isoformat() if result.manifest.date else None,
            "age_days": result.age_days,
            "stale": result.stale,
            "future": result.future,
            "trials": result.total,
            "file": result.source,
            "manifest": result.manifest.to_data(),
        },
        "situation": {
            "site": s.site,
            "histology": s.histology,
            "treated": s.treated,
            "fitness": s.fitness,
            "age": result.age,
        },
        "place": None
        if place is None
        else {
            "name": place.name,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "asked": result.place_name,
            "others": [{"name": p.name, "country": p.country} for p in result.others],
        },
        "within_km": result.within_km,
        "country": result.country or None,
        "trials": [trial_data(m) for m in result.matches],
    }
