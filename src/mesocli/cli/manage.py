"""The knowledge-base tools: validate and schema."""

import sys
from typing import Annotated, Any

import typer

from mesocli.cli.context import EXIT_KB, chosen_format, state
from mesocli.cli.options import Format, FormatOption, JsonOption
from mesocli.cli.output import emit
from mesocli.core.errors import Problem
from mesocli.core.serialize import to_data


def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="[PATH]", help="The knowledge-base file to check (default: --kb, $MESOCLI_KB or the bundled one)."
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check a knowledge-base file and report every problem as file:line:column: entry: message."""
    from mesocli.kb import default_path
    from mesocli.kb import validate as check

    target = path or state(ctx).kb_path or str(default_path())
    problems = check(target)
    errors = [p for p in problems if p.severity == "error"]
    chosen = chosen_format(ctx, fmt, as_json)
    if chosen in ("json", "yaml"):
        emit(chosen, lambda: (), lambda: {"file": target, "ok": not errors, "problems": [_row(p) for p in problems]})
    else:
        for problem in problems:
            sys.stdout.write(f"{problem}\n")
        summary = (
            f"{target}: {len(errors)} error(s), {len(problems) - len(errors)} warning(s)"
            if problems
            else f"{target}: ok"
        )
        sys.stderr.write(summary + "\n")
    if errors:
        raise typer.Exit(EXIT_KB)


def schema(
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", case_sensitive=False, help="json (default) or yaml.")
    ] = None,
) -> None:
    """Print the JSON Schema of the knowledge-base file format, generated from the models."""
    from mesocli.core.schema import json_schema

    chosen = fmt.value if fmt else "json"
    if chosen not in ("json", "yaml"):
        raise typer.BadParameter("the schema is data: choose json or yaml", param_hint="--format")
    emit(chosen, lambda: (), json_schema)


def _row(problem: Problem) -> dict[str, Any]:
    return to_data(problem)  # type: ignore[no-any-return]
