"""Constructed ClinicalTrials.gov API v2 records for the trials tests (not real trials: NCT0900xxxx numbers).

The shape follows the API v2: ``protocolSection`` with its modules; only the fields mesocli reads are filled.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from mesocli.core.snapshot import snapshot_data

MADRID_SITE = {"facility": "Hospital A", "city": "Madrid", "country": "Spain", "geoPoint": {"lat": 40.42, "lon": -3.70}}
SEVILLA_SITE = {
    "facility": "Hospital B",
    "city": "Sevilla",
    "country": "Spain",
    "geoPoint": {"lat": 37.39, "lon": -5.98},
}
LONDON_SITE = {
    "facility": "Hospital C",
    "city": "London",
    "country": "United Kingdom",
    "geoPoint": {"lat": 51.51, "lon": -0.13},
}
ISTANBUL_SITE = {
    "facility": "Hastane D",
    "city": "Istanbul",
    "country": "Türkiye",
    "geoPoint": {"lat": 41.01, "lon": 28.95},
}


def site(base: dict[str, Any], status: str = "RECRUITING", contact: bool = True) -> dict[str, Any]:
    out = {**base, "status": status}
    if contact:
        out["contacts"] = [{"name": "Study nurse", "role": "CONTACT", "phone": "+00 000", "email": "nurse@example.org"}]
    return out


def study(
    nct: str,
    title: str,
    eligibility: str = "",
    sites: list[dict[str, Any]] | None = None,
    status: str = "RECRUITING",
    acronym: str | None = None,
    drugs: tuple[str, ...] = ("Nivolumab",),
    min_age: str = "18 Years",
) -> dict[str, Any]:
    ident: dict[str, Any] = {"nctId": nct, "briefTitle": title}
    if acronym:
        ident["acronym"] = acronym
    return {
        "protocolSection": {
            "identificationModule": ident,
            "statusModule": {"overallStatus": status},
            "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Example Sponsor", "class": "OTHER"}},
            "designModule": {"phases": ["PHASE2"]},
            "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": d} for d in drugs]},
            "conditionsModule": {"conditions": ["Pleural Mesothelioma"]},
            "eligibilityModule": {"eligibilityCriteria": eligibility, "minimumAge": min_age, "sex": "ALL"},
            "contactsLocationsModule": {"locations": sites or []},
        },
        "hasResults": False,
    }


FIRST_LINE = """Inclusion Criteria:

* Histologically confirmed malignant pleural mesothelioma
* No prior systemic therapy for mesothelioma
* ECOG performance status 0-1

Exclusion Criteria:

* Active autoimmune disease"""

SECOND_LINE = """Inclusion Criteria:
- Mesothelioma (pleural or peritoneal)
- Disease progression after prior platinum-based chemotherapy
- ECOG performance status of 0 or 1"""

PERITONEAL = """Inclusion Criteria:
1. Diffuse malignant peritoneal mesothelioma
2. Adequate organ function"""


def studies() -> list[dict[str, Any]]:
    """Four open trials and one closed, around Madrid, Sevilla, London and Istanbul."""
    return [
        study(
            "NCT09000001",
            "A first-line trial",
            FIRST_LINE,
            [site(MADRID_SITE), site(LONDON_SITE, "COMPLETED")],
            acronym="FIRST-1",
        ),
        study("NCT09000002", "A trial after chemotherapy", SECOND_LINE, [site(SEVILLA_SITE)], drugs=("Pemetrexed",)),
        study("NCT09000003", "A peritoneal trial", PERITONEAL, [site(ISTANBUL_SITE, "NOT_YET_RECRUITING", False)]),
        study("NCT09000004", "A trial with a new site status", "", [site(MADRID_SITE, "SOME_NEW_STATUS")]),
        study("NCT09000005", "A closed trial", FIRST_LINE, [site(MADRID_SITE, "COMPLETED")], status="COMPLETED"),
    ]


def write_snapshot(path: Path, records: list[dict[str, Any]], days_old: int = 3) -> Path:
    """A valid snapshot of ``records``, its data timestamp ``days_old`` days before today."""
    stamp = (dt.date.today() - dt.timedelta(days=days_old)).isoformat() + "T09:00:06"
    data = snapshot_data(records, stamp, "2.0.5", {"query.cond": "mesothelioma"}, stamp + "+00:00")
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
