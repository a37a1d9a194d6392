"""Generate a large, valid knowledge base from the bundled one, for scale benchmarks.

    python benchmarks/make_kb.py OUT.yaml [N]

Entries are the bundled treatments, trimmed (first paragraph of each long text, a few list items) and
numbered (ids, names and aliases get a suffix), so the file stays valid; they cite the bundled references,
and the bundled studies, written once at the top level, stay as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

import mesocli
from mesocli.core.model import fields, is_model
from mesocli.core.models import derived
from mesocli.core.serialize import to_data

#: Fields an entry derives at load time; a file never writes them.
DERIVED = ("references", "studies")


def _written(value: Any) -> Any:
    """``value`` as the plain data a file writes: every field derived at load time left out, at any depth."""
    if is_model(value) and not isinstance(value, type):
        return {f.name: _written(getattr(value, f.name)) for f in fields(value) if not derived(f)}
    if isinstance(value, tuple | list):
        return [_written(v) for v in value]
    return to_data(value)


#: Fields that one entry of the whole knowledge base may give (the generated copies leave them out).
ONCE = ("comfort_choice",)


def _clean(value: Any) -> Any:
    """``value`` without null fields (the file leaves optional fields out)."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _trim(entry: dict[str, Any], n: int) -> dict[str, Any]:
    out = {k: v for k, v in entry.items() if k not in DERIVED and k not in ONCE}
    out["id"] = f"{entry['id']}-{n}"
    out["name"] = f"{entry['name']} {n}"
    out["aliases"] = [f"{alias} {n}" for alias in entry.get("aliases", [])[:3]]
    for key in ("overview", "how_it_works", "what_to_expect"):  # situation points name passages of the others
        out[key] = entry[key].split("\n\n")[0]
    for key in ("questions", "approvals", "guidelines"):
        if key in entry:
            out[key] = entry[key][:3]
    return out


def write_kb(path: Path, count: int) -> None:
    """Write a knowledge base with ``count`` generated treatments (plus the bundled seven) to ``path``."""
    base = _written(mesocli.load(mesocli.bundled_path()).data)
    originals = [{k: v for k, v in t.items() if k not in DERIVED} for t in base["treatments"]]
    base["treatments"] = originals + [_trim(originals[i % len(originals)], i) for i in range(count)]
    for collection in ("guides", "glossary"):
        base[collection] = [{k: v for k, v in e.items() if k not in DERIVED} for e in base[collection]]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(_clean(base), Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    write_kb(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
