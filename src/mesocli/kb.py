"""The knowledge base as a library: load a file, look options up, search them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property

from mesocli.core.display import Displayable
from mesocli.core.errors import KnowledgeBaseError, Problem, name_argument
from mesocli.core.files import check_file, default_file, path_text
from mesocli.core.models import COLLECTIONS, SEARCHED, KnowledgeBaseData
from mesocli.query.filters import Filters
from mesocli.query.frames import Tables
from mesocli.query.resolve import NameIndex
from mesocli.store.database import Damaged
from mesocli.store.read import Stored, discard, open_stored

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, TypeVar

    from mesocli.core.models import Guide, Reference, Term, Treatment, TreatmentRow
    from mesocli.core.studies import Study
    from mesocli.query.search import SearchIndex, SearchResults

    R = TypeVar("R")


class KnowledgeBase(Tables, Filters, Displayable):
    """A loaded, validated knowledge base.

    ``len(kb)`` and iteration cover the treatment options; guide topics and glossary terms
    are in ``kb.guides`` and ``kb.glossary``. ``kb.data`` is the whole file as one model.
    """

    def __init__(self, data: KnowledgeBaseData, path: Path | None = None, warnings: tuple[Problem, ...] = ()) -> None:
        self._file = None if path is None else os.fspath(path)
        self.warnings = warnings
        self.lang = "en"
        # the file's header: schema version, title, version, last review, disclaimer (a plain tuple: no class to make)
        self._header: tuple[int, str, str, dt.date, str]
        self._header = (data.schema_version, data.title, data.version, data.last_reviewed, data.disclaimer)
        self._collections: dict[str, Sequence[Any]] = {k: getattr(data, f) for k, (f, _m) in COLLECTIONS.items()}
        self._stored: Stored | None = None
        self.__dict__["data"] = data  # fills the cached ``data`` property: no need to rebuild what we were given

    @classmethod
    def _from_store(cls, stored: Stored, path: str | Path, lang: str = "en") -> KnowledgeBase:
        """A knowledge base (or its edition in ``lang``) from its database: entries decoded only when read."""
        kb = cls.__new__(cls)
        kb._file = os.fspath(path)
        kb.lang = lang
        kb._stored = stored
        kb.warnings = stored.warnings(dt.date.today())
        schema, title, version, reviewed, disclaimer = stored.header
        kb._header = (schema, title, version, dt.date.fromisoformat(reviewed), disclaimer)
        kb._collections = {kind: stored.entries(kind, kb._fallback) for kind in COLLECTIONS}
        return kb

    def _recovered(self) -> KnowledgeBase:
        """The file parsed afresh, once, when its database turns out damaged in use (it is discarded)."""
        if "_memory" not in self.__dict__:
            assert self.path is not None  # only a stored knowledge base can be damaged
            discard(self.path, self.lang)
            from mesocli.edition import in_memory  # an edition: the English file and its translation

            self.__dict__["_memory"] = in_memory(_parse(self.path), self.lang)
        memory: KnowledgeBase = self.__dict__["_memory"]
        return memory

    def _fallback(self, kind: str) -> Sequence[Any]:
        return self._recovered()._collections[kind]

    def _safely(self, operation: Callable[[KnowledgeBase], R]) -> R:
        """``operation`` on this knowledge base, or on the file parsed afresh if the database is damaged."""
        try:
            return operation(self)
        except Damaged:
            return operation(self._recovered())

    def __len__(self) -> int:
        return len(self.treatments)

    def __iter__(self) -> Iterator[Treatment]:
        return iter(self.treatments)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase {self.title!r} v{self.version}: {len(self)} treatments, "
            f"{len(self.guides)} guides, {len(self.glossary)} terms>"
        )

    @cached_property
    def path(self) -> Path | None:
        """The file it was loaded from (None when made from data in memory); made when asked for."""
        from pathlib import Path  # loading and looking up need no pathlib

        return None if self._file is None else Path(self._file)

    @cached_property
    def data(self) -> KnowledgeBaseData:
        """The whole knowledge base as one model (decodes every entry)."""
        collections: dict[str, Any] = {f: tuple(self._collections[k]) for k, (f, _m) in COLLECTIONS.items()}
        return KnowledgeBaseData(*self._header, **collections)

    @property
    def title(self) -> str:
        return self._header[1]

    @property
    def version(self) -> str:
        return self._header[2]

    @property
    def last_reviewed(self) -> dt.date:
        return self._header[3]

    @property
    def disclaimer(self) -> str:
        return self._header[4]

    @property
    def treatments(self) -> Sequence[Treatment]:
        return self._collections["treatment"]

    @property
    def guides(self) -> Sequence[Guide]:
        return self._collections["guide"]

    @property
    def glossary(self) -> Sequence[Term]:
        return self._collections["term"]

    @property
    def studies(self) -> Sequence[Study]:
        """Every study, once, in file order."""
        return self._collections["study"]

    @property
    def references(self) -> Sequence[Reference]:
        """Every reference, once, in file order."""
        return self._collections["reference"]

    def _names(self, kind: str, label: str) -> NameIndex[Any]:
        keys = self._stored.names(kind) if self._stored is not None else None
        return NameIndex(self._collections[kind], label, keys)

    @cached_property
    def _treatment_names(self) -> NameIndex[Treatment]:
        return self._names("treatment", "treatment")

    @cached_property
    def _guide_names(self) -> NameIndex[Guide]:
        return self._names("guide", "guide topic")

    @cached_property
    def _term_names(self) -> NameIndex[Term]:
        return self._names("term", "glossary term")

    @cached_property
    def _study_names(self) -> NameIndex[Study]:
        return self._names("study", "study")

    @cached_property
    def _index(self) -> SearchIndex:
        from mesocli.query.ranking import relief_positions
        from mesocli.query.search import SearchIndex
        from mesocli.store.views import Chain

        entries = Chain(*(self._collections[kind] for kind in SEARCHED))
        stored = self._stored  # one meta row, kept when the database was built
        relief = stored.positions("relief") if stored else relief_positions(t.category for t in self.treatments)
        vocabulary = self._stored.vocabulary() if self._stored is not None else None
        return SearchIndex(entries, vocabulary, relief, self.lang)

    def get(self, name: str) -> Treatment:
        """The treatment called ``name`` (id, name, alias or unique prefix, any case).

        Raises :class:`mesocli.NotFoundError` (a ``LookupError``) with ``.suggestions``.
        """
        return self._safely(lambda kb: kb._treatment_names.get(name_argument(name)))

    def guide(self, name: str) -> Guide:
        """The guide topic called ``name``; raises :class:`mesocli.NotFoundError`."""
        return self._safely(lambda kb: kb._guide_names.get(name_argument(name)))

    def term(self, name: str) -> Term:
        """The glossary term called ``name``; raises :class:`mesocli.NotFoundError`."""
        return self._safely(lambda kb: kb._term_names.get(name_argument(name)))

    def study(self, name: str) -> Study:
        """The study called ``name`` (id, acronym, alias such as an NCT number, or unique prefix)."""
        return self._safely(lambda kb: kb._study_names.get(name_argument(name)))

    def names(self, kind: str = "treatment") -> list[str]:
        """Ids of one kind of entry ("treatment", "guide", "term" or "study"), in file order."""
        index = {"guide": "_guide_names", "term": "_term_names", "study": "_study_names"}.get(kind, "_treatment_names")
        return self._safely(lambda kb: list(getattr(kb, index).names()))

    def search(self, query: str, limit: int = 10) -> SearchResults:
        """Treatments, guide topics and glossary terms matching ``query``, best first."""
        return self._safely(lambda kb: kb._index.search(query, limit))

    def list_rows(
        self, category: str | None = None, goal: str | None = None, mesothelioma_type: str | None = None
    ) -> list[TreatmentRow]:
        """What ``list`` shows of the treatments that :meth:`filter` would give, without decoding them."""
        return [
            row
            for row in self._safely(_rows)
            if (category is None or row.category == category)
            and (goal is None or goal in row.goals)
            and (mesothelioma_type is None or mesothelioma_type in row.mesothelioma_types)
        ]


def load(path: Path | str | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base: ``path``, else ``$MESOCLI_KB``, else the bundled one.

    The parsed, validated result is kept in a database (see :mod:`mesocli.store`), so later loads of
    an unchanged file skip parsing.

    Raises :class:`mesocli.KnowledgeBaseError` listing every problem if the file is unreadable
    or invalid. Warnings (such as a stale review date) are kept in ``kb.warnings``.
    """
    file = path_text(path) if path is not None else default_file()  # the text of ``Path(path).expanduser()``
    check_file(file)  # before the store looks at it: a FIFO, a device or a symlink loop is refused at once
    stored = open_stored(file)
    if stored is not None:
        return KnowledgeBase._from_store(stored, file)
    from pathlib import Path  # the first run: the build works with paths

    return _parse(Path(file), keep=True)


def _parse(file: Path, keep: bool = False) -> KnowledgeBase:
    """Parse and check ``file``; if ``keep``, store the result unless the file changed meanwhile."""
    import gc  # the first run only: a stored knowledge base needs none of these

    collecting = gc.isenabled()
    gc.disable()  # the build makes millions of objects and no cycles worth collecting: the collector only costs
    try:
        return _parse_and_store(file, keep)
    finally:
        if collecting:
            gc.enable()


def _parse_and_store(file: Path, keep: bool) -> KnowledgeBase:
    import time

    from mesocli.core.checks import in_order
    from mesocli.core.files import check_text, on_day, read_bytes
    from mesocli.core.link import link
    from mesocli.store import location
    from mesocli.store.identity import identity_of, settled, text_digest
    from mesocli.store.write import save

    read_at, before = time.time_ns(), identity_of(file)
    text = read_bytes(file)  # the parser reads the bytes: the file is never held as text as well
    data, problems, dated = check_text(text, str(file))
    digest = text_digest(text) if keep else ""
    del text  # before the search index is built: the largest thing a first run holds
    problems = in_order([*problems, *on_day(dated)])
    errors = [p for p in problems if p.severity == "error"]
    if errors or data is None:
        raise KnowledgeBaseError(errors or problems)
    kb = KnowledgeBase(link(data), file, tuple(problems))
    folder = location.usable() if keep and before is not None else None
    if folder is not None and before is not None:
        from mesocli.query.build import stored_contents

        contents, index = stored_contents(kb.data, dated)
        kb.__dict__["_index"] = index
        if identity_of(file) == before:  # never stored under an identity the file no longer has
            save(folder, file, before, digest, settled(before, read_at), contents)
    return kb


def _rows(kb: KnowledgeBase) -> list[TreatmentRow]:
    from mesocli.query.build import treatment_rows

    return kb._stored.rows("treatment") if kb._stored is not None else treatment_rows(kb.treatments)
