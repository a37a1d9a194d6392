"""The installed entry points, run as real processes: console script, python -m, and import isolation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
SCRIPT = BIN / ("mesocli.exe" if os.name == "nt" else "mesocli")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "80", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run(args, capture_output=True, text=True, env=full_env, timeout=60, check=False)


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed in this environment")
def test_console_script_runs_and_pipes_plain_text(tiny_path: Path) -> None:
    """The installed `mesocli` script lists options; piped output has no escape codes."""
    result = run(str(SCRIPT), "--kb", str(tiny_path), "list")
    assert result.returncode == 0, result.stderr
    assert "Chemotherapy" in result.stdout
    assert "\x1b[" not in result.stdout


def test_python_dash_m_runs() -> None:
    """`python -m mesocli --help` works and documents the exit codes."""
    result = run(sys.executable, "-m", "mesocli", "--help")
    assert result.returncode == 0
    assert "Exit codes" in result.stdout


def test_real_process_error_paths_have_no_traceback(tiny_path: Path, tmp_path: Path) -> None:
    """Exit codes 1, 2 and 3 from a real process, each with one stderr line and no traceback."""
    cases = [
        (["--kb", str(tiny_path), "show", "nothing-like-it"], 1),
        (["--kb", str(tiny_path), "show"], 2),
        (["--kb", str(tmp_path / "missing.yaml"), "list"], 3),
    ]
    for args, code in cases:
        result = run(sys.executable, "-m", "mesocli", *args)
        assert result.returncode == code, (args, result.stderr)
        assert result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_closed_pipe_ends_quietly(tiny_path: Path) -> None:
    """`mesocli list | head -1`: the reader leaves early; no error, no traceback."""
    cmd = f'"{sys.executable}" -m mesocli --kb "{tiny_path}" glossary --format yaml | head -c 10'
    env = {**os.environ}
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.stderr == ""
    assert result.returncode == 0


def test_library_import_does_not_import_typer_or_rich() -> None:
    """`import mesocli` and loading the knowledge base stay free of CLI libraries."""
    code = (
        "import sys, mesocli; kb = mesocli.load(); kb.get('chemo'); kb.search('pain'); "
        "bad = [m for m in ('typer', 'rich', 'click') if m in sys.modules]; "
        "assert not bad, bad"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
