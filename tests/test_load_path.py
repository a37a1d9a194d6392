"""What loading a stored knowledge base and reading an entry run: the generated model code, the JSON reader, names."""

from __future__ import annotations

import importlib.util
import inspect
import json
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mesocli.core import model_code
from mesocli.core.model import MISSING, fields, model
from mesocli.core.plain import decoding_plan, from_data, hint_code, type_plan
from mesocli.store.database import json_value

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_model_code", ROOT / "scripts" / "gen_model_code.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_module_is_current() -> None:
    """src/mesocli/core/model_code.py is what scripts/gen_model_code.py writes for the models as they are."""
    script = _script()
    assert script.TARGET.read_text(encoding="utf-8") == script.source(), "run python scripts/gen_model_code.py"


def test_every_model_has_its_generated_init_and_true_signature() -> None:
    """Every model uses its written-out __init__ from import on, so help() and signature() show its fields."""
    models = [c for c in _script().models() if model_code.GENERATED[f"{c.__module__}:{c.__qualname__}"][1]]
    assert len(models) > 30
    for cls in models:
        init = cls.__dict__["__init__"]
        assert init is model_code.GENERATED[f"{cls.__module__}:{cls.__qualname__}"][1]
        assert init.__code__.co_filename == model_code.__file__, cls.__qualname__
        parameters = inspect.signature(cls).parameters
        assert list(parameters) == [f.name for f in fields(cls)], cls.__qualname__
        assert [p.default for p in parameters.values() if p.default is not p.empty] == [
            f.default for f in fields(cls) if f.default is not MISSING
        ]
        assert (init.__name__, init.__qualname__) == ("__init__", f"{cls.__qualname__}.__init__")


def test_generated_plans_are_the_type_hints_plans() -> None:
    """Each field's generated decoding is what its evaluated type hint gives."""
    for cls in _script().models():
        hints = type_plan(cls)[1]
        for name, _, code in model_code.GENERATED[f"{cls.__module__}:{cls.__qualname__}"][2]:
            if code != "unsupported":
                assert code == hint_code(hints[name]), f"{cls.__qualname__}.{name}"


def _stale_entry(monkeypatch: pytest.MonkeyPatch, key: str, entry: tuple[object, ...]) -> None:
    monkeypatch.setitem(model_code.GENERATED, key, entry)


def test_a_stale_generated_init_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model whose fields or defaults changed gets a compiled __init__, never the stale written one."""

    def old(self: object, a: int, b: object = 1) -> None:
        raise AssertionError("the written __init__ was used")

    key = f"{__name__}:test_a_stale_generated_init_is_not_used.<locals>._Changed"
    for written in ("a", "a,b", "a,b()"):  # other fields
        _stale_entry(monkeypatch, key, (written, old, ()))

        @model
        class _Changed:
            a: int
            b: object = 1

        assert (_Changed(1).a, _Changed(1).b, _Changed(2, "y").b) == (1, 1, "y")
    _stale_entry(monkeypatch, key, ("a,b=", old, ()))
    for default in (2, 1.0, True):  # another default, or an equal one of another type

        @model
        class _Changed:  # type: ignore[no-redef]
            a: int
            b: object = default

        assert _Changed(1).b == default
    with pytest.raises(AssertionError, match="written"):

        @model
        class _Changed:  # type: ignore[no-redef]
            a: int
            b: object = 1

        _Changed(1)


def test_a_stale_generated_plan_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model whose annotations changed since the module was written is decoded from its type hints."""

    @model
    class _Retyped:
        when: float

    key = f"{_Retyped.__module__}:{_Retyped.__qualname__}"
    _stale_entry(monkeypatch, key, ("when", None, (("when", "float", "same"),)))
    assert decoding_plan(_Retyped) == [("when", "same")]  # current: used (as written, even if wrong)
    _stale_entry(monkeypatch, key, ("when", None, (("when", "str", "same"),)))
    assert decoding_plan(_Retyped) == [("when", "float")]
    assert from_data(_Retyped, {"when": 2}).when.__class__ is float


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@given(json_values, st.sampled_from([{"separators": (",", ":")}, {}, {"indent": 1}, {"ensure_ascii": False}]))
def test_json_value_is_json_loads(value: object, options: dict[str, object]) -> None:
    """The store's JSON reader gives what json.loads gives, for the compact JSON it writes and any other."""
    text = json.dumps(value, **options)  # type: ignore[arg-type]
    assert json.dumps(json_value(text)) == json.dumps(json.loads(text))
    assert json.dumps(json_value(f" {text}\n")) == json.dumps(json.loads(text))


@pytest.mark.parametrize("text", ["", "[1,", "{} x", "NaNa", '"\\x"'])
def test_json_value_refuses_what_json_loads_refuses(text: str) -> None:
    """Text that is not one JSON value raises json's own error, with json's message."""
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as found:
        json_value(text)
    assert str(found.value) == str(expected.value)


@given(st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2003\x1c_-/aAİıi\u0307é")) | st.text())
def test_normalise_is_the_separator_pattern_rule(name: str) -> None:
    """Names compare as before the rule went without ``re``: separator runs as one space, none at the ends."""
    import re

    from mesocli.core.names import fold, normalise

    assert normalise(name) == re.sub(r"[\s_\-/]+", " ", fold(name)).strip()


def test_kinds_type_checker_literals_hold_the_tuples() -> None:
    """Each Literal type in core/kinds.py allows exactly its tuple's values, in order, and is the run-time type."""
    import ast
    import typing

    from mesocli.core import kinds

    tree = ast.parse(Path(kinds.__file__).read_text(encoding="utf-8"))
    checked = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    written = {
        node.targets[0].id: ast.literal_eval(node.value.slice)  # type: ignore[attr-defined]
        for node in checked.body
        if isinstance(node, ast.Assign)
    }
    assert written.keys() == kinds.VALUES.keys()
    for name, values in kinds.VALUES.items():
        assert written[name] == values, name
        assert typing.get_args(getattr(kinds, name)) == values, name
