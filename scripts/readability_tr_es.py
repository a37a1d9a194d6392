"""Readability of the Turkish and Spanish editions, for docs/translation.md.

Run: python scripts/readability_tr_es.py   (prints the table; standard library and PyYAML only)

- Turkish: Ateşman (1997), 198.825 - 40.175 x (syllables per word) - 2.610 x (words per sentence). A Turkish
  syllable has exactly one vowel, so syllables are counted as vowels (a e ı i o ö u ü, â î û).
- Spanish: Fernández-Huerta (1959), 206.84 - 0.60 x (syllables per 100 words) - 1.02 x (sentences per 100 words).
  Syllables are counted as groups of vowels (a diphthong is one syllable; a hiatus is undercounted as one).

Ateşman's bands: 90-100 very easy, 70-89 easy, 50-69 medium, 30-49 hard. Fernández-Huerta reads like Flesch:
70-80 fairly easy, 60-70 standard, 50-60 fairly hard. The text measured is
each option's summary, overview and what to expect, each guide topic's summary and body, and each glossary
definition, citation markers and list marks removed.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {
    "treatments": ("summary", "overview", "what_to_expect"),
    "guides": ("summary", "body"),
    "glossary": ("definition",),
}
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"[.!?…:]+(?:\s|$)|\n\s*\n|\n-\s")


def texts(lang: str) -> dict[str, str]:
    overlay = yaml.safe_load((ROOT / "data" / f"treatments.{lang}.yaml").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for section, names in FIELDS.items():
        for fields in (overlay.get(section) or {}).values():
            for name in names:
                value = (fields or {}).get(name)
                if isinstance(value, dict):
                    found.setdefault(section, []).append(re.sub(r"\[@[^\]]+\]", "", str(value["text"])))
    return {section: "\n\n".join(parts) for section, parts in found.items()}


def counts(text: str, vowels: str, groups: bool) -> tuple[int, int, int]:
    words = _WORD.findall(text)
    pattern = re.compile(f"[{vowels}]+" if groups else f"[{vowels}]", re.IGNORECASE)
    syllables = sum(max(1, len(pattern.findall(w))) for w in words)
    sentences = max(1, len([s for s in _SENTENCE.split(text) if s and _WORD.search(s)]))
    return syllables, len(words), sentences


def atesman(text: str) -> float:
    syllables, words, sentences = counts(text, "aeıioöuüâîûAEIİOÖUÜÂÎÛ", groups=False)
    return 198.825 - 40.175 * syllables / words - 2.610 * words / sentences


def fernandez_huerta(text: str) -> float:
    syllables, words, sentences = counts(text, "aeiouáéíóúü", groups=True)
    return 206.84 - 0.60 * 100 * syllables / words - 1.02 * 100 * sentences / words


def table() -> str:
    rows = ["| text | Turkish (Ateşman) | Spanish (Fernández-Huerta) |", "|---|---|---|"]
    tr, es = texts("tr"), texts("es")
    for section in FIELDS:
        rows.append(f"| {section} | {atesman(tr[section]):.0f} | {fernandez_huerta(es[section]):.0f} |")
    rows.append(
        f"| all | {atesman(chr(10).join(tr.values())):.0f} | {fernandez_huerta(chr(10).join(es.values())):.0f} |"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
