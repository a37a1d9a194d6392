"""Plural forms: each language's form after a number, from the catalogs' msgid_plural entries."""

from __future__ import annotations

import gettext
import string
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.cli.messages import problems_line
from mesocli.core.errors import Problem
from mesocli.core.l10n import ngettext, set_language

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["0 days old", "1 day old", "2 days old", "1.5 days old"]),
        ("tr", ["0 günlük", "1 günlük", "2 günlük", "1,5 günlük"]),
        ("es", ["hace 0 días", "hace 1 día", "hace 2 días", "hace 1,5 días"]),
    ],
)
def test_ngettext_chooses_the_languages_form_for_each_count(lang: str, expected: list[str]) -> None:
    """English and Spanish: one for 1, other for 0, 2 and fractions; Turkish: the same form after every number."""
    from mesocli.core.l10n import number

    set_language(lang)
    said = []
    for count in (0, 1, 2, 1.5):
        text = ngettext(
            "Snapshot {date} (the API's data timestamp), {days} day old.",
            "Snapshot {date} (the API's data timestamp), {days} days old.",
            count,
        ).format(date="2026-01-01", days=number(count))
        said.append(text)
    assert all(e in s for e, s in zip(expected, said, strict=True)), said


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", " (and 1 more problem)", " (and 2 more problems)"),
        ("tr", " (ve 1 sorun daha)", " (ve 2 sorun daha)"),
        ("es", " (y 1 problema más)", " (y 2 problemas más)"),
    ],
)
def test_more_problems_are_counted_in_the_languages_form(lang: str, one: str, two: str) -> None:
    """A knowledge-base error's "(and N more problem(s))" takes the form its count needs."""
    set_language(lang)
    problems = tuple(Problem("kb.yaml", f"problem {i}", line=i) for i in range(1, 4))
    assert problems_line(problems[:2], 2).endswith(one)
    assert problems_line(problems, 3).endswith(two)
    assert problems_line(problems[:1], 1) == problems_line(problems[:1], 1).split(" (")[0]


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_plural_entry_has_the_languages_forms_with_the_same_placeholders(lang: str) -> None:
    """Each msgid_plural entry has nplurals non-empty forms, each with the placeholders of the English."""
    entries = i18n.read_po(i18n.LOCALE / lang / "LC_MESSAGES" / "mesocli.po")
    plural = {k: v for k, v in entries.items() if "\0" in k}
    assert len(plural) >= 8
    for key, value in plural.items():
        forms = value.split("\0")
        assert len(forms) == i18n.forms(lang) and all(forms), key
        wanted = {f for part in key.split("\0") for _t, f, _s, _c in string.Formatter().parse(part) if f}
        for form in forms:
            assert {f for _t, f, _s, _c in string.Formatter().parse(form) if f} == wanted, (key, form)


def test_the_catalog_script_writes_reads_and_compiles_plural_entries(tmp_path: Path) -> None:
    """msgid_plural and msgstr[i] go through write_po, read_po and mo_bytes, and gettext reads the forms back."""
    po = tmp_path / "es" / "mesocli.po"
    entries = {"Overview": "Resumen", "{n} source.\0{n} sources.": "{n} fuente.\0{n} fuentes."}
    i18n.write_po(po, "es", entries)
    text = po.read_text(encoding="utf-8")
    assert 'msgid_plural "{n} sources."' in text and 'msgstr[1] "{n} fuentes."' in text
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in text
    read = i18n.read_po(po)
    assert {k: v for k, v in read.items() if k} == entries
    read[""] = i18n.header("es")
    mo = tmp_path / "mesocli.mo"
    mo.write_bytes(i18n.mo_bytes(read))
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert [catalog.ngettext("{n} source.", "{n} sources.", n) for n in (1, 2, 0)] == [
        "{n} fuente.",
        "{n} fuentes.",
        "{n} fuentes.",
    ]
    assert catalog.gettext("Overview") == "Resumen"


def test_a_plural_entry_missing_a_form_counts_as_untranslated_and_is_not_compiled(tmp_path: Path) -> None:
    """A Spanish plural with one form (or an empty one) is reported and left out of the .mo (English shows)."""
    key = "{n} source.\0{n} sources."
    assert i18n.untranslated(key, "{n} fuente.", "es")
    assert i18n.untranslated(key, "{n} fuente.\0", "es")
    assert not i18n.untranslated(key, "{n} kaynak.", "tr")
    assert i18n.mo_bytes({"": i18n.header("es"), key: "{n} fuente.\0"}) == i18n.mo_bytes({"": i18n.header("es")})


def test_the_extractor_finds_ngettext_calls() -> None:
    """scripts/i18n.py extract keeps every ngettext(singular, plural, n) of the package as a plural entry."""
    import ast

    marked = set(i18n.marked_strings())
    calls = {
        f"{node.args[0].value}\0{node.args[1].value}"
        for path in i18n.SRC.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ngettext" and len(node.args) == 3
        if all(isinstance(a, ast.Constant) for a in node.args[:2])
    }
    assert len(calls) >= 8
    assert calls <= marked
    assert " (and {count} more problem)\0 (and {count} more problems)" in marked


@pytest.mark.parametrize(("lang", "said"), [("en", "1 source."), ("tr", "1 kaynak."), ("es", "1 fuente.")])
def test_one_source_is_said_in_the_singular(runner: CliRunner, lang: str, said: str) -> None:
    """`sources REF` lists one source, said "1 source." (not "1 sources.") in each language."""
    result = runner.invoke(app, ["--lang", lang, "sources", "vogelzang2003", "--format", "plain"])
    assert result.exit_code == 0, result.stderr
    assert said in result.stdout


@pytest.mark.parametrize(("errors", "said"), [(1, "1 error, 0 warnings"), (2, "2 errors, 0 warnings")])
def test_validate_counts_errors_in_the_singular_and_plural(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any], errors: int, said: str
) -> None:
    """`validate` ends with "1 error" or "2 errors", never "error(s)"."""
    for i in range(errors):
        tiny_data[f"bogus{i}"] = 1
    result = runner.invoke(app, ["validate", str(write_kb(tiny_data))])
    assert result.stderr.rstrip("\n").endswith(said), result.stderr


@pytest.mark.parametrize(("lang", "one", "two"), [("en", "1 trial", "2 trials"), ("es", "1 ensayo", "2 ensayos")])
def test_the_situation_pages_trial_count_takes_the_languages_form(lang: str, one: str, two: str) -> None:
    """The options page's "N trials" of a usual option is chosen by the catalogs' plural forms."""
    from mesocli.query.situation import _count

    set_language(lang)
    try:
        assert (_count(1), _count(2)) == (one, two)
    finally:
        set_language("en")
