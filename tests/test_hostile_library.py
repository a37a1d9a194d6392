"""The library raises its own errors, filters take any case, and what mesocli keeps can be erased."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.errors import ArgumentError


def test_get_of_none_is_a_library_error_not_attribute_error(tiny_path: Path) -> None:
    """kb.get(None) raises a ValueError (also a TypeError) saying a name must be text."""
    kb = mesocli.load(tiny_path)
    with pytest.raises(ValueError, match="must be text"):
        kb.get(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kb.study(3)  # type: ignore[arg-type]


def test_an_unknown_language_is_refused_not_english(tiny_path: Path) -> None:
    """mesocli.load(lang='xx') raises ValueError naming en, tr and es, instead of silently giving English."""
    with pytest.raises(ValueError, match="en, tr, es"):
        mesocli.load(tiny_path, lang="xx")
    assert mesocli.load(tiny_path, lang="EN").lang == "en"


def test_filters_take_any_case_and_name_the_accepted_values(tiny_path: Path) -> None:
    """kb.filter(mesothelioma_type='Peritoneal') matches; goal='cure' raises naming the goals."""
    kb = mesocli.load(tiny_path)
    assert [t.id for t in kb.filter(mesothelioma_type="Peritoneal")] == [t.id for t in kb.filter("systemic-therapy")]
    with pytest.raises(ArgumentError, match="extend-life"):
        kb.filter(goal="cure")


def test_options_take_a_histology_in_any_case(tiny_path: Path) -> None:
    """kb.options(histology='Epithelioid') is the same as 'epithelioid'."""
    kb = mesocli.load(tiny_path)
    assert kb.options(histology="Epithelioid").situation == kb.options(histology="epithelioid").situation


def test_compare_of_one_option_twice_is_a_usage_error(runner: CliRunner, tiny_path: Path) -> None:
    """`compare chemo chemotherapy` names one option twice: exit 2, one line."""
    result = runner.invoke(app, ["--kb", str(tiny_path), "compare", "chemo", "chemotherapy"])
    assert result.exit_code == 2 and "twice" in result.stderr


def test_a_misspelt_histology_gets_a_suggestion(runner: CliRunner, tiny_path: Path) -> None:
    """--histology epitheloid suggests 'epithelioid'."""
    result = runner.invoke(app, ["--kb", str(tiny_path), "options", "--histology", "epitheloid"])
    assert result.exit_code == 2 and "did you mean 'epithelioid'" in result.stderr


def test_cache_clear_erases_databases_and_kept_pages_only(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `options --profile`, `cache clear` leaves no database or page (they may hold a situation)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(cache))
    profile = tmp_path / "me.yaml"
    profile.write_text("site: peritoneal\n", encoding="utf-8")
    for _ in range(2):
        runner.invoke(app, ["--kb", str(tiny_path), "options", "--profile", str(profile)])
    assert any(name.startswith(("kb-", "page-")) for name in os.listdir(cache))
    (cache / "mine.txt").write_text("not ours to remove", encoding="utf-8")
    result = runner.invoke(app, ["cache", "clear"])
    assert result.exit_code == 0 and "removed" in result.stderr
    assert os.listdir(cache) == ["mine.txt"] and profile.exists() and tiny_path.exists()


def test_the_studies_table_has_whole_years_and_hashable_cells() -> None:
    """kb.studies_dataframe(): years (and people counts) are integers, and unique() works on every column."""
    pytest.importorskip("pandas")
    frame = mesocli.load().studies_dataframe()
    assert str(frame["year"].dtype) == "Int64" and str(frame["n"].dtype) == "Int64"
    for column in frame.columns:
        frame[column].unique()


@pytest.mark.parametrize("site", ["pleural", "peritoneal"])
def test_no_option_in_a_notebook_shows_an_unresolved_citation(site: str) -> None:
    """Every option of kb.options(...) displayed on its own (HTML and Markdown) cites real numbers, never [?]."""
    result = mesocli.load().options(site=site, fitness=1)
    assert "[?]" not in result._repr_html_()
    for option in result.options:
        assert "[?]" not in option._repr_html_() and "[?]" not in option._repr_markdown_()
