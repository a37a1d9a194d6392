"""Checks that span entries: unique ids and aliases, links that resolve, well-formed sources.

Each check returns problems; nothing here raises, prints or exits.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from mesocli.core.errors import Problem
from mesocli.core.loader import Marks
from mesocli.core.models import (
    CITATION,
    SCHEMA_VERSION,
    Guide,
    KnowledgeBaseData,
    Reference,
    Term,
    Treatment,
    entry_texts,
)
from mesocli.core.names import normalise

#: The patterns are JSON Schema's too (docs/schema.json); the checks use fullmatch, since "$" would let
#: a trailing newline through.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PMID_PATTERN = re.compile(r"^[1-9][0-9]{0,8}$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
#: An entry not reviewed for this long gets a warning.
STALE_AFTER = dt.timedelta(days=365)
#: Median overall survival is at least 0 and below this many months (50 years); anything else is a typo.
MAX_SURVIVAL_MONTHS = 600
FIRST_YEAR = 1900
#: Unicode categories refused in ids and names: invisible format characters (zero-width space, RLM)
#: and the line and paragraph separators, which make two names look the same or break a line.
_INVISIBLE = frozenset({"Cf", "Zl", "Zp"})
#: Problems listed after the rest, in this order: a missing key (located at the start of its mapping, it
#: would otherwise come before everything inside it), then dangling references (often the consequence of
#: a duplicated or broken entry).
_LATER = (("missing required key ",), ("related id ", " cites unknown reference "))

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

Entry = Treatment | Guide | Term


def check_all(data: KnowledgeBaseData, marks: Marks, today: dt.date | None = None) -> list[Problem]:
    """Every cross-entry problem in ``data``, errors and warnings, in file order."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    if data.schema_version != SCHEMA_VERSION:
        problems.append(
            _at(
                marks,
                data,
                "schema_version",
                f"schema_version {data.schema_version} is not supported (this mesocli reads {SCHEMA_VERSION})",
            )
        )
    if not data.treatments and marks.at(data, "treatments") is not None:
        problems.append(_at(marks, data, "treatments", "the knowledge base has no treatments; add at least one"))
    if data.last_reviewed > today:
        problems.append(_future(marks, data, data.last_reviewed))
    entries: list[Entry] = [*data.treatments, *data.guides, *data.glossary]
    linkable = {e.id for e in entries} | marks.ids  # ids of entries that failed to build are not dangling
    for collection in (data.treatments, data.guides, data.glossary):
        problems += _unique_names(collection, marks)
    for entry in entries:
        problems += _id_format(entry, marks)
        problems += _invisible(entry, marks)
        problems += _figures(entry, marks, today)
        problems += _related(entry, linkable, marks)
        problems += _references(entry, marks)
        problems += [
            _at(
                marks,
                entry,
                path.split("[")[0].split(".")[0],
                f"{path} states a number but cites no source: {text[:60]!r}",
                severity="warning",
            )
            for path, text in unsourced_numbers(entry)
        ]
        if not isinstance(entry, Term) and today - entry.last_reviewed > STALE_AFTER:
            problems.append(
                _at(
                    marks,
                    entry,
                    "last_reviewed",
                    f"last reviewed {entry.last_reviewed}, over 12 months ago",
                    severity="warning",
                )
            )
        if not isinstance(entry, Term) and entry.last_reviewed > today:
            problems.append(_future(marks, entry, entry.last_reviewed))
    return in_order(problems)


def in_order(problems: Sequence[Problem]) -> list[Problem]:
    """Problems by line and column, root causes first: a dangling reference comes after, say, a duplicate id."""

    def key(problem: Problem) -> tuple[int, int, int]:
        tier = next((i for i, marks in enumerate(_LATER, 1) if any(m in problem.message for m in marks)), 0)
        return tier, problem.line or 0, problem.column or 0

    return sorted(problems, key=key)


def _future(marks: Marks, obj: object, day: dt.date) -> Problem:
    return _at(marks, obj, "last_reviewed", f"last reviewed {day}, which is in the future", severity="warning")


def _invisible(entry: Entry, marks: Marks) -> list[Problem]:
    problems = []
    for name, index, value in _names(entry):
        hidden = [c for c in value if unicodedata.category(c) in _INVISIBLE]
        if hidden:
            code = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(hidden))
            problems.append(
                _at(marks, entry, name, f"{name} {value!r} contains an invisible character ({code})", index)
            )
    return problems


def _figures(entry: Entry, marks: Marks, today: dt.date) -> list[Problem]:
    """Study years, hazard ratios and survival figures that cannot be right."""
    if not isinstance(entry, Treatment):
        return []
    problems = []
    for study in entry.evidence:
        if not FIRST_YEAR <= study.year <= today.year + 1:
            message = f"year {study.year} of {study.name!r} is not between {FIRST_YEAR} and {today.year + 1}"
            problems.append(_at(marks, study, "year", message, entry_id=entry.id))
        if study.hazard_ratio is not None and study.hazard_ratio <= 0:
            message = f"hazard ratio {study.hazard_ratio:g} of {study.name!r} must be above 0"
            problems.append(_at(marks, study, "hazard_ratio", message, entry_id=entry.id))
        for arm in study.arms:
            if not 0 <= arm.median_os_months < MAX_SURVIVAL_MONTHS:
                message = (
                    f"median_os_months {arm.median_os_months:g} of {arm.name!r} must be at least 0 "
                    f"and below {MAX_SURVIVAL_MONTHS}"
                )
                problems.append(_at(marks, arm, "median_os_months", message, entry_id=entry.id))
    return problems


def _at(
    marks: Marks,
    entry: object,
    name: str | None,
    message: str,
    index: int | None = None,
    entry_id: str | None = None,
    severity: str = "error",
) -> Problem:
    line, column = marks.at(entry, name, index) or marks.at(entry) or (None, None)
    eid = entry_id if entry_id is not None else getattr(entry, "id", None)
    return Problem(marks.file, message, line, column, eid, severity)


def _names(entry: Entry) -> Iterator[tuple[str | None, int | None, str]]:
    yield "id", None, entry.id
    yield (
        ("name" if isinstance(entry, Treatment) else "title" if isinstance(entry, Guide) else "term"),
        None,
        (entry.title),
    )
    for i, alias in enumerate(entry.aliases):
        yield "aliases", i, alias


def _unique_names(collection: Iterable[Entry], marks: Marks) -> list[Problem]:
    problems: list[Problem] = []
    owners: dict[str, Entry] = {}
    ids: dict[str, Entry] = {}
    for entry in collection:
        if entry.id in ids:
            problems.append(_at(marks, entry, "id", f"duplicate id {entry.id!r}"))
        ids[entry.id] = entry
        for name, index, value in _names(entry):
            key = normalise(value)
            owner = owners.get(key)
            if owner is not None and owner is not entry:
                problems.append(_at(marks, entry, name, f"{value!r} is already a name or alias of {owner.id!r}", index))
            owners.setdefault(key, entry)
    return problems


def _id_format(entry: Entry, marks: Marks) -> list[Problem]:
    if ID_PATTERN.fullmatch(entry.id):
        return []
    return [_at(marks, entry, "id", f"id {entry.id!r} must be kebab-case (a-z, 0-9 and single hyphens)")]


def _related(entry: Entry, linkable: set[str], marks: Marks) -> list[Problem]:
    return [
        _at(marks, entry, "related", f"related id {rid!r} does not exist", i)
        for i, rid in enumerate(entry.related)
        if rid not in linkable
    ]


def _cited_ids(entry: Entry) -> Iterator[tuple[str, str]]:
    """(field path, reference id) for every citation an entry makes."""
    for path, text in entry_texts(entry):
        for match in CITATION.finditer(text):
            yield path, match.group(1)
    if isinstance(entry, Treatment):
        for i, study in enumerate(entry.evidence):
            yield f"evidence[{i}].reference", study.reference
        for i, approval in enumerate(entry.approvals):
            yield f"approvals[{i}].reference", approval.reference


def _references(entry: Entry, marks: Marks) -> list[Problem]:
    problems: list[Problem] = []
    known: dict[str, Reference] = {}
    for ref in entry.references:
        if ref.id in known:
            problems.append(_at(marks, ref, "id", f"duplicate reference id {ref.id!r}", entry_id=entry.id))
        known[ref.id] = ref
        problems += _reference_format(entry, ref, marks)
    used: set[str] = set()
    for path, rid in _cited_ids(entry):
        used.add(rid)
        if rid not in known:
            field = path.split("[")[0].split(".")[0]
            problems.append(_at(marks, entry, field, f"{path} cites unknown reference {rid!r}"))
    for ref in entry.references:
        if ref.id not in used:
            problems.append(_at(marks, ref, "id", f"reference {ref.id!r} is never cited", entry_id=entry.id))
    return problems


def _reference_format(entry: Entry, ref: Reference, marks: Marks) -> list[Problem]:
    problems = []
    if ref.pmid is not None and not PMID_PATTERN.fullmatch(ref.pmid):
        problems.append(_at(marks, ref, "pmid", f"malformed PMID {ref.pmid!r}", entry_id=entry.id))
    if ref.doi is not None and not DOI_PATTERN.fullmatch(ref.doi):
        problems.append(_at(marks, ref, "doi", f"malformed DOI {ref.doi!r} (expected 10.NNNN/...)", entry_id=entry.id))
    if ref.url is not None and not ref.url.startswith("https://"):
        problems.append(_at(marks, ref, "url", f"URL {ref.url!r} must start with https://", entry_id=entry.id))
    if ref.pmid is None and ref.doi is None and ref.url is None:
        problems.append(_at(marks, ref, None, f"reference {ref.id!r} needs a pmid, doi or url", entry_id=entry.id))
    return problems


def unsourced_numbers(entry: Entry) -> list[tuple[str, str]]:
    """Paragraphs and list items of an entry that state a number but cite no source: (field path, text)."""
    found = []
    for path, text in entry_texts(entry):
        if path.startswith(("evidence[", "approvals[")):
            continue  # sourced by the study's or the approval's own reference
        for paragraph in re.split(r"\n\s*\n|\n(?=\s*- )", text):
            if _DIGIT.search(_NOT_CLAIMS.sub("", paragraph)) and not CITATION.search(paragraph):
                found.append((path, " ".join(paragraph.split())))
    return found
