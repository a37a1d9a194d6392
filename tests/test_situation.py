"""One person's situation: the matching rules, and the options and trials the bundled knowledge base gives."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.situation import Situation, match_study
from mesocli.core.studies import Population, Study
from mesocli.query.situation import SituationResult

KB = mesocli.load(mesocli.bundled_path())


def study(**population: Any) -> Study:
    """A mesothelioma study with only the population fields given."""
    cancer = population.pop("cancer", "mesothelioma")
    return Study("s", "Trial X", "published", "phase 3", Population("who", **population), "found", "r", cancer=cancer)


def trials(result: SituationResult, option: str, verdict: str) -> list[str]:
    found = next(o for o in result.options if o.treatment.id == option)
    return [f.study.id for f in found.verdict(verdict)]


# ---------------------------------------------------------------- matching rules, field by field


def test_every_known_field_fitting_includes() -> None:
    """A person whose site, histology, line and fitness all fit the population is included."""
    s = study(sites=("pleural",), histologies=("epithelioid",), line="first", ecog=(0, 1))
    assert match_study(Situation("pleural", "epithelioid", "none", 1), s).verdict == "included"


def test_fitness_outside_the_range_excludes_with_the_range_named() -> None:
    """Fitness 2 against ECOG 0-1 excludes, and the reason names the trial and its range."""
    fit = match_study(Situation(fitness=2), study(ecog=(0, 1)))
    assert fit.verdict == "excluded"
    assert fit.reasons == ("fitness 2 was excluded from Trial X (ECOG 0-1)",)


def test_first_line_trial_excludes_a_treated_person() -> None:
    """A first-line trial did not include someone who has had chemotherapy."""
    fit = match_study(Situation(treated="chemotherapy"), study(line="first"))
    assert "first-line trial: you have had chemotherapy" in fit.reasons


def test_later_line_trial_excludes_an_untreated_person_and_includes_a_treated_one() -> None:
    """A second-or-later trial fits treated people only; an any-line trial fits both."""
    later = study(sites=("pleural",), line="second-or-later", ecog=(0, 1))
    assert match_study(Situation("pleural", None, "none", 0), later).verdict == "excluded"
    assert match_study(Situation("pleural", "biphasic", "immunotherapy", 0), later).verdict == "included"
    assert (
        match_study(Situation("pleural", None, "none", 0), study(sites=("pleural",), line="any", ecog=(0,))).verdict
        == "included"
    )


def test_other_site_excludes_as_site_only() -> None:
    """A peritoneal person is left out of a pleural-only trial, said as "pleural only"."""
    fit = match_study(Situation(site="peritoneal"), study(sites=("pleural",)))
    assert fit.verdict == "excluded" and "pleural only" in fit.reasons


def test_non_epithelioid_fits_sarcomatoid_and_biphasic_and_is_open_for_one_of_them() -> None:
    """non-epithelioid fits a trial open to both non-epithelioid types; with only one of them it could be."""
    person = Situation("pleural", "non-epithelioid", "none", 0)
    both = study(sites=("pleural",), histologies=("sarcomatoid", "biphasic"), line="first", ecog=(0, 1))
    one = study(sites=("pleural",), histologies=("sarcomatoid",), line="first", ecog=(0, 1))
    epithelioid = study(sites=("pleural",), histologies=("epithelioid",), line="first", ecog=(0, 1))
    assert match_study(person, both).verdict == "included"
    assert match_study(person, one).verdict == "uncertain"
    assert match_study(person, epithelioid).verdict == "excluded"


def test_unknown_histology_could_be_either() -> None:
    """Histology "unknown" is not known: against an epithelioid-only trial it is uncertain, naming the field."""
    person = Situation("pleural", "unknown", "none", 0)
    assert person.histology is None and "histology" in person.unknown
    fit = match_study(person, study(sites=("pleural",), histologies=("epithelioid",), line="first", ecog=(0,)))
    assert fit.verdict == "uncertain" and fit.unknown == ("histology",)
    assert "histology not known" in fit.open[0]


def test_unstated_population_fields_are_uncertain_never_included() -> None:
    """A trial silent on line and fitness could be either, even for a fully known person."""
    fit = match_study(Situation("pleural", "epithelioid", "none", 0), study(sites=("pleural",)))
    assert fit.verdict == "uncertain" and set(fit.unknown) == {"treated", "fitness"}


def test_maintenance_trial_could_be() -> None:
    """A maintenance trial is "could be" for an untreated person, not included and not excluded."""
    fit = match_study(Situation("pleural", None, "none", 0), study(sites=("pleural",), line="maintenance", ecog=(0,)))
    assert fit.verdict == "uncertain"


def test_another_cancer_is_indirect_even_when_everything_else_fits() -> None:
    """A trial of another cancer never includes anyone as mesothelioma evidence: it is indirect."""
    fit = match_study(Situation(fitness=0), study(cancer="lung cancer", ecog=(0, 1)))
    assert fit.verdict == "indirect"


# ---------------------------------------------------------------- the bundled knowledge base


def test_pleural_sarcomatoid_untreated_fit_includes_checkmate_743_with_the_non_epithelioid_benefit() -> None:
    """Pleural sarcomatoid untreated fit: CheckMate 743 with the FDA's non-epithelioid benefit and the EU limit."""
    result = KB.options(site="pleural", histology="sarcomatoid", treated="none", fitness=1, region="eu")
    assert "checkmate-743" in trials(result, "immunotherapy", "included")
    immuno = next(t for o in result.to_data()["options"] if o["id"] == "immunotherapy" for t in [o])
    checkmate = next(t for t in immuno["trials"]["included"] if t["id"] == "checkmate-743")
    assert any("larger in non-epithelioid" in note["text"] for note in checkmate["for_histology"])
    pembro = [a for a in immuno["approvals"] if "pembrolizumab" in a["what"].casefold()]
    assert pembro and all(a["region"] == "eu" for a in immuno["approvals"])
    assert "non-epithelioid" in pembro[0]["what"] and pembro[0]["notes"] == [
        "for non-epithelioid disease: your histology"
    ]
    assert immuno["status"] == "usual"


def test_pleural_epithelioid_after_chemotherapy_counts_second_line_trials_not_first_line() -> None:
    """After platinum chemotherapy: CONFIRM, RAMES, VIM include; CheckMate 743 and EMPHACIS do not."""
    result = KB.options(site="pleural", histology="epithelioid", treated="chemotherapy", fitness=1)
    assert "confirm" in trials(result, "immunotherapy", "included")
    assert {"rames", "vim"} <= set(trials(result, "chemotherapy", "included"))
    for option in ("chemotherapy", "immunotherapy"):
        assert "checkmate-743" in trials(result, option, "excluded")
    assert "emphacis" in trials(result, "chemotherapy", "excluded")
    emphacis = next(f for o in result.options for f in o.trials if f.study.id == "emphacis")
    assert "first-line trial: you have had chemotherapy" in emphacis.reasons


def test_peritoneal_shows_surgery_and_hipec_and_the_pleural_only_systemic_trials() -> None:
    """Peritoneal: the surgery text on HIPEC and the Brown 2025 consensus row, and most systemic trials pleural only."""
    result = KB.options(site="peritoneal")
    surgery = next(o for o in result.options if o.treatment.id == "surgery")
    assert any("HIPEC" in text for text in surgery.said)
    assert any(g.reference == "brown2025" for g in surgery.treatment.guidelines)
    systemic = [f for o in result.options if o.treatment.category == "systemic-therapy" for f in o.trials]
    pleural_only = [f for f in systemic if "pleural only" in f.reasons]
    assert len(pleural_only) > len(systemic) / 2
    assert "confirm" not in [f.study.id for f in pleural_only]  # CONFIRM took peritoneal too


def test_fitness_3_marks_the_trials_that_excluded_it_and_keeps_palliative_and_supportive_care() -> None:
    """Fitness 3: systemic trials excluded it (said on the page), palliative and supportive care are usual."""
    result = KB.options(fitness=3)
    excluded = trials(result, "immunotherapy", "excluded")
    assert "checkmate-743" in excluded
    assert any("fitness 3 was excluded from all of them" in note for note in result.notes)
    status = {o.treatment.id: o.status for o in result.options}
    assert status["palliative-care"] == status["supportive-care"] == "usual"


def test_order_is_by_category_then_evidence_level() -> None:
    """Options come by category, then evidence level, then file order: never by how well they fit."""
    from mesocli.core.models import CATEGORIES, EVIDENCE_LEVEL_MEANING

    result = KB.options(site="pleural")
    levels = list(EVIDENCE_LEVEL_MEANING)
    keys = [(CATEGORIES.index(o.treatment.category), levels.index(o.treatment.evidence_level)) for o in result.options]
    assert keys == sorted(keys)


def test_goal_leaves_options_out_and_says_so() -> None:
    """--goal keeps the options with that goal and names the others as not shown."""
    result = KB.options(goal="new-treatments")
    assert [o.treatment.id for o in result.options] == ["clinical-trials"]
    assert {t.id for t, _ in result.left_out} == {t.id for t in KB.treatments} - {"clinical-trials"}


def test_library_refuses_unknown_fields_and_values() -> None:
    """kb.options checks its keywords like the CLI does."""
    with pytest.raises(ValueError, match="unknown field"):
        KB.options(stage=4)
    with pytest.raises(ValueError, match="did you mean 'pleural'"):
        KB.options(site="pleura")


def test_dataframe_has_one_row_per_option_and_trial() -> None:
    """options(...).to_dataframe(): one row per option and trial with the verdict."""
    result = KB.options(site="pleural", treated="none")
    frame = result.to_dataframe()
    assert len(frame) == sum(len(o.trials) for o in result.options)
    assert set(frame["verdict"]) <= {"included", "excluded", "uncertain", "indirect"}


def test_result_displays_in_a_notebook_with_the_notice() -> None:
    """The result and one option have HTML forms; the page says it does not choose."""
    result = KB.options(site="pleural")
    html = result._repr_html_()
    assert "does not choose" in html and "<script" not in html
    assert result.options[0]._repr_html_().startswith("<style>")


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown", "json", "yaml"])
def test_options_works_in_every_format_and_says_it_does_not_choose(runner: CliRunner, fmt: str) -> None:
    """Every format prints the page, and each carries the notice and the unknown-field rule."""
    result = runner.invoke(app, ["options", "--site", "pleural", "--format", fmt])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "does not choose" in text
    assert "could be either" in text


def test_options_json_shape_is_stable(runner: CliRunner) -> None:
    """The JSON keys documented in docs/output.md."""
    data = json.loads(runner.invoke(app, ["options", "-s", "pleural", "-F", "1", "--json"]).stdout)
    assert list(data) == [
        "situation",
        "notice",
        "order",
        "notes",
        "decision",
        "options",
        "left_out",
        "references",
        "last_reviewed",
        "disclaimer",
    ]
    assert data["situation"]["unknown"] == ["histology", "treated"]
    option = data["options"][0]
    assert list(option) == [
        "id",
        "name",
        "category",
        "evidence_level",
        "status",
        "status_text",
        "said",
        "guidelines",
        "trials",
        "approvals",
        "questions",
        "may_do",
        "costs",
        "key_trials",
    ]
    assert list(option["trials"]) == ["included", "excluded", "uncertain", "indirect"]
    cited = {t["reference"] for o in data["options"] for v in o["trials"].values() for t in v}
    assert cited <= {r["id"] for r in data["references"]}


def test_invalid_situation_values_are_usage_errors(runner: CliRunner) -> None:
    """A value outside the vocabulary, or fitness 5, exits 2."""
    assert runner.invoke(app, ["options", "--site", "lung"]).exit_code == 2
    assert runner.invoke(app, ["options", "--fitness", "5"]).exit_code == 2


def test_questions_for_a_situation_put_fitting_options_first(runner: CliRunner) -> None:
    """questions --site peritoneal: radiation therapy (pleural only here) comes after the options that fit."""
    data = json.loads(runner.invoke(app, ["questions", "--site", "peritoneal", "--json"]).stdout)
    ids = [o["id"] for o in data["options"]]
    assert ids[-1] == "radiation-therapy" and set(ids) == {t.id for t in KB.treatments}
    plain = json.loads(runner.invoke(app, ["questions", "--json"]).stdout)
    assert [o["id"] for o in plain["options"]] == [t.id for t in KB.treatments]  # unchanged without a situation
