"""Tables and bar charts for the terminal: laid out for the width they are drawn at.

A table keeps every word whole (``render.layout``): when its columns fit, a boxed table; when they cannot,
one card per record, its fields one under the other. A chart's labels wrap with a hanging indent.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from mesocli.core.l10n import number
from mesocli.pages.document import Bars, Inline, Table, inline_text
from mesocli.render.layout import BULLET, cell_lines, column_widths, is_bullet, table_overhead
from mesocli.render.rich import Hanging, bullets, text

#: A card shows its field names beside the values when the longest is at most this share of the width.
LABEL_SHARE = 3


def cell(inline: Inline) -> RenderableType:
    """A table cell: text, or one item a line with a bullet, each item's lines under its first word."""
    lines = cell_lines(inline)
    if not any(is_bullet(line) for line in lines):
        return text(inline)
    parts: list[RenderableType] = []
    items: list[Inline] = []
    for line in lines:
        if is_bullet(line):
            first = line[0]._replace(text=line[0].text[len(BULLET) :])
            items.append((first, *line[1:]))
            continue
        if items:
            parts.append(bullets(tuple(items), ["•"] * len(items)))
            items = []
        parts.append(text(line))
    if items:
        parts.append(bullets(tuple(items), ["•"] * len(items)))
    return Group(*parts)


class LaidOutTable:
    """A table that chooses, at the width it is drawn, between columns and cards."""

    def __init__(self, block: Table) -> None:
        self.block = block
        count = len(block.headers)
        self.weights = block.weights or tuple(1 if i == count - 1 else 0 for i in range(count))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        block = self.block
        room = options.max_width - table_overhead(len(block.headers))
        widths = column_widths(block.headers, block.rows, self.weights, room)
        yield self._columns(widths) if widths is not None else self._cards(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 20), options.max_width)

    def _columns(self, widths: list[int]) -> RenderableType:
        block = self.block
        table = RichTable(header_style="bold cyan", show_lines=len(block.headers) > 2)
        for header, width in zip(block.headers, widths, strict=True):
            table.add_column(header, width=width, overflow="fold")
        for row in block.rows:
            table.add_row(*(cell(c) for c in row))
        return table

    def _cards(self, width: int) -> RenderableType:
        """One card per record: its title on a line, then each field; in a transposed table, one per column."""
        block = self.block
        headers, rows = block.headers, block.rows
        if block.transposed:  # records are the columns (compare): each card is one column
            titles = list(headers[1:])
            names = [inline_text(row[0]) for row in rows]
            fields = [[row[i + 1] for row in rows] for i in range(len(titles))]
        else:
            titles = [inline_text(row[0]) for row in rows]
            names = list(headers[1:])
            fields = [list(row[1:]) for row in rows]
        beside = max((len(n) for n in names), default=0) <= width // LABEL_SHARE
        cards: list[RenderableType] = []
        for i, (title, values) in enumerate(zip(titles, fields, strict=True)):
            if i:
                cards.append(Text(""))
            cards.append(Hanging(Text(title, "bold"), 0, 2))
            if beside:
                grid = RichTable.grid(padding=(0, 2))
                grid.add_column(no_wrap=True, style="bold cyan")
                grid.add_column(ratio=1, overflow="fold")
                for name, value in zip(names, values, strict=True):
                    grid.add_row(Text(name), cell(value))
                cards.append(Padding(grid, (0, 0, 0, 2)))
                continue
            for name, value in zip(names, values, strict=True):
                cards.append(Hanging(Text(name, "bold cyan"), 2, 4))
                cards.append(Padding(cell(value), (0, 0, 0, 4)))
        return Group(*cards)


def table(block: Table) -> RenderableType:
    return LaidOutTable(block)


class Chart:
    """A bar chart: per study, its label and note on a line, then one bar per arm under it."""

    def __init__(self, bars: Bars) -> None:
        self.bars = bars

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from mesocli.render.text import bar_length, groups

        bars = self.bars
        width = options.max_width
        largest = max((b.value for b in bars.bars), default=0.0)
        label_width = min(max((len(b.label) for b in bars.bars), default=0) + 4, 40, max(14, width // 2))
        room = max(5, min(30, width - label_width - 8))
        for group, members in groups(bars):
            note = next((b.note for b in members if b.note), "")
            heading = Text(group, "bold")
            if note:
                heading.append("  ")
                heading.append(note, "dim")
            yield Hanging(heading, 0, 2)
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(width=label_width)
            grid.add_column(no_wrap=True)
            for i, bar in enumerate(members):
                colour = "cyan" if i < len(members) - 1 or len(members) == 1 else "bright_black"
                line = Text("█" * bar_length(bar.value, largest, room), colour)
                line.append(f" {number(bar.value)}")
                grid.add_row(Hanging(Text(bar.label), 2, 4), line)
            yield grid
        yield Text(" " * (label_width + 1) + f"({bars.unit})", "dim")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 20), options.max_width)


def chart(bars: Bars) -> RenderableType:
    return Chart(bars)
