"""The figures of a text: numbers, percentages, ranges and citation markers, comparable across languages.

A translation must carry exactly the figures of its English source. Decimal separators follow the language
(12,1 in Turkish and Spanish), so numbers are normalised to the English form before they are compared; the
Turkish percent sign comes first (%23), and that is normalised too.
"""

from __future__ import annotations

import re
from collections import Counter

from mesocli.core.models import CITATION

#: A number with an optional decimal part (point or comma), not part of a word or an id.
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?![\w])")
_THOUSANDS = re.compile(r"(?<=\d)(?<!\b0)[,.](?=\d{3}(?!\d))")  # 0.003 is a decimal


def figures(text: str, lang: str = "en") -> Counter[str]:
    """Every number (as English digits) and citation marker in ``text``, as a multiset."""
    found: Counter[str] = Counter(f"[@{m.group(1)}]" for m in CITATION.finditer(text))
    body = CITATION.sub(" ", text)
    if lang == "en":
        body = _THOUSANDS.sub("", body)  # 1,704 is one number
    else:
        body = re.sub(r"(?<=\d)(?<!\b0)\.(?=\d{3}(?!\d))", "", body)  # 1.704 is one number in tr and es
        body = re.sub(r"(?<=\d),(?=\d)", ".", body)  # 12,1 is 12.1
    found.update(m.group(1) for m in _NUMBER.finditer(body))
    return found


def differences(english: str, translated: str, lang: str) -> tuple[Counter[str], Counter[str]]:
    """(missing from the translation, added by it): both empty when the figures are the same."""
    source, target = figures(english), figures(translated, lang)
    return source - target, target - source
