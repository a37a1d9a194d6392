"""Pages of the evidence: a study on its own, the list of studies, and a study as one item of an option's page.

Pure like the other pages: models in, documents out. Every figure comes from the study's own fields,
each followed by the number of the reference it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence

from mesocli.core.evidence import LINE_WORDS, arm_roles, option_role, population_text, roles
from mesocli.core.l10n import N_, _, ngettext, number
from mesocli.core.models import Reference
from mesocli.core.studies import LINE_MEANING, STATUS_WORDS, Arm, Comparison, Study, Update
from mesocli.pages.document import Block, Bullets, Document, Heading, Inline, Note, Paragraph, Span, Table, plain
from mesocli.pages.reading import FOOTER

#: Said of a study of unresectable disease (translated where shown).
UNRESECTABLE_DISEASE = N_(
    "Unresectable disease: not only stage IV; people whose cancer could not be removed by surgery"
)


def _cite(numbers: dict[str, int], rid: str) -> Span:
    """The reference's number on this page, or its id where the page lists no references (a notebook cell)."""
    return Span(f" [{numbers.get(rid, rid)}]", "cite")


def _months(value: float) -> str:
    """Months with their one decimal, as trials report them (3.0, not 3)."""
    return number(value, 1)


def _ratio(value: float) -> str:
    """A hazard ratio or an interval bound with two decimals, as published (0.60, not 0.6)."""
    return number(value, 2)


def _g(value: float) -> str:
    return number(value)


def arm_figures(arm: Arm) -> str:
    """An arm's published figures in words: "median survival 18.1 months, 30% serious side effects"."""
    parts = []
    if arm.median_os_months is not None:
        parts.append(_("median survival {n} months").format(n=_months(arm.median_os_months)))
    if arm.median_pfs_months is not None:
        parts.append(_("median time without growth {n} months").format(n=_months(arm.median_pfs_months)))
    for s in arm.survival:
        alive = ngettext("{pct}% alive at {years} year", "{pct}% alive at {years} years", s.years)
        parts.append(alive.format(pct=_g(s.pct), years=_g(s.years)))
    if arm.response_rate_pct is not None:
        parts.append(_("tumours shrank in {pct}%").format(pct=_g(arm.response_rate_pct)))
    if arm.grade3plus_trae_pct is not None:
        parts.append(_("serious (grade 3 or higher) side effects in {pct}%").format(pct=_g(arm.grade3plus_trae_pct)))
    return ", ".join(parts)


def comparison_text(c: Comparison | None) -> str:
    """Hazard ratios with their intervals, and whether the main goal was met."""
    if c is None:
        return ""
    parts = []
    for label, hr, ci in ((N_("death"), c.os_hr, c.os_ci), (N_("growth or death"), c.pfs_hr, c.pfs_ci)):
        if hr is not None:
            interval = " " + _interval(c.ci_level, ci) if len(ci) == 2 else ""
            parts.append(_("hazard ratio for {what} {hr}").format(what=_(label), hr=_ratio(hr)) + interval)
    if c.primary_endpoint and c.met is not None:
        parts.append(
            (_("main goal ({goal}) met") if c.met else _("main goal ({goal}) not met")).format(goal=c.primary_endpoint)
        )
    return "; ".join(parts)


def _interval(level: float | None, ci: Sequence[float]) -> str:
    """A confidence interval the language's way: "(95% CI 0.61-0.89)", "(%95 GA 0,61-0,89)"."""
    low, high = _ratio(ci[0]), _ratio(ci[1])
    if level:
        return _("({level}% CI {low}-{high})").format(level=_g(level), low=low, high=high)
    return _("(CI {low}-{high})").format(low=low, high=high)


def _arms_text(arms: Sequence[Arm], labels: Sequence[str]) -> str:
    described = [(arm, arm_figures(arm)) for arm in arms]
    return "; ".join(
        f"{arm.name}{_(' (comparator)') if label == 'comparator' else ''}: {text}"
        for (arm, text), label in zip(described, labels, strict=True)
        if text
    )


def study_item(study: Study, numbers: dict[str, int], option: str | None = None) -> Inline:
    """A study as one list item: name, design, who took part, what it found, its figures, each sourced once."""
    spans: list[Span] = [Span(study.label, "strong"), Span(f", {study.design.rstrip('.')}. ")]
    if not study.mesothelioma:
        spans.append(Span(_("Not a mesothelioma trial ({cancer}). ").format(cancer=study.cancer), "label"))
    spans.append(Span(_("Who took part: {who}. ").format(who=study.population.description.rstrip("."))))
    spans.append(Span(study.finding.rstrip()))
    labels = roles(study)
    if option is not None and option_role(study, option) == "comparator":
        spans.append(Span(" " + _("Here this option was the comparator.")))
    figures = "; ".join(part for part in (_arms_text(study.arms, labels), comparison_text(study.comparison)) if part)
    if figures:
        spans.append(Span(f" {figures[0].upper()}{figures[1:]}."))
    spans.append(_cite(numbers, study.reference))
    for update in study.updates:
        spans += [Span(" "), *update_item(update, numbers)]
    return tuple(spans)


def study_page(
    study: Study, references: Sequence[Reference], disclaimer: str = FOOTER, names: dict[str, str] | None = None
) -> Document:
    """Everything about one study: design, who took part, the arms and their figures, updates, sources.

    ``names``: each option's name by id, to name the options an arm belongs to (their ids where not given)."""
    from mesocli.pages.reading import reference_items

    wanted = set(study.references())
    refs = [r for r in references if r.id in wanted]
    numbers = {r.id: i for i, r in enumerate(refs, 1)}
    p = study.population
    facts = [
        (_("Design"), study.design),
        (_("Status"), _(STATUS_WORDS[study.status])),
        (_("Also called"), ", ".join(study.aliases)),
        (_("Cancer"), study.cancer if not study.mesothelioma else ""),
    ]
    blocks: list[Block] = [Heading(study.label, 1)]
    blocks += [Paragraph((Span(f"{k}: ", "label"), Span(v))) for k, v in facts if v]
    blocks += [Heading(_("Who took part")), Paragraph(plain(p.description))]
    details = [population_text(p)]
    if p.line:
        line = _(LINE_WORDS.get(p.line, p.line))
        details.append(_("Line of treatment: {line} ({meaning})").format(line=line, meaning=_(LINE_MEANING[p.line])))
    if p.disease == "unresectable":
        details.append(_(UNRESECTABLE_DISEASE))
    if p.stage_note:
        details.append(p.stage_note)
    blocks.append(Bullets(tuple(plain(d) for d in details if d)))
    blocks += [Heading(_("What it found")), Paragraph((Span(study.finding), _cite(numbers, study.reference)))]
    arms = [
        (
            Span(f"{a.name}{_(' (comparator)') if r == 'comparator' else ''}", "strong"),
            Span(f" [{', '.join((names or {}).get(o, o) for o in a.options) or '-'}]: "),
            Span(arm_figures(a) or _("no figures published")),
        )
        for a, r in zip(study.arms, roles(study), strict=True)
    ]
    blocks += [Heading(_("Arms")), Bullets(tuple(arms))] if arms else []
    if comparison_text(study.comparison):
        blocks.append(Paragraph(plain(comparison_text(study.comparison))))
    updates = [update_item(u, numbers) for u in study.updates]
    blocks += [Heading(_("Later analyses")), Bullets(tuple(updates))] if updates else []
    blocks += [Heading(_("References")), reference_items(refs)] if refs else []
    blocks.append(Note(plain(disclaimer)))
    return tuple(blocks)


def update_item(update: Update, numbers: dict[str, int]) -> Inline:
    """A later analysis: its label and year, what it adds, its figures, and its own reference."""
    parts = (
        update.note or "",
        _arms_text(update.arms, arm_roles(len(update.arms))),
        comparison_text(update.comparison),
    )
    text = "; ".join(part.rstrip(". ") for part in parts if part)
    return (
        Span(f"{update.label} ({update.year}): ", "label"),
        Span(text.rstrip(".") + "."),
        _cite(numbers, update.reference),
    )


def studies_page(studies: Sequence[Study], title: str, names: dict[str, str] | None = None) -> Document:
    """The studies as a table: name, year, status, who took part, the options its arms belong to."""
    rows = tuple(
        (
            plain(s.name, "strong"),
            plain(str(s.year or "-")),
            plain(_(STATUS_WORDS[s.status])),
            plain(population_text(s.population) + ("" if s.mesothelioma else f" ({s.cancer})")),
            plain(", ".join((names or {}).get(o, o) for o in s.options)),
        )
        for s in studies
    )
    return (
        Heading(_(title), 1),
        Table((_("Study"), _("Year"), _("Status"), _("Who took part"), _("Options")), rows, (1, 0, 0, 3, 1)),
        Note(plain(_("`mesocli studies NAME` shows one study.") + " " + _(FOOTER))),
    )
