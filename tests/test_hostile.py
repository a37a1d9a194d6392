"""Hostile knowledge bases and hostile input: nothing drives the terminal, nothing crashes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import mesocli
from mesocli import kb as kb_module
from mesocli.cli.app import app

TINY = Path(__file__).parent / "data" / "tiny.yaml"
OSC8 = re.compile(r"\x1b\]8;[^;]*;([^\x1b\x07]*)")


def test_rich_markup_in_data_is_shown_literally(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """Markup in the knowledge base is text, not styling or links; links come only from references."""
    tiny_data["treatments"][0]["summary"] = "[bold red]alarm[/] and [link=https://evil.example]click[/link]"
    path = write_kb(tiny_data)
    env = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"}
    result = runner.invoke(app, ["--kb", str(path), "show", "chemo", "--format", "rich"], env=env)
    assert result.exit_code == 0
    assert "[bold red]alarm[/]" in result.stdout
    assert "[link=https://evil.example]click[/link]" in result.stdout
    links = {url for url in OSC8.findall(result.stdout) if url}
    assert links == {"https://doi.org/10.1200/JCO.2003.11.136"}


@pytest.mark.parametrize("fmt", ["plain", "markdown", "rich"])
def test_markdown_and_plain_keep_markup_inert(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any], fmt: str
) -> None:
    """Markdown output escapes link syntax from data, so a pasted page gains no hidden links."""
    tiny_data["treatments"][0]["summary"] = "See [here](https://evil.example) now"
    result = runner.invoke(app, ["--kb", str(write_kb(tiny_data)), "show", "chemo", "--format", fmt])
    assert result.exit_code == 0
    if fmt == "markdown":
        assert "\\[here\\](https://evil.example)" in result.stdout  # escaped: shown as text, not a link
    else:
        assert "[here](https://evil.example)" in result.stdout
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("columns", ["20", "40", "250"])
@pytest.mark.parametrize("fmt", ["rich", "plain"])
def test_narrow_and_wide_terminals_render(runner: CliRunner, tiny_path: Path, columns: str, fmt: str) -> None:
    """Pages render at 20, 40 and 250 columns; rich output never exceeds the width."""
    for command in (["show", "chemo"], ["list"], ["search", "nausea"]):
        result = runner.invoke(app, ["--kb", str(tiny_path), *command, "--format", fmt], env={"COLUMNS": columns})
        assert result.exit_code == 0
        if fmt == "rich":
            assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)


def test_no_color_is_honoured_even_on_the_rich_format(runner: CliRunner, tiny_path: Path) -> None:
    """NO_COLOR removes colour from rich output, even with FORCE_COLOR set."""
    env = {"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"}
    result = runner.invoke(app, ["--kb", str(tiny_path), "show", "chemo", "--format", "rich"], env=env)
    assert not re.search(r"\x1b\[[0-9;]*3\dm", result.stdout)  # no foreground colours


def test_ctrl_c_exits_130_without_traceback(
    runner: CliRunner, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupt during a command ends with 130 and no traceback."""

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kb_module, "load", interrupted)
    result = runner.invoke(app, ["--kb", str(tiny_path), "list"])
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr and result.stderr.count("\n") <= 1


WORDS = st.sampled_from(
    [
        "list",
        "show",
        "search",
        "guide",
        "glossary",
        "validate",
        "schema",
        "chemo",
        "pain",
        "--format",
        "json",
        "yaml",
        "markdown",
        "plain",
        "rich",
        "html",
        "--json",
        "--limit",
        "0",
        "3",
        "-n",
        "--category",
        "research",
        "--goal",
        "--type",
        "pleural",
        "--kb",
        "--version",
        "-V",
        "--help",
        "-h",
        "--",
        "-",
        "",
        "second-opinion",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.lists(st.one_of(WORDS, st.text(max_size=30)), max_size=6))
def test_any_argument_list_ends_in_a_documented_exit_code(args: list[str]) -> None:
    """Whatever is typed, the exit code is 0, 1, 2 or 3 and nothing escapes as a traceback."""
    result = CliRunner().invoke(app, ["--kb", str(TINY), *args])
    assert result.exit_code in (0, 1, 2, 3), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.one_of(
        st.text(max_size=300),
        st.sampled_from(["", " ", ".*", "(?:", "[[", "\\", "\u200f\u202eabc", "🦠 pain 🫁", "x" * 5000, "%s%n"]),
    )
)
def test_search_command_survives_any_text(query: str) -> None:
    """search with empty, huge, regex-like, right-to-left or emoji text ends in 0, 1 or 2 cleanly."""
    result = CliRunner().invoke(app, ["--kb", str(TINY), "search", "--", query, "--json"])
    assert result.exit_code in (0, 1, 2), (query, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_library_search_of_a_huge_query_is_bounded(tiny_path: Path) -> None:
    """A 100,000-character query returns promptly with well-formed hits (typo matching is length-bounded)."""
    hits = mesocli.load(tiny_path).search("pain " * 20_000)
    assert hits and hits[0].score > 0
