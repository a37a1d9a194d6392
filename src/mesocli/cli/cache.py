"""``mesocli cache``: where mesocli keeps its files, and erasing them."""

from typing import Annotated

import typer

cache = typer.Typer(
    name="cache",
    help="What mesocli keeps on this computer (databases, kept pages and runs, file checksums), and erasing it.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@cache.command("clear")
def cache_clear(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Say nothing on success.")] = False,
) -> None:
    """Remove every database, kept page, kept run and checksum mesocli made (they can hold a situation from --profile).

    The folder is $MESOCLI_CACHE_DIR, else $XDG_CACHE_HOME/mesocli, else ~/.cache/mesocli. Only files named
    as mesocli names them are removed; your knowledge bases and profiles are never touched.
    """
    from mesocli.cli.output import note
    from mesocli.core.escape import printable
    from mesocli.core.l10n import _, ngettext, number
    from mesocli.store.clear import clear
    from mesocli.store.location import directory

    folder = directory()
    if folder is None:
        if not quiet:
            note(_("the cache is off (MESOCLI_NO_CACHE); nothing to clear"))
        return
    removed = clear(folder)
    if not quiet:
        said = ngettext("removed {count} file from {path}", "removed {count} files from {path}", len(removed))
        note(said.format(count=number(len(removed)), path=printable(str(folder))))
