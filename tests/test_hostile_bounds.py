"""Bounded work everywhere: the size limit on every run, a cap per text field, checked overlay aliases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.escape import MAX_FIELD_CHARS
from mesocli.core.files import validate
from mesocli.core.overlay import apply
from mesocli.kb import load


def test_the_size_limit_holds_on_a_warm_run(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MESOCLI_MAX_KB_BYTES refuses a file even once its database is built (exit 3, the limit named)."""
    monkeypatch.setenv("MESOCLI_CACHE_DIR", str(tmp_path / "cache"))
    assert runner.invoke(app, ["--kb", str(tiny_path), "list"]).exit_code == 0
    assert runner.invoke(app, ["--kb", str(tiny_path), "list"]).exit_code == 0  # warm: from the database
    monkeypatch.setenv("MESOCLI_MAX_KB_BYTES", "100")
    result = runner.invoke(app, ["--kb", str(tiny_path), "list"])
    assert result.exit_code == 3 and "MESOCLI_MAX_KB_BYTES" in result.stderr


def test_a_huge_text_field_is_refused_with_its_line(write_kb: Callable[..., Path], tiny_data: dict[str, Any]) -> None:
    """A summary of one word longer than 64 KiB is an error placed at the field, not hours of indexing."""
    tiny_data["treatments"][0]["summary"] = "x" * (MAX_FIELD_CHARS + 1)
    problems = [p for p in validate(write_kb(tiny_data)) if p.severity == "error"]
    assert len(problems) == 1 and "at most" in problems[0].message and problems[0].line is not None


@pytest.mark.parametrize("alias", ["quimio\x1b]52;c;aGk=\x07", "quimio\u202e"])
def test_an_overlay_alias_with_control_characters_is_refused(tiny_path: Path, tmp_path: Path, alias: str) -> None:
    """Overlay aliases get the same control and bidi check as the knowledge base: an error, not a name."""
    overlay = tmp_path / "tiny.es.yaml"
    overlay.write_text(
        'lang: es\ntreatments:\n  chemotherapy:\n    aliases: ["' + alias.encode("unicode_escape").decode() + '"]\n',
        encoding="utf-8",
    )
    data, problems = apply(load(tiny_path).data, overlay, "es")
    assert any("control" in p.message for p in problems)
    assert alias not in next(t for t in data.treatments if t.id == "chemotherapy").aliases


def _alias_bomb(levels: int = 8) -> list[str]:
    """Nested anchors that would expand to 10**levels scalars."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return lines


def test_an_alias_bomb_in_an_overlay_aliases_list_is_refused(tiny_path: Path, tmp_path: Path) -> None:
    """An overlay's aliases list built from nested anchors is refused by the knowledge base's expansion guard."""
    bomb = _alias_bomb()
    overlay = tmp_path / "tiny.es.yaml"
    overlay.write_text(
        "lang: es\nbomb:\n" + "".join(f"  {line}\n" for line in bomb) + "treatments:\n  chemotherapy:\n"
        "    aliases: *a7\n",
        encoding="utf-8",
    )
    base = load(tiny_path).data
    data, problems = apply(base, overlay, "es")
    assert [p.message for p in problems if "aliases expand" in p.message]
    assert problems[0].line is not None
    assert data == base


def test_an_alias_bomb_in_a_profile_is_refused(tmp_path: Path) -> None:
    """A profile whose nodes expand past the guard is a located ProfileError, not a long walk."""
    from mesocli.core.profile import ProfileError, parse_profile

    text = "\n".join([*_alias_bomb(), "site: pleural"]) + "\n"
    with pytest.raises(ProfileError, match="aliases expand") as info:
        parse_profile(text, "p.yaml")
    assert info.value.line is not None


@pytest.mark.parametrize("alias", ["radiotherapy", "Palliative Care", "radiation-therapy"])
def test_validate_reports_an_overlay_alias_that_collides_with_another_option(
    runner: CliRunner, tiny_path: Path, tmp_path: Path, alias: str
) -> None:
    """An overlay alias that is another option's alias, name or id is an error of validate, at the alias's line."""
    overlay = tmp_path / "tiny.es.yaml"
    overlay.write_text(f'lang: es\ntreatments:\n  chemotherapy:\n    aliases: ["{alias}"]\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tiny_path)])
    assert result.exit_code == 3
    assert "tiny.es.yaml:4:" in result.stdout and "is already a name or alias of" in result.stdout


def test_validate_accepts_an_overlay_alias_of_its_own(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    """A new overlay alias, or one repeating the option's own name, is no collision."""
    overlay = tmp_path / "tiny.es.yaml"
    overlay.write_text('lang: es\ntreatments:\n  chemotherapy:\n    aliases: ["quimio", "chemo"]\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tiny_path)])
    assert "already a name or alias" not in result.stdout
