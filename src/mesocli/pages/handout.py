"""The handout for the visit: a few printed pages a family can take to the care team.

In order: the situation, the decision and its choices, each chosen option in the short format with its key
trial results as people out of 100 (drawn as rows of 100 squares, said in words too), what matters to me
(the answers, or a blank exercise to fill in by pen), at most 15 questions chosen for the situation, space for
notes, the references cited (numbered in order of first use), and how this was made. ``--full`` gives the long
version (``pages.situation.handout_page``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mesocli.core.disclosure import HEADING as MADE_HEADING
from mesocli.core.disclosure import disclosure
from mesocli.core.l10n import N_, _
from mesocli.core.models import Guide, Treatment
from mesocli.core.situation import region_label
from mesocli.core.values import HEADING as VALUES_HEADING
from mesocli.core.values import NEVER_RANKS, SCALE, Values
from mesocli.pages.choice import (
    Citations,
    comfort_short,
    decision_blocks,
    known_references,
    option_short,
    short_references,
)
from mesocli.pages.document import Block, Bullets, Document, Heading, Note, Paragraph, Span, plain
from mesocli.query.decision import COMFORT_ID
from mesocli.query.situation import NOTICE, OptionFit, SituationResult

MAX_QUESTIONS = 15
#: Guide questions that ask about the decision itself, asked first: (guide id, question index).
GENERAL = (("personalised-plan", 0), ("personalised-plan", 2), ("prognosis", 3))
#: Questions about what the situation already says, as (situation field, pattern on the English question).
ANSWERED = (
    ("histology", re.compile(r"epithelioid, sarcomatoid or biphasic|which tissue type", re.IGNORECASE)),
    ("histology", re.compile(r"what is my performance status and my cell type", re.IGNORECASE)),
)
#: Questions about another site than the person's: (site they are about, pattern on the English question).
OTHER_SITE = (("peritoneal", re.compile(r"peritoneal|HIPEC", re.IGNORECASE)),)
NOTES = N_("Notes")
QUESTIONS = N_("Questions to ask")
TICK = N_("Tick what was answered; write the answer beside it or under Notes.")
TITLE = N_("My visit: options and questions")


def default_options(result: SituationResult) -> list[str]:
    """The decision's choices that fit or may fit the situation (the comfort choice among them)."""
    fitting = {o.treatment.id for o in result.options if o.status in ("usual", "possible")}
    choices = [cid for cid, _name in result.decision.choices] if result.decision else sorted(fitting)
    return [cid for cid in choices if cid in fitting or cid == COMFORT_ID]


def _answered(text: str, result: SituationResult) -> bool:
    person = result.situation
    if any(getattr(person, field) is not None and p.search(text) for field, p in ANSWERED):
        return True
    return person.site is not None and any(person.site != site and p.search(text) for site, p in OTHER_SITE)


def choose_questions(
    result: SituationResult,
    chosen: Sequence[str],
    guides: Sequence[Guide],
    english: Sequence[Treatment | Guide] = (),
) -> list[str]:
    """At most 15 questions for the chosen options: the general ones about the decision first, then one from
    each option in turn, leaving out any about what the situation already says or about another site.

    Each question is judged on its English words (``english``: the English entries, when the page is in
    another language); the page's own words are printed."""
    by_id = {o.treatment.id: o.treatment for o in result.options}
    if COMFORT_ID in chosen and "palliative-care" in by_id:
        chosen = [c if c != COMFORT_ID else "palliative-care" for c in chosen]
    source = {getattr(e, "id", ""): e for e in english}

    def pool(entry: Treatment | Guide) -> list[str]:
        words = source.get(entry.id, entry)
        return [q for q, e in zip(entry.questions, words.questions, strict=False) if not _answered(e, result)]

    guide = {g.id: g for g in guides}
    picked = [guide[g].questions[i] for g, i in GENERAL if g in guide and i < len(guide[g].questions)]
    picked = [q for q in picked if q in pool(next(g for g in guides if q in g.questions))]
    lists = [pool(by_id[c]) for c in chosen if c in by_id]
    for depth in range(max((len(x) for x in lists), default=0)):
        picked += [x[depth] for x in lists if depth < len(x)]
    return list(dict.fromkeys(picked))[:MAX_QUESTIONS]


def option_blocks(o: OptionFit, cites: Citations) -> list[Block]:
    """One option as on the short page, each key trial's figures drawn as rows of 100 and said in words, and
    the approvals in the region with what they cover."""
    parts = option_short(o, cites, level=3, drawn=True)
    blocks = [next(parts), next(parts)]  # the heading and the list of points, citations numbered in page order
    if o.situation.region and o.approvals:
        items = tuple(
            (Span(f"{a.agency}, {a.date.isoformat()}: ", "label"), *cites.text(a.what), cites.span(a.reference))
            for a in o.approvals
        )
        where = _("Approvals in region {region}:").format(region=region_label(o.situation.region))
        blocks += [Paragraph(plain(where, "label")), Bullets(items)]
    return blocks + list(parts)


def values_blocks(values: Values | None) -> list[Block]:
    """What matters to me: each statement with its answer, or with 0 to 4 to circle by pen."""
    answered = values is not None and not values.empty
    shown = (values or Values()).answers()
    items = tuple(
        (Span(statement + " "), Span(f"{answer}/4" if answer is not None else "0  1  2  3  4", "label"))
        for _key, statement, answer in shown
    )
    lead = _(SCALE) if answered else _("Circle one number for each: {scale}.").format(scale=_(SCALE))
    return [Heading(_(VALUES_HEADING)), Paragraph(plain(lead + " " + _(NEVER_RANKS))), Bullets(items)]


def made_blocks(result: SituationResult) -> list[Block]:
    """How this was made: who wrote it, funding, conflicts, review, the date of the evidence."""
    lines = disclosure(result.last_reviewed).lines()
    spans = [s for label, text in lines for s in (Span(label + ": ", "label"), Span(text.rstrip(".") + ". "))]
    return [Heading(_(MADE_HEADING)), Paragraph(tuple(spans))]


def handout_short(
    result: SituationResult,
    guides: Sequence[Guide],
    chosen: Sequence[str] | None = None,
    english: Sequence[Treatment | Guide] = (),
) -> Document:
    """The handout: at most a few printed pages for the chosen options (default: the choices that fit)."""
    chosen = list(chosen) if chosen else default_options(result)
    cites = Citations(known_references(result))
    blocks: list[Block] = [Heading(_(TITLE), 1), Paragraph(plain(_(NOTICE), "strong"))]
    blocks += [Heading(_("The situation")), Paragraph(plain("; ".join(result.situation.describe()) + "."))]
    blocks += [Paragraph(plain(note)) for note in result.notes]
    blocks += decision_blocks(result)
    blocks.append(Heading(_("The options")))
    for o in result.options:
        if o.treatment.id in chosen:
            blocks += option_blocks(o, cites)
    if COMFORT_ID in chosen:
        blocks += comfort_short(result, cites, level=3)
    blocks += values_blocks(result.situation.values)
    questions = choose_questions(result, chosen, guides, english)
    asked = Bullets(tuple(plain(q) for q in questions), checkbox=True)
    blocks += [Heading(_(QUESTIONS)), Paragraph(plain(_(TICK))), asked]
    blocks += [Heading(_(NOTES)), Paragraph(plain("", "notes"))]
    if cites.numbers:
        blocks += [Heading(_("References")), short_references(cites.listed())]
    blocks += made_blocks(result)
    blocks.append(Note(plain(result.disclaimer.strip())))
    return tuple(blocks)
