"""Interface language: which one is in use, and the translation of interface strings through gettext.

The catalogs are standard gettext files kept in the package, ``locale/LANG/LC_MESSAGES/mesocli.po`` with the
compiled ``.mo`` beside them (``scripts/i18n.py compile``). The language comes from ``--lang``, then
``MESOCLI_LANG``, then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``); anything else is English.
"""

from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:
    from typing import Any

#: The languages mesocli speaks, with their names in their own language.
LANGUAGES = {"en": "English", "tr": "Türkçe", "es": "Español"}
_CATALOGS = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "locale")

_current = ["en"]


def read_language(value: str) -> str | None:
    """The language a ``--lang`` or ``MESOCLI_LANG`` value names, read like a locale (``tr``, ``TR``, ``' tr '``,
    ``tr_TR.UTF-8``, ``es-ES``, ``tr_TR@euro``), if mesocli speaks it; else None. The one rule for both."""
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].casefold()
    return code if code in LANGUAGES else None


def from_environment(environ: dict[str, str] | None = None) -> str:
    """The language ``MESOCLI_LANG`` or the locale asks for, if mesocli speaks it; else English."""
    env = os.environ if environ is None else environ
    for name in ("MESOCLI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value.strip():
            return read_language(value) or "en"
    return "en"


def set_language(lang: str | None) -> str:
    """Use ``lang`` (read by :func:`read_language`; None or unknown: the environment's) for interface strings
    from now on; returns the one in use."""
    chosen = (read_language(lang) if lang is not None else None) or from_environment()
    _current[0] = chosen
    return chosen


def language() -> str:
    """The interface language in use."""
    return _current[0]


@cache
def _catalog(lang: str) -> Any:
    import gettext  # only for another language than English

    return gettext.translation("mesocli", _CATALOGS, languages=[lang], fallback=True)


def _(message: str) -> str:
    """``message`` in the interface language (English when no translation is known)."""
    lang = _current[0]
    return message if lang == "en" else str(_catalog(lang).gettext(message))


def ngettext(singular: str, plural: str, count: float) -> str:
    """The form of a message for ``count`` in the interface language, chosen by the catalog's ``Plural-Forms``
    (gettext's ``ngettext``): English and Spanish say "1 day" and "2 days", "0 days"; Turkish has one form after
    a number ("1 gün", "2 gün"). A fraction (1.5 years) takes the form of 2 in all three. The caller fills in
    the count, written with :func:`number`."""
    whole = int(count) if float(count).is_integer() else 2
    lang = _current[0]
    if lang == "en":
        return singular if whole == 1 else plural
    return str(_catalog(lang).ngettext(singular, plural, whole))


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it yet (module constants, translated where used)."""
    return message


#: The same languages named in English, for a sentence in the interface language (translated where said).
LANGUAGE_NAMES = {"en": N_("English"), "tr": N_("Turkish"), "es": N_("Spanish")}


def say(text: object) -> str:
    """``text`` in the interface language: a Message (:class:`mesocli.core.errors.Message`) from its template,
    a fixed message from the catalogs; anything else (what the user typed, a name, a path) as it is."""
    from mesocli.core.errors import Message  # only when something is said

    if isinstance(text, Message):
        if _current[0] == "en":
            return str(text)
        params = {key: _parameter(key, value) for key, value in text.params.items()}
        try:
            return _unformatted(_(text.template)).format(**params)
        except (KeyError, IndexError, ValueError):  # a translation that lost a parameter: the English is right
            return str(text)
    return _(text) if isinstance(text, str) else str(text)


def _parameter(key: str, value: Any) -> Any:
    """A parameter said in the language: a Message, a number, or the system's reason (``reason``)."""
    from mesocli.core.errors import Message

    if isinstance(value, Message) or (key == "reason" and isinstance(value, str)):
        return say(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    return value


def _unformatted(template: str) -> str:
    """``template`` without format specs (``{size:,}``): its numbers come written the language's way."""
    import re

    return re.sub(r"\{(\w+)(![rsa])?:[^{}]*\}", r"{\1\2}", template)


def lang_fold(text: str, lang: str | None = None) -> str:
    """Case-folded for comparison, with Turkish dotted and dotless i folded as Turkish readers expect.

    In Turkish, ``I`` is the capital of ``ı`` and ``İ`` the capital of ``i``; both then compare as ``i``, so
    ``İMMÜNOTERAPİ`` finds ``immünoterapi`` and an English ``IMMUNOTHERAPY`` still finds ``immunotherapy``.
    """
    if (lang or _current[0]) == "tr":
        text = text.replace("İ", "i").replace("I", "ı")
    return text.casefold().replace("ı", "i").replace("i̇", "i")


#: Babel's name of each language's number conventions (CLDR).
_LOCALE = {"tr": "tr_TR", "es": "es_ES"}


def number(value: float, decimals: int | None = None) -> str:
    """``value`` written the interface language's way: ``18.1`` is "18,1" in Turkish and Spanish and ``1704``
    "1.704". ``decimals`` fixes the number of decimals (0.60, as published); None writes as few as needed."""
    lang = _current[0]
    if lang not in _LOCALE:
        return f"{value:,.{decimals}f}" if decimals is not None else f"{value:,g}"
    from babel.numbers import format_decimal  # only for another language than English

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "" if decimals == 0 else ".######")
    return str(format_decimal(value, format=pattern, locale=_LOCALE[lang]))


def percent(value: float, decimals: int | None = None) -> str:
    """``value`` percent the language's way: "23%" in English, "%23" in Turkish, "23 %" in Spanish."""
    digits = number(value, decimals)
    lang = _current[0]
    if lang not in _LOCALE:
        return f"{digits}%"
    from babel import Locale

    pattern = str(Locale.parse(_LOCALE[lang]).percent_formats[None].pattern)  # "%#,##0", "#,##0\xa0%"
    return pattern.replace("#,##0", digits)


def __getattr__(name: str) -> Any:
    """``LOCALE_DIR``, the catalogs' folder as a ``Path``, made on first use (``pathlib`` costs an import)."""
    if name == "LOCALE_DIR":
        from pathlib import Path

        return Path(_CATALOGS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
