"""The options and trials that fit one person's situation, as typed results for the CLI, pages and notebooks.

``assess`` takes the options (with their linked studies) and a ``Situation`` and says, for each option, how
it stands in this situation, trial by trial (``core.situation.match_study``), with its guideline rows, the
approvals in the region and what the option's own text says of the situation. It informs a conversation and
does not choose: options come by category, then evidence level, then file order, never "best first".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from mesocli.core.applies import passage
from mesocli.core.applying import fit_notes, speaks_to
from mesocli.core.display import Displayable
from mesocli.core.errors import ArgumentError
from mesocli.core.evidence import option_role
from mesocli.core.l10n import N_, _, ngettext
from mesocli.core.model import model
from mesocli.core.models import CATEGORIES, EVIDENCE_LEVEL_MEANING, Approval, Guide, Reference, Treatment
from mesocli.core.profile import check_value
from mesocli.core.situation import FIELDS, Situation, StudyFit, match_study
from mesocli.core.values import Values, values_of
from mesocli.query.decision import Decision, decide

if TYPE_CHECKING:
    from mesocli.pages.document import Document

Status = Literal["usual", "possible", "not-studied", "not-described"]
STATUSES: tuple[str, ...] = ("usual", "possible", "not-studied", "not-described")
ORDER = N_("by category, then evidence level, then the knowledge base's order; never best first")
NOTICE = N_("This page informs a conversation with your care team; it does not choose a treatment.")
_EVIDENCE = tuple(EVIDENCE_LEVEL_MEANING)


@model
class OptionFit(Displayable):
    """One option in this situation: how it stands, its trials judged one by one, approvals, what it says."""

    treatment: Treatment
    situation: Situation
    status: Status
    status_text: str
    trials: tuple[StudyFit, ...]
    approvals: tuple[Approval, ...]
    approval_notes: tuple[tuple[str, ...], ...]
    said: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.treatment.name

    def verdict(self, verdict: str) -> list[StudyFit]:
        """The trials with this verdict: included, excluded, uncertain or indirect."""
        return [f for f in self.trials if f.verdict == verdict]

    def _page(self) -> Document:
        from mesocli.pages.choice import Citations, option_short  # upward, only when a notebook displays it

        return tuple(option_short(self, Citations(self.treatment.references)))

    def details(self) -> Details:
        """The full section of this option (every trial, guideline row, approval, question), to display."""
        return Details(self)


@model
class SituationResult(Displayable):
    """Every option for one situation, in the stated order, and the options a goal left out."""

    situation: Situation
    options: tuple[OptionFit, ...]
    left_out: tuple[tuple[Treatment, str], ...]
    notes: tuple[str, ...]
    references: tuple[Reference, ...]
    disclaimer: str
    last_reviewed: dt.date
    decision: Decision | None = None  # the decision named, and the comfort choice (query.decision)

    @property
    def title(self) -> str:
        return _("Options in my situation")

    def _page(self) -> Document:
        from mesocli.pages.choice import options_short_page  # upward, only when a notebook displays it

        return options_short_page(self, details_hint=False)

    def details(self) -> Details:
        """The full page (as ``mesocli options --details``), to display in a notebook or print with Rich."""
        return Details(self)

    def to_data(self) -> dict[str, Any]:
        """The JSON shape of ``mesocli options`` (docs/output.md)."""
        from mesocli.query.situation_data import result_data

        return result_data(self)

    def rows(self) -> list[dict[str, Any]]:
        """One row per option and trial: the option, its status, the trial, its verdict and the reasons."""
        return [
            {
                "option": o.treatment.id,
                "status": o.status,
                "study": f.study.name,
                "study_id": f.study.id,
                "verdict": f.verdict,
                "reasons": "; ".join(f.reasons),
                "unknown": ", ".join(f.unknown),
                "reference": f.study.reference,
            }
            for o in self.options
            for f in o.trials
        ]

    def to_dataframe(self) -> Any:
        """``rows()`` as a pandas DataFrame (needs ``pip install "mesocli[notebook]"``)."""
        from mesocli.query.frames import pandas

        return pandas().DataFrame(self.rows())


class Details(Displayable):
    """The full page of a result or one option: every trial and why, guideline rows, approvals, questions."""

    __slots__ = ("of",)

    def __init__(self, of: SituationResult | OptionFit) -> None:
        self.of = of

    def _page(self) -> Document:
        from mesocli.pages.situation import option_section, options_page  # upward, only to display

        if isinstance(self.of, OptionFit):
            return tuple(option_section(self.of, {}))
        return options_page(self.of)


def situation_of(situation: Situation | None = None, **fields: Any) -> Situation:
    """A situation from keyword fields (over ``situation``); ValueError on an unknown field or value.

    ``values=`` takes the answers of ``mesocli values`` as a ``Values`` or a mapping (``{"longer_life": 3}``);
    they travel to the pages and never change which options are shown or their order.
    """
    answers = fields.pop("values", None)
    if answers is not None and not isinstance(answers, Values):
        answers = values_of(answers)
    fields = {k: v.strip().lower() if isinstance(v, str) else v for k, v in fields.items()}  # any case
    for name, value in fields.items():
        if name not in FIELDS:
            raise ArgumentError(f"unknown field {name!r}; the fields are {', '.join(FIELDS)}")
        message = None if value is None or value == "unknown" else check_value(name, value)
        if message:
            raise ArgumentError(message)
    return (situation or Situation()).merged(Situation(**fields, values=answers))


def _said(t: Treatment, person: Situation) -> tuple[str, ...]:
    """The option's situation points that speak of this person (``situation_points``), in its language."""
    texts = (passage(t, p) for p in t.situation_points if speaks_to(p.applies_to, person))
    return tuple(dict.fromkeys(text for text in texts if text))


def _approval_notes(a: Approval, person: Situation) -> tuple[str, ...]:
    return fit_notes(a.applies_to, person)


def _status(t: Treatment, person: Situation, fits: Sequence[StudyFit]) -> tuple[Status, str]:
    if person.site and person.site not in t.mesothelioma_types:
        return "not-described", _("This knowledge base does not describe it for {site} mesothelioma.").format(
            site=_(person.site)
        )
    if t.category == "supportive-care":
        return "usual", _("Usual in every situation: described for every stage, alongside any other treatment.")
    listed = _("Guidelines list it") if t.guidelines else _("No guideline row for it here")
    meso = [f for f in fits if f.verdict != "indirect"]
    included = [f for f in meso if f.verdict == "included"]
    tested = [f for f in included if option_role(f.study, t.id) == "tested" and f.study.status != "recruiting"]
    if tested:
        others = len(included) - len(tested)
        more = _(" ({n} more had it only as the comparator or have no results yet)").format(n=others) if others else ""
        text = _("{listed}, and {count} testing it included people in this situation{more}.")
        return "usual", text.format(listed=listed, count=_count(len(tested)), more=more)
    if meso and all(f.verdict == "excluded" for f in meso):
        return "not-studied", _("{listed}; every mesothelioma trial of it here left this situation out.").format(
            listed=listed
        )
    if meso:
        text = _("{listed}; no trial of it here clearly included this situation; some could have.")
        return "possible", text.format(listed=listed)
    return "possible", _("{listed}; no mesothelioma trial of it here.").format(listed=listed)


def _count(n: int) -> str:
    return ngettext("{n} trial", "{n} trials", n).format(n=n)


def _key(t: Treatment, position: int) -> tuple[int, int, int]:
    return (CATEGORIES.index(t.category), _EVIDENCE.index(t.evidence_level), position)


def assess(
    treatments: Sequence[Treatment],
    references: Sequence[Reference],
    disclaimer: str,
    last_reviewed: dt.date,
    person: Situation,
) -> SituationResult:
    """Every option (of ``person.goal``, when given) in this situation, in the stated order."""
    chosen = sorted(enumerate(treatments), key=lambda pair: _key(pair[1], pair[0]))
    options, left_out = [], []
    for _position, t in chosen:
        if person.goal and person.goal not in t.goals:
            left_out.append((t, f"not listed for the goal {person.goal}"))
            continue
        fits = tuple(match_study(person, s) for s in t.studies)
        approvals = tuple(a for a in t.approvals if person.region is None or a.region == person.region)
        status, text = _status(t, person, fits)
        notes = tuple(_approval_notes(a, person) for a in approvals)
        options.append(OptionFit(t, person, status, text, fits, approvals, notes, _said(t, person)))
    decision = decide(treatments, [o.treatment for o in options if o.status != "not-described"], person)
    cited = {rid for o in options for rid in _cited(o)} | set(decision.comfort.references() if decision.comfort else ())
    refs = tuple(r for r in references if r.id in cited)
    said = _notes(person, options)
    return SituationResult(person, tuple(options), tuple(left_out), said, refs, disclaimer, last_reviewed, decision)


def _cited(o: OptionFit) -> list[str]:
    from mesocli.core.models import CITATION

    ids = [g.reference for g in o.treatment.guidelines] + [a.reference for a in o.approvals]
    ids += [rid for f in o.trials for rid in f.study.references()]
    return ids + [m.group(1) for text in o.said for m in CITATION.finditer(text)]


def _notes(person: Situation, options: Sequence[OptionFit]) -> tuple[str, ...]:
    notes = []
    if person.unknown:
        notes.append(
            f"Not known: {', '.join(person.unknown)}. An unknown field is treated as 'could be either': "
            "it never counts a trial as including you or as leaving you out."
        )
    if person.fitness is not None and person.fitness >= 3:
        systemic = [f for o in options if o.treatment.category == "systemic-therapy" for f in o.trials]
        stated = [f for f in systemic if f.study.mesothelioma and f.study.population.ecog]
        if stated and all(person.fitness not in f.study.population.ecog for f in stated):
            top = max(max(f.study.population.ecog) for f in stated)
            notes.append(
                f"Every systemic-therapy trial here that stated fitness took ECOG {top} at most, so fitness "
                f"{person.fitness} was excluded from all of them; palliative care and supportive care are there "
                "for every situation."
            )
    return tuple(notes)


def _mentions(text: str, words: Sequence[str]) -> bool:
    """Whether an English guide text names a word (orders guide questions only; nothing is hidden by it)."""
    return any(re.search(rf"(?<!non-)\b{re.escape(w)}\b", text, re.IGNORECASE) for w in words)


def ordered_questions(result: SituationResult, guides: Sequence[Guide]) -> tuple[list[Treatment], list[Guide]]:
    """Options whose trials or guidelines fit first (usual, possible, then the rest, each in the stated order),
    and the guide topics that speak of this situation before the others."""
    rank = {status: i for i, status in enumerate(STATUSES)}
    treatments = [o.treatment for o in sorted(result.options, key=lambda o: rank[o.status])]
    person = result.situation
    words = [person.site] if person.site else []
    words += ["cell type", "histology", person.histology] if person.histology else []
    words += ["performance status"] if person.fitness is not None else []
    words += ["clinical trial", "second-line"] if person.treated not in (None, "none") else []

    def speaks(g: Guide) -> bool:
        return bool(words) and _mentions(" ".join([g.summary, g.body, *g.questions]), [w for w in words if w])

    return treatments, sorted(guides, key=lambda g: not speaks(g))
