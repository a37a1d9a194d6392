"""A small, output-neutral document model: what every page is built as before it is rendered.

Blocks are named tuples: immutable, and much cheaper to define at start-up than dataclasses.
Pages (``pages``) build these blocks; renderers (``render_text`` for plain text and Markdown,
``render_rich`` for the terminal) turn them into output. Nothing here knows about Rich.
"""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A run of text with one style, and a link where the renderer can show one.

    In a table cell, ``\n`` ends a line, and a line that starts with ``• `` is an item of a list.

    Styles: ``strong``, ``label``, ``match`` (a search hit), ``cite`` (a citation), ``dim``.
    """

    text: str
    style: str | None = None
    link: str | None = None


Inline = tuple[Span, ...]


def plain(text: str, style: str | None = None) -> Inline:
    return (Span(text, style),)


def inline_text(inline: Inline) -> str:
    return "".join(span.text for span in inline)


class Heading(NamedTuple):
    text: str
    level: int = 2  # 1: page title, 2: section, 3: subsection


class Paragraph(NamedTuple):
    inline: Inline


class Bullets(NamedTuple):
    items: tuple[Inline, ...]
    numbered: bool = False
    checkbox: bool = False
    #: The number of each item of a numbered list, when they are not 1, 2, 3... (references kept as numbered
    #: on the whole page).
    numbers: tuple[int, ...] = ()


class Table(NamedTuple):
    headers: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    #: Share of spare width for each column; 0 keeps a column on one line. Empty: the last column wraps.
    weights: tuple[int, ...] = ()
    #: The records are the columns, not the rows (compare: one column per option, the first column names
    #: the aspects); a narrow terminal shows one card per column.
    transposed: bool = False


class Bar(NamedTuple):
    """One bar of a chart: what it measures, its value, and a note to print beside it."""

    group: str
    label: str
    value: float
    note: str


class Bars(NamedTuple):
    """A horizontal bar chart, bars grouped (one group per study)."""

    bars: tuple[Bar, ...]
    unit: str


class Icons(NamedTuple):
    """People out of 100 in each group, drawn as a row of 100 small squares where a renderer can draw.

    ``text`` says the same in words: a renderer that cannot draw prints it, and one that can gives it as the
    drawing's text alternative.
    """

    text: str
    rows: tuple[tuple[str, int], ...]  # (group, people out of 100)


class Note(NamedTuple):
    """Small print, such as the disclaimer under a page."""

    inline: Inline


Block = Heading | Paragraph | Bullets | Table | Bars | Note | Icons
Document = tuple[Block, ...]
