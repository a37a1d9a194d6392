"""Render documents as plain text (for pipes and files) or as Markdown (to paste into a document)."""

from __future__ import annotations

import re
import textwrap

from mesocli.core.escape import printable, web_url
from mesocli.core.l10n import number
from mesocli.pages.document import (
    Bar,
    Bars,
    Block,
    Bullets,
    Document,
    Heading,
    Icons,
    Inline,
    Note,
    Paragraph,
    Table,
    inline_text,
)

# ---------------------------------------------------------------- plain text


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=max(width, len(first) + 10),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _plain_block(block: Block, width: int) -> list[str]:
    if isinstance(block, Icons):
        return _wrap(block.text, width)
    if isinstance(block, Heading):
        if block.level == 1:
            return [block.text, "=" * min(len(block.text), width)]
        if block.level == 2:
            return [block.text, "-" * min(len(block.text), width)]
        return [block.text]
    if isinstance(block, (Paragraph, Note)):
        return _wrap(inline_text(block.inline), width)
    if isinstance(block, Bullets):
        lines: list[str] = []
        for i, item in zip(block.numbers or range(1, len(block.items) + 1), block.items, strict=True):
            marker = f"{i}. " if block.numbered else "[ ] " if block.checkbox else "- "
            marker = "  " + marker
            lines += _wrap(inline_text(item), width, marker, " " * len(marker))
        return lines
    if isinstance(block, Bars):
        return _plain_bars(block, width)
    return _plain_table(block)


def groups(bars: Bars) -> list[tuple[str, list[Bar]]]:
    """Bars grouped by their group label, in order."""
    out: list[tuple[str, list[Bar]]] = []
    for bar in bars.bars:
        if not out or out[-1][0] != bar.group:
            out.append((bar.group, []))
        out[-1][1].append(bar)
    return out


def bar_length(value: float, largest: float, room: int) -> int:
    return max(1, round(room * value / largest)) if largest > 0 else 0


def _plain_bars(bars: Bars, width: int) -> list[str]:
    largest = max((b.value for b in bars.bars), default=0.0)
    label_width = min(max((len(b.label) for b in bars.bars), default=0), max(10, width // 2))
    room = max(5, width - label_width - 12)
    lines: list[str] = []
    for group, members in groups(bars):
        note = next((b.note for b in members if b.note), "")
        lines.append(f"{group}" + (f"  [{note}]" if note else ""))
        for bar in members:
            label = textwrap.shorten(bar.label, label_width, placeholder="…").ljust(label_width)
            lines.append(f"  {label} {'#' * bar_length(bar.value, largest, room)} {number(bar.value)}")
    lines.append(f"  ({bars.unit})")
    return lines


def _plain_table(table: Table) -> list[str]:
    """One row a line, columns aligned, the last column left whole (grep- and cut-friendly)."""
    rows = [[" ".join(inline_text(cell).split("\n")) for cell in row] for row in table.rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(table.headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells[:-1], widths, strict=False)) + "  " + cells[-1]

    return [line(list(table.headers)).rstrip(), *(line(r).rstrip() for r in rows)]


def plain(document: Document, width: int = 80) -> str:
    """The document as plain text wrapped to ``width`` columns, blank lines between blocks."""
    chunks = ["\n".join(_plain_block(block, width)) for block in document]
    return printable("\n\n".join(chunks) + "\n", keep="\n")  # data and arguments never drive the terminal


# ---------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def _md_escape(text: str, line_start: bool = True) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    if not line_start:
        return escaped
    return re.sub(r"^(\s*)([-+]|\d+\.)(\s)", r"\1\\\2\3", escaped)  # no accidental list at line start


def _md_inline(inline: Inline) -> str:
    out = []
    for span in inline:
        text = _md_escape(span.text)
        if span.link and web_url(span.link):
            text = f"<{span.link}>"
        elif span.style in ("strong", "label", "match") and text.strip():
            lead, core, trail = _split_space(text)
            text = f"{lead}**{core}**{trail}"
        elif span.style == "dim" and text.strip():
            lead, core, trail = _split_space(text)
            text = f"{lead}_{core}_{trail}"
        out.append(text)
    return "".join(out)


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead, core, trail


def _md_bars(bars: Bars) -> str:
    largest = max((b.value for b in bars.bars), default=0.0)
    lines = [f"| Trial | Arm | Median ({bars.unit}) | | Notes |", "|---|---|---|---|---|"]
    for group, members in groups(bars):
        for i, bar in enumerate(members):
            trial = _md_escape(group, line_start=False) if i == 0 else ""
            chart = "█" * bar_length(bar.value, largest, 30)
            lines.append(
                f"| {trial} | {_md_escape(bar.label, False)} | {number(bar.value)} | {chart} "
                f"| {_md_escape(bar.note, False)} |"
            )
    return "\n".join(lines)


def _md_block(block: Block) -> str:
    if isinstance(block, Icons):
        return _md_escape(block.text)
    if isinstance(block, Heading):
        return "#" * block.level + " " + _md_escape(block.text, line_start=False)
    if isinstance(block, Paragraph):
        return _md_inline(block.inline)
    if isinstance(block, Note):
        return "> " + _md_inline(block.inline)
    if isinstance(block, Bullets):
        lines = []
        numbers = block.numbers or range(1, len(block.items) + 1)
        in_order = list(numbers) == list(range(1, len(block.items) + 1))
        for i, item in zip(numbers, block.items, strict=True):
            marker = (f"{i}." if in_order else f"- \\[{i}\\]") if block.numbered else "- [ ]" if block.checkbox else "-"
            lines.append(f"{marker} {_md_inline(item)}")
        return "\n".join(lines)
    if isinstance(block, Bars):
        return _md_bars(block)
    header = "| " + " | ".join(_md_escape(h) for h in block.headers) + " |"
    rule = "|" + "|".join("---" for _ in block.headers) + "|"
    body = ["| " + " | ".join(_md_inline(cell).replace("\n", "<br>") for cell in row) + " |" for row in block.rows]
    return "\n".join([header, rule, *body])


def markdown(document: Document) -> str:
    """The document as CommonMark/GFM Markdown."""
    return printable("\n\n".join(_md_block(block) for block in document) + "\n", keep="\n")
