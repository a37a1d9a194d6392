"""Language editions: the knowledge base with a translation overlay applied, and the checks of every overlay.

``mesocli.load(lang="tr")`` is ``in_language(mesocli.load(), "tr")``: the English knowledge base, loaded and
cached as always, with the text fields of ``treatments.tr.yaml`` put in place (see :mod:`mesocli.core.overlay`).
"""

from __future__ import annotations

from pathlib import Path

from mesocli import kb as _kb
from mesocli.core.errors import Problem
from mesocli.core.l10n import LANGUAGES
from mesocli.kb import KnowledgeBase


def load(path: Path | str | None = None, lang: str | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base (see :func:`mesocli.kb.load`), in ``lang`` where it has an overlay.

    ``lang`` is ``"en"`` (the default), ``"tr"`` or ``"es"``. Numbers, references and study data always
    come from the English file; a stale or figure-changing translation falls back to English with a marker.
    """
    return in_language(_kb.load(path), lang)


def in_language(kb: KnowledgeBase, lang: str | None) -> KnowledgeBase:
    """``kb`` in ``lang``; English (``kb`` itself) for English, or where the file has no overlay for ``lang``."""
    if not lang or lang == "en" or kb.path is None:
        return kb
    from mesocli.core.files import overlay_path
    from mesocli.core.overlay import apply

    file = overlay_path(kb.path, lang)
    if not file.is_file():
        return kb
    data, problems = apply(kb.data, file, lang)
    translated = KnowledgeBase(data, kb.path, (*kb.warnings, *problems))
    translated.lang = lang
    return translated


def check_overlays(kb: KnowledgeBase) -> list[Problem]:
    """Every problem of every overlay beside ``kb``'s file: stale fields (warnings), changed figures (errors)."""
    from mesocli.core.files import overlay_path
    from mesocli.core.overlay import apply

    problems: list[Problem] = []
    if kb.path is None:
        return problems
    for lang in LANGUAGES:
        file = overlay_path(Path(kb.path), lang)
        if lang != "en" and file.is_file():
            problems += apply(kb.data, file, lang)[1]
    return problems
