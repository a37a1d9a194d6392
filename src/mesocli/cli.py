"""The command line: a thin layer over the library. Errors become messages and exit codes in ``run``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ._version import __version__
from .errors import KnowledgeBaseError, MesocliError, NotFoundError
from .kb import ENV_VAR, KnowledgeBase
from .output import OutputClosed, choose_format, emit

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
    except (NotFoundError, NothingFound) as exc:
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
        self.color = "auto"
        self.pager = False
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from .kb import load

            self._kb = load(self.kb_path)
        return self._kb


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _version(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    kb = state(ctx).kb
    sys.stdout.write(f"mesocli {__version__}\nknowledge base {kb.version} (reviewed {kb.last_reviewed}, {kb.path})\n")
    raise typer.Exit()


def _set_kb(ctx: typer.Context, value: str | None) -> str | None:
    state(ctx).kb_path = value or None
    return value


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


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
    color: Annotated[
        Color,
        typer.Option(
            "--color",
            case_sensitive=False,
            help="Colour: auto (on a terminal, unless NO_COLOR), always (even into a pipe), never (wins over "
            "FORCE_COLOR).",
        ),
    ] = Color.auto,
    pager: Annotated[
        bool, typer.Option("--pager", help="Page long output through $PAGER (less -R) when writing to a terminal.")
    ] = False,
) -> None:
    """Explore the treatment options of stage 4 (advanced) mesothelioma."""
    current = state(ctx)
    current.color = color.value
    current.pager = pager


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


def emit_page(
    ctx: typer.Context, fmt: Format | None, as_json: bool, document: Callable[[], Any], data: Callable[[], Any]
) -> None:
    """Write one page in the chosen format, honouring --color and --pager."""
    current = state(ctx)
    chosen = choose_format(fmt.value if fmt else None, as_json, current.color)
    emit(chosen, document, data, color=current.color, pager=current.pager)


def chosen_format(ctx: typer.Context, fmt: Format | None, as_json: bool) -> str:
    return choose_format(fmt.value if fmt else None, as_json, state(ctx).color)


def choice(values: tuple[str, ...], what: str) -> Callable[[str | None], str | None]:
    def check(value: str | None) -> str | None:
        if value is not None and value not in values:
            raise typer.BadParameter(f"{value!r} is not a {what}; choose from {', '.join(values)}")
        return value

    return check


def vocabulary_option(flag: str, short: str, values: tuple[str, ...], what: str, help_text: str) -> Any:
    """An option restricted to ``values``, completed from them, listing them in its help."""
    return typer.Option(
        flag,
        short,
        callback=choice(values, what),
        autocompletion=lambda: list(values),
        help=f"{help_text}: {', '.join(values)}.",
    )


def complete_names(kind: str) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            kb = state(ctx).kb
        except MesocliError:
            return []
        return [name for name in kb.names(kind) if name.startswith(incomplete.casefold())]

    return complete


# Importing the command modules registers their commands on ``app``, in this order in --help.
from . import commands, commands_visit, commands_kb  # noqa: E402, F401, I001 - after app and its helpers exist


def main() -> None:
    """Console-script entry point."""
    app(prog_name="mesocli")
