"""Ranked full-text search over every text field, tolerant of typos.

Names and aliases weigh more than summaries, which weigh more than body text. A query word
matches a word of the text exactly, as a prefix, or within a small edit distance.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import repeat

from mesocli.core.display import Displayable
from mesocli.core.model import model
from mesocli.core.models import Treatment
from mesocli.query import morphology, ranking, scoring
from mesocli.query.text import (
    MAX_QUERY_WORDS,
    PHRASE,
    WORD,
    Entry,
    bare_word,
    clean,
    fields,
    index_tokens,
    kind_of,
    typed,
    word_terms,
)
from mesocli.query.vocabulary import MemoryVocabulary, Vocabulary

#: A score is multiplied by the share of the query's words an entry holds, to this power: an entry that holds
#: every word of a long question is not always the answer (a long page holds many words by chance).
COVERAGE_POWER = 0.5
_KIND_WEIGHT = {"t": 1.0, "g": 0.9, "e": 0.8}  # treatment, guide, term (see Vocabulary.kinds)
#: The shortest query word that also finds longer words starting with it. A Turkish or Spanish stem is already
#: cut short ("arasındaki" is "aras"), so a short one would find unrelated words ("araştırma").
_PREFIX_FROM = {"en": 3, "tr": 5, "es": 5}
#: How well a Turkish or Spanish stem one or two letters shorter than the query word's matches: the stemmers
#: leave a letter more of some forms than of others ("immünoterapide" is "immunoterapi", "İmmünoterapi"
#: "immunoterap"; "cirugía" is "cirug", "cirugia" "cirugi").
_SHORTER = (0.9, 0.7)
#: How well a word typed with some of its letters' marks matches the word without any.
_PART_MARKED = 0.95


@model
class Match:
    """Where a hit matched: the field, a snippet of its text, and the matched spans in the snippet."""

    field: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]


@model
class SearchHit:
    """One search result."""

    kind: str  # "treatment", "guide" or "term"
    id: str
    name: str
    score: float
    matches: tuple[Match, ...]
    entry: Entry

    @property
    def treatment(self) -> Treatment | None:
        """The treatment this hit is, or None for a guide topic or glossary term."""
        return self.entry if isinstance(self.entry, Treatment) else None


class SearchResults(list[SearchHit], Displayable):
    """Search hits, best first: a list that also displays itself in Jupyter and Rich."""

    def __init__(self, query: str, hits: Iterable[SearchHit] = ()) -> None:
        super().__init__(hits)
        self.query = query


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance between ``a`` and ``b`` is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    if len(set(a) - set(b)) > limit:  # each edit brings in at most one missing letter: a cheap way out
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(cost)
            best = min(best, cost)
        if best > limit:
            return False
        previous = current
    return previous[-1] <= limit


def typo_limit(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


class SearchIndex:
    """Ranked search over the entries of a knowledge base, through a :class:`Vocabulary`.

    The ranking is the same whichever vocabulary answers: the terms and weights are the same.
    """

    def __init__(
        self,
        entries: Sequence[Entry],
        vocabulary: Vocabulary | None = None,
        relief: Collection[int] | None = None,
        lang: str = "en",
    ) -> None:
        """``relief``: positions of the options that ease symptoms (query/ranking.py); found in ``entries`` if
        not given, which decodes every entry of a stored knowledge base. ``lang``: the entries' language."""
        self.entries: Sequence[Entry] = entries
        self.lang = lang
        self.vocabulary: Vocabulary = vocabulary if vocabulary is not None else MemoryVocabulary(entries, lang=lang)
        if relief is None:
            relief = ranking.relief_positions(getattr(e, "category", "") for e in entries)
        self.relief = frozenset(relief)

    def expand(self, word: str) -> dict[str, float]:
        """The index terms a query word stands for, each with how well it matches (0 to 1)."""
        found: dict[str, float] = {}
        known = self.vocabulary.has(word)
        if known:
            found[word] = 1.0
        shortest = _PREFIX_FROM.get(self.lang, 3)
        if len(word) >= shortest:
            for term in self.vocabulary.prefixed(word, len(word) + 1, len(word) + 11):
                found.setdefault(term, 0.7)
        if self.lang != "en":
            for shorter, quality in zip((word[:-1], word[:-2]), _SHORTER, strict=True):
                # Turkish k becomes ğ before a vowel ("hastalık", "hastalığım"): typed without marks, a g
                cut = shorter[:-1] + "k" if self.lang == "tr" and shorter.endswith("g") else shorter
                if len(cut) >= shortest and self.vocabulary.has(cut):
                    found.setdefault(cut, quality)
        if not known and self.lang != "en":  # some letters typed with their marks, some without ("agrı")
            bare = bare_word(word, self.lang)
            if bare != word and self.vocabulary.has(bare):
                found.setdefault(bare, _PART_MARKED)
                known = True
        if self.lang == "tr":  # verb endings and dropped vowels the stemmer leaves (query/morphology.py)
            for term, quality in morphology.readings(word, known, self.vocabulary).items():
                found.setdefault(term, quality)
        limit = typo_limit(word)
        if limit and not known:
            for term in self.vocabulary.near(len(word) - limit, len(word) + limit):
                if term not in found and term[0] != PHRASE and _within(word, term, limit):
                    found[term] = 0.6
        for term in ranking.plain_word_terms(word, self.lang):  # "tired" also finds "fatigue" (query/ranking.py)
            if self.vocabulary.has(term) and found.get(term, 0.0) < ranking.PLAIN_QUALITY:
                found[term] = ranking.PLAIN_QUALITY
        return found

    def named(self, words: list[str], expansions: dict[str, dict[str, float]], longest: int = 4) -> dict[int, float]:
        """Per entry one of whose names (title, alias, the part in brackets) is a run of the query's words, how
        many words such a run has at most; a name of one word also counts when it is matched by prefix or with a
        typo ("chemotherpy"), by the quality of that match."""
        found: dict[int, float] = {}
        for size in range(min(longest, len(words)), 1, -1):
            for start in range(len(words) - size + 1):
                self._credit(found, PHRASE + PHRASE.join(words[start : start + size]), size)
        for word in words:  # by its best reading only: "mesotelioma" names mesothelioma, not "mesotelio"
            best = 0.0
            for term, quality in sorted(expansions[word].items(), key=lambda pair: -pair[1]):
                if quality < best:
                    break
                if self._credit(found, PHRASE + term, quality):
                    best = quality
        return found

    def _credit(self, found: dict[int, float], phrase: str, credit: float) -> bool:
        if not self.vocabulary.has(phrase):
            return False
        for index in self.vocabulary.postings(phrase)[0]:
            found[index] = max(found.get(index, 0.0), credit)
        return True

    def search(self, query: str, limit: int = 10) -> SearchResults:
        query = typed(query)
        words = ranking.ranked_words(query, self.lang)[:MAX_QUERY_WORDS]
        if not words or limit <= 0:
            return SearchResults(query)
        expansions = {w: self.expand(w) for w in words}
        total = len(self.entries)
        damping = self._damping(total)
        scores: dict[int, float] = {}
        covered: dict[int, float] = {}
        for word in words:
            best = scoring.best_matches(self.vocabulary, expansions[word], total, damping)
            scores, covered = scoring.added(scores, covered, *best)
        kinds = self.vocabulary.kinds
        intent = ranking.Intent(query, self.lang)
        # a how, where or who question is answered by a guide, whatever entry it names
        named = {} if intent.how_to else self.named(words, expansions)
        order = list(scores)
        letters = list(map(kinds.__getitem__, order))
        boosts = {(kind, relief): intent.boost(kind, relief) for kind in _KIND_WEIGHT for relief in (False, True)}
        coverage = {share: (share / len(words)) ** COVERAGE_POWER for share in set(covered.values())}
        credit = {part: 1 + ranking.NAMED_BOOST * part / len(words) for part in {0.0, *named.values()}}
        factors = (  # score * coverage ** COVERAGE_POWER * kind weight * boost * (1 + NAMED_BOOST * named / words)
            map(scores.__getitem__, order),
            map(coverage.__getitem__, map(covered.__getitem__, order)),
            map(_KIND_WEIGHT.__getitem__, letters),
            map(boosts.__getitem__, zip(letters, map(self.relief.__contains__, order), strict=True)),
            map(credit.__getitem__, map(named.get, order, repeat(0.0))),
        )
        ranked = scoring.top(order, factors, 2 * limit)
        terms = {t for e in expansions.values() for t in e}
        hits = SearchResults(query)
        for score, index in _apart(ranked, self.entries, limit):
            entry = self.entries[index]
            found = tuple(_matches(entry, terms, self.lang))
            hits.append(SearchHit(kind_of(entry), entry.id, entry.title, score, found, entry))
        return hits

    def _damping(self, total: int) -> Sequence[float] | None:
        """Per entry position, the factor its length weighs each match by (``text.length_factors``, kept in the
        vocabulary as the postings of the term ``PHRASE``); None for a vocabulary without them."""
        if not self.vocabulary.has(PHRASE):
            return None
        positions, factors = self.vocabulary.postings(PHRASE)
        if len(positions) == total:  # every entry, in order
            return factors
        damping = [1.0] * total
        for index, factor in zip(positions, factors, strict=True):
            damping[index] = factor
        return damping


def _apart(ranked: list[tuple[float, int]], entries: Sequence[Entry], limit: int) -> list[tuple[float, int]]:
    """The first ``limit`` of ``ranked`` (score, position), one per id: a guide topic and a glossary term of the
    same name (``prognosis``) say much the same, and the second would take the place of another answer. Only the
    entries that may be shown are read."""
    seen: set[str] = set()
    kept: list[tuple[float, int]] = []
    for score, index in ranked:
        entry_id = entries[index].id
        if entry_id not in seen:
            kept.append((score, index))
            seen.add(entry_id)
            if len(kept) == limit:
                break
    return kept


def _matches(entry: Entry, terms: set[str], lang: str = "en", most: int = 3) -> Iterator[Match]:
    seen: set[str] = set()
    for field, _weight, text in sorted(fields(entry), key=lambda f: -f[1]):
        if field in seen or field == "id" or len(seen) >= most:
            continue
        # For aliases, show only the ones that matched, not the whole list.
        matched_aliases = (a for a in entry.aliases if terms.intersection(index_tokens(a, lang)))
        shown = ", ".join(matched_aliases) if field == "aliases" else clean(text)
        spans = [(m.start(), m.end()) for m in WORD.finditer(shown) if terms.intersection(word_terms(m.group(), lang))]
        if spans:
            seen.add(field)
            yield _snippet(field, shown, spans)


def _snippet(field: str, text: str, spans: list[tuple[int, int]], width: int = 140) -> Match:
    first = spans[0][0]
    start = 0 if first < width // 3 else text.rfind(" ", 0, first - width // 3) + 1
    end = len(text) if start + width >= len(text) else text.rfind(" ", start, start + width)
    if end <= first:
        end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    offset = len(prefix) - start
    body = prefix + text[start:end] + suffix
    inside = tuple((s + offset, e + offset) for s, e in spans if s >= start and e <= end)
    return Match(field, body, inside)
