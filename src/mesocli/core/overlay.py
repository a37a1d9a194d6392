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
from mesocli.core.model import model, replace
from mesocli.core.models import KnowledgeBaseData

_PATH = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?$")
#: Prefix of a field shown in English because its translation is missing its source or out of date.
STALE_MARKER = {"tr": "[İngilizce] ", "es": "[En inglés] "}


def source_hash(text: str) -> str:
    """The hash a translation records of the English text it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


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
        return replace(entry, **{name: text})
    items = list(getattr(entry, name))
    i = int(index)
    items[i] = replace(items[i], **{sub: text}) if sub else text
    return replace(entry, **{name: tuple(items)})


SECTIONS = ("treatments", "guides", "glossary")


def _marks(root: Any) -> dict[tuple[str, str, str | None], tuple[int, int]]:
    """Where each entry id and field path was written in the overlay file, by section."""
    found: dict[tuple[str, str, str | None], tuple[int, int]] = {}
    for section_key, section in getattr(root, "value", ()):
        kind = str(getattr(section_key, "value", ""))
        for key, value in getattr(section, "value", ()) if kind in SECTIONS else ():
            found[(kind, key.value, None)] = (key.start_mark.line + 1, key.start_mark.column + 1)
            for field_key, _ in getattr(value, "value", ()):
                found[(kind, key.value, field_key.value)] = (
                    field_key.start_mark.line + 1,
                    field_key.start_mark.column + 1,
                )
    return found


Marks = dict[tuple[str, str, str | None], tuple[int, int]]


def read(file: Path) -> tuple[dict[str, Any], Marks, list[Problem]]:
    """The overlay's sections (treatments, guides, glossary), where each field was written, and form problems."""
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
    if not isinstance(doc, dict) or not all(isinstance(doc.get(k, {}), dict) for k in SECTIONS):
        return (
            {},
            {},
            [Problem(str(file), "a translation file maps treatments, guides and glossary ids to fields", 1, 1)],
        )
    unknown = sorted(set(doc) - {"lang", "knowledge_base", *SECTIONS})
    problems = [Problem(str(file), f"unknown key {k!r} in a translation file", 1, 1) for k in unknown]
    sections = {k: doc.get(k) or {} for k in SECTIONS}
    sections["knowledge_base"] = doc.get("knowledge_base") or {}
    return sections, _marks(root), problems


def apply(data: KnowledgeBaseData, file: Path, lang: str) -> tuple[KnowledgeBaseData, list[Problem]]:
    """``data`` with every up-to-date translated field of ``file`` in place, and the problems found."""
    sections, marks, problems = read(file)
    marker = STALE_MARKER.get(lang, "[English] ")
    translated: dict[str, tuple[Any, ...]] = {}
    for kind, entries in (("treatments", data.treatments), ("guides", data.guides), ("glossary", data.glossary)):
        by_id: dict[str, Any] = {e.id: e for e in entries}
        for eid, fields in sections.get(kind, {}).items():
            problem = _Reporter(file, problems, {k[2]: v for k, v in marks.items() if k[:2] == (kind, eid)}, str(eid))

            if eid not in by_id or not isinstance(fields, dict):
                problem(None, f"no entry {eid!r} in {kind} of the knowledge base")
                continue
            by_id[eid] = _translate(by_id[eid], fields, lang, marker, problem)
        translated[kind] = tuple(by_id[e.id] for e in entries)
    header = _Header(data.title, data.disclaimer)
    header = _translate(header, sections.get("knowledge_base") or {}, lang, marker, _Reporter(file, problems, {}))
    result = replace(
        data,
        title=header.title,
        disclaimer=header.disclaimer,
        treatments=translated["treatments"],
        guides=translated["guides"],
        glossary=translated["glossary"],
    )
    return result, problems


@model
class _Header:
    """The file's title and disclaimer, translated like an entry's fields."""

    title: str
    disclaimer: str
    id: str = "knowledge-base"
    aliases: tuple[str, ...] = ()


@dataclasses.dataclass
class _Reporter:
    file: Path
    problems: list[Problem]
    where: dict[Any, tuple[int, int]]
    eid: str = "knowledge-base"

    def __call__(self, path: str | None, message: str, severity: str = "error") -> None:
        line, column = self.where.get(path) or self.where.get(None) or (None, None)
        self.problems.append(Problem(str(self.file), message, line, column, self.eid, severity))


def _translate(entry: Any, fields: dict[Any, Any], lang: str, marker: str, problem: Any) -> Any:
    """One entry with its translated fields, falling back to marked English where a field is stale or wrong."""
    english_title = getattr(entry, "title", None)
    for path, value in fields.items():
        if path == "aliases":
            extra = tuple(str(a) for a in value or () if str(a).strip())
            entry = replace(entry, aliases=(*entry.aliases, *extra))
            continue
        english = _get(entry, str(path))
        if english is None:
            problem(path, f"{entry.id} has no text field {path!r} to translate")
            continue
        text = value.get("text") if isinstance(value, dict) else None
        if not isinstance(text, str) or not text.strip():
            problem(path, f"{path}: a translation needs 'text' and 'source_hash'")
            continue
        if str(value.get("source_hash")) != source_hash(english):
            problem(path, f"{path}: stale translation; the English has changed since", "warning")
            entry = _set(entry, path, marker + english)
            continue
        missing, added = differences(english, text, lang)
        if missing or added:
            problem(path, f"{path}: figures differ from the English (missing {sorted(missing)}, added {sorted(added)})")
            entry = _set(entry, path, marker + english)
            continue
        entry = _set(entry, path, text.rstrip("\n") + ("\n" if english.endswith("\n") else ""))
    if english_title is not None and entry.title != english_title and entry.aliases is not None:
        entry = replace(entry, aliases=(*entry.aliases, english_title))  # English names still resolve
    return entry
