"""The situation commands: ``options``, ``handout`` and ``profile init``, and the situation options they share.

A situation comes from ``--profile FILE`` and the options (an option given on the command line wins over the
file). A profile that cannot be read or holds invalid values is a usage error (exit 2), reported with its
``file:line:column``.
"""

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mesocli.cli.context import NothingFound, emit_page, state
from mesocli.cli.describe import composed
from mesocli.cli.messages import problem_line
from mesocli.cli.options import FormatOption, JsonOption, PlainIntRange, vocabulary_option
from mesocli.core.errors import Message
from mesocli.core.l10n import N_, _
from mesocli.core.models import GOALS, MESO_TYPES, REGIONS
from mesocli.core.situation import FITNESS_MEANING, PERSON_HISTOLOGIES, TREATED, Situation

if TYPE_CHECKING:
    from mesocli.kb import KnowledgeBase

_FITNESS_HELP = composed(
    Message(
        "ECOG performance status, 0 to 4: {levels}.",
        levels=Message(
            "0: {l0}; 1: {l1}; 2: {l2}; 3: {l3}; 4: {l4}", **{f"l{k}": Message(v) for k, v in FITNESS_MEANING.items()}
        ),
    )
)

SiteOption = Annotated[
    str | None, vocabulary_option("--site", "-s", MESO_TYPES, N_("site"), N_("Where the mesothelioma started."))
]
HistologyOption = Annotated[
    str | None,
    vocabulary_option(
        "--histology", "-H", PERSON_HISTOLOGIES, N_("histology"), N_("Tissue type on the biopsy report.")
    ),
]
TreatedOption = Annotated[
    str | None,
    vocabulary_option("--treated", "-t", TREATED, N_("treatment"), N_("Treatment had so far for mesothelioma.")),
]
FitnessOption = Annotated[
    int | None,
    typer.Option(
        "--fitness",
        "-F",
        click_type=PlainIntRange(0, 4),
        autocompletion=lambda: [str(k) for k in FITNESS_MEANING],
        help=_FITNESS_HELP,
    ),
]
RegionOption = Annotated[
    str | None, vocabulary_option("--region", "-r", REGIONS, N_("region"), N_("Where you are treated, for approvals."))
]
GoalOption = Annotated[
    str | None, vocabulary_option("--goal", "-g", GOALS, N_("goal"), N_("Only options with this goal."))
]
ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile", "-p", metavar="FILE", help="Read the situation from a profile (see `mesocli profile init`)."
    ),
]


def situation_from(
    profile: Path | None,
    site: str | None = None,
    histology: str | None = None,
    treated: str | None = None,
    fitness: int | None = None,
    region: str | None = None,
    goal: str | None = None,
) -> Situation:
    """The profile's situation (if any) with every option given on the command line put over it."""
    from mesocli.core.profile import ProfileError, read_profile

    base = Situation()
    if profile is not None:
        try:
            base = read_profile(profile)
        except ProfileError as exc:
            problems = "; ".join(problem_line(p) for p in exc.problems)
            raise typer.BadParameter(problems, param_hint="--profile") from None
    return base.merged(Situation(site, histology, treated, fitness, region, goal))


def given(profile: Path | None, *values: object) -> bool:
    """Whether any situation option or a profile was given."""
    return profile is not None or any(v is not None for v in values)


def options(
    ctx: typer.Context,
    profile: ProfileOption = None,
    site: SiteOption = None,
    histology: HistologyOption = None,
    treated: TreatedOption = None,
    fitness: FitnessOption = None,
    region: RegionOption = None,
    goal: GoalOption = None,
    details: Annotated[
        bool,
        typer.Option(
            "--details", help="The full page: every trial and why it included you or not, guideline rows, questions."
        ),
    ] = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """The options in one situation, each in the same short format: whether it fits and why, what it may do
    for me and what it costs me, and the key trial results as "out of 100 people" with how sure they are.

    Every field is optional; an unknown one is treated as "could be either". Options come by category, then
    evidence level: the page informs a conversation and does not choose. --details gives every trial and why it
    included such a person or not, the guideline rows, approvals in the region and the questions to ask.
    JSON is the same in both views.
    """
    kb = state(ctx).kb
    result = kb.options(situation_from(profile, site, histology, treated, fitness, region, goal))
    if not result.options:
        raise NothingFound(Message("no treatment option matches this situation's goal"))
    from mesocli.cli.trials import nearby_lines  # at most 3 trials of the snapshot, with its date
    from mesocli.pages.trials import with_trials

    lines, read = nearby_lines(ctx, result.situation)
    if details:
        from mesocli.pages.situation import options_page

        emit_page(ctx, fmt, as_json, lambda: with_trials(options_page(result), lines), result.to_data, read)
        return
    from mesocli.pages.choice import options_short_page

    emit_page(ctx, fmt, as_json, lambda: with_trials(options_short_page(result), lines), result.to_data, read)


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


class HandoutFormat(str, Enum):
    html = "html"
    markdown = "markdown"


def handout(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="Write the handout to FILE ('-': stdout).")
    ],
    profile: ProfileOption = None,
    site: SiteOption = None,
    histology: HistologyOption = None,
    treated: TreatedOption = None,
    fitness: FitnessOption = None,
    region: RegionOption = None,
    goal: GoalOption = None,
    paper: Annotated[Paper, typer.Option("--paper", case_sensitive=False, help="Page size for printing.")] = Paper.a4,
    force: Annotated[bool, typer.Option("--force", help="Let --output replace an existing file.")] = False,
    fmt: Annotated[
        HandoutFormat, typer.Option("--format", "-f", case_sensitive=False, help="html (printable) or markdown.")
    ] = HandoutFormat.html,
    option: Annotated[
        list[str] | None,
        typer.Option(
            "--option",
            metavar="ID",
            help="An option to cover (repeat for more; comfort-care: no anticancer treatment). Default: the choices "
            "that fit.",
        ),
    ] = None,
    large_print: Annotated[
        bool, typer.Option("--large-print", help="Large print: body text 16 pt, nothing below 14 pt.")
    ] = False,
    full: Annotated[
        bool,
        typer.Option("--full", help="The long version: every option, every trial that included you, all questions."),
    ] = False,
) -> None:
    """A printable handout for the visit, a few pages: the situation, the decision, each chosen option in plain
    words with its key trial results as "out of 100 people" (drawn and said), what matters to me, at most 15
    questions for the situation, space for notes, the references cited, and how this was made.

    HTML is one self-contained file (no scripts, no external requests) with print styles for A4 or Letter and
    page numbers. --full keeps the long version. An existing file is never replaced unless --force is given
    (exit 2, file untouched).
    """
    from mesocli.cli.output import write_output

    kb = state(ctx).kb
    result = kb.options(situation_from(profile, site, histology, treated, fitness, region, goal))
    from mesocli.cli.trials import nearby_lines
    from mesocli.pages.notice import with_translation_notice
    from mesocli.pages.trials import with_trials

    if full:
        from mesocli.pages.situation import handout_page

        document = handout_page(result, list(kb.guides))
    else:
        from mesocli.pages.handout import handout_short

        chosen = [_option_id(kb, name) for name in option] if option else None
        english = _english(kb)
        document = handout_short(result, list(kb.guides), chosen, [*english.treatments, *english.guides])
    document = with_trials(document, nearby_lines(ctx, result.situation)[0])
    document = with_translation_notice(document, state(ctx).lang)
    if fmt == HandoutFormat.markdown:
        from mesocli.render.text import markdown

        text = markdown(document)
    else:
        from mesocli.render.handout import handout_html

        text = handout_html(document, paper.value, _("{title}: my visit").format(title=kb.title), large=large_print)
    write_output(output, text, force)


def _option_id(kb: "KnowledgeBase", name: str) -> str:
    """The id of an option named on the command line, or the comfort choice's id."""
    from mesocli.query.decision import COMFORT_ID

    return COMFORT_ID if name.strip().casefold() == COMFORT_ID else kb.get(name).id


def _english(kb: "KnowledgeBase") -> "KnowledgeBase":
    """The English knowledge base beside a translated edition (questions are chosen on their English words)."""
    if kb.lang == "en" or kb.path is None:
        return kb
    from mesocli.kb import load

    return load(kb.path)


profile = typer.Typer(
    name="profile",
    help="Situation profiles: small YAML files read by --profile.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@profile.command("init")
def profile_init(
    path: Annotated[Path, typer.Argument(help="Where to write the template ('-': stdout).")] = Path("profile.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a commented profile template, every field empty (unknown); never overwrites without --force."""
    from mesocli.cli.output import write_output
    from mesocli.core.profile import template

    write_output(path, template(_), force, hint="PATH")  # the comments in the interface language
