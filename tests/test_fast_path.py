"""The console script's fast path: a repeated invocation is replayed, and only when a fresh run would say the same."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesocli.store import replay

BIN = Path(sys.executable).parent
SCRIPT = BIN / ("mesocli.exe" if os.name == "nt" else "mesocli")
TINY = Path(__file__).parent / "data" / "tiny.yaml"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed in this environment")


def _env(cache: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MESOCLI_", "FORCE_COLOR", "NO_COLOR"))}
    return {**env, "MESOCLI_CACHE_DIR": str(cache), "COLUMNS": "80", "LINES": "40", "TERM": "dumb", **extra}


def _run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL, timeout=120, check=False
    )
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("run-*.bin")) if cache.is_dir() else []


@needs_script
def test_a_repeated_invocation_is_answered_without_typer_rich_or_the_package(tmp_path: Path) -> None:
    """The second `show` is replayed: same output, and neither Typer, Rich nor mesocli's own modules are loaded."""
    cache = tmp_path / "cache"
    env = _env(cache)
    first = _run([str(SCRIPT), "show", "chemo"], env, tmp_path)
    assert first[0] == 0 and _entries(cache)
    probe = (
        "import sys; sys.argv = ['mesocli', 'show', 'chemo']; import mesocli_fast\n"
        "try:\n    mesocli_fast.main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'yaml', 'mesocli'))\n"
        "print(code, *loaded, file=sys.stderr)"
    )
    code, out, err = _run([sys.executable, "-c", probe], env, tmp_path)
    assert code == 0 and out == first[1]
    status, *loaded = err.split()
    assert status == "0"
    allowed = {"mesocli", "mesocli._version", "mesocli.store", "mesocli.store.folder", "mesocli.store.pagekey"}
    allowed.update({"mesocli.store.replay", "mesocli.store.checksums"})
    assert set(loaded) <= allowed


@needs_script
def test_nothing_is_kept_with_no_cache_or_for_commands_that_write(tmp_path: Path) -> None:
    """MESOCLI_NO_CACHE=1 keeps nothing; `handout -o` and `profile init` write their file on every run."""
    cache = tmp_path / "cache"
    _run([str(SCRIPT), "list"], _env(cache, MESOCLI_NO_CACHE="1"), tmp_path)
    assert _entries(cache) == []
    env = _env(cache)
    for _ in range(2):
        target = tmp_path / "profile.yaml"
        target.unlink(missing_ok=True)
        assert _run([str(SCRIPT), "profile", "init", str(target)], env, tmp_path)[0] == 0
        assert target.is_file()
    assert _entries(cache) == []


def test_invocations_that_write_prompt_or_go_online_are_never_replayable() -> None:
    """The commands and options that write files, prompt or use the network are refused by the rule."""
    for arguments in (
        ["handout", "-o", "h.html"],
        ["--lang", "tr", "handout", "--output=h.html"],
        ["questions", "-oq.md"],
        ["values"],
        ["profile", "init"],
        ["--kb", "x.yaml", "migrate", "x.yaml"],
        ["trials", "update"],
        ["cache", "clear"],
    ):
        assert not replay.replayable(arguments), arguments
    for arguments in (["show", "chemo"], ["--kb", "values", "list"], ["profile", "--help"], ["trials"]):
        assert replay.replayable(arguments), arguments


def test_a_file_read_is_unchanged_until_edited_or_removed(tmp_path: Path) -> None:
    """A file recorded as read stays unchanged until its bytes change (same size, mtime put back) or it goes."""
    path = tmp_path / "kb.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    info, fresh = path.stat(), replay.recorded(str(path))
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # an old mtime; ctime stays recent: still not settled
    assert fresh.endswith("|") and replay.unchanged(str(path), fresh)
    path.write_text("a: 2\n", encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert not replay.unchanged(str(path), fresh)
    path.unlink()
    assert not replay.unchanged(str(path), fresh) and replay.unchanged(str(path), "-|")


def test_a_settled_file_is_trusted_by_its_status_and_an_edit_still_seen(tmp_path: Path) -> None:
    """A file whose timestamps have settled is compared by status (no read); an edit changes its ctime."""
    path = tmp_path / "kb.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    info = path.stat()
    content = replay.recorded(str(path)).split("|")[0]
    settled = f"{content}|{replay._status(info)}"
    assert replay.unchanged(str(path), settled)
    assert replay.unchanged(str(path), f"{content}|0:0:0:0:0")  # status differs: the content decides
    path.write_text("a: 2\n", encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert not replay.unchanged(str(path), settled)


def test_a_damaged_or_foreign_entry_is_ignored() -> None:
    """An entry whose checksum or key does not match is not replayed."""
    body = b"key\n0\n0\n1 3\nabc"
    good = replay.MAGIC + f"\t{__import__('zlib').crc32(body):08x}\n".encode() + body
    assert replay._parse(good, "key") == (0, [(1, b"abc")])
    assert replay._parse(good, "other") is None
    assert replay._parse(good.replace(b"abc", b"abd"), "key") is None


# The differential test: random invocations from the command line's grammar, random edits to the inputs and the
# environment; the fast path (console script, store on) must write exactly what a fresh run writes.

NAMES = st.sampled_from(["chemo", "chemotherapy", "palliative-care", "radiation", "nothing-like-it"])
FORMATS = st.sampled_from([[], ["--format", "plain"], ["--format", "markdown"], ["--json"]])
COMMANDS = st.one_of(
    st.tuples(st.just(["show"]), NAMES.map(lambda n: [n]), FORMATS),
    st.tuples(st.just(["search"]), st.sampled_from([["pain"], ["drugs"], ["rays", "spot"], ["zzz"]]), FORMATS),
    st.tuples(st.sampled_from([["list"], ["glossary"], ["guide"], ["studies"], ["sources"]]), st.just([]), FORMATS),
    st.tuples(st.just(["options"]), st.sampled_from([[], ["--profile", "profile.yaml"]]), st.just([])),
    st.tuples(st.just(["compare"]), st.just(["chemo", "radiation"]), st.just([])),
    st.tuples(st.sampled_from([["--help"], ["show", "--help"], ["--version"], ["nonsense"]]), st.just([]), st.just([])),
)
GLOBALS = st.sampled_from([[], ["--lang", "tr"], ["--lang", "es"], ["--color", "always"], ["--no-pager"]])
ENVIRONMENT = st.fixed_dictionaries(
    {},
    optional={
        "MESOCLI_LANG": st.sampled_from(["en", "tr", "es"]),
        "COLUMNS": st.sampled_from(["60", "100"]),
        "NO_COLOR": st.just("1"),
        "FORCE_COLOR": st.just("1"),
        "LANG": st.sampled_from(["tr_TR.UTF-8", "es_ES.UTF-8"]),
    },
)
EDITS = st.sampled_from(["none", "summary", "same-size", "comment", "broken", "restore", "profile", "no-profile"])


def _edit(kind: str, kb: Path, profile: Path) -> None:
    text = kb.read_text(encoding="utf-8")
    if kind == "summary":
        kb.write_text(text.replace("Drugs that slow", "Medicines that slow", 1), encoding="utf-8")
    elif kind == "same-size":  # same size, and the modification time put back: only the content tells
        info = kb.stat()
        kb.write_text(text.replace("slow the cancer", "slow the tumour", 1), encoding="utf-8")
        os.utime(kb, ns=(info.st_atime_ns, info.st_mtime_ns))
    elif kind == "comment":
        kb.write_text(text + "# a note\n", encoding="utf-8")
    elif kind == "broken":
        kb.write_text(text + "treatments: [\n", encoding="utf-8")
    elif kind == "restore":
        shutil.copyfile(TINY, kb)
    elif kind == "profile":
        fitness = "1" if profile.is_file() and "fitness: 2" in profile.read_text(encoding="utf-8") else "2"
        profile.write_text(f"site: pleural\nhistology: epithelioid\nfitness: {fitness}\n", encoding="utf-8")
    elif kind == "no-profile":
        profile.unlink(missing_ok=True)


@needs_script
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(st.tuples(GLOBALS, COMMANDS, ENVIRONMENT, EDITS), min_size=2, max_size=3),
)
def test_the_fast_path_writes_what_a_fresh_run_writes(tmp_path_factory: pytest.TempPathFactory, steps: list) -> None:
    """Whatever the invocation, edits and environment, the fast path's output and exit code equal a fresh run's."""
    folder = tmp_path_factory.mktemp("differential")
    kb, profile, cache = folder / "kb.yaml", folder / "profile.yaml", folder / "cache"
    shutil.copyfile(TINY, kb)
    for global_options, (command, arguments, fmt), environment, edit in steps:
        _edit(edit, kb, profile)
        line = ["--kb", str(kb), *global_options, *command, *arguments, *fmt]
        fresh = _run([sys.executable, "-m", "mesocli", *line], _env(cache, MESOCLI_NO_CACHE="1", **environment), folder)
        for _ in range(2):  # the first may record, the second may replay: both must match
            fast = _run([str(SCRIPT), *line], _env(cache, **environment), folder)
            assert fast == fresh, line
