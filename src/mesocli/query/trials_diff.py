"""What changed between two trials snapshots: trials opened, closed or gone, sites opened or closed."""

from __future__ import annotations

from typing import Any

from mesocli.core.l10n import _
from mesocli.core.model import model
from mesocli.core.snapshot import Snapshot
from mesocli.core.trials import Site, Trial


@model
class SnapshotChanges:
    """One line per change, and the dates of the two snapshots compared."""

    before: str
    after: str
    lines: tuple[str, ...]
    data: tuple[dict[str, str], ...]

    def heading(self) -> str:
        return _("Since your last visit: snapshot {before} to snapshot {after}.").format(
            before=self.before, after=self.after
        )

    def to_data(self) -> dict[str, Any]:
        return {"before": self.before, "after": self.after, "changes": list(self.data)}


def _date(snapshot: Snapshot) -> str:
    m = snapshot.manifest
    return m.date.isoformat() if m.date else m.fetched_at[:10]


def _where(site: Site) -> str:
    return ", ".join(p for p in (site.facility, site.city, site.country) if p)


def compare(before: Snapshot, after: Snapshot) -> SnapshotChanges:
    """The changes from ``before`` to ``after``, by NCT number, then site by site."""
    old: dict[str, Trial] = {t.nct_id: t for t in before.trials}
    new: dict[str, Trial] = {t.nct_id: t for t in after.trials}
    changes: list[tuple[str, dict[str, str]]] = []

    def add(kind: str, trial: Trial, text: str, site: str = "") -> None:
        item = {"change": kind, "nct_id": trial.nct_id, "acronym": trial.acronym}
        if site:
            item["site"] = site
        changes.append((text, item))

    for nct, trial in new.items():
        if nct not in old and trial.open:
            add("trial_new", trial, _("New trial: {trial}: {title}").format(trial=trial.label, title=trial.title))
    for nct, trial in old.items():
        if nct not in new:
            add("trial_gone", trial, _("No longer listed: {trial}").format(trial=trial.label))
        elif trial.open and not new[nct].open:
            status = new[nct].status.lower().replace("_", " ")
            add("trial_closed", trial, _("Closed: {trial} ({status})").format(trial=trial.label, status=status))
    for nct in sorted(set(old) & set(new)):
        was = {s.key: s for s in old[nct].sites}
        for site in new[nct].sites:
            before_site = was.get(site.key)
            if site.open and (before_site is None or not before_site.open):
                text = _("Site opened: {trial}: {where}").format(trial=new[nct].label, where=_where(site))
                add("site_opened", new[nct], text, _where(site))
        now = {s.key: s for s in new[nct].sites}
        for key, site in was.items():
            if site.open and (key not in now or not now[key].open):
                text = _("Site closed: {trial}: {where}").format(trial=old[nct].label, where=_where(site))
                add("site_closed", old[nct], text, _where(site))
    return SnapshotChanges(_date(before), _date(after), tuple(t for t, _i in changes), tuple(i for _t, i in changes))
