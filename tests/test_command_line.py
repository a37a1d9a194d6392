"""The command line: global options before or after the command, the automatic pager, one metavar style,
filters in any case."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli import output
from mesocli.cli.app import COMMANDS, app


def plain(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, [*args, "--format", "plain"])
    assert result.exit_code == 0, result.output
    return result.stdout


# ---------------------------------------------------------------- the pager


def _pager(tmp_path: Path) -> tuple[str, Path]:
    captured = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(
        f"import os, sys\nopen({str(captured)!r}, 'w').write(os.environ.get('LESS', '') + '|' + sys.stdin.read())\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}", captured


def test_long_page_goes_through_the_pager_on_a_terminal(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, a page longer than the screen goes to $MESOCLI_PAGER (before $PAGER) with LESS=FRX."""
    command, captured = _pager(tmp_path)
    monkeypatch.setattr(output, "is_terminal", lambda: True)
    monkeypatch.delenv("LESS", raising=False)
    env = {"MESOCLI_PAGER": command, "PAGER": "false", "LINES": "40"}
    result = runner.invoke(app, ["show", "chemo", "--format", "plain"], env=env)
    assert result.exit_code == 0 and result.stdout == ""
    assert captured.read_text(encoding="utf-8").startswith("FRX|Chemotherapy")


def test_pager_honours_pager_and_no_pager_and_short_pages(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$PAGER is used without $MESOCLI_PAGER; --no-pager (before or after the command) and short pages print."""
    command, captured = _pager(tmp_path)
    monkeypatch.setattr(output, "is_terminal", lambda: True)
    monkeypatch.delenv("MESOCLI_PAGER", raising=False)
    env = {"PAGER": command, "LINES": "40"}
    assert runner.invoke(app, ["show", "chemo", "--format", "plain"], env=env).stdout == ""
    assert captured.exists()
    captured.unlink()
    for args in (["--no-pager", "show", "chemo"], ["show", "chemo", "--no-pager"], ["glossary", "pleurodesis"]):
        result = runner.invoke(app, [*args, "--format", "plain"], env={**env, "LINES": "50"})
        assert result.stdout and not captured.exists(), args


# ---------------------------------------------------------------- global options anywhere


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--color", "never"],
        ["list", "--color=never", "--type", "pleural"],
        ["show", "chemo", "--no-pager", "--lang", "en"],
        ["list", "--pager"],
    ],
)
def test_global_options_work_after_the_command(runner: CliRunner, args: list[str]) -> None:
    """--color, --pager, --no-pager and --lang after the command are the global options."""
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "No such option" not in result.stderr


def test_kb_after_the_command_loads_that_file(runner: CliRunner, tiny_path: Path) -> None:
    """`list --kb FILE` lists the options of FILE."""
    result = runner.invoke(app, ["list", "--kb", str(tiny_path), "--json"])
    assert result.exit_code == 0
    assert len(result.stdout) < len(runner.invoke(app, ["list", "--json"]).stdout)


def test_global_options_after_double_dash_or_as_a_value_stay_where_they_are(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `--` and as the value of a command's own option, `--color` is left alone."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["questions", "chemo", "-o", "--color", "--no-general"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "--color").is_file()
    searched = runner.invoke(app, ["search", "--json", "--", "--kb"])
    assert "no such file" not in searched.stderr


def test_global_option_without_value_after_the_command_says_so(runner: CliRunner) -> None:
    """`list --color` with no value: a usage error about --color's value, not "No such option"."""
    result = runner.invoke(app, ["list", "--color"])
    assert result.exit_code == 2
    assert "'--color'" in result.stderr and "No such option" not in result.stderr


# ---------------------------------------------------------------- metavars and filters


@pytest.mark.parametrize("command", [*COMMANDS, "profile init"])
def test_help_uses_one_metavar_style(runner: CliRunner, command: str) -> None:
    """Every --help: arguments and option values in capitals or as [a|b|c]; never {name}, <str> or [topic]."""
    out = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "200"}).stdout
    usage = out.splitlines()[0]
    assert not re.search(r"[{}<>]", out.split("\n\n")[0] + "".join(re.findall(r"^\s+-.*", out, re.M)))
    assert not re.search(r"\[[a-z]+\]|\b[a-z]+\.\.\.", usage), usage


def test_filters_take_any_case_and_use_the_vocabulary_value(runner: CliRunner) -> None:
    """--type Pleural is --type pleural; --category SYSTEMIC-THERAPY filters as systemic-therapy."""
    assert plain(runner, "list", "--type", "Pleural") == plain(runner, "list", "--type", "pleural")
    upper = plain(runner, "list", "--category", "SYSTEMIC-THERAPY")
    assert upper == plain(runner, "list", "--category", "systemic-therapy")
    assert runner.invoke(app, ["list", "--type", "Plural"]).exit_code == 2
