"""A translation keeps its figures in the English order and with the English units, or it is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core import l10n
from mesocli.core.figures import UNITS, order_differences, sequence

DATA = Path(__file__).resolve().parent.parent / "data"
LINE = "vivieron una mediana de 18,1 meses, frente a 14,1 meses con la quimioterapia estándar [@baas2021]"


@pytest.fixture(autouse=True)
def _english_afterwards() -> object:
    yield
    l10n.set_language("en")


def _copy_with_spanish(tmp_path: Path, old: str, new: str) -> tuple[Path, int, int]:
    """The bundled knowledge base in tmp_path with one line of its Spanish overlay changed: (kb, line, column)."""
    kb = tmp_path / "treatments.yaml"
    kb.write_bytes((DATA / "treatments.yaml").read_bytes())
    lines = (DATA / "treatments.es.yaml").read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if LINE in line)
    assert old in lines[number]
    lines[number] = lines[number].replace(old, new)
    (tmp_path / "treatments.es.yaml").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "treatments.tr.yaml").write_bytes((DATA / "treatments.tr.yaml").read_bytes())
    return kb, number + 1, lines[number].index("14,1") + 1


def test_two_swapped_figures_in_a_translation_are_reported_where_they_stand(runner: CliRunner, tmp_path: Path) -> None:
    """Swapping '18,1' and '14,1' in a Spanish paragraph: validate fails and names the file, line and column."""
    kb, line, column = _copy_with_spanish(tmp_path, "18,1 meses, frente a 14,1", "14,1 meses, frente a 18,1")
    result = runner.invoke(app, ["validate", str(kb)])
    assert result.exit_code == 3
    found = [row for row in result.stdout.splitlines() if "out of order" in row]
    assert len(found) == 1 and f"treatments.es.yaml:{line}:{column}:" in found[0]


def test_a_swapped_pair_never_reaches_the_spanish_page(runner: CliRunner, tmp_path: Path) -> None:
    """The Spanish page shows the English paragraph (marked) instead of a translation that reverses the result."""
    kb, _line, _column = _copy_with_spanish(tmp_path, "18,1 meses, frente a 14,1", "14,1 meses, frente a 18,1")
    result = runner.invoke(app, ["--kb", str(kb), "--lang", "es", "show", "immunotherapy", "--format", "plain"])
    assert result.exit_code == 0
    assert "mediana de 14,1 meses, frente a 18,1" not in result.stdout.replace("\n", " ")


def test_months_changed_to_weeks_in_a_translation_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    """'18,1 semanas' for '18.1 months' has the same numbers but another unit: an error at that figure."""
    kb, line, _column = _copy_with_spanish(tmp_path, "18,1 meses", "18,1 semanas")
    result = runner.invoke(app, ["validate", str(kb)])
    assert result.exit_code == 3
    found = [row for row in result.stdout.splitlines() if "weeks" in row and "months" in row]
    assert len(found) == 1 and f"treatments.es.yaml:{line}:" in found[0]


@pytest.mark.parametrize("lang", ["en", "tr", "es"])
def test_the_unit_table_names_months_weeks_years_and_percent_in_each_language(lang: str) -> None:
    """One table holds the unit words of every language, with the same four units."""
    assert set(UNITS[lang]) == {"months", "weeks", "years", "percent"}


@pytest.mark.parametrize(
    ("english", "translated", "lang"),
    [
        ("median 18.1 versus 14.1 months", "medyan 18,1 aya karşı 14,1 ay", "tr"),
        ("23% at 2 years", "2 yılda %23", "tr"),
        ("9.7 months and 13.4 months", "9,7 y 13,4 meses", "es"),
        ("605 people, HR 0.74", "HR 0,74, 605 personas", "es"),
    ],
)
def test_a_faithful_translation_may_reorder_words_but_not_figures(english: str, translated: str, lang: str) -> None:
    """A unit written once for two figures, or unitless figures that move with the word order, are fine."""
    assert order_differences(english, translated, lang) == []


def test_percent_comes_first_in_turkish() -> None:
    """'%23' in Turkish is 23 percent, as '23%' is in English."""
    assert [(f.value, f.unit) for f in sequence("%23 ve 12,1 ay", "tr")] == [("23", "percent"), ("12.1", "months")]
