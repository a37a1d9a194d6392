"""Start-up: what `show` imports and builds, and the model classes that replace dataclasses on that path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mesocli.core.model import FrozenInstanceError, field, fields, model, replace


def _import_tree(args: list[str], tmp_path: Path) -> list[tuple[int, str]]:
    """(depth, module) for every module the real entry point imports running ``args`` (from -X importtime)."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(tmp_path), "COLUMNS": "80"}
    for key in ("FORCE_COLOR", "MESOCLI_LANG", "LC_ALL", "LANG"):
        env.pop(key, None)
    subprocess.run([sys.executable, "-m", "mesocli", *args], env=env, capture_output=True, check=True, timeout=60)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mesocli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    tree = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            name = line.rsplit("|", 1)[1]
            tree.append(((len(name) - len(name.lstrip())) // 2, name.strip()))
    return tree


def _chain(tree: list[tuple[int, str]], index: int) -> list[str]:
    """The modules whose import brought in ``tree[index]``, nearest first (importtime prints children first)."""
    chain, depth = [], tree[index][0]
    for later_depth, name in tree[index + 1 :]:
        if later_depth < depth:
            chain.append(name)
            depth = later_depth
    return chain


def test_plain_show_imports_no_rich_and_mesocli_imports_no_difflib(tmp_path: Path) -> None:
    """`show --format plain` never imports Rich; no mesocli module imports dataclasses, YAML, pickle or difflib."""
    tree = _import_tree(["show", "chemotherapy", "--format", "plain"], tmp_path)
    names = [name for _depth, name in tree]
    assert not [n for n in names if n == "rich" or n.startswith("rich.")]
    assert "mesocli.pages.reading" in names  # the tree is real: the page was built
    for i, (_depth, name) in enumerate(tree):
        if name in ("dataclasses", "yaml", "pickle", "difflib"):
            chain = _chain(tree, i)
            assert not any(n.startswith("mesocli") for n in chain[:1]), (name, chain[:3])
            if name == "difflib":
                assert any(n.startswith("typer") for n in chain), chain


def test_library_get_imports_neither_typer_nor_the_loader(tmp_path: Path) -> None:
    """`mesocli.load().get()` on a stored base imports no Typer, YAML, Babel, json, typing, re, loader or checks."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys, mesocli; mesocli.load().get('chemo'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'yaml', 'dataclasses', 'babel') "
        "or m in ('json', 'typing', 're', 'enum', 'contextlib', 'mesocli.core.loader', 'mesocli.core.checks')))"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, timeout=60)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


@model
class _Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=(), metadata={"doc": "labels"})


def test_models_are_frozen_comparable_hashable_and_replaceable() -> None:
    """The model decorator gives what the dataclasses gave: defaults, immutability, equality, hashing, replace."""
    p = _Point(1)
    assert (p.x, p.y, p.tags) == (1, 0, ())
    assert p == _Point(x=1, y=0) and p != _Point(2) and hash(p) == hash(_Point(1))
    with pytest.raises(FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    assert isinstance(FrozenInstanceError("x"), AttributeError)
    assert replace(p, y=5) == _Point(1, 5) and p.y == 0
    assert [f.name for f in fields(p)] == ["x", "y", "tags"] and fields(_Point)[2].metadata == {"doc": "labels"}
    assert repr(p) == "_Point(x=1, y=0, tags=())"
    assert not hasattr(p, "__dict__")  # slotted


def test_a_required_field_after_a_default_is_refused() -> None:
    """As with dataclasses, a field without a default cannot follow one with a default."""
    with pytest.raises(TypeError, match="follows a default"):

        @model
        class _Bad:
            a: int = 0
            b: int
