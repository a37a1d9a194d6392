"""Getting help: ambiguity messages that name the candidates, `mesocli help`, the start-here screen, examples."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import COMMANDS, app
from mesocli.cli.describe import EXAMPLES
from mesocli.core.errors import AmbiguousNameError

KB = mesocli.load(mesocli.bundled_path())


def test_ambiguous_prefix_names_every_matching_option() -> None:
    """'s' starts five options' names: the error lists them all and asks for more, rather than 'nothing'."""
    with pytest.raises(AmbiguousNameError) as info:
        KB.get("s")
    assert {"surgery", "supportive-care"} <= set(info.value.candidates)
    assert len(info.value.candidates) == 5
    assert str(info.value).startswith("'s' could be: ") and str(info.value).endswith("; be more specific")


def test_show_su_lists_surgery_and_supportive_care(runner: CliRunner) -> None:
    """`show su` names the two options it could be, not an unrelated guide topic."""
    result = runner.invoke(app, ["show", "su"])
    assert result.exit_code == 1
    assert result.stderr == "mesocli: 'su' could be: surgery, supportive-care; be more specific\n"


def test_show_s_says_what_it_could_be(runner: CliRunner) -> None:
    """`show s` lists the matching options instead of saying nothing matches."""
    result = runner.invoke(app, ["show", "s"])
    assert result.exit_code == 1
    assert "'s' could be: " in result.stderr and "surgery" in result.stderr and "no treatment" not in result.stderr


def test_a_long_candidate_list_is_counted() -> None:
    """Past eight candidates the message counts the rest instead of listing them."""
    with pytest.raises(AmbiguousNameError) as info:
        KB.term("p")
    assert re.search(r" and \d+ more; be more specific$", str(info.value))


@pytest.mark.parametrize("command", [[], ["show"], ["search"], ["profile", "init"], ["sources"]])
def test_help_command_prints_what_help_option_prints(runner: CliRunner, command: list[str]) -> None:
    """`mesocli help [COMMAND]` is byte for byte `mesocli [COMMAND] --help`."""
    via_help = runner.invoke(app, ["help", *command])
    via_option = runner.invoke(app, [*command, "--help"])
    assert via_help.exit_code == via_option.exit_code == 0
    assert via_help.stdout == via_option.stdout


def test_help_of_an_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    """`mesocli help nope` exits 2 and points to the list of commands."""
    result = runner.invoke(app, ["help", "nope"])
    assert result.exit_code == 2
    assert "no command 'nope'" in result.stderr


def test_sources_with_an_id_shows_that_reference_and_who_cites_it(runner: CliRunner) -> None:
    """`sources vogelzang2003` (or its PMID) is one reference with the entries citing it."""
    result = runner.invoke(app, ["sources", "vogelzang2003", "--format", "plain"])
    assert result.exit_code == 0
    assert "1 source." in result.stdout and "Vogelzang NJ" in result.stdout
    assert "Cited by: chemotherapy" in result.stdout
    by_pmid = runner.invoke(app, ["sources", "12860938", "--json"])
    assert '"id": "vogelzang2003"' in by_pmid.stdout


def test_sources_with_an_unknown_id_suggests_close_ids(runner: CliRunner) -> None:
    """A misspelt reference id exits 1 with the nearest id suggested."""
    result = runner.invoke(app, ["sources", "vogelzang2030"])
    assert result.exit_code == 1
    assert "did you mean vogelzang2003?" in result.stderr


def test_bare_mesocli_shows_the_start_here_screen(runner: CliRunner) -> None:
    """Bare `mesocli` says what it is, lists first commands, where help is, and the disclaimer; exit 0."""
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert "Start here" in result.stdout
    table = result.stdout.split("Start here")[1].split("Help")[0]
    commands = re.findall(r"^(mesocli [a-z-]+)", table, re.MULTILINE)
    assert 4 <= len(commands) <= 6 and all(c.split()[1] in COMMANDS for c in commands)
    assert "mesocli help COMMAND" in result.stdout and "mesocli help-resources" in result.stdout
    assert KB.disclaimer.split(":")[0] in " ".join(result.stdout.split())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_help_ends_with_two_or_three_examples(runner: CliRunner, name: str) -> None:
    """`mesocli COMMAND --help` ends with "Examples:" and 2-3 lines that run that very command."""
    result = runner.invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0
    head, _, tail = result.stdout.partition("Examples:")
    assert head and tail, result.stdout
    lines = [line.strip() for line in tail.strip().splitlines()]
    assert 2 <= len(lines) <= 3
    assert all(line.startswith(f"mesocli {name}") for line in lines)


@pytest.mark.parametrize("example", [e for lines in EXAMPLES.values() for e in lines])
def test_every_example_is_accepted_as_written(
    runner: CliRunner, example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each example parses and runs (no usage error, exit 2); a missing example file may give exit 3."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, shlex.split(example)[1:])
    assert result.exit_code in (0, 3), (example, result.output)


HELP_NUMBERS = {
    "nci-cis-es": "1-800-422-6237",
    "acs-helpline": "1-800-227-2345",
    "macmillan-support-line": "0808 808 00 00",
    "aecc-infocancer-2024": "900 100 036",
    "ics-support-line": "1800 200 700",
    "cancer-council-131120": "13 11 20",
    "sabim-184": "ALO 184",
}


def test_help_resources_lists_checked_numbers_each_citing_its_source(runner: CliRunner) -> None:
    """`mesocli help-resources` is the guide topic: every number sits in a paragraph citing the page it was seen on."""
    result = runner.invoke(app, ["help-resources", "--format", "plain"])
    assert result.exit_code == 0
    assert result.stdout == runner.invoke(app, ["guide", "help-resources", "--format", "plain"]).stdout
    guide = KB.guide("help-resources")
    numbers = {r.id: i for i, r in enumerate(guide.references, 1)}
    paragraphs = re.split(r"\n(?=- )|\n\n", guide.body)
    for ref_id, number in HELP_NUMBERS.items():
        assert any(number in p and f"[@{ref_id}]" in p for p in paragraphs), ref_id
        assert f"[{numbers[ref_id]}]" in result.stdout
    for ref in guide.references:
        assert ref.url and ref.url.startswith("https://") and "seen 2026-" in ref.citation


def test_help_resources_gives_no_unverified_number() -> None:
    """Numbers that could not be verified (Mesothelioma UK's helpline, a Turkish cancer line) are not given."""
    body = KB.guide("help-resources").body
    assert "0800 169 2409" not in body
    assert "could not be confirmed" in body and "could not be verified" in body
    numbers = set(re.findall(r"\d[\d -]{5,}\d", body))
    assert numbers - {"1-800-4"} == set(HELP_NUMBERS.values()) - {"ALO 184"}


def test_help_resources_sources_are_recorded_in_verification_doc() -> None:
    """docs/verification.md says how each reference of the guide was checked."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "verification.md").read_text(encoding="utf-8")
    section = doc.split("## Help resources", 1)[1]
    assert all(f"`{ref.id}`" in section for ref in KB.guide("help-resources").references)


def test_help_resources_is_reachable_from_show_and_search(runner: CliRunner) -> None:
    """`show help-resources` points to the guide; searching 'helpline' finds it first."""
    result = runner.invoke(app, ["show", "help-resources"])
    assert result.exit_code == 1 and "mesocli guide help-resources" in result.stderr
    assert KB.search("helpline")[0].id == "help-resources"
