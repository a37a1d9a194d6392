"""Generate a large, valid knowledge base from the bundled one, for scale benchmarks.

    python benchmarks/make_kb.py OUT.yaml [N]

Entries are the bundled treatments, trimmed (first paragraph of each long text, a few list items)
and numbered (ids, names and aliases get a suffix), so the file stays valid and within the size limit.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

import mesocli
from mesocli.core.serialize import to_data


def _trim(entry: dict[str, Any], n: int) -> dict[str, Any]:
    out = dict(entry)
    out["id"] = f"{entry['id']}-{n}"
    out["name"] = f"{entry['name']} {n}"
    out["aliases"] = [f"{alias} {n}" for alias in entry["aliases"][:3]]
    for key in ("overview", "how_it_works", "candidates", "what_to_expect"):
        out[key] = entry[key].split("\n\n")[0]
    for key in ("benefits", "risks", "questions", "options", "evidence", "approvals"):
        out[key] = entry[key][:3]
    out["related"] = [r for r in entry["related"] if r]
    return out


def write_kb(path: Path, count: int) -> None:
    """Write a knowledge base with ``count`` generated treatments (plus the bundled seven) to ``path``."""
    base = to_data(mesocli.load(mesocli.bundled_path()).data)
    originals = base["treatments"]
    generated = [_trim(originals[i % len(originals)], i) for i in range(count)]
    for entry in generated:
        cited = {e["reference"] for e in entry["evidence"]} | {a["reference"] for a in entry["approvals"]}
        text = yaml.safe_dump({k: v for k, v in entry.items() if k != "references"})
        entry["references"] = [r for r in entry["references"] if r["id"] in cited or f"[@{r['id']}]" in text]
        for ref in entry["references"]:
            for key in [k for k, v in ref.items() if v is None]:
                del ref[key]
        for study in entry["evidence"]:
            for key in [k for k, v in study.items() if v is None]:
                del study[key]
        for option in entry["options"]:
            if option.get("details") is None:
                option.pop("details", None)
    base["treatments"] = originals + generated
    for collection in ("treatments", "guides", "glossary"):
        for entry in base[collection]:
            for ref in entry.get("references", []):
                for key in [k for k, v in ref.items() if v is None]:
                    del ref[key]
            for study in entry.get("evidence", []):
                for key in [k for k, v in study.items() if v is None]:
                    del study[key]
            for option in entry.get("options", []):
                if option.get("details") is None:
                    option.pop("details", None)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(base, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    write_kb(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
