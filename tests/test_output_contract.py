"""The output contract of --format json|yaml|markdown, as documented in docs/output.md."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from mesocli.cli.app import app


def data(runner: CliRunner, kb: Path, *args: str, fmt: str = "json") -> object:
    result = runner.invoke(app, ["--kb", str(kb), *args, "--format", fmt])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if fmt == "json" else yaml.safe_load(result.stdout)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_shapes_of_every_command(runner: CliRunner, tiny_path: Path, fmt: str) -> None:
    """Each command's JSON/YAML has the documented keys; YAML and JSON carry the same data."""
    rows = data(runner, tiny_path, "list", fmt=fmt)
    assert isinstance(rows, list)
    assert set(rows[0]) == {"id", "name", "category", "goals", "evidence_level", "mesothelioma_types", "summary"}
    hits = data(runner, tiny_path, "search", "pain", fmt=fmt)
    assert isinstance(hits, list)
    assert set(hits[0]) == {"id", "kind", "name", "score", "matches"}
    assert set(hits[0]["matches"][0]) == {"field", "snippet", "highlights"}
    guides = data(runner, tiny_path, "guide", fmt=fmt)
    assert guides == [
        {
            "id": "second-opinion",
            "title": "Getting a second opinion",
            "summary": "Another specialist's view can confirm a plan or add options.",
        }
    ]
    guide = data(runner, tiny_path, "guide", "second-opinion", fmt=fmt)
    assert isinstance(guide, dict)
    assert {"id", "title", "summary", "body", "questions", "references", "last_reviewed"} <= set(guide)
    terms = data(runner, tiny_path, "glossary", fmt=fmt)
    assert isinstance(terms, list)
    assert [t["id"] for t in terms] == ["pleurodesis", "hazard-ratio"]
    term = data(runner, tiny_path, "glossary", "HR", fmt=fmt)
    assert isinstance(term, dict)
    assert set(term) == {"id", "term", "definition", "aliases", "related", "references"}


def test_json_and_yaml_agree(runner: CliRunner, tiny_path: Path) -> None:
    """The YAML output is the JSON output in another notation."""
    for command in (["list"], ["show", "chemo"], ["glossary"]):
        assert data(runner, tiny_path, *command, fmt="json") == data(runner, tiny_path, *command, fmt="yaml")


@pytest.mark.parametrize(
    "options", [[], ["--category", "supportive-care"], ["--goal", "extend-life"], ["--type", "peritoneal"]]
)
@pytest.mark.parametrize("fmt", ["json", "yaml", "markdown", "plain", "rich"])
def test_list_filters_work_in_every_format(runner: CliRunner, tiny_path: Path, options: list[str], fmt: str) -> None:
    """A filtered list shows exactly the matching options, whatever the format."""
    wide = {"COLUMNS": "200"}  # so that table cells do not wrap names
    result = runner.invoke(app, ["--kb", str(tiny_path), "list", *options, "--format", fmt], env=wide)
    assert result.exit_code == 0
    expected = {(): 3, ("--category", "supportive-care"): 1, ("--goal", "extend-life"): 1, ("--type", "peritoneal"): 1}[
        tuple(options)
    ]
    names = ["Chemotherapy", "Palliative Care", "Radiation Therapy"]
    assert sum(name in result.stdout for name in names) == expected


def _tokens(markdown: str) -> list[str]:
    tokens = MarkdownIt("default").parse(markdown)
    return [t.type for t in tokens] + [c.type for t in tokens for c in (t.children or [])]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["show", "chemo"], {"heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open"}),
        (["list"], {"heading_open", "table_open", "th_open"}),
        (["search", "pain"], {"heading_open", "bullet_list_open", "strong_open"}),
        (["guide", "second-opinion"], {"heading_open", "bullet_list_open"}),
        (["glossary"], {"table_open"}),
    ],
)
def test_markdown_is_valid_structured_markdown(
    runner: CliRunner, tiny_path: Path, command: list[str], expected: set[str]
) -> None:
    """Markdown output parses into real headings, lists and tables (not text that merely looks like them)."""
    result = runner.invoke(app, ["--kb", str(tiny_path), *command, "--format", "markdown"])
    assert expected <= set(_tokens(result.stdout))


def test_markdown_table_cells_escape_pipes(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """A '|' in data does not break the table into extra columns."""
    tiny_data["treatments"][0]["summary"] = "A | B"
    path = write_kb(tiny_data)
    result = runner.invoke(app, ["--kb", str(path), "list", "--format", "markdown"])
    rows = [line for line in result.stdout.splitlines() if line.startswith("| **Chemotherapy")]
    assert rows and rows[0].count("|") - rows[0].count("\\|") == 5
