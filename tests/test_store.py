"""The store: one SQLite database per knowledge base, fresh, safe, self-healing and harmless when unwritable."""

from __future__ import annotations

import ast
import json
import os
import pickle
import sqlite3
import subprocess
import sys
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import mesocli
from mesocli.core import loader
from mesocli.core.serialize import hit_row, to_data
from mesocli.store import database, location

SRC = Path(__file__).resolve().parent.parent / "src" / "mesocli"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(folder))
    monkeypatch.delenv("MESOCLI_NO_CACHE", raising=False)
    return folder


def _databases(folder: Path) -> list[Path]:
    return sorted(folder.glob("kb-*.sqlite3"))


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise AssertionError("parsed although the database was fresh")

    monkeypatch.setattr(loader, "parse", fail)


def _answers(kb: mesocli.KnowledgeBase) -> object:
    """Everything the commands print from a knowledge base, as plain data."""
    return {
        "data": to_data(kb.data),
        "show": to_data(kb.get("chemo")),
        "list": [to_data(r) for r in kb.list_rows()],
        "search": [hit_row(h) for q in ("nausea", "chemotherpy blood", "pain") for h in kb.search(q)],
        "names": kb.names(),
        "warnings": [str(w) for w in kb.warnings],
    }


def _settle(path: Path) -> None:
    """Date the file back, as one edited long ago (only mtime can be set; ctime stays recent)."""
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))


def test_second_load_comes_from_the_database(cache_dir: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After one load, an unchanged file is not parsed again, and every answer is the same."""
    first = _answers(mesocli.load(tiny_path))
    assert len(_databases(cache_dir)) == 1
    _no_parsing(monkeypatch)
    assert _answers(mesocli.load(tiny_path)) == first


def test_entries_are_json_data_and_list_reads_rows(cache_dir: Path, tiny_path: Path) -> None:
    """Entries are stored as JSON of the model's fields; list reads its own table and decodes no entry."""
    kb = mesocli.load(tiny_path)
    (db,) = _databases(cache_dir)
    with sqlite3.connect(db) as connection:
        (data,) = connection.execute("SELECT data FROM entries WHERE kind = 'treatment' AND position = 0").fetchone()
    assert json.loads(data) == to_data(kb.treatments[0])
    stored = mesocli.load(tiny_path)
    rows = stored.list_rows(category="systemic-therapy")
    assert [r.id for r in rows] == ["chemotherapy"]
    assert stored.treatments._decoded == {}  # type: ignore[attr-defined]


def test_nothing_in_src_imports_pickle_or_marshal() -> None:
    """No module of mesocli can unpickle: pickle, marshal and shelve are never imported."""
    offenders = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("pickle", "marshal", "shelve")]
    assert offenders == []


def test_planted_pickle_in_the_cache_folder_runs_nothing(cache_dir: Path, tiny_path: Path, tmp_path: Path) -> None:
    """A malicious pickle at every name the store uses, or would have used, never executes."""
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    blob = pickle.dumps(Payload())
    mesocli.load(tiny_path)
    (db,) = _databases(cache_dir)
    planted = [db, cache_dir / "kb-0123.pickle", cache_dir / f".{db.name}-x.tmp"]
    for path in planted:
        path.write_bytes(blob)
    kb = mesocli.load(tiny_path)
    assert kb.get("chemo").id == "chemotherapy" and kb.search("nausea")[0].id == "chemotherapy"
    assert not marker.exists()
    assert (cache_dir / "kb-0123.pickle").exists()  # not a file the store made: left alone


@pytest.mark.parametrize(
    "damage",
    ["header", "application_id", "user_version", "figure", "meta", "identity", "foreign", "empty"],
)
def test_damaged_or_foreign_database_is_rebuilt_or_bypassed(
    cache_dir: Path, tiny_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each kind of damage gives the right answers, no traceback, and a database that works again."""
    expected = _answers(mesocli.load(tiny_path))
    (db,) = _databases(cache_dir)
    _damage(db, damage)
    assert _answers(mesocli.load(tiny_path)) == expected
    assert _answers(mesocli.load(tiny_path)) == expected
    assert capsys.readouterr().err == ""


def _damage(db: Path, how: str) -> None:
    if how == "header":
        db.write_bytes(b"SQLite format 2\x00" + db.read_bytes()[16:])
    elif how == "empty":
        db.write_bytes(b"")
    elif how in ("application_id", "user_version"):
        with sqlite3.connect(db) as connection:
            connection.execute(f"PRAGMA {how} = 7")
    elif how == "figure":
        raw = db.read_bytes()
        at = raw.index(b'"median_os_months":') + len(b'"median_os_months":')
        db.write_bytes(raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1 :])
    elif how == "meta":
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE meta SET value = 'Forged' WHERE key = 'header'")
    elif how == "identity":
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE meta SET value = '0' || value WHERE key = 'sha256'")
    elif how == "foreign":
        db.unlink()
        with sqlite3.connect(db) as connection:
            connection.execute(f"PRAGMA application_id = {location.APPLICATION_ID}")
            connection.execute("CREATE TABLE meta(key, value, crc)")


def test_every_flipped_byte_gives_right_answers_or_a_rebuild(cache_dir: Path, tiny_path: Path) -> None:
    """A flipped byte anywhere in the database never changes an answer and never raises."""
    expected = _answers(mesocli.load(tiny_path))
    (db,) = _databases(cache_dir)
    pristine = db.read_bytes()
    step = max(1, len(pristine) // 150)
    for at in range(0, len(pristine), step):
        db.write_bytes(pristine[:at] + bytes([pristine[at] ^ 0x20]) + pristine[at + 1 :])
        assert _answers(mesocli.load(tiny_path)) == expected, f"byte {at}"


def test_same_size_edit_with_mtime_restored_is_served_fresh(cache_dir: Path, tiny_path: Path) -> None:
    """An edit that keeps the size and puts the old mtime back is seen (ctime and the hash tell)."""
    _settle(tiny_path)
    mesocli.load(tiny_path)
    before = os.stat(tiny_path)
    text = tiny_path.read_text(encoding="utf-8")
    tiny_path.write_text(text.replace("Tiny test knowledge base", "Tiny test knowledge bass"), encoding="utf-8")
    os.utime(tiny_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(tiny_path).st_size == before.st_size
    assert mesocli.load(tiny_path).title == "Tiny test knowledge bass"


def test_edit_within_the_same_timestamp_is_caught_by_the_hash(
    cache_dir: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A recent file's identity is not trusted alone: an edit leaving the whole identity equal is seen."""
    mesocli.load(tiny_path)
    original = os.stat(tiny_path)
    text = tiny_path.read_text(encoding="utf-8").replace("Tiny test knowledge base", "Tiny test knowledge bass")
    tiny_path.write_text(text, encoding="utf-8")
    from mesocli.store import identity  # forge what a coarse-timestamp filesystem would report

    monkeypatch.setattr(identity, "identity_of", lambda _p: identity.Identity(*_identity(original)))
    monkeypatch.setattr("mesocli.store.read.identity_of", lambda _p: identity.Identity(*_identity(original)))
    assert mesocli.load(tiny_path).title == "Tiny test knowledge bass"


def _identity(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def test_settled_file_is_not_hashed_again(cache_dir: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a file's timestamps are older than the build, its identity alone confirms the database."""
    monkeypatch.setattr("mesocli.store.identity.GRANULARITY_NS", 0)
    mesocli.load(tiny_path)
    time.sleep(0.01)

    def no_hash(_path: Path) -> str:
        raise AssertionError("hashed a settled file")

    monkeypatch.setattr("mesocli.store.read.file_digest", no_hash)
    assert mesocli.load(tiny_path).title == "Tiny test knowledge base"


def test_edit_during_a_build_is_never_served_stale(
    cache_dir: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file edited while it is parsed is not stored under its new identity: the next load sees the edit."""
    real_parse = loader.parse
    stat = os.stat(tiny_path)

    def parse_and_edit(text: str, file: str) -> object:
        edited = Path(file).read_text(encoding="utf-8").replace("Tiny test knowledge base", "Tiny test knowledge bass")
        Path(file).write_text(edited, encoding="utf-8")
        os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        return real_parse(text, file)

    monkeypatch.setattr(loader, "parse", parse_and_edit)
    assert mesocli.load(tiny_path).title == "Tiny test knowledge base"  # what was read
    monkeypatch.setattr(loader, "parse", real_parse)
    assert mesocli.load(tiny_path).title == "Tiny test knowledge bass"
    assert mesocli.load(tiny_path).title == "Tiny test knowledge bass"


def test_invalid_file_is_never_stored(
    cache_dir: Path, write_kb: Callable[..., Path], tiny_data: dict[str, object]
) -> None:
    """A knowledge base with errors raises every time and leaves no database."""
    tiny_data["title"] = ["not", "text"]
    path = write_kb(tiny_data)
    for _ in range(2):
        with pytest.raises(mesocli.KnowledgeBaseError):
            mesocli.load(path)
    assert _databases(cache_dir) == []


def test_stale_review_warning_appears_on_its_day(
    cache_dir: Path, write_kb: Callable[..., Path], tiny_data: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored warnings follow the calendar: a review goes stale on the right day without a rebuild."""
    import datetime as dt

    tiny_data["treatments"][0]["last_reviewed"] = dt.date(2026, 1, 10)  # type: ignore[index]
    path = write_kb(tiny_data)

    class Day(dt.date):
        value = dt.date(2027, 1, 10)

        @classmethod
        def today(cls) -> dt.date:
            return cls.value

    clock = types.SimpleNamespace(date=Day)
    monkeypatch.setattr("mesocli.kb.dt", clock)
    monkeypatch.setattr("mesocli.core.files.dt", clock)
    assert mesocli.load(path).warnings == ()
    _no_parsing(monkeypatch)
    Day.value = dt.date(2027, 1, 11)
    (warning,) = mesocli.load(path).warnings
    assert "over 12 months ago" in warning.message


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


def test_cache_folder_is_private_and_only_complete_databases_remain(cache_dir: Path, tiny_path: Path) -> None:
    """The folder is created 0700, and the temporary file is renamed into place."""
    mesocli.load(tiny_path)
    assert cache_dir.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in cache_dir.iterdir()] == [_databases(cache_dir)[0].name]


@pytest.mark.parametrize("problem", ["group-writable", "world-writable", "symlink"])
def test_untrusted_cache_folder_is_not_used(
    tmp_path: Path, tiny_path: Path, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder others can write to, or a symlink to one, is never read or written."""
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    folder = real
    if problem == "symlink":
        folder = tmp_path / "link"
        folder.symlink_to(real)
    else:
        real.chmod(0o770 if problem == "group-writable" else 0o707)
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(folder))
    assert mesocli.load(tiny_path).get("chemo").id == "chemotherapy"
    assert list(real.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_cache_folder_owned_by_someone_else_is_not_used(cache_dir: Path, tiny_path: Path) -> None:
    """A folder that belongs to another user is neither read nor written."""
    mesocli.load(tiny_path)
    os.chown(cache_dir, 65534, 65534)
    assert not location.trusted(cache_dir, create=False)
    assert mesocli.load(tiny_path).get("chemo").id == "chemotherapy"


def test_relative_xdg_cache_home_is_ignored_and_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch) -> None:
    """XDG_CACHE_HOME counts only when absolute; MESOCLI_CACHE_DIR expands ~."""
    monkeypatch.delenv("MESOCLI_CACHE_DIR")
    monkeypatch.setenv("HOME", "/home/someone")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert location.directory() == Path("/home/someone/.cache/mesocli")
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/me")
    assert location.directory() == Path("/var/cache/me/mesocli")
    monkeypatch.setenv("MESOCLI_CACHE_DIR", "~/meso")
    assert location.directory() == Path("/home/someone/meso")


def test_pruning_deletes_only_old_files_the_store_made(
    cache_dir: Path, tiny_path: Path, write_kb: Callable[..., Path]
) -> None:
    """Old databases of ours go; a file with our name but not our header, or any other file, stays."""
    mesocli.load(tiny_path)
    (ours,) = _databases(cache_dir)
    impostor = cache_dir / ("kb-" + "f" * 32 + ".sqlite3")
    impostor.write_bytes(b"not a database")
    other = cache_dir / "notes.txt"
    other.write_text("mine")
    for path in (ours, impostor, other):
        os.utime(path, (1, 1))
    mesocli.load(write_kb("schema_version: 2\n" + tiny_path.read_text(encoding="utf-8").split("\n", 1)[1]))
    assert not ours.exists()
    assert impostor.exists() and other.exists()


def test_twenty_processes_on_a_cold_cache_agree(cache_dir: Path, tiny_path: Path) -> None:
    """Twenty processes started together on an empty cache all succeed, quietly, with identical output."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-m", "mesocli", "--kb", str(tiny_path), "search", "nausea", "--json"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(20)]
    results = [(*p.communicate(timeout=120), p.returncode) for p in processes]
    assert {code for _out, _err, code in results} == {0}
    assert len({out for out, _err, _code in results}) == 1
    assert all(err == b"" for _out, err, _code in results)
    assert len(_databases(cache_dir)) == 1


def _search_paths(kb_path: Path, monkeypatch: pytest.MonkeyPatch, folder: Path) -> Iterator[list[object]]:
    """The same queries answered in memory, from a database with FTS5, and from one without."""
    queries = ["pain", "chemotherpy", "immuno", "breathless", "clinical trial near me", "how long will i live"]
    queries += ["the", "keytruda", "mesothelioma", "xyzzy", "radiotherapy", "pleurodesis"]
    monkeypatch.setenv("MESOCLI_NO_CACHE", "1")
    yield [[hit_row(h) for h in mesocli.load(kb_path).search(q, limit=50)] for q in queries]
    monkeypatch.delenv("MESOCLI_NO_CACHE")
    for fts in (True, False):
        monkeypatch.setattr(database, "USE_FTS5", fts)
        monkeypatch.setenv("MESOCLI_CACHE_DIR", str(folder / str(fts)))
        mesocli.load(kb_path)
        stored = mesocli.load(kb_path)
        assert stored._stored is not None and stored._stored.full_text is fts
        yield [[hit_row(h) for h in stored.search(q, limit=50)] for q in queries]


@pytest.mark.parametrize("which", ["bundled", "tiny"])
def test_search_is_identical_in_memory_with_fts5_and_without(
    which: str, tiny_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ids, order, scores and snippets are the same whichever path answers the search."""
    kb_path = mesocli.bundled_path() if which == "bundled" else tiny_path
    memory, with_fts, without_fts = _search_paths(kb_path, monkeypatch, tmp_path)
    assert memory == with_fts == without_fts
    assert any(memory)
