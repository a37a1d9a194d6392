"""The event reader: a file without problems reads into exactly what the node-by-node reader gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import mesocli
from mesocli.core import events, loader
from mesocli.core.files import bundled_path
from mesocli.core.marks import Marks
from mesocli.core.model import fields, is_model
from mesocli.core.models import KnowledgeBaseData


def _by_nodes(text: str) -> tuple[Any, Marks, list[Any]]:
    """The node-by-node reader alone, as the loader reads a file the event reader leaves to it."""
    node_loader = yaml.CSafeLoader(text)
    try:
        builder = loader._Builder("f", node_loader.construct_object)
        data = builder.build(KnowledgeBaseData, node_loader.get_single_node(), "")
        return data, builder.marks, builder.problems
    finally:
        node_loader.dispose()


def _same_marks(a: Any, b: Any, marks_a: Marks, marks_b: Marks) -> None:
    """Every object, field and list item of ``a`` and ``b`` is placed at the same line and column."""
    if is_model(a):
        assert marks_a.at(a) == marks_b.at(b)
        for f in fields(a):
            for index in (None, 0, 1, 3, 10**6):
                assert marks_a.at(a, f.name, index) == marks_b.at(b, f.name, index), (type(a).__name__, f.name)
            _same_marks(getattr(a, f.name), getattr(b, f.name), marks_a, marks_b)
    elif isinstance(a, tuple):
        for x, y in zip(a, b, strict=True):
            _same_marks(x, y, marks_a, marks_b)


def _read(text: str | bytes) -> tuple[KnowledgeBaseData, Marks] | None:
    return events.read_events(yaml.CSafeLoader(text), "f")


def test_bundled_file_reads_the_same_by_events_and_by_nodes() -> None:
    """The bundled file read from parser events equals the node reading: models, lines and columns, entry ids."""
    text = bundled_path().read_text(encoding="utf-8")
    fast = _read(text)
    assert fast is not None
    data, marks, problems = _by_nodes(text)
    assert problems == []
    assert fast[0] == data
    _same_marks(data, fast[0], marks, fast[1])
    assert fast[1].ids == marks.ids


def test_bytes_read_the_same_as_text() -> None:
    """The file's bytes (with a byte-order mark) read into what its decoded text gives, marks included."""
    raw = bundled_path().read_bytes()
    from_bytes, from_text = _read(b"\xef\xbb\xbf" + raw), _read(raw.decode("utf-8"))
    assert from_bytes is not None and from_text is not None
    assert from_bytes[0] == from_text[0]
    _same_marks(from_text[0], from_bytes[0], from_text[1], from_bytes[1])


def test_flow_style_and_quoting_read_the_same(tiny_path: Path) -> None:
    """The same data written in flow style, its strings quoted and wrapped, reads the same both ways."""
    data = yaml.safe_load(tiny_path.read_text(encoding="utf-8"))
    dumper = type("Quoting", (yaml.SafeDumper,), {})
    dumper.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style='"'))
    text = yaml.dump(data, Dumper=dumper, default_flow_style=True, width=60)
    fast = _read(text)
    assert fast is not None
    nodes = _by_nodes(text)
    assert fast[0] == nodes[0]
    _same_marks(nodes[0], fast[0], nodes[1], fast[1])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("name: Chemotherapy", "name: &n Chemotherapy"),  # an anchor
        ("last_reviewed: 2026-11-01", "last_reviewed: !!str 2026-11-01"),  # an explicit tag
        ("category: ", "categori: "),  # an unknown key
        ("name: Chemotherapy", "name: yes"),  # a value of the wrong type
        ("schema_version: 2", "schema_version: 1"),  # schema 1: named as such by the loader
    ],
)
def test_anything_unusual_is_left_to_the_node_reader(tiny_path: Path, old: str, new: str) -> None:
    """An anchor, an explicit tag or any problem makes the event reader hand the file to the node reader."""
    text = tiny_path.read_text(encoding="utf-8")
    assert old in text
    assert _read(text.replace(old, new, 1)) is None


def test_problems_are_still_located_after_the_event_reader_gives_up(write_kb: Any, tiny_path: Path) -> None:
    """A problem deep in a file is reported with its file, line, column and entry id."""
    text = tiny_path.read_text(encoding="utf-8").replace("category: ", "categori: ", 1)
    with pytest.raises(mesocli.KnowledgeBaseError) as info:
        mesocli.load(write_kb(text))
    problem = info.value.problems[0]
    assert "unknown key 'categori'" in problem.message
    assert problem.line == text[: text.index("categori:")].count("\n") + 1
    assert problem.column is not None and problem.entry_id


def test_a_byte_order_mark_is_read_and_stored(write_kb: Any, tiny_path: Path) -> None:
    """A file that starts with a UTF-8 byte-order mark loads, is stored, and loads again from its database."""
    path = write_kb(b"\xef\xbb\xbf" + tiny_path.read_bytes())
    first = mesocli.load(path)
    again = mesocli.load(path)
    assert again._stored is not None
    assert [t.id for t in again] == [t.id for t in first]


@pytest.mark.parametrize("step", [1, 2, 3, 7, 1 << 20])
def test_bad_utf8_is_placed_on_its_line_whatever_the_slices(tmp_path: Path, step: int) -> None:
    """Bad UTF-8, even a character cut between slices, is judged as in the whole file and reported on its own line."""
    from mesocli.core import files

    good = "a: ş\nb: é€\n".encode()
    files._check_utf8(good, "f", step)
    with pytest.raises(mesocli.KnowledgeBaseError) as info:
        files._check_utf8(good + b"c: \xff\n", "f", step)
    assert info.value.problems[0].line == 3


_TINY_LINES = (Path(__file__).parent / "data" / "tiny.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
_VALUES = ["yes", "1", "1.5", "~", "''", "2026-01-31", "'text'", "[a, b]", "{a: 1}", "&x y", "*x", "!!str 3", "012"]


_KINDS = st.sampled_from(["drop", "twice", "value"])
_EDIT = st.tuples(st.integers(0, len(_TINY_LINES) - 1), _KINDS, st.sampled_from(_VALUES))


@settings(max_examples=60, deadline=None)
@given(edits=st.lists(_EDIT, max_size=3))
def test_parse_gives_what_the_node_reader_gives_for_edited_files(edits: list[tuple[int, str, str]]) -> None:
    """For random edits of a small file, parsing gives the node reader's data, problems and marks."""
    lines = list(_TINY_LINES)
    for where, how, value in edits:
        line = lines[where]
        if how == "drop":
            lines[where] = ""
        elif how == "twice":
            lines[where] = line + line
        elif ": " in line:
            lines[where] = line.split(": ", 1)[0] + ": " + value + "\n"
    text = "".join(lines)
    data, marks, problems = loader.parse(text, "f")
    real = events.read_events
    try:
        events.read_events = lambda _loader, _file: None  # type: ignore[assignment] # the node reader alone
        nodes_data, nodes_marks, nodes_problems = loader.parse(text, "f")
    finally:
        events.read_events = real
    assert [str(p) for p in problems] == [str(p) for p in nodes_problems]
    assert data == nodes_data
    if data is not None:
        _same_marks(nodes_data, data, nodes_marks, marks)
        assert marks.ids == nodes_marks.ids
