"""Translations as overlays: ``treatments.LANG.yaml`` beside the knowledge base, keyed by entry id and field path.

Sections are ``treatments``, ``guides``, ``glossary`` and ``studies``; a path names any text field, nested ones
too (``guidelines[1].says``, ``population.description``, ``updates[0].arms[1].name``).

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
from typing import Any, ClassVar

from mesocli.core.applies import candidate_passages
from mesocli.core.errors import Problem
from mesocli.core.expansion import expansion_problem
from mesocli.core.figures import differences, order_differences
from mesocli.core.model import model, replace
from mesocli.core.models import KnowledgeBaseData

_STEP = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?$")
#: Prefix of a field shown in English because its translation is missing its source or out of date.
STALE_MARKER = {"tr": "[İngilizce] ", "es": "[En inglés] "}


def source_hash(text: str) -> str:
    """The hash a translation records of the English text it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _steps(path: str) -> list[tuple[str, int | None]] | None:
    """``updates[0].arms[1].name`` as [("updates", 0), ("arms", 1), ("name", None)]; None if not a field path."""
    steps = []
    for part in path.split("."):
        m = _STEP.match(part)
        if not m:
            return None
        steps.append((m.group(1), int(m.group(2)) if m.group(2) is not None else None))
    return steps


def _get(entry: Any, path: str) -> str | None:
    """The text at a field path (``finding``, ``benefits[2]``, ``population.description``), or None."""
    value = entry
    for name, index in _steps(path) or [("", None)]:
        value = getattr(value, name, None) if name and not isinstance(value, str | tuple) else None
        if index is not None:
            items = value if isinstance(value, tuple) else ()
            value = items[index] if index < len(items) else None
    return value if isinstance(value, str) else None


def _set(entry: Any, path: str, text: str) -> Any:
    """``entry`` with the text at ``path`` replaced (the path is one ``_get`` accepted)."""
    (name, index), *rest = _steps(path) or []
    inner = getattr(entry, name)
    if index is None:
        return replace(entry, **{name: _set(inner, ".".join(_join(rest)), text) if rest else text})
    items = list(inner)
    items[index] = _set(items[index], ".".join(_join(rest)), text) if rest else text
    return replace(entry, **{name: tuple(items)})


def _join(steps: list[tuple[str, int | None]]) -> list[str]:
    return [name if index is None else f"{name}[{index}]" for name, index in steps]


SECTIONS = ("treatments", "guides", "glossary", "studies")


class Marks(dict[tuple[str, str, str | None], tuple[int, int]]):
    """Where each entry id and field path was written, by section: (line, column). Under the path with ``#``
    added, where the field's text starts and ends in ``source``, the file's text (to place a figure in it)."""

    source = ""


def _marks(root: Any, source: str) -> Marks:
    """Where each entry id and field path was written in the overlay file, by section."""
    found = Marks()
    found.source = source
    for section_key, section in getattr(root, "value", ()):
        kind = str(getattr(section_key, "value", ""))
        for key, value in getattr(section, "value", ()) if kind in SECTIONS else ():
            found[(kind, key.value, None)] = (key.start_mark.line + 1, key.start_mark.column + 1)
            for field_key, field in getattr(value, "value", ()):
                found[(kind, key.value, field_key.value)] = (
                    field_key.start_mark.line + 1,
                    field_key.start_mark.column + 1,
                )
                for name, node in field.value if getattr(field, "id", "") == "mapping" else ():
                    if getattr(name, "value", None) == "text":
                        found[(kind, key.value, f"{field_key.value}#")] = (node.start_mark.index, node.end_mark.index)
    return found


def read(file: Path) -> tuple[dict[str, Any], dict[tuple[str, str, str | None], tuple[int, int]], list[Problem]]:
    """The overlay's sections (treatments, guides, glossary, studies), where each field was written, and problems."""
    import yaml

    loader = _text_loader()
    try:
        text = file.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=loader)
        too_large = expansion_problem(root, text, str(file))
        if too_large is not None:
            return {}, {}, [too_large]
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
            [
                Problem(
                    str(file),
                    "a translation file maps section ids (treatments, guides, glossary, studies) to fields",
                    1,
                    1,
                )
            ],
        )
    unknown = sorted(set(doc) - {"lang", "knowledge_base", *SECTIONS})
    problems = [Problem(str(file), f"unknown key {k!r} in a translation file", 1, 1) for k in unknown]
    sections = {k: doc.get(k) or {} for k in SECTIONS}
    sections["knowledge_base"] = doc.get("knowledge_base") or {}
    return sections, _marks(root, text), problems


def _text_loader() -> Any:
    """A safe loader that reads every scalar as the text written (an overlay holds text only): ``017`` stays
    "017", never the octal 15, and ``no`` stays "no"."""
    import yaml

    class TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # a PyYAML class
        yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}

    return TextLoader


def apply(data: KnowledgeBaseData, file: Path, lang: str) -> tuple[KnowledgeBaseData, list[Problem]]:
    """``data`` with every up-to-date translated field of ``file`` in place, and the problems found."""
    sections, marks, problems = read(file)
    marker = STALE_MARKER.get(lang, "[English] ")
    translated: dict[str, tuple[Any, ...]] = {}
    collections = (
        ("treatments", data.treatments),
        ("guides", data.guides),
        ("glossary", data.glossary),
        ("studies", data.studies),
    )
    for kind, entries in collections:
        by_id: dict[str, Any] = {e.id: e for e in entries}
        for eid, fields in sections.get(kind, {}).items():
            where = {k[2]: v for k, v in marks.items() if k[:2] == (kind, eid)}
            problem = _Reporter(file, problems, where, str(eid), getattr(marks, "source", ""))

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
        studies=translated["studies"],
    )
    return _relinked(result), problems


def _relinked(data: KnowledgeBaseData) -> KnowledgeBaseData:
    """``data`` whose options carry the translated studies (linking filled them with the English ones)."""
    studies = {s.id: s for s in data.studies}
    options = tuple(replace(t, studies=tuple(studies.get(s.id, s) for s in t.studies)) for t in data.treatments)
    return replace(data, treatments=options)


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

    source: str = ""

    def __call__(self, path: str | None, message: str, severity: str = "error") -> None:
        line, column = self.where.get(path) or self.where.get(None) or (None, None)
        self.problems.append(Problem(str(self.file), message, line, column, self.eid, severity))

    def at_figure(self, path: str, written: str, before: str, message: str) -> None:
        """An error placed at a figure of a field: the first ``written`` after ``before`` (the text before it)."""
        start, end = self.where.get(f"{path}#") or (-1, -1)
        raw = self.source[start:end] if start >= 0 else ""
        index = _nth(raw, written, before.count(written))
        if index < 0:
            self(path, message)
            return
        absolute = start + index
        line = self.source.count("\n", 0, absolute) + 1
        column = absolute - (self.source.rfind("\n", 0, absolute) + 1) + 1
        self.problems.append(Problem(str(self.file), message, line, column, self.eid))


def _nth(text: str, needle: str, count: int) -> int:
    """Where the (count+1)-th ``needle`` starts in ``text``, or -1."""
    index = -1
    for _ in range(count + 1):
        index = text.find(needle, index + 1)
        if index < 0:
            return -1
    return index


def _passage_counts(text: str, english: str) -> str | None:
    """How the paragraphs and bullets of a translated candidates text differ in number from the English."""
    ours, theirs = len(candidate_passages(text)), len(candidate_passages(english))
    return None if ours == theirs else f"{ours} paragraphs and bullets, the English {theirs}"


def _translate(entry: Any, fields: dict[Any, Any], lang: str, marker: str, problem: Any) -> Any:
    """One entry with its translated fields, falling back to marked English where a field is stale or wrong."""
    english_title = getattr(entry, "title", None)
    for path, value in fields.items():
        if path == "aliases":
            from mesocli.core.escape import CONTROL

            names = [str(a) for a in value or () if str(a).strip()] if isinstance(value, list) else []
            bad = [a for a in names if CONTROL.search(a)]
            if bad or not isinstance(value, list | None):
                problem(path, "aliases must be a list of names without control or bidi characters")
                continue
            extra = tuple(names)
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
        if path == "candidates" and (counts := _passage_counts(text, english)):
            problem(path, f"candidates: the translation has {counts}; situation points count them")
            entry = _set(entry, path, marker + english)
            continue
        wrong = order_differences(english, text, lang)
        for written, offset, message in wrong:
            problem.at_figure(str(path), written, text[:offset], f"{path}: {message}")
        if wrong:
            entry = _set(entry, path, marker + english)
            continue
        entry = _set(entry, path, text.rstrip("\n") + ("\n" if english.endswith("\n") else ""))
    if english_title is not None and entry.title != english_title and entry.aliases is not None:
        entry = replace(entry, aliases=(*entry.aliases, english_title))  # English names still resolve
    return entry
