"""mesocli: explore the treatment options of stage 4 mesothelioma from a terminal, a script or a notebook.

>>> import mesocli
>>> kb = mesocli.load()
>>> kb.get("chemo").name
'Chemotherapy'

Information, not medical advice: it is there to inform a conversation with the care team.
"""

from typing import TYPE_CHECKING, Any

from mesocli._version import __version__
from mesocli.core.errors import (
    AmbiguousNameError,
    KnowledgeBaseError,
    MesocliError,
    NotFoundError,
    Problem,
    TrialsError,
)
from mesocli.core.files import bundled_path, validate
from mesocli.core.models import Approval, Guide, GuidelineRow, Reference, SubOption, Term, Treatment
from mesocli.core.studies import Arm, Comparison, Population, Study, Survival, Update
from mesocli.edition import load
from mesocli.kb import KnowledgeBase

if TYPE_CHECKING:
    from mesocli.query.search import Match, SearchHit


def __getattr__(name: str) -> Any:
    """Import the search types only when they are asked for (keeps `import mesocli` light)."""
    if name in ("Match", "SearchHit"):
        from mesocli.query import search

        return getattr(search, name)
    raise AttributeError(f"module 'mesocli' has no attribute {name!r}")


__all__ = [
    "AmbiguousNameError",
    "Approval",
    "Arm",
    "Comparison",
    "Guide",
    "GuidelineRow",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Match",
    "MesocliError",
    "NotFoundError",
    "Population",
    "Problem",
    "Reference",
    "SearchHit",
    "Study",
    "SubOption",
    "Survival",
    "Term",
    "Treatment",
    "TrialsError",
    "Update",
    "__version__",
    "bundled_path",
    "load",
    "validate",
]
