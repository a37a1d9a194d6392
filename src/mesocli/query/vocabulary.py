"""The vocabulary search ranks with: index terms and their postings, built in memory from the entries."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Protocol

from mesocli.core.models import CITATION
from mesocli.query.ranking import name_words
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

if TYPE_CHECKING:
    Postings = dict[str, tuple[array[int], array[float]]]  # term -> (entry positions, weighted frequencies)


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
        letters = {"treatment": "t", "guide": "g", "term": "e"}
        kinds = []
        #: Per entry, its distinct terms by weight class (names, summaries, body), for the store's full-text
        #: table (it answers which terms exist, so each term is written once per column).
        self.columns: list[tuple[str, str, str]] = []
        # Every (term, entry, doubled weight) posting of a run of entries, flat; grouped by term in C at the end
        # of the run and added to the table, so that a large knowledge base never holds all its postings twice.
        self.table: Postings = {}
        terms: list[str] = []
        counts: list[int] = []
        positions = array("I")
        lengths: list[int] = []  # per entry, its number of words
        for index, entry in enumerate(entries):
            kinds.append(letters[kind_of(entry)])
            counted, columns, length = _counted(entry, lang)
            lengths.append(length)
            terms += counted.keys()
            counts += counted.values()
            positions.extend(repeat(index, len(counted)))
            if keep_columns:
                self.columns.append(columns)
            if len(terms) > _RUN:
                _add(self.table, terms, counts, positions)
                terms, counts, positions = [], [], array("I")
        _add(self.table, terms, counts, positions)
        self._kinds = "".join(kinds)
        # each entry's length, as the factor it weighs matches by, kept as the postings of a term (query/search.py)
        self.table[PHRASE] = (array("I", range(len(lengths))), array("d", length_factors(lengths)))
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


#: The full-text column of each weight: names and aliases, summaries, body (side effects are body text too).
_SLOT = {NAME_WEIGHT: 0, SUMMARY_WEIGHT: 1, BODY_WEIGHT: 2, SIDE_EFFECT_WEIGHT: 2}


def _counted(entry: Entry, lang: str) -> tuple[Counter[str], tuple[str, str, str], int]:
    """An entry's terms with twice their weighted frequency, its distinct terms per full-text column, and its
    number of words.

    Fields of one weight in a row are tokenised together (joined by a space, which no word or citation
    marker spans), so terms keep the order they first appear in; each token is counted twice its weight
    times (the weights are halves and whole numbers), so that one count in C gives every term's weighted
    frequency, exactly, as a whole number. Its names are terms too, each a phrase that a query naming it
    holds (``text.name_phrases``); the term ``PHRASE`` marks every entry in the names column."""
    weighted: list[str] = []
    columns: tuple[dict[str, None], dict[str, None], dict[str, None]] = ({}, {}, {})
    length = 0
    for weight, run in groupby(fields(entry), key=itemgetter(1)):  # fields of one weight in a row, in order
        found = index_tokens(CITATION.sub(" ", " ".join(text for _field, _weight, text in run)), lang)
        weighted += found * int(2 * weight)
        columns[_SLOT[weight]].update(dict.fromkeys(found))
        length += len(found)
    phrases = name_phrases(entry, lang, name_words)
    weighted += phrases * int(2 * NAME_WEIGHT)
    columns[0].update(dict.fromkeys((*phrases, PHRASE)))
    return Counter(weighted), (" ".join(columns[0]), " ".join(columns[1]), " ".join(columns[2])), length


#: Postings grouped at a time while the vocabulary is built (a few hundred entries' worth).
_RUN = 1 << 17


def _add(
    table: dict[str, tuple[array[int], array[float]]], terms: list[str], counts: list[int], at: array[int]
) -> None:
    """Add flat postings (term, doubled weight, entry position; in entry order) to ``table``, keeping each term's
    entries in order and the terms in the order they first appear."""
    if not terms:
        return
    order = sorted(range(len(terms)), key=terms.__getitem__)  # stable: each term's entries stay in order
    positions = array("I", itemgetter(*order)(at) if len(order) > 1 else (at[0],))
    doubled = itemgetter(*order)(counts) if len(order) > 1 else (counts[0],)
    weights = array("d", map((0.5).__mul__, doubled))
    sizes = Counter(terms)  # in the order terms first appear
    start, starts = 0, {}
    for term in sorted(sizes):
        starts[term] = start
        start += sizes[term]
    for term, n in sizes.items():
        first = starts[term]
        found = table.get(term)
        if found is None:
            table[term] = (positions[first : first + n], weights[first : first + n])
        else:
            found[0].extend(positions[first : first + n])
            found[1].extend(weights[first : first + n])
