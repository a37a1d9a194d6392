"""Trials I could join: the open trials of a snapshot for one person's situation and place, with reasons.

``find_trials`` reads each open trial's eligibility text conservatively (``core.eligibility``), measures
the distance from the place given to each site that recruits (``core.places``), and maps what is tested to
mesocli's options by drug names and aliases. Trials come nearest first when a place is given, else by NCT
number; the verdict never ranks them. ``nearest_trial_lines`` gives the short lines other pages show.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mesocli.core.display import Displayable
from mesocli.core.eligibility import read_eligibility
from mesocli.core.model import model
from mesocli.core.places import Place, country_code, distance_km
from mesocli.core.situation import Situation
from mesocli.core.snapshot import Manifest, Snapshot
from mesocli.core.trials import OPEN_STATUSES, Site, Trial, known_status

if TYPE_CHECKING:
    from mesocli.core.models import Treatment
    from mesocli.pages.document import Document

#: A snapshot older than this many days is flagged on every page that shows it.
STALE_DAYS = 90


@model
class SiteRow:
    site: Site
    distance_km: float | None = None


@model
class TrialMatch:
    """One open trial for this situation: the verdict, the quoted lines behind it, its sites nearest first."""

    trial: Trial
    verdict: str
    reasons: tuple[str, ...]
    open: tuple[str, ...]
    options: tuple[str, ...]
    sites: tuple[SiteRow, ...]

    @property
    def nearest_km(self) -> float | None:
        """Distance to the nearest site that recruits (None without a place, or without coordinates)."""
        found = [r.distance_km for r in self.sites if r.site.open and r.distance_km is not None]
        return min(found) if found else None


@model
class TrialsResult(Displayable):
    situation: Situation
    age: int | None
    place: Place | None
    place_name: str
    within_km: float | None
    country: str
    manifest: Manifest
    source: str
    today: dt.date
    total: int
    matches: tuple[TrialMatch, ...]

    @property
    def title(self) -> str:
        from mesocli.core.l10n import _

        return _("Trials I could join")

    @property
    def age_days(self) -> int | None:
        """Days since the data timestamp; None without one, or when it is dated in the future (never negative)."""
        date = self.manifest.date
        return (self.today - date).days if date and date <= self.today else None

    @property
    def others(self) -> tuple[Place, ...]:
        """The other places called ``place_name`` than the one chosen (an ambiguous --near), most populous first."""
        from mesocli.core.places import find_places

        if self.place is None or self.place.is_country or not self.place_name:
            return ()
        return tuple(p for p in find_places(self.place_name) if p != self.place)

    @property
    def future(self) -> bool:
        """Whether the snapshot is dated after today (a wrong clock, or a file changed by hand)."""
        date = self.manifest.date
        return date is not None and date > self.today

    @property
    def stale(self) -> bool:
        days = self.age_days
        return days is not None and days > STALE_DAYS

    def _page(self) -> Document:
        from mesocli.pages.trials import trials_page  # upward, only when a notebook displays it

        return trials_page(self)

    def to_data(self) -> dict[str, Any]:
        """The JSON shape of ``mesocli trials`` (docs/output.md)."""
        from mesocli.query.trials_data import result_data

        return result_data(self)

    def rows(self) -> list[dict[str, Any]]:
        """One row per trial: NCT number, acronym, title, status, verdict, nearest site, options, link."""
        return [
            {
                "nct_id": m.trial.nct_id,
                "acronym": m.trial.acronym,
                "title": m.trial.title,
                "status": m.trial.status,
                "phase": m.trial.phase,
                "verdict": m.verdict,
                "reasons": " | ".join(m.reasons),
                "nearest_km": m.nearest_km,
                "options": ", ".join(m.options),
                "url": m.trial.url,
            }
            for m in self.matches
        ]

    def to_dataframe(self) -> Any:
        """``rows()`` as a pandas DataFrame (needs ``pip install "mesocli[notebook]"``)."""
        from mesocli.query.frames import pandas

        return pandas().DataFrame(self.rows())


def listed(trial: Trial) -> bool:
    """Open trials, and trials whose status this code does not know (shown as written, to be checked)."""
    return trial.status in OPEN_STATUSES or not known_status(trial.status)


def option_words(treatments: Sequence[Treatment]) -> dict[str, tuple[str, ...]]:
    """Each option's names and aliases that can name a treatment in a trial (four letters or more)."""
    return {
        t.id: tuple(dict.fromkeys(a.casefold() for a in (*t.aliases, t.id) if len(a) >= 4))
        for t in treatments
        if t.id != "clinical-trials"
    }


def tested_options(trial: Trial, words: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    text = " ".join(trial.interventions).casefold()
    return tuple(
        option for option, names in words.items() if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)
    )


def _in_country(site: Site, code: str) -> bool:
    return country_code(site.country) == code


def _sites(trial: Trial, place: Place | None, country: str) -> tuple[SiteRow, ...]:
    rows = []
    for site in trial.sites:
        if country and not _in_country(site, country):
            continue
        distance = None
        if place is not None and not place.is_country and site.lat is not None and site.lon is not None:
            assert place.lat is not None and place.lon is not None
            distance = round(distance_km(place.lat, place.lon, site.lat, site.lon), 1)
        rows.append(SiteRow(site, distance))
    far = float("inf")
    return tuple(sorted(rows, key=lambda r: (not r.site.open, r.distance_km if r.distance_km is not None else far)))


def find_trials(
    snapshot: Snapshot,
    treatments: Sequence[Treatment],
    situation: Situation,
    age: int | None = None,
    place: Place | None = None,
    place_name: str = "",
    within_km: float | None = None,
    country: str = "",
    today: dt.date | None = None,
) -> TrialsResult:
    """The open trials of ``snapshot`` for this situation and place (see the module's rules)."""
    words = option_words(treatments)
    code = country or (place.country if place is not None and place.is_country else "")
    matches = []
    for trial in snapshot.trials:
        if not listed(trial):
            continue
        sites = _sites(trial, place, code)
        if code and not any(r.site.open for r in sites):
            continue
        reading = read_eligibility(trial.eligibility, situation, age, trial.minimum_age, trial.maximum_age)
        match = TrialMatch(trial, reading.verdict, reading.reasons, reading.open, tested_options(trial, words), sites)
        if within_km is not None and (match.nearest_km is None or match.nearest_km > within_km):
            continue
        matches.append(match)
    far = float("inf")
    matches.sort(key=lambda m: (m.nearest_km if m.nearest_km is not None else far, m.trial.nct_id))
    return TrialsResult(
        situation,
        age,
        place,
        place_name,
        within_km,
        code,
        snapshot.manifest,
        snapshot.path,
        today or dt.date.today(),
        len(snapshot.trials),
        tuple(matches),
    )


def nearest_trial_lines(result: TrialsResult, limit: int = 3) -> list[str]:
    """At most ``limit`` trials that may fit or could be either, nearest first, one line each, with the date.

    Page-neutral: ``options`` and the handout print these lines as they are. Empty when none is open.
    """
    from mesocli.core.l10n import _, number

    chosen = [m for m in result.matches if m.verdict != "may_not_fit"][:limit]
    if not chosen:
        return []
    date = result.manifest.date.isoformat() if result.manifest.date else _("date not known")
    lines = []
    for m in chosen:
        where = ", " + _("{km} km").format(km=number(m.nearest_km, 0)) if m.nearest_km is not None else ""
        lines.append(f"{m.trial.label}{where}: {m.trial.url}")
    lines.append(_("From the trials snapshot of {date}; see `mesocli trials` for the reasons.").format(date=date))
    return lines
