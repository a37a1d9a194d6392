"""Render documents as self-contained HTML fragments, for Jupyter (no Rich, no Typer).

Every piece of text is escaped; the only links are the https URLs the pages build from references.
"""

from __future__ import annotations

from html import escape

from mesocli.core.escape import web_url
from mesocli.core.l10n import number
from mesocli.pages.document import Bars, Block, Bullets, Document, Heading, Icons, Inline, Note, Paragraph, Table

_CSS = (
    "<style>"
    ".mesocli{font-family:system-ui,sans-serif;line-height:1.45;max-width:52em}"
    ".mesocli h1{font-size:1.35em;margin:.2em 0 .4em}.mesocli h2{font-size:1.1em;margin:1em 0 .3em;color:#22577a}"
    ".mesocli h3{font-size:1em;margin:.8em 0 .2em}.mesocli .label{font-weight:600;color:#22577a}"
    ".mesocli .cite{color:#38a3a5;font-size:.85em}.mesocli .dim{opacity:.7}"
    ".mesocli mark{background:#ffe066;padding:0 .1em}.mesocli .note{font-style:italic;opacity:.75;"
    "border-top:1px solid #ccc;padding-top:.4em}.mesocli table{border-collapse:collapse}"
    ".mesocli th,.mesocli td{text-align:left;vertical-align:top;padding:.2em .6em;border-bottom:1px solid #ddd}"
    "</style>"
)


def _inline(inline: Inline) -> str:
    out = []
    for span in inline:
        text = escape(span.text).replace("\n", "<br>")
        if span.link and web_url(span.link):
            text = f'<a href="{escape(span.link)}" target="_blank" rel="noopener">{text}</a>'
        if span.style == "match":
            text = f"<mark>{text}</mark>"
        elif span.style == "strong":
            text = f"<strong>{text}</strong>"
        elif span.style in ("label", "cite", "dim"):
            text = f'<span class="{span.style}">{text}</span>'
        out.append(text)
    return "".join(out)


def icons_svg(block: Icons, cell: int = 4) -> str:
    """Each group as a labelled row of 100 squares, the first ``n`` filled; the words are its text alternative."""
    rows = []
    width = 100 * cell
    for group, count in block.rows:
        size = f'width="{cell - 1}" height="{2 * cell}"'
        cells = "".join(
            f'<rect x="{k * cell}" y="0" {size} fill="{FILLED if k < count else EMPTY}"/>' for k in range(100)
        )
        label = f"{count}/100: {escape(group)}"
        rows.append(
            f'<div class="icons-row"><svg role="img" aria-label="{label}" width="{width}" height="{2 * cell}" '
            f'viewBox="0 0 {width} {2 * cell}" class="icons"><title>{label}</title>{cells}</svg>'
            f'<span class="icons-label" aria-hidden="true">{label}</span></div>'
        )
    return f'<figure class="icons-figure"><figcaption>{escape(block.text)}</figcaption>{"".join(rows)}</figure>'


def _block(block: Block) -> str:
    if isinstance(block, Icons):
        return icons_svg(block)
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_inline(block.inline)}</p>"
    if isinstance(block, Note):
        return f'<p class="note">{_inline(block.inline)}</p>'
    if isinstance(block, Bullets):
        tag = "ol" if block.numbered else "ul"
        box = "&#9744; " if block.checkbox else ""
        values = [f' value="{n}"' for n in block.numbers] if block.numbers else [""] * len(block.items)
        items = "".join(f"<li{v}>{box}{_inline(item)}</li>" for v, item in zip(values, block.items, strict=True))
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Bars):
        largest = max((b.value for b in block.bars), default=1.0) or 1.0
        rows = "".join(
            f"<tr><td>{escape(b.group)}</td><td>{escape(b.label)}</td><td>"
            f'<div style="background:#38a3a5;height:.9em;width:{16 * b.value / largest:.2f}em"></div></td>'
            f"<td>{number(b.value)}</td><td>{escape(b.note)}</td></tr>"
            for b in block.bars
        )
        return (
            f"<table><thead><tr><th>Trial</th><th>Arm</th><th></th><th>{escape(block.unit)}</th>"
            f"<th>Notes</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    assert isinstance(block, Table)
    head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
    rows = "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in block.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


#: The two colours of an icon row: filled (people it happened to) and empty; contrast 7:1 between them.
FILLED, EMPTY = "#1d4e89", "#d6d6d6"


def html(document: Document) -> str:
    """The document as an HTML fragment with its own small stylesheet."""
    return _CSS + '<div class="mesocli">' + "".join(_block(b) for b in document) + "</div>"


def block_html(block: Block) -> str:
    """One block as HTML, for renderers that build whole pages (``render.handout``)."""
    return _block(block)


def inline_html(inline: Inline) -> str:
    """A run of spans as escaped HTML."""
    return _inline(inline)
