"""The loader: a good file becomes typed, frozen models; every kind of bad file becomes located problems."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import mesocli
from mesocli import KnowledgeBaseError
from mesocli.core import files
from mesocli.core.model import replace
from mesocli.core.models import Treatment

WriteKb = Callable[..., Path]


def problems_of(path: Path) -> list[str]:
    return [str(p) for p in mesocli.validate(path, today=dt.date(2026, 11, 28))]


def test_good_file_loads_into_frozen_typed_models(tiny_path: Path) -> None:
    """A valid file loads; fields have their declared types and cannot be changed."""
    kb = mesocli.load(tiny_path)
    assert len(kb) == 3
    chemo = kb.get("chemotherapy")
    assert isinstance(chemo, Treatment)
    assert chemo.aliases == ("chemo", "pemetrexed", "Alimta")
    assert chemo.last_reviewed == dt.date(2026, 11, 1)
    assert chemo.studies[0].arms[0].median_os_months == 12.1
    assert chemo.studies[0] == kb.study("EMPHACIS")  # the study, filed under its option
    assert [r.id for r in chemo.references] == ["vogelzang2003"]
    with pytest.raises(AttributeError):
        chemo.name = "x"  # type: ignore[misc]
    assert [t.id for t in kb] == ["chemotherapy", "palliative-care", "radiation-therapy"]


def test_missing_file_is_a_knowledge_base_error(tmp_path: Path) -> None:
    """A path that does not exist raises KnowledgeBaseError naming the file."""
    with pytest.raises(KnowledgeBaseError) as info:
        mesocli.load(tmp_path / "absent.yaml")
    assert info.value.file.endswith("absent.yaml")
    assert "no such file" in str(info.value)


def test_directory_is_refused(tmp_path: Path) -> None:
    """A directory given as the knowledge base is refused with a clear message."""
    with pytest.raises(KnowledgeBaseError, match="directory"):
        mesocli.load(tmp_path)


def test_non_utf8_file_is_refused_with_its_line(write_kb: WriteKb) -> None:
    """Bytes that are not UTF-8 are reported with the line they sit on."""
    path = write_kb(b"schema_version: 1\ntitle: caf\xe9\n")
    with pytest.raises(KnowledgeBaseError, match="UTF-8") as info:
        mesocli.load(path)
    assert info.value.line == 2


def test_empty_file_is_refused(write_kb: WriteKb) -> None:
    """An empty file is an error, not an empty knowledge base."""
    with pytest.raises(KnowledgeBaseError, match="empty"):
        mesocli.load(write_kb(""))


def test_yaml_syntax_error_carries_line_and_column(write_kb: WriteKb) -> None:
    """A YAML syntax error is located by line and column."""
    path = write_kb("schema_version: 1\ntitle: [unclosed\nversion: x\n")
    with pytest.raises(KnowledgeBaseError) as info:
        mesocli.load(path)
    assert info.value.line is not None and info.value.line >= 2
    assert info.value.column is not None


def test_wrong_shape_is_refused(write_kb: WriteKb) -> None:
    """A file whose top level is a list, not a mapping, is refused."""
    with pytest.raises(KnowledgeBaseError, match="mapping"):
        mesocli.load(write_kb("- just\n- a list\n"))


def test_unknown_key_is_refused_with_nearest_known_key(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """An unknown key names the entry, its line and the key that was probably meant."""
    tiny_data["treatments"][0]["sumary"] = "typo"
    problems = problems_of(write_kb(tiny_data))
    assert len(problems) == 1
    assert "chemotherapy: unknown key 'sumary'" in problems[0]
    assert "did you mean 'summary'" in problems[0]


def test_missing_required_field(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """A missing required field is reported against its entry."""
    del tiny_data["treatments"][1]["overview"]
    problems = problems_of(write_kb(tiny_data))
    assert any("palliative-care: missing required key 'overview'" in p for p in problems)


def test_wrong_types_and_values(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """Wrong types and values outside a vocabulary are each reported."""
    tiny_data["treatments"][0]["category"] = "systemic"
    tiny_data["studies"][0]["year"] = "two thousand"
    tiny_data["treatments"][0]["aliases"] = "chemo"
    problems = "\n".join(problems_of(write_kb(tiny_data)))
    assert "did you mean 'systemic-therapy'" in problems
    assert "year must be a whole number" in problems
    assert "aliases must be a list" in problems


def test_every_problem_is_reported_not_just_the_first(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """validate collects problems across entries, in file order, each with a line."""
    tiny_data["treatments"][0]["colour"] = "red"
    tiny_data["treatments"][2]["related"] = ["nowhere"]
    tiny_data["treatments"][1]["aliases"] = ["chemo"]
    problems = mesocli.validate(write_kb(tiny_data), today=dt.date(2026, 11, 28))
    messages = [p.message for p in problems]
    assert any("unknown key 'colour'" in m for m in messages)
    assert any("related id 'nowhere' does not exist" in m for m in messages)
    assert any("'chemo' is already a name or alias of 'chemotherapy'" in m for m in messages)
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)
    assert all(p.line for p in problems)


def test_duplicate_ids(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """Two entries with one id are refused."""
    tiny_data["treatments"][2]["id"] = "palliative-care"
    tiny_data["treatments"][2]["aliases"] = []
    with pytest.raises(KnowledgeBaseError, match="duplicate id 'palliative-care'"):
        mesocli.load(write_kb(tiny_data))


def test_citations_must_resolve_and_references_be_used(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """A marker naming no reference, and a reference nobody cites, are both errors."""
    tiny_data["treatments"][0]["benefits"].append("Something [@nobody2020].")
    tiny_data["references"].append({"id": "unused2021", "citation": "Unused A. A paper. J. 2021.", "pmid": "123"})
    messages = "\n".join(problems_of(write_kb(tiny_data)))
    assert "cites unknown reference 'nobody2020'" in messages
    assert "reference 'unused2021' is never cited" in messages


def test_malformed_identifiers(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """PMIDs must be digits, DOIs must start 10.NNNN/, URLs must be https."""
    ref = tiny_data["references"][0]
    ref.update(pmid="PMID12", doi="doi:10.1/x", url="http://example.org")
    messages = "\n".join(problems_of(write_kb(tiny_data)))
    assert "malformed PMID 'PMID12'" in messages
    assert "malformed DOI" in messages
    assert "must start with https://" in messages


def test_stale_review_date_is_a_warning_not_an_error(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """An entry reviewed over 12 months ago warns but still loads."""
    tiny_data["treatments"][1]["last_reviewed"] = dt.date(2020, 1, 1)
    path = write_kb(tiny_data)
    problems = mesocli.validate(path, today=dt.date(2026, 11, 28))
    assert [p.severity for p in problems] == ["warning"]
    assert "over 12 months ago" in problems[0].message
    assert len(mesocli.load(path)) == 3


def test_object_constructing_tags_are_refused(write_kb: WriteKb) -> None:
    """A python/object tag is never constructed; it is a located error."""
    text = "schema_version: 2\ntitle: !!python/object/apply:os.system ['echo pwned']\n"
    with pytest.raises(KnowledgeBaseError, match="not allowed") as info:
        mesocli.load(write_kb(text))
    assert info.value.line == 2


def test_custom_tag_on_mapping_is_refused(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """A local tag on a mapping is refused rather than silently ignored."""
    text = TINY_TEXT.replace("treatments:\n", "treatments: !custom\n", 1)
    with pytest.raises(KnowledgeBaseError, match="tag"):
        mesocli.load(write_kb(text))


def _counting_builds(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], list[int]]:
    """Count the nodes the loader builds and the characters its text checks read (both ways of reading a file),
    as the work done."""
    from mesocli.core import events, loader, scalars

    nodes: list[int] = []
    characters: list[int] = []
    real_build, real_check = loader._Builder.build, scalars.text_problem

    def build(self: Any, hint: Any, node: Any, what: str) -> Any:
        nodes.append(1)
        return real_build(self, hint, node, what)

    def check(text: str, what: str) -> str | None:
        characters.append(len(text))
        return real_check(text, what)

    monkeypatch.setattr(loader._Builder, "build", build)
    monkeypatch.setattr(scalars, "text_problem", check)
    monkeypatch.setattr(events, "text_problem", check)
    return nodes, characters


def _budget(text: str) -> int:
    from mesocli.core.expansion import limit

    return limit(text)


def test_alias_bomb_is_refused_with_bounded_work(write_kb: WriteKb, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nested aliases expanding to 10^8 scalars are refused within the expansion budget of nodes (work counted)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("treatments:\n  - aliases: *a7")
    text = "\n".join(lines) + "\n"
    nodes, characters = _counting_builds(monkeypatch)
    with pytest.raises(KnowledgeBaseError) as info:
        mesocli.load(write_kb(text))
    assert info.value.problems
    assert len(nodes) <= _budget(text) + 1 < 10**8 // 50
    assert sum(characters) <= _budget(text)


def test_one_long_string_repeated_by_aliases_is_refused_with_bounded_work(
    write_kb: WriteKb, tiny_data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 60 KB string aliased 2,000 times is refused at its anchor within the budget of characters (work counted)."""
    text = yaml.safe_dump(tiny_data, sort_keys=False)
    long = "  - &long " + "word " * 12_000 + "\n"
    text = text.replace("  benefits:\n", "  benefits:\n" + long + "  - *long\n" * 2000, 1)
    nodes, characters = _counting_builds(monkeypatch)
    with pytest.raises(KnowledgeBaseError, match="aliases expand the file") as info:
        mesocli.load(write_kb(text))
    assert len(nodes) <= _budget(text) and sum(characters) <= _budget(text) < 2000 * 60_000 // 10
    assert info.value.line == text[: text.index("&long")].count("\n") + 1


def test_aliases_that_expand_a_little_are_accepted(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """The expansion guard is relative to the file: a few repeats of a short anchor still load."""
    text = yaml.safe_dump(tiny_data, sort_keys=False)
    text = text.replace("  benefits:\n", "  benefits:\n  - &b Shared benefit.\n  - *b\n  - *b\n", 1)
    assert mesocli.load(write_kb(text))


def test_large_file_is_refused_before_parsing(write_kb: WriteKb, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over MESOCLI_MAX_KB_BYTES is refused with its size and the limit in the message."""
    monkeypatch.setenv("MESOCLI_MAX_KB_BYTES", "100")
    with pytest.raises(KnowledgeBaseError, match="is 207 bytes; knowledge-base files are limited to 100"):
        mesocli.load(write_kb("title: " + "x" * 200))


def test_default_size_limit_fits_real_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without MESOCLI_MAX_KB_BYTES the limit is at least 512 MiB; a non-number is ignored."""
    monkeypatch.delenv("MESOCLI_MAX_KB_BYTES", raising=False)
    assert files.max_kb_bytes() >= 512 * 1024 * 1024
    monkeypatch.setenv("MESOCLI_MAX_KB_BYTES", "lots")
    assert files.max_kb_bytes() == files.DEFAULT_MAX_KB_BYTES


def test_control_characters_in_text_are_refused(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """Escape sequences in text could drive a terminal; they are refused at load time."""
    tiny_data["treatments"][0]["summary"] = "Nice \x1b]8;;https://evil.example\x1b\\link"
    with pytest.raises(KnowledgeBaseError, match="control character"):
        mesocli.load(write_kb(tiny_data))


def test_error_carries_entry_id_line_and_column(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """The exception's attributes locate the first problem."""
    tiny_data["treatments"][2]["goals"] = ["world-peace"]
    with pytest.raises(KnowledgeBaseError) as info:
        mesocli.load(write_kb(tiny_data))
    error = info.value
    assert error.entry_id == "radiation-therapy"
    assert error.line is not None and error.column is not None
    assert str(error).startswith(f"{error.file}:{error.line}:{error.column}: radiation-therapy:")


def test_environment_variable_selects_the_file(tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load() with no path reads $MESOCLI_KB."""
    monkeypatch.setenv("MESOCLI_KB", str(tiny_path))
    assert mesocli.load().title == "Tiny test knowledge base"


TINY_TEXT = (Path(__file__).parent / "data" / "tiny.yaml").read_text(encoding="utf-8")


def test_a_number_without_a_citation_is_a_warning(write_kb: WriteKb, tiny_data: dict[str, Any]) -> None:
    """A figure stated without [@ref] is flagged by validate; names like 'stage 4' or 'CheckMate 743' are not."""
    tiny_data["treatments"][1]["overview"] = "Stage 4 care. In CheckMate 743, 41% were alive at two years."
    tiny_data["treatments"][2]["overview"] = "For stage 4 disease; a phase 3 trial named KEYNOTE-483 exists."
    problems = mesocli.validate(write_kb(tiny_data), today=dt.date(2026, 11, 28))
    assert [(p.entry_id, p.severity) for p in problems] == [("palliative-care", "warning")]
    assert "overview states a number but cites no source" in problems[0].message


def test_unsourced_numbers_runs_its_costly_regex_only_where_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paragraphs that cite a source or hold no digit skip the name-stripping regex; findings are unchanged."""
    from mesocli.core import checks
    from mesocli.core.models import CITATION, entry_texts

    def before_the_fix(entry: Any) -> list[tuple[str, str]]:
        found = []
        for path, text in entry_texts(entry):
            if path.startswith(("approvals[", "guidelines[")):
                continue
            for paragraph in re.split(r"\n\s*\n|\n(?=\s*- )", text):
                if re.search(r"\d", checks._NOT_CLAIMS.sub("", paragraph)) and not CITATION.search(paragraph):
                    found.append((path, " ".join(paragraph.split())))
        return found

    entries = [*mesocli.load().data.treatments, *mesocli.load().guides, *mesocli.load().glossary]
    uncited = replace(entries[0], overview="Half (50%) respond.\n\nIn CheckMate 743.")
    entries.append(uncited)
    expected = [before_the_fix(e) for e in entries]
    substituted: list[str] = []
    real = checks._NOT_CLAIMS

    class Counting:
        def sub(self, replacement: str, text: str) -> str:
            substituted.append(text)
            return real.sub(replacement, text)

    monkeypatch.setattr(checks, "_NOT_CLAIMS", Counting())
    assert [checks.unsourced_numbers(e) for e in entries] == expected
    assert any(expected)
    assert substituted and all(re.search(r"\d", t) and not CITATION.search(t) for t in substituted)
