"""Translated editions kept in the store: read like the English one, and never older than their two files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import mesocli
from mesocli.core.serialize import hit_row, to_data
from mesocli.edition import in_memory

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def kb_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled knowledge base and its translations, copied where this test may edit them."""
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MESOCLI_NO_CACHE", raising=False)
    for name in ("treatments.yaml", "treatments.tr.yaml", "treatments.es.yaml"):
        shutil.copyfile(DATA / name, tmp_path / name)
    return tmp_path / "treatments.yaml"


def _answers(kb: mesocli.KnowledgeBase) -> object:
    """What the pages print from an edition, as plain data."""
    return {
        "show": to_data(kb.get("chemo")),
        "list": [to_data(r) for r in kb.list_rows()],
        "search": [hit_row(h) for q in ("ağrı", "saç dökülmesi", "kemoterapi", "dolor") for h in kb.search(q)],
        "names": kb.names(),
        "warnings": [str(w) for w in kb.warnings],
        "lang": kb.lang,
    }


def test_an_edition_is_kept_and_read_back_with_the_same_answers(kb_file: Path) -> None:
    """The second load of the Turkish edition comes from its own database and answers as the overlay applied."""
    mesocli.load(kb_file)  # the English database first: editions are kept beside a stored knowledge base
    first = mesocli.load(kb_file, "tr")
    assert first._stored is None and first.lang == "tr"
    again = mesocli.load(kb_file, "tr")
    assert again._stored is not None and again._stored.meta["lang"] == "tr"
    fresh = in_memory(mesocli.kb._parse(kb_file), "tr")
    assert _answers(again) == _answers(first) == _answers(fresh)
    assert _answers(mesocli.load(kb_file, "es"))["show"] != _answers(again)["show"]


def test_an_edited_translation_is_never_served_from_the_old_edition(kb_file: Path) -> None:
    """A same-size edit of the overlay, modification time put back, shows at once."""
    mesocli.load(kb_file)
    for _ in range(2):
        mesocli.load(kb_file, "tr")
    overlay = kb_file.with_name("treatments.tr.yaml")
    info, text = overlay.stat(), overlay.read_text(encoding="utf-8")
    assert "text: Palyatif bakım\n" in text
    overlay.write_text(text.replace("text: Palyatif bakım\n", "text: Palyatif bakıM\n", 1), encoding="utf-8")
    os.utime(overlay, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert mesocli.load(kb_file, "tr").get("palliative-care").name == "Palyatif bakıM"


def test_an_edited_knowledge_base_rebuilds_its_editions(kb_file: Path) -> None:
    """An edit of the English file reaches the edition (its figures and untranslated fields come from English)."""
    mesocli.load(kb_file)
    for _ in range(2):
        mesocli.load(kb_file, "tr")
    text = kb_file.read_text(encoding="utf-8")
    kb_file.write_text(text.replace("\nversion: ", "\nversion: 9", 1), encoding="utf-8")
    assert mesocli.load(kb_file, "tr").version.startswith("9")
