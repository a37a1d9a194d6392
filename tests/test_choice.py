"""The short options page: every option in the same format, trial results as natural frequencies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.frequencies import measures, out_of_100
from mesocli.core.l10n import set_language
from mesocli.pages.choice import options_short_page
from mesocli.pages.document import Bullets, Heading, inline_text
from mesocli.query.key_trials import key_trials

KB = mesocli.load(mesocli.bundled_path())
WORKED = ["--site", "pleural", "--histology", "epithelioid", "--treated", "none", "--fitness", "1", "--region", "us"]
LABELS = ["What it is: ", "What it may do for me: ", "What it costs me: ", "Guidelines and approvals: "]


def worked(runner: CliRunner, *extra: str, columns: str = "100") -> str:
    result = runner.invoke(app, ["options", *WORKED, *extra], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_worked_situation_fits_in_250_lines_at_100_columns(runner: CliRunner) -> None:
    """The worked situation's short page takes at most 250 screen lines at 100 columns, long lines as wrapped."""
    lines = worked(runner, "--format", "plain").splitlines()
    assert sum(max(1, -(-len(line) // 100)) for line in lines) <= 250
    assert sum(len(line) > 100 for line in lines) <= 2


def test_details_gives_the_full_page_and_json_is_the_same_in_both_views(runner: CliRunner) -> None:
    """--details adds every trial by verdict; JSON (with each option's said list) does not depend on the view."""
    short, full = worked(runner, "--format", "plain"), worked(runner, "--details", "--format", "plain")
    assert "Trials whose population included this situation" in full and "Trials whose" not in short
    assert len(full.splitlines()) > 2 * len(short.splitlines())
    data = json.loads(worked(runner, "--json"))
    assert data == json.loads(worked(runner, "--details", "--json"))
    assert all(isinstance(o["said"], list) for o in data["options"])


def test_every_option_is_told_in_the_same_format() -> None:
    """Each option has the fit line, what it is, may do, costs, a key-trial line and the guidelines line."""
    result = KB.options(site="pleural", histology="epithelioid", treated="none", fitness=1, region="us")
    page = options_short_page(result)
    names = {o.treatment.name for o in result.options}
    starts = [i for i, b in enumerate(page) if isinstance(b, Heading) and b.text in names]
    assert len(starts) == len(result.options)
    for start in starts:
        first = page[start + 1]
        assert isinstance(first, Bullets)
        labels = [item[0].text for item in first.items]
        assert labels[1:5] == LABELS and labels[0].endswith("situation: ")
    text = "\n".join(inline_text(i) for b in page if isinstance(b, Bullets) for i in b.items)
    text += "\n".join(inline_text(b.inline) for b in page if hasattr(b, "inline"))
    assert text.count("Key trial: ") >= len(result.options)


def test_natural_frequencies_are_the_studies_own_percentages_rounded() -> None:
    """Every count the short view tells is an arm's published percentage out of 100, from that same arm."""
    for study in KB.studies:
        arms = {a.name: a for a in study.arms}
        for m in measures(study):
            for arm, count in m.counts:
                a = arms[arm]
                pct = {"response": a.response_rate_pct, "serious": a.grade3plus_trae_pct}.get(
                    m.kind, next((s.pct for s in a.survival if s.years == m.years), None)
                )
                assert pct is not None and count == out_of_100(pct)


@given(st.floats(min_value=0, max_value=100))
def test_out_of_100_is_the_nearest_whole_person(pct: float) -> None:
    """A percentage becomes the nearest whole number of people out of 100, never outside 0 to 100."""
    count = out_of_100(pct)
    assert 0 <= count <= 100 and abs(count - pct) <= 0.5


def test_worked_situation_tells_checkmate_743_as_out_of_100_with_its_population(runner: CliRunner) -> None:
    """Immunotherapy's key trial CheckMate 743 is told out of 100 with its population and a serious-side-effect line."""
    text = " ".join(worked(runner, "--format", "plain").split())
    assert "Key trial: CheckMate 743 (2021)" in text
    assert "alive at 2 years: about 41 with Nivolumab plus ipilimumab, about 27 with Platinum" in text
    assert "Out of 100 people like those in the trial (605 adults" in text
    trials = text.count("Out of 100 people like those in the trial")
    serious = text.count("had a serious side effect of treatment") + text.count("the trial's rate is not recorded")
    assert trials >= 2 and serious == trials
    assert text.count("How sure: ") == trials


def test_key_trials_tested_the_option_and_have_results() -> None:
    """A key trial tested the option, has results, and included the situation (or could have, when none did)."""
    result = KB.options(site="pleural", histology="epithelioid", treated="none", fitness=1)
    for o in result.options:
        keys = key_trials(o.trials, o.treatment.id)
        assert len(keys) <= 2
        included = any(f.verdict == "included" for f in keys)
        for fit in keys:
            assert fit.study.status != "recruiting" and measures(fit.study)
            assert fit.verdict == "included" or not included


def test_references_are_numbered_in_order_of_first_use_and_only_cited_ones_listed(runner: CliRunner) -> None:
    """Citations first appear as [1], [2], ... in order, and the list has exactly as many entries as cited."""
    text = worked(runner, "--format", "plain")
    body, _, listed = text.partition("\nReferences\n")
    seen = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", body)))
    assert seen == list(range(1, len(seen) + 1))
    assert len(re.findall(r"^\s+\d+\. ", listed, re.MULTILINE)) == len(seen)


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_short_page_speaks_the_language(runner: CliRunner, lang: str) -> None:
    """The labels of the short page are translated."""
    try:
        out = runner.invoke(app, ["--lang", lang, "options", *WORKED, "--format", "plain"]).stdout
    finally:
        set_language("en")
    text = " ".join(out.split())
    assert "What it costs me" not in text and "Key trial" not in text


def test_library_shows_the_short_view_with_the_details_one_call_away() -> None:
    """kb.options(...) displays the short view; .details() the full page; .to_dataframe() still works."""
    result = KB.options(site="pleural", histology="epithelioid", treated="none", fitness=1)
    short, full = result._repr_html_(), result.details()._repr_html_()
    assert "What it may do for me" in short and "Trials whose population" not in short
    assert "Trials whose population" in full
    assert "What it costs me" in result.options[0]._repr_markdown_()
    assert "Guideline rows" in result.options[0].details()._repr_markdown_()
    assert len(result.to_dataframe()) == sum(len(o.trials) for o in result.options)


def test_the_decision_is_named_and_the_comfort_choice_is_told_in_the_same_format(runner: CliRunner) -> None:
    """Both views name the decision and list its choices; the comfort choice has the options' labels."""
    for extra in ((), ("--details",)):
        text = " ".join(worked(runner, *extra, "--format", "plain").split())
        assert "Which first treatment, if any?" in text
        comfort = text.split("No anticancer treatment, care focused on comfort ----")[-1]
        assert all(label in comfort for label in ("What it is: ", "What it may do for me: ", "What it costs me: "))


def test_answered_values_are_shown_with_the_options_and_never_change_them(tmp_path: Path, runner: CliRunner) -> None:
    """A profile's values appear on the short page (and in the library), and the options stay the same."""
    profile = tmp_path / "me.yaml"
    profile.write_text("site: pleural\nvalues:\n  longer_life: 3\n  share_decision: 4\n", encoding="utf-8")
    with_values = runner.invoke(app, ["options", "--profile", str(profile), "--format", "plain"]).stdout
    without = runner.invoke(app, ["options", "--site", "pleural", "--format", "plain"]).stdout
    assert "What matters to me" in with_values and "3/4 Living as long as possible" in " ".join(with_values.split())
    headings = [line for line in with_values.splitlines() if line and set(line) == {"-"}]
    assert len(headings) == len([line for line in without.splitlines() if line and set(line) == {"-"}]) + 1
