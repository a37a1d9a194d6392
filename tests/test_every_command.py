"""Every command's output for the bundled knowledge base, plain and JSON, against golden files.

Regenerate with ``MESOCLI_UPDATE_GOLDEN=1 pytest tests/test_every_command.py`` after a deliberate change
(content or layout), and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app

GOLDEN = Path(__file__).parent / "golden" / "commands"

PAGES = [
    ["list"],
    ["list", "--category", "systemic-therapy"],
    *[["show", name] for name in ("palliative", "chemo", "radiation", "immuno", "trials", "surgery", "supportive")],
    ["search", "pain"],
    ["search", "clinical", "trial", "near", "me"],
    ["guide"],
    ["guide", "second-opinion"],
    ["glossary"],
    ["glossary", "pleurodesis"],
    ["compare", "chemotherapy", "immunotherapy"],
    ["questions", "chemo"],
    ["evidence"],
    ["evidence", "immunotherapy"],
    ["sources"],
    ["studies"],
    ["studies", "--option", "immunotherapy", "--line", "first"],
    ["studies", "checkmate"],
    ["studies", "NCT02899299"],
    ["options", "--site", "pleural", "--histology", "sarcomatoid", "--treated", "none", "--fitness", "1"],
    ["options", "--site", "peritoneal", "--fitness", "3", "--region", "us"],
    ["options", "--site", "pleural", "--histology", "epithelioid", "--treated", "none", "--fitness", "1", "--details"],
]
CASES = [[*args, "--format", fmt] for args in PAGES for fmt in ("plain", "json")] + [
    ["show", "chemo", "--format", "markdown"],
    ["show", "chemo", "--format", "rich"],
    ["list", "--format", "rich"],
    ["evidence", "--format", "rich"],
    ["schema"],
    ["--help"],
    *[
        [command, "--help"]
        for command in ("list", "show", "search", "compare", "questions", "validate", "studies", "options")
    ],
]


def slug(args: list[str]) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(args).casefold()).strip("-") + ".txt"


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) for c in CASES])
def test_command_output_matches_golden(runner: CliRunner, args: list[str]) -> None:
    """A command's stdout for the bundled knowledge base is byte-for-byte its golden file."""
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / slug(args)
    if os.environ.get("MESOCLI_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
