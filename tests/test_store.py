"""The parse cache: used when fresh, rebuilt when stale or corrupt, harmless when it cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import mesocli
from mesocli.core import loader
from mesocli.store import cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(folder))
    monkeypatch.delenv("MESOCLI_NO_CACHE", raising=False)
    return folder


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise AssertionError("parsed although the cache was fresh")

    monkeypatch.setattr(loader, "parse", fail)


def test_second_load_comes_from_the_cache(cache_dir: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After one load, an unchanged file is not parsed again, and gives equal data."""
    first = mesocli.load(tiny_path)
    assert list(cache_dir.glob("kb-*.pickle"))
    _no_parsing(monkeypatch)
    second = mesocli.load(tiny_path)
    assert second.data == first.data


def test_editing_the_file_invalidates_the_cache(cache_dir: Path, tiny_path: Path) -> None:
    """A changed file (size or mtime) is parsed again; the new content wins."""
    mesocli.load(tiny_path)
    text = tiny_path.read_text(encoding="utf-8").replace("Tiny test knowledge base", "Edited knowledge base")
    tiny_path.write_text(text, encoding="utf-8")
    os.utime(tiny_path, ns=(1, 1))
    assert mesocli.load(tiny_path).title == "Edited knowledge base"


def test_corrupt_cache_is_ignored_and_rebuilt(cache_dir: Path, tiny_path: Path) -> None:
    """Garbage in a cache file is a miss: the file is parsed and the entry rewritten."""
    mesocli.load(tiny_path)
    (entry,) = cache_dir.glob("kb-*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle")
    assert len(mesocli.load(tiny_path)) == 3
    assert cache.read(tiny_path, "kb") is not None


def test_invalid_file_is_never_cached(
    cache_dir: Path, write_kb: Callable[..., Path], tiny_data: dict[str, object]
) -> None:
    """A knowledge base with errors raises every time and leaves no cache entry."""
    tiny_data["title"] = ["not", "text"]
    path = write_kb(tiny_data)
    for _ in range(2):
        with pytest.raises(mesocli.KnowledgeBaseError):
            mesocli.load(path)
    assert not list(cache_dir.glob("kb-*.pickle"))


def test_unwritable_cache_location_is_tolerated(
    tmp_path: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder that cannot be created (its parent is a file) does not stop loading."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(blocker / "cache"))
    assert len(mesocli.load(tiny_path)) == 3
    assert mesocli.load(tiny_path).search("nausea")[0].id == "chemotherapy"


def test_cache_can_be_turned_off(cache_dir: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MESOCLI_NO_CACHE=1 writes nothing."""
    monkeypatch.setenv("MESOCLI_NO_CACHE", "1")
    mesocli.load(tiny_path).search("pain")
    assert not cache_dir.exists()


def test_writes_are_atomic_and_leave_no_temporary_files(cache_dir: Path, tiny_path: Path) -> None:
    """Only complete cache files remain: the temporary file is renamed into place."""
    mesocli.load(tiny_path).search("pain")
    names = sorted(p.name.split("-")[0] for p in cache_dir.iterdir())
    assert names == ["index", "kb"]


def test_search_index_is_cached_and_gives_the_same_hits(cache_dir: Path, tiny_path: Path) -> None:
    """The cached index answers exactly as a freshly built one."""
    fresh = [(h.id, h.score) for h in mesocli.load(tiny_path).search("chemotherpy blood")]
    cached = [(h.id, h.score) for h in mesocli.load(tiny_path).search("chemotherpy blood")]
    assert cached == fresh and fresh


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_cache_file_owned_by_someone_else_is_not_unpickled(cache_dir: Path, tiny_path: Path) -> None:
    """A cache entry another user could have written is never loaded."""
    mesocli.load(tiny_path)
    (entry,) = cache_dir.glob("kb-*.pickle")
    os.chown(entry, 65534, 65534)
    assert cache.read(tiny_path, "kb") is None


def test_many_processes_on_a_cold_cache_agree(cache_dir: Path, tiny_path: Path) -> None:
    """Eight processes started at once on an empty cache all succeed with identical output."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-m", "mesocli", "--kb", str(tiny_path), "search", "nausea", "--json"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(8)]
    results = [(*p.communicate(timeout=60), p.returncode) for p in processes]
    assert {code for _out, _err, code in results} == {0}
    assert len({out for out, _err, _code in results}) == 1
    assert all(err == b"" for _out, err, _code in results)
