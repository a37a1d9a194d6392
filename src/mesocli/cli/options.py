"""Option and argument types shared by the command modules."""

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Annotated, Any

import typer
from typer._click import types  # Typer vendors Click; no public path

from mesocli.cli.context import state
from mesocli.core.errors import MesocliError, Message
from mesocli.core.escape import MAX_ECHO, printable


class Format(str, Enum):
    """The output formats of page commands."""

    rich = "rich"
    plain = "plain"
    json = "json"
    yaml = "yaml"
    markdown = "markdown"


#: The sections `show --section` knows, in page order (pages.option.SECTIONS, without importing it).
SECTION_NAMES = (
    "overview",
    "how",
    "candidates",
    "expect",
    "benefits",
    "risks",
    "options",
    "guidelines",
    "evidence",
    "approvals",
    "questions",
    "references",
)

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", case_sensitive=False, help="Output format. Default: rich on a terminal, plain otherwise."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def choice(values: tuple[str, ...], what: str) -> Callable[[Any], Any]:
    """A callback that accepts only ``values``, in any case, and gives the value as the vocabulary writes it.

    A repeatable option's list is checked item by item.
    """
    folded = {value.casefold(): value for value in values}

    def check(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            return [check(item) for item in value]
        if value.casefold() not in folded:
            import difflib

            close = difflib.get_close_matches(value.casefold(), list(folded), n=1)
            shown = "'" + printable(value, MAX_ECHO) + "'"
            names = ", ".join(values)
            if close:
                raise typer.BadParameter(
                    Message(
                        "{value} is not a {what}; did you mean {close}? (choose from {names})",
                        value=shown,
                        what=Message(what),
                        close=repr(folded[close[0]]),
                        names=names,
                    )
                )
            raise typer.BadParameter(
                Message("{value} is not a {what} (choose from {names})", value=shown, what=Message(what), names=names)
            )
        return folded[value.casefold()]

    return check


def valid_text(value: Any) -> Any:
    """A callback refusing a name or query that is not text: a byte that is not UTF-8 reaches Python as a lone
    surrogate (``\\udcff``), which no name holds and no index can look up."""
    for item in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(item, str) and any("\ud800" <= c <= "\udfff" for c in item):
            shown = "'" + printable(item, MAX_ECHO) + "'"
            raise typer.BadParameter(
                Message("{value} is not valid text: it holds a byte that is not UTF-8", value=shown)
            )
    return value


def _plain(base: type) -> type:
    """``base`` (a Click number type) refusing a number not written plainly: ``010``, ``1_000``, ``٣``, ``inf``,
    as the knowledge base and profiles refuse them (core.numbers)."""

    class Plain(base):  # type: ignore[misc]  # the Click type is a value here
        def convert(self, value: Any, param: Any, ctx: Any) -> Any:
            from mesocli.core.numbers import is_plain

            if isinstance(value, str) and not is_plain(value, isinstance(self, types.IntParamType)):
                shown = "'" + printable(value, MAX_ECHO) + "'"
                if isinstance(self, types.IntParamType):
                    said = Message(
                        "{value} is not a whole number written plainly (digits 0-9, no leading zero, no '_')",
                        value=shown,
                    )
                else:
                    said = Message(
                        "{value} is not a number written plainly (digits 0-9, no leading zero, no '_')", value=shown
                    )
                self.fail(said, param, ctx)
            return super().convert(value, param, ctx)

    return Plain


#: Number types for options: plain decimals only, with an optional range (as IntRange and FloatRange).
PlainInt = _plain(types.IntParamType)
PlainIntRange = _plain(types.IntRange)
PlainFloat = _plain(types.FloatParamType)


def vocabulary_option(flag: str, short: str, values: tuple[str, ...], what: str, help_text: str) -> Any:
    """An option restricted to ``values`` (any case), completed from them, shown as ``[a|b|c]``."""
    return typer.Option(
        flag,
        short,
        metavar=choices_metavar(values),
        callback=choice(values, what),
        autocompletion=lambda: list(values),
        help=help_text,
    )


def choices_metavar(values: Iterable[str]) -> str:
    return "[" + "|".join(values) + "]"


def uniform_metavars(command: Any) -> None:
    """One metavar style in every usage line and option list: NAME, [TOPIC], QUERY..., N, [a|b|c].

    An argument is its name in capitals (in brackets when it may be left out, ``...`` when repeated); an
    option's value is ``[a|b|c]`` for a choice, ``N`` for a number and its name in capitals otherwise.
    A metavar the command sets itself (``FILE``, ``PATH``, ``NAME NAME [NAME...]``) is kept.
    """
    for param in getattr(command, "params", ()):
        kind = getattr(param, "param_type_name", "")
        if kind == "argument":
            shown = param.metavar or (param.name or "").upper() + ("..." if param.nargs != 1 else "")
            if not param.required and not shown.startswith("["):
                shown = f"[{shown}]"
            param.make_metavar = lambda ctx=None, usage=False, shown=shown: shown
        elif kind == "option" and not param.is_flag and param.metavar is None:
            choices = getattr(param.type, "choices", None)
            if choices:
                param.metavar = choices_metavar(getattr(c, "value", c) for c in choices)
            elif param.type.name in ("int", "int range"):
                param.metavar = "N"
            else:
                param.metavar = (param.name or "").upper()
    commands = getattr(command, "commands", None)
    if isinstance(commands, dict):  # a group of subcommands (profile init); the top level builds lazily
        for sub in commands.values():
            uniform_metavars(sub)


def complete_names(kind: str) -> Callable[[typer.Context, str], list[str]]:
    """Shell completion of the ids of one kind of entry."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            kb = state(ctx).kb
        except MesocliError:
            return []
        return [name for name in kb.names(kind) if name.startswith(incomplete.casefold())]

    return complete


def refuse_nul_in_paths(command: Any) -> None:
    """A file name with a NUL byte in it (possible from Python, never from a shell) is a usage error of the
    option or argument, said as --kb says it, rather than the ValueError that ``os.stat`` raises."""
    for param in getattr(command, "params", ()):
        if getattr(param.type, "name", "") == "path":
            param.type.convert = _without_nul(param.type.convert)
    for sub in (getattr(command, "commands", None) or {}).values():
        if isinstance(getattr(command, "commands", None), dict):
            refuse_nul_in_paths(sub)


def _without_nul(convert: Callable[..., Any]) -> Callable[..., Any]:
    def checked(value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise typer.BadParameter(Message("the path contains a NUL byte, which no file name can"), ctx, param)
        return convert(value, param, ctx)

    return checked
