"""Hostile arguments end in one line on stderr and a usage or file exit code: no traceback, no double escape."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app

SCRIPT = Path(sys.executable).parent / ("mesocli.exe" if os.name == "nt" else "mesocli")

#: Every option or argument that names a file, with what the rest of its command line needs.
PATH_ARGUMENTS = [
    ["options", "--profile", "{}"],
    ["values", "--profile", "{}"],
    ["questions", "-o", "{}"],
    ["handout", "--site", "pleural", "-o", "{}"],
    ["trials", "--snapshot", "{}"],
    ["migrate", "{}", "new.yaml"],
    ["profile", "init", "{}"],
]


@pytest.mark.parametrize("arguments", PATH_ARGUMENTS)
def test_a_nul_byte_in_a_file_name_is_a_usage_error(runner: CliRunner, arguments: list[str]) -> None:
    """A NUL in a path (possible from Python) is refused as --kb refuses it, not a ValueError from os.stat."""
    result = runner.invoke(app, ["--lang", "es", *(a.format("a\x00b.yaml") for a in arguments)])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "byte NUL" in result.stderr, result.stderr


@pytest.mark.parametrize(("option", "value"), [("--near", "Ma\x1bdrid"), ("--country", "Esp\x00aña")])
def test_an_unknown_place_is_escaped_once(runner: CliRunner, option: str, value: str) -> None:
    """The place is quoted with one escape per control character (\\x1b), not a doubled backslash."""
    result = runner.invoke(app, ["trials", option, value])
    assert result.exit_code == 2
    assert repr(value) in result.stderr and "\\\\x" not in result.stderr, result.stderr


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed in this environment")
def test_a_profile_name_too_long_for_the_system_is_one_line_through_the_console_script(tmp_path: Path) -> None:
    """`options --profile` with a 5,000-character name: the system's reason, in Turkish, exit 2, no traceback."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(tmp_path), "MESOCLI_LANG": "tr"}
    done = subprocess.run(
        [str(SCRIPT), "options", "--profile", "a" * 5000],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Dosya adı çok uzun" in done.stderr, done.stderr[-300:]


@pytest.mark.parametrize(
    ("text", "said"),
    [("trials: none\n", "(línea 1, columna 1)"), ('{"format": NaN}', "(NaN no es un número JSON)")],
)
def test_a_snapshot_that_is_not_json_says_where_in_the_language(
    runner: CliRunner, tmp_path: Path, text: str, said: str
) -> None:
    """Python's English ("Expecting value") is replaced by the line and column, or the number JSON lacks."""
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--lang", "es", "trials", "--snapshot", str(snapshot)])
    assert result.exit_code == 5
    assert said in result.stderr and "Expecting" not in result.stderr, result.stderr


@pytest.mark.skipif(not SCRIPT.exists() or not os.path.exists("/dev/zero"), reason="needs the script and /dev/zero")
def test_values_reading_an_endless_line_ends_in_a_wrong_answer(tmp_path: Path) -> None:
    """`values < /dev/zero`: NULs without an end of line are read a bounded piece at a time, then refused (exit 2)."""
    import resource

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    env = {**os.environ, "MESOCLI_CACHE_DIR": str(tmp_path), "MESOCLI_LANG": "es"}
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run(
            [str(SCRIPT), "values", "--profile", str(tmp_path / "me.yaml")],
            stdin=zeros,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
            preexec_fn=limit_memory,  # a memory limit for the child alone
        )
    assert done.returncode == 2, done.stderr[-300:]
    assert done.stderr.splitlines()[-1].startswith("mesocli: error: Valor no válido para entrada estándar")
    assert not (tmp_path / "me.yaml").exists()


def test_a_wrong_answer_is_quoted_with_one_escape(runner: CliRunner, tmp_path: Path) -> None:
    """A piped answer with a control character is quoted as '\\x00', not with a doubled backslash."""
    result = runner.invoke(app, ["values", "--profile", str(tmp_path / "me.yaml")], input="3\n\x00\n")
    assert result.exit_code == 2
    assert "answer 2 is '\\x00':" in result.stderr and "\\\\x00" not in result.stderr, result.stderr


@pytest.mark.skipif(not SCRIPT.exists() or os.name == "nt", reason="needs the console script and POSIX descriptors")
@pytest.mark.parametrize("arguments", [["--help"], ["list", "--help"], ["trials", "update", "-h"]])
def test_help_with_standard_output_closed_fails_as_every_page_does(tmp_path: Path, arguments: list[str]) -> None:
    """`mesocli --help >&-` ends with exit 4 and one translated line, as `mesocli list >&-` does, not in silence."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(tmp_path), "MESOCLI_LANG": "tr"}
    done = subprocess.run(
        [str(SCRIPT), *arguments],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),  # standard output closed, as the shell's >&- leaves it
    )
    assert (done.returncode, done.stderr) == (4, "mesocli: çıktı yazılamadı: standart çıktı kapalı\n")
