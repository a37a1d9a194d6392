"""What every command shares: the global options' state, the exit codes and the page writer."""

from collections.abc import Callable
from typing import Any

import typer

from mesocli.cli.output import choose_format, emit
from mesocli.core.errors import MesocliError
from mesocli.core.l10n import N_
from mesocli.kb import KnowledgeBase

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_KB, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

EXIT_CODES_HELP = N_(
    "Exit codes: 0 ok; 1 nothing found; 2 usage error; 3 knowledge-base error "
    "(missing, unreadable or invalid file); 4 could not write output; 130 interrupted."
)


class NothingFound(MesocliError):
    """A command ran fine and found nothing (exit 1)."""


class State:
    """What the global options set, shared with every command."""

    def __init__(self) -> None:
        self.kb_path: str | None = None
        self.lang: str | None = None
        self.color = "auto"
        self.pager: bool | None = None  # None: page what is longer than the screen
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from mesocli.edition import load

            self._kb = load(self.kb_path, self.lang)
        return self._kb


def state(ctx: typer.Context) -> State:
    """The state of this invocation, kept on the root context."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def chosen_format(ctx: typer.Context, fmt: Any, as_json: bool) -> str:
    """The format a command writes in: --json, then --format, then rich on a terminal, else plain."""
    return choose_format(fmt.value if fmt else None, as_json, state(ctx).color)


def emit_page(
    ctx: typer.Context, fmt: Any, as_json: bool, document: Callable[[], Any], data: Callable[[], Any]
) -> None:
    """Write one page in the chosen format, honouring --color and --pager."""
    current = state(ctx)
    emit(chosen_format(ctx, fmt, as_json), document, data, color=current.color, pager=current.pager)
