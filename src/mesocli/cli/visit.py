"""Commands for preparing a visit: compare, questions, evidence, sources.

Their pages (``pages_visit``) and ``tempfile`` are imported inside the commands: every other command
would otherwise pay for them at start-up.
"""

from pathlib import Path
from typing import Annotated, Any

import typer

from mesocli.cli import situation
from mesocli.cli.context import NothingFound, chosen_format, emit_page, state
from mesocli.cli.options import FormatOption, JsonOption, complete_names, valid_text
from mesocli.cli.output import render, write_output
from mesocli.core.errors import Message
from mesocli.core.l10n import _
from mesocli.core.serialize import to_data
from mesocli.pages.document import Document


def compare(
    ctx: typer.Context,
    names: Annotated[
        list[str],
        typer.Argument(
            callback=valid_text,
            metavar="NAME NAME [NAME...]",
            help="Two or more options (id, name, alias or unique prefix).",
            autocompletion=complete_names("treatment"),
        ),
    ],
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Put options side by side: goals, evidence, who it is for, what to expect, benefits, risks, numbers."""
    from mesocli.pages import visit as pages_visit

    if len(names) < 2:
        raise typer.BadParameter(Message("compare needs at least two options"), param_hint="NAME")
    kb = state(ctx).kb
    chosen = [kb.get(name) for name in names]
    if len({t.id for t in chosen}) < len(chosen):
        twice = next(t.id for i, t in enumerate(chosen) if t.id in {u.id for u in chosen[:i]})
        raise typer.BadParameter(
            Message("{name} is named twice; compare needs two different options", name=twice), param_hint="NAME"
        )
    table = chosen_format(ctx, fmt, as_json) in ("rich", "markdown")
    emit_page(
        ctx, fmt, as_json, lambda: pages_visit.compare_page(chosen, table, kb.disclaimer), lambda: to_data(chosen)
    )


def questions(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            callback=valid_text,
            metavar="[NAME...]",
            help="Options to include (default: all of them).",
            autocompletion=complete_names("treatment"),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the checklist to FILE instead of stdout."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let --output replace an existing file.")] = False,
    general: Annotated[
        bool, typer.Option("--general/--no-general", help="Add the general questions from the guide topics.")
    ] = True,
    profile: situation.ProfileOption = None,
    site: situation.SiteOption = None,
    histology: situation.HistologyOption = None,
    treated: situation.TreatedOption = None,
    fitness: situation.FitnessOption = None,
    region: situation.RegionOption = None,
    goal: situation.GoalOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """A printable Markdown checklist of questions for the care team, grouped by option.

    With a situation (--profile or --site, --histology, ...), the options that fit it come first, then the
    general questions that speak of it. With --output, an existing file is never replaced unless --force is
    given (exit 2, file untouched).
    """
    from mesocli.pages import visit as pages_visit

    kb = state(ctx).kb
    chosen = [kb.get(name) for name in names] if names else list(kb.treatments)
    guides = list(kb.guides) if general else []
    title = _("Questions for my care team")
    if situation.given(profile, site, histology, treated, fitness, region, goal):
        person = situation.situation_from(profile, site, histology, treated, fitness, region, goal)
        from mesocli.query.situation import ordered_questions

        result = kb.options(person)
        ids = {t.id for t in chosen}
        ordered, guides = ordered_questions(result, guides)
        chosen = [t for t in ordered if t.id in ids]

    def document() -> Document:
        return pages_visit.questions_page(chosen, guides, title)

    def data() -> dict[str, Any]:
        return pages_visit.questions_data(chosen, guides)

    if output is None:
        emit_page(ctx, fmt, as_json, document, data)
        return
    file_format = chosen_format(ctx, fmt, as_json) if (fmt or as_json) else "markdown"
    if file_format == "rich":
        file_format = "plain"  # a file gets no terminal escape codes
    write_output(output, render(file_format, document, data), force)


def evidence(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            callback=valid_text, help="One option (default: all of them).", autocompletion=complete_names("treatment")
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Chart the key trials: one bar per arm, scaled by median overall survival, with HR, population and source."""
    from mesocli.core.evidence import charted_studies, evidence_rows
    from mesocli.pages import visit as pages_visit

    kb = state(ctx).kb
    options = [kb.get(name).id] if name else None
    studies = charted_studies(kb.studies, options)
    if not studies:
        if name:
            raise NothingFound(Message("no trial with per-arm survival figures for {name}", name=name))
        raise NothingFound(Message("no trial with per-arm survival figures for these options"))
    title = _("Evidence: {name}").format(name=kb.get(name).name) if name else _("Evidence: key trials")
    emit_page(
        ctx,
        fmt,
        as_json,
        lambda: pages_visit.evidence_page(studies, title, kb.references),
        lambda: evidence_rows(studies),
    )


def sources(
    ctx: typer.Context,
    reference: Annotated[
        str | None,
        typer.Argument(
            callback=valid_text,
            metavar="[ID]",
            help="One reference: its id (as in [vogelzang2003]), PMID or DOI; leave out to list them all.",
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every reference in the knowledge base once, with the options, topics and terms that cite it."""
    from mesocli.pages import visit as pages_visit

    kb = state(ctx).kb
    found = pages_visit.source_list([*kb.treatments, *kb.guides, *kb.glossary])
    if reference is not None:
        one = pages_visit.find_source(found, reference)
        emit_page(
            ctx,
            fmt,
            as_json,
            lambda: pages_visit.sources_page([one], f"Source: {one[0].id}"),
            lambda: pages_visit.sources_data([one])[0],
        )
        return
    emit_page(
        ctx,
        fmt,
        as_json,
        lambda: pages_visit.sources_page(found, _("Sources: {title}").format(title=kb.title)),
        lambda: pages_visit.sources_data(found),
    )
