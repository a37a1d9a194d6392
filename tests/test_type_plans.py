"""The models' type plans, read from their annotation strings, are what typing.get_type_hints would give."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing

import mesocli
from mesocli.core.model import is_model
from mesocli.core.plain import type_plan


def _models() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(mesocli.__path__, "mesocli."):
        if info.name.startswith(("mesocli.cli", "mesocli.render")):
            continue  # Typer and Rich: no models there
        module = importlib.import_module(info.name)
        found += [c for c in vars(module).values() if inspect.isclass(c) and is_model(c) and c.__module__ == info.name]
    return found


def test_type_plans_equal_get_type_hints_for_every_model() -> None:
    """Decoding stored rows uses the same hints as get_type_hints, for every model in the package."""
    models = _models()
    assert len(models) > 30
    for cls in models:
        assert type_plan(cls)[1] == typing.get_type_hints(cls), cls.__qualname__
