"""`mesocli values` and the profile's values: block: asked, piped, written in place, loaded, never ranking."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.profile import TEMPLATE, ProfileError, parse_profile, read_profile
from mesocli.core.values import KEYS, Values, replace_block

FILLED = TEMPLATE.replace("site:\n", "site: pleural  # from the biopsy report\n", 1) + "# my own note at the end\n"


def _profile(tmp_path: Path, text: str = FILLED) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profile_init_template_carries_an_empty_values_block() -> None:
    """The template names every statement under values:, each empty, and reads back as nothing answered."""
    assert "\nvalues:\n" in TEMPLATE
    assert all(f"  {key}:\n" in TEMPLATE for key in KEYS)
    assert parse_profile(TEMPLATE, "p.yaml").values is None


def test_piped_answers_are_written_and_every_other_line_is_kept(runner: CliRunner, tmp_path: Path) -> None:
    """printf '3\\n1\\n\\n4\\n' answers four statements (the third skipped); comments and fields stay as they were."""
    path = _profile(tmp_path)
    result = runner.invoke(app, ["values", "--profile", str(path)], input="3\n1\n\n4\n")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    before = [line for line in FILLED.splitlines() if not line.startswith("  ") and line != "values:"]
    after = [line for line in text.splitlines() if not line.startswith("  ") and line != "values:"]
    assert after == before  # every line outside the block, comments included, in the same order
    assert text.count("values:\n") == 1 and text.endswith("  share_decision:\n# my own note at the end\n")
    values = read_profile(path).values
    assert values == Values(longer_life=3, feeling_well=1, new_treatments=4)
    assert read_profile(path).site == "pleural"


def test_running_again_replaces_only_the_earlier_block(runner: CliRunner, tmp_path: Path) -> None:
    """A second run replaces the values: block where it is, and leaves one block."""
    moved = "values:\n  longer_life: 2\nsite: peritoneal\n# kept\n"
    path = _profile(tmp_path, moved)
    assert runner.invoke(app, ["values", "-p", str(path)], input="0\n").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("values:\n") and text.endswith("\nsite: peritoneal\n# kept\n")
    assert text.count("values:") == 1
    assert read_profile(path).values == Values(longer_life=0)


def test_a_bad_answer_is_a_usage_error_and_the_file_is_untouched(runner: CliRunner, tmp_path: Path) -> None:
    """An answer of 7 when piped: exit 2, one clear line, the profile as it was."""
    path = _profile(tmp_path)
    result = runner.invoke(app, ["values", "--profile", str(path)], input="3\n7\n")
    assert result.exit_code == 2
    assert "answer 2 is '7': expected a whole number from 0 to 4, or empty" in result.output
    assert path.read_text(encoding="utf-8") == FILLED


def test_a_new_profile_starts_from_the_template_and_a_broken_one_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    """No file yet: made from the profile init template with the answers; a broken profile: exit 2, untouched."""
    new = tmp_path / "new.yaml"
    assert runner.invoke(app, ["values", "--profile", str(new)], input="1\n").exit_code == 0
    assert new.read_text(encoding="utf-8").startswith(TEMPLATE.split("values:")[0])
    assert read_profile(new).values == Values(longer_life=1)
    broken = _profile(tmp_path, "site: lung\n")
    result = runner.invoke(app, ["values", "--profile", str(broken)], input="1\n")
    assert result.exit_code == 2 and "me.yaml:1:7" in result.output
    assert broken.read_text(encoding="utf-8") == "site: lung\n"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("values:\n  longer_life: 5\n", "values: longer_life is 5, expected a whole number from 0 to 4"),
        ("values:\n  longer_life: yes\n", "values: longer_life is True"),
        ("values:\n  longr_life: 1\n", "did you mean 'longer_life'?"),
        ("values:\n  longer_life: [1]\n", "must be a single value"),
        ("values: 3\n", "values must be a mapping"),
        ("values:\n  longer_life: 03\n", "values: longer_life is written '03' with a leading zero"),
    ],
)
def test_bad_values_in_a_profile_are_located(block: str, message: str) -> None:
    """Each bad answer or key is a ProfileError at its line and column."""
    with pytest.raises(ProfileError) as caught:
        parse_profile("site: pleural\n" + block, "p.yaml")
    problem = next(p for p in caught.value.problems if message in str(p))
    assert problem.line in (2, 3) and problem.column is not None


def test_answers_never_rank_or_hide_an_option(runner: CliRunner, tmp_path: Path) -> None:
    """The options, their order and their statuses are the same with and without answers."""
    plain = _profile(tmp_path, "site: pleural\nfitness: 1\n")
    answered = tmp_path / "answered.yaml"
    answered.write_text(replace_block("site: pleural\nfitness: 1\n", Values(*(4, 0, 4, 0, 4, 0))), encoding="utf-8")

    def options(path: Path) -> tuple[list[tuple[str, str]], object]:
        data = json.loads(runner.invoke(app, ["options", "--profile", str(path), "--json"]).stdout)
        return [(o["id"], o["status"]) for o in data["options"]], data["situation"]["values"]

    without, none = options(plain)
    with_answers, values = options(answered)
    assert with_answers == without and none is None
    assert values == {
        "longer_life": 4,
        "feeling_well": 0,
        "time_at_home": 4,
        "new_treatments": 0,
        "known_treatments": 4,
        "share_decision": 0,
    }


def test_statements_are_translated(runner: CliRunner, tmp_path: Path) -> None:
    """In Turkish the statements are asked in Turkish; the keys written stay the same."""
    path = _profile(tmp_path)
    result = runner.invoke(app, ["--lang", "tr", "values", "--profile", str(path)], input="2\n")
    assert result.exit_code == 0
    assert "Olabildiğince uzun yaşamak" in result.output
    assert read_profile(path).values == Values(longer_life=2)


def test_real_process_reads_piped_answers(tmp_path: Path) -> None:
    """The real entry point, answers piped on stdin, writes the block."""
    path = _profile(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "mesocli", "values", "--profile", str(path)],
        input="4\n\n1\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert read_profile(path).values == Values(longer_life=4, time_at_home=1)
    assert "Traceback" not in done.stderr


def test_library_takes_values_and_keeps_the_same_options() -> None:
    """``kb.options(values={...})`` carries the answers on the situation; the options are those without them."""
    import mesocli

    kb = mesocli.load()
    with_values = kb.options(site="pleural", fitness=1, values={"longer_life": 4, "share_decision": 0})
    without = kb.options(site="pleural", fitness=1)
    assert with_values.situation.values == Values(longer_life=4, share_decision=0)
    assert [(o.treatment.id, o.status) for o in with_values.options] == [
        (o.treatment.id, o.status) for o in without.options
    ]
    with pytest.raises(ValueError, match="longer_life is 9"):
        kb.options(values={"longer_life": 9})


@pytest.mark.parametrize("answer", ["\x1b[2J", "\u202e3", "x\\y"])
def test_a_bad_answer_is_quoted_with_each_character_escaped_once(
    runner: CliRunner, tmp_path: Path, answer: str
) -> None:
    """A refused answer shows as Python writes it once ('\\x1b[2J'), never with its escapes escaped again."""
    result = runner.invoke(app, ["values", "--profile", str(tmp_path / "p.yaml")], input=answer + "\n")
    assert result.exit_code == 2
    line = result.stderr.splitlines()[-1]
    assert f"answer 1 is {answer!r}:" in line and line.isprintable()
