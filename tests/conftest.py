"""Shared fixtures: tiny knowledge bases written to tmp_path, and a CLI runner with a fixed width."""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

# Keep the parse cache out of the user's home: one private folder for the whole run, set before any
# test module loads a knowledge base. Cache tests point MESOCLI_CACHE_DIR at their own tmp_path.
os.environ["MESOCLI_CACHE_DIR"] = tempfile.mkdtemp(prefix="mesocli-test-cache-")
# The same for the user's data folder, where `mesocli trials update` keeps its snapshots.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="mesocli-test-data-")

TINY = Path(__file__).parent / "data" / "tiny.yaml"
#: The environment every CLI test runs in: fixed width, no colour unless a test asks.
ENV = {
    "COLUMNS": "80",
    "LINES": "40",
    "NO_COLOR": "1",
    "FORCE_COLOR": "",
    "MESOCLI_KB": "",
    "TERM": "dumb",
    "MESOCLI_TRIALS_SNAPSHOT": "",
    "MESOCLI_TRIALS_API": "",
}


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in ENV.items():
        if value:
            monkeypatch.setenv(key, value)
        else:
            monkeypatch.delenv(key, raising=False)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A test that runs a command with --lang leaves the interface language as it found it: English."""
    yield
    from mesocli.core import l10n

    l10n.set_language("en")


@pytest.fixture
def tiny_data() -> dict[str, Any]:
    """The tiny knowledge base as a dict, for a test to change before writing."""
    return copy.deepcopy(yaml.safe_load(TINY.read_text(encoding="utf-8")))


@pytest.fixture
def write_kb(tmp_path: Path) -> Callable[..., Path]:
    """Write a knowledge base (a dict, or raw text or bytes) to tmp_path and return its path."""
    counter = iter(range(1000))

    def write(content: dict[str, Any] | str | bytes, name: str | None = None) -> Path:
        path = tmp_path / (name or f"kb{next(counter)}.yaml")
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return path

    return write


@pytest.fixture
def tiny_path(write_kb: Callable[..., Path], tiny_data: dict[str, Any]) -> Path:
    return write_kb(tiny_data, "tiny.yaml")


class CheckedRunner(CliRunner):
    """A CliRunner that fails the test if a command ends in an exception (a traceback for the user)."""

    def invoke(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        result = super().invoke(*args, **kwargs)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"command raised {result.exception!r}") from result.exception
        assert "Traceback (most recent call last)" not in result.output
        return result


@pytest.fixture
def runner() -> CliRunner:
    """Every CLI test runs through this: no command may end in a traceback."""
    return CheckedRunner()
