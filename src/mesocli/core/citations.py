"""Checks of what cites what: references defined once and all cited, studies whose arms and sources resolve."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mesocli.core.errors import Problem
from mesocli.core.loader import Marks
from mesocli.core.models import CITATION, Guide, KnowledgeBaseData, Reference, Term, Treatment, entry_texts

#: The patterns are JSON Schema's too (docs/schema.json); the checks use fullmatch, since "$" would let
#: a trailing newline through.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PMID_PATTERN = re.compile(r"^[1-9][0-9]{0,8}$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


def at(
    marks: Marks,
    entry: object,
    name: str | None,
    message: str,
    index: int | None = None,
    entry_id: str | None = None,
    severity: str = "error",
) -> Problem:
    """A problem placed where ``entry`` (or its field ``name``) was written."""
    line, column = marks.at(entry, name, index) or marks.at(entry) or (None, None)
    eid = entry_id if entry_id is not None else getattr(entry, "id", None)
    return Problem(marks.file, message, line, column, eid, severity)


def citations(data: KnowledgeBaseData) -> Iterator[tuple[object, str, str]]:
    """(citing object, field path, reference id) for every citation the file makes, in file order."""
    entries: list[Treatment | Guide | Term] = [*data.treatments, *data.guides, *data.glossary]
    for entry in entries:
        for path, text in entry_texts(entry):
            for match in CITATION.finditer(text):
                yield entry, path, match.group(1)
        if isinstance(entry, Treatment):
            for i, approval in enumerate(entry.approvals):
                yield entry, f"approvals[{i}].reference", approval.reference
            for i, row in enumerate(entry.guidelines):
                yield entry, f"guidelines[{i}].reference", row.reference
    for study in data.studies:
        yield study, "reference", study.reference
        for i, update in enumerate(study.updates):
            yield study, f"updates[{i}].reference", update.reference


def check_references(data: KnowledgeBaseData, marks: Marks) -> list[Problem]:
    """References: unique ids, well-formed identifiers, every citation resolves, every reference cited."""
    problems: list[Problem] = []
    known: dict[str, Reference] = {}
    for ref in data.references:
        if ref.id in known:
            problems.append(at(marks, ref, "id", f"duplicate reference id {ref.id!r}"))
        known[ref.id] = ref
        problems += _reference_format(ref, marks)
    used: set[str] = set()
    for owner, path, rid in citations(data):
        used.add(rid)
        if rid not in known and rid not in marks.ids:  # a reference that failed to build has its own error
            field = path.split("[")[0].split(".")[0]
            problems.append(at(marks, owner, field, f"{path} cites unknown reference {rid!r}"))
    unused = [r for r in data.references if r.id not in used and r.id not in marks.unbuilt_words]
    problems += [at(marks, r, "id", f"reference {r.id!r} is never cited") for r in unused]
    return problems


def _reference_format(ref: Reference, marks: Marks) -> list[Problem]:
    problems = []
    if not ID_PATTERN.fullmatch(ref.id):
        problems.append(at(marks, ref, "id", f"reference id {ref.id!r} must be kebab-case"))
    if ref.pmid is not None and not PMID_PATTERN.fullmatch(ref.pmid):
        problems.append(at(marks, ref, "pmid", f"malformed PMID {ref.pmid!r}"))
    if ref.doi is not None and not DOI_PATTERN.fullmatch(ref.doi):
        problems.append(at(marks, ref, "doi", f"malformed DOI {ref.doi!r} (expected 10.NNNN/...)"))
    if ref.url is not None and not ref.url.startswith("https://"):
        problems.append(at(marks, ref, "url", f"URL {ref.url!r} must start with https://"))
    if ref.pmid is None and ref.doi is None and ref.url is None:
        problems.append(at(marks, ref, None, f"reference {ref.id!r} needs a pmid, doi or url"))
    return problems


def check_studies(data: KnowledgeBaseData, marks: Marks) -> list[Problem]:
    """Studies: kebab-case ids, arms that name real options, sources given by field rather than in text."""
    options = {t.id for t in data.treatments} | marks.ids  # an option that failed to build still exists
    problems: list[Problem] = []
    for study in data.studies:
        if not ID_PATTERN.fullmatch(study.id):
            problems.append(at(marks, study, "id", f"study id {study.id!r} must be kebab-case"))
        for arm in study.arms:
            problems += [
                at(marks, arm, "options", f"arm {arm.name!r} names unknown option {oid!r}", i, study.id)
                for i, oid in enumerate(arm.options)
                if oid not in options
            ]
        texts = [study.finding, study.population.description, *(u.note or "" for u in study.updates)]
        if any(CITATION.search(text) for text in texts):
            problems.append(
                at(marks, study, "finding", "a study cites through its reference fields, not [@id] markers in text")
            )
        if study.comparison and study.comparison.os_ci and len(study.comparison.os_ci) != 2:
            problems.append(at(marks, study.comparison, "os_ci", "os_ci must be [low, high]", entry_id=study.id))
    return problems
