"""The command line through typer.testing.CliRunner: every command, every format, every exit code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from mesocli.cli.app import app

COMMANDS: list[list[str]] = [
    ["list"],
    ["show", "chemo"],
    ["search", "nausea"],
    ["guide"],
    ["guide", "second-opinion"],
    ["glossary"],
    ["glossary", "HR"],
]
FORMATS = ["rich", "plain", "json", "yaml", "markdown"]


def invoke(runner: CliRunner, kb: Path, *args: str, **kwargs: Any) -> Any:
    return runner.invoke(app, ["--kb", str(kb), *args], **kwargs)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_in_every_format(runner: CliRunner, tiny_path: Path, command: list[str], fmt: str) -> None:
    """Each command succeeds in each format; JSON and YAML parse; text formats carry no escape codes."""
    result = invoke(runner, tiny_path, *command, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert "\x1b[" not in result.stdout  # NO_COLOR and not a terminal
    if fmt == "json":
        json.loads(result.stdout)
    elif fmt == "yaml":
        yaml.safe_load(result.stdout)
    elif fmt == "markdown":
        assert result.stdout.lstrip().startswith("#")


def test_json_shorthand_matches_format_json(runner: CliRunner, tiny_path: Path) -> None:
    """--json is the same as --format json."""
    a = invoke(runner, tiny_path, "list", "--json").stdout
    b = invoke(runner, tiny_path, "list", "--format", "json").stdout
    assert a == b


def test_list_json_contract(runner: CliRunner, tiny_path: Path) -> None:
    """list --json gives an array of {id, name, category, goals, evidence_level, summary, ...}."""
    rows = json.loads(invoke(runner, tiny_path, "list", "--json").stdout)
    assert [r["id"] for r in rows] == ["chemotherapy", "palliative-care", "radiation-therapy"]
    assert {"id", "name", "category", "goals", "evidence_level", "summary"} <= set(rows[0])
    assert rows[0]["goals"] == ["extend-life", "relieve-symptoms"]


def test_show_json_is_the_whole_entry_with_file_field_names(
    runner: CliRunner, tiny_path: Path, tiny_data: dict[str, Any]
) -> None:
    """show --json round-trips the entry as written in the file."""
    entry = json.loads(invoke(runner, tiny_path, "show", "chemotherapy", "--json").stdout)
    original = tiny_data["treatments"][0]
    for key, value in original.items():
        if key != "last_reviewed":
            assert _without_nulls(entry[key]) == value, key
    assert entry["last_reviewed"] == "2026-11-01"
    assert entry["approvals"] == []  # optional fields are present, empty, so the shape is stable
    assert entry["references"][0]["url"] is None


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def test_search_json_contract(runner: CliRunner, tiny_path: Path) -> None:
    """search --json gives ranked {id, name, score, matches: [{field, snippet}]}."""
    hits = json.loads(invoke(runner, tiny_path, "search", "nausea", "--json").stdout)
    assert hits[0]["id"] == "chemotherapy"
    assert hits[0]["matches"][0]["field"] == "risks"
    assert "nausea" in hits[0]["matches"][0]["snippet"]
    assert isinstance(hits[0]["score"], float)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--category", "supportive-care"], ["palliative-care"]),
        (["--goal", "extend-life"], ["chemotherapy"]),
        (["--type", "peritoneal"], ["chemotherapy"]),
        (["--goal", "relieve-symptoms", "--type", "pleural"], ["chemotherapy", "palliative-care", "radiation-therapy"]),
    ],
)
def test_list_filters(runner: CliRunner, tiny_path: Path, options: list[str], expected: list[str]) -> None:
    """--category, --goal and --type narrow the list, and combine."""
    rows = json.loads(invoke(runner, tiny_path, "list", *options, "--json").stdout)
    assert [r["id"] for r in rows] == expected


def test_list_filter_matching_nothing_exits_1(runner: CliRunner, tiny_path: Path) -> None:
    """A valid filter that matches nothing is 'nothing found'."""
    result = invoke(runner, tiny_path, "list", "--category", "research")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1


def test_show_sections_and_footer(runner: CliRunner, tiny_path: Path) -> None:
    """show explains in sections and ends with the not-medical-advice footer."""
    out = invoke(runner, tiny_path, "show", "Chemo", "--format", "plain").stdout
    for section in (
        "Overview",
        "How it works",
        "Who it is for",
        "What to expect",
        "Benefits",
        "Risks and side effects",
        "Options",
        "Key studies",
        "Questions to ask your care team",
        "References",
        "Last reviewed: 2026-11-01",
    ):
        assert section in out
    assert out.index("\nOverview\n") < out.index("\nKey studies\n") < out.index("\nReferences\n")
    assert "not medical advice" in out.strip().splitlines()[-1]
    assert "12.1 months [1]" in out  # citation markers become numbers


def test_unknown_name_exits_1_with_suggestion_on_stderr(runner: CliRunner, tiny_path: Path) -> None:
    """An unknown option: exit 1, one line on stderr with 'did you mean', nothing on stdout."""
    result = invoke(runner, tiny_path, "show", "chemotheropy")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "mesocli: no treatment matches 'chemotheropy'; did you mean chemotherapy?\n"


@pytest.mark.parametrize(
    ("command", "kind"), [(["guide", "secnd opinion"], "guide topic"), (["glossary", "pleurodsis"], "glossary term")]
)
def test_unknown_guide_or_term_exits_1(runner: CliRunner, tiny_path: Path, command: list[str], kind: str) -> None:
    """Unknown guide topics and glossary terms behave like unknown options."""
    result = invoke(runner, tiny_path, *command)
    assert result.exit_code == 1
    assert f"no {kind} matches" in result.stderr and "did you mean" in result.stderr


def test_search_without_hits_exits_1(runner: CliRunner, tiny_path: Path) -> None:
    """No hit: exit 1 and a message on stderr."""
    result = invoke(runner, tiny_path, "search", "xylophone")
    assert result.exit_code == 1
    assert "nothing matches 'xylophone'" in result.stderr


def test_search_joins_words_and_limits(runner: CliRunner, tiny_path: Path) -> None:
    """Several words form one query; --limit caps the hits."""
    hits = json.loads(invoke(runner, tiny_path, "search", "blood", "tests", "-n", "1", "--json").stdout)
    assert len(hits) == 1 and hits[0]["id"] == "chemotherapy"


@pytest.mark.parametrize(
    "args",
    [
        ["show"],
        ["list", "--category", "nope"],
        ["search", "x", "--limit", "0"],
        ["frobnicate"],
        ["list", "--format", "html"],
        ["list", "--no-such-option"],
    ],
    ids=" ".join,
)
def test_usage_errors_exit_2_with_one_line(runner: CliRunner, tiny_path: Path, args: list[str]) -> None:
    """Usage errors: exit 2, exactly one line on stderr naming the help to read, no traceback."""
    result = invoke(runner, tiny_path, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("mesocli: error: ")
    assert "--help" in result.stderr
    assert "Traceback" not in result.output


def test_bad_knowledge_base_exits_3(runner: CliRunner, write_kb: Callable[..., Path]) -> None:
    """A broken --kb file: exit 3 and one line naming the file and line."""
    path = write_kb("schema_version: 1\ntitle: [\n")
    result = runner.invoke(app, ["--kb", str(path), "list"])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"mesocli: knowledge base error: {path}:")
    assert result.stderr.count("\n") == 1


def test_missing_knowledge_base_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    """A --kb path that does not exist: exit 3."""
    result = runner.invoke(app, ["--kb", str(tmp_path / "nope.yaml"), "show", "chemo"])
    assert result.exit_code == 3
    assert "no such file" in result.stderr


def test_env_var_selects_knowledge_base(runner: CliRunner, tiny_path: Path) -> None:
    """MESOCLI_KB is read when --kb is not given."""
    result = runner.invoke(app, ["list", "--json"], env={"MESOCLI_KB": str(tiny_path)})
    assert len(json.loads(result.stdout)) == 3


def test_version_shows_package_and_knowledge_base(runner: CliRunner, tiny_path: Path) -> None:
    """--version names both versions."""
    from mesocli import __version__

    result = invoke(runner, tiny_path, "--version")
    assert result.exit_code == 0
    assert f"mesocli {__version__}" in result.stdout
    assert "knowledge base 0.0.1" in result.stdout


def test_help_option_shows_help_with_exit_codes(runner: CliRunner) -> None:
    """`mesocli --help` prints usage with the exit codes, and succeeds."""
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and "Exit codes:" in result.stdout


def test_rich_output_uses_colour_when_forced(runner: CliRunner, tiny_path: Path) -> None:
    """The rich format colours when colour is forced, and data brackets stay literal."""
    env = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"}
    result = invoke(runner, tiny_path, "show", "chemo", "--format", "rich", env=env)
    assert "\x1b[" in result.stdout
    assert "[1]" in result.stdout


def test_validate_reports_every_problem(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """validate prints file:line:column: entry: message for each problem and exits 3."""
    tiny_data["treatments"][0]["colour"] = "red"
    tiny_data["treatments"][1]["related"] = ["nowhere"]
    path = write_kb(tiny_data)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{path}:") for line in lines)
    assert ": chemotherapy: unknown key 'colour'" in lines[0]
    assert ": palliative-care: related id 'nowhere' does not exist" in lines[1]


def test_validate_clean_file_exits_0(runner: CliRunner, tiny_path: Path) -> None:
    """A clean file validates with exit 0; JSON output says ok."""
    result = runner.invoke(app, ["validate", str(tiny_path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["ok"] is True


@pytest.mark.parametrize(
    ("name", "hint"),
    [("second opinion", "mesocli guide second-opinion"), ("pleurodesis", "mesocli glossary pleurodesis")],
)
def test_show_points_to_guide_and_glossary(runner: CliRunner, tiny_path: Path, name: str, hint: str) -> None:
    """`show` of a guide topic or glossary term says which command shows it."""
    result = invoke(runner, tiny_path, "show", name)
    assert result.exit_code == 1
    assert f"did you mean {hint}?" in result.stderr
