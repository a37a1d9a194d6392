"""Every file mesocli writes goes through one writer: the same refusals, messages and exit codes everywhere."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.cli.pager import less_options

DATA = Path(__file__).parent / "data"
SRC = Path(__file__).resolve().parent.parent / "src" / "mesocli"
HOSTILE = "a\x1b]52;c;aGk=\x07\u202eb.txt"
NOT_ROOT = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")


def _writers(kb: Path, target: Path) -> dict[str, list[str]]:
    """Each command that writes a file, writing ``target``."""
    return {
        "handout": ["--kb", str(kb), "handout", "-o", str(target)],
        "questions": ["--kb", str(kb), "questions", "-o", str(target)],
        "profile init": ["profile", "init", str(target)],
        "migrate": ["migrate", str(DATA / "tiny-schema1.yaml"), str(target)],
    }


@NOT_ROOT
@pytest.mark.parametrize("command", ["handout", "questions", "profile init", "migrate"])
def test_writing_into_a_folder_one_cannot_write_is_exit_4(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, command: str
) -> None:
    """-o into a read-only folder: exit 4 ('could not write output', as documented), one line, nothing left."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = runner.invoke(app, _writers(tiny_path, folder / "out.txt")[command])
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 4, result.stderr
    assert "could not write output" in result.stderr and len(result.stderr.splitlines()) == 1
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", ["handout", "questions", "profile init", "migrate"])
@pytest.mark.parametrize("where", ["missing", "a file", "proc"])
def test_writing_where_no_file_can_be_made_is_exit_4(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, command: str, where: str
) -> None:
    """A folder that is missing, a file, or refuses even root (/proc): exit 4 and one line, for every writer."""
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    folder = {"missing": tmp_path / "nope", "a file": tmp_path / "plain.txt", "proc": Path("/proc")}[where]
    if not folder.parent.exists():
        pytest.skip("no /proc here")
    result = runner.invoke(app, _writers(tiny_path, folder / "out.txt")[command])
    assert result.exit_code == 4, result.stderr
    assert "could not write output" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", ["handout", "questions", "profile init", "migrate"])
def test_the_wrote_message_prints_the_path_escaped(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, command: str
) -> None:
    """'wrote PATH' shows a path holding OSC 52 or a bidi override with visible escapes, for every writer."""
    target = tmp_path / HOSTILE
    result = runner.invoke(app, _writers(tiny_path, target)[command])
    assert result.exit_code == 0, result.stderr
    assert target.exists()
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\u202e" not in result.stderr
    assert "wrote " in result.stderr and "\\x1b]52" in result.stderr and "\\u202e" in result.stderr


@pytest.mark.parametrize("command", ["handout", "questions", "profile init", "migrate"])
def test_an_existing_file_is_kept_and_refused_alike(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, command: str
) -> None:
    """Every writer refuses to replace a file without --force (exit 2) and leaves it as it was."""
    target = tmp_path / "mine.txt"
    target.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, _writers(tiny_path, target)[command])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def test_profile_init_on_an_existing_file_names_its_path_argument(runner: CliRunner, tmp_path: Path) -> None:
    """`profile init PATH` blames PATH, never an --output option that was not given."""
    target = tmp_path / "profile.yaml"
    target.write_text("site: pleural\n", encoding="utf-8")
    result = runner.invoke(app, ["profile", "init", str(target)])
    assert result.exit_code == 2
    assert "PATH" in result.stderr and "--output" not in result.stderr


def test_the_situation_and_visit_commands_do_not_import_each_other() -> None:
    """cli/situation no longer borrows a private helper from cli/visit: no import of one inside the other."""
    tree = ast.parse((SRC / "cli" / "situation.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module is not None}
    assert "mesocli.cli.visit" not in imported


@pytest.mark.parametrize(
    ("mine", "given"),
    [(None, "FRX"), ("", "R"), ("iM", "iM -R"), ("-i -M", "-i -M -R"), ("FRX", "FRX"), ("-R", "-R")],
)
def test_the_pager_gets_less_options_that_show_colour(mine: str | None, given: str) -> None:
    """As git does: LESS=FRX when unset; a user's own LESS without R gets R, so escapes are never shown raw."""
    assert less_options(mine) == given
