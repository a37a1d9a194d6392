"""The page of one treatment option: whole, in chosen sections (``show --section``), or its key points (``--brief``).

A citation number means the same reference in every view of one option: the numbers of the whole page.
A view that shows part of the page lists, under References, the references it cites, by those numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from mesocli.core.evidence import charted_studies
from mesocli.core.l10n import N_, _, number
from mesocli.core.models import EVIDENCE_LEVEL_MEANING, Treatment
from mesocli.core.studies import Study
from mesocli.pages.document import Block, Bullets, Document, Heading, Inline, Note, Paragraph, Span, Table, plain
from mesocli.pages.reading import FOOTER, UNRESECTABLE, cited, prose, reference_items, short_reference

Builder = Callable[[Treatment, dict[str, int]], list[Block]]


def _bullets(items: Sequence[str], n: dict[str, int]) -> list[Block]:
    return [Bullets(tuple(cited(item, n) for item in items))] if items else []


def _cite(n: dict[str, int], rid: str) -> Span:
    return Span(f" [{n.get(rid, '?')}]", "cite")


def _options(t: Treatment, n: dict[str, int]) -> list[Block]:
    items = [
        (Span(o.name, "strong"), Span(": "), *cited(o.summary + (" " + o.details if o.details else ""), n))
        for o in t.options
    ]
    return [Bullets(tuple(items))] if items else []


def _guidelines(t: Treatment, n: dict[str, int]) -> list[Block]:
    rows = [(Span(f"{g.guideline}: ", "label"), *cited(g.says, n), _cite(n, g.reference)) for g in t.guidelines]
    return [Bullets(tuple(rows))] if rows else []


def _studies(t: Treatment, n: dict[str, int]) -> list[Block]:
    from mesocli.pages.studies import study_item

    if not t.studies:
        return []
    blocks: list[Block] = []
    if any(s.population.disease == "unresectable" for s in t.studies):
        blocks.append(Paragraph(plain(_(UNRESECTABLE), "dim")))
    blocks.append(Bullets(tuple(study_item(s, n, t.id) for s in t.studies)))
    return blocks


def _approvals(t: Treatment, n: dict[str, int]) -> list[Block]:
    items = [
        (
            Span(f"{a.agency}{f' ({a.region.upper()})' if a.region else ''}, {a.date.isoformat()}: ", "label"),
            *cited(a.what, n),
            _cite(n, a.reference),
        )
        for a in t.approvals
    ]
    return [Bullets(tuple(items))] if items else []


def _references(t: Treatment, n: dict[str, int]) -> list[Block]:
    return [reference_items(t.references)] if t.references else []


#: The sections of an option's page, in page order: name for --section -> (heading, what it holds).
SECTIONS: dict[str, tuple[str, Builder]] = {
    "overview": (N_("Overview"), lambda t, n: list(prose(t.overview, n))),
    "how": (N_("How it works"), lambda t, n: list(prose(t.how_it_works, n))),
    "candidates": (N_("Who it is for"), lambda t, n: list(prose(t.candidates, n))),
    "expect": (N_("What to expect"), lambda t, n: list(prose(t.what_to_expect, n))),
    "benefits": (N_("Benefits"), lambda t, n: _bullets(t.benefits, n)),
    "risks": (N_("Risks and side effects"), lambda t, n: _bullets(t.risks, n)),
    "options": (N_("Options"), _options),
    "guidelines": (N_("What guidelines say"), _guidelines),
    "evidence": (N_("Key studies"), _studies),
    "approvals": (N_("Approvals"), _approvals),
    "questions": (N_("Questions to ask your care team"), lambda t, n: _bullets(t.questions, n)),
    "references": (N_("References"), _references),
}


def numbers(t: Treatment) -> dict[str, int]:
    """Each reference's number on the option's whole page."""
    return {ref.id: i for i, ref in enumerate(t.references, 1)}


def _section(t: Treatment, n: dict[str, int], name: str) -> list[Block]:
    title, build = SECTIONS[name]
    body = build(t, n)
    return [Heading(_(title)), *body] if body else []


def _level(t: Treatment, why: bool = True) -> str:
    level = f"{_(t.evidence_level)} ({_(EVIDENCE_LEVEL_MEANING[t.evidence_level])})"
    return level + (f". {t.evidence_rationale}" if t.evidence_rationale and why else "")


def _closing(t: Treatment, disclaimer: str) -> list[Block]:
    return [
        Paragraph((Span(_("Last reviewed: "), "label"), Span(t.last_reviewed.isoformat()))),
        Note(plain(disclaimer)),
    ]


def treatment_page(t: Treatment, disclaimer: str = FOOTER, sections: Sequence[str] = ()) -> Document:
    """Everything about one treatment option, in the order a reader asks about it; or only ``sections``."""
    n = numbers(t)
    if sections:
        return _sections_page(t, n, list(dict.fromkeys(sections)), disclaimer)
    blocks: list[Block] = [
        Heading(t.name, 1),
        Paragraph(cited(t.summary, n)),
        Paragraph(
            (Span(_("Category: "), "label"), Span(_(t.category)), Span(_("   Evidence: "), "label"), Span(_level(t)))
        ),
    ]
    if t.goals or t.mesothelioma_types:
        goals = ", ".join(_(g) for g in t.goals) or "-"
        types = ", ".join(_(m) for m in t.mesothelioma_types) or "-"
        blocks.append(
            Paragraph((Span(_("Goals: "), "label"), Span(goals), Span(_("   Types: "), "label"), Span(types)))
        )
    for name in SECTIONS:
        if name == "references" and t.related:
            blocks += [Heading(_("Related")), Paragraph(plain(", ".join(t.related)))]
        blocks += _section(t, n, name)
    return (*blocks, *_closing(t, disclaimer))


_NUMBER = re.compile(r"\[(\d+)\]")


def cited_numbers(blocks: Iterable[Block]) -> list[int]:
    """The reference numbers the blocks cite, in order."""
    found: dict[int, None] = {}

    def visit(inline: Inline) -> None:
        for span in inline:
            if span.style == "cite":
                found.update((int(m), None) for m in _NUMBER.findall(span.text))

    for block in blocks:
        if isinstance(block, (Paragraph, Note)):
            visit(block.inline)
        elif isinstance(block, Bullets):
            for item in block.items:
                visit(item)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    visit(cell)
    return sorted(found)


def cited_references(t: Treatment, blocks: Sequence[Block], short: bool = False) -> list[Block]:
    """A References section of what ``blocks`` cite, numbered as on the whole page (``short``: a line each)."""
    used = [i for i in cited_numbers(blocks) if 0 < i <= len(t.references)]
    if not used:
        return []
    cited_refs = [t.references[i - 1] for i in used]
    if short:
        items = Bullets(tuple(short_reference(r) for r in cited_refs), numbered=True, numbers=tuple(used))
    else:
        items = reference_items(cited_refs)._replace(numbers=tuple(used))
    return [Heading(_("References")), items]


def _sections_page(t: Treatment, n: dict[str, int], chosen: list[str], disclaimer: str) -> Document:
    blocks: list[Block] = [Heading(t.name, 1)]
    for name in chosen:
        body = _section(t, n, name)
        blocks += body or [Heading(_(SECTIONS[name][0])), Paragraph(plain(_("(nothing in this section)"), "dim"))]
    if "references" not in chosen:
        blocks += cited_references(t, blocks)
    return (*blocks, *_closing(t, disclaimer))


#: The key points show at most this many benefits and risks, within about this many characters of each
#: (two lines at 100 columns), and this many studies: with the references they cite, one line each, and a
#: one-line notice, the brief page keeps within 30 lines at 100 columns.
BRIEF_ITEMS = 2
BRIEF_CHARACTERS = 240
BRIEF_STUDIES = 1


def first_items(items: Sequence[str], english: Sequence[str] | None = None) -> list[str]:
    """The first item, and the next ones while they keep within ``BRIEF_CHARACTERS``.

    The choice is made on ``english`` (the same list in English) where given, so that every language shows the
    same points: a translation longer or shorter than its English must not add or drop one."""
    chosen: list[str] = []
    measured = english if english is not None and len(english) == len(items) else items
    for item in measured[:BRIEF_ITEMS]:
        if chosen and sum(len(i) for i in [*chosen, item]) > BRIEF_CHARACTERS:
            break
        chosen.append(item)
    return list(items[: len(chosen)])


def study_line(study: Study, n: dict[str, int]) -> Inline:
    """A study on one line: its name and year, median survival of each arm, the hazard ratio, its source."""
    arms = _(" vs ").join(number(a.median_os_months) for a in study.arms if a.median_os_months is not None)
    hr = study.comparison.os_hr if study.comparison else None
    text = _("{study}: median survival {months} months").format(study=study.label, months=arms)
    if hr is not None:
        text += ", " + _("hazard ratio {hr}").format(hr=number(hr, 2))
    return (Span(text), _cite(n, study.reference))


def brief_page(t: Treatment, disclaimer: str = FOOTER, english: Treatment | None = None) -> Document:
    """The key points of an option (like PDQ's "Key Points"): about 30 lines, the references they cite (one
    short line each), and where to read more.

    In a translated edition, ``english`` is the same option in English: the points are chosen by their position
    in the English, then shown in translation."""
    source = english or t
    n = numbers(t)
    blocks: list[Block] = [
        Heading(t.name, 1),
        Paragraph(cited(t.summary, n)),
        Paragraph((Span(_("Evidence: "), "label"), *cited(_level(t, why=False), n))),
    ]
    may_do, costs = first_items(t.benefits, source.benefits), first_items(t.risks, source.risks)
    blocks += [Heading(_("What it may do")), *_bullets(may_do, n)] if t.benefits else []
    blocks += [Heading(_("What it costs")), *_bullets(costs, n)] if t.risks else []
    studies = charted_studies(t.studies)[:BRIEF_STUDIES]
    if studies:
        blocks += [Heading(_("Key studies")), Bullets(tuple(study_line(s, n) for s in studies))]
    more = _("More: `--section questions` ({questions}), `--section evidence` ({studies}); all: `mesocli show {id}`.")
    more = more.format(id=t.id, questions=len(t.questions), studies=len(t.studies))
    blocks += cited_references(t, blocks, short=True)
    blocks += [Paragraph(plain(more, "dim")), Note(plain(_(disclaimer)))]
    return tuple(blocks)
