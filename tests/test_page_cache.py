"""The kept Rich pages: reused only for the same knowledge base, command, width and colours; never trusted blindly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def _show(cache: Path, kb: Path, *extra: str, columns: str = "100") -> str:
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(cache), "COLUMNS": columns, "FORCE_COLOR": "1", "TERM": "xterm"}
    for key in ("NO_COLOR", "MESOCLI_LANG", "LANG", "LC_ALL", "MESOCLI_NO_CACHE"):
        env.pop(key, None)
    result = subprocess.run(
        [sys.executable, "-m", "mesocli", "--kb", str(kb), "show", "chemo", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return re.sub(r"\x1b\]8;id=\d+;", "\x1b]8;id=N;", result.stdout)  # Rich numbers each link at random


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    path = tmp_path / "kb.yaml"
    path.write_bytes((DATA / "tiny.yaml").read_bytes())
    return path


def _stored(cache: Path, kb: Path) -> str:
    """Run `show` twice: the first run builds the store (no page kept from a parsed file), the second keeps it."""
    _show(cache, kb)
    return _show(cache, kb)


def _pages(cache: Path) -> list[Path]:
    return sorted(cache.glob("page-*.txt"))


def test_a_kept_page_is_the_page_a_fresh_layout_makes(tmp_path: Path, kb: Path) -> None:
    """The second styled `show` reads the kept page, and prints exactly what the first laid out."""
    cache = tmp_path / "cache"
    first = _stored(cache, kb)
    assert "\x1b[" in first and len(_pages(cache)) == 1
    assert _show(cache, kb) == first
    assert _show(cache, kb, columns="60") != first  # another width, another page
    assert len(_pages(cache)) == 2


def test_an_edited_knowledge_base_never_gets_the_old_page(tmp_path: Path, kb: Path) -> None:
    """The key holds the file's SHA-256: change a figure and the page shows the new one."""
    cache = tmp_path / "cache"
    assert "12.1" in _stored(cache, kb)
    kb.write_text(kb.read_text(encoding="utf-8").replace("12.1 months", "13.4 months"), encoding="utf-8")
    fresh = _show(cache, kb)
    assert "13.4" in fresh and "12.1 months [" not in fresh


def test_a_damaged_or_planted_page_is_ignored(tmp_path: Path, kb: Path) -> None:
    """A flipped byte, or a file whose stored key is another page's, is not printed: the page is laid out anew."""
    cache = tmp_path / "cache"
    first = _stored(cache, kb)
    (page,) = _pages(cache)
    data = bytearray(page.read_bytes())
    data[-20] ^= 0x01
    page.write_bytes(bytes(data))
    assert _show(cache, kb) == first
    head, _, _body = page.read_bytes().partition(b"\n")
    page.write_bytes(head + b"\nFORGED PAGE 92.1 versus 9.3 months\n")
    assert _show(cache, kb) == first  # the CRC no longer matches: ignored


def test_a_page_reached_through_a_link_is_not_read(tmp_path: Path, kb: Path) -> None:
    """A symbolic link in place of a page file is never followed."""
    cache = tmp_path / "cache"
    first = _stored(cache, kb)
    (page,) = _pages(cache)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(page.read_bytes().replace(b"Chemotherapy", b"Chemotherapy (linked)"))
    page.unlink()
    page.symlink_to(elsewhere)
    assert "(linked)" not in _show(cache, kb)
    assert first


def test_a_changed_mesocli_never_reads_what_older_code_kept(tmp_path: Path) -> None:
    """The code fingerprint in page keys and database meta changes when any module changes, even at one version."""
    import mesocli.pages.start as module

    code = "from mesocli.store.location import code_fingerprint; print(code_fingerprint())"

    def fingerprint() -> str:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    path = Path(module.__file__ or "")
    before, info = fingerprint(), path.stat()
    try:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        assert fingerprint() != before
    finally:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert fingerprint() == before


def test_an_install_from_a_wheel_is_fingerprinted_by_its_record(tmp_path: Path) -> None:
    """A wheel install is fingerprinted by its RECORD's checksum; files RECORD does not list are stat'ed one by one."""
    from mesocli import __version__
    from mesocli.store.folder import files_fingerprint, installed_fingerprint

    package = tmp_path / "mesocli"
    (package / "store").mkdir(parents=True)
    (package / "store" / "folder.py").write_text("x = 1\n", encoding="utf-8")
    assert installed_fingerprint(str(package)) is None
    record = tmp_path / f"mesocli-{__version__}.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("mesocli/data/treatments.yaml,sha256=abc,3\n", encoding="utf-8")  # an editable install's
    assert installed_fingerprint(str(package)) is None
    record.write_text("mesocli/__init__.py,sha256=abc,3\nmesocli/store/folder.py,sha256=def,6\n", encoding="utf-8")
    first = installed_fingerprint(str(package))
    assert first is not None and first != files_fingerprint(str(package))
    record.write_text("mesocli/__init__.py,sha256=abd,3\nmesocli/store/folder.py,sha256=def,6\n", encoding="utf-8")
    assert installed_fingerprint(str(package)) not in (None, first)
