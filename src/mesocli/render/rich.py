"""Render documents for the terminal with Rich. The only module that imports Rich.

Data is never parsed as Rich markup: every string becomes a ``rich.text.Text`` as it is, so
square brackets in the knowledge base are shown literally. Links are only the https URLs that
the pages build from references.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from mesocli.pages.document import Bars, Block, Bullets, Document, Heading, Inline, Note, Paragraph

STYLES = {
    "strong": Style(bold=True),
    "label": Style(bold=True, color="cyan"),
    "match": Style(bold=True, color="black", bgcolor="yellow"),
    "dim": Style(dim=True),
    "cite": Style(color="blue"),
}
HEADINGS = {
    1: Style(bold=True, color="bright_white", bgcolor="blue"),
    2: Style(bold=True, color="cyan"),
    3: Style(bold=True),
}


def make_console(file: IO[str] | None = None, color: bool | None = None, width: int | None = None) -> Console:
    """A console for output; ``color`` None lets Rich decide (terminal, NO_COLOR, FORCE_COLOR)."""
    return Console(
        file=file,
        force_terminal=color,
        no_color=(color is False) or None,
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
        if span.link and span.link.startswith("https://"):
            style = style + Style(link=span.link)
        out.append(span.text, style)
    return out


def renderable(block: Block) -> RenderableType:
    if isinstance(block, Heading):
        label = f" {block.text} " if block.level == 1 else block.text
        return Text(label, HEADINGS.get(block.level, HEADINGS[3]))
    if isinstance(block, Paragraph):
        return text(block.inline)
    if isinstance(block, Note):
        return Text.assemble(text(block.inline), style="dim italic")
    if isinstance(block, Bullets):
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column(ratio=1)
        for i, item in enumerate(block.items, 1):
            marker = f"{i}." if block.numbered else "☐" if block.checkbox else "•"
            grid.add_row(Text(marker, "cyan"), text(item))
        return Padding(grid, (0, 0, 0, 1))
    if isinstance(block, Bars):
        return _bars(block)
    weights = block.weights or tuple(1 if i == len(block.headers) - 1 else 0 for i in range(len(block.headers)))
    table = RichTable(header_style="bold cyan", show_lines=len(block.headers) > 2, expand=True)
    for header, weight in zip(block.headers, weights, strict=True):
        table.add_column(header, ratio=weight or None, no_wrap=weight == 0, overflow="fold")
    for row in block.rows:
        table.add_row(*(text(cell) for cell in row))
    return table


def _bars(bars: Bars) -> RenderableType:
    from mesocli.render.text import bar_length, groups

    largest = max((b.value for b in bars.bars), default=0.0)
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(max_width=36, overflow="fold")
    grid.add_column(no_wrap=True)
    for group, members in groups(bars):
        note = next((b.note for b in members if b.note), "")
        grid.add_row(Text(group, "bold"), Text(note, "dim"))
        for i, bar in enumerate(members):
            colour = "cyan" if i < len(members) - 1 or len(members) == 1 else "bright_black"
            line = Text("█" * bar_length(bar.value, largest, 30), colour)
            line.append(f" {bar.value:g}")
            grid.add_row(Text("  " + bar.label), line)
    grid.add_row(Text(""), Text(f"({bars.unit})", "dim"))
    return grid


def render(document: Document) -> Group:
    parts: list[RenderableType] = []
    previous: Block | None = None
    for block in document:
        if previous is not None and not (isinstance(previous, Heading) and previous.level >= 2):
            parts.append(Text(""))
        parts.append(renderable(block))
        previous = block
    return Group(*parts)


def print_document(document: Document, console: Console) -> None:
    console.print(render(document))
