"""What search adds to word matching so that plain questions find what they ask for (docs/search-relevance.md).

Each rule is small, and each was measured on the relevance set in ``tests/data/relevance.yaml``:

1. **Plain words for symptoms.** People write "tired" or "out of breath"; the knowledge base says "fatigue",
   "tiredness", "breathlessness" and "dyspnea". :data:`PLAIN_WORDS` maps a few plain words to the words the
   text uses, matched a little below an exact word.
2. **Side effects are not purposes.** A word met in an option's list of risks and side effects counts less than
   elsewhere (``query.text.SIDE_EFFECT_WEIGHT``), and a query naming a symptom weighs the options whose category
   is :data:`RELIEF_CATEGORY` (easing symptoms is what they are for) :data:`RELIEF_BOOST` times: "tiredness"
   listed as a side effect of chemotherapy is not an answer to "tired" the way supportive care is.
3. **How-to questions go to the guides, "what does it mean" to the glossary.** A query that asks how, where or
   who ("how do I get a second opinion", "clinical trials near me") weighs guide topics :data:`GUIDE_BOOST`
   times; one that asks what a word means weighs glossary terms :data:`TERM_BOOST` times.
4. **Words about the asker are not searched for.** Common words, words that say where the asker is ("near me")
   and who the question is about ("my dad", "him") describe the asking, not the subject. A query of only such
   words has nothing to rank by and finds nothing (the command line says so and exits 2).

How much of a query an entry covers counts each word by the quality of its match (``search.SearchIndex``).
"""

from __future__ import annotations

from collections.abc import Iterable

from mesocli.query.lexicon import COMMON_FORM, keys, lexicon, root_key
from mesocli.query.text import STOP_WORDS, WORD, bare_word, query_words, stem, tokens

#: Words that say who the question is about ("my dad", "he", "him"): they describe the asker, not the subject.
PERSON_WORDS = frozenset(
    """
    he him his himself she her hers herself us dad mum mom father mother husband wife partner son daughter
    parent brother sister friend grandfather grandmother grandpa grandma very really
    """.split()  # noqa: SIM905 - a word list reads better as text
)
#: Stop words as search sees them, after plural folding ("does" becomes "doe").
_COMMON = STOP_WORDS | {stem(w) for w in STOP_WORDS}

#: Plain words people use for symptoms, mapped to the words of the knowledge base (after plural folding).
PLAIN_WORDS: dict[str, tuple[str, ...]] = {
    "tired": ("fatigue", "tiredness"),
    "tiredness": ("fatigue",),
    "exhausted": ("fatigue", "tiredness"),
    "exhaustion": ("fatigue", "tiredness"),
    "weak": ("fatigue", "weakness"),
    "breathless": ("breathlessness", "dyspnea"),
    "breath": ("breathlessness", "dyspnea"),
    "breathing": ("breathlessness", "dyspnea"),
    "breathlessness": ("dyspnea",),
    "sick": ("nausea",),
    "nauseous": ("nausea",),
    "appetite": ("cachexia",),
    "sad": ("mood", "depression"),
    "depressed": ("mood", "depression"),
    "worried": ("anxiety",),
    "anxious": ("anxiety",),
    "hurt": ("pain",),
    "ache": ("pain",),
}
#: How well a plain word matches the words it stands for (an exact word is 1.0, a prefix 0.7, a typo 0.6).
PLAIN_QUALITY = 0.8

#: Symptom words (after plural folding): a query naming one asks how to ease it.
SYMPTOM_WORDS = frozenset(
    """
    tired tiredness fatigue exhausted exhaustion weak weakness breathless breathlessness breath breathing
    dyspnea cough pain hurt ache nausea nauseous sick vomiting appetite cachexia constipation anxiety anxious
    worried depression depressed sad mood sleep insomnia sweat swelling itch
    """.split()  # noqa: SIM905 - a word list reads better as text
)
#: The category of the options whose purpose is easing symptoms (palliative care, supportive care).
RELIEF_CATEGORY = "supportive-care"
#: How much more those options weigh when a query names a symptom.
RELIEF_BOOST = 3.0

#: Words that ask what a word means: a glossary term answers such a question; never searched for.
DEFINITION_WORDS = frozenset(["mean", "meaning", "means", "define", "definition"])
#: How much more a glossary term weighs when the query asks what a word means.
TERM_BOOST = 2.0

#: Words that ask how, where or who: a guide topic answers such a question.
HOW_TO = frozenset(
    ["how", "where", "who", "find", "finding", "get", "getting", "join", "near", "nearby", "local", "locally"]
)
#: Words that say where the asker is, not what they ask about: never searched for.
PLACE_WORDS = frozenset(["near", "nearby", "local", "locally"])
#: How much more a guide topic weighs when the query asks how, where or who.
GUIDE_BOOST = 2.0

#: An entry one of whose names is the whole query weighs 1 + this times more; one whose name is part of the
#: query, in proportion (see ``SearchIndex.named``).
NAMED_BOOST = 2.0

_NOT_SEARCHED = _COMMON | PLACE_WORDS | DEFINITION_WORDS | PERSON_WORDS


def search_words(query: str, lang: str = "en") -> list[str]:
    """The distinct words ``query`` is searched by: none when it holds only common, place or person words."""
    table = lexicon(lang)
    if table is None:
        return [w for w in query_words(query, lang) if w not in _NOT_SEARCHED]
    pairs = zip(tokens(query, lang), keys(query, lang), strict=True)  # a word's stem, and what the lists hold
    return list(dict.fromkeys(term for term, key in pairs if key not in table.not_searched))


def name_words(name: str, lang: str = "en") -> list[str]:
    """The words of an entry's name, as :func:`search_words` but keeping the forms of common verbs: in a name
    they say what it is ("ameliyat edilebilir", operable, is not "ameliyat", surgery)."""
    table = lexicon(lang)
    if table is None:
        return search_words(name, lang)
    pairs = zip(tokens(name, lang), keys(name, lang), strict=True)
    return list(dict.fromkeys(term for term, key in pairs if key == COMMON_FORM or key not in table.not_searched))


def ranked_words(query: str, lang: str = "en") -> list[str]:
    """The words a query is searched by (:func:`search_words`) but for single letters ("ğ", "x"): a letter
    alone names nothing the reader could mean (it matches unit symbols and initials). A digit ("stage 4") is
    kept, and so is a letter that a longer word of the query also stands for."""
    words = search_words(query, lang)
    letters = {w for w in WORD.findall(query) if len(w) == 1 and not w.isdigit()}
    if not letters:
        return words
    single = set(tokens(" ".join(letters), lang)) | {bare_word(w, lang) for w in letters}
    typed = {t for w in WORD.findall(query) if w not in letters for t in tokens(w, lang)}
    return [w for w in words if w not in single or w in typed]


def relief_positions(categories: Iterable[str]) -> list[int]:
    """Search positions of the options that ease symptoms, from the treatments' categories in file order
    (treatments come first in the search order, ``core.models.SEARCHED``)."""
    return [i for i, category in enumerate(categories) if category == RELIEF_CATEGORY]


def plain_word_terms(word: str, lang: str = "en") -> tuple[str, ...]:
    """The knowledge-base words a plain word stands for (may be empty)."""
    words = lexicon(lang)
    if words is None:
        return PLAIN_WORDS.get(word, ())
    found = words.plain.get(word, ())
    root = root_key(word) if not found and lang == "tr" else None  # "dökülüyor" as "dökülür" (lexicon.root_key)
    return words.plain.get(root, ()) if root is not None else found


class Intent:
    """What a query asks for, beyond its words: how-to, a definition, the easing of a symptom."""

    __slots__ = ("defines", "how_to", "symptom")

    def __init__(self, query: str, lang: str = "en") -> None:
        table = lexicon(lang)
        ordered = tokens(query, lang) if table is None else keys(query, lang)
        words = set(ordered)
        how_to, symptom = (HOW_TO, SYMPTOM_WORDS) if table is None else (table.how_to, table.symptom)
        self.how_to = not how_to.isdisjoint(words)  # "how" and "where" are stop words: read the raw tokens
        self.defines = not DEFINITION_WORDS.isdisjoint(words) if table is None else table.defines(ordered)
        if lang == "tr":  # a symptom said as a verb in any form ("öksürüyor", "ağrıyordu"; lexicon.root_key)
            words |= {key for w in WORD.findall(query) if (key := root_key(w)) is not None}
        self.symptom = not symptom.isdisjoint(words)

    def boost(self, kind: str, relief: bool) -> float:
        """The extra weight of an entry of ``kind`` (t, g or e; see Vocabulary.kinds), ``relief`` if it eases
        symptoms, for this query."""
        weight = GUIDE_BOOST if self.how_to and kind == "g" else 1.0
        if self.defines and kind == "e":
            weight *= TERM_BOOST
        if self.symptom and relief:
            weight *= RELIEF_BOOST
        return weight
