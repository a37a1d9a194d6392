"""Search's arithmetic over the postings, run in C loops (``map``, ``zip``, ``heapq``) rather than a Python
statement per match: a common word matches most of a large knowledge base, and only the best few are shown.

The figures are search's own to the last bit: every product is taken in the order ``query/search.py`` writes
it (floating-point products depend on their order), and only the order of the work changes.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from operator import mul, neg

from mesocli.query.vocabulary import Vocabulary


def best_matches(
    vocabulary: Vocabulary, terms: Mapping[str, float], total: int, damping: Sequence[float] | None
) -> tuple[dict[int, float], dict[int, float]]:
    """Per entry, the value of its best match among ``terms`` (term -> quality) and that match's quality. A
    match is worth quality * idf * (1 + log(weight)) * the entry's length factor (``damping``), and counts only
    above 0. The idf is the query word's, that of its most common reading: a rare form of a word ("karn", of
    "karnımda", in one long page) is no rarer a word than its common form ("karın")."""
    values: dict[int, float] = {}
    qualities: dict[int, float] = {}
    postings = {term: vocabulary.postings(term) for term in terms}
    idf = math.log(1 + total / max((len(positions) for positions, _weights in postings.values()), default=1))
    for term, quality in terms.items():
        positions, weights = postings[term]
        scale = quality * idf
        per_weight = {weight: scale * (1 + math.log(weight)) for weight in set(weights)}
        found = map(per_weight.__getitem__, weights)
        if damping is not None:
            found = map(mul, found, map(damping.__getitem__, positions))
        get = values.get
        better = [(index, value) for index, value in zip(positions, found, strict=True) if value > get(index, 0.0)]
        values.update(better)
        qualities.update(zip((index for index, _value in better), repeat(quality)))
    return values, qualities


def added(
    scores: dict[int, float], covered: dict[int, float], values: dict[int, float], qualities: dict[int, float]
) -> tuple[dict[int, float], dict[int, float]]:
    """``scores`` and ``covered`` with one query word's best ``values`` and their ``qualities`` added."""
    if not scores:  # 0.0 + value is value
        return values, qualities
    for index, value in values.items():
        scores[index] = scores.get(index, 0.0) + value
        covered[index] = covered.get(index, 0.0) + qualities[index]
    return scores, covered


def top(positions: Sequence[int], factors: Sequence[Iterable[float]], limit: int) -> list[tuple[float, int]]:
    """The ``limit`` best (score, position) pairs, by score and then position, best first: an entry's score is
    the product of its ``factors`` (one iterable per factor, in ``positions`` order, multiplied in that order),
    rounded to 3 places."""
    product = iter(factors[0])
    for factor in factors[1:]:
        product = map(mul, product, factor)
    found = heapq.nsmallest(limit, zip(map(neg, map(round, product, repeat(3))), positions, strict=True))
    return [(-score, position) for score, position in found]
