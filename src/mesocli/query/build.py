"""What the store keeps of a knowledge base besides its entries: names, list rows and the search index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mesocli.core.files import DatedProblem
from mesocli.core.models import COLLECTIONS, SEARCHED, KnowledgeBaseData, Treatment, TreatmentRow
from mesocli.core.serialize import treatment_row
from mesocli.query.ranking import relief_positions
from mesocli.query.resolve import name_keys
from mesocli.query.search import SearchIndex
from mesocli.query.vocabulary import MemoryVocabulary
from mesocli.store.views import Chain
from mesocli.store.write import Contents


def stored_contents(
    data: KnowledgeBaseData, dated: list[DatedProblem], lang: str = "en"
) -> tuple[Contents, SearchIndex]:
    """The database contents of ``data`` (its text in ``lang``), and the search index built on the way (for this
    run to use)."""
    collections: dict[str, Any] = {kind: getattr(data, field) for kind, (field, _model) in COLLECTIONS.items()}
    entries = Chain(*(collections[kind] for kind in SEARCHED))
    vocabulary = MemoryVocabulary(entries, keep_columns=True, lang=lang)
    relief = relief_positions(t.category for t in data.treatments)
    contents = Contents(
        header=[data.schema_version, data.title, data.version, data.last_reviewed.isoformat(), data.disclaimer],
        collections=collections,
        names={kind: name_keys(items) for kind, items in collections.items() if kind != "reference"},
        rows={"treatment": [treatment_row(t) for t in data.treatments]},
        warnings=dated,
        postings=vocabulary.table,
        kinds=vocabulary.kinds,
        columns=vocabulary.columns,
        positions={"relief": relief},
    )
    return contents, SearchIndex(entries, vocabulary, relief, lang)


def treatment_rows(treatments: Sequence[Treatment]) -> list[TreatmentRow]:
    """The rows ``list`` shows, made from decoded treatments (when there is no database to read them from)."""
    from mesocli.core.plain import from_data

    return [from_data(TreatmentRow, treatment_row(t)) for t in treatments]
