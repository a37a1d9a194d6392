"""Convert a schema 1 knowledge-base file to schema 2, as plain YAML data.

Schema 1 kept references and studies inside each entry; schema 2 writes each once, at the top level, and
entries cite them by id. A schema 1 study knew no arm attribution and no structured population, so the
converted file files every arm under the entry that listed it and keeps the population as its description:
review both (``mesocli validate`` and ``mesocli studies``) after converting.
"""

from __future__ import annotations

import re
from typing import Any

from mesocli.core.errors import KnowledgeBaseError, Message, Problem
from mesocli.core.models import CITATION

_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(name: str) -> str:
    return _SLUG.sub("-", name.casefold()).strip("-") or "study"


def _plain(text: Any) -> Any:
    """Study text without citation markers: a schema 2 study cites through its reference field."""
    return " ".join(CITATION.sub("", text).split()) if isinstance(text, str) else text


def _study(old: dict[str, Any], entry_id: str, taken: set[str]) -> dict[str, Any]:
    sid = _slug(str(old.get("name", "study")))
    if sid in taken:
        sid = f"{sid}-{old.get('year', len(taken))}"
    taken.add(sid)
    arms = [
        {"name": a["name"], "options": [entry_id], "median_os_months": a["median_os_months"]}
        for a in old.get("arms") or []
    ]
    study: dict[str, Any] = {
        "id": sid,
        "name": old.get("name"),
        "year": old.get("year"),
        "status": "published",
        "design": old.get("design") or "not stated",
        "population": {"description": _plain(old.get("population"))},
        "arms": arms or [{"name": str(old.get("name")), "options": [entry_id]}],
        "finding": _plain(old.get("finding")),
        "reference": old.get("reference"),
    }
    if old.get("hazard_ratio") is not None:
        study["comparison"] = {"os_hr": old["hazard_ratio"]}
    return study


def migrate(doc: Any, file: str = "<input>") -> dict[str, Any]:
    """The schema 2 form of a schema 1 document (a parsed YAML mapping)."""
    if not isinstance(doc, dict) or doc.get("schema_version") != 1:
        found = doc.get("schema_version") if isinstance(doc, dict) else None
        expected = Message("expected a schema 1 knowledge base, found schema_version {found}", found=repr(found))
        raise KnowledgeBaseError(Problem(file, expected))
    out = {k: v for k, v in doc.items() if k not in ("treatments", "guides", "glossary")}
    out["schema_version"] = 2
    references: dict[str, Any] = {}
    studies: list[dict[str, Any]] = []
    by_reference: dict[str, dict[str, Any]] = {}
    taken: set[str] = set()
    for kind in ("treatments", "guides", "glossary"):
        entries = []
        for raw in doc.get(kind) or []:
            entry = dict(raw)
            for ref in entry.pop("references", None) or []:
                references.setdefault(ref["id"], ref)
            for old in entry.pop("evidence", None) or []:
                seen = by_reference.get(old.get("reference"))
                if seen is None:
                    seen = by_reference[old.get("reference")] = _study(old, entry["id"], taken)
                    studies.append(seen)
                elif entry["id"] not in seen["arms"][0]["options"]:
                    seen["arms"][0]["options"].append(entry["id"])
            entries.append(entry)
        if kind in doc:
            out[kind] = entries
    out["studies"] = studies
    out["references"] = list(references.values())
    return out


def dump(doc: dict[str, Any]) -> str:
    """YAML text for a knowledge base, with multi-line text as block scalars for hand editing."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    header = "# yaml-language-server: $schema=../docs/schema.json\n"
    return header + yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110)


def schema_1_problem(root: Any, file: str) -> Problem | None:
    """A schema 1 file is named as such, with the command that converts it, rather than as many unknown keys."""
    if type(root).__name__ != "MappingNode":
        return None
    for key, value in root.value:
        if getattr(key, "value", None) == "schema_version" and getattr(value, "value", None) == "1":
            mark = value.start_mark
            message = Message(
                "uses schema 1, which this mesocli no longer reads; convert it with: mesocli migrate OLD NEW"
            )
            return Problem(file, message, mark.line + 1, mark.column + 1)
    return None
