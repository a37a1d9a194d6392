"""Preparing a visit: compare, questions (never overwriting), evidence, sources, completion, colour, pager."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from mesocli.cli import output
from mesocli.cli.app import app

FORMATS = ["rich", "plain", "json", "yaml", "markdown"]


def run(runner: CliRunner, kb: Path, *args: str, **kwargs: Any) -> Any:
    return runner.invoke(app, ["--kb", str(kb), *args], **kwargs)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "command",
    [["compare", "chemo", "radiotherapy"], ["questions", "chemo"], ["evidence"], ["evidence", "chemo"], ["sources"]],
    ids=" ".join,
)
def test_visit_commands_work_in_every_format(runner: CliRunner, tiny_path: Path, command: list[str], fmt: str) -> None:
    """compare, questions, evidence and sources succeed in every format; data formats parse."""
    result = run(runner, tiny_path, *command, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    if fmt == "json":
        json.loads(result.stdout)
    elif fmt == "yaml":
        yaml.safe_load(result.stdout)


def test_compare_json_is_the_entries_in_the_order_given(runner: CliRunner, tiny_path: Path) -> None:
    """compare --json: an array of whole entries, in the order named."""
    entries = json.loads(run(runner, tiny_path, "compare", "radiotherapy", "palliative", "chemo", "--json").stdout)
    assert [e["id"] for e in entries] == ["radiation-therapy", "palliative-care", "chemotherapy"]
    assert "references" in entries[2]


def test_compare_shows_each_aspect_for_each_option(runner: CliRunner, tiny_path: Path) -> None:
    """The comparison covers category, goals, evidence, who, what to expect, benefits, risks, numbers."""
    out = run(runner, tiny_path, "compare", "chemo", "palliative", "--format", "plain").stdout
    for aspect in (
        "Category",
        "Goals",
        "Evidence level",
        "Who it is for",
        "What to expect",
        "Main benefits",
        "Main risks",
        "Key numbers",
    ):
        assert f"\n{aspect}\n" in out
    assert "EMPHACIS (2003): median survival 12.1 mo (Pemetrexed + cisplatin) vs 9.3 mo" in " ".join(out.split())
    assert "[vogelzang2003]" not in out  # citations are numbered, not raw ids
    references = out.split("\nReferences\n")[1]
    assert "1. Vogelzang" in references


@pytest.mark.parametrize("names", [[], ["chemo"]])
def test_compare_needs_two_names(runner: CliRunner, tiny_path: Path, names: list[str]) -> None:
    """Fewer than two options is a usage error (exit 2)."""
    result = run(runner, tiny_path, "compare", *names)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


def test_compare_unknown_name_exits_1(runner: CliRunner, tiny_path: Path) -> None:
    """An unknown option in compare is 'nothing found'."""
    assert run(runner, tiny_path, "compare", "chemo", "astrology").exit_code == 1


def test_questions_checklist_groups_by_option_and_adds_general(runner: CliRunner, tiny_path: Path) -> None:
    """The Markdown checklist has a section per option and general questions from the guide topics."""
    out = run(runner, tiny_path, "questions", "chemo", "palliative", "--format", "markdown").stdout
    assert "## Chemotherapy\n\n- [ ] What is the aim of this treatment for me?" in out
    assert "## Palliative Care\n\n- [ ] Who do I call at night?" in out
    assert "## General questions" in out and "- [ ] Can you send my scans to another center?" in out
    no_general = run(runner, tiny_path, "questions", "chemo", "--no-general", "--format", "markdown").stdout
    assert "General questions" not in no_general


def test_questions_json_shape(runner: CliRunner, tiny_path: Path) -> None:
    """questions --json: {options: [{id, name, questions}], general: [{id, title, questions}]}."""
    data = json.loads(run(runner, tiny_path, "questions", "--json").stdout)
    assert [o["id"] for o in data["options"]] == ["chemotherapy", "palliative-care", "radiation-therapy"]
    assert data["general"][0]["id"] == "second-opinion"


def test_questions_output_writes_markdown(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    """--output writes a Markdown checklist and says so on stderr."""
    target = tmp_path / "visit.md"
    result = run(runner, tiny_path, "questions", "chemo", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Questions for my care team") and "- [ ] " in text
    assert "\x1b" not in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny.yaml", "visit.md"]  # no temporary file left


def test_questions_never_overwrites_without_force(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    """An existing file is left byte-for-byte untouched (exit 2) unless --force is given."""
    target = tmp_path / "visit.md"
    target.write_text("my own notes\n", encoding="utf-8")
    before = target.stat()
    result = run(runner, tiny_path, "questions", "chemo", "--output", str(target))
    assert result.exit_code == 2
    assert "exists; add --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    forced = run(runner, tiny_path, "questions", "chemo", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Questions")


def test_questions_output_to_a_missing_folder_is_a_clear_error(
    runner: CliRunner, tiny_path: Path, tmp_path: Path
) -> None:
    """A folder that does not exist: exit 4 (the file cannot be written), one line, nothing created."""
    result = run(runner, tiny_path, "questions", "--output", str(tmp_path / "nope" / "visit.md"))
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "nope").exists()


def test_evidence_rows_come_from_the_knowledge_base(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """Change the figures in the file and the chart changes: nothing is hard-coded."""
    study = tiny_data["studies"][0]
    study["arms"] = [
        {"name": "New", "options": ["chemotherapy"], "median_os_months": 30.0},
        {"name": "Old", "options": ["palliative-care"], "median_os_months": 10.0},
    ]
    study["comparison"] = {"os_hr": 0.5}
    path = write_kb(tiny_data)
    rows = json.loads(run(runner, path, "evidence", "--json").stdout)
    common = {"study": "EMPHACIS", "study_id": "emphacis", "year": 2003, "cancer": "mesothelioma"}
    common |= {"population": "456 people; pleural; first line; unresectable", "hazard_ratio": 0.5}
    common |= {"reference": "vogelzang2003", "median_pfs_months": None, "grade3plus_trae_pct": None}
    assert rows == [
        {**common, "arm": "New", "role": "tested", "treatment": "chemotherapy", "options": ["chemotherapy"]}
        | {"median_os_months": 30.0},
        {**common, "arm": "Old", "role": "comparator", "treatment": "palliative-care", "options": ["palliative-care"]}
        | {"median_os_months": 10.0},
    ]
    plain = run(runner, path, "evidence", "--format", "plain").stdout
    new, old = (line for line in plain.splitlines() if line.startswith(("  New", "  Old")))
    assert abs(new.count("#") - 3 * old.count("#")) <= 3  # bars scale with the months (to rounding)
    assert "HR 0.50, vogelzang2003 (PMID 12860938)" in plain
    assert "Old (comparator)" in plain


def test_evidence_without_figures_exits_1(runner: CliRunner, tiny_path: Path) -> None:
    """An option with no per-arm survival figures: exit 1 with a message."""
    result = run(runner, tiny_path, "evidence", "palliative")
    assert result.exit_code == 1
    assert "no trial with per-arm survival figures" in result.stderr


def test_sources_lists_each_reference_once_with_its_citers(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """A paper cited by two entries appears once, naming both."""
    palliative = tiny_data["treatments"][1]
    palliative["overview"] += " One trial found 12.1 months [@vogelzang2003]."
    sources = json.loads(run(runner, write_kb(tiny_data), "sources", "--json").stdout)
    assert len(sources) == 1
    assert sources[0]["cited_by"] == ["chemotherapy", "palliative-care"]
    assert sources[0]["link"] == "https://doi.org/10.1200/JCO.2003.11.136"


@pytest.mark.parametrize(
    ("shell_env", "expected"),
    [
        ({"_MESOCLI_COMPLETE": "complete_bash", "COMP_WORDS": "mesocli show chem", "COMP_CWORD": "2"}, "chemotherapy"),
        ({"_MESOCLI_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mesocli glossary pleu"}, "pleurodesis"),
        (
            {
                "_MESOCLI_COMPLETE": "complete_fish",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                "_TYPER_COMPLETE_ARGS": "mesocli guide sec",
            },
            "second-opinion",
        ),
    ],
    ids=["bash", "zsh", "fish"],
)
def test_shell_completion_offers_names(tiny_path: Path, shell_env: dict[str, str], expected: str) -> None:
    """bash, zsh and fish completion list option ids, guide topics and glossary terms from the knowledge base."""
    env = {**os.environ, "MESOCLI_KB": str(tiny_path), **shell_env}
    result = subprocess.run(
        [sys.executable, "-m", "mesocli"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_install_completion_writes_only_the_shell_startup_file(tmp_path: Path) -> None:
    """--install-completion under bash adds a completion script under a private HOME and touches nothing else."""
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    (tmp_path / ".bashrc").write_text("# mine\n", encoding="utf-8")
    result = subprocess.run(  # run from bash (not exec'd), so the shell Typer looks for above is always there
        ["bash", "-c", '"$0" -m mesocli --install-completion; exit $?', sys.executable],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    bashrc = (tmp_path / ".bashrc").read_text(encoding="utf-8")
    assert bashrc.startswith("# mine\n")  # the user's own lines are kept
    assert "mesocli" in bashrc


@pytest.mark.parametrize(("lang", "said"), [("en", "cannot tell which shell"), ("tr", "hangi kabuğa")])
def test_install_completion_without_a_known_shell_is_one_usage_error_on_stderr(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """No shell detected and SHELL unset: exit 2 and one line on stderr in the language, not Typer's stdout."""
    import typer._completion_shared

    monkeypatch.setattr(typer._completion_shared, "_get_shell_name", lambda: None)
    result = runner.invoke(app, ["--lang", lang, "--install-completion"], env={"HOME": str(tmp_path), "SHELL": ""})
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and said in lines[0] and "--install-completion" in lines[0], result.stderr
    assert list(tmp_path.iterdir()) == []


def test_install_completion_falls_back_to_the_shell_variable(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No shell detected among the parents: $SHELL (/bin/bash) chooses, and only ~/.bashrc and its script change."""
    import typer._completion_shared

    monkeypatch.setattr(typer._completion_shared, "_get_shell_name", lambda: None)
    monkeypatch.setenv("HOME", str(tmp_path))
    result = runner.invoke(app, ["--install-completion"], env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert result.exit_code == 0, result.output
    assert "mesocli" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_color_never_wins_over_force_color(runner: CliRunner, tiny_path: Path) -> None:
    """--color never: no escape codes even with FORCE_COLOR and --format rich."""
    env = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"}
    result = runner.invoke(
        app, ["--color", "never", "--kb", str(tiny_path), "show", "chemo", "--format", "rich"], env=env
    )
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout


def test_color_always_colours_a_pipe(runner: CliRunner, tiny_path: Path) -> None:
    """--color always: rich output with colour although stdout is not a terminal."""
    env = {"NO_COLOR": None, "TERM": "xterm-256color"}
    result = runner.invoke(app, ["--color", "always", "--kb", str(tiny_path), "show", "chemo"], env=env)
    assert "\x1b[" in result.stdout


def test_pager_receives_the_page_on_a_terminal(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--pager on a terminal sends the page to $MESOCLI_PAGER instead of stdout."""
    captured = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import sys; open({str(captured)!r}, 'w').write(sys.stdin.read())\n", encoding="utf-8")
    monkeypatch.setattr(output, "is_terminal", lambda: True)
    env = {"MESOCLI_PAGER": f"{sys.executable} {script}"}
    result = runner.invoke(app, ["--pager", "--kb", str(tiny_path), "show", "chemo", "--format", "plain"], env=env)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Chemotherapy" in captured.read_text(encoding="utf-8")


def test_pager_is_skipped_when_not_a_terminal(runner: CliRunner, tiny_path: Path) -> None:
    """--pager into a pipe just prints."""
    result = runner.invoke(app, ["--pager", "--kb", str(tiny_path), "list"], env={"MESOCLI_PAGER": "false"})
    assert "Chemotherapy" in result.stdout
