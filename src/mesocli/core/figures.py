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


#: The unit words a figure may be followed by, per language, each mapped to one unit (the one table of them).
#: A percent sign stands after the number in English and Spanish, before it in Turkish (%23); ``yüzde 23``
#: ("percent 23") puts the word first.
UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "months": ("month", "months"),
        "weeks": ("week", "weeks"),
        "years": ("year", "years"),
        "percent": ("percent", "per cent"),
    },
    "es": {
        "months": ("mes", "meses"),
        "weeks": ("semana", "semanas"),
        "years": ("año", "años"),
        "percent": ("por ciento",),
    },
    "tr": {
        "months": ("ay", "aya", "ayda", "aydan", "aylık", "ayı", "ayın", "ayla", "aylar", "aylarda", "aylık"),
        "weeks": ("hafta", "haftada", "haftadan", "haftalık", "haftaya", "haftayı", "haftalar", "haftalarda"),
        "years": ("yıl", "yıla", "yılda", "yıldan", "yıllık", "yılı", "yılın", "yıllar", "yıllarda", "sene", "senede"),
        "percent": (),
    },
}
_PERCENT_BEFORE = {"tr": ("%", "yüzde ")}
_FIGURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?!\w)")
_AFTER = re.compile(r"[ \u00a0\u202f]?(%)|[- \u00a0\u202f]+([^\W\d_]+(?: [^\W\d_]+)?)")


class Figure(tuple[str, str, int]):
    """One figure as written: its value in English digits, the unit it is followed by ('' if none), its offset."""

    __slots__ = ()

    @property
    def value(self) -> str:
        return self[0]

    @property
    def unit(self) -> str:
        return self[1]

    @property
    def offset(self) -> int:
        return self[2]


def _value(written: str, lang: str) -> str:
    if lang == "en":
        return _THOUSANDS.sub("", written)
    return re.sub(r"(?<=\d)(?<!\b0)\.(?=\d{3}(?!\d))", "", written).replace(",", ".")


def _unit(text: str, start: int, end: int, lang: str) -> str:
    table = UNITS.get(lang, UNITS["en"])
    if any(text[:start].lower().endswith(mark) for mark in _PERCENT_BEFORE.get(lang, ())):
        return "percent"
    match = _AFTER.match(text, end)
    if match is None:
        return ""
    if match.group(1):
        return "percent"
    words = match.group(2).lower()
    for unit, names in table.items():
        if words in names or words.split(" ")[0] in names:
            return unit
    return ""


def sequence(text: str, lang: str = "en") -> list[Figure]:
    """The figures of ``text`` in order, each with the unit word that follows it (citation markers left out)."""
    body = CITATION.sub(lambda m: " " * len(m.group(0)), text)
    return [
        Figure((_value(m.group(1), lang), _unit(body, m.start(), m.end(), lang), m.start()))
        for m in _FIGURE.finditer(body)
    ]


def order_differences(english: str, translated: str, lang: str) -> list[tuple[str, int, str]]:
    """How the translation's figures differ from the English in unit or order; empty when they agree.

    Figures are paired by value (the n-th 18.1 with the n-th 18.1). A pair whose two sides name different
    units is wrong ("18,1 semanas" for "18.1 months"). A pair's unit is either side's (a translation may write
    the unit once for two figures), and for each unit the pairs must come in the English order: "14,1 frente
    a 18,1 meses" for "18.1 versus 14.1 months" is wrong. Figures without a unit may move, as word order
    differs between languages. Each difference is (the translated figure as written, its offset, message).
    """
    source, target = sequence(english), sequence(translated, lang)
    partner: dict[int, Figure] = {}  # translated offset -> English figure
    waiting: dict[str, list[Figure]] = {}
    for figure in source:
        waiting.setdefault(figure.value, []).append(figure)
    for figure in target:
        if waiting.get(figure.value):
            partner[figure.offset] = waiting[figure.value].pop(0)
    found: list[tuple[str, int, str]] = []
    for figure in target:
        mine = partner.get(figure.offset)
        if mine is not None and mine.unit and figure.unit and mine.unit != figure.unit:
            message = (
                f"figure {_shown(translated, figure)} is in {figure.unit}, the English {mine.value} in {mine.unit}"
            )
            found.append((_shown(translated, figure), figure.offset, message))
    for unit in UNITS["en"]:
        pairs = [
            (partner[f.offset], f) for f in target if f.offset in partner and unit in (partner[f.offset].unit, f.unit)
        ]
        english_order = sorted(pairs, key=lambda pair: pair[0].offset)
        for (mine, theirs), (expected, _) in zip(pairs, english_order, strict=True):
            if mine is not expected:
                shown = _shown(translated, theirs)
                message = f"figure {shown} comes where the English has {expected.value} ({unit} out of order)"
                found.append((shown, theirs.offset, message))
                break
    return found


def _shown(text: str, figure: Figure) -> str:
    """The figure as written in ``text``."""
    match = _FIGURE.match(CITATION.sub(lambda m: " " * len(m.group(0)), text), figure.offset)
    return match.group(1) if match else figure.value
