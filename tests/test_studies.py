"""Studies as first-class data: written once, each arm filed under its own option, populations shown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app

DATA = Path(__file__).parent / "data"
KB = mesocli.load()


def run(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, list(args))


def test_each_arm_is_filed_under_its_own_option(runner: CliRunner) -> None:
    """CheckMate 743's immunotherapy arm is immunotherapy's, its chemotherapy arm chemotherapy's."""
    rows = json.loads(run(runner, "evidence", "--json").stdout)
    arms = {(r["study_id"], r["arm"]): r["treatment"] for r in rows}
    assert arms[("checkmate-743", "Nivolumab plus ipilimumab")] == "immunotherapy"
    assert arms[("checkmate-743", "Platinum plus pemetrexed chemotherapy")] == "chemotherapy"
    for row in rows:
        study = KB.study(row["study_id"])
        arm = next(a for a in study.arms if a.name == row["arm"])
        assert row["treatment"] == (arm.options[0] if arm.options else None)
    immuno = {r["study_id"] for r in json.loads(run(runner, "evidence", "immunotherapy", "--json").stdout)}
    assert {"checkmate-743", "ind227-keynote-483"} <= immuno


def test_a_study_is_defined_once_and_shared_by_object() -> None:
    """One study in the file, the same study from every option it has an arm in."""
    text = (Path(mesocli.bundled_path())).read_text(encoding="utf-8")
    assert len(re.findall(r"^- id: checkmate-743$", text, re.MULTILINE)) == 1
    ids = [s.id for s in KB.studies]
    assert len(ids) == len(set(ids))
    in_immuno = next(s for s in KB.get("immunotherapy").studies if s.id == "checkmate-743")
    in_chemo = next(s for s in KB.get("chemotherapy").studies if s.id == "checkmate-743")
    assert in_immuno == in_chemo == KB.study("CheckMate 743")


def test_duplicate_study_id_is_refused(write_kb: Callable[..., Path], tiny_data: dict[str, Any]) -> None:
    """Two studies with one id are a validation error, not two copies."""
    tiny_data["studies"].append(dict(tiny_data["studies"][0], name="Other name"))
    messages = [p.message for p in mesocli.validate(write_kb(tiny_data))]
    assert "duplicate id 'emphacis'" in messages


def _pages(runner: CliRunner) -> list[str]:
    commands = [["show", t.id] for t in KB] + [["studies", s.id] for s in KB.studies]
    commands += [["compare", "chemotherapy", "immunotherapy", "surgery"], ["evidence"], ["guide", "prognosis"]]
    return [run(runner, *c, "--format", "plain").stdout for c in commands]


def test_no_citation_marker_is_printed_twice_in_a_row(runner: CliRunner) -> None:
    """'...reduced side effects [1]. [1]' never appears on any page."""
    for page in _pages(runner):
        assert not re.search(r"\[([\w-]+)\][\s.,;]{0,3}\[\1\]", page), page[:200]


def test_every_study_has_a_population() -> None:
    """Each study says who took part; a mesothelioma study names its sites, any other names its cancer."""
    for study in KB.studies:
        assert study.population.description.strip()
        described = "mesothelioma" in study.population.description
        assert study.population.sites or not study.mesothelioma or described, study.id


def test_a_study_without_population_is_refused(write_kb: Callable[..., Path], tiny_data: dict[str, Any]) -> None:
    """population is required: the loader names the study."""
    del tiny_data["studies"][0]["population"]
    problems = [str(p) for p in mesocli.validate(write_kb(tiny_data))]
    assert any("emphacis: missing required key 'population'" in p for p in problems)


def test_every_figure_of_a_study_cites_a_reference(write_kb: Callable[..., Path], tiny_data: dict[str, Any]) -> None:
    """A study's and an update's reference must exist; figures are printed with its number."""
    for study in KB.studies:
        refs = [r.id for r in KB.references]
        assert all(rid in refs for rid in study.references())
    tiny_data["studies"][0]["reference"] = "nobody2020"
    tiny_data["references"] = []
    messages = "\n".join(p.message for p in mesocli.validate(write_kb(tiny_data)))
    assert "reference cites unknown reference 'nobody2020'" in messages


def test_study_text_cannot_carry_its_own_markers(write_kb: Callable[..., Path], tiny_data: dict[str, Any]) -> None:
    """Markers in a study's finding would print the source twice; they are refused."""
    tiny_data["studies"][0]["finding"] += " [@vogelzang2003]"
    messages = "\n".join(p.message for p in mesocli.validate(write_kb(tiny_data)))
    assert "not [@id] markers in text" in messages


def test_a_non_mesothelioma_trial_is_marked(runner: CliRunner) -> None:
    """Temel 2010 was a lung-cancer trial: the chart and the page say so."""
    chart = run(runner, "evidence", "--format", "plain").stdout
    temel = next(line for line in chart.splitlines() if line.startswith("Temel"))
    assert "NOT mesothelioma: non-small-cell lung cancer" in temel
    assert "Not a mesothelioma trial (non-small-cell lung cancer)" in run(runner, "show", "palliative").stdout


def test_unresectable_populations_are_explained(runner: CliRunner) -> None:
    """Pages of options whose trials enrolled unresectable disease say it is not stage IV alone."""
    for name in ("chemotherapy", "immunotherapy"):
        assert "not only people with stage IV" in " ".join(run(runner, "show", name, "-f", "plain").stdout.split())
    assert "About half had stage IV" in run(runner, "studies", "checkmate-743", "-f", "plain").stdout


def test_schema_1_file_gets_a_message_naming_migrate(runner: CliRunner) -> None:
    """Loading a schema 1 file fails with exit 3 and names the command that converts it."""
    result = run(runner, "--kb", str(DATA / "tiny-schema1.yaml"), "list")
    assert result.exit_code == 3
    assert "mesocli migrate OLD NEW" in result.stderr


def test_schema_1_files_migrate(runner: CliRunner, tmp_path: Path) -> None:
    """migrate writes a valid schema 2 file, refuses to overwrite, and writes to stdout with '-'."""
    new = tmp_path / "new.yaml"
    result = run(runner, "migrate", str(DATA / "tiny-schema1.yaml"), str(new))
    assert result.exit_code == 0, result.output
    assert [p for p in mesocli.validate(new) if p.severity == "error"] == []
    kb = mesocli.load(new)
    assert kb.study("EMPHACIS").arms[0].options == ("chemotherapy",)
    assert [r.id for r in kb.references] == ["vogelzang2003"]
    before = new.read_bytes()
    again = run(runner, "migrate", str(DATA / "tiny-schema1.yaml"), str(new))
    assert again.exit_code == 2 and new.read_bytes() == before
    out = run(runner, "migrate", str(DATA / "tiny-schema1.yaml"), "-")
    assert yaml.safe_load(out.stdout)["schema_version"] == 2
    refused = run(runner, "migrate", str(new), str(tmp_path / "x.yaml"))
    assert refused.exit_code == 3 and "expected a schema 1" in refused.stderr


@pytest.mark.parametrize("fmt", ["plain", "json", "yaml", "markdown", "rich"])
def test_studies_works_in_every_format(runner: CliRunner, fmt: str) -> None:
    """The list and one study render in every format."""
    listing = run(runner, "studies", "--format", fmt)
    one = run(runner, "studies", "CheckMate 743", "--format", fmt)
    assert listing.exit_code == 0 and one.exit_code == 0
    assert "CheckMate" in listing.stdout and "605" in one.stdout
    if fmt == "json":
        assert json.loads(one.stdout)["population"]["n"] == 605
        assert {r["id"] for r in json.loads(listing.stdout)} == {s.id for s in KB.studies}


def test_study_names_resolve_like_options(runner: CliRunner) -> None:
    """Acronym, NCT number, prefix, and a did-you-mean for a typo."""
    for name in ("checkmate-743", "NCT02899299", "keynote-483", "confi"):
        assert run(runner, "studies", name, "--json").exit_code == 0, name
    typo = run(runner, "studies", "chekmate 743")
    assert typo.exit_code == 1 and "did you mean checkmate-743" in typo.stderr


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--site", "peritoneal"], lambda s: "peritoneal" in s.population.sites),
        (["--line", "second-or-later"], lambda s: s.population.line in ("second-or-later", "any", None)),
        (["--option", "surgery"], lambda s: "surgery" in s.options),
        (["--status", "recruiting"], lambda s: s.status == "recruiting"),
        (
            ["--histology", "sarcomatoid"],
            lambda s: not s.population.histologies or "sarcomatoid" in s.population.histologies,
        ),
    ],
)
def test_studies_filters(runner: CliRunner, args: list[str], check: Callable[[Any], bool]) -> None:
    """Each filter keeps exactly the studies whose data match it."""
    result = run(runner, "studies", *args, "--json")
    assert result.exit_code == 0, result.output
    got = [r["id"] for r in json.loads(result.stdout)]
    assert got == [s.id for s in KB.studies if check(s)]
    assert got, args


def test_first_line_trials_do_not_count_as_second_line(runner: CliRunner) -> None:
    """--line second-or-later leaves out CheckMate 743 and keeps CONFIRM."""
    got = {r["id"] for r in json.loads(run(runner, "studies", "--line", "second-or-later", "--json").stdout)}
    assert "confirm" in got and "checkmate-743" not in got


def test_a_comparison_without_its_comparators_median_is_not_charted(runner: CliRunner) -> None:
    """DENIM's comparator has no verified median: a lone bar for the new treatment would read as a win."""
    denim = KB.study("denim")
    assert denim.arms[0].median_os_months is not None and denim.arms[-1].median_os_months is None
    chart = run(runner, "evidence", "--format", "plain").stdout
    assert "DENIM" not in chart and "EMPHACIS" in chart
    assert "STELLAR" in chart  # a single-arm study has no comparator to miss
