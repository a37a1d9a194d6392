"""The one rule for kept pages: whatever input changes, a kept page is the page a fresh run makes."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core import l10n
from mesocli.core.overlay import source_hash
from mesocli.store.pagekey import content_identity, environment, page_key

TINY = Path(__file__).parent / "data" / "tiny.yaml"
WORDS = st.text(alphabet="abcdefgh ", min_size=3, max_size=12).map(lambda s: s.strip() or "abc")


@pytest.fixture(autouse=True)
def _english_afterwards() -> Any:
    yield
    l10n.set_language("en")


class World:
    """A tiny knowledge base with a Spanish overlay and a profile, each editable."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.kb = folder / "kb.yaml"
        self.data = yaml.safe_load(TINY.read_text(encoding="utf-8"))
        self.overlay = folder / "kb.es.yaml"
        self.overlay_text = "Fármacos que frenan el cáncer."
        self.profile = folder / "profile.yaml"
        self.situation = {"site": "pleural", "histology": "epithelioid"}
        self.env: dict[str, str] = {}
        self.write()

    def write(self) -> None:
        self.kb.write_text(yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        summary = self.data["treatments"][0]["summary"]
        overlay = {
            "lang": "es",
            "treatments": {
                "chemotherapy": {"summary": {"text": self.overlay_text, "source_hash": source_hash(summary)}}
            },
        }
        self.overlay.write_text(yaml.safe_dump(overlay, allow_unicode=True), encoding="utf-8")
        self.profile.write_text(yaml.safe_dump(self.situation), encoding="utf-8")

    def edit(self, what: str, value: str) -> None:
        if what == "kb":
            self.data["treatments"][0]["summary"] = f"Drugs {value}."
        elif what == "overlay":
            self.overlay_text = f"Fármacos {value}."
        elif what == "profile":
            self.situation["site"] = "peritoneal" if value < "d" else "pleural"
            self.situation["histology"] = "sarcomatoid" if len(value) % 2 else "epithelioid"
        elif what == "columns":
            self.env["COLUMNS"] = str(60 + len(value) * 5)
        elif what == "language":
            self.env["MESOCLI_LANG"] = ("en", "es", "tr")[len(value) % 3]
        self.write()

    def run(self, args: list[str], cache: Path | None) -> str:
        env = {**self.env, "MESOCLI_CACHE_DIR": str(cache or self.folder / "unused")}
        env["MESOCLI_NO_CACHE"] = "" if cache else "1"
        result = CliRunner().invoke(app, ["--kb", str(self.kb), *args], env=env)
        l10n.set_language("en")
        return f"{result.exit_code}\n{result.output}"


COMMANDS = (
    ["show", "chemo"],
    ["--lang", "es", "show", "chemo"],
    ["search", "drugs"],
    ["options", "--profile", "profile.yaml"],
    ["questions", "--profile", "profile.yaml"],
)
EDITS = st.tuples(st.sampled_from(["kb", "overlay", "profile", "columns", "language"]), WORDS)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDITS, min_size=1, max_size=5))
def test_a_kept_page_always_equals_a_fresh_one(edits: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Random edits to the knowledge base, overlay, profile and environment: every kept page equals a fresh one."""
    with tempfile.TemporaryDirectory() as folder:
        world = World(Path(folder))
        monkeypatch.chdir(folder)
        cache = Path(folder) / "cache"
        for command in COMMANDS:
            world.run(command, cache)  # keep a page of each
        for what, value in edits:
            world.edit(what, value)
            for command in COMMANDS:
                assert world.run(command, cache) == world.run(command, None), (what, command)


def test_an_edited_profile_changes_the_kept_options_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept pages follow the profile's content, not its path: after an edit, `options` shows the new situation."""
    world = World(tmp_path)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    before = world.run(["options", "--profile", "profile.yaml"], cache)
    world.edit("profile", "a")  # peritoneal
    after = world.run(["options", "--profile", "profile.yaml"], cache)
    assert after != before and after == world.run(["options", "--profile", "profile.yaml"], None)


def test_an_overlay_edit_of_the_same_size_and_mtime_changes_the_key(tmp_path: Path) -> None:
    """Two figures swapped in an overlay, size and mtime put back: the file's identity in the key still changes."""
    file = tmp_path / "kb.es.yaml"
    file.write_text("summary: 18,1 y 14,1\n", encoding="utf-8")
    before, info = content_identity(file), file.stat()
    file.write_text("summary: 14,1 y 18,1\n", encoding="utf-8")
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert file.stat().st_size == info.st_size and content_identity(file) != before


def test_a_search_page_follows_a_same_size_same_mtime_overlay_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kept search page answered from the Spanish overlay is not shown after an edit that keeps size and mtime."""
    world = World(tmp_path)
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    world.overlay_text = "Fármacos frenan abcd."
    world.write()
    before, info = world.run(["search", "frenan"], cache), world.overlay.stat()
    world.overlay_text = "Fármacos frenan dcba."
    world.write()
    os.utime(world.overlay, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = world.run(["search", "frenan"], cache)
    assert after == world.run(["search", "frenan"], None)
    assert "dcba" in after or after != before


def test_a_page_expires_with_its_day() -> None:
    """A kept page is not shown the next day: review-date warnings change at midnight."""
    today = dt.date(2026, 12, 7)
    assert page_key(["show"], [], {}, today) != page_key(["show"], [], {}, today + dt.timedelta(days=1))
    assert page_key(["show"], [], {}, today) == page_key(["show"], [], {}, today)


def test_every_output_setting_of_the_environment_is_in_the_key() -> None:
    """Language, colour, width, pager and every MESOCLI_ setting change the key; the cache's own folder does not."""
    base = {"HOME": "/h"}
    for name in ("LANG", "LC_ALL", "LANGUAGE", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "PAGER", "LESS", "MESOCLI_X"):
        assert environment({**base, name: "1"}) != environment(base), name
    assert environment({**base, "MESOCLI_CACHE_DIR": "/c", "EDITOR": "vi"}) == environment(base)


def test_a_missing_file_that_appears_changes_the_key(tmp_path: Path) -> None:
    """A translation that did not exist when a page was kept is part of the key once it exists."""
    file = tmp_path / "kb.tr.yaml"
    before = page_key(["search", "x"], [file], {})
    file.write_text("lang: tr\n", encoding="utf-8")
    assert page_key(["search", "x"], [file], {}) != before
