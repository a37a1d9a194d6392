"""The command line: a thin layer over the library.

``COMMANDS`` names each command and the module that defines it; ``LazyCommands`` imports and builds a
command only when it is looked up, so ``mesocli show`` builds ``show`` alone. Errors become messages
and exit codes in ``run``, the one place where that happens.
"""

import errno
import importlib
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mesocli.cli.completion import install_completion
from mesocli.cli.context import (
    EXIT_CODES_HELP,
    EXIT_INTERRUPTED,
    EXIT_KB,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_TRIALS,
    EXIT_USAGE,
    NothingFound,
    state,
)
from mesocli.cli.describe import HelpContext, described
from mesocli.cli.globals import Color, read_globals, set_kb, set_lang
from mesocli.cli.messages import click_message, click_sentence, problems_line
from mesocli.cli.output import OutputClosed, OutputError, note, silence_stdout, write_stdout
from mesocli.core.errors import KnowledgeBaseError, NotFoundError, TrialsError
from mesocli.core.escape import MAX_MESSAGE, printable
from mesocli.core.files import ENV_VAR
from mesocli.core.l10n import LANGUAGES, _, say

#: Every command, in --help order: name -> (module, function).
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("mesocli.cli.reading", "list_command"),
    "show": ("mesocli.cli.reading", "show"),
    "search": ("mesocli.cli.reading", "search"),
    "guide": ("mesocli.cli.reading", "guide"),
    "glossary": ("mesocli.cli.reading", "glossary"),
    "studies": ("mesocli.cli.reading", "studies"),
    "options": ("mesocli.cli.situation", "options"),
    "handout": ("mesocli.cli.situation", "handout"),
    "profile": ("mesocli.cli.situation", "profile"),
    "trials": ("mesocli.cli.trials", "trials"),
    "values": ("mesocli.cli.values", "values"),
    "compare": ("mesocli.cli.visit", "compare"),
    "questions": ("mesocli.cli.visit", "questions"),
    "evidence": ("mesocli.cli.visit", "evidence"),
    "sources": ("mesocli.cli.visit", "sources"),
    "validate": ("mesocli.cli.manage", "validate"),
    "schema": ("mesocli.cli.manage", "schema"),
    "migrate": ("mesocli.cli.manage", "migrate"),
    "help-resources": ("mesocli.cli.start", "help_resources"),
    "help": ("mesocli.cli.start", "help_command"),
    "about": ("mesocli.cli.start", "about"),
    "cache": ("mesocli.cli.cache", "cache"),
}

#: Names of the commands built in this process, in the order they were built (tests count them).
BUILT: list[str] = []


#: Errors of writing, not reading: what Click raises when --help meets a full disk or a closed stdout.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF, errno.EROFS})


def _say(message: str) -> None:
    note(printable(message, MAX_MESSAGE))


def run(invoke: Callable[[], Any]) -> int:
    """Run the command line and turn every expected failure into one line on stderr and an exit code.

    This is the one place where errors become messages (in the interface language) and exit codes.
    """
    from typer._click import exceptions as click_exceptions  # Typer vendors Click; no public path

    try:
        try:
            result = invoke()
        except click_exceptions.NoArgsIsHelpError as exc:
            write_stdout(exc.format_message() + "\n")
            return EXIT_OK
        if result == EXIT_INTERRUPTED:  # Typer turns Ctrl-C inside a command into a quiet exit 130
            _say(_("interrupted"))
        return result if isinstance(result, int) else EXIT_OK
    except click_exceptions.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx is not None else "mesocli"
        see = _("(see '{command} --help')").format(command=command)
        _say(f"{_('error:')} {click_message(exc)} {see}")
        return EXIT_USAGE
    except click_exceptions.ClickException as exc:
        _say(f"{_('error:')} {click_sentence(exc.format_message())}")
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        _say(_("interrupted"))
        return EXIT_INTERRUPTED
    except KnowledgeBaseError as exc:
        _say(f"{_('knowledge base error:')} {problems_line(exc.problems, len(exc.errors))}")
        return EXIT_KB
    except TrialsError as exc:
        _say(f"{_('trials:')} {say(exc.args[0] if exc.args else str(exc))}")
        return EXIT_TRIALS
    except (NotFoundError, NothingFound) as exc:
        _say(say(exc.args[0] if exc.args else str(exc)))
        return EXIT_NOT_FOUND
    except (OutputClosed, BrokenPipeError):
        silence_stdout()
        return EXIT_OK
    except OutputError as exc:
        _say(f"{_('could not write output:')} {say(exc.args[0] if exc.args else str(exc))}")
        return EXIT_OUTPUT
    except OSError as exc:
        if exc.errno not in _WRITE_ERRORS:
            raise
        silence_stdout()
        _say(f"{_('could not write output:')} {say(exc.strerror)}")
        return EXIT_OUTPUT


def build_command(name: str) -> Any:
    """Import the module that defines command ``name`` and build its Click command (or group)."""
    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    module, function = COMMANDS[name]
    callback = getattr(importlib.import_module(module), function)
    BUILT.append(name)
    if isinstance(callback, typer.Typer):  # a group of subcommands, such as `profile init`
        group = typer.main.get_group(callback)
        group.name = name
        return described(name, group)
    command = get_command_from_info(
        CommandInfo(name=name, callback=callback), pretty_exceptions_short=True, rich_markup_mode=None
    )
    return described(name, command)


class LazyCommands(MutableMapping[str, Any]):
    """The group's commands: every name is known at once, each command is built on first lookup."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = build_command(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*COMMANDS, *self._built]))

    def __len__(self) -> int:
        return len(set(COMMANDS) | set(self._built))


class MesocliGroup(TyperGroup):
    """The top-level group: commands built lazily, and mesocli's error handling around every invocation."""

    context_class = HelpContext

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands()

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Global options may follow the command: they are moved before it, then Click parses."""
        for param in self.params:  # Typer appends its completion options after building the group
            if param.name == "install_completion" and not getattr(param.callback, "mesocli", False):
                param.callback = install_completion(param.callback)
        return read_globals(ctx, args, self, lambda hoisted: list(super(MesocliGroup, self).parse_args(ctx, hoisted)))

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
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from mesocli.cli.start import version_text

    write_stdout(version_text(state(ctx).kb))
    raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    kb: Annotated[
        str | None,
        typer.Option(
            "--kb",
            metavar="PATH",
            envvar=ENV_VAR,
            is_eager=True,
            callback=set_kb,
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
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page output through $MESOCLI_PAGER, $PAGER or less on a terminal. Default: only pages longer "
            "than the screen.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            envvar="MESOCLI_LANG",
            is_eager=True,
            callback=set_lang,
            autocompletion=lambda: list(LANGUAGES),
            help="Language of pages and help: en, tr (Türkçe) or es (Español). Default: $MESOCLI_LANG, "
            "else the locale (LC_ALL, LANG), else English.",
        ),
    ] = None,
) -> None:
    """Explore the treatment options of stage 4 (advanced) mesothelioma."""
    current = state(ctx)
    current.color = color.value
    current.pager = pager
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:  # bare `mesocli`: the start-here screen
        from mesocli.cli.start import start_here

        start_here(ctx)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="mesocli")
