"""Pages of one person's situation: the options and trials that fit it, and the handout for the visit.

Pure like the other pages: a ``SituationResult`` in, a document out. Every figure comes from the knowledge
base, with the number of its reference. The order is the one stated on the page, never "best first".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mesocli.core.applying import fit_notes
from mesocli.core.evidence import roles
from mesocli.core.l10n import N_, _
from mesocli.core.models import EVIDENCE_LEVEL_MEANING, Guide
from mesocli.core.situation import Situation, StudyFit, histology_notes
from mesocli.core.studies import Study
from mesocli.pages.choice import Citations, comfort_short, decision_blocks
from mesocli.pages.document import Block, Bullets, Document, Heading, Inline, Note, Paragraph, Span, plain
from mesocli.pages.reading import cited, reference_items
from mesocli.pages.studies import arm_figures, comparison_text
from mesocli.query.situation import NOTICE, ORDER, OptionFit, SituationResult, ordered_questions
from mesocli.query.situation_data import role

HEADINGS = {
    "included": N_("Trials whose population included this situation"),
    "excluded": N_("Trials that left this situation out"),
    "uncertain": N_("Trials that could have included it (could be either)"),
    "indirect": N_("Trials of other conditions (indirect evidence)"),
}


def _cite(numbers: dict[str, int], rid: str) -> Span:
    return Span(f" [{numbers.get(rid, rid)}]", "cite")


def key_result(study: Study) -> str:
    """The finding, then each arm's published figures and the comparison, in one line."""
    arms = [
        f"{a.name}{' (comparator)' if r == 'comparator' else ''}: {arm_figures(a)}"
        for a, r in zip(study.arms, roles(study), strict=True)
        if arm_figures(a)
    ]
    parts = [study.finding.strip().rstrip("."), "; ".join(arms), comparison_text(study.comparison)]
    return ". ".join(p[0].upper() + p[1:] for p in parts if p) + "."


def trial_item(fit: StudyFit, numbers: dict[str, int], option: str, person: Situation) -> Inline:
    """One trial, as its verdict needs it: the key result when it included the person, the reasons otherwise."""
    study = fit.study
    study_ref = study.reference
    spans = [Span(study.label, "strong")]
    if role(fit, option) == "comparator":
        spans.append(Span(_(" (this option was the comparator)")))
    if fit.verdict == "included":
        spans.append(Span(f": {key_result(study)}"))
        for note, rid in histology_notes(person, study):
            if note == study.finding.strip():
                continue  # already in the key result
            spans += [_cite(numbers, study_ref), Span(_(" For this histology: {note}").format(note=note), "label")]
            study_ref = rid
    elif fit.verdict == "excluded":
        spans.append(Span(f": {'; '.join(fit.reasons)}."))
    elif fit.verdict == "uncertain":
        spans.append(Span(_(": could be either: {why}.").format(why="; ".join(fit.open))))
    else:
        spans.append(Span(f": {'; '.join(fit.reasons)}."))
    spans.append(_cite(numbers, study_ref))
    return tuple(spans)


def _notes(notes: Sequence[str]) -> tuple[Span, ...]:
    return (Span(_(" Note: {notes}.").format(notes="; ".join(notes)), "dim"),) if notes else ()


def counts(o: OptionFit) -> str:
    """The trials of an option by verdict, with the commonest reason for leaving people out."""
    excluded = o.verdict("excluded")
    only = _("{kinds} only").format(kinds="").strip()
    reasons = [r for f in excluded for r in f.reasons if r.endswith(only) or r.startswith(only)]
    common = max(set(reasons), key=reasons.count) if reasons else ""
    why = _(" ({n} of them {reason})").format(n=reasons.count(common), reason=common) if common else ""
    text = _(
        "Trials of it here: {included} included this situation, {excluded} left it out{why}, "
        "{uncertain} could be either, {indirect} of other conditions."
    )
    return text.format(
        included=len(o.verdict("included")),
        excluded=len(excluded),
        why=why,
        uncertain=len(o.verdict("uncertain")),
        indirect=len(o.verdict("indirect")),
    )


def option_section(o: OptionFit, numbers: dict[str, int], level: int = 2) -> Iterator[Block]:
    """One option: how it stands here, what it says, guideline rows, trials by verdict, approvals, questions."""
    t = o.treatment
    yield Heading(t.name, level)
    yield Paragraph((Span(_("In this situation: "), "label"), Span(o.status_text)))
    evidence = _("{category}; evidence {level} ({meaning})").format(
        category=_(t.category), level=_(t.evidence_level), meaning=_(EVIDENCE_LEVEL_MEANING[t.evidence_level])
    )
    yield Paragraph((Span(_("Category: "), "label"), Span(evidence + ". "), Span(counts(o), "dim")))
    sub = level + 1
    if o.said:
        yield Heading(_("What it says for this situation"), sub)
        yield Bullets(tuple(cited(text, numbers) for text in o.said))
    if t.guidelines:
        yield Heading(_("Guideline rows"), sub)
        yield Bullets(
            tuple(
                (
                    Span(f"{g.guideline}: ", "label"),
                    Span(g.says),
                    _cite(numbers, g.reference),
                    *(
                        (Span(f" Note: {'; '.join(notes)}.", "dim"),)
                        if (notes := fit_notes(g.applies_to, o.situation))
                        else ()
                    ),
                )
                for g in t.guidelines
            )
        )
    for verdict, heading in HEADINGS.items():
        fits = o.verdict(verdict)
        if fits:
            yield Heading(_(heading), sub)
            yield Bullets(tuple(trial_item(f, numbers, t.id, o.situation) for f in fits))
    region = o.situation.region
    if o.approvals:
        yield Heading(f"Approvals ({region or 'every region'})", sub)
        yield Bullets(
            tuple(
                (
                    Span(f"{a.agency} ({a.region or 'region not stated'}), {a.date.isoformat()}: ", "label"),
                    Span(a.what),
                    *((Span(f" Note: {'; '.join(notes)}.", "dim"),) if notes else ()),
                    _cite(numbers, a.reference),
                )
                for a, notes in zip(o.approvals, o.approval_notes, strict=True)
            )
        )
    elif region:
        yield Paragraph(plain(f"No approval in region {region} recorded here.", "dim"))
    if t.questions:
        yield Heading(_("Questions to ask"), sub)
        yield Bullets(tuple(plain(q) for q in t.questions), checkbox=True)


def situation_blocks(result: SituationResult) -> list[Block]:
    """The situation as given, what an unknown field means, and the stated order."""
    blocks: list[Block] = [Paragraph(plain(_(NOTICE), "strong")), Heading(_("The situation"))]
    blocks.append(Bullets(tuple(plain(line) for line in result.situation.describe())))
    blocks += [Paragraph(plain(note)) for note in result.notes]
    blocks.append(Paragraph(plain(_("Order of the options: {order}.").format(order=_(ORDER)), "dim")))
    return blocks


def _numbers(result: SituationResult) -> dict[str, int]:
    return {r.id: i for i, r in enumerate(result.references, 1)}


def _ending(result: SituationResult) -> list[Block]:
    blocks: list[Block] = []
    if result.left_out:
        names = "; ".join(f"{t.name} ({why})" for t, why in result.left_out)
        blocks.append(Paragraph((Span(_("Not shown: "), "label"), Span(names + "."))))
    if result.references:
        blocks += [Heading(_("References")), reference_items(result.references)]
    reviewed = _("Knowledge base reviewed {date}.").format(date=result.last_reviewed.isoformat()) + " "
    blocks.append(Note(plain(reviewed + result.disclaimer.strip() + " " + _(NOTICE))))
    return blocks


def options_page(result: SituationResult) -> Document:
    """Every option in this situation, in the stated order, then the references and the disclaimer."""
    numbers = _numbers(result)
    blocks: list[Block] = [Heading(result.title, 1), *situation_blocks(result), *decision_blocks(result)]
    for o in result.options:
        blocks += list(option_section(o, numbers))
    cites = Citations(result.references)
    cites.numbers = dict(numbers)
    blocks += comfort_short(result, cites, every=True)
    return (*blocks, *_ending(result))


def handout_page(result: SituationResult, guides: Sequence[Guide]) -> Document:
    """A printable handout: the situation, the options that fit with their trials and numbers, the questions
    as a checklist with space for answers, the references, the review date and the disclaimer."""
    numbers = _numbers(result)
    blocks: list[Block] = [Heading(_("My visit: options and questions"), 1), *situation_blocks(result)]
    fitting = [o for o in result.options if o.status in ("usual", "possible")]
    others = [o for o in result.options if o not in fitting]
    blocks.append(Heading(_("Options that fit this situation")))
    for o in fitting:
        blocks += [
            Heading(o.treatment.name, 3),
            Paragraph((Span(_("In this situation: "), "label"), Span(o.status_text))),
        ]
        included = o.verdict("included")
        if included:
            blocks.append(Bullets(tuple(trial_item(f, numbers, o.treatment.id, result.situation) for f in included)))
        blocks += [Paragraph(plain(counts(o), "dim"))]
    if others:
        blocks.append(Heading(_("Options whose trials here left this situation out")))
        for o in others:
            blocks += [
                Heading(o.treatment.name, 3),
                Paragraph((Span(_("In this situation: "), "label"), Span(o.status_text))),
            ]
            if o.said:
                blocks.append(Paragraph(plain(_("What it says for this situation:"), "label")))
                blocks.append(Bullets(tuple(cited(text, numbers) for text in o.said)))
    treatments, ordered = ordered_questions(result, guides)
    blocks.append(Heading(_("Questions for my care team")))
    blocks.append(Paragraph(plain(_("Tick what was answered; write the answer in the space under each question."))))
    for t in treatments:
        if t.questions and any(o.treatment is t and (o in fitting or o.said) for o in result.options):
            blocks += [Heading(t.name, 3), Bullets(tuple(plain(q) for q in t.questions), checkbox=True)]
    for g in ordered:
        if g.questions:
            heading = Heading(_("General: {title}").format(title=g.title), 3)
            blocks += [heading, Bullets(tuple(plain(q) for q in g.questions), checkbox=True)]
    return (*blocks, *_ending(result))
