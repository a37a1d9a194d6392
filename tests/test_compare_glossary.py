"""compare: numbered references, lists as lists, whole sections; glossary: alphabetical, no raw citation ids."""

from __future__ import annotations

import re

from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app

KB = mesocli.load()


def plain(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, [*args, "--format", "plain"])
    assert result.exit_code == 0, result.output
    return result.stdout


# ---------------------------------------------------------------- compare


def test_compare_lists_whole_sections_numbered_references_and_lists(runner: CliRunner) -> None:
    """compare (plain): no raw ids or `.;`, benefits as list items, what to expect whole, a cut says where to read."""
    chemo, immuno = KB.get("chemotherapy"), KB.get("immunotherapy")
    out = plain(runner, "compare", "chemotherapy", "immunotherapy")
    flat = " ".join(out.split())
    assert ".;" not in out and "[baas2021]" not in out and "[@" not in out
    last_paragraph = chemo.what_to_expect.strip().split("\n\n")[-1]
    assert " ".join(re.sub(r"\s*\[@[^\]]+\]", "", last_paragraph).split())[:60] in re.sub(r" \[\d+\]", "", flat)
    assert "\n  - " + chemo.benefits[0][:30] in out
    assert f"({len(immuno.risks) - 3} more: see `mesocli show immunotherapy`)" in flat
    assert "\nReferences\n" in out and "Baas P" in out.split("\nReferences\n")[1]


def test_compare_table_cells_put_one_item_a_line(runner: CliRunner) -> None:
    """compare (rich, wide): each benefit starts its own line with a bullet inside the cell."""
    result = runner.invoke(app, ["compare", "chemo", "immuno", "--format", "rich"], env={"COLUMNS": "160"})
    bullets = [line for line in result.stdout.splitlines() if "│ • " in line]
    assert len(bullets) >= 6


# ---------------------------------------------------------------- glossary


def test_glossary_is_alphabetical_and_shows_no_raw_citation_ids(runner: CliRunner) -> None:
    """glossary: terms in case-folded alphabetical order, definitions without [@id] or reference ids."""
    out = plain(runner, "glossary")
    longest_first = sorted((t.term for t in KB.glossary), key=len, reverse=True)
    starts = [next((n for n in longest_first if row.startswith(n + "  ")), None) for row in out.splitlines()]
    shown = [n for n in starts if n]
    assert len(shown) == len(KB.glossary)
    assert shown == sorted(shown, key=str.casefold)
    assert "[@" not in out
    assert not [r.id for r in KB.references if f"[{r.id}]" in out]


def test_glossary_term_numbers_its_sources(runner: CliRunner) -> None:
    """glossary TERM: its citations are numbers, listed under References."""
    term = next(t for t in KB.glossary if t.references)
    out = plain(runner, "glossary", term.id)
    assert "[1]" in out and "\nReferences\n" in out and "[@" not in out
