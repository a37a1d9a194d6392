"""What search reads from an entry: its fields with their weights, and the words in them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from mesocli.core.models import CITATION, Guide, Term, Treatment, entry_texts

Entry = Treatment | Guide | Term

NAME_WEIGHT = 10.0
SUMMARY_WEIGHT = 4.0
BODY_WEIGHT = 1.0
#: A word in an option's risks and side effects says what it may cause, not what it is for (query/ranking.py).
SIDE_EFFECT_WEIGHT = 0.5
WORD = re.compile(r"\w+")
#: Words too common to rank by; search skips them, and finds nothing in a query of only them (query/ranking.py).
STOP_WORDS = frozenset(
    """
    a an and are as at be been by can could do does for from has have how i if in into is it its me
    my of on or our should so than that the their them then there these they this to was we what
    when where which who why will with would you your
    """.split()  # noqa: SIM905 - a word list reads better as text
)
MARKER = re.compile(r"\s*" + CITATION.pattern)


def kind_of(entry: Entry) -> str:
    return "treatment" if isinstance(entry, Treatment) else "guide" if isinstance(entry, Guide) else "term"


@functools.lru_cache(maxsize=1 << 16)  # a knowledge base repeats its words: a cold build stems each once
def stem(word: str) -> str:
    """A light plural folding, so that 'options' finds 'option' and 'therapies' finds 'therapy'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str, lang: str = "en") -> list[str]:
    """The index terms of ``text``: words case-folded and stemmed the way of the text's language."""
    if lang == "en":
        return list(map(stem, WORD.findall(text.casefold())))
    return [word_term(w, lang) for w in WORD.findall(text)]


@functools.lru_cache(maxsize=1 << 16)
def word_term(word: str, lang: str) -> str:
    """One word of a Turkish or Spanish text as an index term: folded (Turkish İ/ı as Turkish does), stemmed
    by the language's Snowball stemmer, then without accents, so that "ağrılar" and "agri" find "ağrı"."""
    if lang == "en":
        return stem(word.casefold())
    import unicodedata

    lowered = word.replace("İ", "i").replace("I", "ı").lower() if lang == "tr" else word.casefold()
    stemmed = _stemmer(lang).stemWord(lowered)
    plain = unicodedata.normalize("NFD", stemmed.replace("ı", "i"))
    return "".join(c for c in plain if unicodedata.category(c) != "Mn")


@functools.cache
def _stemmer(lang: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer({"tr": "turkish", "es": "spanish"}[lang])


def clean(text: str) -> str:
    """Text as shown in snippets: citation markers removed, white space folded."""
    return " ".join(MARKER.sub("", text).split())


def fields(entry: Entry) -> Iterator[tuple[str, float, str]]:
    """(field, weight, text) for everything searchable in an entry."""
    yield "id", NAME_WEIGHT, entry.id.replace("-", " ")
    yield "name", NAME_WEIGHT, entry.title
    if entry.aliases:
        yield "aliases", NAME_WEIGHT, ", ".join(entry.aliases)
    if isinstance(entry, Term):
        yield "definition", SUMMARY_WEIGHT, entry.definition
        return
    for path, text in entry_texts(entry):
        field = path.split("[")[0]
        weight = SUMMARY_WEIGHT if field == "summary" else SIDE_EFFECT_WEIGHT if field == "risks" else BODY_WEIGHT
        yield field, weight, text
    if isinstance(entry, Treatment):
        for option in entry.options:
            yield "options", BODY_WEIGHT, option.name
        for study in entry.studies:
            yield "evidence", BODY_WEIGHT, ", ".join((study.name, *study.aliases))


#: A query is searched by at most this many distinct words (the first ones); each costs a scan for typos.
MAX_QUERY_WORDS = 64


def query_words(query: str, lang: str = "en") -> list[str]:
    """The distinct words a query is searched by, in order: stop words dropped unless there is nothing else."""
    every = list(dict.fromkeys(tokens(query, lang)))
    stop = STOP_WORDS if lang == "en" else frozenset(tokens(STOP_WORDS_OF.get(lang, ""), lang))
    return [w for w in every if w not in stop] or every


#: Common words of the other languages, not ranked by (as STOP_WORDS for English).
STOP_WORDS_OF = {
    "tr": "ve veya bir bu o da de ile için mi mı mu mü ne nasıl nerede hangi ben benim bana siz sizin "
    "ama çok daha gibi kadar olan olarak",
    "es": "el la los las un una unos unas y o de del al en con por para que qué cómo dónde es son mi mis me yo "
    "su sus se lo le muy más",
}
