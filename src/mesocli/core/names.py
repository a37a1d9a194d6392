"""How names are compared: the one rule shared by the checks (unique names) and name resolution."""

from __future__ import annotations

_SEPARATORS = str.maketrans("_-/", "   ")


def normalise(name: str) -> str:
    r"""The form names are compared in: folded (:func:`fold`), runs of spaces, hyphens, underscores and slashes as
    one space, none at either end (what ``re.sub(r"[\s_\-/]+", " ", ...).strip()`` gives, without ``re``)."""
    return " ".join(fold(name).translate(_SEPARATORS).split())


def fold(text: str) -> str:
    """Case-folded, with the Turkish dotted capital İ and dotless ı compared as i (so İMMÜNOTERAPİ finds
    immünoterapi); the same fold serves every language, since English has neither letter."""
    return text.replace("İ", "i").casefold().replace("ı", "i").replace("i\u0307", "i")
