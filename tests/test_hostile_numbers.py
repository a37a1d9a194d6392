"""Numbers are read as written: never octal, percentages within 0 to 100, in the knowledge base, overlays, profiles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.files import validate
from mesocli.core.overlay import read

TINY = Path(__file__).parent / "data" / "tiny.yaml"


def _tiny_with(old: str, new: str, write_kb: Callable[..., Path]) -> tuple[Path, int, int]:
    """The tiny knowledge base with one figure rewritten: (path, line, column of the new figure)."""
    text = TINY.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    before = text[: text.index(new)]
    path = write_kb(text)
    column = len(before) - before.rfind("\n") + len(new) - len(new.rsplit(maxsplit=1)[-1])
    return path, before.count("\n") + 1, column


@pytest.mark.parametrize("written", ["017", "014", "012.1", "00"])
def test_a_leading_zero_figure_is_refused_with_its_line_and_column(written: str, write_kb: Callable[..., Path]) -> None:
    """median_os_months: 017 (octal 15 to YAML) is an error at that figure, never a survival of 15.0."""
    path, line, column = _tiny_with("median_os_months: 12.1", f"median_os_months: {written}", write_kb)
    problems = [p for p in validate(path) if p.severity == "error"]
    assert len(problems) == 1 and "leading zero" in problems[0].message
    assert (problems[0].line, problems[0].column) == (line, column)


def test_a_knowledge_base_with_an_octal_looking_figure_is_not_served(
    runner: CliRunner, write_kb: Callable[..., Path]
) -> None:
    """`show` on such a file exits 3 and prints no figure at all, never 15.0 months."""
    path, _line, _column = _tiny_with("median_os_months: 12.1", "median_os_months: 017", write_kb)
    result = runner.invoke(app, ["--kb", str(path), "show", "chemo"])
    assert result.exit_code == 3 and "15" not in result.stdout


@pytest.mark.parametrize(("field", "value"), [("pct", "241"), ("pct", "-1"), ("response_rate_pct", "100.5")])
def test_a_percentage_outside_0_to_100_is_refused(field: str, value: str, write_kb: Callable[..., Path]) -> None:
    """Survival pct: 241 (or a response rate of 100.5) is an error placed at the figure."""
    added = f"survival: [{{years: 2, pct: {value}}}]" if field == "pct" else f"{field}: {value}"
    text = TINY.read_text(encoding="utf-8").replace(
        "    median_os_months: 12.1\n", f"    median_os_months: 12.1\n    {added}\n", 1
    )
    problems = [p for p in validate(write_kb(text)) if p.severity == "error"]
    assert len(problems) == 1 and "from 0 to 100" in problems[0].message and problems[0].line is not None


def test_an_overlay_value_is_read_as_the_text_written(tmp_path: Path) -> None:
    """In a translation, 017 stays the text '017' and 'no' stays 'no': an overlay holds text only."""
    file = tmp_path / "kb.tr.yaml"
    file.write_text("lang: tr\ntreatments:\n  x:\n    summary: {text: no, source_hash: 0123}\n", encoding="utf-8")
    sections, _marks, problems = read(file)
    assert problems == []
    assert sections["treatments"]["x"]["summary"] == {"text": "no", "source_hash": "0123"}


@pytest.mark.parametrize("written", ["03", "00", "0x3"])
def test_a_profile_number_with_a_leading_zero_is_refused(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, written: str
) -> None:
    """fitness: 03 in a profile is a usage error at its line and column, never read as octal."""
    profile = tmp_path / "me.yaml"
    profile.write_text(f"site: pleural\nfitness: {written}\n", encoding="utf-8")
    result = runner.invoke(app, ["--kb", str(tiny_path), "options", "--profile", str(profile)])
    assert result.exit_code == 2
    assert "me.yaml:2:10" in result.stderr and "fitness" in result.stderr
