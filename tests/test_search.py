"""Search: ranking by where words match, typo tolerance, snippets with highlights, and robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mesocli
from mesocli.query.search import SearchIndex, _within


@pytest.fixture
def kb(tiny_path: Path) -> mesocli.KnowledgeBase:
    return mesocli.load(tiny_path)


def test_name_match_ranks_above_body_match(kb: mesocli.KnowledgeBase) -> None:
    """A word in an option's name beats the same word in another option's body text."""
    hits = kb.search("radiotherapy")
    assert hits[0].id == "radiation-therapy"
    pain = kb.search("pain")  # in the summary of palliative care and radiation, body elsewhere
    assert {pain[0].id, pain[1].id} == {"palliative-care", "radiation-therapy"}


def test_summary_match_ranks_above_body_match(kb: mesocli.KnowledgeBase) -> None:
    """'breathlessness' is in palliative care's summary only; it comes first."""
    assert kb.search("breathlessness")[0].id == "palliative-care"


def test_typos_are_forgiven(kb: mesocli.KnowledgeBase) -> None:
    """Misspelt words still find the entry."""
    assert kb.search("chemotherpy")[0].id == "chemotherapy"
    assert kb.search("palliatve")[0].id == "palliative-care"
    assert kb.search("pleurodisis")[0].id == "pleurodesis"


def test_snippets_highlight_the_matched_words(kb: mesocli.KnowledgeBase) -> None:
    """Every highlight span covers a word that matches the query."""
    hit = kb.search("nausea")[0]
    assert hit.id == "chemotherapy"
    match = hit.matches[0]
    assert match.field == "risks"
    assert [match.snippet[s:e] for s, e in match.highlights] == ["nausea"]


def test_hits_carry_treatment_and_kind(kb: mesocli.KnowledgeBase) -> None:
    """A hit exposes id, score and the treatment; guide and glossary hits have their kind."""
    hit = kb.search("chemo")[0]
    assert hit.treatment is kb.get("chemotherapy")
    assert hit.score > 0
    term = kb.search("hazard ratio")[0]
    assert (term.kind, term.id, term.treatment) == ("term", "hazard-ratio", None)


def test_limit_and_order(kb: mesocli.KnowledgeBase) -> None:
    """Results are sorted by score and cut at the limit."""
    hits = kb.search("people", limit=2)
    assert len(hits) == 2
    scores = [h.score for h in kb.search("people")]
    assert scores == sorted(scores, reverse=True)


def test_no_words_no_hits(kb: mesocli.KnowledgeBase) -> None:
    """A query with no words (only punctuation) finds nothing rather than everything."""
    assert kb.search("?!") == []
    assert kb.search("zzzzqqq") == []


def test_citation_markers_are_not_searchable(kb: mesocli.KnowledgeBase) -> None:
    """Reference ids inside [@...] markers are not text a reader sees."""
    assert [h.id for h in kb.search("vogelzang2003")] == []


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("chemo", "chemo", 0, True),
        ("chemotherpy", "chemotherapy", 1, True),
        ("abc", "xyz", 2, False),
        ("pleural", "pleura", 1, True),
        ("kitten", "sitting", 2, False),
    ],
)
def test_edit_distance_bound(a: str, b: str, limit: int, expected: bool) -> None:
    """The bounded edit distance agrees with the textbook distance."""
    assert _within(a, b, limit) is expected


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(query=st.text(max_size=200))
def test_any_text_searches_without_error(tiny_path: Path, query: str) -> None:
    """Arbitrary text (emoji, RTL marks, regex syntax, huge) never raises and keeps hits well-formed."""
    index = SearchIndex(mesocli.load(tiny_path).treatments)
    hits = index.search(query, limit=5)
    assert len(hits) <= 5
    for hit in hits:
        for match in hit.matches:
            assert all(0 <= s < e <= len(match.snippet) for s, e in match.highlights)


def test_stop_words_do_not_drown_the_query(kb: mesocli.KnowledgeBase) -> None:
    """Common words ('what', 'is', 'the') do not rank; a query of only such words finds nothing."""
    assert kb.search("what is the nausea")[0].id == "chemotherapy"
    assert [h.id for h in kb.search("what is the nausea")] == [h.id for h in kb.search("nausea")]
    assert kb.search("the") == [] and kb.search("what does it mean") == []


@pytest.mark.parametrize(
    ("pasted", "meant", "lang"),
    [("ağ\u00adrı", "ağrı", "tr"), ("breath\u200bless", "breathless", "en"), ("stage Ⅳ", "stage IV", "en")],
    ids=["soft-hyphen", "zero-width-space", "roman-numeral"],
)
def test_a_query_pasted_with_invisible_or_compatibility_characters_is_searched_as_typed(
    pasted: str, meant: str, lang: str
) -> None:
    """A soft hyphen or zero-width space inside a word, or a Roman numeral sign, finds what the plain text finds."""
    kb = mesocli.load(mesocli.bundled_path(), lang=lang)
    found = [hit.id for hit in kb.search(pasted, 5)]
    assert found and found == [hit.id for hit in kb.search(meant, 5)]
