"""Rendered pages against golden files. Regenerate with MESOCLI_UPDATE_GOLDEN=1 after a deliberate change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("show-chemotherapy.txt", ["show", "chemotherapy", "--format", "plain"]),
        ("tiny-show-chemotherapy.md", ["--kb", "{tiny}", "show", "chemo", "--format", "markdown"]),
        ("tiny-list.txt", ["--kb", "{tiny}", "list", "--format", "plain"]),
        ("tiny-search.txt", ["--kb", "{tiny}", "search", "blood", "tests", "--format", "plain"]),
    ],
)
def test_page_matches_golden_file(runner: CliRunner, tiny_path: Path, name: str, args: list[str]) -> None:
    """Rendered output at 80 columns is byte-for-byte what the golden file holds."""
    tiny = Path(__file__).parent / "data" / "tiny.yaml"
    result = runner.invoke(app, [a.replace("{tiny}", str(tiny)) for a in args])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / name
    if os.environ.get("MESOCLI_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
