"""The worked pages in Turkish and Spanish are in the language: English words are at most 2% of their text.

How English words are counted (docs/translation.md): a word is English when the English sources use it (the
knowledge base's text and the interface strings' English) and the language's own sources never do (its overlay
and its catalog). Words both share, such as drug names, "ECOG" or "placebo", are not counted. Proper names are
left out: trial and study names and their aliases, guideline and agency names, region codes. So is everything
after the References heading, and commands and links. What remains is English a reader of the language meets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.l10n import LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
WORKED = ["--site", "pleural", "--histology", "epithelioid", "--treated", "none", "--fitness", "1", "--region", "us"]
PAGES = {
    "options": ["options", *WORKED],
    "handout": ["handout", *WORKED, "--format", "markdown", "-o", "-"],
    "studies": ["studies", "--option", "immunotherapy"],
    "evidence": ["evidence"],
    "show": ["show", "chemotherapy"],
    "compare": ["compare", "chemotherapy", "immunotherapy"],
    "brief": ["show", "immunotherapy", "--brief"],
}
MOST = 0.02
_WORD = re.compile(r"[^\W\d_]+")
_REFERENCES = re.compile(r"\n#* ?(References|Kaynaklar|Referencias)\n")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _catalog(lang: str, key: str) -> list[str]:
    text = (LOCALE_DIR / lang / "LC_MESSAGES" / "mesocli.po").read_text(encoding="utf-8")
    return re.findall(rf'^{key}(?:_plural|\[\d+\])? "(.*)"$', text, re.MULTILINE)


ENGLISH_DATA = yaml.safe_load((ROOT / "data" / "treatments.yaml").read_text(encoding="utf-8"))
NAMES = {
    w
    for text in [
        *(t for s in ENGLISH_DATA["studies"] for t in (s["name"], *s.get("aliases", []))),
        *(g["guideline"] for t in ENGLISH_DATA["treatments"] for g in t.get("guidelines", [])),
        *(a["agency"] for t in ENGLISH_DATA["treatments"] for a in t.get("approvals", [])),
        "us eu uk",
    ]
    for w in _words(text)
}
ENGLISH = {
    w
    for text in [*_texts({k: v for k, v in ENGLISH_DATA.items() if k != "references"}), *_catalog("tr", "msgid")]
    for w in _words(text)
} - NAMES


def _own(lang: str) -> set[str]:
    overlay = yaml.safe_load((ROOT / "data" / f"treatments.{lang}.yaml").read_text(encoding="utf-8"))
    return {w for text in [*_texts(overlay), *_catalog(lang, "msgstr")] for w in _words(text)}


def english_words(page: str, lang: str, own: set[str]) -> tuple[Counter[str], int]:
    """The English words of ``page`` (outside its references, commands and links) and how many words it has."""
    body = _REFERENCES.split(page)[0]
    body = re.sub(r"`[^`]*`|https?://\S+|--[\w-]+", " ", body)
    words = _words(body)
    return Counter(w for w in words if w in ENGLISH and w not in own), len(words)


@pytest.mark.parametrize("lang", ["tr", "es"])
@pytest.mark.parametrize("page", list(PAGES))
def test_english_is_at_most_two_percent_of_a_worked_page(runner: CliRunner, lang: str, page: str) -> None:
    """Options, handout, studies, evidence, show, compare and --brief for the worked situation."""
    result = runner.invoke(app, ["--lang", lang, *PAGES[page], *(["--format", "plain"] if page != "handout" else [])])
    assert result.exit_code == 0, result.output
    found, total = english_words(result.stdout, lang, _own(lang))
    assert total > 100
    assert sum(found.values()) <= MOST * total, found.most_common(15)


def test_the_counter_sees_english() -> None:
    """An English sentence on a Turkish page is counted; Turkish words, drug and trial names are not."""
    own = _own("tr")
    found, total = english_words("Nivolumab artı ipilimumab (CheckMate 743): Usual in every situation.", "tr", own)
    assert {"usual", "every", "situation"} <= set(found) and total == 8
    assert not {"nivolumab", "artı", "ipilimumab", "checkmate"} & set(found)
