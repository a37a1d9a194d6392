"""Search's scoring in C loops gives the figures and order of the plain per-match arithmetic."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from mesocli.query import scoring
from mesocli.query.vocabulary import MemoryVocabulary

WEIGHTS = st.sampled_from([0.25, 0.5, 1.0, 1.5, 2.0, 4.0, 8.0, 21.5])
POSTINGS = st.dictionaries(st.integers(0, 40), WEIGHTS, min_size=1)
QUALITY = st.sampled_from([1.0, 0.95, 0.9, 0.7, 0.6])


class _Table(MemoryVocabulary):
    """A vocabulary made of given postings, without entries."""

    def __init__(self, table: dict[str, tuple[Sequence[int], Sequence[float]]]) -> None:
        self.table = {t: (array("I", p), array("d", w)) for t, (p, w) in table.items()}


def _plain(
    table: _Table, terms: dict[str, float], total: int, damping: Sequence[float] | None
) -> dict[int, tuple[float, float]]:
    best: dict[int, tuple[float, float]] = {}
    idf = math.log(1 + total / max(len(table.postings(term)[0]) for term in terms))  # the word's commonest reading
    for term, quality in terms.items():
        positions, weights = table.postings(term)
        for index, weight in zip(positions, weights, strict=True):
            value = quality * idf * (1 + math.log(weight)) * (damping[index] if damping else 1.0)
            if value > best.get(index, (0.0, 0.0))[0]:
                best[index] = (value, quality)
    return best


@given(st.lists(st.tuples(POSTINGS, QUALITY), min_size=1, max_size=4), st.booleans())
def test_best_matches_equal_the_plain_loop(terms: list[tuple[dict[int, float], float]], damped: bool) -> None:
    """Each entry's best match value and quality are those of a Python loop over every posting, to the bit."""
    table = _Table({f"t{n}": (list(p), list(p.values())) for n, (p, _q) in enumerate(terms)})
    qualities = {f"t{n}": q for n, (_p, q) in enumerate(terms)}
    damping = [1 / (1 + i % 7) for i in range(41)] if damped else None
    values, found = scoring.best_matches(table, qualities, 41, damping)
    plain = _plain(table, qualities, 41, damping)
    assert values == {i: v for i, (v, _q) in plain.items()}
    assert found == {i: q for i, (_v, q) in plain.items()}


@given(st.dictionaries(st.integers(0, 500), st.tuples(st.floats(0.001, 50), st.floats(0.1, 3))), st.integers(1, 30))
def test_top_equals_sorting_every_product(scores: dict[int, tuple[float, float]], limit: int) -> None:
    """The best pairs are the first of all rounded products sorted by score, then position."""
    order = list(scores)
    factors = ([scores[i][0] for i in order], [scores[i][1] for i in order])
    everything = sorted(((round(a * b, 3), i) for i, (a, b) in scores.items()), key=lambda p: (-p[0], p[1]))
    assert scoring.top(order, factors, limit) == everything[:limit]


def test_a_rare_form_of_a_word_is_as_common_as_the_word() -> None:
    """A word's rare reading ("karn") weighs by the idf of its common one ("kar"), not its own."""
    table = _Table({"karn": ([0], [5.0]), "kar": ([1, 2, 3], [44.0, 4.0, 4.0])})
    values, _found = scoring.best_matches(table, {"karn": 1.0, "kar": 0.8}, 10, None)
    idf = math.log(1 + 10 / 3)
    assert values[0] == idf * (1 + math.log(5.0)) and values[1] > values[0]
