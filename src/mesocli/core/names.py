"""How names are compared: the one rule shared by the checks (unique names) and name resolution."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise(name: str) -> str:
    """The form names are compared in: folded (:func:`fold`), runs of spaces, hyphens and underscores as one."""
    return _SEPARATORS.sub(" ", fold(name)).strip()


def fold(text: str) -> str:
    """Case-folded, with the Turkish dotted capital İ and dotless ı compared as i (so İMMÜNOTERAPİ finds
    immünoterapi); the same fold serves every language, since English has neither letter."""
    return text.replace("İ", "i").casefold().replace("ı", "i").replace("i\u0307", "i")
