"""Column widths for tables on a terminal, in plain Python: no word is ever broken inside a column.

Each column gets at least its longest word (and a text column a readable measure); label columns then get
their whole width, and the columns that carry long text share what is left by their weights. When the
columns cannot fit so, ``column_widths`` says None and the renderer lays the table out as cards.
"""

from __future__ import annotations

from collections.abc import Sequence

from mesocli.pages.document import Inline, Span, inline_text

#: A column of running text is not worth reading narrower than this; below it, the table becomes cards.
READABLE = 20
#: What a bullet takes in front of its item inside a cell.
BULLET = "• "


def cell_lines(inline: Inline) -> list[Inline]:
    """A cell's spans split into its lines (``\\n`` in a span ends a line)."""
    lines: list[list[Span]] = [[]]
    for span in inline:
        parts = span.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append(span._replace(text=part))
    return [tuple(line) for line in lines]


def is_bullet(line: Inline) -> bool:
    return bool(line) and line[0].text.startswith(BULLET)


def _measure(inline: Inline) -> tuple[int, int]:
    """(longest word, longest line) of a cell, a bullet's marker counted with each of its words."""
    longest_word = longest_line = 0
    for line in cell_lines(inline):
        text = inline_text(line)
        indent = len(BULLET) if text.startswith(BULLET) else 0
        words = text[indent:].split()
        longest_word = max([longest_word, *(indent + len(w) for w in words)])
        longest_line = max(longest_line, len(text))
    return longest_word, longest_line


def column_widths(
    headers: Sequence[str], rows: Sequence[Sequence[Inline]], weights: Sequence[int], room: int
) -> list[int] | None:
    """Content widths of the columns within ``room`` characters, or None when they cannot fit unbroken."""
    count = len(headers)
    measured = [[_measure((Span(h),))] for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            measured[i].append(_measure(cell))
    lows = [max(word for word, _ in column) for column in measured]
    highs = [max(line for _, line in column) for column in measured]
    floors = [max(lows[i], min(highs[i], READABLE)) if weights[i] else lows[i] for i in range(count)]
    if sum(floors) > room:
        return None
    widths = list(floors)
    spare = room - sum(widths)
    for i in range(count):  # label columns first: whole, so that names and categories stay on one line
        if not weights[i]:
            grow = min(spare, highs[i] - widths[i])
            widths[i] += grow
            spare -= grow
    # The text columns share the rest by weight; a column whose share is below its floor or above its
    # longest line keeps that, and the others share again what it leaves.
    shared = [i for i in range(count) if weights[i]]
    space = spare + sum(widths[i] for i in shared)
    while shared:
        total = sum(weights[i] for i in shared)
        narrow = [i for i in shared if space * weights[i] / total < floors[i]]
        wide = [i for i in shared if space * weights[i] / total > highs[i]]
        if not narrow and not wide:
            for i in shared:
                widths[i] = int(space * weights[i] / total)
            break
        for i in narrow or wide:  # the narrow first: fixing them never pushes another below its floor
            widths[i] = floors[i] if narrow else highs[i]
            space -= widths[i]
            shared.remove(i)
    return widths


def table_overhead(count: int) -> int:
    """Characters a boxed table spends on borders and padding for ``count`` columns."""
    return 3 * count + 1
