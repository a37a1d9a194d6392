"""The layering rules of docs/architecture.md, checked on the source tree."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli import app as app_module

SRC = Path(__file__).resolve().parent.parent / "src" / "mesocli"
#: Layers from the bottom up; a module may import (at module level) only from its own layer or below.
LAYERS = {"_version": 0, "core": 0, "store": 1, "query": 2, "kb": 3, "edition": 3, "__init__": 3, "__main__": 7}
LAYERS |= {"pages": 4, "render": 5, "cli": 6}
#: Third-party packages that only one package of ours may import, anywhere in a module.
ONLY_IN = {"rich": "render", "typer": "cli"}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports(path: Path, top_level_only: bool) -> Iterator[str]:
    """Names of the modules a file imports; at module level only (not under TYPE_CHECKING) if asked."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: list[ast.AST] = list(tree.body) if top_level_only else list(ast.walk(tree))
    if top_level_only:
        nodes = [n for n in nodes if not (isinstance(n, ast.If) and _is_type_checking(n))]
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            known = modules()
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield full if full in known else base


def layer(module: str) -> int:
    return LAYERS[module.split(".")[1] if "." in module else "__init__"]


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {m for m in imports(path, True) if m in known and m != name} for name, path in known.items()}


def test_no_import_circle_at_module_level() -> None:
    """No chain of module-level imports inside src/mesocli leads back to where it started."""
    edges = graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                pytest.fail("import circle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])


def test_module_level_imports_point_down() -> None:
    """A module imports at module level only from its own layer or a lower one (core < store < ... < cli)."""
    wrong = [
        f"{name} (layer {layer(name)}) imports {target} (layer {layer(target)})"
        for name, targets in graph().items()
        for target in targets
        if layer(target) > layer(name) and not (name.endswith("__main__"))
    ]
    assert wrong == []


@pytest.mark.parametrize("library", sorted(ONLY_IN))
def test_rich_and_typer_are_imported_only_in_their_package(library: str) -> None:
    """Rich is imported only under render/ and Typer only under cli/, even inside functions."""
    home = f"mesocli.{ONLY_IN[library]}"
    offenders = [
        name
        for name, path in modules().items()
        if not (name == home or name.startswith(home + "."))
        and any(m == library or m.startswith(library + ".") for m in imports(path, False))
    ]
    assert offenders == []


def test_every_module_is_under_300_lines() -> None:
    """Every module of src/mesocli stays under 300 lines (a script-written module is read through its script)."""
    texts = {name: p.read_text(encoding="utf-8") for name, p in modules().items()}
    written = {name for name, text in texts.items() if "written by scripts/" in text.partition("\n")[0]}
    assert written == {"mesocli.core.model_code"}
    long = {name: n for name, text in texts.items() if (n := len(text.splitlines())) >= 300 and name not in written}
    assert long == {}


def test_every_package_says_what_it_holds() -> None:
    """Each package's __init__.py opens with a one-line docstring."""
    for init in SRC.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init} has no docstring"
        assert doc.splitlines()[0].strip(), f"{init} docstring has an empty first line"


def test_checker_sees_a_planted_circle(tmp_path: Path) -> None:
    """The import parser resolves the relative and absolute forms the circle test depends on."""
    found = set(imports(SRC / "kb.py", True))
    assert "mesocli.core.models" in found
    assert "mesocli.store.read" in found


def test_show_builds_only_the_show_command(runner: CliRunner) -> None:
    """`mesocli show chemotherapy` builds one command, not all of them."""
    app_module.BUILT.clear()
    result = runner.invoke(app_module.app, ["show", "chemotherapy", "--format", "plain"])
    assert result.exit_code == 0
    assert app_module.BUILT == ["show"]


def test_help_and_suggestions_still_see_every_command(runner: CliRunner) -> None:
    """--help lists every command, and a mistyped command still gets a suggestion."""
    result = runner.invoke(app_module.app, ["--help"])
    for name in app_module.COMMANDS:
        assert f"  {name} " in result.stdout
    typo = runner.invoke(app_module.app, ["shwo", "chemo"])
    assert typo.exit_code == 2
    assert "Did you mean 'show'?" in typo.stderr


def test_command_modules_do_not_import_the_app() -> None:
    """Command modules register by name in COMMANDS; none of them imports mesocli.cli.app."""
    for module, _function in set(app_module.COMMANDS.values()):
        path = SRC.parent / (module.replace(".", "/") + ".py")
        assert "mesocli.cli.app" not in set(imports(path, False)), module


def test_every_test_has_a_one_line_docstring() -> None:
    """Each test function in tests/ has a docstring of one line saying what it protects."""
    wrong = []
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
                doc = ast.get_docstring(node, clean=False)
                if not doc or "\n" in doc.strip():
                    wrong.append(f"{path.name}::{node.name}")
    assert wrong == []
