"""Render documents for the terminal with Rich. The only package that imports Rich.

Data is never parsed as Rich markup: every string becomes a ``rich.text.Text`` as it is, so
square brackets in the knowledge base are shown literally. Links are only the https URLs that
the pages build from references. Prose stops at a readable measure (``MEASURE``); tables and charts
may use the whole width, and are laid out in ``render.rich_table``.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from mesocli.core.escape import printable, web_url
from mesocli.pages.document import Bars, Block, Bullets, Document, Heading, Icons, Inline, Note, Paragraph, Table

#: Paragraphs, lists and headings are never wider than this, however wide the terminal.
MEASURE = 100

STYLES = {
    "strong": Style(bold=True),
    "label": Style(bold=True, color="cyan"),
    "match": Style(bold=True, underline=True, color="black", bgcolor="yellow"),
    "dim": Style(dim=True),
    "cite": Style(color="blue"),
}
HEADINGS = {
    1: Style(bold=True, color="bright_white", bgcolor="blue"),
    2: Style(bold=True, underline=True, color="cyan"),
    3: Style(bold=True),
}


def make_console(
    file: IO[str] | None = None, color: bool | None = None, width: int | None = None, no_color: bool | None = None
) -> Console:
    """A console for output.

    ``color`` None lets Rich decide (a terminal, FORCE_COLOR); False writes no escape codes at all.
    ``no_color`` removes colour but keeps bold, underline and dim, as the NO_COLOR convention asks.
    """
    return Console(
        file=file,
        force_terminal=color,
        no_color=True if color is False else no_color,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def text(inline: Inline) -> Text:
    out = Text()
    for span in inline:
        style = STYLES.get(span.style or "", Style())
        if span.link and web_url(span.link):
            style = style + Style(link=span.link)
        out.append(printable(span.text, keep="\n"), style)  # data and arguments never drive the terminal
    return out


class Hanging:
    """Text wrapped at word boundaries, its first line indented by ``first`` and the others by ``rest``."""

    def __init__(self, content: Text, first: int = 0, rest: int = 2) -> None:
        self.content, self.first, self.rest = content, first, rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.content.cell_len <= options.max_width - self.first and "\n" not in self.content.plain:
            lines = [self.content]  # one line: nothing to hang
        else:
            lines = list(self.content.wrap(console, max(1, options.max_width - self.rest), overflow="fold"))
        for i, line in enumerate(lines):
            yield Segment(" " * (self.first if i == 0 else self.rest))
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        words = self.content.plain.split() or [""]
        longest = max(len(w) for w in words)
        return Measurement(longest + self.rest, len(self.content.plain) + self.first)


def bullets(items: tuple[Inline, ...], markers: list[str]) -> RenderableType:
    """Items beside their markers; an item's lines all start under its first word."""
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1, overflow="fold")  # a long URL folds onto the next line, never ends in "…"
    for marker, item in zip(markers, items, strict=True):
        grid.add_row(Text(marker, "cyan"), text(item))
    return grid


class Linked:
    """List items that end in links (references): the prose wraps at ``MEASURE``, and each link is written
    unbroken as long as the terminal is wide enough for it, on the prose's last line or under it, so that a
    copied URL is whole. Only a link wider than the terminal is folded."""

    def __init__(self, items: tuple[Inline, ...], markers: list[str]) -> None:
        self.items, self.markers = items, markers
        self.indent = 2 + max(len(m) for m in markers)  # " " + marker + " ", as beside other bullets

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(1, options.max_width - self.indent)
        measure = max(1, min(MEASURE, options.max_width) - self.indent)
        for marker, item in zip(self.markers, self.items, strict=True):
            linked = [s for s in item if s.link and web_url(s.link)]
            prose = text(tuple(s for s in item if s not in linked))
            prose.rstrip()
            lines = list(prose.wrap(console, measure, overflow="fold"))
            for span in linked:
                link = text((span._replace(text=span.text.strip()),))
                if lines and lines[-1].cell_len + 1 + link.cell_len <= measure:
                    lines[-1].append(" ")
                    lines[-1].append_text(link)
                else:
                    lines += list(link.wrap(console, room, overflow="fold"))
            for i, line in enumerate(lines):
                line.rstrip()
                yield Segment(f" {marker:>{self.indent - 2}} " if i == 0 else " " * self.indent, Style(color="cyan"))
                yield from line.render(console)
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.indent + 1, options.max_width)


def renderable(block: Block) -> RenderableType:
    if isinstance(block, Icons):
        return Text(block.text)
    if isinstance(block, Heading):
        label = f" {block.text} " if block.level == 1 else block.text
        return Text(label, HEADINGS.get(block.level, HEADINGS[3]))
    if isinstance(block, Paragraph):
        return text(block.inline)
    if isinstance(block, Note):
        return Text.assemble(text(block.inline), style="dim italic")
    if isinstance(block, Bullets):
        numbers = block.numbers or range(1, len(block.items) + 1)
        markers = [f"{i}." if block.numbered else "☐" if block.checkbox else "•" for i in numbers]
        if any(s.link and web_url(s.link) for item in block.items for s in item):
            return Linked(block.items, markers)
        return Padding(bullets(block.items, markers), (0, 0, 0, 1))
    from mesocli.render.rich_table import chart, table

    if isinstance(block, Bars):
        return chart(block)
    return table(block)


def render(document: Document) -> Group:
    parts: list[RenderableType] = []
    previous: Block | None = None
    for block in document:
        if previous is not None and not (isinstance(previous, Heading) and previous.level >= 2):
            parts.append(Text(""))
        shown = renderable(block)
        parts.append(
            shown if isinstance(block, (Table, Bars)) or isinstance(shown, Linked) else Constrain(shown, MEASURE)
        )
        previous = block
    return Group(*parts)


def print_document(document: Document, console: Console) -> None:
    console.print(render(document))
