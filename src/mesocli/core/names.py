"""How names are compared: the one rule shared by the checks (unique names) and name resolution."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise(name: str) -> str:
    """The form names are compared in: case-folded, with runs of spaces, hyphens and underscores as one space."""
    return _SEPARATORS.sub(" ", name.casefold()).strip()
