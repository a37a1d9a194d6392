"""Checks that span entries: unique ids and aliases, links that resolve, well-formed sources.

Each check returns problems; nothing here raises, prints or exits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from mesocli.core.citations import ID_PATTERN, at, check_references, check_studies
from mesocli.core.errors import Problem
from mesocli.core.loader import Marks
from mesocli.core.models import (
    CITATION,
    SCHEMA_VERSION,
    Guide,
    KnowledgeBaseData,
    Term,
    Treatment,
    entry_texts,
)
from mesocli.core.names import normalise
from mesocli.core.studies import Study

#: An entry not reviewed for this long gets a warning.
STALE_AFTER = dt.timedelta(days=365)

#: Numbers in these phrases are names, not claims that need a source: stages and phases, gene and
#: protein names (PD-L1, CTLA-4, BAP1, p16, B12), ordinals ("9th edition", "2nd-line"), numbered steps,
#: TNM labels, and trial names written with capitals (CheckMate 743, KEYNOTE-483, MARS 2, IND.227).
_NOT_CLAIMS = re.compile(
    r"(?i:\bstage\s*(?:[1-4]|i{1,3}v?|iv)[abc]?\b|\bphases?\s*[1-4](?:\s*(?:/|and|or)\s*[1-4])*\b"
    r"|\bstep\s*\d+\b|\b\d+(?:st|nd|rd|th)\b|\b[a-z]+-\d+\b|\bb12\b|\bp16\w*|\bcdkn2a\b|\bbap1\b"
    r"|\b[tnm][0-4x][abc]?\b|^\s*\d+[.)]\s)"
    r"|\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*[ .-]?\d+(?:/\d+)?\b",
    re.MULTILINE,
)
_DIGIT = re.compile(r"\d")
_PARAGRAPHS = re.compile(r"\n\s*\n|\n(?=\s*- )")

Entry = Treatment | Guide | Term
Named = Entry | Study


def check_all(data: KnowledgeBaseData, marks: Marks, today: dt.date | None = None) -> list[Problem]:
    """Every cross-entry problem in ``data``, errors and warnings, in file order."""
    today = today or dt.date.today()
    return [p for p, since in dated_problems(data, marks) if since is None or today >= since]


def dated_problems(data: KnowledgeBaseData, marks: Marks) -> list[tuple[Problem, dt.date | None]]:
    """Every cross-entry problem with the first day it applies (None: every day), in file order.

    Only review dates depend on the day; the store keeps this list, so that a stored knowledge base
    reports a stale review from the day it becomes stale.
    """
    problems: list[Problem] = []
    dated: list[tuple[Problem, dt.date | None]] = []
    if data.schema_version != SCHEMA_VERSION:
        hint = " (convert it with: mesocli migrate OLD NEW)" if data.schema_version < SCHEMA_VERSION else ""
        message = f"schema_version {data.schema_version} is not supported (this mesocli reads {SCHEMA_VERSION}){hint}"
        problems.append(at(marks, data, "schema_version", message))
    entries: list[Entry] = [*data.treatments, *data.guides, *data.glossary]
    linkable = {e.id for e in entries}
    for collection in (data.treatments, data.guides, data.glossary, data.studies):
        problems += _unique_names(collection, marks)
    problems += check_references(data, marks)
    problems += check_studies(data, marks)
    for entry in entries:
        problems += _id_format(entry, marks)
        problems += _related(entry, linkable, marks)
        problems += [
            at(
                marks,
                entry,
                path.split("[")[0].split(".")[0],
                f"{path} states a number but cites no source: {text[:60]!r}",
                severity="warning",
            )
            for path, text in unsourced_numbers(entry)
        ]
        dated += [(p, None) for p in problems]
        problems = []
        if not isinstance(entry, Term) and entry.last_reviewed < dt.date.max - STALE_AFTER:
            stale = at(
                marks,
                entry,
                "last_reviewed",
                f"last reviewed {entry.last_reviewed}, over 12 months ago",
                severity="warning",
            )
            dated.append((stale, entry.last_reviewed + STALE_AFTER + dt.timedelta(days=1)))
    dated += [(p, None) for p in problems]
    dated.sort(key=lambda pair: (pair[0].line or 0, pair[0].column or 0))
    return dated


def _names(entry: Named) -> Iterator[tuple[str | None, int | None, str]]:
    yield "id", None, entry.id
    yield (
        ("name" if isinstance(entry, (Treatment, Study)) else "title" if isinstance(entry, Guide) else "term"),
        None,
        (entry.title),
    )
    for i, alias in enumerate(entry.aliases):
        yield "aliases", i, alias


def _unique_names(collection: Iterable[Named], marks: Marks) -> list[Problem]:
    problems: list[Problem] = []
    owners: dict[str, Named] = {}
    ids: dict[str, Named] = {}
    for entry in collection:
        if entry.id in ids:
            problems.append(at(marks, entry, "id", f"duplicate id {entry.id!r}"))
        ids[entry.id] = entry
        for name, index, value in _names(entry):
            key = normalise(value)
            owner = owners.get(key)
            if owner is not None and owner is not entry:
                problems.append(at(marks, entry, name, f"{value!r} is already a name or alias of {owner.id!r}", index))
            owners.setdefault(key, entry)
    return problems


def _id_format(entry: Entry, marks: Marks) -> list[Problem]:
    if ID_PATTERN.match(entry.id):
        return []
    return [at(marks, entry, "id", f"id {entry.id!r} must be kebab-case (a-z, 0-9 and single hyphens)")]


def _related(entry: Entry, linkable: set[str], marks: Marks) -> list[Problem]:
    return [
        at(marks, entry, "related", f"related id {rid!r} does not exist", i)
        for i, rid in enumerate(entry.related)
        if rid not in linkable
    ]


def unsourced_numbers(entry: Entry) -> list[tuple[str, str]]:
    """Paragraphs and list items of an entry that state a number but cite no source: (field path, text)."""
    found = []
    for path, text in entry_texts(entry):
        if path.startswith(("approvals[", "guidelines[")):
            continue  # sourced by the approval's or the guideline row's own reference
        for paragraph in _PARAGRAPHS.split(text):
            # Cheap tests first: most paragraphs cite a source or state no digit, and need no substitution.
            if CITATION.search(paragraph) or not _DIGIT.search(paragraph):
                continue
            if _DIGIT.search(_NOT_CLAIMS.sub("", paragraph)):
                found.append((path, " ".join(paragraph.split())))
    return found
