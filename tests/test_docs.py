"""Generated documentation stays in step with the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_up_to_date() -> None:
    """docs/cli.md equals what scripts/gen_cli_reference.py writes now (run it after changing the CLI)."""
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.reference()
    assert (ROOT / "docs" / "schema.json").read_text(encoding="utf-8") == module.schema_json()


def test_readme_documents_exit_codes_and_both_setup_commands() -> None:
    """The README carries the two fresh-machine commands and the exit-code table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && .venv/bin/mesocli list" in readme
    assert 'pip install -e ".[test]" && .venv/bin/python -m pytest' in readme
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |"):
        assert code in readme


def test_bundled_yaml_points_editors_at_the_generated_schema() -> None:
    """The knowledge base's first line lets YAML-aware editors validate it against docs/schema.json."""
    data = ROOT / "data" / "treatments.yaml"
    first = data.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../docs/schema.json"
    assert (data.parent / "../docs/schema.json").resolve().is_file()
