"""docs/schema.json describes the knowledge-base file as written, and the real file and its mistakes agree with it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.files import bundled_path

SCHEMA = json.loads((Path(__file__).parents[1] / "docs" / "schema.json").read_text(encoding="utf-8"))
_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


def mismatches(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Where ``value`` breaks ``schema``: the subset of JSON Schema that docs/schema.json uses."""
    if "$ref" in schema:
        return mismatches(value, SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]], where)
    if "anyOf" in schema:
        return [] if any(not mismatches(value, s, where) for s in schema["anyOf"]) else [f"{where}: no anyOf"]
    found: list[str] = []
    kind = schema.get("type")
    if kind and (not isinstance(value, _TYPES[kind]) or (kind in ("integer", "number") and value is True)):
        return [f"{where}: {type(value).__name__} is not {kind}"]
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in enum")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        found.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if schema.get("format") == "date" and isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            found.append(f"{where}: {value!r} is not a date")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{where}: missing {k!r}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            found += [f"{where}: extra {k!r}" for k in value if k not in properties]
        for key, item in value.items():
            if key in properties:
                found += mismatches(item, properties[key], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += mismatches(item, schema["items"], f"{where}[{i}]")
    return found


def as_written(value: Any) -> Any:
    """PyYAML's load of the file with its dates as the ISO text written (JSON has no dates)."""
    if isinstance(value, dict):
        return {k: as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_written(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_the_schema_says_it_describes_the_file_not_show_json() -> None:
    """The schema's description names the document it describes, its dates, and that `show --json` is not it."""
    description = SCHEMA["description"]
    assert "data/treatments.yaml" in description and "YYYY-MM-DD" in description and "show --json" in description


def test_the_bundled_knowledge_base_as_loaded_by_pyyaml_matches_the_schema() -> None:
    """The real file, read by yaml.safe_load with its dates written back as text, has no mismatch."""
    data = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    assert isinstance(data["last_reviewed"], dt.date)  # why the dates are written back first
    assert mismatches(as_written(data), SCHEMA) == []


def test_the_validator_sees_mistakes_the_loader_refuses() -> None:
    """An unknown key, a wrong enum value, a bad id and a list where text belongs are each a mismatch."""
    data = as_written(yaml.safe_load(bundled_path().read_text(encoding="utf-8")))
    option = data["treatments"][0]
    option.update(evidnce="x", evidence_level="hihg", id="Not Kebab", summary=["a"])
    found = " ".join(mismatches(data, SCHEMA))
    for word in ("extra 'evidnce'", "'hihg' not in enum", "'Not Kebab' does not match", "summary: list is not"):
        assert word in found


def test_show_json_is_the_output_document_not_the_file(runner: CliRunner) -> None:
    """`show --json` adds what the loader derives (references, studies): the schema, of the file, refuses those."""
    result = runner.invoke(app, ["show", "chemotherapy", "--json"])
    shown = json.loads(result.stdout)
    extra = {m.split("extra ")[1] for m in mismatches(shown, SCHEMA["$defs"]["Treatment"]) if "extra" in m}
    assert {"'references'", "'studies'"} <= extra
