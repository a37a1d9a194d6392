"""Build the documents the CLI shows, from the models. Pure: no printing, no Rich."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mesocli.core.l10n import N_, _, lang_fold, number
from mesocli.core.models import CITATION, Guide, Reference, Term, Treatment, TreatmentRow
from mesocli.core.studies import Study
from mesocli.pages.document import Block, Bullets, Document, Heading, Inline, Note, Paragraph, Span, Table, plain

if TYPE_CHECKING:
    from mesocli.kb import KnowledgeBase
    from mesocli.query.search import SearchHit

FOOTER = N_("Information, not medical advice: use it to prepare questions for your care team.")
#: Said wherever trials of unresectable disease are shown: they are not trials of stage IV alone.
UNRESECTABLE = N_(
    "Most of these trials enrolled people with unresectable mesothelioma (cancer that surgery cannot remove), "
    "not only people with stage IV disease; ask how the results apply to you."
)


def cited(text: str, numbers: dict[str, int] | None) -> Inline:
    """Text with each ``[@id]`` marker turned into a numbered citation like ``[2]``.

    With ``numbers`` None (pages that mix entries, such as ``compare``), a marker shows its
    reference id instead, like ``[vogelzang2003]``, which ``mesocli sources`` lists.
    """
    spans: list[Span] = []
    position = 0
    for match in CITATION.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position : match.start()].rstrip(" ") + " "))
        if numbers is None:
            spans.append(Span(f"[{match.group(1)}]", "cite"))
        else:
            number = numbers.get(match.group(1))
            spans.append(Span(f"[{number}]" if number else "[?]", "cite"))
        position = match.end()
    spans.append(Span(text[position:]))
    merged = tuple(s for s in spans if s.text)
    return merged or (Span(""),)


def chunks(text: str) -> Iterator[tuple[str, list[str]]]:
    """A text field read as blocks: ("p", [paragraph]) and ("li", [item, ...]) in order; blank lines split
    paragraphs, ``- `` starts a list item, and a wrapped line continues the item above it."""
    for chunk in text.strip().split("\n\n"):
        paragraph: list[str] = []
        items: list[list[str]] = []
        for line in (raw.strip() for raw in chunk.splitlines()):
            if line.startswith("- "):
                items.append([line[2:].strip()])
            elif items:
                items[-1].append(line)
            elif line:
                paragraph.append(line)
        if paragraph:
            yield "p", [" ".join(paragraph)]
        if items:
            yield "li", [" ".join(item) for item in items]


def prose(text: str, numbers: dict[str, int]) -> Iterator[Block]:
    """Paragraphs and ``- `` bullet lists of a text field."""
    for kind, texts in chunks(text):
        if kind == "p":
            yield Paragraph(cited(texts[0], numbers))
        else:
            yield Bullets(tuple(cited(item, numbers) for item in texts))


def _numbers(references: Sequence[Reference]) -> dict[str, int]:
    return {ref.id: i for i, ref in enumerate(references, 1)}


def reference_items(references: Sequence[Reference]) -> Bullets:
    items = []
    for ref in references:
        spans = [Span(ref.citation)]
        ids = [f"PMID {ref.pmid}" if ref.pmid else "", f"doi:{ref.doi}" if ref.doi else ""]
        label = "; ".join(i for i in ids if i)
        if label:
            spans.append(Span(f" {label}.", "dim"))
        if ref.link:
            spans.append(Span(" "))
            spans.append(Span(ref.link, "dim", link=ref.link))
        items.append(tuple(spans))
    return Bullets(tuple(items), numbered=True)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A short reference names at most this many characters of its first author or organisation.
SHORT_AUTHOR = 40


def short_reference(ref: Reference) -> Inline:
    """A reference in one short line: its first author (or organisation), year and one way to find it."""
    first, _sep, rest = ref.citation.partition(". ")
    author = first.split(",")[0].strip()
    if len(author) > SHORT_AUTHOR:
        author = author[:SHORT_AUTHOR].rsplit(" ", 1)[0] + "…"
    author += " et al." if "," in first else ""
    year = _YEAR.search(rest) or _YEAR.search(first)
    spans = [Span(f"{author}, {year.group()}." if year else f"{author}.")]
    host = urlsplit(ref.url).hostname if ref.url else None  # the whole URL is a link, and under --section
    found = f"PMID {ref.pmid}" if ref.pmid else f"doi:{ref.doi}" if ref.doi else host and host.removeprefix("www.")
    if found:
        spans += [Span(" "), Span(found, "dim", link=ref.link)]  # Markdown writes the link itself
    return tuple(spans)


def _section(title: str, blocks: Iterable[Block]) -> list[Block]:
    body = list(blocks)
    return [Heading(title), *body] if body else []


def _bullets(items: Sequence[str], numbers: dict[str, int]) -> list[Block]:
    return [Bullets(tuple(cited(item, numbers) for item in items))] if items else []


def list_page(treatments: Sequence[TreatmentRow], title: str) -> Document:
    rows = tuple(
        (plain(t.name, "strong"), plain(_(t.category)), plain(_(t.evidence_level)), plain(t.summary))
        for t in treatments
    )
    return (Heading(title, 1), Table((_("Name"), _("Category"), _("Evidence"), _("Summary")), rows, (1, 0, 0, 3)))


#: The names of the searched fields that are not headings elsewhere, for the labels of search matches.
FIELD_LABELS = (N_("costs"), N_("comfort choice"), N_("may do"), N_("harms"), N_("details"), N_("says"), N_("what"))


def search_page(query: str, hits: Sequence[SearchHit]) -> Document:
    blocks: list[Block] = [Heading(_("Search: {query}").format(query=query), 1)]
    for rank, hit in enumerate(hits, 1):
        blocks.append(Heading(f"{rank}. {hit.name}  ({_(hit.kind)}: {hit.id}, {_('score')} {number(hit.score)})", 3))
        items = []
        for match in hit.matches:
            spans: list[Span] = [Span(f"{_(match.field.replace('_', ' '))}: ", "label")]
            cursor = 0
            for start, end in match.highlights:
                spans.append(Span(match.snippet[cursor:start]))
                spans.append(Span(match.snippet[start:end], "match"))
                cursor = end
            spans.append(Span(match.snippet[cursor:]))
            items.append(tuple(s for s in spans if s.text))
        if items:
            blocks.append(Bullets(tuple(items)))
        blocks.append(Paragraph((Span("→ "), Span(open_command(hit.kind, hit.id), "strong"))))
    return tuple(blocks)


#: The command that opens a search hit of each kind.
OPENED_BY = {"treatment": "show", "guide": "guide", "term": "glossary"}


def open_command(kind: str, entry_id: str) -> str:
    """The command that opens one entry: ``mesocli show supportive-care``, ``mesocli guide staging``."""
    return f"mesocli {OPENED_BY[kind]} {entry_id}"


def guide_list_page(guides: Sequence[Guide]) -> Document:
    rows = tuple((plain(g.id, "strong"), plain(g.title), plain(g.summary)) for g in guides)
    return (Heading(_("Guide topics"), 1), Table((_("Topic"), _("Title"), _("Summary")), rows, (0, 2, 3)))


def guide_page(g: Guide, disclaimer: str = FOOTER) -> Document:
    n = _numbers(g.references)
    blocks: list[Block] = [Heading(g.title, 1), Paragraph(cited(g.summary, n)), *prose(g.body, n)]
    blocks += _section(_("Questions to ask your care team"), _bullets(g.questions, n))
    if g.related:
        blocks += [Heading(_("Related")), Paragraph(plain(", ".join(g.related)))]
    blocks += _section(_("References"), [reference_items(g.references)] if g.references else [])
    blocks.append(Paragraph((Span(_("Last reviewed: "), "label"), Span(g.last_reviewed.isoformat()))))
    blocks.append(Note(plain(disclaimer)))
    return tuple(blocks)


def uncited(text: str) -> str:
    """Text without its ``[@id]`` markers (a list that shows each entry's sources on its own page)."""
    return " ".join(CITATION.sub("", text).split()).replace(" .", ".").replace(" ,", ",")


def sort_key(text: str) -> str:
    """Alphabetical order for readers: case and accents folded (``é`` with ``e``), Turkish ``ı`` with ``i``."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", lang_fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def glossary_list_page(terms: Sequence[Term]) -> Document:
    """The terms in alphabetical order; each term's sources are on its own page (``glossary TERM``)."""
    ordered = sorted(terms, key=lambda t: (sort_key(t.term), t.term))
    rows = tuple((plain(t.term, "strong"), plain(uncited(t.definition))) for t in ordered)
    return (
        Heading(_("Glossary"), 1),
        Table((_("Term"), _("Definition")), rows, (1, 4)),
        Paragraph(plain(_("`mesocli glossary TERM` shows one term with its sources."), "dim")),
    )


def term_page(t: Term) -> Document:
    n = _numbers(t.references)
    blocks: list[Block] = [Heading(t.term, 1)]
    if t.aliases:
        blocks.append(Paragraph((Span(_("Also called: "), "label"), Span(", ".join(t.aliases)))))
    blocks += list(prose(t.definition, n))
    if t.related:
        blocks += [Heading(_("Related")), Paragraph(plain(", ".join(t.related)))]
    blocks += _section(_("References"), [reference_items(t.references)] if t.references else [])
    return tuple(blocks)


def knowledge_base_page(kb: KnowledgeBase) -> Document:
    """An overview of a whole knowledge base: options, guide topics, glossary size, disclaimer."""
    blocks: list[Block] = [
        Heading(kb.title, 1),
        Paragraph((Span("Version ", "label"), Span(f"{kb.version}, reviewed {kb.last_reviewed.isoformat()}"))),
        *list_page(kb.list_rows(), "Treatment options")[1:],
    ]
    if kb.guides:
        blocks += [Heading(_("Guide topics")), Bullets(tuple(plain(f"{g.id}: {g.title}") for g in kb.guides))]
    if kb.glossary:
        blocks += [Paragraph(plain(f"Glossary: {len(kb.glossary)} terms (kb.term(name), mesocli glossary)."))]
    blocks.append(Note(plain(kb.disclaimer)))
    return tuple(blocks)


def page_of(obj: object) -> Document:
    """The page that displays ``obj`` (a treatment, guide topic, term, search results or knowledge base)."""
    from mesocli.kb import KnowledgeBase
    from mesocli.query.search import SearchResults

    if isinstance(obj, Treatment):
        from mesocli.pages.option import treatment_page

        return treatment_page(obj)
    if isinstance(obj, Guide):
        return guide_page(obj)
    if isinstance(obj, Term):
        return term_page(obj)
    if isinstance(obj, Study):
        from mesocli.pages.studies import study_page

        return study_page(obj, ())
    if isinstance(obj, SearchResults):
        return search_page(obj.query, obj)
    if isinstance(obj, KnowledgeBase):
        return knowledge_base_page(obj)
    raise TypeError(f"no page for {type(obj).__name__}")
