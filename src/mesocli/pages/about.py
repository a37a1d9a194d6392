"""The ``about`` page: what mesocli is made of and how (core.disclosure), and the versions."""

from __future__ import annotations

from mesocli.core.disclosure import Disclosure
from mesocli.core.l10n import _
from mesocli.pages.document import Block, Bullets, Document, Heading, Note, Paragraph, Span, plain


def disclosure_blocks(found: Disclosure, level: int = 2) -> list[Block]:
    """The "How this was made" heading and its items, for any page (the handout uses it too)."""
    items = tuple((Span(f"{label}: ", "label"), Span(text)) for label, text in found.lines())
    return [Heading(found.title, level), Bullets(items)]


def about_page(found: Disclosure, versions: str, disclaimer: str) -> Document:
    """mesocli's versions, how it was made, and the disclaimer."""
    return (
        Heading(_("About mesocli"), 1),
        Paragraph(plain(versions)),
        *disclosure_blocks(found),
        Note(plain(disclaimer.strip())),
    )
