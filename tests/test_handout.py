"""The visit handout as a file: self-contained HTML with print styles, escaped text, safe writing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app

SITUATION = ["--site", "pleural", "--histology", "sarcomatoid", "--treated", "none", "--fitness", "1"]


def handout(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["handout", *SITUATION, "-o", "-", *args])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_handout_is_one_self_contained_page(runner: CliRunner) -> None:
    """No scripts, no <link>, no remote fonts or images, no url(): the file makes no request when opened."""
    html = handout(runner)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    lowered = html.casefold()
    for forbidden in ("<script", "<link", "<img", "<iframe", "@import", "url(", "@font-face", "<object", "<embed"):
        assert forbidden not in lowered, forbidden
    assert not re.search(r"\s(src|srcset)=", lowered)


def test_handout_has_every_part(runner: CliRunner) -> None:
    """The situation, the options with trials and numbers, the questions, references, review date, disclaimer."""
    html = handout(runner)
    for part in (
        "The situation",
        "Options that fit this situation",
        "CheckMate 743 (2021)",
        "median survival 18.1 months",
        "Questions for my care team",
        "References",
        f"Knowledge base reviewed {mesocli.load().last_reviewed.isoformat()}",
        "not medical advice",
        "does not choose",
    ):
        assert part in html, part
    assert html.count('class="q"') == html.count('class="answer"') > 10


def test_print_styles_keep_a_question_with_its_answer_and_pick_the_paper(runner: CliRunner) -> None:
    """@page A4 by default, Letter with --paper letter; questions never split from their answer space."""
    assert "@page{size:A4;margin:18mm}" in handout(runner)
    assert "@page{size:letter;" in handout(runner, "--paper", "letter")
    assert re.search(r"\.q\{break-inside:avoid", handout(runner))


def test_every_piece_of_text_is_escaped(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """Markup in the knowledge base arrives as text, in the HTML and in the Markdown."""
    tiny_data["treatments"][0]["questions"] = ["<script>alert(1)</script> & <b>bold</b>?"]
    kb = write_kb(tiny_data)
    html = runner.invoke(app, ["--kb", str(kb), "handout", "-o", "-"]).stdout
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;?" in html
    markdown = runner.invoke(app, ["--kb", str(kb), "handout", "-o", "-", "--format", "markdown"]).stdout
    assert "\\<script\\>" in markdown


def test_markdown_handout_is_a_checklist(runner: CliRunner) -> None:
    """--format markdown gives headings and - [ ] items."""
    text = handout(runner, "--format", "markdown")
    assert text.startswith("# My visit: options and questions")
    assert "\n- [ ] " in text


def test_handout_never_overwrites_without_force(runner: CliRunner, tmp_path: Path) -> None:
    """-o FILE writes once; again exits 2 and leaves the file; --force replaces it."""
    path = tmp_path / "visit.html"
    first = runner.invoke(app, ["handout", *SITUATION, "-o", str(path)])
    assert first.exit_code == 0 and path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    path.write_text("mine", encoding="utf-8")
    second = runner.invoke(app, ["handout", *SITUATION, "-o", str(path)])
    assert second.exit_code == 2 and path.read_text(encoding="utf-8") == "mine"
    assert runner.invoke(app, ["handout", *SITUATION, "-o", str(path), "--force"]).exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["visit.html"]  # no temporary file left behind


def test_handout_reads_a_profile(runner: CliRunner, tmp_path: Path) -> None:
    """--profile gives the situation the handout describes."""
    profile = tmp_path / "me.yaml"
    profile.write_text("site: peritoneal\nfitness: 3\n", encoding="utf-8")
    result = runner.invoke(app, ["handout", "--profile", str(profile), "-o", "-"])
    assert result.exit_code == 0
    assert "peritoneal mesothelioma" in result.stdout and "fitness (ECOG) 3" in result.stdout


@pytest.mark.parametrize("args", [[], ["--site", "peritoneal", "--fitness", "3"]], ids=["unknown", "peritoneal-3"])
def test_handout_for_any_situation_has_questions(runner: CliRunner, args: list[str]) -> None:
    """Even with nothing known, or little fitting, the handout carries questions to ask."""
    result = runner.invoke(app, ["handout", *args, "-o", "-"])
    assert result.exit_code == 0 and result.stdout.count('class="q"') > 5
