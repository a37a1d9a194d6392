"""Where a newcomer starts: the start-here screen, ``mesocli help [COMMAND]`` and ``mesocli help-resources``."""

from typing import Annotated, Any

import typer

from mesocli.cli.context import emit_page, state
from mesocli.cli.options import FormatOption, JsonOption
from mesocli.cli.output import write_stdout
from mesocli.core.errors import KnowledgeBaseError, Message
from mesocli.core.l10n import _

#: The guide topic that ``mesocli help-resources`` shows.
HELP_RESOURCES = "help-resources"


def start_here(ctx: typer.Context) -> None:
    """The screen of bare ``mesocli``: what it is, first commands, where help is, the disclaimer."""
    from mesocli.pages.reading import FOOTER
    from mesocli.pages.start import FIRST_COMMANDS, start_page

    try:
        disclaimer = state(ctx).kb.disclaimer
    except KnowledgeBaseError:  # the start screen is help: it works even when --kb names a broken file
        disclaimer = FOOTER
    data = {"commands": [{"command": c, "does": d} for c, d in FIRST_COMMANDS], "disclaimer": disclaimer}
    emit_page(ctx, None, False, lambda: start_page(disclaimer), lambda: data)


def help_command(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(metavar="[COMMAND]", help="A command (or 'profile init'); leave out for all."),
    ] = None,
) -> None:
    """Show the help of mesocli, or of one command: the same text as --help."""
    root = ctx.find_root()
    target: Any = root.command
    target_ctx: Any = root
    for name in command or []:
        found = target.get_command(target_ctx, name) if hasattr(target, "get_command") else None
        if found is None:
            raise typer.BadParameter(
                Message("no command {name}; 'mesocli help' lists them", name=repr(name)), param_hint="COMMAND"
            )
        target_ctx = type(ctx)(found, info_name=name, parent=target_ctx)
        target = found
    write_stdout(target.get_help(target_ctx) + "\n")


def help_resources(ctx: typer.Context, fmt: FormatOption = None, as_json: JsonOption = False) -> None:
    """Where patients and families can get help: cancer helplines and support services, by country.

    The same page as 'mesocli guide help-resources'; every number cites the page it was checked on.
    """
    from mesocli.core.serialize import to_data
    from mesocli.pages import reading as pages

    kb = state(ctx).kb
    found = kb.guide(HELP_RESOURCES)
    emit_page(ctx, fmt, as_json, lambda: pages.guide_page(found, kb.disclaimer), lambda: to_data(found))


def version_text(kb: Any) -> str:
    """The package and knowledge-base versions, then how it was made (the text of ``--version``)."""
    from mesocli._version import __version__
    from mesocli.core.disclosure import disclosure
    from mesocli.core.escape import printable

    found = disclosure(kb.last_reviewed)
    where = printable(str(kb.path))
    base = _("knowledge base {version} (reviewed {date}, {path})")
    lines = [f"mesocli {__version__}", base.format(version=kb.version, date=kb.last_reviewed, path=where), ""]
    lines += [f"{found.title}:", *(f"  {label}: {text}" for label, text in found.lines())]
    return "\n".join(lines) + "\n"


def about(ctx: typer.Context, fmt: FormatOption = None, as_json: JsonOption = False) -> None:
    """How mesocli was made: who wrote it, funding, conflicts of interest, review and the evidence's date."""
    from mesocli._version import __version__
    from mesocli.core.disclosure import disclosure
    from mesocli.pages.about import about_page

    kb = state(ctx).kb
    found = disclosure(kb.last_reviewed)
    versions = f"mesocli {__version__}; " + _("knowledge base {version}, reviewed {date}.").format(
        version=kb.version, date=kb.last_reviewed
    )
    data = {"mesocli": __version__, "knowledge_base": kb.version, **found.to_data(), "disclaimer": kb.disclaimer}
    emit_page(ctx, fmt, as_json, lambda: about_page(found, versions, kb.disclaimer), lambda: data)
