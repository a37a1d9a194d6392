"""Option and argument types shared by the command modules."""

from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import typer

from mesocli.cli.context import state
from mesocli.core.errors import MesocliError


class Format(str, Enum):
    """The output formats of page commands."""

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


def choice(values: tuple[str, ...], what: str) -> Callable[[str | None], str | None]:
    """A callback that accepts only ``values``."""

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
    """Shell completion of the ids of one kind of entry."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            kb = state(ctx).kb
        except MesocliError:
            return []
        return [name for name in kb.names(kind) if name.startswith(incomplete.casefold())]

    return complete
