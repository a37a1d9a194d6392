"""Fill in what entries derive from the file's top-level collections: their references and their studies.

The file writes each study and each reference once; an entry cites them by id. After the checks have
passed, ``link`` gives each treatment the studies with an arm in it, and each entry the references it
cites (in the order of first citation), so that a page or a notebook can show an entry on its own. It also
finds, in the English text, the place of each passage a situation point or the comfort choice names by its
opening words, so that a translated edition shows the same passage.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mesocli.core.applies import ComfortChoice, Passage, SituationPoint, locate
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

    by_id = {t.id: t for t in data.treatments}

    def treatment(t: Treatment) -> Treatment:
        studies = tuple(by_option.get(t.id, ()))
        points = tuple(_placed(p, t) for p in t.situation_points)
        comfort = _comfort(t.comfort_choice, by_id) if t.comfort_choice else None
        return replace(
            t, studies=studies, references=sources(t.id, studies), situation_points=points, comfort_choice=comfort
        )

    return replace(
        data,
        treatments=tuple(treatment(t) for t in data.treatments),
        guides=tuple(replace(g, references=sources(g.id)) for g in data.guides),
        glossary=tuple(replace(t, references=sources(t.id)) for t in data.glossary),
    )


def _placed(point: SituationPoint | Passage, entry: Treatment | None) -> Any:
    """``point`` with the place of its passage in the English ``entry`` (None where it names none)."""
    return replace(point, index=locate(entry, point.at, point.starts)[0] if entry is not None else None)


def _comfort(choice: ComfortChoice, by_id: dict[str, Treatment]) -> ComfortChoice:
    def placed(passages: tuple[Passage, ...]) -> tuple[Passage, ...]:
        return tuple(_placed(p, by_id.get(p.entry)) for p in passages)

    return replace(choice, what=placed(choice.what), benefits=placed(choice.benefits), harms=placed(choice.harms))
