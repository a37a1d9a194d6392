"""The knowledge base as a library: load a file, look options up, search them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from mesocli.core.display import Displayable
from mesocli.core.errors import KnowledgeBaseError, Problem
from mesocli.core.files import default_path, parse_and_check
from mesocli.core.link import link
from mesocli.core.models import Guide, KnowledgeBaseData, Reference, Term, Treatment
from mesocli.core.studies import Study
from mesocli.query.resolve import NameIndex
from mesocli.store import cache

if TYPE_CHECKING:
    from mesocli.core.situation import Situation
    from mesocli.query.search import SearchIndex, SearchResults
    from mesocli.query.situation import SituationResult

_CACHE_FORMAT = 2


class KnowledgeBase(Displayable):
    """A loaded, validated knowledge base.

    ``len(kb)`` and iteration cover the treatment options; guide topics and glossary terms
    are in ``kb.guides`` and ``kb.glossary``. ``kb.data`` is the whole file as one model.
    """

    def __init__(self, data: KnowledgeBaseData, path: Path | None = None, warnings: tuple[Problem, ...] = ()) -> None:
        self.path = path
        self.warnings = warnings
        self._header = _Header(data.schema_version, data.title, data.version, data.last_reviewed, data.disclaimer)
        self._treatments: Sequence[Treatment] = data.treatments
        self._guides: Sequence[Guide] = data.guides
        self._glossary: Sequence[Term] = data.glossary
        self._studies: Sequence[Study] = data.studies
        self._references: Sequence[Reference] = data.references
        self._name_keys: dict[str, tuple[dict[str, int], list[str]]] = {}
        self.__dict__["data"] = data  # fills the cached ``data`` property: no need to rebuild what we were given

    @classmethod
    def _from_cache(cls, packed: dict[str, Any], path: Path) -> KnowledgeBase:
        """A knowledge base whose entries are decoded only when read (see :mod:`mesocli.store`)."""
        from mesocli.store.lazy import LazyEntries

        kb = cls.__new__(cls)
        kb.path = path
        kb.warnings = packed["warnings"]
        kb._header = _Header(*packed["header"])
        kb._treatments = LazyEntries(packed["treatment"])
        kb._guides = LazyEntries(packed["guide"])
        kb._glossary = LazyEntries(packed["term"])
        kb._studies = LazyEntries(packed["study"])
        kb._references = LazyEntries(packed["reference"])
        kb._name_keys = packed["names"]
        return kb

    def _pack(self) -> dict[str, Any]:
        from mesocli.query.resolve import name_keys
        from mesocli.store.lazy import pack

        collections: dict[str, Sequence[Any]] = {
            "treatment": self._treatments,
            "guide": self._guides,
            "term": self._glossary,
            "study": self._studies,
            "reference": self._references,
        }
        return {
            "header": tuple(self._header),
            "warnings": self.warnings,
            **{kind: pack(entries) for kind, entries in collections.items()},
            "names": {k: (name_keys(e), [x.id for x in e]) for k, e in collections.items() if k != "reference"},
        }

    def __len__(self) -> int:
        return len(self._treatments)

    def __iter__(self) -> Iterator[Treatment]:
        return iter(self._treatments)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase {self.title!r} v{self.version}: {len(self)} treatments, "
            f"{len(self._guides)} guides, {len(self._glossary)} terms>"
        )

    @cached_property
    def data(self) -> KnowledgeBaseData:
        """The whole knowledge base as one model (decodes every entry)."""
        h = self._header
        return KnowledgeBaseData(
            h.schema_version,
            h.title,
            h.version,
            h.last_reviewed,
            h.disclaimer,
            tuple(self._treatments),
            tuple(self._guides),
            tuple(self._glossary),
            tuple(self._studies),
            tuple(self._references),
        )

    @property
    def title(self) -> str:
        return self._header.title

    @property
    def version(self) -> str:
        return self._header.version

    @property
    def last_reviewed(self) -> dt.date:
        return self._header.last_reviewed

    @property
    def disclaimer(self) -> str:
        return self._header.disclaimer

    @property
    def treatments(self) -> Sequence[Treatment]:
        return self._treatments

    @property
    def guides(self) -> Sequence[Guide]:
        return self._guides

    @property
    def glossary(self) -> Sequence[Term]:
        return self._glossary

    @property
    def studies(self) -> Sequence[Study]:
        """Every study, once, in file order."""
        return self._studies

    @property
    def references(self) -> Sequence[Reference]:
        """Every reference, once, in file order."""
        return self._references

    def _names(self, kind: str, entries: Sequence[Any], label: str) -> NameIndex[Any]:
        keys, ids = self._name_keys.get(kind, (None, None))
        return NameIndex(entries, label, keys, ids)

    @cached_property
    def _treatment_names(self) -> NameIndex[Treatment]:
        return self._names("treatment", self._treatments, "treatment")

    @cached_property
    def _guide_names(self) -> NameIndex[Guide]:
        return self._names("guide", self._guides, "guide topic")

    @cached_property
    def _term_names(self) -> NameIndex[Term]:
        return self._names("term", self._glossary, "glossary term")

    @cached_property
    def _study_names(self) -> NameIndex[Study]:
        return self._names("study", self._studies, "study")

    @cached_property
    def _index(self) -> SearchIndex:
        from mesocli.query.search import SearchIndex
        from mesocli.store.lazy import Chain

        entries = Chain(self._treatments, self._guides, self._glossary)
        parts = cache.read(self.path, "index") if self.path else None
        if isinstance(parts, tuple) and len(parts) == 3:
            return SearchIndex.from_parts(entries, parts)
        index = SearchIndex(entries)
        if self.path:
            cache.write(self.path, "index", index.parts())
        return index

    def get(self, name: str) -> Treatment:
        """The treatment called ``name`` (id, name, alias or unique prefix, any case).

        Raises :class:`mesocli.NotFoundError` (a ``LookupError``) with ``.suggestions``.
        """
        return self._treatment_names.get(name)

    def guide(self, name: str) -> Guide:
        """The guide topic called ``name``; raises :class:`mesocli.NotFoundError`."""
        return self._guide_names.get(name)

    def term(self, name: str) -> Term:
        """The glossary term called ``name``; raises :class:`mesocli.NotFoundError`."""
        return self._term_names.get(name)

    def study(self, name: str) -> Study:
        """The study called ``name`` (id, acronym, alias such as an NCT number, or unique prefix)."""
        return self._study_names.get(name)

    def names(self, kind: str = "treatment") -> list[str]:
        """Ids of one kind of entry ("treatment", "guide", "term" or "study"), in file order."""
        if kind == "study":
            return self._study_names.names()
        if kind == "guide":
            return self._guide_names.names()
        if kind == "term":
            return self._term_names.names()
        return self._treatment_names.names()

    def search(self, query: str, limit: int = 10) -> SearchResults:
        """Treatments, guide topics and glossary terms matching ``query``, best first."""
        return self._index.search(query, limit)

    def to_dataframe(self) -> Any:
        """One row per treatment option with its main fields, as a pandas DataFrame.

        Needs pandas: ``pip install "mesocli[notebook]"``.
        """
        from mesocli.query.frames import treatments_frame

        return treatments_frame(self._treatments)

    def evidence_dataframe(self) -> Any:
        """One row per trial arm, filed under the option of that arm (median survival, hazard ratio, source).

        The same rows as ``mesocli evidence --json``: each study once, arms as published.
        """
        from mesocli.query.frames import evidence_frame

        return evidence_frame(self._studies)

    def studies_dataframe(self) -> Any:
        """One row per study: who took part (sites, histologies, line, ECOG, disease), options, result."""
        from mesocli.query.frames import studies_frame

        return studies_frame(self._studies)

    def options(self, situation: Situation | None = None, **fields: Any) -> SituationResult:
        """The options and trials that fit a situation: ``site=``, ``histology=``, ``treated=``, ``fitness=``,
        ``region=``, ``goal=`` (unknown fields: could be either); ``.to_dataframe()`` tabulates it."""
        from mesocli.query.situation import assess, situation_of

        person = situation_of(situation, **fields)
        return assess(self._treatments, self._references, self.disclaimer, self.last_reviewed, person)

    def filter(
        self, category: str | None = None, goal: str | None = None, mesothelioma_type: str | None = None
    ) -> list[Treatment]:
        """Treatments in ``category``, serving ``goal`` and for ``mesothelioma_type`` (None: any)."""
        return [
            t
            for t in self._treatments
            if (category is None or t.category == category)
            and (goal is None or goal in t.goals)
            and (mesothelioma_type is None or mesothelioma_type in t.mesothelioma_types)
        ]


class _Header(NamedTuple):
    schema_version: int
    title: str
    version: str
    last_reviewed: dt.date
    disclaimer: str


def validate(path: Path | str | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every problem in a knowledge-base file (errors and warnings); empty when it is clean."""
    file = Path(path) if path is not None else default_path()
    try:
        return parse_and_check(file, today)[1]
    except KnowledgeBaseError as exc:
        return list(exc.problems)


def load(path: Path | str | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base: ``path``, else ``$MESOCLI_KB``, else the bundled one.

    A parsed, validated copy is cached (see :mod:`mesocli.cache`), so later loads of an unchanged
    file skip parsing.

    Raises :class:`mesocli.KnowledgeBaseError` listing every problem if the file is unreadable
    or invalid. Warnings (such as a stale review date) are kept in ``kb.warnings``.
    """
    file = Path(path).expanduser() if path is not None else default_path()
    cached = cache.read(file, "kb")
    if isinstance(cached, dict) and cached.get("format") == _CACHE_FORMAT:
        return KnowledgeBase._from_cache(cached, file)
    data, problems = parse_and_check(file)
    errors = [p for p in problems if p.severity == "error"]
    if errors or data is None:
        raise KnowledgeBaseError(errors or problems)
    kb = KnowledgeBase(link(data), file, tuple(p for p in problems if p.severity != "error"))
    cache.write(file, "kb", {"format": _CACHE_FORMAT, **kb._pack()})
    return kb
