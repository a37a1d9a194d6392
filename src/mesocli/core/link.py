"""Fill in what entries derive from the file's top-level collections: their references and their studies.

The file writes each study and each reference once; an entry cites them by id. After the checks have
passed, ``link`` gives each treatment the studies with an arm in it, and each entry the references it
cites (in the order of first citation), so that a page or a notebook can show an entry on its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from mesocli.core.citations import citations
from mesocli.core.model import replace
from mesocli.core.models import KnowledgeBaseData, Reference, Treatment
from mesocli.core.studies import Study


def link(data: KnowledgeBaseData) -> KnowledgeBaseData:
    """``data`` with every entry's derived ``references`` (and a treatment's ``studies``) filled in."""
    refs = {r.id: r for r in data.references}
    cited: dict[str, list[str]] = {}
    for owner, _path, rid in citations(data):
        if not isinstance(owner, Study):
            cited.setdefault(getattr(owner, "id", ""), []).append(rid)
    by_option: dict[str, list[Study]] = {}
    for study in data.studies:
        for option in study.options:
            by_option.setdefault(option, []).append(study)

    def sources(entry_id: str, studies: Iterable[Study] = ()) -> tuple[Reference, ...]:
        ids = [*cited.get(entry_id, ()), *(rid for s in studies for rid in s.references())]
        return tuple(refs[rid] for rid in dict.fromkeys(ids) if rid in refs)

    def treatment(t: Treatment) -> Treatment:
        studies = tuple(by_option.get(t.id, ()))
        return replace(t, studies=studies, references=sources(t.id, studies))

    return replace(
        data,
        treatments=tuple(treatment(t) for t in data.treatments),
        guides=tuple(replace(g, references=sources(g.id)) for g in data.guides),
        glossary=tuple(replace(t, references=sources(t.id)) for t in data.glossary),
    )
