"""Warm runs read what they print: a kept `list` page decodes no row; relief positions come from one query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core import l10n
from mesocli.kb import KnowledgeBase
from mesocli.query.ranking import relief_positions

TINY = Path(__file__).parent / "data" / "tiny.yaml"


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("MESOCLI_NO_CACHE", "MESOCLI_LANG", "MESOCLI_KB", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "kb.yaml"
    path.write_bytes(TINY.read_bytes())
    return path


def _run(kb: Path, *args: str, **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--kb", str(kb), *args], env={"COLUMNS": "100", **env})
    l10n.set_language("en")
    return result.exit_code, result.stdout, result.stderr


def test_a_kept_list_page_is_printed_without_reading_a_row(kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once `list` is kept, printing it again reads no row of the table: the page is read back as it was."""
    _run(kb, "list")  # builds the store
    kept = _run(kb, "list")  # keeps the page
    assert kept[0] == 0 and "Chemotherapy" in kept[1]

    def unread(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a row was read for a kept page")

    monkeypatch.setattr(KnowledgeBase, "list_rows", unread)
    assert _run(kb, "list") == kept


def test_a_list_that_matches_nothing_says_so_every_time(kb: Path) -> None:
    """Filters that match nothing end with the same message and exit code, first run, warm run, and no store."""
    first = _run(kb, "list", "--category", "research")
    assert first[0] == 1 and first[1] == ""
    assert "no treatment option matches these filters" in first[2]
    assert _run(kb, "list", "--category", "research") == first
    assert _run(kb, "list", "--category", "research", MESOCLI_NO_CACHE="1") == first


def test_relief_positions_kept_at_build_equal_the_decoded_categories(kb: Path) -> None:
    """The supportive-care positions kept in the database when it is built are those of the decoded rows."""
    mesocli.load(kb)
    stored_kb = mesocli.load(kb)
    stored = stored_kb._stored
    assert stored is not None
    decoded = relief_positions(t.category for t in stored_kb.treatments)
    assert decoded and stored.positions("relief") == decoded
