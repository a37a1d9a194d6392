"""One term per concept in each language (docs/terminology.yaml): no page uses a rejected alternative, and the
glossary finds its term by every listed synonym and rejected alternative."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.files import overlay_path
from mesocli.core.l10n import LOCALE_DIR, lang_fold
from mesocli.core.overlay import read

ROOT = Path(__file__).resolve().parent.parent
TERMS: list[dict[str, Any]] = yaml.safe_load((ROOT / "docs" / "terminology.yaml").read_text(encoding="utf-8"))
LANGS = ("tr", "es")
ENGLISH = mesocli.load(mesocli.bundled_path())
TERM_ID = {t.term: t.id for t in ENGLISH.glossary}


def _listed(lang: str, kind: str) -> list[tuple[dict[str, Any], str]]:
    return [(t, str(word)) for t in TERMS for word in t.get(f"{lang}_{kind}") or ()]


def _uses(text: str, phrase: str, lang: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, compared as a reader of ``lang`` would."""
    pattern = r"(?<!\w)" + re.escape(lang_fold(phrase, lang)) + r"(?!\w)"
    return re.search(pattern, lang_fold(text, lang)) is not None


def _page_texts(lang: str) -> list[tuple[str, str]]:
    """(where, text) of every translated text a page can show: overlay fields and interface strings."""
    sections, _marks, _problems = read(overlay_path(mesocli.bundled_path(), lang))
    texts = [
        (f"{kind}:{eid}:{path}", str(value["text"]))
        for kind, entries in sections.items()
        for eid, fields in entries.items()
        for path, value in (fields or {}).items()
        if isinstance(value, dict) and "text" in value
    ]
    catalog = (LOCALE_DIR / lang / "LC_MESSAGES" / "mesocli.po").read_text(encoding="utf-8")
    texts += [("catalog", m) for m in re.findall(r'^msgstr(?:\[\d+\])? "(.*)"$', catalog, re.MULTILINE)]
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_the_terminology_lists_rejected_alternatives(lang: str) -> None:
    """The file says which alternatives are rejected, among them the ones a review found on pages."""
    rejected = {word for _term, word in _listed(lang, "rejected")}
    assert {"tr": {"risk oranı", "(asit)"}, "es": {"instrucciones por adelantado", "hazard ratio"}}[lang] <= rejected


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_uses_a_rejected_alternative(lang: str) -> None:
    """No translated field or interface string uses a rejected word (a term's own glossary entry may name it)."""
    found = []
    for term, word in _listed(lang, "rejected"):
        own = f"glossary:{TERM_ID.get(term['en'], '-')}:"
        found += [
            (word, where) for where, text in _page_texts(lang) if not where.startswith(own) and _uses(text, word, lang)
        ]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_finds_a_term_by_every_listed_word(lang: str) -> None:
    """Each synonym and rejected alternative of a glossary term is one of its aliases in that language."""
    edition = mesocli.load(mesocli.bundled_path(), lang=lang)
    for term, listed in [*_listed(lang, "synonyms"), *_listed(lang, "rejected")]:
        word = listed.strip("()")  # "(asit)" is rejected as written beside a word; the word is looked up
        if term["en"] in TERM_ID and "(" not in word:
            assert edition.term(word).id == TERM_ID[term["en"]], (word, term["en"])


@pytest.mark.parametrize(
    ("lang", "word", "shown"),
    [("tr", "risk oranı", "Hazard oranı"), ("es", "testamento vital", "Instrucciones previas")],
)
def test_glossary_command_finds_the_offered_word(runner: CliRunner, lang: str, word: str, shown: str) -> None:
    """`mesocli --lang tr glossary "risk oranı"` shows the hazard ratio, as the help offers it."""
    result = runner.invoke(app, ["--lang", lang, "glossary", word, "--format", "plain"])
    assert result.exit_code == 0, result.output
    assert shown in result.stdout


def test_spanish_evidence_levels_agree_with_evidencia() -> None:
    """ "Evidencia: alta", not "alto": the level words are feminine, like the noun they describe."""
    from mesocli.core import l10n

    l10n.set_language("es")
    try:
        assert [l10n._(level) for level in ("high", "moderate", "low")] == ["alta", "moderada", "baja"]
    finally:
        l10n.set_language("en")
