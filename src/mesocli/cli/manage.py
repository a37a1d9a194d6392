"""The knowledge-base tools: validate and schema."""

from pathlib import Path
from typing import Annotated, Any

import typer

from mesocli.cli.context import EXIT_KB, chosen_format, state
from mesocli.cli.messages import problem_line
from mesocli.cli.options import Format, FormatOption, JsonOption
from mesocli.cli.output import OutputClosed, emit, stderr_line, write_stdout
from mesocli.core.errors import KnowledgeBaseError, Message, Problem
from mesocli.core.escape import printable
from mesocli.core.l10n import _, ngettext
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
    from mesocli.core.files import default_path
    from mesocli.core.files import validate as check

    if path == "":
        raise typer.BadParameter(Message("the path is empty"), param_hint="PATH")
    target = path or state(ctx).kb_path or str(default_path())
    problems = check(target)
    errors = [p for p in problems if p.severity == "error"]
    if not errors:  # a valid file: check its translations too (stale fields warn, changed figures are errors)
        from mesocli.edition import check_overlays
        from mesocli.kb import load

        problems += check_overlays(load(target))
        errors = [p for p in problems if p.severity == "error"]
    chosen = chosen_format(ctx, fmt, as_json)
    try:
        if chosen in ("json", "yaml"):
            data = {"file": target, "ok": not errors, "problems": [_row(p) for p in problems]}
            emit(chosen, lambda: (), lambda: data)
        else:
            if problems:
                write_stdout("".join(f"{problem_line(problem)}\n" for problem in problems))
            warnings = len(problems) - len(errors)
            counts = (
                ngettext("{n} error", "{n} errors", len(errors)).format(n=len(errors))
                + ", "
                + ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
                if problems
                else _("ok")
            )
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
        raise typer.BadParameter(Message("the schema is data: choose json or yaml"), param_hint="--format")
    emit(chosen, lambda: (), json_schema)


def _row(problem: Problem) -> dict[str, Any]:
    return to_data(problem)  # type: ignore[no-any-return]


def migrate(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="A schema 1 knowledge-base file.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="Where to write the schema 2 file ('-': stdout).")],
    force: Annotated[bool, typer.Option("--force", help="Let NEW replace an existing file.")] = False,
) -> None:
    """Convert a schema 1 knowledge-base file to schema 2: studies and references written once, cited by id.

    Review the result: a schema 1 study had no arm attribution or structured population, so every arm is
    filed under the option that listed it. NEW is never replaced unless --force is given.
    """
    import yaml

    from mesocli.cli.output import write_output
    from mesocli.core.files import read_text
    from mesocli.core.migrate import dump
    from mesocli.core.migrate import migrate as convert

    try:
        doc = yaml.load(read_text(old), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(
            Problem(str(old), Message("is not valid YAML: {problem}", problem=repr(str(exc).splitlines()[0])))
        ) from None
    text = dump(convert(doc, str(old)))
    write_output(new, text, force, hint="NEW", message=_("wrote {path}; check it with: mesocli validate {path}"))
