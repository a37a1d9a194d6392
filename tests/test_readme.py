"""The README's `$ mesocli ...` transcripts are real: each recorded output is what the command prints now."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def transcripts() -> list[tuple[str, list[str]]]:
    """(command, recorded output lines) for every `$ mesocli` line in the README's console blocks."""
    found = []
    for block in BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        command: str | None = None
        lines: list[str] = []
        for line in [*block.splitlines(), "$ end"]:
            if line.startswith("$ "):
                if command and command.startswith("mesocli"):
                    found.append((command, lines))
                command, lines = line[2:], []
            elif command is not None and not line.startswith("[…"):
                lines.append(line)
    return found


@pytest.mark.parametrize(("command", "recorded"), transcripts(), ids=[c for c, _ in transcripts()])
def test_readme_transcript_matches_real_output(command: str, recorded: list[str], tmp_path: Path) -> None:
    """Running the command now prints what the README shows (a shown prefix, where the README cuts it)."""
    env = {**os.environ, "COLUMNS": "80", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("MESOCLI_KB", None)
    env.pop("FORCE_COLOR", None)
    result = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    actual = (result.stdout + result.stderr).splitlines()
    assert actual[: len(recorded)] == recorded
