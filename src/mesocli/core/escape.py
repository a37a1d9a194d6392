"""Text that is safe to print: what a file name, a query or a data string may hold cannot drive the terminal.

One function, :func:`printable`, is the rule for every echo (queries, names, paths, data strings) in every
format: control characters (C0, DEL, C1: the ESC of OSC 52 and OSC 8, BEL), format characters (bidi overrides
such as U+202E, zero-width spaces such as U+200B) and line separators become visible Python escapes
(``\\x1b``, ``\\u202e``). Letters, marks, and spaces such as U+00A0 stay as they are.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:
    import re

#: Unicode categories written as escapes: controls, format characters, surrogates, line/paragraph separators.
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
#: The most characters of one echoed name or query; the rest is cut and marked with "…".
MAX_ECHO = 200
#: The most characters of one error line, whatever it echoes (a backstop for messages made by Click).
MAX_MESSAGE = 4 * MAX_ECHO


def printable(text: str, limit: int | None = None, keep: str = "") -> str:
    """``text`` with every control, bidi or zero-width character written as an escape (``\\x1b``, ``\\u202e``),
    cut to ``limit`` characters (with "…") if given; the characters in ``keep`` (say ``"\\n"``) stay as they are.

    Safe text comes back unchanged, so ordinary paths and messages look as they always did.
    """
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    if text.isprintable():  # false for every unsafe category (and for spaces other than " ")
        return text
    import unicodedata  # only for text that is not printable as it is

    return "".join(repr(c)[1:-1] if c not in keep and unicodedata.category(c) in UNSAFE_CATEGORIES else c for c in text)


#: A link's form, compiled on first use (re keeps it): printing an error needs no regular expression.
_URL = r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]*)?"


def web_url(text: str) -> bool:
    """Whether ``text`` is a well-formed http(s) URL that can be written as a link: a host, and only the
    characters RFC 3986 allows (no space, quote, ``<``, ``>``, backslash or control character)."""
    import re

    return bool(re.fullmatch(_URL, text))


#: The longest text field accepted (64 KiB of characters): a page is a few of them, never megabytes.
MAX_FIELD_CHARS = 64 * 1024
#: What a text field of the knowledge base, an overlay or a profile may not hold: controls and bidi overrides.
#: (``CONTROL``, compiled on first use: loading a stored knowledge base compiles no regular expression of ours.)
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


_COMPILED: list[re.Pattern[str]] = []


def _control() -> re.Pattern[str]:
    if not _COMPILED:
        import re

        _COMPILED.append(re.compile(_CONTROL))
    return _COMPILED[0]


def __getattr__(name: str) -> re.Pattern[str]:
    if name == "CONTROL":
        return _control()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def text_problem(text: str, what: str) -> str | None:
    """Why ``text`` cannot be a text field (too long, or a control or bidi character in it), or None."""
    if len(text) > MAX_FIELD_CHARS:
        from mesocli.core.errors import Message  # errors imports this module

        return Message(
            "{what} is {size:,} characters; a text field holds at most {limit:,}",
            what=what,
            size=len(text),
            limit=MAX_FIELD_CHARS,
        )
    bad = _control().search(text)
    if not bad:
        return None
    from mesocli.core.errors import Message

    return Message(
        "{what} contains the control character {character}, which is not allowed",
        what=what,
        character=repr(bad.group()),
    )
