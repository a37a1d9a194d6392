"""Write src/mesocli/core/model_code.py: every model's ``__init__`` and decoding plan, from the models as they are.

Usage: python scripts/gen_model_code.py [--check]

Importing the models then needs no compiling (``exec``) and decoding a stored row no evaluation of annotations
(docs/performance.md). ``--check`` exits with 1 if the file is not what this script writes now;
tests/test_load_path.py checks the same.
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
import sys
from pathlib import Path

import mesocli
from mesocli.core.model import MISSING, fields, init_source, is_model, required, shape
from mesocli.core.plain import hint_code, type_plan

TARGET = Path(__file__).resolve().parent.parent / "src" / "mesocli" / "core" / "model_code.py"

HEADER = '''"""Every model's ``__init__`` and decoding plan, written by scripts/gen_model_code.py: do not edit by hand.

Each entry is keyed ``module:qualname`` and holds the model's shape (:func:`mesocli.core.model.shape`), its
``__init__`` (None for a model with a default factory or a default that is no literal), and each field's name,
annotation and decoding (``hint_code`` in :mod:`mesocli.core.plain`). An ``__init__`` is used only while the
model's shape and defaults are the ones it was written with, a decoding only while the annotations are;
tests/test_load_path.py fails when this file is not what the script writes now.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_set = object.__setattr__
'''


def models() -> list[type]:
    """Every model class of the package (Typer and Rich hold none), by module and name."""
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(mesocli.__path__, "mesocli."):
        if info.name.startswith(("mesocli.cli", "mesocli.render")):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and is_model(value) and value.__module__ == info.name:
                found[key(value)] = value
    return [found[k] for k in sorted(found)]


def key(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def init_name(cls: type) -> str:
    return "_" + key(cls).removeprefix("mesocli.").replace(".", "_").replace(":", "_")


def text(value: str) -> str:
    """A string literal as ``ruff format`` writes it."""
    return repr(value) if '"' in value and "'" not in value else '"' + value.replace("\\", "\\\\") + '"'


def source() -> str:
    """The module's text for the models as they are now."""
    parts, entries = [HEADER], []
    for cls in models():
        own = fields(cls)
        post_init = hasattr(cls, "__post_init__")
        init = "None"  # a default factory, or a default no literal writes: compiled at run time
        if all(f.default_factory is MISSING and literal(f.default) is not None for f in own if not required(f)):
            init = init_name(cls)
            parts.append("\n\n" + init_source(own, post_init, init, lambda f: literal(f.default) or ""))
        hints = type_plan(cls)[1]
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - unevaluated, as written
        plan = "".join(
            f"            ({text(f.name)}, {text(annotations[f.name])}, {text(decoding(hints[f.name]))}),\n"
            for f in own
        )
        plan = f"        (\n{plan}        ),\n" if plan else "        (),\n"
        entries.append(
            f"    {text(key(cls))}: (\n        {text(shape(own, post_init))},\n        {init},\n{plan}    ),\n"
        )
    parts.append("\n\nGENERATED: dict[str, Any] = {\n" + "".join(entries) + "}\n")
    return "".join(parts)


def literal(value: object) -> str | None:
    """``value`` as a literal in source (None when it is not one of None, a bool, a number, text or ())."""
    if value is None or type(value) in (bool, int) or (type(value) is float and math.isfinite(value)):
        return repr(value)
    if type(value) is str:
        return text(value)
    return "()" if type(value) is tuple and value == () else None


def decoding(hint: object) -> str:
    """How a field is decoded (``unsupported`` for a type stored rows never hold: the model is not decoded)."""
    try:
        return hint_code(hint)
    except TypeError:
        return "unsupported"


def main() -> int:
    wanted = source()
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET} is stale: run python scripts/gen_model_code.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
