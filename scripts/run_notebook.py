"""Execute examples/explore.ipynb on a real kernel and save it with its outputs.

Run: python scripts/run_notebook.py   (tests/test_notebook.py re-executes the notebook and fails when the saved
outputs are stale: run this after a change to what the notebook shows, then review the diff)

Needs the test extra (nbclient, nbformat, ipykernel, pandas).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "explore.ipynb"
#: What may differ between two runs of the same notebook on two machines: memory addresses and file paths.
VOLATILE = (
    (re.compile(r"0x[0-9a-fA-F]+"), "0x…"),
    (re.compile(r"(/[^\s'\"]+)+/(?=[^/\s'\"]+\.ya?ml)"), "…/"),
)


def execute(path: Path = NOTEBOOK) -> Any:
    """The notebook at ``path``, executed top to bottom (timing not recorded, cell ids fixed)."""
    import nbclient
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    notebook.nbformat_minor = max(notebook.nbformat_minor, 5)
    for number, cell in enumerate(notebook.cells, 1):
        cell["id"] = f"cell-{number}"  # stable ids: a re-run changes no line it need not change
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    )
    client.execute()
    notebook.metadata.pop("language_info", None)  # the Python version of whoever ran it last
    return notebook


def plain_outputs(notebook: Any) -> list[list[str]]:
    """Per code cell, the text/plain (or stream) text of each output, with volatile bits masked."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for output in cell.outputs:
            text = output.get("data", {}).get("text/plain", output.get("text", ""))
            text = "".join(text) if isinstance(text, list) else text
            for pattern, mask in VOLATILE:
                text = pattern.sub(mask, text)
            texts.append(f"{output.output_type}: {text}")
        cells.append(texts)
    return cells


if __name__ == "__main__":
    import nbformat

    nbformat.write(execute(), NOTEBOOK)
    print(f"wrote {NOTEBOOK} with its outputs")
