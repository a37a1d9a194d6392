"""mesocli: explore the treatment options of stage 4 mesothelioma from a terminal, a script or a notebook.

>>> import mesocli
>>> kb = mesocli.load()
>>> kb.get("chemo").name
'Chemotherapy'

Information, not medical advice: it is there to inform a conversation with the care team.

Every name below is imported on first use (PEP 562), so that ``import mesocli`` costs next to nothing and
``mesocli.load()`` imports only what loading needs.
"""

from mesocli._version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    from mesocli.query.search import Match, SearchHit

#: Where each public name lives.
_WHERE = {
    "mesocli.core.errors": (
        "AmbiguousNameError",
        "KnowledgeBaseError",
        "MesocliError",
        "NotFoundError",
        "Problem",
        "TrialsError",
    ),
    "mesocli.core.files": ("bundled_path", "validate"),
    "mesocli.core.models": ("Approval", "Guide", "GuidelineRow", "Reference", "SubOption", "Term", "Treatment"),
    "mesocli.core.studies": ("Arm", "Comparison", "Population", "Study", "Survival", "Update"),
    "mesocli.edition": ("load",),
    "mesocli.kb": ("KnowledgeBase",),
    "mesocli.query.search": ("Match", "SearchHit"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use, then keep it here."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'mesocli' has no attribute {name!r}")
    value = getattr(__import__(module, fromlist=[name]), name)  # (importlib itself costs an import)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULE_OF])


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
