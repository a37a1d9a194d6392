"""Situation profiles: the template, the safe and strict reader, and how the CLI reports a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.errors import KnowledgeBaseError
from mesocli.core.profile import TEMPLATE, ProfileError, parse_profile, read_profile
from mesocli.core.situation import Situation


def test_template_reads_back_as_an_empty_situation() -> None:
    """The template parses, and every field in it is unknown."""
    assert parse_profile(TEMPLATE, "profile.yaml") == Situation()


def test_filled_profile_gives_the_situation() -> None:
    """Each field is read; histology "unknown" is not known."""
    text = "site: pleural\nhistology: unknown\ntreated: chemotherapy+immunotherapy\nfitness: 2\nregion: uk\n"
    assert parse_profile(text, "p.yaml") == Situation("pleural", None, "chemotherapy+immunotherapy", 2, "uk")


def test_every_problem_is_located_and_raised_together() -> None:
    """An unknown key, a misspelt value and fitness 7: three problems with line and column, nearest key suggested."""
    with pytest.raises(ProfileError) as caught:
        parse_profile("site: pleura\nfitnes: 2\nfitness: 7\n", "p.yaml")
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        "p.yaml:1:7: site is 'pleura', expected one of pleural, peritoneal, pericardial, tunica-vaginalis; "
        "did you mean 'pleural'?",
        "p.yaml:2:1: unknown key 'fitnes' (did you mean 'fitness'?)",
        "p.yaml:3:10: fitness is 7, expected a whole number from 0 to 4",
    ]
    assert isinstance(caught.value, KnowledgeBaseError) and caught.value.line == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("site: !!python/object/apply:os.system [echo]\n", "single plain value"),
        ("- pleural\n", "must be a mapping"),
        ("!!python/object:os.system {}\n", "must be a mapping"),
        ("site: [pleural\n", "not valid YAML"),
        ("fitness: true\n", "whole number"),
        ("site: pleural\nsite: peritoneal\n", "appears twice"),
    ],
    ids=["object-tag", "not-a-mapping", "tagged-mapping", "broken-yaml", "boolean-fitness", "duplicate-key"],
)
def test_hostile_or_malformed_profiles_are_refused(text: str, message: str) -> None:
    """Tags that construct objects, wrong shapes and broken YAML are problems, never values."""
    with pytest.raises(ProfileError, match=message):
        parse_profile(text, "p.yaml")


def test_missing_and_oversized_files_are_profile_errors(tmp_path: Path) -> None:
    """A missing file and a huge file are refused as profile errors naming the file."""
    with pytest.raises(ProfileError, match="no such file"):
        read_profile(tmp_path / "none.yaml")
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 70_000 + "\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="larger than"):
        read_profile(big)


def test_profile_init_writes_the_template_and_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    """profile init writes the template; a second run exits 2 and leaves the file; --force replaces it."""
    path = tmp_path / "me.yaml"
    first = runner.invoke(app, ["profile", "init", str(path)])
    assert first.exit_code == 0 and path.read_text(encoding="utf-8") == TEMPLATE
    path.write_text("site: pleural\n", encoding="utf-8")
    second = runner.invoke(app, ["profile", "init", str(path)])
    assert second.exit_code == 2 and "--force" in second.stderr
    assert path.read_text(encoding="utf-8") == "site: pleural\n"
    assert runner.invoke(app, ["profile", "init", str(path), "--force"]).exit_code == 0
    assert path.read_text(encoding="utf-8") == TEMPLATE


def test_profile_init_defaults_to_profile_yaml_and_dash_is_stdout(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a path it writes profile.yaml in the current folder; '-' prints the template."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["profile", "init"]).exit_code == 0
    assert (tmp_path / "profile.yaml").read_text(encoding="utf-8") == TEMPLATE
    assert runner.invoke(app, ["profile", "init", "-"]).stdout == TEMPLATE


def test_options_reads_a_profile_and_the_command_line_wins(runner: CliRunner, tmp_path: Path) -> None:
    """--profile gives the fields; an option on the command line replaces the profile's value."""
    path = tmp_path / "me.yaml"
    path.write_text("site: pleural\nfitness: 1\ntreated: none\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["options", "--profile", str(path), "--fitness", "3", "--json"]).stdout)
    assert data["situation"] | {"unknown": None} == {
        "site": "pleural",
        "histology": None,
        "treated": "none",
        "fitness": 3,
        "region": None,
        "goal": None,
        "unknown": None,
        "values": None,
    }


def test_a_bad_profile_is_a_usage_error_with_file_line_and_column(runner: CliRunner, tmp_path: Path) -> None:
    """An invalid profile exits 2 with one line naming file:line:column, no traceback."""
    path = tmp_path / "me.yaml"
    path.write_text("site: pleural\nfitness: 9\n", encoding="utf-8")
    result = runner.invoke(app, ["options", "--profile", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2:10: fitness is 9" in result.stderr
    assert result.stderr.count("\n") == 1
