"""load() works on path strings: their text must be exactly what Path(path).expanduser() would give."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mesocli.core.files import path_text

ODD = ["", ".", "./", "./kb.yaml", "a//b.yaml", "a/./b.yaml", "a/b/", "a/.", "~", "~/kb.yaml", "//x/y", "/", "a/../b"]


@pytest.mark.parametrize("text", ODD)
def test_path_text_matches_pathlib_on_odd_forms(text: str) -> None:
    """Doubled, trailing or dotted parts and a leading ~ are normalised as a Path would normalise them."""
    assert path_text(text) == str(Path(text).expanduser())


@given(st.lists(st.sampled_from(["a", "b.yaml", ".", "..", "", "~", " "]), max_size=5), st.booleans())
def test_path_text_matches_pathlib(parts: list[str], absolute: bool) -> None:
    """Any joined path gives the same text as str(Path(path).expanduser()), given as a string or a Path."""
    text = ("/" if absolute else "") + "/".join(parts)
    assert path_text(text) == str(Path(text).expanduser())
    assert path_text(Path(text)) == str(Path(text).expanduser())
