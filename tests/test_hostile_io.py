"""Hostile paths and hostile output: devices, FIFOs, loops, closed or full output. Each ends in a line and a code.

Cases that need real file descriptors (a closed stdout, /dev/full, pipes, FIFOs) run the real entry point in a
subprocess, always with a timeout: a hang fails the test instead of stalling the run.
"""

from __future__ import annotations

import os
import resource
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli import KnowledgeBaseError
from mesocli.cli.app import app
from mesocli.core import files

ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
FULL = Path("/dev/full")
NEEDS_DEV_FULL = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full")
MESOCLI = f"{sys.executable} -m mesocli"


def env() -> dict[str, str]:
    """The test environment for a child process: no colour, no knowledge base chosen by the caller."""
    out = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    out.pop("FORCE_COLOR", None)
    out.pop("MESOCLI_KB", None)
    return out


def mesocli_run(*args: str, timeout: float = 30, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(
        [sys.executable, "-m", "mesocli", *args], text=True, timeout=timeout, check=False, **{"env": env(), **streams}
    )


def shell(command: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """``command`` in bash with pipefail, so that a pipeline's code is mesocli's."""
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    assert stderr.count("\n") == 1, stderr
    return stderr


# 1. Devices and FIFOs never block and never fill memory.


@pytest.mark.parametrize("command", [["list"], ["validate"]])
def test_fifo_as_knowledge_base_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    """--kb FIFO ends with exit 3 naming the FIFO instead of blocking forever on open or read."""
    fifo = tmp_path / "kb.yaml"
    os.mkfifo(fifo)
    result = mesocli_run("--kb", str(fifo), *command, timeout=20)
    assert result.returncode == 3
    assert "named pipe (FIFO)" in result.stdout + one_clean_line(result.stderr)  # validate: problems on stdout


def test_tab_completion_with_a_fifo_knowledge_base_does_not_hang(tmp_path: Path) -> None:
    """Completing a name while MESOCLI_KB is a FIFO offers nothing, promptly."""
    fifo = tmp_path / "kb.yaml"
    os.mkfifo(fifo)
    shell_env = {"_MESOCLI_COMPLETE": "complete_bash", "COMP_WORDS": "mesocli show chem", "COMP_CWORD": "2"}
    result = mesocli_run(env={**env(), "MESOCLI_KB": str(fifo), **shell_env}, timeout=20)
    assert result.returncode == 0
    assert "chemotherapy" not in result.stdout


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_are_refused_without_reading(device: str) -> None:
    """/dev/zero and /dev/urandom (st_size 0, endless) end in exit 3, not a MemoryError."""
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    for command in (["list"], ["validate"]):
        result = mesocli_run("--kb", device, *command, timeout=20)
        assert result.returncode == 3
        assert "character device" in result.stdout + one_clean_line(result.stderr)


@ROOT_ONLY
def test_a_device_node_made_in_tmp_path_is_refused(tmp_path: Path) -> None:
    """A character device node with a .yaml name (here a copy of /dev/zero) is refused with exit 3."""
    node = tmp_path / "kb.yaml"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    result = mesocli_run("--kb", str(node), "list", timeout=20)
    assert result.returncode == 3
    assert "character device" in one_clean_line(result.stderr)


def test_reading_is_bounded_whatever_st_size_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """A regular file that reports size 0 but holds more (a /proc file) is still cut off at the limit."""
    maps = Path("/proc/self/maps")
    if not maps.exists() or maps.stat().st_size != 0:
        pytest.skip("needs a Linux /proc file that reports size 0")
    monkeypatch.setenv("MESOCLI_MAX_KB_BYTES", "100")
    with pytest.raises(KnowledgeBaseError, match="over 100 bytes"):
        files.read_text(maps)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    """A Unix socket given as the knowledge base is named as a socket (exit 3), never opened."""
    import socket

    path = tmp_path / "kb.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        pytest.skip("cannot bind a Unix socket here")
    try:
        with pytest.raises(KnowledgeBaseError, match="is a socket"):
            mesocli.load(path)
    finally:
        server.close()


# 2. Symbolic link loops.


def test_symlink_loop_is_a_knowledge_base_error(runner: CliRunner, tmp_path: Path) -> None:
    """--kb loopA (loopA -> loopB -> loopA) ends with exit 3 and says it is a loop, not a RuntimeError."""
    (tmp_path / "loopA").symlink_to(tmp_path / "loopB")
    (tmp_path / "loopB").symlink_to(tmp_path / "loopA")
    for command in (["list"], ["validate"]):
        result = runner.invoke(app, ["--kb", str(tmp_path / "loopA"), *command])
        assert result.exit_code == 3
        assert "loop of symbolic links" in result.stdout + result.stderr


# 3. Output that cannot be written: exit 4 and one line; a closed pipe stays a quiet 0.


def test_closed_stdout_is_exit_4(tiny_path: Path) -> None:
    """`mesocli list >&-`: one line on stderr and exit 4, not an AttributeError traceback and exit 1."""
    result = shell(f'{MESOCLI} --kb "{tiny_path}" list >&-')
    assert result.returncode == 4
    assert "could not write output" in one_clean_line(result.stderr)


@NEEDS_DEV_FULL
@pytest.mark.parametrize("args", [["list"], ["validate", "{bad}"], ["--version"], ["schema"], ["--help"], []])
def test_full_disk_on_stdout_is_exit_4(
    write_kb: Callable[..., Path], tiny_data: dict[str, Any], tiny_path: Path, args: list[str]
) -> None:
    """`>/dev/full` for list, validate (with problems to show), --version, schema, --help and bare `mesocli`."""
    tiny_data["treatments"][0]["category"] = "nonsense"
    bad = str(write_kb(tiny_data))
    with FULL.open("w") as full:
        given = [bad if a == "{bad}" else a for a in args]
        result = mesocli_run(*(["--kb", str(tiny_path), *given] if args else []), stdout=full)
    assert result.returncode == 4
    assert "could not write output" in one_clean_line(result.stderr)


@NEEDS_DEV_FULL
def test_output_failure_with_stderr_closed_still_exits_4(tiny_path: Path) -> None:
    """With stderr closed as well, nothing can be said, but the code is still 4 and nothing crashes."""
    result = shell(f'{MESOCLI} --kb "{tiny_path}" list >/dev/full 2>&-')
    assert result.returncode == 4


def test_closed_pipe_keeps_validate_exit_3(write_kb: Callable[..., Path], tiny_data: dict[str, Any]) -> None:
    """`validate BAD | head -c1` keeps exit 3: the reader leaving early does not hide a bad file."""
    for treatment in tiny_data["treatments"]:
        treatment["category"] = "nonsense"
    bad = write_kb(tiny_data)
    result = shell(f'{MESOCLI} validate "{bad}" | head -c1')
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr


def test_closed_pipe_on_help_is_a_quiet_0() -> None:
    """`mesocli --help | head -c1`: the reader left; exit 0 and nothing on stderr."""
    result = shell(f"{MESOCLI} --help | head -c1")
    assert result.returncode == 0
    assert result.stderr == ""


def test_questions_output_on_a_full_disk_is_exit_4(tiny_path: Path, tmp_path: Path) -> None:
    """questions -o on a file system that refuses the bytes (a file-size limit here) exits 4, leaves nothing."""

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    target = tmp_path / "visit.md"
    result = mesocli_run("--kb", str(tiny_path), "questions", "-o", str(target), preexec_fn=small_files)
    assert result.returncode == 4
    assert "could not write output" in one_clean_line(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny.yaml"]


# 4. questions --output writes regular files only, keeps modes, allows long names, and '-' is stdout.


@ROOT_ONLY
def test_questions_force_never_replaces_a_device_node(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    """-o DEVICE --force (a /dev/full made in tmp_path) is refused with exit 2; the node stays a device."""
    node = tmp_path / "full"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    result = runner.invoke(app, ["--kb", str(tiny_path), "questions", "-o", str(node), "--force"])
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_questions_force_never_replaces_dev_stdout(tiny_path: Path, tmp_path: Path) -> None:
    """-o /dev/stdout --force with stdout a pipe: refused (exit 2), the /dev/stdout link is untouched."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = mesocli_run("--kb", str(tiny_path), "questions", "-o", str(link), "--force")
    assert result.returncode == 2
    assert "not a regular file" in one_clean_line(result.stderr)
    assert link.is_symlink()
    if Path("/dev/stdout").is_symlink():
        result = mesocli_run("--kb", str(tiny_path), "questions", "-o", "/dev/stdout", "--force")
        assert result.returncode == 2
        assert Path("/dev/stdout").is_symlink()


def test_questions_force_keeps_the_file_mode(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    """--force replaces the content of a 0644 file and leaves it 0644 (not 0600)."""
    target = tmp_path / "visit.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    result = runner.invoke(app, ["--kb", str(tiny_path), "questions", "-o", str(target), "--force"])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Questions")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_questions_force_through_a_symlink_replaces_the_target(
    runner: CliRunner, tiny_path: Path, tmp_path: Path
) -> None:
    """A symbolic link to a regular file stays a link; the file it points to gets the checklist."""
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = runner.invoke(app, ["--kb", str(tiny_path), "questions", "-o", str(link), "--force"])
    assert result.exit_code == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Questions")


def test_questions_writes_a_name_as_long_as_the_file_system_allows(
    runner: CliRunner, tiny_path: Path, tmp_path: Path
) -> None:
    """A file name of NAME_MAX characters is written: the temporary file's name is short."""
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    target = tmp_path / ("q" * (limit - 3) + ".md")
    result = runner.invoke(app, ["--kb", str(tiny_path), "questions", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("# Questions")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, "tiny.yaml"])


def test_questions_output_dash_is_stdout(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    """-o - writes the Markdown checklist to stdout and creates no file named '-'."""
    os.chdir(tmp_path)
    result = runner.invoke(app, ["--kb", str(tiny_path), "questions", "chemo", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Questions for my care team")
    assert not (tmp_path / "-").exists()


# 7. Paths are printed escaped, as the query is.

HOSTILE_NAME = "a\x1b]0;T\x07.yaml"


def test_escape_sequences_in_a_missing_path_are_escaped(runner: CliRunner, tmp_path: Path) -> None:
    """'no such file' names the path with \\x1b and \\x07 written out, never the raw bytes."""
    result = runner.invoke(app, ["--kb", str(tmp_path / HOSTILE_NAME), "list"])
    assert result.exit_code == 3
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "a\\x1b]0;T\\x07.yaml: no such file" in result.stderr


def test_escape_sequences_in_paths_are_escaped_everywhere(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    """--version, validate's summary and questions' 'wrote' line show a hostile file name escaped."""
    hostile = tmp_path / HOSTILE_NAME
    shutil.copy(tiny_path, hostile)
    outputs = [
        runner.invoke(app, ["--kb", str(hostile), "--version"]).stdout,
        runner.invoke(app, ["validate", str(hostile)]).stderr,
        runner.invoke(app, ["--kb", str(tiny_path), "questions", "-o", str(tmp_path / HOSTILE_NAME[:-5])]).stderr,
    ]
    for text in outputs:
        assert "\\x1b]0;T\\x07" in text
        assert "\x1b" not in text and "\x07" not in text


# 10. An empty --kb is a usage error.


def test_empty_kb_path_is_a_usage_error(runner: CliRunner) -> None:
    """--kb "" (and validate "") exit 2 instead of silently using the bundled knowledge base."""
    for args in (["--kb", "", "list"], ["validate", ""]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "empty" in result.stderr
