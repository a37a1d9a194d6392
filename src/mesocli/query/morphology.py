"""Other readings of a Turkish query word that the Snowball stemmer does not give: it cuts the endings of nouns, not
those of verbs, and keeps a vowel that some nouns drop before an ending.

- **Verbs.** "toplanıyor" (it gathers), "birikiyor", "dökülür", "yapılabilir mi" end in tense, mood and person
  endings the stemmer leaves on; the text has other forms of the same verb ("toplanır", "toplanma"). The root left
  when those endings are cut (:func:`verb_root`) finds the words that start with it.
- **Dropped vowels.** "karın" (abdomen) is "karnım" with an ending, "göğüs" (chest) "göğsüm", "ömür" (life)
  "ömrüm": a stem ending in two consonants also stands for the word with the vowel between them
  (:func:`vowel_readings`), and for the word it is cut from when that word ended in a vowel ("ağrım" is "ağrı"
  with "my").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mesocli.query.vocabulary import Vocabulary

_HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}
_VOWELS = frozenset("aıoueiöü")
#: The endings of a Turkish verb after its root, in the order they follow one another: ability or negation,
#: then tense or mood, then person. A root keeps at least four letters.
_ENDINGS = (
    r"(?:y?[ae]bil|y?[ae]m[ae]z|y?[ae]m[ıiuü]|m[ae])?"
    r"(?:[ıiuü]?yor|[aeıiuü]?r|[dt][ıiuü]|m[ıiuü][şs]|y?[ae]c[ae][kğg]|m[ae]l[ıi]|m[ae]k|m[ae]z|y?s[ae]|m[ae]s[ıi]?)"
    r"(?:y?[ıiuü]m|s[ıiuü]n|y?[ıiuü]z|s[ıiuü]n[ıiuü]z|l[ae]r|n[ıiuü]z|[mnk]|d[ıiuü]r)?$"
)
_VERB = re.compile(r"^(?P<root>.{4,}?)" + _ENDINGS)
#: The question particle with its person endings, written apart ("mi", "mıyım", "musunuz", "midir").
_PARTICLE = r"m[ıiuü](?:y[ıiuü]m|s[ıiuü]n|y[ıiuü]z|s[ıiuü]n[ıiuü]z|d[ıiuü]r|yd[ıiuü][mk]?)?$"


def common_forms(verbs: str) -> re.Pattern[str]:
    """A pattern matching the question particle and every form of the common ``verbs`` (their roots, separated by
    spaces): "olur", "yapılabilir", "veriyorlar", "misiniz"; a word typed without its letters' marks as well."""
    from mesocli.query.text import _bare

    roots = "|".join(sorted(set(verbs.split()) | set(_bare(verbs).split()), key=len, reverse=True))
    pattern = rf"^(?:(?:{roots}){_ENDINGS}|{_PARTICLE})"
    return re.compile(f"{pattern}|{_bare(pattern)}")


def verb_root(word: str) -> str | None:
    """The root of ``word`` read as a Turkish verb ("toplanıyor" is "toplan", "yaşarım" "yaşa"), or None when it
    does not end as a verb does."""
    found = _VERB.match(word)
    return found["root"] if found and not found["root"].endswith("yo") else None  # "alıyo" + "r" is "al" + "ıyor"


def vowel_readings(stem: str) -> list[str]:
    """The words a Turkish stem ending in two consonants may stand for: with the dropped high vowel put back
    between them ("karn" for "karın", "ömr" for "ömür"), and with a high vowel after them ("ağr" for "ağrı")."""
    if len(stem) < 3 or stem[-1] in _VOWELS or stem[-2] in _VOWELS:
        return []
    last = next((c for c in reversed(stem) if c in _VOWELS), None)
    if last is None:
        return []
    vowel = _HIGH[last]
    return [stem[:-1] + vowel + stem[-1], stem + vowel]


#: The forms of a verb a root is looked up in: with the endings of the present ("toplanır"), the
#: past, and the verbal nouns ("toplanma", "toplanması", "toplanan"); not by prefix, which would find other words
#: ("toplantı", a meeting).
_FORMS = "ır ir ur ür ar er r dı di du dü ma me mak mek ması mesi an en yan yen".split()  # noqa: SIM905
#: How well a word found by a query word's verb root, or by a dropped vowel put back, matches.
VERB_QUALITY = 0.6
VOWEL_QUALITY = 0.8


def readings(word: str, known: bool, vocabulary: Vocabulary) -> dict[str, float]:
    """Index terms a Turkish query word (its stem) also stands for, with how well each matches: the words its
    dropped vowel gives back, and, for a word the text does not hold, the words that start with its verb root."""
    from mesocli.query.text import word_term

    found = {}
    for reading in vowel_readings(word):
        term = word_term(reading, "tr")
        if term != word and vocabulary.has(term):
            found[term] = VOWEL_QUALITY
    root = None if known else verb_root(word)
    if root is not None:
        for form in dict.fromkeys(word_term(root + ending, "tr") for ending in _FORMS):
            if form != word and vocabulary.has(form):
                found.setdefault(form, VERB_QUALITY)
    return found
