"""The notice every translated page and handout ends with: how the translation was made and what it has not had.

A reader of the Turkish or Spanish edition should not take the English review date for a review of the
translation, nor the translation for reviewed patient information (docs/translation.md).
"""

from __future__ import annotations

from mesocli.core.l10n import N_, _
from mesocli.pages.document import Document, Note, plain

TRANSLATION_NOTICE = N_(
    "Translated from English. A program checked that the figures match the English; no native-speaking clinician "
    "has reviewed the translation yet. Review dates are those of the English text, not of the translation."
)


def with_translation_notice(document: Document, lang: str | None) -> Document:
    """``document`` with the translation notice at its end when it is in another language than English."""
    if not lang or lang == "en":
        return document
    return (*document, Note(plain(_(TRANSLATION_NOTICE))))
