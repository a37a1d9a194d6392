"""The short view of the options in one situation: each option in the same few plain lines.

For every option, in the same order and format: whether it fits this situation and why, what it is, what it
may do for me, what it costs me, the key trial results as natural frequencies ("out of 100 people like those
in the trial, about 41 ...") with the trial's population and how sure the result is in words, and where
guidelines and approvals stand. Figures come from the structured study fields only (``core.frequencies``);
an option whose trials give none says so in the same place. ``options --details`` gives the full page
(``pages.situation``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mesocli.core.frequencies import Measure, measures, medians
from mesocli.core.l10n import N_, _, ngettext, number
from mesocli.core.models import CITATION, Reference
from mesocli.core.situation import StudyFit, region_label
from mesocli.core.studies import Study
from mesocli.pages.document import (
    Block,
    Bullets,
    Document,
    Heading,
    Icons,
    Inline,
    Note,
    Paragraph,
    Span,
    inline_text,
    plain,
)
from mesocli.pages.reading import cited
from mesocli.query.key_trials import key_trials
from mesocli.query.situation import NOTICE, OptionFit, SituationResult

#: How each status is said, first thing under the option's name.
FITS = {
    "usual": N_("Fits this situation"),
    "possible": N_("May fit this situation"),
    "not-studied": N_("Not studied in this situation"),
    "not-described": N_("Not described for this situation"),
}
NOT_RANDOMISED = N_("No group was chosen by chance for comparison, so it cannot show how much came from the treatment.")
MET = N_(
    "People were put into groups by chance. The difference is unlikely to be chance alone, "
    "but its true size could be smaller or larger."
)
NOT_MET = N_("People were put into groups by chance, and the trial did not show a clear difference in its main goal.")
NOT_SETTLED = N_("People were put into groups by chance; what its main result means is not settled here.")
COMFORT_FITS = N_("a choice in every situation, for anyone who does not want or cannot have anticancer treatment.")
NO_KEY_TRIAL = N_("no trial of it here gives figures that can be told as out of 100 people.")
SMALL_TRIAL = 200  # fewer people than this: the page says the numbers are less certain


class Citations:
    """References numbered in the order a page first cites them; only those are listed at its end."""

    def __init__(self, known: Sequence[Reference]) -> None:
        self.known = {r.id: r for r in known}
        self.numbers: dict[str, int] = {}
        #: The option under which each trial's figures were first told on this page.
        self.told: dict[str, str] = {}

    def number(self, rid: str) -> int | str:
        if rid not in self.known:
            return rid
        return self.numbers.setdefault(rid, len(self.numbers) + 1)

    def text(self, text: str) -> Inline:
        """``text`` with each ``[@id]`` numbered, numbering new ids as they come."""
        for match in CITATION.finditer(text):
            self.number(match.group(1))
        return cited(text, self.numbers)

    def span(self, rid: str) -> Span:
        return Span(f" [{self.number(rid)}]", "cite")

    def listed(self) -> list[Reference]:
        return sorted((self.known[rid] for rid in self.numbers), key=lambda r: self.numbers[r.id])


def short_references(references: Sequence[Reference]) -> Bullets:
    """Numbered references, each its citation and one way to find it (PMID, else DOI, else its link)."""
    items = []
    for ref in references:
        found = f"PMID {ref.pmid}" if ref.pmid else f"doi:{ref.doi}" if ref.doi else ""
        spans = [Span(ref.citation)]
        if found:
            spans.append(Span(f" {found}.", "dim"))
        elif ref.link:
            spans.append(Span(" " + ref.link, "dim", link=ref.link))
        items.append(tuple(spans))
    return Bullets(tuple(items), numbered=True)


def known_references(result: SituationResult) -> list[Reference]:
    """Every reference the result's options and trials can cite."""
    found = {r.id: r for o in result.options for r in o.treatment.references}
    found.update({r.id: r for r in result.references})
    return list(found.values())


def _people(count: int) -> str:
    return _("about {count}").format(count=count)


def measure_text(m: Measure) -> str:
    """One measure as natural frequencies: "alive at 2 years: about 41 with X, about 27 with Y"."""
    if m.kind == "alive":
        what = ngettext("alive at {years} year", "alive at {years} years", y := m.years or 0).format(years=number(y))
    elif m.kind == "response":
        what = _("their tumor shrank")
    else:
        what = _("had a serious side effect of treatment (grade 3 or higher)")
    counts = [_("{count} with {arm}").format(count=_people(n), arm=arm) for arm, n in m.counts]
    return f"{what}: {', '.join(counts)}"


def certainty(fit: StudyFit) -> str:
    """How sure the result is, in words: design, size, whether the difference could be chance."""
    study, words = fit.study, []
    c = study.comparison
    if not study.randomised:
        words.append(_(NOT_RANDOMISED))
    elif c is not None and c.met:
        words.append(_(MET))
    elif c is not None and c.met is False:
        words.append(_(NOT_MET))
    else:
        words.append(_(NOT_SETTLED))
    n = study.population.n
    if n is not None and n < SMALL_TRIAL:
        words.append(_("It was a small trial ({n} people), so these numbers are less certain.").format(n=n))
    if study.status == "presented":
        words.append(_("The results were presented at a meeting and are not yet fully published."))
    if fit.verdict == "uncertain":
        words.append(_("It is not clear that the trial included people in this situation."))
    return " ".join(words)


def _population(study: Study) -> str:
    p = study.population
    text = p.description.strip().rstrip(".")
    if p.n and str(p.n) not in text:
        text += "; " + ngettext("{n} person", "{n} people", p.n).format(n=number(p.n))
    return text


def frequency_items(study: Study, with_medians: bool = False) -> list[Inline]:
    """Each figure of the study out of 100 people, serious side effects always said (or said missing)."""
    items: list[Inline] = [plain(measure_text(m)) for m in measures(study)]
    if not any(m.kind == "serious" for m in measures(study)):
        items.append(plain(_("serious side effects: the trial's rate is not recorded here")))
    half = medians(study) if with_medians else ()
    if half:
        told = ", ".join(_("{months} months with {arm}").format(months=f"{m:.1f}", arm=a) for a, m in half)
        items.append(plain(_("half of them lived longer than: {told}").format(told=told)))
    return items


def trial_lines(fit: StudyFit, cites: Citations, option: str, drawn: bool = False) -> list[Block]:
    """One key trial: its name and population, each figure out of 100, serious side effects, how sure.

    A trial already told under another option on the same page is named with a pointer there instead.
    """
    study = fit.study
    head = (Span(_("Key trial: "), "label"), Span(study.label), cites.span(study.reference))
    if study.id in cites.told:
        where = _("its figures are given above, under {option}.").format(option=cites.told[study.id])
        return [Paragraph((*head, Span(": " + where)))]
    cites.told[study.id] = option
    lead = _("Out of 100 people like those in the trial ({population}):").format(population=_population(study))
    sure: Inline = (Span(_("How sure: "), "label"), Span(certainty(fit)))
    if drawn:  # each measure drawn as rows of 100, its words the drawing's caption and text alternative
        pictures: list[Block] = [Icons(measure_text(m), m.counts) for m in measures(study)]
        rest = [i for i in frequency_items(study) if inline_text(i) not in {measure_text(m) for m in measures(study)}]
        return [Paragraph((*head, Span(". " + lead))), *pictures, Bullets((*rest, sure))]
    return [Paragraph((*head, Span(". " + lead))), Bullets((*frequency_items(study), sure))]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'¿¡(]?[A-ZÁÉÍÓÚÑÇĞİÖŞÜ0-9])")


def first_sentence(text: str, enough: int = 80) -> str:
    """The opening of a summary, what the option is: its first sentences up to ``enough`` characters (the rest
    says what it may do and cost, which the short view tells in its own lines)."""
    told = ""
    for sentence in _SENTENCE_END.split(text.strip()):
        told = f"{told} {sentence}".strip()
        if len(told) >= enough:
            break
    return told


def _item(label: str, text: Inline) -> Inline:
    return (Span(label, "label"), *text)


def standing(o: OptionFit) -> str:
    """Guideline rows and approvals in one line: how many rows, from which guidelines; which approvals."""
    t = o.treatment
    names = ", ".join(dict.fromkeys(g.guideline for g in t.guidelines))
    parts = [_("guideline rows: {n} ({names})").format(n=len(t.guidelines), names=names) if t.guidelines else ""]
    if o.approvals:
        agencies = ", ".join(f"{a.agency} {a.date.year}" for a in o.approvals)
        parts.append(_("approvals: {agencies}").format(agencies=agencies))
    elif o.situation.region:
        parts.append(_("no approval recorded for region {region}").format(region=region_label(o.situation.region)))
    return "; ".join(p for p in parts if p) or _("no guideline row or approval recorded here")


def option_short(
    o: OptionFit, cites: Citations, level: int = 2, trials: int = 2, drawn: bool = False
) -> Iterator[Block]:
    """One option in the same format as every other: fit, what it is, may do, costs, key trials, standing."""
    t = o.treatment
    yield Heading(t.name, level)
    missing = plain(_("not described here yet"))
    keys = key_trials(o.trials, t.id, trials)
    items = [
        _item(_(FITS[o.status]) + ": ", plain(o.status_text)),
        _item(_("What it is: "), cites.text(first_sentence(t.summary))),
        _item(_("What it may do for me: "), cites.text(t.may_do) if t.may_do else missing),
        _item(_("What it costs me: "), cites.text(t.costs) if t.costs else missing),
        _item(_("Guidelines and approvals: "), plain(standing(o) + ".")),
    ]
    if not keys:
        items.append(_item(_("Key trial: "), plain(_(NO_KEY_TRIAL))))
    yield Bullets(tuple(items))
    for fit in keys:
        yield from trial_lines(fit, cites, t.name, drawn)


def decision_blocks(result: SituationResult, level: int = 2) -> list[Block]:
    """The decision named (which first or next treatment, if any), its note, and its choices in page order."""
    d = result.decision
    if d is None:
        return []
    names = "; ".join(name for _id, name in d.choices)
    return [
        Heading(_("The decision"), level),
        Paragraph((Span(d.question, "strong"), Span(" " + d.note))),
        Paragraph(_item(_("The choices: "), plain(names + "."))),
    ]


def comfort_short(result: SituationResult, cites: Citations, level: int = 2, every: bool = False) -> list[Block]:
    """The comfort choice in the same format as the options: what it is, what it may do, what it costs me
    (the first passage of each, or ``every`` passage)."""
    c = result.decision.comfort if result.decision else None
    if c is None:
        return []
    missing = plain(_("not described here yet"))

    def told(texts: Sequence[str]) -> Inline:
        chosen = texts if every else texts[:1]
        return cites.text(" ".join(chosen)) if chosen else missing

    items = (
        _item(_("Fits this situation") + ": ", plain(_(COMFORT_FITS))),
        _item(_("What it is: "), told(c.what)),
        _item(_("What it may do for me: "), told(c.benefits)),
        _item(_("What it costs me: "), told(c.harms)),
    )
    return [Heading(c.name, level), Bullets(items)]


def options_short_page(result: SituationResult, details_hint: bool = True) -> Document:
    """Every option in the stated order, each in the same short format, then only the references cited."""
    cites = Citations(known_references(result))
    blocks: list[Block] = [Heading(result.title, 1), Paragraph(plain(_(NOTICE), "strong"))]
    blocks += [Heading(_("The situation")), Paragraph(plain("; ".join(result.situation.describe()) + "."))]
    blocks += [Paragraph(plain(note)) for note in result.notes]
    blocks += decision_blocks(result)
    for o in result.options:
        blocks += list(option_short(o, cites))
    blocks += comfort_short(result, cites)
    values = result.situation.values
    if values is not None and not values.empty:
        from mesocli.core.values import HEADING, NEVER_RANKS

        answers = tuple(
            (Span(f"{answer}/4 ", "label"), Span(statement))
            for _k, statement, answer in values.answers()
            if answer is not None
        )
        blocks += [Heading(_(HEADING)), Paragraph(plain(_(NEVER_RANKS))), Bullets(answers)]
    if result.left_out:
        names = "; ".join(f"{t.name} ({why})" for t, why in result.left_out)
        blocks.append(Paragraph((Span(_("Not shown: "), "label"), Span(names + "."))))
    if details_hint:
        blocks.append(Paragraph(plain(_("Every trial, guideline row and approval: add --details."), "dim")))
    if cites.numbers:
        blocks += [Heading(_("References")), short_references(cites.listed())]
    reviewed = _("Knowledge base reviewed {date}.").format(date=result.last_reviewed.isoformat())
    blocks.append(Note(plain(f"{reviewed} {result.disclaimer.strip()}")))
    return tuple(blocks)
