"""What every command shares: the global options' state, the exit codes and the page writer."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer

from mesocli.cli.output import choose_format, emit
from mesocli.core.errors import MesocliError
from mesocli.core.l10n import N_
from mesocli.kb import KnowledgeBase

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_KB, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
EXIT_TRIALS = 5  # the trials snapshot could not be fetched, read or written

EXIT_CODES_HELP = N_(
    "Exit codes: 0 ok; 1 nothing found; 2 usage error; 3 knowledge-base error "
    "(missing, unreadable or invalid file); 4 could not write output; 5 trials snapshot could not be fetched, "
    "read or written; 130 interrupted."
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
    ctx: typer.Context,
    fmt: Any,
    as_json: bool,
    document: Callable[[], Any],
    data: Callable[[], Any],
    read: Sequence[Path] = (),
) -> None:
    """Write one page in the chosen format, honouring --color and --pager. ``read``: files the page was made
    from that no option names (the trials snapshot), for the key the page is kept under.

    In another language than English, JSON and YAML keep their English keys and say which language their
    text is in: a ``lang`` field on the object, or on each object of a list.
    """
    current = state(ctx)
    lang = current.lang or "en"

    def tagged() -> Any:
        value = data()
        if lang == "en":
            return value
        if isinstance(value, dict):
            return {**value, "lang": lang}
        if isinstance(value, list):
            return [{**item, "lang": lang} if isinstance(item, dict) else item for item in value]
        return value

    def translated() -> Any:
        from mesocli.pages.notice import with_translation_notice

        return with_translation_notice(document(), lang)

    chosen = chosen_format(ctx, fmt, as_json)
    key = page_key(ctx, current, read) if chosen not in ("json", "yaml") else None
    emit(
        chosen, document if lang == "en" else translated, tagged, color=current.color, pager=current.pager, page_key=key
    )


def page_key(ctx: typer.Context, current: State, read: Sequence[Path] = ()) -> tuple[list[str], list[Path]] | None:
    """What a page is made from, for keeping its layout (the rule is :mod:`mesocli.store.pagekey`): the
    command with the global and its own options, and every file read: the knowledge base, each of its
    translations (a search may answer from another language's edition) and any file an option names (a
    profile). None when the knowledge base is not a file."""
    kb = current._kb
    if kb is None or kb.path is None:
        return None
    from mesocli.core.files import overlay_path
    from mesocli.core.l10n import LANGUAGES

    root = ctx.find_root()
    arguments = [ctx.command_path, *_options(root.params), *_options(ctx.params)]
    files = [kb.path, *(overlay_path(kb.path, code) for code in LANGUAGES if code != "en"), *read]
    for param in ctx.command.params:  # a file an option or argument names is read (--output is written)
        value = ctx.params.get(param.name or "")
        if getattr(param.type, "name", "") == "path" and value is not None and param.name != "output":
            files.append(Path(value))
    return arguments, files


def _options(params: dict[str, Any]) -> list[str]:
    return [f"{name}={value!r}" for name, value in sorted(params.items())]
