"""The command line: a thin layer over the library. Errors become messages and exit codes in ``run``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import pages
from ._version import __version__
from .errors import KnowledgeBaseError, MesocliError, NotFoundError, Problem
from .kb import ENV_VAR, KnowledgeBase
from .models import CATEGORIES, GOALS, MESO_TYPES
from .output import OutputClosed, choose_format, emit
from .serialize import hit_row, rows, to_data, treatment_row

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_KB, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 nothing found; 2 usage error; 3 knowledge-base error "
    "(missing, unreadable or invalid file); 130 interrupted."
)


class NothingFound(MesocliError):
    """A command ran fine and found nothing (exit 1)."""


def _say(message: str) -> None:
    sys.stderr.write(f"mesocli: {message}\n")
    sys.stderr.flush()


def run(invoke: Callable[[], Any]) -> int:
    """Run the command line and turn every expected failure into one line on stderr and an exit code.

    This is the one place where errors become messages and exit codes.
    """
    from typer._click import exceptions as click_exceptions  # Typer vendors Click; no public path

    try:
        result = invoke()
        return result if isinstance(result, int) else EXIT_OK
    except click_exceptions.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.format_message() + "\n")
        return EXIT_OK
    except click_exceptions.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx is not None else "mesocli"
        _say(f"error: {exc.format_message()} (see '{command} --help')")
        return EXIT_USAGE
    except click_exceptions.ClickException as exc:
        _say(f"error: {exc.format_message()}")
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        _say("interrupted")
        return EXIT_INTERRUPTED
    except KnowledgeBaseError as exc:
        _say(f"knowledge base error: {exc}")
        return EXIT_KB
    except NotFoundError as exc:
        _say(str(exc))
        return EXIT_NOT_FOUND
    except NothingFound as exc:
        _say(str(exc))
        return EXIT_NOT_FOUND
    except OutputClosed:
        return EXIT_OK


class MesocliGroup(TyperGroup):
    """The top-level command group, with mesocli's error handling around every invocation."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        code = run(
            lambda: super(MesocliGroup, self).main(
                args=args,
                prog_name=prog_name or "mesocli",
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=MesocliGroup,
    name="mesocli",
    help="Explore the treatment options of stage 4 (advanced) mesothelioma.\n\n"
    "Information, not medical advice: use it to prepare for a conversation with your care team.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """What the global options set, shared with every command."""

    def __init__(self) -> None:
        self.kb_path: str | None = None
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from .kb import load

            self._kb = load(self.kb_path)
        return self._kb


def _state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _version(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    kb = _state(ctx).kb
    sys.stdout.write(f"mesocli {__version__}\nknowledge base {kb.version} (reviewed {kb.last_reviewed}, {kb.path})\n")
    raise typer.Exit()


def _set_kb(ctx: typer.Context, value: str | None) -> str | None:
    _state(ctx).kb_path = value or None
    return value


@app.callback()
def main_options(
    ctx: typer.Context,
    kb: Annotated[
        str | None,
        typer.Option(
            "--kb",
            metavar="PATH",
            envvar=ENV_VAR,
            is_eager=True,
            callback=_set_kb,
            help="Use this knowledge-base file instead of the bundled one.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", is_eager=True, callback=_version, help="Show the package and knowledge-base versions."
        ),
    ] = False,
) -> None:
    """Explore the treatment options of stage 4 (advanced) mesothelioma."""
    _state(ctx)


class Format(str, Enum):
    rich = "rich"
    plain = "plain"
    json = "json"
    yaml = "yaml"
    markdown = "markdown"


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", case_sensitive=False, help="Output format. Default: rich on a terminal, plain otherwise."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def _emit(fmt: Format | None, as_json: bool, document: Callable[[], Any], data: Callable[[], Any]) -> None:
    emit(choose_format(fmt.value if fmt else None, as_json), document, data)


def _choice(values: tuple[str, ...], what: str) -> Callable[[str | None], str | None]:
    def check(value: str | None) -> str | None:
        if value is not None and value not in values:
            raise typer.BadParameter(f"{value!r} is not a {what}; choose from {', '.join(values)}")
        return value

    return check


def _complete(kind: str) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            kb = _state(ctx).kb
        except MesocliError:
            return []
        return [name for name in kb.names(kind) if name.startswith(incomplete.casefold())]

    return complete


@app.command("list")
def list_command(
    ctx: typer.Context,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            "-c",
            callback=_choice(CATEGORIES, "category"),
            autocompletion=lambda: list(CATEGORIES),
            help=f"Only this category: {', '.join(CATEGORIES)}.",
        ),
    ] = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--goal",
            "-g",
            callback=_choice(GOALS, "goal"),
            autocompletion=lambda: list(GOALS),
            help=f"Only options with this goal: {', '.join(GOALS)}.",
        ),
    ] = None,
    meso_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            callback=_choice(MESO_TYPES, "mesothelioma type"),
            autocompletion=lambda: list(MESO_TYPES),
            help=f"Only options for this type: {', '.join(MESO_TYPES)}.",
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the treatment options: name, category, evidence level and summary."""
    kb = _state(ctx).kb
    found = kb.filter(category, goal, meso_type)
    if not found:
        raise NothingFound("no treatment option matches these filters")
    _emit(fmt, as_json, lambda: pages.list_page(found, kb.title), lambda: [treatment_row(t) for t in found])


@app.command()
def show(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="Id, name, alias or unique prefix: chemo, 'radiation therapy', keytruda, immuno.",
            autocompletion=_complete("treatment"),
        ),
    ],
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Explain one treatment option in sections, with its evidence and references."""
    kb = _state(ctx).kb
    treatment = kb.get(name)
    _emit(fmt, as_json, lambda: pages.treatment_page(treatment, kb.disclaimer), lambda: to_data(treatment))


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help="Words to look for; typos are forgiven.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many results.")] = 10,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Search every option, guide topic and glossary term, best matches first."""
    kb = _state(ctx).kb
    text = " ".join(query)
    hits = kb.search(text, limit)
    if not hits:
        raise NothingFound(f"nothing matches {text!r}; try fewer or other words")
    _emit(fmt, as_json, lambda: pages.search_page(text, hits), lambda: [hit_row(h) for h in hits])


@app.command()
def guide(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            help="A guide topic (id, title or alias); leave out to list them.", autocompletion=_complete("guide")
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Advice for the road: care team, second opinion, advance care planning, staging and more."""
    kb = _state(ctx).kb
    if topic is None:
        guides = kb.guides
        if not guides:
            raise NothingFound("this knowledge base has no guide topics")
        _emit(
            fmt,
            as_json,
            lambda: pages.guide_list_page(guides),
            lambda: [{"id": g.id, "title": g.title, "summary": g.summary} for g in guides],
        )
        return
    found = kb.guide(topic)
    _emit(fmt, as_json, lambda: pages.guide_page(found, kb.disclaimer), lambda: to_data(found))


@app.command()
def glossary(
    ctx: typer.Context,
    term: Annotated[
        str | None,
        typer.Argument(
            help="A term (or its abbreviation); leave out to list them all.", autocompletion=_complete("term")
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Explain the words a patient meets: pleurodesis, PD-L1, hazard ratio and more."""
    kb = _state(ctx).kb
    if term is None:
        terms = kb.glossary
        if not terms:
            raise NothingFound("this knowledge base has no glossary")
        _emit(fmt, as_json, lambda: pages.glossary_list_page(terms), lambda: rows(terms))
        return
    found = kb.term(term)
    _emit(fmt, as_json, lambda: pages.term_page(found), lambda: to_data(found))


@app.command()
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
    from .kb import default_path
    from .kb import validate as check

    target = path or _state(ctx).kb_path or str(default_path())
    problems = check(target)
    errors = [p for p in problems if p.severity == "error"]
    chosen = choose_format(fmt.value if fmt else None, as_json)
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


@app.command()
def schema(
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", case_sensitive=False, help="json (default) or yaml.")
    ] = None,
) -> None:
    """Print the JSON Schema of the knowledge-base file format, generated from the models."""
    from .schema import json_schema

    chosen = fmt.value if fmt else "json"
    if chosen not in ("json", "yaml"):
        raise typer.BadParameter("the schema is data: choose json or yaml", param_hint="--format")
    emit(chosen, lambda: (), json_schema)


def _row(problem: Problem) -> dict[str, Any]:
    return to_data(problem)  # type: ignore[no-any-return]


def main() -> None:
    """Console-script entry point."""
    app(prog_name="mesocli")
