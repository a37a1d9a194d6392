"""The reading commands: list, show, search, guide, glossary."""

from typing import Annotated, Any

import typer

from mesocli.cli.context import NothingFound, emit_page, state
from mesocli.cli.fallback import SHOWN_QUERY, nothing_to_search, other_language, searched_words
from mesocli.cli.options import SECTION_NAMES as SECTIONS
from mesocli.cli.options import FormatOption, JsonOption, PlainIntRange, complete_names, valid_text, vocabulary_option
from mesocli.cli.output import note
from mesocli.core.errors import AmbiguousNameError, Message, NotFoundError
from mesocli.core.escape import printable
from mesocli.core.l10n import N_, _, number
from mesocli.core.models import CATEGORIES, GOALS, MESO_TYPES
from mesocli.core.serialize import hit_row, rows, to_data, treatment_row
from mesocli.core.studies import HISTOLOGIES, LINES, STATUSES
from mesocli.kb import KnowledgeBase
from mesocli.pages import reading as pages


def list_command(
    ctx: typer.Context,
    category: Annotated[
        str | None, vocabulary_option("--category", "-c", CATEGORIES, N_("category"), N_("Only this category."))
    ] = None,
    goal: Annotated[
        str | None, vocabulary_option("--goal", "-g", GOALS, N_("goal"), N_("Only options with this goal."))
    ] = None,
    meso_type: Annotated[
        str | None,
        vocabulary_option("--type", "-t", MESO_TYPES, N_("mesothelioma type"), N_("Only options for this type.")),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the treatment options: name, category, evidence level and summary."""
    kb = state(ctx).kb
    kept: list[list[Any]] = []

    def found() -> list[Any]:
        """The rows, read when the page is laid out (a kept page needs none: it was kept with rows)."""
        if not kept:
            kept.append(kb.list_rows(category, goal, meso_type))
        if not kept[0]:
            raise NothingFound(Message("no treatment option matches these filters"))
        return kept[0]

    emit_page(
        ctx, fmt, as_json, lambda: pages.list_page(found(), kb.title), lambda: [treatment_row(t) for t in found()]
    )


def show(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            callback=valid_text,
            help="Id, name, alias or unique prefix: chemo, 'radiation therapy', keytruda, immuno.",
            autocompletion=complete_names("treatment"),
        ),
    ],
    brief: Annotated[
        bool, typer.Option("--brief", "-b", help="Key points only: summary, evidence, first benefits and risks.")
    ] = False,
    section: Annotated[
        list[str] | None,
        vocabulary_option("--section", "-S", SECTIONS, N_("section"), N_("Only this section (repeat for more).")),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Explain one treatment option in sections, with its evidence and references."""
    from mesocli.pages import option as option_page

    if brief and section:
        raise typer.BadParameter(Message("give --brief or --section, not both"), param_hint="--brief")
    kb = state(ctx).kb
    try:
        treatment = kb.get(name)
    except AmbiguousNameError:
        raise  # the start of several options' names: say which, rather than point elsewhere
    except NotFoundError as missing:
        raise _other_command(kb, name) or missing from None

    def document() -> Any:
        if brief:
            return option_page.brief_page(treatment, english=_in_english(kb, treatment.id))  # its one-line notice
        return option_page.treatment_page(treatment, kb.disclaimer, section or ())

    emit_page(ctx, fmt, as_json, document, lambda: to_data(treatment))


def _other_command(kb: KnowledgeBase, name: str) -> NotFoundError | None:
    """When a name is a guide topic or glossary term rather than an option, point to its command."""
    for command, lookup in (("guide", kb.guide), ("glossary", kb.term)):
        try:
            found = lookup(name)
        except NotFoundError:
            continue
        return NotFoundError(name, "treatment", (f"mesocli {command} {found.id}",))
    return None


def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(callback=valid_text, help="Words to look for; typos are forgiven.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", click_type=PlainIntRange(min=1), help="At most this many results.")
    ] = 10,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Search every option, guide topic and glossary term, best matches first."""
    from mesocli.core.l10n import language
    from mesocli.query.ranking import ranked_words
    from mesocli.query.text import MAX_QUERY_WORDS, typed

    given_text = " ".join(query)
    text = typed(given_text)  # "ağ\u00adrı" (a soft hyphen pasted in) is searched as "ağrı"
    given = len(ranked_words(text, language()))  # the common words of the language the reader writes in
    shown = printable(given_text, SHOWN_QUERY)  # echoed as given in the heading and messages: escaped, and cut
    if not given:
        raise typer.BadParameter(nothing_to_search(text, shown), param_hint="QUERY")
    kb = state(ctx).kb
    if given > MAX_QUERY_WORDS:
        said = _("note: searching by the first {first} of the {given} words given")
        note(said.format(first=MAX_QUERY_WORDS, given=number(given)))
    hits = kb.search(text, limit)
    if not hits:
        hits = other_language(kb, searched_words(text, kb.lang), limit)
    if not hits:
        raise NothingFound(Message("nothing matches {query}; try fewer or other words", query=f"'{shown}'"))
    emit_page(ctx, fmt, as_json, lambda: pages.search_page(shown, hits), lambda: [hit_row(h) for h in hits])


def guide(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            callback=valid_text,
            help="A guide topic (id, title or alias); leave out to list them.",
            autocompletion=complete_names("guide"),
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Advice for the road: care team, second opinion, advance care planning, staging and more."""
    kb = state(ctx).kb
    if topic is None:
        guides = kb.guides
        if not guides:
            raise NothingFound(Message("this knowledge base has no guide topics"))
        emit_page(
            ctx,
            fmt,
            as_json,
            lambda: pages.guide_list_page(guides),
            lambda: [{"id": g.id, "title": g.title, "summary": g.summary} for g in guides],
        )
        return
    found = kb.guide(topic)
    emit_page(ctx, fmt, as_json, lambda: pages.guide_page(found, kb.disclaimer), lambda: to_data(found))


def glossary(
    ctx: typer.Context,
    term: Annotated[
        str | None,
        typer.Argument(
            callback=valid_text,
            help="A term (or its abbreviation); leave out to list them all.",
            autocompletion=complete_names("term"),
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Explain the words a patient meets: pleurodesis, PD-L1, hazard ratio and more."""
    kb = state(ctx).kb
    if term is None:
        terms = kb.glossary
        if not terms:
            raise NothingFound(Message("this knowledge base has no glossary"))
        emit_page(ctx, fmt, as_json, lambda: pages.glossary_list_page(terms), lambda: rows(terms))
        return
    found = kb.term(term)
    emit_page(ctx, fmt, as_json, lambda: pages.term_page(found), lambda: to_data(found))


def studies(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            callback=valid_text,
            help="A study: acronym, NCT number, id or unique prefix; leave out to list them.",
            autocompletion=complete_names("study"),
        ),
    ] = None,
    site: Annotated[
        str | None, vocabulary_option("--site", "-s", MESO_TYPES, N_("site"), N_("Studies open to this site."))
    ] = None,
    histology: Annotated[
        str | None,
        vocabulary_option("--histology", "-H", HISTOLOGIES, N_("histology"), N_("Studies open to this histology.")),
    ] = None,
    line: Annotated[
        str | None, vocabulary_option("--line", "-l", LINES, N_("line"), N_("Studies of this line."))
    ] = None,
    option: Annotated[
        str | None,
        typer.Option(
            "--option", "-o", help="Studies with an arm in this option.", autocompletion=complete_names("treatment")
        ),
    ] = None,
    status: Annotated[
        str | None, vocabulary_option("--status", "-S", STATUSES, N_("status"), N_("Only this status."))
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the studies behind the options, or show one: who took part, the arms, the results."""
    from mesocli.core.evidence import filter_studies, study_row
    from mesocli.pages import studies as study_pages

    kb = state(ctx).kb
    if name is not None:
        found = kb.study(name)
        emit_page(
            ctx,
            fmt,
            as_json,
            lambda: study_pages.study_page(found, kb.references, kb.disclaimer, _option_names(kb)),
            lambda: to_data(found),
        )
        return
    chosen = filter_studies(kb.studies, site, histology, line, kb.get(option).id if option else None, status)
    if not chosen:
        raise NothingFound(Message("no study matches these filters"))
    emit_page(
        ctx,
        fmt,
        as_json,
        lambda: study_pages.studies_page(chosen, N_("Studies"), _option_names(kb)),
        lambda: [study_row(s) for s in chosen],
    )


def _option_names(kb: Any) -> dict[str, str] | None:
    """Each option's name by id in a translated edition (an English page names options by their ids, which
    are also what a command takes); None in English."""
    return {t.id: t.name for t in kb} if getattr(kb, "lang", "en") != "en" else None


def _in_english(kb: Any, treatment_id: str) -> Any:
    """The option in English, for a translated edition (None in English): --brief chooses its points there."""
    if getattr(kb, "lang", "en") == "en" or kb.path is None:
        return None
    from mesocli.kb import load

    return load(kb.path).get(treatment_id)
