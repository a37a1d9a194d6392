"""How a command describes itself in --help: its help in the interface language, and real examples to copy."""

from typing import Any

from mesocli.core.l10n import _

#: Two or three real command lines per command, shown under "Examples:" at the end of its --help.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "list": ("mesocli list", "mesocli list --category systemic-therapy", "mesocli list --type peritoneal --json"),
    "show": ("mesocli show chemo", 'mesocli show "radiation therapy"', "mesocli show keytruda --format markdown"),
    "search": (
        "mesocli search breathless",
        "mesocli search how do I find a clinical trial near me",
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


def examples_epilog(name: str) -> str | None:
    """The "Examples:" epilog of command ``name``, kept unwrapped (Click's \\b marker), or None."""
    lines = EXAMPLES.get(name)
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines) if lines else None


def translated(command: Any) -> Any:
    """``command`` with its help and its parameters' help in the interface language (catalogs in locale/)."""
    from mesocli.cli.options import uniform_metavars

    command.help = _(command.help) if command.help else command.help
    uniform_metavars(command)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
    return command


def described(name: str, command: Any) -> Any:
    """``command`` translated, with its examples as the epilog of its --help."""
    command.epilog = command.epilog or examples_epilog(name)
    return translated(command)
