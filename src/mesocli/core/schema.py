"""The JSON Schema of the knowledge-base file, generated from the models (never written by hand)."""

from __future__ import annotations

import datetime as dt
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from mesocli._version import __version__
from mesocli.core.citations import DOI_PATTERN, ID_PATTERN, PMID_PATTERN
from mesocli.core.model import MISSING, fields, is_model
from mesocli.core.models import SCHEMA_VERSION, KnowledgeBaseData, Reference, derived

_PATTERNS: dict[tuple[type, str], str] = {
    (Reference, "pmid"): PMID_PATTERN.pattern,
    (Reference, "doi"): DOI_PATTERN.pattern,
    (Reference, "url"): r"^https://",
}


#: Which document the schema describes, said in the schema itself.
DESCRIBES = (
    "A mesocli knowledge-base file as written (data/treatments.yaml, or a file given to --kb or mesocli validate), "
    "as a YAML editor reads it: dates are text, YYYY-MM-DD. PyYAML's safe_load turns them into dates; write them "
    "back as that text before validating loaded data. It does not describe `show --json` or `list --json`, whose "
    "documents add what mesocli derives when it loads the file (an option's references and studies): see "
    "docs/output.md."
)


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for knowledge-base files, YAML-editor friendly."""
    definitions: dict[str, Any] = {}
    root = _object(KnowledgeBaseData, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"mesocli knowledge base (schema v{SCHEMA_VERSION}, mesocli {__version__})",
        **root,
        "description": DESCRIBES,
        "$defs": definitions,
    }


def _type(hint: Any, definitions: dict[str, Any], owner: type, name: str) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return {"anyOf": [_type(inner[0], definitions, owner, name), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is tuple:
        return {"type": "array", "items": _type(get_args(hint)[0], definitions, owner, name)}
    if is_model(hint):
        cls: type = hint
        if cls.__name__ not in definitions:
            definitions[cls.__name__] = {}
            definitions[cls.__name__] = _object(cls, definitions)
        return {"$ref": f"#/$defs/{cls.__name__}"}
    if hint is dt.date:
        return {"type": "string", "format": "date"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"const": SCHEMA_VERSION} if name == "schema_version" else {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    schema: dict[str, Any] = {"type": "string"}
    if name == "id":
        schema["pattern"] = ID_PATTERN.pattern
    if (owner, name) in _PATTERNS:
        schema["pattern"] = _PATTERNS[(owner, name)]
    return schema


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in fields(cls):
        if derived(field):
            continue
        prop = _type(hints[field.name], definitions, cls, field.name)
        if "doc" in field.metadata:
            prop = {**prop, "description": field.metadata["doc"]}
        properties[field.name] = prop
        if field.default is MISSING and field.default_factory is MISSING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "required": required,
    }
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    return schema
