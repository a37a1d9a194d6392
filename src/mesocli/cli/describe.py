"""How a command describes itself in --help: its help in the interface language, and real examples to copy."""

from types import TracebackType
from typing import Any

from typer._click.core import Context  # Typer vendors Click; no public path
from typer._click.formatting import HelpFormatter

from mesocli.core.errors import Message
from mesocli.core.l10n import N_, _

#: Two or three real command lines per command, shown under "Examples:" at the end of its --help.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "list": ("mesocli list", "mesocli list --category systemic-therapy", "mesocli list --type peritoneal --json"),
    "show": ("mesocli show chemo", 'mesocli show "radiation therapy"', "mesocli show keytruda --format markdown"),
    "search": (
        N_("mesocli search breathless"),
        N_("mesocli search how do I find a clinical trial near me"),
        "mesocli search chemotherpy --limit 3",
    ),
    "guide": ("mesocli guide", "mesocli guide second-opinion", "mesocli guide help-resources"),
    "glossary": ("mesocli glossary", "mesocli glossary pleurodesis", "mesocli glossary PD-L1"),
    "studies": ("mesocli studies", "mesocli studies --option immunotherapy --line first", "mesocli studies checkmate"),
    "options": (
        "mesocli options --site pleural --histology epithelioid --fitness 1",
        "mesocli options --site peritoneal --treated chemotherapy --region eu",
    ),
    "handout": (
        "mesocli handout --site pleural --fitness 1 -o visit.html",
        "mesocli handout --site pleural --paper letter --format markdown -o -",
    ),
    "profile": ("mesocli profile init", "mesocli profile init - --force"),
    "trials": (
        "mesocli trials --site pleural --treated none --near Madrid --within 300",
        "mesocli trials --country Türkiye --json",
        "mesocli trials --near Estambul --age 64 --format markdown",
    ),
    "values": ("mesocli values --profile me.yaml", "mesocli values -p profile.yaml"),
    "compare": ("mesocli compare chemotherapy immunotherapy", "mesocli compare chemo immuno radiation --format yaml"),
    "questions": ("mesocli questions", "mesocli questions immunotherapy --no-general --output visit.md"),
    "evidence": ("mesocli evidence", "mesocli evidence immunotherapy"),
    "sources": ("mesocli sources", "mesocli sources vogelzang2003", "mesocli sources 12860938 --json"),
    "validate": ("mesocli validate", "mesocli validate my-kb.yaml --format json"),
    "schema": ("mesocli schema", "mesocli schema --format json"),
    "migrate": ("mesocli migrate old.yaml new.yaml", "mesocli migrate old.yaml new.yaml --force"),
    "help-resources": ("mesocli help-resources", "mesocli help-resources --format markdown"),
    "help": ("mesocli help", "mesocli help search", "mesocli help profile init"),
    "about": ("mesocli about", "mesocli about --json"),
    "cache": ("mesocli cache clear", "mesocli cache clear --quiet"),
}


#: Help texts made of parts, by their English: Typer keeps an option's help as plain text, so a help that is a
#: Message (one sentence around the fitness levels) is said from here.
COMPOSED: dict[str, Message] = {}


def composed(message: Message) -> Message:
    """``message``, kept so that an option's help made of it is said in the interface language."""
    COMPOSED[str(message)] = message
    return message


def examples_epilog(name: str) -> str | None:
    """The "Examples:" epilog of command ``name``, kept unwrapped (Click's \\b marker), or None."""
    lines = EXAMPLES.get(name)
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines) if lines else None


#: Click's placeholders in a usage line.
USAGE_WORDS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))


class Formatter(HelpFormatter):
    """Click's help formatter, writing Click's own words (Usage, Options, Show this message and exit, [default:
    ...]) and every help text in the interface language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for word in USAGE_WORDS:  # Click's own placeholders; a command's own (NAME, FILE) are its syntax
            args = args.replace(word, _(word))
        super().write_usage(prog, args, _("Usage:") + " " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_(heading))

    def write_text(self, text: str) -> None:
        said = _(text)
        if said == text and text.startswith("Examples:"):  # the heading, then each example with its query said
            said = "\n".join([_("Examples") + ":", *(_example(line) for line in text.split("\n")[1:])])
        super().write_text(said)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        from mesocli.cli.messages import help_note

        super().write_dl([(term, help_note(text) if text else text) for term, text in rows], col_max, col_spacing)


def _example(line: str) -> str:
    """An example command line in the interface language, when the catalog words its query (a search)."""
    command = line.strip()
    return line[: len(line) - len(line.lstrip())] + _(command) if command else line


class HelpContext(Context):
    """A context whose help is written in the interface language, chosen by --lang before help is written."""

    formatter_class = Formatter

    def make_formatter(self) -> HelpFormatter:
        translated(self.command)
        return super().make_formatter()

    def get_help(self) -> str:
        """The help page; with standard output closed, the error every other page meets (Click's echo would
        write nothing and --help would end in success)."""
        import sys

        if sys.stdout is None:
            from mesocli.cli.output import OutputError

            raise OutputError(Message("standard output is closed"))
        return super().get_help()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc_value: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        """Leave the context; a usage error raised without one (Click's parser: an option missing its value)
        gets this one, the innermost, so that its "see ... --help" names the command that was being parsed."""
        from typer._click.exceptions import UsageError

        if isinstance(exc_value, UsageError) and exc_value.ctx is None:
            exc_value.ctx, exc_value.cmd = self, self.command
        return super().__exit__(exc_type, exc_value, tb)


def translated(command: Any) -> Any:
    """``command`` with its help, its parameters' help and its subcommands' in the interface language.

    The English is kept on the command, so that it can be said again in whatever language is chosen later
    (a command may be built before ``--lang`` is read, when a global option follows it).
    """
    from mesocli.cli.options import refuse_nul_in_paths, uniform_metavars
    from mesocli.core.l10n import say

    english = getattr(command, "english", None)
    if english is None:
        english = command.english = (command.help, tuple(getattr(p, "help", None) for p in command.params))
        uniform_metavars(command)
        refuse_nul_in_paths(command)
        command.context_class = HelpContext
    text, params = english
    command.help = say(text) if text else text
    for param, param_text in zip(command.params, params, strict=True):
        if param_text:
            param.help = say(COMPOSED.get(param_text, param_text))
    commands = getattr(command, "commands", None)
    if isinstance(commands, dict):  # a group of subcommands (profile init); the top level builds lazily
        for sub in commands.values():
            translated(sub)
    return command


def described(name: str, command: Any) -> Any:
    """``command`` translated, with its examples as the epilog of its --help."""
    command.epilog = command.epilog or examples_epilog(name)
    return translated(command)
