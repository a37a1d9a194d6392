"""Plain data (dicts, lists, strings) from the models, and JSON or YAML text from that data.

The shapes are the output contract of ``--format json|yaml``; ``docs/output.md`` documents them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from mesocli.core.model import fields, is_model
from mesocli.core.models import Treatment, TreatmentRow

if TYPE_CHECKING:
    from mesocli.query.search import SearchHit


def to_data(obj: Any) -> Any:
    """A model as JSON-ready data with the file's field names (dates as ISO strings)."""
    convert = _CONVERTERS.get(type(obj))
    if convert is None:
        convert = _CONVERTERS[type(obj)] = _converter(type(obj))
    return convert(obj)


def _same(obj: Any) -> Any:
    return obj


def _items(obj: Any) -> list[Any]:
    return list(map(to_data, obj))


def _iso(obj: dt.date) -> str:
    return obj.isoformat()


def _converter(kind: type) -> Callable[[Any], Any]:
    """How ``to_data`` turns a value of type ``kind`` into plain data, worked out once per type."""
    if is_model(kind) and not issubclass(kind, type):
        names = tuple(f.name for f in fields(kind))
        values = attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))
        return lambda obj: dict(zip(names, map(to_data, values(obj)), strict=True))
    if issubclass(kind, (tuple, list)):
        return _items
    if issubclass(kind, dt.date):
        return _iso
    if issubclass(kind, str):  # a Message: its English text, as plain data
        return str
    return _same


_CONVERTERS: dict[type, Callable[[Any], Any]] = {str: _same, int: _same, float: _same, bool: _same, type(None): _same}


def treatment_row(t: Treatment | TreatmentRow) -> dict[str, Any]:
    """What ``list`` gives for one treatment."""
    return {
        "id": t.id,
        "name": t.name,
        "category": t.category,
        "goals": list(t.goals),
        "evidence_level": t.evidence_level,
        "mesothelioma_types": list(t.mesothelioma_types),
        "summary": t.summary,
    }


def hit_row(hit: SearchHit) -> dict[str, Any]:
    """What ``search`` gives for one hit."""
    return {
        "id": hit.id,
        "kind": hit.kind,
        "name": hit.name,
        "score": hit.score,
        "matches": [
            {"field": m.field, "snippet": m.snippet, "highlights": [list(h) for h in m.highlights]} for m in hit.matches
        ],
    }


def rows(items: Iterable[Any]) -> list[Any]:
    return [to_data(item) for item in items]


def dump(data: Any, fmt: str) -> str:
    """``data`` as JSON or YAML text ending in a newline."""
    if fmt == "json":
        import json

        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import yaml

    from mesocli.core.errors import Message

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # the loader is a value
        """The safe dumper, writing a Message as its English text."""

    Dumper.add_representer(Message, lambda dumper, message: dumper.represent_str(str(message)))
    text: str = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


__all__: Sequence[str] = ("dump", "hit_row", "rows", "to_data", "treatment_row")
