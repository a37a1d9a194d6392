"""`show NAME --brief` (the key points) and `show NAME --section S` (chosen sections, their references)."""

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


def test_brief_has_the_key_points_and_where_to_read_more(runner: CliRunner) -> None:
    """--brief: summary, evidence level, first benefit and risk, studies one line each, what is left."""
    t = KB.get("chemotherapy")
    out = plain(runner, "show", "chemo", "--brief")
    flat = " ".join(out.split())
    assert " ".join(t.summary.split()) in flat
    assert f"Evidence: {t.evidence_level}" in flat
    assert "What it may do" in out and t.benefits[0].split("[@")[0].strip() in flat
    assert "What it costs" in out and t.risks[0].split("[@")[0].strip() in flat
    assert "  - EMPHACIS (2003): median survival 12.1 vs 9.3 months, hazard ratio 0.77 [1]\n" in out
    assert f"--section questions` ({len(t.questions)})" in flat
    assert "Overview" not in out and "Questions to ask" not in out


def test_brief_lists_every_reference_it_cites_one_line_each(runner: CliRunner) -> None:
    """--brief: each [n] it cites is listed under References as n., on one line with a PMID, DOI or site."""
    for t in KB.treatments:
        out = plain(runner, "show", t.id, "--brief")
        body, _sep, listed = out.partition("References\n----------\n")
        cited = sorted({int(n) for n in re.findall(r"\[(\d+)\]", body)})
        rows = re.findall(r"^ +(\d+)\. (.*)$", listed.partition("More:")[0], flags=re.MULTILINE)
        assert [int(n) for n, _row in rows] == cited, t.id
        for n, row in ((int(n), row) for n, row in rows):
            ref = t.references[n - 1]
            assert (ref.pmid or ref.doi or "") in row and ref.citation.split(",")[0].split(".")[0] in row, row


def test_section_shows_only_the_sections_asked_with_their_references(runner: CliRunner) -> None:
    """--section risks --section approvals: those two headings, in that order, and References of what they cite."""
    whole = plain(runner, "show", "immunotherapy")
    out = plain(runner, "show", "immunotherapy", "--section", "risks", "--section", "approvals")
    headings = re.findall(r"^(.+)\n-+$", out, flags=re.MULTILINE)
    assert headings == ["Risks and side effects", "Approvals", "References"]
    cited = sorted({int(n) for n in re.findall(r"\[(\d+)\]", out.split("\nReferences\n")[0])})
    listed = [int(n) for n in re.findall(r"^\s+(\d+)\. ", out.split("\nReferences\n")[1], flags=re.MULTILINE)]
    assert listed == cited  # the numbers of the whole page, only the ones cited here
    for number in cited:  # each number names the same reference as on the whole page
        line = next(li for li in out.splitlines() if li.strip().startswith(f"{number}. "))
        assert line in whole


def test_section_is_checked_and_takes_any_case(runner: CliRunner) -> None:
    """An unknown section is a usage error naming the sections; the name is taken in any case."""
    bad = runner.invoke(app, ["show", "chemo", "--section", "prices"])
    assert bad.exit_code == 2 and "overview" in bad.stderr
    assert "Key studies" in plain(runner, "show", "chemo", "--section", "EVIDENCE")
    assert runner.invoke(app, ["show", "chemo", "--brief", "--section", "risks"]).exit_code == 2
