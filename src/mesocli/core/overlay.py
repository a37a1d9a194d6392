"""Translations as overlays: ``treatments.LANG.yaml`` beside the knowledge base, keyed by entry id and field path.

An overlay holds text only. Numbers, dates, references, study data and ids come from the English file, so they
cannot drift; each translated field records the hash of the English text it was made from. A field whose English
has changed since is stale: it is reported, and the page shows the English text with a marker, never the old
translation. A field whose figures differ from the English is an error, and falls back the same way.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path
from typing import Any

from mesocli.core.errors import Problem
from mesocli.core.figures import differences
from mesocli.core.models import Guide, KnowledgeBaseData, Term, Treatment

_PATH = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?$")
#: Prefix of a field shown in English because its translation is missing its source or out of date.
STALE_MARKER = {"tr": "[İngilizce] ", "es": "[En inglés] "}


def source_hash(text: str) -> str:
    """The hash a translation records of the English text it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def overlay_path(kb_file: Path, lang: str) -> Path:
    """``data/treatments.yaml`` -> ``data/treatments.tr.yaml``."""
    return kb_file.with_name(f"{kb_file.stem}.{lang}{kb_file.suffix}")


def _get(entry: Any, path: str) -> str | None:
    m = _PATH.match(path)
    if not m:
        return None
    name, index, sub = m.groups()
    value = getattr(entry, name, None)
    if index is not None:
        items = value if isinstance(value, tuple) else ()
        value = items[int(index)] if int(index) < len(items) else None
    if sub is not None:
        value = getattr(value, sub, None)
    return value if isinstance(value, str) else None


def _set(entry: Any, path: str, text: str) -> Any:
    name, index, sub = _PATH.match(path).groups()  # type: ignore[union-attr]  # _get accepted this path
    if index is None:
        return dataclasses.replace(entry, **{name: text})
    items = list(getattr(entry, name))
    i = int(index)
    items[i] = dataclasses.replace(items[i], **{sub: text}) if sub else text
    return dataclasses.replace(entry, **{name: tuple(items)})


def _marks(root: Any) -> dict[tuple[str, str | None], tuple[int, int]]:
    """Where each entry id and field path was written in the overlay file."""
    found: dict[tuple[str, str | None], tuple[int, int]] = {}
    entries = next((v for k, v in getattr(root, "value", ()) if getattr(k, "value", None) == "entries"), None)
    for key, value in getattr(entries, "value", ()):
        found[(key.value, None)] = (key.start_mark.line + 1, key.start_mark.column + 1)
        for field_key, _ in getattr(value, "value", ()):
            found[(key.value, field_key.value)] = (field_key.start_mark.line + 1, field_key.start_mark.column + 1)
    return found


def read(file: Path) -> tuple[dict[str, Any], dict[tuple[str, str | None], tuple[int, int]], list[Problem]]:
    """The overlay's entries, where each was written, and any problem with its form."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = file.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=loader)
        doc = yaml.load(text, Loader=loader)
    except (OSError, UnicodeDecodeError) as exc:
        return {}, {}, [Problem(str(file), f"cannot read translation: {exc}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        return {}, {}, [Problem(str(file), f"not valid YAML: {getattr(exc, 'problem', exc)}", line)]
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), dict):
        return {}, {}, [Problem(str(file), "a translation file needs 'lang' and an 'entries' mapping", 1, 1)]
    return doc["entries"], _marks(root), []


def apply(data: KnowledgeBaseData, file: Path, lang: str) -> tuple[KnowledgeBaseData, list[Problem]]:
    """``data`` with every up-to-date translated field of ``file`` in place, and the problems found."""
    entries, marks, problems = read(file)
    everything: list[Treatment | Guide | Term] = [*data.treatments, *data.guides, *data.glossary]
    by_id = {e.id: e for e in everything}
    marker = STALE_MARKER.get(lang, "[English] ")

    def problem(eid: str, path: str | None, message: str, severity: str = "error") -> None:
        line, column = marks.get((eid, path)) or marks.get((eid, None)) or (None, None)
        problems.append(Problem(str(file), message, line, column, eid, severity))

    for eid, fields in entries.items():
        entry = by_id.get(eid)
        if entry is None or not isinstance(fields, dict):
            problem(eid, None, f"no entry {eid!r} in the knowledge base")
            continue
        for path, value in fields.items():
            if path == "aliases":
                extra = tuple(str(a) for a in value or () if str(a).strip())
                entry = dataclasses.replace(entry, aliases=(*entry.aliases, *extra))
                continue
            english = _get(entry, str(path))
            if english is None:
                problem(eid, path, f"{eid} has no text field {path!r} to translate")
                continue
            text = value.get("text") if isinstance(value, dict) else None
            if not isinstance(text, str) or not text.strip():
                problem(eid, path, f"{path}: a translation needs 'text' and 'source_hash'")
                continue
            if value.get("source_hash") != source_hash(english):
                problem(eid, path, f"{path}: stale translation; the English has changed since", "warning")
                entry = _set(entry, path, marker + english)
                continue
            missing, added = differences(english, text, lang)
            if missing or added:
                problem(
                    eid,
                    path,
                    f"{path}: figures differ from the English (missing {sorted(missing)}, added {sorted(added)})",
                )
                entry = _set(entry, path, marker + english)
                continue
            entry = _set(entry, path, text.rstrip("\n") + ("\n" if english.endswith("\n") else ""))
        by_id[eid] = entry
    translated = dataclasses.replace(
        data,
        treatments=tuple(by_id[t.id] for t in data.treatments),  # type: ignore[misc]
        guides=tuple(by_id[g.id] for g in data.guides),  # type: ignore[misc]
        glossary=tuple(by_id[t.id] for t in data.glossary),  # type: ignore[misc]
    )
    return translated, problems
