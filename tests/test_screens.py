"""What a person sees: rich output drawn by a terminal emulator (pyte) at 60, 100 and 160 columns.

The assertions read the emulated screen, not the escape codes: words whole in table columns, chart labels
indented, prose within the measure, References URLs whole; and bold kept under NO_COLOR. Golden screens in
tests/golden/screens/; regenerate them with ``MESOCLI_UPDATE_GOLDEN=1`` after a deliberate change and read the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyte
import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli import output
from mesocli.cli.app import app
from mesocli.render.layout import column_widths

SCREENS = Path(__file__).parent / "golden" / "screens"
WIDTHS = (60, 100, 160)
KB = mesocli.load()
#: Characters of the table boxes and bullets, which separate words on the screen as spaces do.
FRAME = re.compile(r"[│┃┏┓┗┛┡┩╇┳┻┼├┤─━└┘┌┐┬┴•]")


def draw(text: str, columns: int) -> list[str]:
    """The screen a terminal of ``columns`` shows for ``text``, one string per row, trailing blanks cut."""
    screen = pyte.Screen(columns, text.count("\n") + 2)
    pyte.Stream(screen).feed(text.replace("\n", "\r\n"))
    rows = [row.rstrip() for row in screen.display]
    while rows and not rows[-1]:
        rows.pop()
    return rows


def screen(runner: CliRunner, args: list[str], columns: int) -> list[str]:
    """Run ``mesocli ARGS`` as on a colour terminal of ``columns`` and return the screen."""
    env = {"COLUMNS": str(columns), "TERM": "xterm-256color", "NO_COLOR": None}
    result = runner.invoke(app, ["--color", "always", *args, "--format", "rich"], env=env)
    assert result.exit_code == 0, result.output
    return draw(result.stdout, columns)


def words(rows: list[str]) -> set[str]:
    """The words on the screen, a comma or semicolon after them left out."""
    return {word.rstrip(",;") for row in rows for word in FRAME.sub(" ", row).split()}


@pytest.mark.parametrize("columns", WIDTHS)
def test_list_keeps_every_word_of_names_and_labels_whole(runner: CliRunner, columns: int) -> None:
    """`list`: each word of every name, category and evidence level is on the screen unbroken."""
    rows = screen(runner, ["list"], columns)
    shown = words(rows)
    for t in KB.list_rows():
        for word in [*t.name.split(), t.category, t.evidence_level]:
            assert word in shown, f"{word!r} is broken at {columns} columns"
    assert all(len(row) <= columns for row in rows)


@pytest.mark.parametrize("columns", WIDTHS)
def test_compare_of_seven_options_breaks_no_word(runner: CliRunner, columns: int) -> None:
    """`compare` of all seven options: aspect labels, names and categories are whole words on the screen."""
    rows = screen(runner, ["compare", *(t.id for t in KB.treatments)], columns)
    shown = words(rows)
    for t in KB.treatments:
        for word in [*t.name.split(), t.category, *t.goals]:
            assert word in shown, f"{word!r} is broken at {columns} columns"
    for label in ("Category", "Goals", "Evidence", "Types", "Key", "numbers"):
        assert label in shown


@pytest.mark.parametrize("columns", WIDTHS)
def test_chart_labels_wrap_with_a_hanging_indent(runner: CliRunner, columns: int) -> None:
    """`evidence`: only a study's first line starts at column 0; its arms and every wrapped line are indented."""
    rows = screen(runner, ["evidence"], columns)
    start = next(i for i, row in enumerate(rows) if row.startswith("EMPHACIS"))
    end = next(i for i, row in enumerate(rows) if row.strip() == "(months)")
    labels = tuple(s.label for s in KB.studies)
    in_arms = False
    for row in rows[start:end]:
        if not row.startswith(" "):
            assert row.startswith(labels), f"{row!r} falls to column 0 at {columns} columns"
            in_arms = False
            continue
        assert row.startswith("  "), row
        if "█" in row:
            in_arms = True
        elif in_arms:
            assert row.startswith("    "), f"{row!r}: a wrapped arm label hangs under its first word"


@pytest.mark.parametrize("columns", (100, 160))
def test_prose_stops_at_100_columns(runner: CliRunner, columns: int) -> None:
    """`show` on a wide terminal: no line of prose is wider than 100 columns (a URL may be, to stay whole)."""
    rows = [row for row in screen(runner, ["show", "chemotherapy"], columns) if "https://" not in row]
    assert max(len(row) for row in rows) <= 100
    assert max(len(row) for row in rows) > 90  # and it does use the measure


@pytest.mark.parametrize("columns", WIDTHS)
def test_reference_urls_are_never_cut(runner: CliRunner, columns: int) -> None:
    """`show`: every reference's URL is on the screen whole (folded, never ended with an ellipsis)."""
    treatment = KB.get("immunotherapy")
    rows = screen(runner, ["show", "immunotherapy"], columns)
    references = rows[rows.index("References") :]
    joined = "".join(row.strip() for row in references)
    for ref in treatment.references:
        if ref.link:
            assert ref.link in joined, ref.link
    assert not [row for row in references if "…" in row and ("https:" in row or "/" in row)]


def test_reference_urls_are_unbroken_on_a_wide_terminal(runner: CliRunner) -> None:
    """`show` at 160 columns: each reference URL (up to 150 characters) is on one row, so a copied URL is whole."""
    for name in ("radiation-therapy", "immunotherapy"):
        rows = screen(runner, ["show", name], 160)
        for ref in KB.get(name).references:
            if ref.link and len(ref.link) <= 150:
                assert any(ref.link in row for row in rows), ref.link


def test_brief_is_at_most_30_lines_at_100_columns(runner: CliRunner) -> None:
    """`show NAME --brief`: key points of every option in at most 30 screen lines at 100 columns."""
    for t in KB.treatments:
        rows = screen(runner, ["show", t.id, "--brief"], 100)
        assert len(rows) <= 30, f"{t.id}: {len(rows)} lines"
        text = "\n".join(rows)
        assert "Evidence:" in text and f"mesocli show {t.id}" in text


GOLDEN = [
    (["list"], "list"),
    (["show", "chemotherapy", "--brief"], "show-brief-chemotherapy"),
    (["compare", "chemotherapy", "immunotherapy"], "compare-chemotherapy-immunotherapy"),
    (["evidence", "immunotherapy"], "evidence-immunotherapy"),
]


@pytest.mark.parametrize("columns", (60, 100))
@pytest.mark.parametrize(("args", "name"), GOLDEN, ids=[name for _, name in GOLDEN])
def test_screen_matches_golden(runner: CliRunner, args: list[str], name: str, columns: int) -> None:
    """The emulated screen of list, show --brief, compare and evidence is its golden screen dump."""
    dump = "\n".join(screen(runner, args, columns)) + "\n"
    golden = SCREENS / f"{name}-{columns}.txt"
    if os.environ.get("MESOCLI_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(dump, encoding="utf-8")
    assert dump == golden.read_text(encoding="utf-8")


def test_no_color_keeps_bold_and_drops_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR on a terminal: headings and labels still bold (and underlined), no colour codes at all."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    from mesocli.pages.reading import page_of

    text = output.render("rich", lambda: page_of(KB.get("chemo")), lambda: None, terminal=True)
    codes = re.findall(r"\x1b\[([0-9;]*)m", text)
    assert "1" in codes and any("4" in c.split(";") for c in codes)
    colours = [c for c in codes for p in c.split(";") if p.isdigit() and (30 <= int(p) <= 49 or 90 <= int(p) <= 107)]
    assert colours == []


def test_columns_that_cannot_fit_unbroken_become_cards() -> None:
    """The width planner: widths that keep the longest word whole, or None (cards) when they cannot fit."""
    from mesocli.pages.document import plain as span

    rows = [(span("Immunotherapy (immune checkpoint inhibitors)"), span("systemic-therapy"), span("x " * 80))]
    widths = column_widths(("Name", "Category", "Summary"), rows, (1, 0, 3), 80)
    assert widths is not None and widths[1] == len("systemic-therapy") and widths[0] >= len("Immunotherapy")
    assert sum(widths) <= 80 and widths[2] > widths[0]
    assert column_widths(("Name", "Category", "Summary"), rows, (1, 0, 3), 40) is None
