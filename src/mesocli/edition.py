"""Language editions: the knowledge base with a translation overlay applied, and the checks of every overlay.

``mesocli.load(lang="tr")`` is ``in_language(mesocli.load(), "tr")``: the English knowledge base, loaded and
cached as always, with the text fields of ``treatments.tr.yaml`` put in place (see :mod:`mesocli.core.overlay`).
"""

from __future__ import annotations

from mesocli import kb as _kb
from mesocli.core.errors import Problem
from mesocli.core.l10n import LANGUAGES
from mesocli.kb import KnowledgeBase

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from pathlib import Path


def load(path: Path | str | None = None, lang: str | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base (see :func:`mesocli.kb.load`), in ``lang`` where it has an overlay.

    ``lang`` is ``"en"`` (the default), ``"tr"`` or ``"es"``. Numbers, references and study data always
    come from the English file; a stale or figure-changing translation falls back to English with a marker.
    Any other ``lang`` raises ``ValueError`` naming the languages (never a silent English).
    """
    if lang is not None:
        from mesocli.core.errors import choice
        from mesocli.core.l10n import LANGUAGES

        lang = choice(lang, tuple(LANGUAGES), "lang")
    return in_language(_kb.load(path), lang)


def in_language(kb: KnowledgeBase, lang: str | None) -> KnowledgeBase:
    """``kb`` in ``lang``; English (``kb`` itself) for English, or where the file has no overlay for ``lang``.

    A stored knowledge base's edition is kept in the store as a database of its own, made from the English
    file and the overlay as they are now (its meta records both), and read like the English one: entries
    decoded when shown, names, rows and the search index in tables. Otherwise the overlay is applied here.
    """
    if not lang or lang == "en" or kb.path is None:
        return kb
    from mesocli.core.files import overlay_path

    file = overlay_path(kb.path, lang)
    if not file.is_file():
        return kb
    if kb._stored is None:
        return translated(kb, lang, file)
    from mesocli.store.pagekey import content_identity
    from mesocli.store.read import open_stored

    overlay = content_identity(file)  # before the overlay is read: a later edit makes the edition stale
    stored = open_stored(kb.path, lang, overlay)
    if stored is not None:
        edition = KnowledgeBase._from_store(stored, kb.path, lang)
        edition.warnings = (*kb.warnings, *edition.warnings)
        return edition
    edition = translated(kb, lang, file)
    _keep(kb, edition, lang, overlay)
    return edition


def translated(kb: KnowledgeBase, lang: str, file: Path) -> KnowledgeBase:
    """``kb`` with the overlay ``file`` applied, in memory."""
    from mesocli.core.overlay import apply

    data, problems = apply(kb.data, file, lang)
    edition = KnowledgeBase(data, kb.path, (*kb.warnings, *problems))
    edition.lang = lang
    edition.__dict__["_overlay_problems"] = problems
    return edition


def in_memory(kb: KnowledgeBase, lang: str) -> KnowledgeBase:
    """``kb`` (parsed, not stored) in ``lang``, its overlay applied in memory."""
    from mesocli.core.files import overlay_path

    file = overlay_path(kb.path, lang) if kb.path is not None and lang != "en" else None
    return translated(kb, lang, file) if file is not None and file.is_file() else kb


def _keep(english: KnowledgeBase, edition: KnowledgeBase, lang: str, overlay: str) -> None:
    """Store ``edition`` (best effort), under the identity the English database was verified against."""
    from mesocli.query.build import stored_contents
    from mesocli.store import location
    from mesocli.store.database import json_value
    from mesocli.store.identity import Identity
    from mesocli.store.write import save

    folder = location.usable()
    meta = english._stored.meta if english._stored is not None else None
    if folder is None or meta is None or english.path is None:
        return
    problems = edition.__dict__.get("_overlay_problems", [])
    contents, index = stored_contents(edition.data, [(p, None) for p in problems], lang)
    edition.__dict__["_index"] = index
    identity = Identity(*json_value(meta["identity"]))
    save(folder, english.path, identity, meta["sha256"], meta["settled"] == "1", contents, (lang, overlay))


def check_overlays(kb: KnowledgeBase) -> list[Problem]:
    """Every problem of every overlay beside ``kb``'s file: stale fields (warnings), changed figures (errors)."""
    from pathlib import Path

    from mesocli.core.files import overlay_path
    from mesocli.core.overlay import apply
    from mesocli.core.overlay_names import alias_collisions

    problems: list[Problem] = []
    if kb.path is None:
        return problems
    for lang in LANGUAGES:
        file = overlay_path(Path(kb.path), lang)
        if lang != "en" and file.is_file():
            translated, found = apply(kb.data, file, lang)
            problems += [*found, *alias_collisions(kb.data, translated, file)]
    return problems
