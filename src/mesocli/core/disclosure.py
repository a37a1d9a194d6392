"""How this was made (IPDAS C4, C6): who wrote it, funding, conflicts of interest, how the content is reviewed
and updated, and the date of the evidence. One page-neutral structure for ``mesocli about``, ``--version``,
the handout and notebooks; the labels and sentences are interface text, translated where shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mesocli.core.l10n import N_, _
from mesocli.core.model import model

HEADING = N_("How this was made")
AUTHORS = N_("the mesocli project contributors")
NONE = N_("none")
REVIEW = N_(
    "every entry is reviewed at least every 12 months, and sooner when new evidence appears; "
    "mesocli validate warns about any entry not reviewed for over 12 months"
)
#: The labels, in the order pages show them: key -> label.
LABELS = {
    "authors": N_("Written by"),
    "funding": N_("Funding"),
    "conflicts": N_("Conflicts of interest"),
    "review": N_("How it is reviewed and updated"),
    "evidence_date": N_("Date of the evidence"),
}


@model
class Disclosure:
    """Who wrote it, funding, conflicts of interest, how it is reviewed, and when the evidence was last reviewed."""

    authors: str
    funding: str
    conflicts: str
    review: str
    evidence_date: dt.date

    @property
    def title(self) -> str:
        return _(HEADING)

    def lines(self) -> tuple[tuple[str, str], ...]:
        """(label, text) for each item, in the interface language."""
        return tuple((_(label), self._text(key)) for key, label in LABELS.items())

    def _text(self, key: str) -> str:
        value = getattr(self, key)
        return value.isoformat() if isinstance(value, dt.date) else _(value)

    def to_data(self) -> dict[str, Any]:
        """The JSON shape of ``mesocli about`` (docs/output.md): each item in the interface language."""
        return {key: self._text(key) for key in LABELS}


def disclosure(last_reviewed: dt.date) -> Disclosure:
    """The disclosure of a knowledge base whose evidence was last reviewed on ``last_reviewed``."""
    return Disclosure(AUTHORS, NONE, NONE, REVIEW, last_reviewed)
