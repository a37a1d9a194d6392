"""Name resolution: id, name, alias and unique prefix, any case; suggestions for near misses."""

from __future__ import annotations

from pathlib import Path

import pytest

import mesocli
from mesocli import NotFoundError


@pytest.fixture
def kb(tiny_path: Path) -> mesocli.KnowledgeBase:
    return mesocli.load(tiny_path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("chemotherapy", "chemotherapy"),  # id
        ("Radiation Therapy", "radiation-therapy"),  # name
        ("radiation therapy", "radiation-therapy"),  # name, other case
        ("RADIATION_THERAPY", "radiation-therapy"),  # separators fold
        ("chemo", "chemotherapy"),  # alias
        ("alimta", "chemotherapy"),  # brand name, case-insensitive
        ("pall", "palliative-care"),  # unique prefix
        ("  Radiotherapy ", "radiation-therapy"),  # surrounding spaces
    ],
)
def test_names_resolve(kb: mesocli.KnowledgeBase, name: str, expected: str) -> None:
    """Every way a person may name an option finds it."""
    assert kb.get(name).id == expected


def test_unknown_name_suggests_close_names(kb: mesocli.KnowledgeBase) -> None:
    """A typo raises NotFoundError, a LookupError, with the intended entry suggested first."""
    with pytest.raises(LookupError) as info:
        kb.get("chemotheropy")
    error = info.value
    assert isinstance(error, NotFoundError)
    assert error.suggestions[0] == "chemotherapy"
    assert "did you mean chemotherapy" in str(error)


def test_ambiguous_prefix_lists_the_candidates(kb: mesocli.KnowledgeBase, tiny_path: Path) -> None:
    """A prefix shared by two entries is not guessed; both are suggested."""
    with pytest.raises(NotFoundError) as info:
        kb.get("p")  # palliative-care and pemetrexed (chemotherapy)
    assert set(info.value.suggestions) == {"palliative-care", "chemotherapy"}


def test_nothing_close_gives_no_suggestions(kb: mesocli.KnowledgeBase) -> None:
    """A name like nothing in the knowledge base has no made-up suggestions."""
    with pytest.raises(NotFoundError) as info:
        kb.get("xylophone")
    assert info.value.suggestions == ()


def test_guides_and_terms_resolve_in_their_own_namespace(kb: mesocli.KnowledgeBase) -> None:
    """Guide topics and glossary terms have their own lookups, by alias too."""
    assert kb.guide("second opinions").id == "second-opinion"
    assert kb.term("hr").id == "hazard-ratio"
    with pytest.raises(NotFoundError) as info:
        kb.term("pleurodesys")
    assert info.value.suggestions == ("pleurodesis",)
    assert info.value.kind == "glossary term"
