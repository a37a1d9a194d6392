"""Checks that span entries: unique ids and aliases, links that resolve, well-formed sources.

Each check returns problems; nothing here raises, prints or exits.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from mesocli.core.applies_check import check_applies
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
from mesocli.core.studies import Arm, Study

#: An entry not reviewed for this long gets a warning.
STALE_AFTER = dt.timedelta(days=365)
#: Median survival is at least 0 and below this many months (50 years); anything else is a typo.
MAX_SURVIVAL_MONTHS = 600
FIRST_YEAR = 1900
#: Unicode categories refused in ids and names: invisible format characters (zero-width space, RLM)
#: and the line and paragraph separators, which make two names look the same or break a line.
_INVISIBLE = frozenset({"Cf", "Zl", "Zp"})
#: Problems listed after the rest, in this order: a missing key (located at the start of its mapping, it
#: would otherwise come before everything inside it), then dangling references (often the consequence of
#: a duplicated or broken entry).
_LATER = (("missing required key ",), ("related id ", " cites unknown reference ", " names unknown option "))

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
    if not data.treatments and marks.at(data, "treatments") is not None:
        problems.append(at(marks, data, "treatments", "the knowledge base has no treatments; add at least one"))
    entries: list[Entry] = [*data.treatments, *data.guides, *data.glossary]
    linkable = {e.id for e in entries} | marks.ids  # ids of entries that failed to build are not dangling
    for collection in (data.treatments, data.guides, data.glossary, data.studies):
        problems += _unique_names(collection, marks)
    problems += check_references(data, marks)
    problems += check_studies(data, marks)
    problems += check_applies(data.treatments, marks)
    for study in data.studies:
        problems += _invisible(study, marks)
        problems += _figures(study, marks, dt.date.today())
    for entry in entries:
        problems += _id_format(entry, marks)
        problems += _invisible(entry, marks)
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
    order = {id(p): i for i, p in enumerate(in_order([p for p, _since in dated]))}
    return sorted(dated, key=lambda pair: order[id(pair[0])])


def in_order(problems: Sequence[Problem]) -> list[Problem]:
    """Problems by line and column, root causes first: a dangling reference comes after, say, a duplicate id."""

    def key(problem: Problem) -> tuple[int, int, int]:
        tier = next((i for i, marks in enumerate(_LATER, 1) if any(m in problem.message for m in marks)), 0)
        return tier, problem.line or 0, problem.column or 0

    return sorted(problems, key=key)


def reviewed_in_future(data: KnowledgeBaseData | None, marks: Marks, today: dt.date) -> list[Problem]:
    """Warnings for review dates after ``today`` (checked by ``validate`` on the day it runs)."""
    if data is None:
        return []
    dated: list[KnowledgeBaseData | Treatment | Guide] = [data, *data.treatments, *data.guides]
    return [
        at(
            marks,
            obj,
            "last_reviewed",
            f"last reviewed {obj.last_reviewed}, which is in the future",
            severity="warning",
        )
        for obj in dated
        if obj.last_reviewed > today
    ]


def _invisible(entry: Named, marks: Marks) -> list[Problem]:
    problems = []
    for name, index, value in _names(entry):
        hidden = [c for c in value if unicodedata.category(c) in _INVISIBLE]
        if hidden:
            code = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(hidden))
            problems.append(at(marks, entry, name, f"{name} {value!r} contains an invisible character ({code})", index))
    return problems


def _figures(study: Study, marks: Marks, today: dt.date) -> list[Problem]:
    """Study years, hazard ratios and survival figures that cannot be right."""
    problems = []
    if study.year is not None and not FIRST_YEAR <= study.year <= today.year + 1:
        message = f"year {study.year} of {study.name!r} is not between {FIRST_YEAR} and {today.year + 1}"
        problems.append(at(marks, study, "year", message))
    comparisons = [study.comparison, *(u.comparison for u in study.updates)]
    for c in (c for c in comparisons if c is not None):
        for field_name in ("os_hr", "pfs_hr"):
            hr = getattr(c, field_name)
            if hr is not None and hr <= 0:
                message = f"hazard ratio {hr:g} of {study.name!r} must be above 0"
                problems.append(at(marks, c, field_name, message, entry_id=study.id))
    for arm in (*study.arms, *(a for u in study.updates for a in u.arms)):
        for field_name in ("median_os_months", "median_pfs_months"):
            months = getattr(arm, field_name)
            if months is not None and not 0 <= months < MAX_SURVIVAL_MONTHS:
                message = f"{field_name} {months:g} of {arm.name!r} must be at least 0 and below {MAX_SURVIVAL_MONTHS}"
                problems.append(at(marks, arm, field_name, message, entry_id=study.id))
        problems += _percentages(study, arm, marks)
    for c in (c for c in comparisons if c is not None and c.ci_level is not None):
        if not 0 < (c.ci_level or 0) < 100:
            message = f"ci_level {c.ci_level:g} of {study.name!r} must be a percentage above 0 and below 100"
            problems.append(at(marks, c, "ci_level", message, entry_id=study.id))
    return problems


def _percentages(study: Study, arm: Arm, marks: Marks) -> list[Problem]:
    """An arm's shares of people, each between 0 and 100."""
    found: list[tuple[object, str, float | None]] = [
        (arm, name, getattr(arm, name)) for name in ("response_rate_pct", "grade3plus_trae_pct")
    ]
    found += [(survival, "pct", survival.pct) for survival in arm.survival]
    return [
        at(
            marks,
            owner,
            name,
            f"{name} {value:g} of {arm.name!r} must be a percentage from 0 to 100",
            entry_id=study.id,
        )
        for owner, name, value in found
        if value is not None and not 0 <= value <= 100
    ]


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
    if ID_PATTERN.fullmatch(entry.id):
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
