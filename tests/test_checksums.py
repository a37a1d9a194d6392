"""Remembered checksums of large files: used only while the file's settled status holds, never after an edit."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesocli.store import checksums, pagekey
from mesocli.store.clear import clear
from mesocli.store.pagekey import content_identity

LATER = SimpleNamespace(time_ns=lambda: time.time_ns() + 3 * checksums.SETTLE_NS)


@pytest.fixture
def reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file is remembered whatever its size, in a store of its own; the list records each full read."""
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MESOCLI_NO_CACHE", raising=False)
    (tmp_path / "cache").mkdir(mode=0o700)
    monkeypatch.setattr(pagekey, "MEMO_MIN_BYTES", 0)
    done: list[str] = []
    real = pagekey._checksum

    def counted(path: Any) -> str:
        done.append(str(path))
        return real(path)

    monkeypatch.setattr(pagekey, "_checksum", counted)
    return done


def _memos(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("sum-*.txt"))


def _settle(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the files were written more than the settling time ago (ctime cannot be set back in a test)."""
    monkeypatch.setattr(checksums, "time", LATER)


def test_a_settled_file_is_read_once_while_its_status_holds(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first key reads the file and remembers its checksum; the next ones read only the memo."""
    _settle(monkeypatch)
    file = tmp_path / "kb.yaml"
    file.write_bytes(b"treatments: []\n" * 100)
    first = content_identity(file)
    assert len(reads) == 1 and len(_memos(tmp_path)) == 1
    assert content_identity(file) == first == pagekey._checksum(file) and len(reads) == 2  # (one call above)


def test_a_same_size_edit_with_mtime_put_back_is_seen(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Git's racy case: bytes swapped, size and mtime restored. The ctime moved, so the file is read again."""
    _settle(monkeypatch)
    file = tmp_path / "kb.yaml"
    file.write_text("median survival: 18.1 vs 14.1 months\n", encoding="utf-8")
    before, info = content_identity(file), file.stat()
    time.sleep(0.02)  # past the clock tick of the first write, as any real later edit is
    file.write_text("median survival: 14.1 vs 18.1 months\n", encoding="utf-8")
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert file.stat().st_size == info.st_size and file.stat().st_mtime_ns == info.st_mtime_ns
    after = content_identity(file)
    assert after != before and len(reads) == 2


def test_a_file_changed_in_the_last_seconds_is_never_remembered(tmp_path: Path, reads: list[str]) -> None:
    """A file whose timestamps are within the settling time of the read is read on every call, no memo kept."""
    file = tmp_path / "kb.yaml"
    file.write_text("a: 1\n", encoding="utf-8")
    for _ in range(3):
        content_identity(file)
    assert len(reads) == 3 and _memos(tmp_path) == []


def test_an_unsettled_planted_or_damaged_memo_is_not_trusted(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A memo is used only if whole, for this path, with this status, and read after the status settled."""
    _settle(monkeypatch)
    file, other = tmp_path / "kb.yaml", tmp_path / "other.yaml"
    file.write_text("a: 1\n", encoding="utf-8")
    other.write_text("b: 2\n", encoding="utf-8")
    truth = pagekey._checksum(file)
    content_identity(file)
    (memo,) = _memos(tmp_path)
    name, status, read_at, _value, _check = memo.read_text(encoding="utf-8").rstrip("\n").split("\t")
    ctime = int(status.split(":")[4])
    for planted in (
        checksums._line(name, status, ctime + 1, "5:0000000000000000"),  # read within the settling time
        checksums._line(str(other), status, int(read_at), "5:0000000000000000"),  # another file's memo
        checksums._line(name, status, int(read_at), "5:0000000000000000")[:-3] + b"00\n",  # damaged
    ):
        memo.write_bytes(planted)
        assert content_identity(file) == truth, planted


def test_what_a_memo_cannot_catch_is_an_edit_that_keeps_the_whole_status(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents the limit: while device, inode, size, mtime and ctime are all equal, the memo is believed."""
    _settle(monkeypatch)
    file = tmp_path / "kb.yaml"
    file.write_text("a: 1\n", encoding="utf-8")
    content_identity(file)
    (memo,) = _memos(tmp_path)
    name, status, read_at, _value, _check = memo.read_text(encoding="utf-8").rstrip("\n").split("\t")
    memo.write_bytes(checksums._line(name, status, int(read_at), "5:feedfeedfeedfeed"))
    assert content_identity(file) == "5:feedfeedfeedfeed"  # only a clock set back could give an edit this status


def test_no_memo_without_a_store_and_cache_clear_removes_them(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """MESOCLI_NO_CACHE=1 reads the file each time and writes nothing; `cache clear` erases memos."""
    _settle(monkeypatch)
    file = tmp_path / "kb.yaml"
    file.write_text("a: 1\n", encoding="utf-8")
    content_identity(file)
    assert [p.name for p in _memos(tmp_path)] == clear(tmp_path / "cache")
    monkeypatch.setenv("MESOCLI_NO_CACHE", "1")
    content_identity(file)
    content_identity(file)
    assert len(reads) == 3 and not (tmp_path / "cache").exists()


STEPS = st.lists(st.sampled_from(["same size", "longer", "mtime back", "replace", "remove", "look"]), max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_a_remembered_checksum_always_equals_a_fresh_one(
    steps: list[str], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random edits (same size, mtime put back, replaced by rename, removed): the key's identity is the file's."""
    folder = tmp_path_factory.mktemp("memo")
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(folder / "cache"))
    monkeypatch.delenv("MESOCLI_NO_CACHE", raising=False)
    (folder / "cache").mkdir(mode=0o700)
    monkeypatch.setattr(pagekey, "MEMO_MIN_BYTES", 0)
    _settle(monkeypatch)
    file = folder / "kb.yaml"
    file.write_text("figure: 18.1\n", encoding="utf-8")
    for number, step in enumerate(steps):
        content_identity(file)
        time.sleep(0.02)  # each edit after the clock tick of the last look, as real edits are
        info = file.stat() if file.exists() else None
        if step == "same size" or (step == "mtime back" and info is not None):
            file.write_text(f"figure: {number % 10}4.1\n", encoding="utf-8")
            if step == "mtime back" and info is not None:
                os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns))
        elif step == "longer":
            file.write_text(f"figure: {number}{number}.1\n", encoding="utf-8")
        elif step == "replace":
            (folder / "new").write_text(f"figure: {number % 10}8.1\n", encoding="utf-8")
            os.replace(folder / "new", file)
        elif step == "remove":
            file.unlink(missing_ok=True)
        assert content_identity(file) == pagekey._checksum(file), (steps, number)
