"""The knowledge-base tools: validate and schema."""

from typing import Annotated, Any

import typer

from mesocli.cli.context import EXIT_KB, chosen_format, state
from mesocli.cli.options import Format, FormatOption, JsonOption
from mesocli.cli.output import OutputClosed, emit, stderr_line, write_stdout
from mesocli.core.errors import Problem
from mesocli.core.escape import printable
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

    if path == "":
        raise typer.BadParameter("the path is empty", param_hint="PATH")
    target = path or state(ctx).kb_path or str(default_path())
    problems = check(target)
    errors = [p for p in problems if p.severity == "error"]
    chosen = chosen_format(ctx, fmt, as_json)
    try:
        if chosen in ("json", "yaml"):
            data = {"file": target, "ok": not errors, "problems": [_row(p) for p in problems]}
            emit(chosen, lambda: (), lambda: data)
        else:
            if problems:
                write_stdout("".join(f"{problem}\n" for problem in problems))
            counts = f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)" if problems else "ok"
            stderr_line(f"{printable(target)}: {counts}")
    except OutputClosed:
        if not errors:  # the reader left early (validate | head -c1): a quiet 0, or still 3 for a bad file
            raise
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
