"""The knowledge base as a library: load a file, look options up, search them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .errors import KnowledgeBaseError, Problem
from .models import Guide, KnowledgeBaseData, Term, Treatment
from .resolve import NameIndex

if TYPE_CHECKING:
    from .search import SearchHit, SearchIndex

#: Environment variable naming a knowledge-base file to use instead of the bundled one.
ENV_VAR = "MESOCLI_KB"


def bundled_path() -> Path:
    """The knowledge base shipped with mesocli (inside the wheel, or in a source checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "treatments.yaml"
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / "treatments.yaml"


def default_path() -> Path:
    """``$MESOCLI_KB`` if set, else the bundled knowledge base."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else bundled_path()


class KnowledgeBase:
    """A loaded, validated knowledge base.

    ``len(kb)`` and iteration cover the treatment options; guide topics and glossary terms
    are in ``kb.guides`` and ``kb.glossary``.
    """

    def __init__(self, data: KnowledgeBaseData, path: Path | None = None, warnings: tuple[Problem, ...] = ()) -> None:
        self.data = data
        self.path = path
        self.warnings = warnings

    def __len__(self) -> int:
        return len(self.data.treatments)

    def __iter__(self) -> Iterator[Treatment]:
        return iter(self.data.treatments)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase {self.data.title!r} v{self.data.version}: {len(self)} treatments, "
            f"{len(self.data.guides)} guides, {len(self.data.glossary)} terms>"
        )

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def version(self) -> str:
        return self.data.version

    @property
    def last_reviewed(self) -> dt.date:
        return self.data.last_reviewed

    @property
    def disclaimer(self) -> str:
        return self.data.disclaimer

    @property
    def treatments(self) -> tuple[Treatment, ...]:
        return self.data.treatments

    @property
    def guides(self) -> tuple[Guide, ...]:
        return self.data.guides

    @property
    def glossary(self) -> tuple[Term, ...]:
        return self.data.glossary

    @cached_property
    def _treatment_names(self) -> NameIndex[Treatment]:
        return NameIndex(self.data.treatments, "treatment")

    @cached_property
    def _guide_names(self) -> NameIndex[Guide]:
        return NameIndex(self.data.guides, "guide topic")

    @cached_property
    def _term_names(self) -> NameIndex[Term]:
        return NameIndex(self.data.glossary, "glossary term")

    @cached_property
    def _index(self) -> SearchIndex:
        from .search import SearchIndex

        entries: tuple[Treatment | Guide | Term, ...] = (*self.data.treatments, *self.data.guides, *self.data.glossary)
        parts = cache.read(self.path, "index") if self.path else None
        if isinstance(parts, tuple) and len(parts) == 2:
            return SearchIndex.from_parts(entries, *parts)
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

    def names(self, kind: str = "treatment") -> list[str]:
        """Ids of one kind of entry ("treatment", "guide" or "term"), in file order."""
        if kind == "guide":
            return self._guide_names.names()
        if kind == "term":
            return self._term_names.names()
        return self._treatment_names.names()

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Treatments, guide topics and glossary terms matching ``query``, best first."""
        return self._index.search(query, limit)

    def filter(
        self, category: str | None = None, goal: str | None = None, mesothelioma_type: str | None = None
    ) -> list[Treatment]:
        """Treatments in ``category``, serving ``goal`` and for ``mesothelioma_type`` (None: any)."""
        return [
            t
            for t in self.data.treatments
            if (category is None or t.category == category)
            and (goal is None or goal in t.goals)
            and (mesothelioma_type is None or mesothelioma_type in t.mesothelioma_types)
        ]


def validate(path: Path | str | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every problem in a knowledge-base file (errors and warnings); empty when it is clean."""
    from .checks import check_all
    from .loader import parse, read_text

    file = Path(path) if path is not None else default_path()
    try:
        text = read_text(file)
    except KnowledgeBaseError as exc:
        return list(exc.problems)
    data, marks, problems = parse(text, str(file))
    if data is not None:
        problems = problems + check_all(data, marks, today)
    return problems


def load(path: Path | str | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base: ``path``, else ``$MESOCLI_KB``, else the bundled one.

    A parsed, validated copy is cached (see :mod:`mesocli.cache`), so later loads of an unchanged
    file skip parsing.

    Raises :class:`mesocli.KnowledgeBaseError` listing every problem if the file is unreadable
    or invalid. Warnings (such as a stale review date) are kept in ``kb.warnings``.
    """
    from .checks import check_all
    from .loader import parse, read_text

    file = Path(path).expanduser() if path is not None else default_path()
    cached = cache.read(file, "kb")
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], KnowledgeBaseData):
        return KnowledgeBase(cached[0], file, cached[1])
    data, marks, problems = parse(read_text(file), str(file))
    if data is not None:
        problems = problems + check_all(data, marks)
    errors = [p for p in problems if p.severity == "error"]
    if errors or data is None:
        raise KnowledgeBaseError(errors or problems)
    warnings = tuple(p for p in problems if p.severity != "error")
    cache.write(file, "kb", (data, warnings))
    return KnowledgeBase(data, file, warnings)
