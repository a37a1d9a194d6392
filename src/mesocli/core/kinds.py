"""The closed sets of values some model fields take, as tuples and as the ``typing.Literal`` types of the fields.

The models name these types in their annotations as ``kinds.Category`` and so on. At run time each type is made
when first asked for (PEP 562), so that loading a stored knowledge base imports no ``typing``; the annotations
still evaluate (``typing.get_type_hints``, the loader's type plans) to the same ``Literal`` types as before.
tests/test_load_path.py checks that the types the type checker reads hold the values of the tuples.
"""

from __future__ import annotations

TYPE_CHECKING = False

CATEGORIES = ("supportive-care", "systemic-therapy", "local-therapy", "procedure", "research")
GOALS = ("extend-life", "relieve-symptoms", "quality-of-life", "control-disease", "new-treatments")
EVIDENCE_LEVELS = ("high", "moderate", "low", "expert-consensus")
MESO_TYPES = ("pleural", "peritoneal", "pericardial", "tunica-vaginalis")
REGIONS = ("us", "eu", "uk", "other")
APPLIES_HISTOLOGIES = ("epithelioid", "sarcomatoid", "biphasic")
APPLIES_LINES = ("first", "second-or-later", "maintenance")
ECOG_LEVELS = (0, 1, 2, 3, 4)
RESECTABILITY = ("resectable", "unresectable")
HISTOLOGIES = ("epithelioid", "sarcomatoid", "biphasic")
LINES = ("first", "second-or-later", "maintenance", "any")
DISEASES = ("unresectable", "resectable", "advanced", "any")
STATUSES = ("published", "presented", "stopped-early", "recruiting")
SITES = ("pleural", "peritoneal", "pericardial", "tunica-vaginalis")

#: Each type's name and the values it allows, in order.
VALUES = {
    "Category": CATEGORIES,
    "Goal": GOALS,
    "EvidenceLevel": EVIDENCE_LEVELS,
    "MesoType": MESO_TYPES,
    "Region": REGIONS,
    "AppliesSite": MESO_TYPES,
    "AppliesHistology": APPLIES_HISTOLOGIES,
    "AppliesLine": APPLIES_LINES,
    "Ecog": ECOG_LEVELS,
    "Resectability": RESECTABILITY,
    "Histology": HISTOLOGIES,
    "Line": LINES,
    "Disease": DISEASES,
    "Status": STATUSES,
    "Site": SITES,
}

if TYPE_CHECKING:
    from typing import Literal

    Category = Literal["supportive-care", "systemic-therapy", "local-therapy", "procedure", "research"]
    Goal = Literal["extend-life", "relieve-symptoms", "quality-of-life", "control-disease", "new-treatments"]
    EvidenceLevel = Literal["high", "moderate", "low", "expert-consensus"]
    MesoType = Literal["pleural", "peritoneal", "pericardial", "tunica-vaginalis"]
    Region = Literal["us", "eu", "uk", "other"]
    AppliesSite = Literal["pleural", "peritoneal", "pericardial", "tunica-vaginalis"]
    AppliesHistology = Literal["epithelioid", "sarcomatoid", "biphasic"]
    AppliesLine = Literal["first", "second-or-later", "maintenance"]
    Ecog = Literal[0, 1, 2, 3, 4]
    Resectability = Literal["resectable", "unresectable"]
    Histology = Literal["epithelioid", "sarcomatoid", "biphasic"]
    Line = Literal["first", "second-or-later", "maintenance", "any"]
    Disease = Literal["unresectable", "resectable", "advanced", "any"]
    Status = Literal["published", "presented", "stopped-early", "recruiting"]
    Site = Literal["pleural", "peritoneal", "pericardial", "tunica-vaginalis"]
else:

    def __getattr__(name: str) -> object:
        """The ``Literal`` type ``name``, made on first use and kept."""
        values = VALUES.get(name)
        if values is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from typing import Literal

        globals()[name] = made = Literal[values]
        return made
