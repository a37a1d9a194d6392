"""Pages of recruiting trials: the trials for one situation and place, and what changed between snapshots.

Pure like the other pages: a ``TrialsResult`` (or a ``SnapshotChanges``) in, a document out. Trial titles
stay as registered; every other word goes through gettext. The page never says that someone qualifies.
"""

from __future__ import annotations

from mesocli.core.l10n import N_, _, ngettext, number, say
from mesocli.core.trials import PHASES, known_status
from mesocli.pages.document import Block, Bullets, Document, Heading, Inline, Note, Paragraph, Span, plain
from mesocli.query.trials import STALE_DAYS, SiteRow, TrialMatch, TrialsResult
from mesocli.query.trials_diff import SnapshotChanges

VERDICT_TEXT = {
    "may_fit": N_("May fit: the lines read below speak for this situation"),
    "may_not_fit": N_("May not fit: a line below speaks against this situation"),
    "could_be_either": N_("Could be either: ask the study team"),
}
STATUS_TEXT = {
    "RECRUITING": N_("recruiting"),
    "NOT_YET_RECRUITING": N_("not yet recruiting"),
    "ENROLLING_BY_INVITATION": N_("enrolling by invitation"),
    "ACTIVE_NOT_RECRUITING": N_("active, not recruiting"),
    "SUSPENDED": N_("suspended"),
    "TERMINATED": N_("terminated"),
    "COMPLETED": N_("completed"),
    "WITHDRAWN": N_("withdrawn"),
}
NOTICE = N_(
    "This list informs a conversation with your care team and the study team. It never says that you "
    "qualify: only the study team can say whether someone can join a trial."
)
UPDATE_HINT = N_("Run `mesocli trials update` to fetch the current list from ClinicalTrials.gov.")


def status_text(status: str) -> str:
    if not status:
        return _("status not given")
    if status in STATUS_TEXT:
        return _(STATUS_TEXT[status])
    if known_status(status):
        return status.lower().replace("_", " ")
    return _("status not recognised ({status}): check the registry").format(status=status)


def snapshot_line(result: TrialsResult) -> Inline:
    """'Snapshot YYYY-MM-DD (the API's data timestamp), N days old', and a warning when it is old."""
    m = result.manifest
    if m.date is None:
        when = _("Snapshot made {day} without the API (no data timestamp)").format(day=m.fetched_at[:10])
        spans = [Span(when + ". ", "label")]
    elif result.future:
        text = _("Warning: this snapshot is dated {date}, in the future; check the computer's date and the file.")
        spans = [Span(text.format(date=m.date.isoformat()) + " ", "strong")]
    else:
        days = result.age_days or 0
        text = ngettext(
            "Snapshot {date} (the API's data timestamp), {days} day old.",
            "Snapshot {date} (the API's data timestamp), {days} days old.",
            days,
        )
        spans = [Span(text.format(date=m.date.isoformat(), days=number(days)) + " ", "label")]
    count = ngettext("{count} trial in it.", "{count} trials in it.", result.total)
    spans.append(Span(count.format(count=number(result.total)), "dim"))
    if result.stale:
        warning = _("Warning: this snapshot is older than {days} days; trials open and close every week.")
        spans += [Span(" " + warning.format(days=STALE_DAYS), "strong"), Span(" " + _(UPDATE_HINT))]
    return tuple(spans)


def _situation(result: TrialsResult) -> Bullets:
    lines = result.situation.describe()[:4]
    lines.append(_("age {age}").format(age=result.age) if result.age is not None else _("age not known"))
    if result.place is not None:
        near = _("near {place} ({name}, {country})").format(
            place=result.place_name, name=result.place.name, country=result.place.country
        )
        if result.within_km is not None:
            near += " " + _("within {km} km").format(km=number(round(result.within_km, 1)))
        lines.append(near)
        if result.others:
            lines.append(_other_places(result))
    if result.country:
        lines.append(_("sites in country {code}").format(code=result.country))
    return Bullets(tuple(plain(line) for line in lines))


def _other_places(result: TrialsResult) -> str:
    """One line: the other places of that name, and how to choose one ("Valencia, ES")."""
    shown = [f"{p.name}, {p.country}" for p in result.others[:6]]
    if len(result.others) > 6:
        shown.append(_("{count} more").format(count=len(result.others) - 6))
    first = result.others[0]
    return _("other places called {place}: {places}; to choose one, add its country: --near '{example}'").format(
        place=result.place_name, places="; ".join(shown), example=f"{first.name}, {first.country}"
    )


def _site_item(row: SiteRow) -> Inline:
    s = row.site
    where = ", ".join(p for p in (s.facility, s.city, s.country) if p)
    spans = [Span(where, "strong"), Span(f" ({status_text(s.status)})")]
    if row.distance_km is not None:
        spans.append(Span(", " + _("{km} km away").format(km=number(row.distance_km, 0)), "label"))
    contacts = "; ".join(c.text() for c in s.contacts)
    if contacts:
        spans.append(Span(". " + _("Contact: {who}").format(who=contacts), "dim"))
    return tuple(spans)


def trial_blocks(m: TrialMatch) -> list[Block]:
    t = m.trial
    blocks: list[Block] = [Heading(f"{t.label}: {t.title}", 2)]
    facts = [
        (_("Status: "), status_text(t.status)),
        (_("Phase: "), "/".join(PHASES.get(p, p) for p in t.phases) or _("not stated")),
        (_("What is tested: "), "; ".join(t.interventions) or _("not stated")),
        (_("mesocli options: "), ", ".join(m.options) or _("none recognised")),
        (_("Sponsor: "), t.sponsor or _("not stated")),
    ]
    if m.nearest_km is not None:
        facts.append((_("Nearest recruiting site: "), _("{km} km").format(km=number(m.nearest_km, 0))))
    blocks.append(Bullets(tuple((Span(label, "label"), Span(value)) for label, value in facts)))
    blocks.append(Paragraph(plain(_(VERDICT_TEXT[m.verdict]) + ".", "strong")))
    if m.reasons:
        blocks.append(Bullets(tuple(plain(f"“{say(line)}”") for line in m.reasons)))  # a line of the record, or
    if m.open:  # mesocli's reading of its age limits; what is left open is mesocli's
        blocks.append(Paragraph(plain(_("Left open: {what}.").format(what="; ".join(map(say, m.open))), "dim")))
    if m.verdict != "may_not_fit":
        blocks.append(Paragraph(plain(_("Every other criterion is for the study team to check."), "dim")))
    link = (Span(_("Registry: "), "label"), Span(t.url, None, t.url))
    blocks.append(Paragraph(link))
    if t.contacts:
        who = "; ".join(c.text() for c in t.contacts)
        blocks.append(Paragraph((Span(_("Study contact: "), "label"), Span(who))))
    if m.sites:
        blocks.append(Heading(_("Sites"), 3))
        blocks.append(Bullets(tuple(_site_item(r) for r in m.sites)))
    return blocks


def trials_page(result: TrialsResult) -> Document:
    """The trials for this situation and place, nearest first, each with its verdict and sites."""
    blocks: list[Block] = [Heading(result.title, 1), Paragraph(snapshot_line(result))]
    blocks += [Paragraph(plain(_(NOTICE), "strong")), Heading(_("The situation")), _situation(result)]
    if result.total == 0:
        empty = _("This snapshot holds no trials: none could be verified when mesocli was made.")
        blocks.append(Paragraph((Span(empty + " ", "strong"), Span(_(UPDATE_HINT)))))
    elif not result.matches:
        blocks.append(Paragraph(plain(_("No open trial in this snapshot matches this search."), "strong")))
    for m in result.matches:
        blocks += trial_blocks(m)
    blocks.append(Note(plain(_("Source: ClinicalTrials.gov (U.S. National Library of Medicine).") + " " + _(NOTICE))))
    return tuple(blocks)


def changes_page(changes: SnapshotChanges) -> Document:
    """What changed since the previous snapshot, one line each."""
    blocks: list[Block] = [Heading(_("Trials: since your last visit"), 1)]
    blocks.append(Paragraph(plain(changes.heading())))
    if not changes.lines:
        blocks.append(Paragraph(plain(_("Nothing changed."))))
    else:
        blocks.append(Bullets(tuple(plain(line) for line in changes.lines)))
    return tuple(blocks)


def nearby_trials_blocks(lines: list[str]) -> list[Block]:
    """The short trial lines other pages show (``query.trials.nearest_trial_lines``), under a heading."""
    if not lines:
        return []
    return [
        Heading(_("Trials you could ask about")),
        Bullets(tuple(plain(line) for line in lines[:-1])),
        Paragraph(plain(lines[-1], "dim")),
    ]


def with_trials(document: Document, lines: list[str]) -> Document:
    """``document`` with the trial lines before its references (or at the end)."""
    blocks = nearby_trials_blocks(lines)
    if not blocks:
        return document
    headings = [i for i, b in enumerate(document) if isinstance(b, Heading) and b.text == _("References")]
    at = headings[0] if headings else len(document)
    return (*document[:at], *blocks, *document[at:])
