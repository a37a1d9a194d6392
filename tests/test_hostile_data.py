"""Hostile knowledge-base content, hostile widths and hostile queries: refused, located, bounded."""

from __future__ import annotations

import datetime as dt
import json
import random
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import mesocli
from mesocli import KnowledgeBaseError
from mesocli.cli.app import app

WriteKb = Callable[..., Path]
TODAY = dt.date(2026, 11, 28)
TINY_TEXT = (Path(__file__).parent / "data" / "tiny.yaml").read_text(encoding="utf-8")


def problems_of(path: Path, today: dt.date = TODAY) -> list[mesocli.Problem]:
    return mesocli.validate(path, today=today)


def errors_of(path: Path) -> list[str]:
    return [str(p) for p in problems_of(path) if p.severity == "error"]


def replaced(old: str, new: str) -> str:
    """The tiny knowledge base with one piece of its source text replaced (keeps YAML scalars as written)."""
    assert TINY_TEXT.count(old) == 1, old
    return TINY_TEXT.replace(old, new)


# 5. Numbers: finite, in range, decimal as written.


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("median_os_months: 12.1\n", "median_os_months: .inf\n", "finite"),
        ("median_os_months: 12.1\n", "median_os_months: .nan\n", "finite"),
        ("median_os_months: 12.1\n", "median_os_months: 12:1\n", "plain decimal"),
        ("median_os_months: 12.1\n", "median_os_months: -3\n", "at least 0"),
        ("median_os_months: 12.1\n", "median_os_months: 600\n", "below 600"),
        ("os_hr: 0.77", "os_hr: 0", "above 0"),
        ("os_hr: 0.77", "os_hr: -.inf", "finite"),
        ("year: 2003", "year: 1:2:3", "plain decimal"),
        ("year: 2003", "year: 0x7D3", "plain decimal"),
        ("year: 2003", "year: 03723", "plain decimal"),
        ("year: 2003", "year: -9999", "between 1900"),
        ("year: 2003", "year: 1899", "between 1900"),
        ("year: 2003", "year: 2028", "between 1900 and 2027"),
        ("schema_version: 2", "schema_version: 0x2", "plain decimal"),
    ],
)
def test_impossible_or_disguised_numbers_are_errors(write_kb: WriteKb, old: str, new: str, expected: str) -> None:
    """Infinite, NaN, sexagesimal, hex, octal, negative and out-of-range figures are located errors."""
    path = write_kb(replaced(old, new))
    errors = errors_of(path)
    assert any(expected in e for e in errors), errors
    line = next(i for i, text in enumerate(replaced(old, new).splitlines(), 1) if new.rstrip("\n") in text)
    assert any(e.startswith(f"{path}:{line}:") for e in errors if expected in e), errors


def test_next_year_is_still_a_valid_study_year(write_kb: WriteKb) -> None:
    """A trial dated next year (published ahead of print) passes; the bound is not off by one."""
    assert errors_of(write_kb(replaced("year: 2003", "year: 2027"))) == []


def test_infinite_survival_never_reaches_json_output(runner: CliRunner, write_kb: WriteKb) -> None:
    """`evidence --json` on a file with .inf refuses the file (exit 3) rather than print invalid JSON (Infinity)."""
    path = write_kb(replaced("median_os_months: 12.1\n", "median_os_months: .inf\n"))
    result = runner.invoke(app, ["--kb", str(path), "evidence", "--json"])
    assert result.exit_code == 3
    assert "Infinity" not in result.stdout
    assert json.loads(runner.invoke(app, ["validate", str(path), "--json"]).stdout)["ok"] is False


# 5. Ids, names and review dates.


def test_id_with_a_trailing_newline_is_refused(write_kb: WriteKb) -> None:
    """id "radiation-therapy\\n" is not kebab-case: "$" matched before the newline, the check must not."""
    path = write_kb(replaced("- id: radiation-therapy\n", '- id: "radiation-therapy\\n"\n'))
    assert any("must be kebab-case" in e for e in errors_of(path))


@pytest.mark.parametrize("hidden", ["\u200b", "\u200f", "\u2028", "\u2029", "\ufeff"])
@pytest.mark.parametrize("field", ["name", "alias"])
def test_invisible_characters_in_names_are_refused(write_kb: WriteKb, hidden: str, field: str) -> None:
    """Zero-width space, RLM, BOM and the line/paragraph separators are refused in names and aliases."""
    escaped = json.dumps(hidden)[1:-1]  # a YAML double-quoted escape such as \u200b
    old, new = (
        ("name: Radiation Therapy", f'name: "Radiation{escaped} Therapy"')
        if field == "name"
        else ("  - radiotherapy\n", f'  - "radio{escaped}therapy"\n')
    )
    errors = errors_of(write_kb(replaced(old, new)))
    assert any(f"U+{ord(hidden):04X}" in e and "invisible" in e for e in errors), errors


def test_a_future_review_date_is_a_warning(write_kb: WriteKb) -> None:
    """An entry (or the knowledge base) reviewed 'in the future' gets a warning naming the date."""
    text = TINY_TEXT.replace("last_reviewed: 2026-11-01", "last_reviewed: 2027-03-01")
    problems = problems_of(write_kb(text))
    future = [p for p in problems if "in the future" in p.message]
    assert future and all(p.severity == "warning" and p.line for p in future)
    assert {p.entry_id for p in future} >= {None, "chemotherapy", "second-opinion"}


# 6. Every problem in one pass, located; an empty knowledge base is an error.


def test_every_problem_is_reported_in_one_pass(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """Parse problems and cross-entry problems come together: fixing the first shows nothing new."""
    tiny_data["treatments"][0]["category"] = "nonsense"  # parse problems...
    tiny_data["treatments"][1]["goals"] = ["world-peace"]
    tiny_data["treatments"][2]["evidence_level"] = "superb"
    tiny_data["guides"][0]["id"] = "Second Opinion"  # ...and cross-entry ones
    tiny_data["glossary"][0]["related"] = ["no-such-entry"]
    messages = [p.message for p in problems_of(write_kb(tiny_data)) if p.severity == "error"]
    assert len(messages) == 5, messages
    assert any("kebab-case" in m for m in messages)
    assert any("'no-such-entry' does not exist" in m for m in messages)


def test_entries_that_fail_to_build_are_not_reported_as_missing(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """A broken entry is still an entry: links to it are not 'does not exist' noise in the same pass."""
    tiny_data["treatments"][1]["category"] = "nonsense"  # palliative-care, which others link to
    errors = [p.message for p in problems_of(write_kb(tiny_data)) if p.severity == "error"]
    assert len(errors) == 1 and "nonsense" in errors[0], errors


def test_duplicate_id_is_named_first(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """A duplicated id is the root cause: the error names it, before the links it breaks."""
    tiny_data["treatments"][1]["id"] = "chemotherapy"  # palliative-care, linked from above and below
    with pytest.raises(KnowledgeBaseError) as info:
        mesocli.load(write_kb(tiny_data))
    messages = [p.message for p in info.value.problems]
    assert "duplicate id 'chemotherapy'" in str(info.value).split(" (and")[0]
    assert messages.index("duplicate id 'chemotherapy'") < messages.index("related id 'palliative-care' does not exist")


@pytest.mark.parametrize(("byte", "name"), [(b"\x00", "#x0000"), (b"\x07", "#x0007")])
def test_nul_and_bel_bytes_are_located(write_kb: WriteKb, byte: bytes, name: str) -> None:
    """A NUL or BEL byte in the file is reported with its line and column."""
    data = TINY_TEXT.encode().replace(b"Drugs that slow", b"Drugs " + byte + b"that slow")
    path = write_kb(data)
    line = next(i for i, text in enumerate(data.split(b"\n"), 1) if byte in text)
    column = data.split(b"\n")[line - 1].index(byte) + 1
    [problem] = problems_of(path)
    assert (problem.line, problem.column) == (line, column)
    assert name in problem.message


@pytest.mark.parametrize("empty", ["treatments: []", "treatments:"])
def test_a_knowledge_base_without_treatments_is_an_error(runner: CliRunner, write_kb: WriteKb, empty: str) -> None:
    """An empty treatments list is refused (exit 3) instead of `list` saying nothing matches the filters."""
    data = yaml.safe_load(TINY_TEXT)
    header = {k: v for k, v in data.items() if k not in ("treatments", "guides", "glossary")}
    path = write_kb(yaml.safe_dump(header, sort_keys=False) + empty + "\n")
    assert any("no treatments" in e for e in errors_of(path))
    result = runner.invoke(app, ["--kb", str(path), "list"])
    assert result.exit_code == 3
    assert "no treatments" in result.stderr


# 8. Huge $COLUMNS.


@pytest.mark.parametrize("columns", ["10000000", "1000000000", "100000000000000000000"])
def test_huge_columns_are_capped_for_rich_output(runner: CliRunner, tiny_path: Path, columns: str) -> None:
    """COLUMNS of 10 million, 1e9 or 1e20 renders rich output at a capped width, not 600 MB or a traceback."""
    result = runner.invoke(app, ["--kb", str(tiny_path), "list", "--format", "rich"], env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 200
    assert len(result.stdout) < 50_000


# 9. Search stays bounded.


def random_words(count: int, length: int, seed: int = 4) -> str:
    rng = random.Random(seed)
    return " ".join("".join(rng.choices(string.ascii_lowercase, k=length)) for _ in range(count))


def test_a_query_of_thousands_of_words_is_cut_and_says_so(runner: CliRunner) -> None:
    """12,500 distinct words: searched by the first 64 (a note says so), and the query is not echoed whole."""
    query = random_words(12_500, 7)
    result = runner.invoke(app, ["search", "--", query])  # bounded by the cut, not by a clock
    assert result.exit_code in (0, 1)
    assert "first 64 of the 12,500 words" in result.stderr
    assert all(len(line) < 200 for line in result.stderr.splitlines())
    assert all(len(line) < 200 for line in result.stdout.splitlines())


@pytest.mark.parametrize("length", [3, 5, 8, 10, 14])
def test_every_query_on_the_bundled_knowledge_base_does_bounded_work(
    monkeypatch: pytest.MonkeyPatch, length: int
) -> None:
    """200 unknown words: only 64 are expanded, each compared for typos only with terms of a fitting length."""
    from mesocli.query import search as search_module
    from mesocli.query.text import MAX_QUERY_WORDS

    kb = mesocli.load()
    kb.search("warm up")  # the index is built before the work is counted
    expanded: list[str] = []
    compared: list[tuple[str, str]] = []
    real_expand, real_within = search_module.SearchIndex.expand, search_module._within

    def expand(index: search_module.SearchIndex, word: str) -> dict[str, float]:
        expanded.append(word)
        return real_expand(index, word)

    def within(a: str, b: str, limit: int) -> bool:
        compared.append((a, b))
        assert abs(len(a) - len(b)) <= limit  # the length window holds: no term outside it is compared
        return real_within(a, b, limit)

    monkeypatch.setattr(search_module.SearchIndex, "expand", expand)
    monkeypatch.setattr(search_module, "_within", within)
    kb.search(random_words(200, length))
    assert len(expanded) == len(set(expanded)) <= MAX_QUERY_WORDS
    vocabulary = kb._index.vocabulary
    limits = [(word, search_module.typo_limit(word)) for word in expanded]
    candidates = sum(sum(1 for _t in vocabulary.near(len(w) - n, len(w) + n)) for w, n in limits if n)
    assert len(compared) <= candidates
    assert len(set(compared)) == len(compared)  # no pair of words is compared twice
