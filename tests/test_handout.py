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
    """The handout has every part, from the situation to the disclaimer; --full keeps the long version."""
    html = handout(runner)
    for part in (
        "The situation",
        "The decision",
        "The options",
        "CheckMate 743 (2021)",
        "alive at 2 years: about",
        '<svg role="img"',
        "What matters to me",
        "Questions to ask",
        "<h2>Notes</h2>",
        "References",
        "How this was made",
        "Funding",
        f"Date of the evidence: </span>{mesocli.load().last_reviewed.isoformat()}",
        "not medical advice",
        "does not choose",
    ):
        assert part in html, part
    full = handout(runner, "--full")
    assert "Options that fit this situation" in full and "median survival 18.1 months" in full
    assert "<svg" not in full


def test_print_styles_number_the_pages_and_pick_the_paper(runner: CliRunner) -> None:
    """@page A4 by default, Letter with --paper letter, each with the page number; a question never splits."""
    assert "@page{size:A4;" in handout(runner)
    assert "@page{size:letter;" in handout(runner, "--paper", "letter")
    assert "counter(page)" in handout(runner) and "counter(pages)" in handout(runner)
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
    assert result.exit_code == 0 and 5 < result.stdout.count('class="q"') <= 15


WORKED = ["--site", "pleural", "--histology", "epithelioid", "--treated", "none", "--fitness", "1", "--region", "us"]


def worked(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["handout", *WORKED, "-o", "-", *args])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def questions(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", q) for q in re.findall(r'<li class="q">(.*?)</li>', html)]


def test_questions_are_one_list_of_at_most_15_chosen_for_the_situation(runner: CliRunner) -> None:
    """One "Questions to ask" list, at most 15, none about another site or about what the situation says."""
    html = worked(runner)
    asked = questions(html)
    assert html.count("Questions to ask") == 1 and 10 <= len(asked) <= 15
    assert len(set(asked)) == len(asked)
    for q in asked:
        assert not re.search(r"peritoneal|HIPEC|epithelioid, sarcomatoid or biphasic|which tissue type", q, re.I), q
    peritoneal = questions(runner.invoke(app, ["handout", "--site", "peritoneal", "-o", "-"]).stdout)
    histology_unknown = questions(runner.invoke(app, ["handout", "--site", "pleural", "-o", "-"]).stdout)
    assert any("tissue type" in q or "epithelioid, sarcomatoid" in q for q in histology_unknown)
    assert len(peritoneal) <= 15


def test_option_chooses_what_the_handout_covers(runner: CliRunner) -> None:
    """--option (repeatable) covers those options only, the comfort choice by comfort-care; unknown exits 1."""
    html = worked(runner, "--option", "immuno", "--option", "comfort-care")
    covered = re.findall(r"<h3>(.*?)</h3>", html)
    assert covered == [
        "Immunotherapy (immune checkpoint inhibitors)",
        "No anticancer treatment, care focused on comfort",
    ]
    assert runner.invoke(app, ["handout", *WORKED, "-o", "-", "--option", "nosuch"]).exit_code == 1


def test_references_are_numbered_by_first_use_and_only_cited_ones_listed(runner: CliRunner) -> None:
    """The first citation is [1], each new one the next number, and the list holds exactly those."""
    html = worked(runner)
    body, _, listed = html.partition("<h2>References</h2>")
    seen = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", re.sub(r"<[^>]+>", "", body))))
    assert seen == list(range(1, len(seen) + 1))
    assert listed.split("</ol>")[0].count("<li") == len(seen)


def test_large_print_gives_every_font_size_in_points_none_below_14(runner: CliRunner) -> None:
    """--large-print: each font size is in pt, at least 14, and the body text at least 16."""
    css = re.search(r"<style>(.*?)</style>", worked(runner, "--large-print"), re.S).group(1)  # type: ignore[union-attr]
    sizes = re.findall(r"font(?:-size)?:\s*([\d.]+)([a-z%]*)", css)
    assert sizes and all(unit == "pt" and float(value) >= 14 for value, unit in sizes), sizes
    body = re.findall(r"body\{[^}]*font(?:-size)?:\s*([\d.]+)pt", css)
    assert body and float(body[-1]) >= 16


def test_approvals_in_the_region_and_values_from_the_profile(runner: CliRunner, tmp_path: Path) -> None:
    """With a region each option's approvals there are named; a profile's values are printed, else a blank exercise."""
    html = worked(runner)
    assert "Approvals in region United States" in html and "FDA, 2020-10-02" in html
    assert html.count("0  1  2  3  4") == 6
    profile = tmp_path / "me.yaml"
    profile.write_text("site: pleural\nvalues:\n  longer_life: 3\n  time_at_home: 1\n", encoding="utf-8")
    answered = runner.invoke(app, ["handout", "--profile", str(profile), "-o", "-"]).stdout
    assert "3/4" in answered and "1/4" in answered


def test_figures_are_drawn_with_a_text_alternative(runner: CliRunner) -> None:
    """Each drawing is an image with a title that says the same as the words beside it."""
    html = worked(runner)
    drawings = re.findall(r'<svg role="img" aria-label="([^"]+)"[^>]*><title>([^<]+)</title>', html)
    assert drawings and all(label == title and "/100" in label for label, title in drawings)
    assert "41/100: Nivolumab plus ipilimumab" in html


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_translated_handout_asks_the_same_questions(runner: CliRunner, lang: str) -> None:
    """Questions are chosen on their English words, so a Turkish or Spanish handout asks as many (translated)."""
    from mesocli.core.l10n import set_language

    english = questions(worked(runner))
    try:
        result = runner.invoke(app, ["--lang", lang, "handout", *WORKED, "-o", "-"])
    finally:
        set_language("en")
    translated = questions(result.stdout)
    assert len(translated) == len(english) and translated != english
