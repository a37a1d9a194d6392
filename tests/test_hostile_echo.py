"""Nothing from data or arguments reaches the terminal or a document raw: one printable rule, safe links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.escape import printable, web_url

HOSTILE = "pain\x1b]52;c;aGk=\x07\x1b]8;;https://evil.example\x07\u202e\u200b"
RAW = ("\x1b", "\x07", "\u202e", "\u200b")


@pytest.mark.parametrize("fmt", ["plain", "rich", "markdown"])
def test_a_search_query_is_echoed_escaped_in_every_format(runner: CliRunner, tiny_path: Path, fmt: str) -> None:
    """OSC 52, OSC 8, U+202E and U+200B in a query come back as visible escapes, in plain and colour output."""
    result = runner.invoke(app, ["--kb", str(tiny_path), "search", HOSTILE, "--format", fmt, "--color", "always"])
    assert result.exit_code in (0, 1)
    assert "x1b]52" in result.stdout.replace("\\]", "]") and "u202e" in result.stdout
    assert not any(char in result.stdout + result.stderr for char in RAW[1:])
    assert "\x1b]" not in result.stdout  # Rich's own colour codes are CSI (ESC [), never an OSC from the query


def test_a_huge_name_is_cut_in_its_one_stderr_line(runner: CliRunner, tiny_path: Path) -> None:
    """A 100,000-character name is echoed cut, not whole, in its one line of stderr."""
    result = runner.invoke(app, ["--kb", str(tiny_path), "show", "z" * 100_000])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and len(result.stderr) < 1000


def test_printable_escapes_controls_and_bidi_but_keeps_letters_and_spaces() -> None:
    """Controls, bidi and zero-width characters become escapes; accents and no-break spaces stay."""
    assert printable("año\u00a012\u202e\x1b") == "año\u00a012\\u202e\\x1b"
    assert printable("a\nb", keep="\n") == "a\nb" and printable("a\nb") == "a\\nb"
    assert printable("x" * 50, 10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://pubmed.ncbi.nlm.nih.gov/33485464/", True),
        ("https://doi.org/10.1016/S0140-6736(20)32714-8", True),
        ("https://x.org/a><script>alert(1)</script>", False),
        ("javascript:alert(1)", False),
        ("https://x.org/a b", False),
    ],
)
def test_only_well_formed_http_urls_become_links(url: str, ok: bool) -> None:
    """A URL is written as a link only when it is a well-formed http(s) URL."""
    assert web_url(url) is ok


def test_a_reference_url_with_markup_stays_inert_in_markdown(
    runner: CliRunner, write_kb: Callable[..., Path], tiny_data: dict[str, Any]
) -> None:
    """A URL holding '>' and <script> is not an autolink in Markdown: no live HTML in sources or show."""
    tiny_data["references"][0]["url"] = "https://x.org/a><script>alert(1)</script>"
    kb = write_kb(tiny_data)
    for command in (["sources"], ["show", "chemo"]):
        result = runner.invoke(app, ["--kb", str(kb), *command, "--format", "markdown"])
        if result.exit_code == 3:
            pytest.skip("such a URL is refused by validation here")
        assert "<script>" not in result.stdout
