"""What search says when a query has nothing to search by, and the search of another edition when the
reader's own finds nothing."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from mesocli.core.errors import Message
from mesocli.core.escape import printable
from mesocli.core.l10n import _

if TYPE_CHECKING:
    from mesocli.kb import KnowledgeBase

#: A query is echoed (in the page heading, in "nothing matches") up to this many characters.
SHOWN_QUERY = 80


def nothing_to_search(text: str, shown: str) -> Message:
    """Why a query with no word to search by is refused: it has no letters or digits, only single letters, or
    only common words."""
    from mesocli.query.text import WORD

    if not any(ch.isalnum() for ch in text):
        return Message("{query} has no words to search for; try 'mesocli search breathless'", query=f"'{shown}'")
    if all(len(word) == 1 for word in WORD.findall(text)):
        return Message(
            "{query} is too short to search for; type a word of two letters or more, as in 'mesocli search breathless'",
            query=f"'{shown}'",
        )
    return Message(
        "{query} has only common words, which search skips; add a word for what you want to know, "
        "as in 'mesocli search breathless'",
        query=f"'{shown}'",
    )


def searched_words(text: str, lang: str) -> str:
    """``text`` without the words that are common in ``lang``: another edition is searched by the rest only,
    so a Turkish 've' (and) is not looked up as the Spanish 've' (sees)."""
    from mesocli.query.ranking import search_words

    return " ".join(word for word in text.split() if search_words(word, lang))


def other_language(kb: KnowledgeBase, text: str, limit: int) -> Any:
    """Hits for ``text`` in another edition, with a hint on stderr saying so; empty if none."""
    from mesocli.core.l10n import LANGUAGE_NAMES, LANGUAGES
    from mesocli.edition import in_language
    from mesocli.kb import load

    if not text:
        return []
    english = load(kb.path) if kb.lang != "en" else kb
    for lang in [code for code in LANGUAGES if code != kb.lang]:
        other = in_language(english, lang)
        if other.lang != lang:
            continue
        hits = other.search(text, limit)
        if hits:
            here, there = _(LANGUAGE_NAMES[kb.lang]), _(LANGUAGE_NAMES[lang])
            shown = printable(text, SHOWN_QUERY)
            said = _("no {here} match; {there} results for {query} (--lang {lang})")
            sys.stderr.write("mesocli: " + said.format(here=here, there=there, query=f"'{shown}'", lang=lang) + "\n")
            return hits
    return []
