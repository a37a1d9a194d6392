"""The decision named for a situation, and the choice of no anticancer treatment with its benefits and harms."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.applies import passage

WORKED = ["--site", "pleural", "--histology", "epithelioid", "--fitness", "1", "--region", "us"]
KB = mesocli.load()


def _data(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_the_decision_is_named_for_where_the_person_is_in_treatment(runner: CliRunner) -> None:
    """Untreated: which first treatment, if any; treated: which next; not known: which now."""
    first = _data(runner, "options", *WORKED, "--treated", "none")["decision"]
    later = _data(runner, "options", *WORKED, "--treated", "chemotherapy")["decision"]
    unknown = _data(runner, "options", *WORKED)["decision"]
    assert (first["stage"], first["question"]) == ("first", "Which first treatment, if any?")
    assert (later["stage"], later["question"]) == ("next", "Which next treatment, if any?")
    assert unknown["stage"] == "unknown"


def test_comfort_care_is_a_choice_with_its_own_benefits_and_harms(runner: CliRunner) -> None:
    """The last choice is no anticancer treatment; it has what it is, benefits and harms, all cited."""
    data = _data(runner, "options", *WORKED, "--treated", "none")
    decision = data["decision"]
    assert decision["choices"][-1] == {"id": "comfort-care", "name": "No anticancer treatment, care focused on comfort"}
    assert "palliative-care" not in [c["id"] for c in decision["choices"]]  # care that goes with every choice
    comfort = decision["comfort"]
    assert comfort["what"] and comfort["benefits"] and comfort["harms"]
    listed = {r["id"] for r in data["references"]}
    assert comfort["references"] and set(comfort["references"]) <= listed


def test_comfort_choice_is_told_only_in_passages_of_the_knowledge_base() -> None:
    """Every sentence of the comfort choice is a passage written (and sourced) elsewhere in the file."""
    choice = next(t.comfort_choice for t in KB.treatments if t.comfort_choice)
    by_id = {t.id: t for t in KB.treatments}
    written = {passage(by_id[p.entry], p) for p in (*choice.what, *choice.benefits, *choice.harms)}
    result = KB.options(site="pleural", histology="epithelioid", treated="chemotherapy", fitness=1)
    assert result.decision is not None and result.decision.comfort is not None
    comfort = result.decision.comfort
    assert set(comfort.what + comfort.benefits + comfort.harms) <= written


def test_second_line_harm_is_shown_only_after_treatment(runner: CliRunner) -> None:
    """The VIM passage (symptom control alone after platinum) is a harm only for someone treated before."""
    untreated = _data(runner, "options", *WORKED, "--treated", "none")["decision"]["comfort"]["harms"]
    treated = _data(runner, "options", *WORKED, "--treated", "chemotherapy")["decision"]["comfort"]["harms"]
    assert not any("VIM" in h for h in untreated)
    assert any("VIM" in h for h in treated)


def test_turkish_and_spanish_name_the_decision_and_tell_the_same_choice(runner: CliRunner) -> None:
    """The question and the comfort choice are translated; the passages are the same in number."""
    english = _data(runner, "options", *WORKED, "--treated", "none")["decision"]
    for lang in ("tr", "es"):
        other = _data(runner, "--lang", lang, "options", *WORKED, "--treated", "none")["decision"]
        assert other["question"] != english["question"]
        assert other["comfort"]["name"] != english["comfort"]["name"]
        for key in ("what", "benefits", "harms", "references"):
            assert len(other["comfort"][key]) == len(english["comfort"][key])
        assert other["comfort"]["references"] == english["comfort"]["references"]


def test_a_comfort_passage_that_does_not_exist_is_refused(
    write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """A comfort_choice passage must name a treatment and a passage that exist."""
    tiny_data["treatments"][0]["comfort_choice"] = {
        "what": [{"entry": "no-such-option", "at": "candidates", "starts": "People"}],
        "benefits": [],
        "harms": [{"entry": tiny_data["treatments"][0]["id"], "at": "risks", "starts": "Never written"}],
    }
    problems = "\n".join(str(p) for p in mesocli.validate(write_kb(tiny_data), today=dt.date(2026, 11, 28)))
    assert "comfort_choice passage no-such-option:candidates does not exist: no option 'no-such-option'" in problems
    assert "risks does not exist: no passage of risks" in problems
