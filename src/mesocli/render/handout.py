"""Render a document as one self-contained, printable HTML page: the visit handout.

Inline CSS only: no scripts, no ``<link>``, no fonts or images from anywhere, so the file opens and prints
offline. Every piece of text is escaped (``render.html``). A checklist item becomes a question with a ruled
space for the answer, and the two never split across pages (``break-inside: avoid``). Paper size is A4 or
US Letter, through ``@page``.
"""

from __future__ import annotations

import re
from html import escape

from mesocli.core.l10n import language
from mesocli.pages.document import Block, Bullets, Document, Heading, Paragraph
from mesocli.render.html import block_html, inline_html

#: ``@page`` rules for each paper size ``--paper`` accepts, with the page number in the bottom margin.
_NUMBER = "@bottom-center{content:counter(page) ' / ' counter(pages);font:9pt Georgia,serif;color:#333}"
PAGES = {
    "a4": "@page{size:A4;margin:12mm 13mm 14mm;" + _NUMBER + "}",
    "letter": "@page{size:letter;margin:0.45in 0.5in 0.5in;" + _NUMBER + "}",
}

_CSS = (
    "*{box-sizing:border-box}"
    "html{-webkit-text-size-adjust:100%}"
    "body{margin:0;color:#111;background:#fff;font:11pt/1.25 Georgia,'Times New Roman',serif}"
    "main{max-width:46em;margin:0 auto;padding:1.2em;overflow-wrap:anywhere;word-break:normal}"
    "h1{font-size:1.5em;margin:0 0 .5em}h2{font-size:1.2em;margin:1em 0 .3em;border-bottom:1px solid #999}"
    "h3{font-size:1.05em;margin:.7em 0 .2em}h1,h2,h3{break-after:avoid;page-break-after:avoid;line-height:1.25}"
    "p,li{orphans:3;widows:3}ul,ol{padding-left:1.4em}li{margin:.2em 0}"
    ".label{font-weight:bold}.cite{font-size:.85em}.dim{color:#444}"
    ".note{border-top:1px solid #999;padding-top:.5em;font-style:italic}"
    "a{color:#0b4f8a;text-decoration:underline}"
    "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.2em .4em;"
    "border-bottom:1px solid #ccc}"
    "ul.questions{list-style:none;padding:0}"
    ".q{break-inside:avoid;page-break-inside:avoid;margin:0 0 .45em;padding-bottom:.3em;border-bottom:1px dotted #777}"
    ".q .box{display:inline-block;width:.9em;height:.9em;border:1.5px solid #222;margin-right:.45em;"
    "vertical-align:-.1em}"
    ".icons-figure{margin:.3em 0 .2em;break-inside:avoid}.icons-figure figcaption{font-size:.95em}"
    ".icons-row{display:flex;align-items:center;gap:.6em;margin:.1em 0}.icons-label{font-size:.9em}"
    "ol.refs{columns:2;column-gap:1.6em;font-size:.85em}ol.refs li{break-inside:avoid}"
    ".icons{flex:none}.notes-space{height:5.5em;border-bottom:1px solid #888;"
    "background:repeating-linear-gradient(to bottom,transparent 0,transparent 1.7em,#bbb 1.7em,#bbb 1.75em)}"
    "@media print{main{max-width:none;padding:0}body{font-size:9.5pt}}"
    "@media (max-width:480px){body{font-size:12pt}main{padding:.8em}}"
)


#: Large print: every size in points, none below 14 pt, body text 16 pt (overrides the sizes above).
LARGE = (
    "body{font-size:16pt}@media print{body{font-size:16pt}}h1{font-size:24pt}h2{font-size:20pt}h3{font-size:18pt}"
    ".cite{font-size:14pt}.icons-figure figcaption{font-size:16pt}.icons-label{font-size:14pt}"
    "@page{@bottom-center{font-size:14pt}}"
)


def _points(match: re.Match[str]) -> str:
    value, unit = float(match.group(2)), match.group(3)
    points = value * 16 if unit == "em" else value
    return f"{match.group(1)}{max(14, round(points))}pt"


def _in_points(css: str) -> str:
    """Every font size of ``css`` in points, none below 14 (an em counts as 16 pt, the large body size)."""
    return re.sub(r"(font-size:|font:)([\d.]+)(em|pt)", _points, css)


def _questions(block: Bullets) -> str:
    items = "".join(f'<li class="q"><span class="box"></span>{inline_html(item)}</li>' for item in block.items)
    return f'<ul class="questions">{items}</ul>'


def _block(block: Block) -> str:
    if isinstance(block, Bullets) and block.checkbox:
        return _questions(block)
    if isinstance(block, Paragraph) and len(block.inline) == 1 and block.inline[0].style == "notes":
        return '<div class="notes-space"></div>'
    return block_html(block)


def handout_html(document: Document, paper: str = "a4", title: str = "My visit", large: bool = False) -> str:
    """The document as a whole HTML page with print styles for ``paper`` ("a4" or "letter"); ``large``: large
    print (sizes in points, body 16 pt, nothing below 14 pt)."""
    parts, previous = [], None
    for block in document:
        if isinstance(block, Bullets) and block.numbered and isinstance(previous, Heading) and previous.level == 2:
            parts.append(block_html(block).replace("<ol>", '<ol class="refs">', 1))  # the reference list
        else:
            parts.append(_block(block))
        previous = block
    body = "".join(parts)
    css = PAGES[paper] + _CSS
    css = _in_points(css) + LARGE if large else css
    return (
        '<!DOCTYPE html>\n<html lang="' + language() + '">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
