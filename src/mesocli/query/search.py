"""Ranked full-text search over every text field, tolerant of typos.

Names and aliases weigh more than summaries, which weigh more than body text. A query word
matches a word of the text exactly, as a prefix, or within a small edit distance.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mesocli.core.display import Displayable
from mesocli.core.models import CITATION, Guide, Term, Treatment, entry_texts

Entry = Treatment | Guide | Term

NAME_WEIGHT = 10.0
SUMMARY_WEIGHT = 4.0
BODY_WEIGHT = 1.0
_KIND_WEIGHT = {"t": 1.0, "g": 0.9, "e": 0.8}  # treatment, guide, term (see SearchIndex.kinds)
_WORD = re.compile(r"\w+")
#: Words too common to rank by; a query made only of them is searched as it is.
STOP_WORDS = frozenset(
    """
    a an and are as at be been by can could do does for from has have how i if in into is it its me
    my of on or our should so than that the their them then there these they this to was we what
    when where which who why will with would you your
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_MARKER = re.compile(r"\s*" + CITATION.pattern)
#: A query is searched by at most this many distinct words (the first ones); each costs a scan for typos.
MAX_QUERY_WORDS = 64


@dataclass(frozen=True, slots=True)
class Match:
    """Where a hit matched: the field, a snippet of its text, and the matched spans in the snippet."""

    field: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
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


def kind_of(entry: Entry) -> str:
    return "treatment" if isinstance(entry, Treatment) else "guide" if isinstance(entry, Guide) else "term"


def stem(word: str) -> str:
    """A light plural folding, so that 'options' finds 'option' and 'therapies' finds 'therapy'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.casefold())]


def query_words(query: str) -> list[str]:
    """The distinct words a query is searched by, in order: stop words dropped unless there is nothing else."""
    every = list(dict.fromkeys(tokens(query)))
    return [w for w in every if w not in STOP_WORDS] or every


def clean(text: str) -> str:
    """Text as shown in snippets: citation markers removed, white space folded."""
    return " ".join(_MARKER.sub("", text).split())


def _fields(entry: Entry) -> Iterator[tuple[str, float, str]]:
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
        yield field, (SUMMARY_WEIGHT if field == "summary" else BODY_WEIGHT), text
    if isinstance(entry, Treatment):
        for option in entry.options:
            yield "options", BODY_WEIGHT, option.name
        for study in entry.evidence:
            yield "evidence", BODY_WEIGHT, study.name


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
    """An inverted index over the entries of a knowledge base."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries: Sequence[Entry] = entries
        building: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        kinds = []
        for index, entry in enumerate(entries):
            kinds.append({"treatment": "t", "guide": "g", "term": "e"}[kind_of(entry)])
            for _field, weight, text in _fields(entry):
                for term in tokens(CITATION.sub(" ", text)):
                    building[term][index] += weight
        # term -> (entry positions, weighted term frequencies): compact arrays, quick to unpickle
        self.postings: dict[str, tuple[array[int], array[float]]] = {
            t: (array("I", p.keys()), array("d", p.values())) for t, p in building.items()
        }
        self.kinds = "".join(kinds)
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for term in self.postings:
            self.by_length[len(term)].append(term)

    @classmethod
    def from_parts(cls, entries: Sequence[Entry], parts: tuple[Any, ...]) -> SearchIndex:
        """An index from :meth:`parts` of an index built over the same entries (a cache hit)."""
        index = cls.__new__(cls)
        index.entries = entries
        index.postings, index.kinds, index.by_length = parts
        return index

    def parts(self) -> tuple[Any, ...]:
        """What :meth:`from_parts` needs (picklable; no entries)."""
        return self.postings, self.kinds, dict(self.by_length)

    def expand(self, word: str) -> dict[str, float]:
        """The index terms a query word stands for, each with how well it matches (0 to 1)."""
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = 1.0
        if len(word) >= 3:
            for length in range(len(word) + 1, len(word) + 12):
                for term in self.by_length.get(length, ()):
                    if term.startswith(word):
                        found.setdefault(term, 0.7)
        limit = typo_limit(word)
        if limit and word not in self.postings:
            for length in range(len(word) - limit, len(word) + limit + 1):
                for term in self.by_length.get(length, ()):
                    if term not in found and _within(word, term, limit):
                        found[term] = 0.6
        return found

    def search(self, query: str, limit: int = 10) -> SearchResults:
        words = query_words(query)[:MAX_QUERY_WORDS]
        if not words or limit <= 0:
            return SearchResults(query)
        total = len(self.entries)
        scores: dict[int, float] = defaultdict(float)
        matched_words: dict[int, int] = defaultdict(int)
        expansions = {w: self.expand(w) for w in words}
        for word in words:
            best: dict[int, float] = {}
            for term, quality in expansions[word].items():
                positions, weights = self.postings[term]
                idf = math.log(1 + total / len(positions))
                for index, weight in zip(positions, weights, strict=True):
                    value = quality * idf * (1 + math.log(weight))
                    if value > best.get(index, 0.0):
                        best[index] = value
            for index, value in best.items():
                scores[index] += value
                matched_words[index] += 1
        terms = {t for e in expansions.values() for t in e}
        ranked = sorted(
            (
                (round(score * (matched_words[i] / len(words)) ** 2 * _KIND_WEIGHT[self.kinds[i]], 3), i)
                for i, score in scores.items()
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        hits = SearchResults(query)
        for score, index in ranked[:limit]:
            entry = self.entries[index]
            hits.append(SearchHit(kind_of(entry), entry.id, entry.title, score, tuple(_matches(entry, terms)), entry))
        return hits


def _matches(entry: Entry, terms: set[str], most: int = 3) -> Iterator[Match]:
    seen: set[str] = set()
    for field, _weight, text in sorted(_fields(entry), key=lambda f: -f[1]):
        if field in seen or field == "id" or len(seen) >= most:
            continue
        # For aliases, show only the ones that matched, not the whole list.
        matched_aliases = (a for a in entry.aliases if terms & set(tokens(a)))
        shown = ", ".join(matched_aliases) if field == "aliases" else clean(text)
        spans = [(m.start(), m.end()) for m in _WORD.finditer(shown) if stem(m.group().casefold()) in terms]
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
