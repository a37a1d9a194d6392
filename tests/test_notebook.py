"""Jupyter: display methods, DataFrames, and the example notebook run headless with a real kernel."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import mesocli
from mesocli.core.evidence import charted_studies

ROOT = Path(__file__).resolve().parent.parent
KB = mesocli.load(mesocli.bundled_path())


@pytest.mark.parametrize(
    "obj",
    [KB.get("chemotherapy"), KB.guide("staging"), KB.term("hazard ratio"), KB.search("pain"), KB],
    ids=["treatment", "guide", "term", "search-results", "knowledge-base"],
)
def test_objects_display_as_html_markdown_and_rich(obj: object) -> None:
    """Each kind of object has HTML, Markdown and Rich forms carrying its content."""
    html = obj._repr_html_()  # type: ignore[attr-defined]
    markdown = obj._repr_markdown_()  # type: ignore[attr-defined]
    assert html.startswith("<style>") and '<div class="mesocli">' in html
    assert markdown.startswith("# ")
    from rich.console import Console

    console = Console(width=80, record=True, color_system=None)
    console.print(obj)
    assert console.export_text().strip()


def test_treatment_html_is_escaped_and_links_only_references() -> None:
    """Text is escaped; every link in a treatment's HTML comes from its references."""
    chemo = KB.get("chemotherapy")
    html = chemo._repr_html_()
    links = set(__import__("re").findall(r'href="([^"]+)"', html))
    assert links and links <= {ref.link for ref in chemo.references}
    assert "<script" not in html


def test_html_needs_neither_rich_nor_typer(tmp_path: Path) -> None:
    """The HTML display path imports no CLI or terminal library."""
    import subprocess

    code = (
        "import sys, mesocli; kb = mesocli.load(); kb.get('chemo')._repr_html_(); kb.search('pain')._repr_html_();"
        "kb._repr_html_(); assert not {'rich', 'typer'} & set(sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_search_results_are_a_list_with_the_query() -> None:
    """kb.search returns a list subclass that remembers its query."""
    results = KB.search("pleural effusion", limit=2)
    assert isinstance(results, list) and len(results) == 2
    assert results.query == "pleural effusion"  # type: ignore[attr-defined]


def test_to_dataframe_has_one_row_per_option() -> None:
    """kb.to_dataframe() gives one row per treatment, indexed by id, with the main fields."""
    frame = KB.to_dataframe()
    assert list(frame.index) == [t.id for t in KB]
    assert {"name", "category", "evidence_level", "summary", "studies"} <= set(frame.columns)
    assert frame.loc["chemotherapy", "studies"] == len(KB.get("chemotherapy").studies)


def test_evidence_dataframe_rows_come_from_the_knowledge_base() -> None:
    """Every arm row matches an arm in the file: no figure is made up in code."""
    frame = KB.evidence_dataframe()
    published = {(s.name, a.name, a.median_os_months) for s in KB.studies for a in s.arms}
    assert {(r.study, r.arm, r.median_os_months) for r in frame.itertuples()} <= published
    with_arms = {s.id for s in charted_studies(KB.studies)}
    assert set(frame["study_id"]) == with_arms  # every study with per-arm figures, each once
    assert not frame[frame.treatment == "immunotherapy"].empty  # arms are filed under their own option


def test_studies_dataframe_has_one_row_per_study_with_its_population() -> None:
    """kb.studies_dataframe(): one row per study, its population as columns."""
    frame = KB.studies_dataframe()
    assert list(frame.index) == [s.id for s in KB.studies]
    assert frame.loc["checkmate-743", "sites"] == ("pleural",)
    assert frame.loc["checkmate-743", "line"] == "first"


def test_without_pandas_the_message_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pandas: a ModuleNotFoundError naming the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r'pip install "mesocli\[notebook\]"'):
        KB.to_dataframe()


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("run_notebook", ROOT / "scripts" / "run_notebook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUN = _script()


@pytest.fixture(scope="module")
def executed() -> Any:
    """examples/explore.ipynb executed afresh, once for the tests of this module."""
    return RUN.execute()


def test_example_notebook_runs_without_errors(executed: Any) -> None:
    """examples/explore.ipynb executes top to bottom on a real Jupyter kernel."""
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("text/html" in o.get("data", {}) for o in outputs)


def test_example_notebook_is_committed_with_current_outputs(executed: Any) -> None:
    """The saved notebook has every code cell's output, as a fresh run gives it (scripts/run_notebook.py)."""
    import nbformat

    saved = nbformat.read(ROOT / "examples" / "explore.ipynb", as_version=4)
    assert all(cell.outputs for cell in saved.cells if cell.cell_type == "code")
    assert RUN.plain_outputs(saved) == RUN.plain_outputs(executed)


def test_notebook_extra_installs_what_running_jupyter_needs() -> None:
    """`pip install "mesocli[notebook]"` brings pandas, a kernel and Jupyter (`jupyter lab`, `jupyter notebook`)."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^notebook = \[(.*?)^\]", pyproject, re.MULTILINE | re.DOTALL)
    assert block
    names = set(re.findall(r'^\s*"([A-Za-z0-9_.-]+)', block.group(1), re.MULTILINE))
    assert {"pandas", "ipykernel", "notebook"} <= names
