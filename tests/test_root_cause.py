"""One mistake, one error: an entry that fails to build does not also yield errors in the entries around it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mesocli.core.files import bundled_path, validate

BUNDLED = bundled_path().read_text(encoding="utf-8")
EVIDENCE_LINES = [m.start() for m in re.finditer(r"(?m)^  evidence_level: \S+$", BUNDLED)]


def _errors(text: str, tmp_path: Path) -> list[str]:
    file = tmp_path / "kb.yaml"
    file.write_text(text, encoding="utf-8")
    return [p.message for p in validate(file) if p.severity == "error"]


@pytest.mark.parametrize("at", [EVIDENCE_LINES[0], EVIDENCE_LINES[-1]])
def test_one_evidence_level_typo_is_one_error(tmp_path: Path, at: int) -> None:
    """A typo in one option's evidence_level is reported once, not again as missing passages or uncited references."""
    end = BUNDLED.index("\n", at)
    errors = _errors(BUNDLED[:at] + "  evidence_level: hihg" + BUNDLED[end:], tmp_path)
    assert len(errors) == 1 and "evidence_level is 'hihg'" in errors[0] and "'high'" in errors[0]


def test_a_reference_that_fails_to_build_is_not_also_an_unknown_citation(tmp_path: Path) -> None:
    """A reference with a wrong-typed field is one error; the entries citing it do not report it as unknown."""
    pmid = re.compile(r"(?m)^  pmid: .*$").search(BUNDLED, BUNDLED.index("\nreferences:\n"))
    assert pmid is not None
    errors = _errors(BUNDLED[: pmid.start()] + "  pmid: [1, 2]" + BUNDLED[pmid.end() :], tmp_path)
    assert len(errors) == 1 and "pmid" in errors[0]
