"""Pages for preparing a visit: compare options, a questions checklist, the evidence chart, the sources.

Pure like ``pages``: models in, documents out. Figures come from the knowledge base, never from code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mesocli.core.evidence import charted_studies
from mesocli.core.l10n import _, ngettext, number
from mesocli.core.models import CITATION, EVIDENCE_LEVEL_MEANING, Guide, Reference, Term, Treatment
from mesocli.core.studies import Study
from mesocli.pages.document import (
    Bar,
    Bars,
    Block,
    Bullets,
    Document,
    Heading,
    Inline,
    Note,
    Paragraph,
    Span,
    Table,
    plain,
)
from mesocli.pages.reading import FOOTER, UNRESECTABLE, chunks, cited, reference_items


def key_numbers(t: Treatment) -> list[str]:
    """One line per study of this option with per-arm survival: arms, months, hazard ratio, reference marker."""
    lines = []
    for study in charted_studies(t.studies):
        arms = _(" vs ").join(
            _("{n} mo ({arm})").format(n=number(a.median_os_months), arm=a.name)
            for a in study.arms
            if a.median_os_months is not None
        )
        hr = study.comparison.os_hr if study.comparison else None
        ratio = f", HR {number(hr, 2)}" if hr is not None else ""
        text = _("{study}: median survival {arms}").format(study=study.label, arms=arms)
        lines.append(f"{text}{ratio} [@{study.reference}]")
    return lines


#: A piece of a compare cell: ("p", paragraph) or ("li", list item), text with [@id] markers.
Piece = tuple[str, str]


def pieces(text: str) -> list[Piece]:
    """A text field as paragraphs and list items, whole (as ``pages.reading.prose`` reads it)."""
    return [(kind, piece) for kind, texts in chunks(text) for piece in texts]


def _first(items: Sequence[str], most: int, t: Treatment) -> list[Piece]:
    shown: list[Piece] = [("li", item) for item in items[:most]]
    if len(items) > most:
        more = _("({count} more: see `mesocli show {id}`)").format(count=len(items) - most, id=t.id)
        shown.append(("p", more))
    return shown


def compare_rows(treatments: Sequence[Treatment], most: int = 3) -> list[tuple[str, bool, list[list[Piece]]]]:
    """(aspect, whether it is one short line, the pieces of each treatment's cell) for everything compare shows."""

    def short(values: Sequence[str]) -> list[list[Piece]]:
        return [[("p", v)] for v in values]

    return [
        (_("Category"), True, short([_(t.category) for t in treatments])),
        (_("Goals"), True, short([", ".join(_(g) for g in t.goals) for t in treatments])),
        (
            _("Evidence level"),
            True,
            short([f"{_(t.evidence_level)}: {_(EVIDENCE_LEVEL_MEANING[t.evidence_level])}" for t in treatments]),
        ),
        (_("Types"), True, short([", ".join(_(m) for m in t.mesothelioma_types) for t in treatments])),
        (_("Who it is for"), False, [pieces(t.candidates) for t in treatments]),
        (_("What to expect"), False, [pieces(t.what_to_expect) for t in treatments]),
        (_("Main benefits"), False, [_first(t.benefits, most, t) for t in treatments]),
        (_("Main risks"), False, [_first(t.risks, most, t) for t in treatments]),
        (
            _("Key numbers"),
            False,
            [[("li", k) for k in key_numbers(t)] or [("p", _("(no per-arm survival figures)"))] for t in treatments],
        ),
    ]


def first_cited(texts: Sequence[str], references: Sequence[Reference]) -> dict[str, int]:
    """Numbers for the references, in the order the texts first cite them."""
    known = {r.id for r in references}
    numbers: dict[str, int] = {}
    for text in texts:
        for match in CITATION.finditer(text):
            if match.group(1) in known and match.group(1) not in numbers:
                numbers[match.group(1)] = len(numbers) + 1
    return numbers


def _cell(parts: list[Piece], n: dict[str, int]) -> Inline:
    """Pieces as one table cell: a line each, list items with a bullet."""
    spans: list[Span] = []
    for i, (kind, text) in enumerate(parts):
        spans += [Span("\n")] if i else []
        spans += [Span("• ")] if kind == "li" else []
        spans += cited(text, n)
    return tuple(spans) or plain("")


def _blocks(parts: list[Piece], n: dict[str, int]) -> list[Block]:
    """Pieces as paragraphs and lists."""
    blocks: list[Block] = []
    for kind, text in parts:
        if kind == "li" and blocks and isinstance(blocks[-1], Bullets):
            blocks[-1] = Bullets((*blocks[-1].items, cited(text, n)))
        else:
            blocks.append(Bullets((cited(text, n),)) if kind == "li" else Paragraph(cited(text, n)))
    return blocks


def compare_page(treatments: Sequence[Treatment], as_table: bool, disclaimer: str = FOOTER) -> Document:
    """Options side by side: a table (rich, Markdown) or one section per aspect (plain), then the references."""
    title = _(" vs ").join(t.name for t in treatments)
    blocks: list[Block] = [Heading(_("Compare: {title}").format(title=title), 1)]
    rows = compare_rows(treatments)
    references = list({r.id: r for t in treatments for r in t.references}.values())
    n = first_cited([text for _a, _s, cells in rows for cell in cells for _k, text in cell], references)
    if as_table:
        headers = ("", *(t.name for t in treatments))
        weights = (1, *(3 for _ in treatments))
        body = tuple((plain(aspect, "label"), *(_cell(c, n) for c in cells)) for aspect, _s, cells in rows)
        blocks.append(Table(headers, body, weights, transposed=True))
    else:
        for aspect, is_short, cells in rows:
            blocks.append(Heading(aspect))
            if is_short:
                items = tuple(
                    (Span(f"{t.name}: ", "label"), *_cell(c, n)) for t, c in zip(treatments, cells, strict=True)
                )
                blocks.append(Bullets(items))
                continue
            for t, c in zip(treatments, cells, strict=True):
                blocks += [Heading(t.name, 3), *_blocks(c, n)]
    by_number = sorted(n, key=n.__getitem__)
    chosen = {r.id: r for r in references}
    if by_number:
        blocks += [Heading(_("References")), reference_items([chosen[rid] for rid in by_number])]
    blocks.append(Note(plain(disclaimer)))
    return tuple(blocks)


def questions_page(treatments: Sequence[Treatment], guides: Sequence[Guide], title: str) -> Document:
    """A printable checklist of questions for the care team, grouped by option, then general ones."""
    blocks: list[Block] = [
        Heading(title, 1),
        Paragraph(plain(_("Tick what was answered; write the answers beside each question."))),
    ]
    for t in treatments:
        if t.questions:
            blocks += [Heading(t.name), Bullets(tuple(plain(q) for q in t.questions), checkbox=True)]
    general = [g for g in guides if g.questions]
    if general:
        blocks.append(Heading(_("General questions")))
        for g in general:
            blocks += [Heading(g.title, 3), Bullets(tuple(plain(q) for q in g.questions), checkbox=True)]
    blocks.append(Note(plain(_(FOOTER))))
    return tuple(blocks)


def questions_data(treatments: Sequence[Treatment], guides: Sequence[Guide]) -> dict[str, Any]:
    return {
        "options": [{"id": t.id, "name": t.name, "questions": list(t.questions)} for t in treatments],
        "general": [{"id": g.id, "title": g.title, "questions": list(g.questions)} for g in guides if g.questions],
    }


def evidence_page(studies: Sequence[Study], title: str, references: Sequence[Reference] = ()) -> Document:
    """One bar per trial arm, scaled by median overall survival, with hazard ratio, population and reference."""
    from mesocli.core.evidence import population_text, roles

    pmids = {r.id: r.pmid for r in references if r.pmid}
    bars = []
    for study in charted_studies(studies):
        hr = study.comparison.os_hr if study.comparison else None
        source = f"{f'HR {number(hr, 2)}, ' if hr is not None else ''}{study.reference}"
        source += f" (PMID {pmids[study.reference]})" if study.reference in pmids else ""
        other = "" if study.mesothelioma else "; " + _("NOT mesothelioma: {cancer}").format(cancer=study.cancer)
        who = population_text(study.population) + other
        group = f"{study.label}: {who}"
        charted = [(a, r) for a, r in zip(study.arms, roles(study), strict=True) if a.median_os_months is not None]
        for i, (arm, role) in enumerate(charted):
            label = arm.name + (_(" (comparator)") if role == "comparator" else "")
            bars.append(Bar(group, label, arm.median_os_months or 0.0, source if i == 0 else ""))
    blocks: list[Block] = [
        Heading(title, 1),
        Paragraph(
            plain(
                _(
                    "Median overall survival by trial arm, in months. Bars compare arms within a trial; "
                    "trials differ in who took part, so bars from different trials are not comparable."
                )
            )
        ),
    ]
    blocks.append(Bars(tuple(bars), _("months")) if bars else Paragraph(plain(_("No per-arm survival figures."))))
    if any(s.population.disease == "unresectable" for s in charted_studies(studies)):
        blocks.append(Paragraph(plain(_(UNRESECTABLE), "dim")))
    blocks.append(
        Paragraph(
            plain(
                _(
                    "HR: hazard ratio for death, new treatment vs comparator; below 1 favours the "
                    "new treatment. `mesocli sources` lists the references."
                ),
                "dim",
            )
        )
    )
    blocks.append(Note(plain(_(FOOTER))))
    return tuple(blocks)


def source_list(entries: Sequence[Treatment | Guide | Term]) -> list[tuple[Reference, list[str]]]:
    """Every reference once (same DOI, PMID or URL = same source), with the ids of the entries citing it."""
    found: dict[str, tuple[Reference, list[str]]] = {}
    for entry in entries:
        for ref in entry.references:
            key = (ref.doi or "").lower() or ref.pmid or ref.url or ref.id
            _first, citing = found.setdefault(key, (ref, []))
            if entry.id not in citing:
                citing.append(entry.id)
    return sorted(found.values(), key=lambda pair: pair[0].citation.casefold())


def find_source(sources: list[tuple[Reference, list[str]]], name: str) -> tuple[Reference, list[str]]:
    """The source whose id, PMID or DOI is ``name`` (any case); raises NotFoundError with close ids."""
    import difflib

    from mesocli.core.errors import NotFoundError

    key = name.strip().casefold().removeprefix("doi:").removeprefix("pmid").strip(" :[]@")
    for source in sources:
        ref = source[0]
        if key in {ref.id.casefold(), (ref.pmid or "").casefold(), (ref.doi or "").casefold()} - {""}:
            return source
    ids = [ref.id for ref, _ in sources]
    close = difflib.get_close_matches(key, [i.casefold() for i in ids], n=3, cutoff=0.6)
    return_ids = tuple(i for c in close for i in ids if i.casefold() == c)
    raise NotFoundError(name, "reference", return_ids)


def sources_page(sources: list[tuple[Reference, list[str]]], title: str) -> Document:
    items = reference_items([ref for ref, _ in sources]).items
    cited_by = tuple(
        (Span(f"[{ref.id}] ", "cite"), *item, Span(_(" Cited by: "), "label"), Span(", ".join(citing)))
        for item, (ref, citing) in zip(items, sources, strict=True)
    )
    count = ngettext("{n} source.", "{n} sources.", len(sources)).format(n=number(len(sources)))
    return (Heading(title, 1), Paragraph(plain(count)), Bullets(cited_by, numbered=True))


def sources_data(sources: list[tuple[Reference, list[str]]]) -> list[dict[str, Any]]:
    return [
        {
            "id": ref.id,
            "citation": ref.citation,
            "pmid": ref.pmid,
            "doi": ref.doi,
            "url": ref.url,
            "link": ref.link,
            "cited_by": citing,
        }
        for ref, citing in sources
    ]
