"""Render a document as one self-contained, printable HTML page: the visit handout.

Inline CSS only: no scripts, no ``<link>``, no fonts or images from anywhere, so the file opens and prints
offline. Every piece of text is escaped (``render.html``). A checklist item becomes a question with a ruled
space for the answer, and the two never split across pages (``break-inside: avoid``). Paper size is A4 or
US Letter, through ``@page``.
"""

from __future__ import annotations

from html import escape

from mesocli.core.l10n import language
from mesocli.pages.document import Bullets, Document
from mesocli.render.html import block_html, inline_html

#: ``@page`` rules for each paper size ``--paper`` accepts.
PAGES = {"a4": "@page{size:A4;margin:18mm}", "letter": "@page{size:letter;margin:0.75in}"}

_CSS = (
    "*{box-sizing:border-box}"
    "html{-webkit-text-size-adjust:100%}"
    "body{margin:0;color:#111;background:#fff;font:11pt/1.45 Georgia,'Times New Roman',serif}"
    "main{max-width:46em;margin:0 auto;padding:1.2em;overflow-wrap:anywhere;word-break:normal}"
    "h1{font-size:1.5em;margin:0 0 .5em}h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #999}"
    "h3{font-size:1.05em;margin:1em 0 .3em}h1,h2,h3{break-after:avoid;page-break-after:avoid;line-height:1.25}"
    "p,li{orphans:3;widows:3}ul,ol{padding-left:1.4em}li{margin:.2em 0}"
    ".label{font-weight:bold}.cite{font-size:.85em}.dim{color:#444}"
    ".note{border-top:1px solid #999;padding-top:.5em;font-style:italic}"
    "a{color:inherit;text-decoration:none}"
    "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.2em .4em;"
    "border-bottom:1px solid #ccc}"
    "ul.questions{list-style:none;padding:0}"
    ".q{break-inside:avoid;page-break-inside:avoid;margin:0 0 .9em}"
    ".q .box{display:inline-block;width:.9em;height:.9em;border:1.5px solid #222;margin-right:.45em;"
    "vertical-align:-.1em}"
    ".q .answer{height:3em;margin-top:.3em;border-bottom:1px solid #888;"
    "background:repeating-linear-gradient(to bottom,transparent 0,transparent 1.42em,#bbb 1.42em,#bbb 1.47em)}"
    "@media print{main{max-width:none;padding:0}body{font-size:10.5pt}}"
    "@media (max-width:480px){body{font-size:12pt}main{padding:.8em}}"
)


def _questions(block: Bullets) -> str:
    items = "".join(
        f'<li class="q"><span class="box"></span>{inline_html(item)}<div class="answer"></div></li>'
        for item in block.items
    )
    return f'<ul class="questions">{items}</ul>'


def handout_html(document: Document, paper: str = "a4", title: str = "My visit") -> str:
    """The document as a whole HTML page with print styles for ``paper`` ("a4" or "letter")."""
    body = "".join(
        _questions(block) if isinstance(block, Bullets) and block.checkbox else block_html(block) for block in document
    )
    return (
        '<!DOCTYPE html>\n<html lang="' + language() + '">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGES[paper]}{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
