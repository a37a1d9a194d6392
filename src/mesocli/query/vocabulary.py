"""The vocabulary search ranks with: index terms and their postings, built in memory from the entries."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from mesocli.core.models import CITATION
from mesocli.query.ranking import search_words
from mesocli.query.text import (
    BODY_WEIGHT,
    NAME_WEIGHT,
    PHRASE,
    SIDE_EFFECT_WEIGHT,
    SUMMARY_WEIGHT,
    Entry,
    fields,
    index_tokens,
    kind_of,
    length_factors,
    name_phrases,
)


class Vocabulary(Protocol):
    """Index terms and their postings: in memory (:class:`MemoryVocabulary`) or in the store's database."""

    @property
    def kinds(self) -> str:
        """One letter per entry position: t (treatment), g (guide) or e (term)."""
        ...

    def has(self, term: str) -> bool: ...

    def postings(self, term: str) -> tuple[Sequence[int], Sequence[float]]:
        """Entry positions holding ``term``, and its weighted frequency in each."""
        ...

    def prefixed(self, word: str, shortest: int, longest: int) -> Iterable[str]:
        """Terms that start with ``word``, of ``shortest`` to ``longest`` characters."""
        ...

    def near(self, shortest: int, longest: int) -> Iterable[str]:
        """Every term of ``shortest`` to ``longest`` characters (the candidates for a typo)."""
        ...


class MemoryVocabulary:
    """An inverted index built from the entries, kept in memory."""

    def __init__(self, entries: Sequence[Entry], keep_columns: bool = False, lang: str = "en") -> None:
        building: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        kinds = []
        lengths: list[int] = []  # per entry, its number of words
        #: Per entry, its tokens by weight (names, summaries, body), for the store's full-text table.
        self.columns: list[tuple[str, str, str]] = []
        slot = {NAME_WEIGHT: 0, SUMMARY_WEIGHT: 1, BODY_WEIGHT: 2, SIDE_EFFECT_WEIGHT: 2}
        for index, entry in enumerate(entries):
            kinds.append({"treatment": "t", "guide": "g", "term": "e"}[kind_of(entry)])
            texts: tuple[list[str], list[str], list[str]] = ([], [], [])
            size = 0
            for _field, weight, text in fields(entry):
                found = index_tokens(CITATION.sub(" ", text), lang)
                size += len(found)
                # Counted in C, then one addition per distinct word: the weights are halves and whole numbers,
                # so weight * count is exactly the sum of the repeated additions.
                for term, count in Counter(found).items():
                    building[term][index] += weight * count
                if keep_columns:
                    texts[slot[weight]].extend(found)
            lengths.append(size)
            for phrase in name_phrases(entry, lang, search_words):  # a query that names it (query/search.py)
                building[phrase][index] = NAME_WEIGHT
                texts[0].append(phrase)
            texts[0].append(PHRASE)
            if keep_columns:
                self.columns.append((" ".join(texts[0]), " ".join(texts[1]), " ".join(texts[2])))
        building[PHRASE] = dict(enumerate(length_factors(lengths)))  # stored as a term (query/search.py)
        # term -> (entry positions, weighted term frequencies), as compact arrays
        self.table: dict[str, tuple[array[int], array[float]]] = {
            t: (array("I", p.keys()), array("d", p.values())) for t, p in building.items()
        }
        self._kinds = "".join(kinds)
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for term in self.table:
            self.by_length[len(term)].append(term)

    @property
    def kinds(self) -> str:
        return self._kinds

    def has(self, term: str) -> bool:
        return term in self.table

    def postings(self, term: str) -> tuple[Sequence[int], Sequence[float]]:
        return self.table[term]

    def prefixed(self, word: str, shortest: int, longest: int) -> Iterator[str]:
        return (t for t in self.near(shortest, longest) if t.startswith(word))

    def near(self, shortest: int, longest: int) -> Iterator[str]:
        for length in range(shortest, longest + 1):
            yield from self.by_length.get(length, ())
