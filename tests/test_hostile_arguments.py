"""Hostile command-line arguments: undecodable bytes, numbers not written plainly, huge values, option order,
and Ctrl-C. Each ends in one clear line and a documented exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.escape import MAX_ECHO, MAX_MESSAGE


def _real(arguments: list[str | bytes]) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "MESOCLI_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mesocli", *arguments], capture_output=True, timeout=120, check=False, env=env
    )


@pytest.mark.parametrize("command", ["show", "search", "guide", "glossary", "compare", "evidence"])
def test_an_undecodable_byte_in_a_name_or_query_is_a_usage_error(command: str) -> None:
    """A byte that is not UTF-8 in the argument (a surrogate escape from the OS): one line, exit 2."""
    done = _real([command, b"ch\xffemo", b"x"] if command == "compare" else [command, b"ch\xffemo"])
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr and done.stderr.count(b"\n") == 1
    assert b"is not valid text" in done.stderr and b"\\udcff" in done.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["trials", "--age", "010"],
        ["trials", "--age", "1_0"],
        ["trials", "--age", "\u0663"],
        ["trials", "--near", "Madrid", "--within", "010"],
        ["trials", "--near", "Madrid", "--within", "1_000"],
        ["trials", "--near", "Madrid", "--within", "inf"],
        ["options", "--fitness", "03"],
        ["search", "chemo", "--limit", "010"],
    ],
)
def test_number_options_are_refused_unless_written_plainly(runner: CliRunner, arguments: list[str]) -> None:
    """010, 1_000, an Arabic-Indic digit, inf: refused with exit 2, as the profile and knowledge base refuse them."""
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert "written plainly" in result.output


def test_plain_numbers_still_work(runner: CliRunner) -> None:
    """--limit 2 and --fitness 0 are read as before; a range is still checked."""
    assert runner.invoke(app, ["search", "chemo", "--limit", "2", "--json"]).exit_code == 0
    assert runner.invoke(app, ["options", "--fitness", "0", "--json"]).exit_code == 0
    result = runner.invoke(app, ["options", "--fitness", "7"])
    assert result.exit_code == 2 and "0<=x<=4" in result.output


@pytest.mark.parametrize(
    "arguments",
    [
        ["trials", "--near", "a" * 100_000],
        ["trials", "--country", "a" * 100_000],
        ["options", "--site", "a" * 100_000],
        ["show", "a" * 100_000],
        ["a" * 100_000],
        ["--kb", "a" * 100_000, "list"],
    ],
)
def test_a_huge_argument_is_echoed_cut(runner: CliRunner, arguments: list[str]) -> None:
    """A 100,000-character argument is echoed cut to a few hundred characters in the error line."""
    result = runner.invoke(app, arguments)
    assert result.exit_code != 0
    line = result.output.strip()
    assert "\n" not in line and len(line) <= MAX_MESSAGE + len("mesocli: ")
    if arguments[0].startswith("-") or len(arguments) > 1:
        assert "a" * (MAX_ECHO + 1) not in line


@pytest.mark.parametrize("order", [["-V", "--kb"], ["--kb", "-V"], ["--version", "--kb"]])
def test_version_checks_the_kb_given_in_either_order(runner: CliRunner, tmp_path: Path, order: list[str]) -> None:
    """-V --kb MISSING and --kb MISSING -V both exit 3 naming the file; with a real file -V names that file."""
    missing = str(tmp_path / "nonexist.yaml")
    line = [item for arg in order for item in (["--kb", missing] if arg == "--kb" else [arg])]
    result = runner.invoke(app, line)
    assert result.exit_code == 3 and "nonexist.yaml" in result.output
    kb = tmp_path / "mine.yaml"
    kb.write_bytes((Path(__file__).parent.parent / "data" / "treatments.yaml").read_bytes())
    line = [item for arg in order for item in (["--kb", str(kb)] if arg == "--kb" else [arg])]
    result = runner.invoke(app, line)
    assert result.exit_code == 0 and str(kb) in result.output


def test_ctrl_c_inside_a_command_always_says_interrupted(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while a command works (Typer turns it into a quiet exit 130): exit 130 and 'interrupted'."""
    from mesocli.kb import KnowledgeBase

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(KnowledgeBase, "search", interrupted)
    result = runner.invoke(app, ["search", "chemo"])
    assert result.exit_code == 130
    assert "mesocli: interrupted" in result.output
