"""Applicability as data: the applies_to fields of guideline rows, approvals, study notes and situation points."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.applies import EVERYONE, AppliesTo, passage
from mesocli.core.applying import applies, fit_notes, speaks_to
from mesocli.core.model import replace
from mesocli.core.situation import PERSON_HISTOLOGIES, TREATED, Situation, histology_notes

WORKED = ["--site", "pleural", "--histology", "epithelioid", "--treated", "none", "--fitness", "1", "--region", "us"]
KB = mesocli.load()
WriteKb = Callable[..., Path]


def _row(option: str, guideline: str) -> Any:
    return next(g for g in KB.get(option).guidelines if g.guideline == guideline)


def _options(runner: CliRunner, *lang: str) -> dict[str, Any]:
    result = runner.invoke(app, [*lang, "options", *WORKED, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_asco_2025_immunotherapy_row_applies_to_epithelioid_disease(runner: CliRunner) -> None:
    """The ASCO 2025 row ("should be offered ... including for epithelioid disease") applies to epithelioid."""
    row = _row("immunotherapy", "ASCO 2025")
    assert row.applies_to is not None and "epithelioid" in row.applies_to.histology
    person = Situation(site="pleural", histology="epithelioid", treated="none", fitness=1)
    assert applies(row.applies_to, person) == "yes"
    immuno = next(o for o in _options(runner)["options"] if o["id"] == "immunotherapy")
    asco = next(g for g in immuno["guidelines"] if g["guideline"] == "ASCO 2025")
    assert asco["notes"] == []
    assert "epithelioid" in asco["applies_to"]["histology"]


def test_epithelioid_only_row_rules_out_other_histologies() -> None:
    """The ASCO 2025 chemotherapy row names epithelioid disease only: not a sarcomatoid person's histology."""
    row = _row("chemotherapy", "ASCO 2025")
    assert applies(row.applies_to, Situation(histology="sarcomatoid")) == "no"
    assert "not your histology" in " ".join(fit_notes(row.applies_to, Situation(histology="sarcomatoid")))
    assert "depends on the histology" in " ".join(fit_notes(row.applies_to, Situation()))


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_translations_get_the_same_situation_points_as_english(runner: CliRunner, lang: str) -> None:
    """Turkish and Spanish get the same situation points as English for the worked situation, translated."""
    english = {o["id"]: o["said"] for o in _options(runner)["options"]}
    other = {o["id"]: o["said"] for o in _options(runner, "--lang", lang)["options"]}
    assert sum(map(len, english.values())) >= 8
    assert {k: len(v) for k, v in other.items()} == {k: len(v) for k, v in english.items()}
    assert other["immunotherapy"] != english["immunotherapy"]  # the translation's own words, not the English


def test_every_situation_point_names_a_passage_in_every_language() -> None:
    """Each point of the bundled knowledge base finds its passage in English, Turkish and Spanish."""
    for lang in ("en", "tr", "es"):
        kb = mesocli.load(lang=lang)
        for t in kb.treatments:
            for p in t.situation_points:
                assert passage(t, p), (lang, t.id, p.at, p.starts)


def test_points_follow_the_fields_not_the_words() -> None:
    """A fitness 3 person sees the point about people in bed most of the day; a fitness 1 person does not."""
    ill, fit = Situation(fitness=3), Situation(fitness=1)
    immuno = KB.get("immunotherapy")
    bed = next(p for p in immuno.situation_points if 3 in p.applies_to.ecog)
    assert speaks_to(bed.applies_to, ill) and not speaks_to(bed.applies_to, fit)


def test_study_notes_follow_their_histology_fields() -> None:
    """STELLAR's all-histology update is a note for every histology; one naming epithelioid only is not for others."""
    stellar = next(s for s in KB.studies if s.id == "stellar")
    for histology in ("epithelioid", "sarcomatoid", "biphasic"):
        assert histology_notes(Situation(histology=histology), stellar)
    only = AppliesTo(histology=("epithelioid",))
    narrowed = replace(stellar, updates=tuple(replace(u, applies_to=only) for u in stellar.updates))
    assert histology_notes(Situation(histology="epithelioid"), narrowed)
    assert not histology_notes(Situation(histology="sarcomatoid"), narrowed)


@given(
    st.sampled_from([None, "pleural", "peritoneal"]),
    st.sampled_from([None, *PERSON_HISTOLOGIES]),
    st.sampled_from([None, *TREATED]),
    st.sampled_from([None, 0, 1, 2, 3, 4]),
)
def test_silent_applies_to_applies_to_everyone_and_names_nobody(
    site: str | None, histology: str | None, treated: str | None, fitness: int | None
) -> None:
    """An applies_to silent on every field applies to any situation, and is never a point about someone."""
    person = Situation(site=site, histology=histology, treated=treated, fitness=fitness)
    assert applies(EVERYONE, person) == "yes" and not speaks_to(EVERYONE, person)
    assert fit_notes(EVERYONE, person) == ()


def test_non_epithelioid_meets_a_sarcomatoid_only_text_as_could_be() -> None:
    """ "non-epithelioid" could be either for a text naming sarcomatoid only."""
    text = AppliesTo(histology=("sarcomatoid",))
    assert applies(text, Situation(histology="non-epithelioid")) == "open"


def _with_rows(tiny_data: dict[str, Any], applies_to: Any, point: dict[str, Any] | None = None) -> dict[str, Any]:
    option = tiny_data["treatments"][0]
    row = {"guideline": "ESMO 2022", "says": "Lists it.", "reference": tiny_data["references"][0]["id"]}
    if applies_to is not ...:
        row["applies_to"] = applies_to
    option["guidelines"] = [row]
    if point is not None:
        option["situation_points"] = [point]
    return tiny_data


def _problems(path: Path) -> str:
    return "\n".join(str(p) for p in mesocli.validate(path, today=dt.date(2026, 11, 28)))


@pytest.mark.parametrize(
    ("applies_to", "message"),
    [
        ({"histology": ["epitheloid"]}, "expected one of epithelioid, sarcomatoid, biphasic; did you"),
        ({"ecog": [5]}, "is 5, expected one of 0, 1, 2, 3, 4"),
        ({"ecog": [True]}, "expected one of 0, 1, 2, 3, 4"),
        ({"line": ["second"]}, "expected one of first, second-or-later, maintenance"),
        ({"resectability": ["operable"]}, "expected one of resectable, unresectable"),
        ({"stage": [4]}, "unknown key 'stage'"),
        (..., "guideline row has no applies_to, so pages take it as speaking of everyone"),
    ],
)
def test_bad_applies_to_values_are_refused_with_line_and_column(
    write_kb: WriteKb, tiny_data: dict[str, Any], applies_to: Any, message: str
) -> None:
    """A wrong value, an unknown key or a missing applies_to is a located problem."""
    problems = _problems(write_kb(_with_rows(tiny_data, applies_to)))
    assert message in problems
    line = next(p for p in problems.splitlines() if message in p)
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit()


@pytest.mark.parametrize(
    ("point", "message"),
    [
        ({"at": "candidates", "starts": "Nobody wrote this", "applies_to": {"ecog": [0]}}, "no passage of candidates"),
        ({"at": "summary", "applies_to": {"ecog": [0]}}, "is not a field a passage can come from"),
        ({"at": "benefits", "applies_to": {"ecog": [0]}}, "a passage of benefits is named by starts"),
        ({"at": "benefits[0]", "applies_to": {"ecog": [0]}}, "names a passage by its place, which shifts"),
        ({"at": "benefits", "starts": "", "applies_to": {"ecog": [0]}}, "is named by starts"),
        ({"at": "benefits", "starts": "Longer", "applies_to": {}}, "names nobody"),
    ],
)
def test_bad_situation_points_are_refused(
    write_kb: WriteKb, tiny_data: dict[str, Any], point: dict[str, Any], message: str
) -> None:
    """A point must name exactly one existing passage by its field and opening words, and at least one field."""
    assert message in _problems(write_kb(_with_rows(tiny_data, {}, point)))


def test_a_dangling_point_is_placed_at_its_words_with_the_entry_id(
    write_kb: WriteKb, tiny_data: dict[str, Any]
) -> None:
    """A point whose words match no passage is reported at file:line:column of its words, with the entry id."""
    point = {"at": "benefits", "starts": "Words that were reworded", "applies_to": {"ecog": [0]}}
    path = write_kb(_with_rows(tiny_data, {}, point))
    line = next(p for p in _problems(path).splitlines() if "no passage of benefits" in p)
    written = path.read_text(encoding="utf-8").splitlines()
    where = next(i for i, text in enumerate(written, 1) if "starts: Words that were reworded" in text)
    column = written[where - 1].index("Words") + 1
    assert line.startswith(f"{path}:{where}:{column}:")
    assert tiny_data["treatments"][0]["id"] in line


def test_two_passages_with_the_same_opening_are_ambiguous(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """Words that open two passages name neither: validate asks for more words."""
    option = tiny_data["treatments"][0]
    option["benefits"] = ["Less pain in some people [@x].", "Less pain at night [@x]."]
    option["benefits"] = [b.replace("[@x]", f"[@{tiny_data['references'][0]['id']}]") for b in option["benefits"]]
    point = {"at": "benefits", "starts": "Less pain", "applies_to": {"ecog": [0]}}
    assert "2 passages of benefits" in _problems(write_kb(_with_rows(tiny_data, {}, point)))


def test_inserting_a_passage_does_not_change_what_a_pointer_shows(tmp_path: Path) -> None:
    """A passage added in front of every pointed-to field leaves every point showing the same text as before."""
    import yaml

    bundled = Path(mesocli.__file__).parent / "data" / "treatments.yaml"
    source = bundled if bundled.is_file() else Path(__file__).parents[1] / "data" / "treatments.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    cite = f" [@{data['references'][0]['id']}]"
    for option in data["treatments"]:
        option["benefits"] = ["An inserted benefit." + cite, *option.get("benefits", [])]
        option["risks"] = ["An inserted risk." + cite, *option.get("risks", [])]
        option["candidates"] = "An inserted paragraph.\n\n" + option["candidates"]
        option["options"] = [{"name": "Inserted", "summary": "An inserted option."}, *option.get("options", [])]
    path = tmp_path / "treatments.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    before, after = mesocli.load(source), mesocli.load(path)

    def shown(kb: Any) -> list[str | None]:
        by_id = {t.id: t for t in kb.treatments}
        points = [passage(t, p) for t in kb.treatments for p in t.situation_points]
        choice = next(t.comfort_choice for t in kb.treatments if t.comfort_choice)
        comfort = [passage(by_id[p.entry], p) for p in (*choice.what, *choice.benefits, *choice.harms)]
        return points + comfort

    assert all(shown(before)) and len(shown(before)) >= 30
    assert shown(after) == shown(before)
    assert not [p for p in mesocli.validate(path, today=dt.date(2026, 12, 7)) if "passage" in str(p)]


def test_validate_command_reports_a_bad_value(runner: CliRunner, write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """`mesocli validate` fails on a bad applies_to value and names it."""
    path = write_kb(_with_rows(tiny_data, {"site": ["lung"]}))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code != 0
    assert "expected one of pleural, peritoneal, pericardial, tunica-vaginalis" in result.output


def test_a_file_written_before_applies_to_still_loads(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """A guideline row without applies_to is a warning: the file loads, and the row has no notes."""
    kb = mesocli.load(write_kb(_with_rows(tiny_data, ...)))
    assert any("has no applies_to" in str(w) for w in kb.warnings)
    row = kb.treatments[0].guidelines[0]
    assert row.applies_to is None and fit_notes(row.applies_to, Situation(histology="sarcomatoid")) == ()


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_a_translation_that_merges_candidate_paragraphs_falls_back_to_english(lang: str, tmp_path: Path) -> None:
    """Situation points count candidates' paragraphs; a translation with fewer is an error and shows the English."""
    import yaml

    from mesocli.core.files import overlay_path
    from mesocli.core.overlay import apply

    data = Path(mesocli.__file__).resolve().parents[2] / "data" / "treatments.yaml"
    kb_file = tmp_path / "treatments.yaml"
    kb_file.write_bytes(data.read_bytes())
    doc = yaml.safe_load(overlay_path(data, lang).read_text(encoding="utf-8"))
    field = doc["treatments"]["immunotherapy"]["candidates"]
    field["text"] = field["text"].replace("\n\n", " ", 1)
    overlay_path(kb_file, lang).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    translated, problems = apply(mesocli.load(kb_file).data, overlay_path(kb_file, lang), lang)
    assert any("points count them" in p.message and p.entry_id == "immunotherapy" for p in problems)
    shown = next(t for t in translated.treatments if t.id == "immunotherapy").candidates
    assert shown.startswith(("[İngilizce]", "[En inglés]"))


@given(
    where=st.integers(min_value=0, max_value=20),
    words=st.lists(st.sampled_from(["Some", "people", "in", "a", "trial", "Out", "of", "100", "After"]), min_size=1),
)
def test_a_passage_added_anywhere_leaves_every_point_on_its_passage(where: int, words: list[str]) -> None:
    """A passage added anywhere in a list leaves each point's words finding their old passage, never the new one."""
    from mesocli.core.applies import locate

    for t in KB.treatments:
        for p in (p for p in t.situation_points if p.at in ("benefits", "risks")):
            items = list(getattr(t, p.at))
            before = passage(t, replace(p, index=None))
            added = replace(t, **{p.at: (*items[:where], " ".join(words) + ".", *items[where:])})
            index, wrong = locate(added, p.at, p.starts)
            assert wrong is None and passage(added, replace(p, index=index)) == before, (t.id, p.starts, wrong)
