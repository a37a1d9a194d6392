"""The start-here page that bare ``mesocli`` shows: what it is, what to try first, where to get help."""

from __future__ import annotations

from mesocli.core.l10n import N_, _
from mesocli.pages.document import Block, Document, Heading, Note, Paragraph, Span, Table, plain

#: The first commands to try, with what each does, in the order a newcomer needs them.
FIRST_COMMANDS = (
    ("mesocli list", N_("the treatment options in one table")),
    ("mesocli show palliative-care", N_("one option explained, with its evidence")),
    (N_("mesocli search breathless"), N_("search options, guide topics and terms")),
    ("mesocli guide", N_("care team, second opinion, finding a trial")),
    ("mesocli questions --output visit.md", N_("questions to ask at the next visit")),
    ("mesocli help-resources", N_("helplines and support, by country")),
)


def start_page(disclaimer: str) -> Document:
    """What bare ``mesocli`` prints: a short introduction, first commands, where help is, the disclaimer."""
    blocks: list[Block] = [
        Heading(_("mesocli: stage 4 mesothelioma treatment options"), 1),
        Paragraph(
            plain(
                _(
                    "mesocli explains the treatment options of stage 4 (advanced) mesothelioma: what each option "
                    "is, what it may do, what the trials found and what to ask your care team. Every figure "
                    "carries a reference."
                )
            )
        ),
        Heading(_("Start here")),
        Table(
            (_("Command"), _("What it shows")),
            tuple((plain(_(command), "strong"), plain(_(what))) for command, what in FIRST_COMMANDS),
            (0, 1),
        ),
        Heading(_("Help")),
        Paragraph(
            (
                Span("mesocli help", "strong"),
                Span(_(" lists every command; ")),
                Span("mesocli help COMMAND", "strong"),
                Span(_(" (or ")),
                Span("mesocli COMMAND --help", "strong"),
                Span(_(") explains one, with examples.")),
            )
        ),
        Note(plain(disclaimer)),
    ]
    return tuple(blocks)
