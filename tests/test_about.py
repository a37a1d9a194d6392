"""Disclosures: "How this was made" in `mesocli about`, `--version` and as data for the handout."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.disclosure import disclosure


def test_about_says_who_funding_conflicts_review_and_evidence_date(runner: CliRunner) -> None:
    """The about page carries every item, with the date of the evidence from the knowledge base."""
    kb = mesocli.load()
    result = runner.invoke(app, ["about", "--format", "plain"])
    assert result.exit_code == 0, result.output
    for text in (
        "How this was made",
        "the mesocli project contributors",
        "Funding: none",
        "Conflicts of interest: none",
        "12 months",
        kb.last_reviewed.isoformat(),
    ):
        assert text in result.stdout


def test_about_json_and_the_library_structure_agree(runner: CliRunner) -> None:
    """`about --json` holds the same items as ``disclosure(kb.last_reviewed).to_data()``."""
    kb = mesocli.load()
    data = json.loads(runner.invoke(app, ["about", "--json"]).stdout)
    assert {k: data[k] for k in disclosure(kb.last_reviewed).to_data()} == disclosure(kb.last_reviewed).to_data()
    assert data["funding"] == "none" and data["evidence_date"] == kb.last_reviewed.isoformat()


def test_about_is_translated(runner: CliRunner) -> None:
    """In Spanish the labels and sentences are Spanish."""
    result = runner.invoke(app, ["--lang", "es", "about", "--format", "plain"])
    assert "Cómo se hizo" in result.stdout and "Financiación: ninguna" in result.stdout


def test_version_shows_how_it_was_made_from_a_real_process() -> None:
    """`mesocli --version` from the real entry point gives the versions and the disclosure block."""
    done = subprocess.run(
        [sys.executable, "-m", "mesocli", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("mesocli ")
    assert "Funding: none" in done.stdout and "Conflicts of interest: none" in done.stdout
