"""Recruiting trials from ClinicalTrials.gov: the records a snapshot keeps, read into typed models.

Pure: plain JSON data (one study of the API v2, ``GET /api/v2/studies``) in, a ``Trial`` out. A record that
is not the shape the API documents raises ``TrialsError`` naming the record; a field the record leaves out is
empty, and a status or phase this code does not know is kept as written (``known_status`` says so).

Field paths read (API v2): ``protocolSection.identificationModule`` (``nctId``, ``acronym``, ``briefTitle``,
``officialTitle``), ``statusModule.overallStatus``, ``sponsorCollaboratorsModule.leadSponsor.name``,
``designModule.phases``, ``armsInterventionsModule.interventions[].name``/``otherNames``,
``conditionsModule.conditions``, ``eligibilityModule`` (``eligibilityCriteria``, ``minimumAge``,
``maximumAge``) and ``contactsLocationsModule`` (``centralContacts[]`` and ``locations[]``: ``facility``,
``status``, ``city``, ``country``, ``geoPoint.lat``/``lon``, ``contacts[]`` with ``name``, ``phone``, ``email``).
"""

from __future__ import annotations

import math
import re
from typing import Any

from mesocli.core.errors import Message, TrialsError
from mesocli.core.escape import printable
from mesocli.core.model import model

#: The statuses `mesocli trials` lists, for a trial and for each of its sites.
OPEN_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")
#: Every recruitment status the API documents; another value is shown as written and never counted as open.
KNOWN_STATUSES = (
    *OPEN_STATUSES,
    "ACTIVE_NOT_RECRUITING",
    "SUSPENDED",
    "TERMINATED",
    "COMPLETED",
    "WITHDRAWN",
    "AVAILABLE",
    "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE",
    "APPROVED_FOR_MARKETING",
    "WITHHELD",
    "UNKNOWN",
)
PHASES = {"EARLY_PHASE1": "early phase 1", "PHASE1": "1", "PHASE2": "2", "PHASE3": "3", "PHASE4": "4", "NA": "n/a"}
_NCT = re.compile(r"NCT\d{8}")
#: Records kept in a snapshot hold these parts of ``protocolSection`` only.
KEPT_MODULES = (
    "identificationModule",
    "statusModule",
    "sponsorCollaboratorsModule",
    "designModule",
    "armsInterventionsModule",
    "conditionsModule",
    "eligibilityModule",
    "contactsLocationsModule",
)


@model
class Contact:
    name: str = ""
    phone: str = ""
    email: str = ""

    def text(self) -> str:
        return ", ".join(p for p in (self.name, self.phone, self.email) if p)


@model
class Site:
    """One place a trial runs, with its own recruitment status."""

    facility: str
    city: str
    country: str
    status: str
    lat: float | None = None
    lon: float | None = None
    contacts: tuple[Contact, ...] = ()

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.facility, self.city, self.country)


@model
class Trial:
    nct_id: str
    title: str
    status: str
    acronym: str = ""
    phases: tuple[str, ...] = ()
    sponsor: str = ""
    interventions: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    eligibility: str = ""
    minimum_age: str = ""
    maximum_age: str = ""
    contacts: tuple[Contact, ...] = ()
    sites: tuple[Site, ...] = ()

    @property
    def url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def phase(self) -> str:
        return "/".join(PHASES.get(p, p) for p in self.phases)

    @property
    def label(self) -> str:
        return f"{self.nct_id} ({self.acronym})" if self.acronym else self.nct_id


def known_status(status: str) -> bool:
    return status in KNOWN_STATUSES


class _Reader:
    """Typed access to one record, every wrong type a ``TrialsError`` naming the record and the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, path: str, what: str) -> TrialsError:
        return TrialsError(Message("{where}: {path}: {what}", where=self.where, path=path, what=what))

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, Message("expected an object"))
        return value

    def items(self, value: Any, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(path, Message("expected a list"))
        return value

    def text(self, value: Any, path: str, lines: bool = False) -> str:
        """The text, safe to print: one line (or, with ``lines``, lines), every control, bidi or zero-width
        character written as an escape, so a record can never drive the terminal."""
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(path, Message("expected text"))
        value = value.replace("\r\n", "\n").replace("\t", "    ") if lines else " ".join(value.split())
        return printable(value.strip(), keep="\n")

    def number(self, value: Any, path: str, bound: float = math.inf) -> float | None:
        """A finite number from ``-bound`` to ``bound``, or None when the record leaves it out."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(path, Message("expected a number"))
        if not (math.isfinite(value) and -bound <= value <= bound):
            raise self.fail(
                path,
                Message(
                    "{value} is not a number from {least:g} to {most:g}", value=repr(value), least=-bound, most=bound
                ),
            )
        return float(value)

    def texts(self, value: Any, path: str) -> tuple[str, ...]:
        return tuple(t for i, v in enumerate(self.items(value, path)) if (t := self.text(v, f"{path}[{i}]")))

    def contacts(self, value: Any, path: str) -> tuple[Contact, ...]:
        out = []
        for i, raw in enumerate(self.items(value, path)):
            c = self.obj(raw, f"{path}[{i}]")
            contact = Contact(*(self.text(c.get(k), f"{path}[{i}].{k}") for k in ("name", "phone", "email")))
            if contact.text():
                out.append(contact)
        return tuple(out)


def parse_study(raw: Any, where: str = "study") -> Trial:
    """The trial in one API v2 study record; ``TrialsError`` if the record is not shaped as documented."""
    r = _Reader(where)
    section = r.obj(r.obj(raw, "study").get("protocolSection"), "protocolSection")
    module = {name: r.obj(section.get(name), name) for name in KEPT_MODULES}
    ident = module["identificationModule"]
    nct = r.text(ident.get("nctId"), "identificationModule.nctId")
    if not _NCT.fullmatch(nct):
        raise r.fail("identificationModule.nctId", Message("not an NCT number: {value}", value=repr(nct[:20])))
    r.where = f"{where} ({nct})"
    title = r.text(ident.get("briefTitle"), "briefTitle") or r.text(ident.get("officialTitle"), "officialTitle")
    sponsor = r.obj(module["sponsorCollaboratorsModule"].get("leadSponsor"), "leadSponsor")
    interventions: list[str] = []
    for i, raw_item in enumerate(r.items(module["armsInterventionsModule"].get("interventions"), "interventions")):
        item = r.obj(raw_item, f"interventions[{i}]")
        name = r.text(item.get("name"), f"interventions[{i}].name")
        others = r.texts(item.get("otherNames"), f"interventions[{i}].otherNames")
        interventions.append(f"{name} ({', '.join(others)})" if others else name)
    eligibility = module["eligibilityModule"]
    places = module["contactsLocationsModule"]
    sites = []
    for i, raw_site in enumerate(r.items(places.get("locations"), "locations")):
        s = r.obj(raw_site, f"locations[{i}]")
        point = r.obj(s.get("geoPoint"), f"locations[{i}].geoPoint")
        site_text = {k: r.text(s.get(k), f"locations[{i}].{k}") for k in ("facility", "city", "country", "status")}
        sites.append(
            Site(
                **site_text,
                lat=r.number(point.get("lat"), f"locations[{i}].geoPoint.lat", 90),
                lon=r.number(point.get("lon"), f"locations[{i}].geoPoint.lon", 180),
                contacts=r.contacts(s.get("contacts"), f"locations[{i}].contacts"),
            )
        )
    return Trial(
        nct_id=nct,
        title=title,
        status=r.text(module["statusModule"].get("overallStatus"), "overallStatus"),
        acronym=r.text(ident.get("acronym"), "acronym"),
        phases=r.texts(module["designModule"].get("phases"), "phases"),
        sponsor=r.text(sponsor.get("name"), "leadSponsor.name"),
        interventions=tuple(i for i in interventions if i),
        conditions=r.texts(module["conditionsModule"].get("conditions"), "conditions"),
        eligibility=r.text(eligibility.get("eligibilityCriteria"), "eligibilityCriteria", lines=True),
        minimum_age=r.text(eligibility.get("minimumAge"), "minimumAge"),
        maximum_age=r.text(eligibility.get("maximumAge"), "maximumAge"),
        contacts=r.contacts(places.get("centralContacts"), "centralContacts"),
        sites=tuple(sites),
    )


def kept_record(raw: dict[str, Any]) -> dict[str, Any]:
    """The parts of an API record a snapshot keeps (the modules this code reads)."""
    section = raw.get("protocolSection") or {}
    return {"protocolSection": {k: section[k] for k in KEPT_MODULES if k in section}}
