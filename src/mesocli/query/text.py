"""What search reads from an entry: its fields with their weights, and the words in them."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
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
    """One word of a Turkish or Spanish text as an index term: folded (Turkish İ/ı as Turkish does) and stemmed
    by the language's Snowball stemmer, so that "ağrılar" finds "ağrı" (see :func:`word_terms` for "agri")."""
    if lang == "en":
        return stem(word.casefold())
    stemmed: str = _stemmer(lang).stemWord(lower(word, lang))
    return stemmed


@functools.lru_cache(maxsize=1 << 16)
def word_terms(word: str, lang: str) -> tuple[str, ...]:
    """The index terms of one word of the text: its term, and for Turkish and Spanish also that term without its
    letters' marks and the term of the word as typed without them ("akcigerimde", "cirugia"), where the stemmer
    makes another of it. A query typed with the marks finds the word by its own term only ("saç", hair, is not
    the "sac" of an English alias); one typed without them, by the others."""
    term = word_term(word, lang)
    if lang == "en":
        return (term,)
    return tuple(dict.fromkeys((term, _bare(term), word_term(bare_word(word, lang), lang))))


def index_tokens(text: str, lang: str = "en") -> list[str]:
    """The terms ``text`` is indexed by: its tokens, and the bare forms of :func:`word_terms`."""
    if lang == "en":
        return tokens(text)
    return [term for word in WORD.findall(text) for term in word_terms(word, lang)]


def bare_word(word: str, lang: str) -> str:
    """``word`` lower-cased the language's way, without accents and marks ("Ağrım" is "agrim")."""
    return _bare(lower(word, lang))


def lower(word: str, lang: str) -> str:
    return word.replace("İ", "i").replace("I", "ı").lower() if lang == "tr" else word.casefold()


def _bare(word: str) -> str:
    """``word`` without accents and marks, Turkish dotless ı as i ("ağrı" is "agri")."""
    import unicodedata

    plain = unicodedata.normalize("NFD", word.replace("ı", "i"))
    return "".join(c for c in plain if unicodedata.category(c) != "Mn")


@functools.cache
def _stemmer(lang: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer({"tr": "turkish", "es": "spanish"}[lang])


def typed(query: str) -> str:
    """A query as the reader meant it: compatibility forms folded (NFKC: "ﬁ" is "fi", "Ⅳ" is "IV", "²" is "2")
    and invisible format characters dropped (a soft hyphen or a zero-width space pasted inside a word)."""
    if query.isascii():
        return query
    import unicodedata

    folded = unicodedata.normalize("NFKC", query)
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")


def clean(text: str) -> str:
    """Text as shown in snippets: citation markers removed, white space folded."""
    return " ".join(MARKER.sub("", text).split())


def fields(entry: Entry) -> Iterator[tuple[str, float, str]]:
    """(field, weight, text) for everything searchable in an entry."""
    yield "id", NAME_WEIGHT, entry.id.replace("-", " ")
    yield "name", NAME_WEIGHT, entry.title
    if entry.aliases:
        yield "aliases", NAME_WEIGHT, ", ".join(dict.fromkeys(entry.aliases))
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


#: Joins the words of a name into one index term ("·ikinci·gorus"); not a word character, so no query word holds it.
PHRASE = "·"
_BRACKETS = re.compile(r"\(([^)]*)\)")
_NAME_PARTS = re.compile(r"[,;/]")


def name_phrases(entry: Entry, lang: str, searched: Callable[[str, str], list[str]]) -> list[str]:
    """One index term per name of ``entry`` (its title, each alias, each part in brackets): the name's searched
    words (``searched``: ``ranking.name_words``) joined by :data:`PHRASE`, as typed with and without marks, so
    that a query naming the entry can be told from one that only shares its words."""
    phrases: dict[str, None] = {}
    for name in (entry.title, *entry.aliases):
        for part in _NAME_PARTS.split(";".join((_BRACKETS.sub(" ", name), *_BRACKETS.findall(name)))):
            words = searched(part, lang)
            if words:
                phrases[PHRASE + PHRASE.join(words)] = None
                if lang != "en":
                    phrases[PHRASE + PHRASE.join(searched(bare_word(part, lang), lang))] = None
    return list(phrases)


#: How much an entry's length weighs down each word it matches: by (length / mean length) ** -this. A long page
#: holds many words by chance; a glossary term that holds the word is about it.
LENGTH_DAMPING = 0.07


def length_factors(lengths: list[int]) -> list[float]:
    """Per entry, the factor its number of words weighs each match by (see :data:`LENGTH_DAMPING`)."""
    mean = sum(lengths) / len(lengths) if lengths else 1.0
    return [(max(n, 1) / mean) ** -LENGTH_DAMPING for n in lengths]


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
