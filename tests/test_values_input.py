"""`mesocli values` against hostile input: the end of input, odd answers, odd key spellings, odd targets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.profile import ProfileError, parse_profile, read_profile
from mesocli.core.values import Values, replace_block

ANSWERED = "3\n2\n1\n0\n4\n3\n"


def _answered(runner: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "w.yaml"
    assert runner.invoke(app, ["profile", "init", str(path)]).exit_code == 0
    assert runner.invoke(app, ["values", "-p", str(path)], input=ANSWERED).exit_code == 0
    return path


@pytest.mark.parametrize("stdin", ["", "\n\n\n\n\n\n", "\n"])
def test_end_of_input_before_any_answer_keeps_the_profile_byte_for_byte(
    runner: CliRunner, tmp_path: Path, stdin: str
) -> None:
    """Empty stdin (Ctrl-D at the first prompt), or only empty lines: the file is not touched, and it says so."""
    path = _answered(runner, tmp_path)
    before = path.read_bytes()
    result = runner.invoke(app, ["values", "-p", str(path)], input=stdin)
    assert result.exit_code == 0, result.output
    assert "is not changed" in result.output and "kept your answers" not in result.output
    assert path.read_bytes() == before


def test_only_explicit_answers_replace_earlier_ones(runner: CliRunner, tmp_path: Path) -> None:
    """An empty line or the end of input part-way keeps each earlier answer; the answers typed replace theirs."""
    path = _answered(runner, tmp_path)
    result = runner.invoke(app, ["values", "-p", str(path)], input="\n4")
    assert result.exit_code == 0, result.output
    assert "[3]" in result.output  # the earlier answer is shown on the prompt
    assert read_profile(path).values == Values(3, 4, 1, 0, 4, 3)


def test_real_process_with_stdin_from_dev_null_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    """`mesocli values -p FILE </dev/null` through the real entry point: exit 0, the file byte for byte."""
    path = _answered(runner, tmp_path)
    before = path.read_bytes()
    with open(os.devnull, encoding="utf-8") as empty:
        done = subprocess.run(
            [sys.executable, "-m", "mesocli", "values", "-p", str(path)],
            stdin=empty,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 0 and "is not changed" in done.stderr, done.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("answer", ["03", "\u0663", "+3", "3.0", "0x3", "\uff13"])
def test_an_answer_is_one_ascii_digit(runner: CliRunner, tmp_path: Path, answer: str) -> None:
    """03, an Arabic-Indic or full-width 3, +3, 3.0, 0x3: refused with exit 2, the profile as it was."""
    path = _answered(runner, tmp_path)
    before = path.read_bytes()
    result = runner.invoke(app, ["values", "-p", str(path)], input=f"{answer}\n")
    assert result.exit_code == 2
    assert "expected a whole number from 0 to 4" in result.output
    assert path.read_bytes() == before


def test_a_missing_folder_is_refused_before_the_first_question(runner: CliRunner, tmp_path: Path) -> None:
    """--profile nope/x.yaml: exit 4 before any statement is asked, so no typed answer is lost."""
    result = runner.invoke(app, ["values", "-p", str(tmp_path / "nope" / "x.yaml")], input="1\n")
    assert result.exit_code == 4
    assert "cannot write in" in result.output and "1/6." not in result.output


@pytest.mark.parametrize("key", ['"values"', "'values'", "values ", '"val\\x75es"'])
def test_a_values_key_spelled_otherwise_is_replaced_not_doubled(runner: CliRunner, tmp_path: Path, key: str) -> None:
    """ "values":, 'values': or values : is the same key: its block is replaced, the profile stays readable."""
    path = tmp_path / "q.yaml"
    path.write_text(f"{key}:\n  longer_life: 1\nfitness: 2\n", encoding="utf-8")
    result = runner.invoke(app, ["values", "-p", str(path)], input="4\n")
    assert result.exit_code == 0, result.output
    situation = read_profile(path)
    assert situation.values == Values(longer_life=4) and situation.fitness == 2
    assert runner.invoke(app, ["options", "--profile", str(path), "--json"]).exit_code == 0


def test_a_flow_style_values_block_is_replaced_in_place(tmp_path: Path) -> None:
    """values: {longer_life: 1} on one line, between two fields: replaced there, both fields kept."""
    text = "site: pleural\nvalues: {longer_life: 1, feeling_well: 2}\nfitness: 2\n"
    new = replace_block(text, Values(longer_life=0))
    assert new.startswith("site: pleural\nvalues:\n") and new.endswith("fitness: 2\n")
    assert parse_profile(new, "p.yaml").values == Values(longer_life=0)


def test_a_comment_after_the_block_stays_after_it(runner: CliRunner, tmp_path: Path) -> None:
    """A comment the user put below the values: block is still below it after `values` runs."""
    path = _answered(runner, tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "# my comment\n", encoding="utf-8")
    assert runner.invoke(app, ["values", "-p", str(path)], input="1\n").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.endswith("  share_decision: 3\n# my comment\n")
    assert text.index("values:") < text.index("# my comment")


def test_crlf_profile_keeps_crlf_line_endings(tmp_path: Path) -> None:
    """A profile written with CRLF gets its new block with CRLF too, never mixed endings."""
    new = replace_block("site: pleural\r\nvalues:\r\n  longer_life: 1\r\n", Values(longer_life=2))
    assert "\n" not in new.replace("\r\n", "")


def test_a_duplicate_values_key_is_named_as_appearing_twice() -> None:
    """Two values: keys: "key 'values' appears twice", not "unknown key ... did you mean 'values'"."""
    with pytest.raises(ProfileError) as caught:
        parse_profile("values:\n  longer_life: 1\n'values':\n  longer_life: 2\n", "p.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any("key 'values' appears twice" in m and ":3:1:" in m for m in messages), messages
    assert not any("unknown key" in m for m in messages)


def test_a_fifo_given_as_profile_is_named_a_profile(runner: CliRunner, tmp_path: Path) -> None:
    """A named pipe or a folder as --profile: 'not a profile' (not 'not a knowledge-base file'), exit 2."""
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        result = runner.invoke(app, ["values", "-p", str(target)], input="1\n")
        assert result.exit_code == 2
        assert "not a profile" in result.output and "knowledge-base" not in result.output
