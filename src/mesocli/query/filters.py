"""Filtering the options of a knowledge base by category, goal and site: any case, unknown values refused."""

from __future__ import annotations

from mesocli.core.errors import choice
from mesocli.core.models import CATEGORIES, GOALS, MESO_TYPES

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mesocli.core.models import Treatment


class Filters:
    """``kb.filter(...)``, mixed into :class:`mesocli.KnowledgeBase`."""

    @property
    def treatments(self) -> Sequence[Treatment]:  # the knowledge base's own
        raise NotImplementedError

    def filter(
        self, category: str | None = None, goal: str | None = None, mesothelioma_type: str | None = None
    ) -> list[Treatment]:
        """Treatments in ``category``, serving ``goal`` and for ``mesothelioma_type`` (None: any).

        Values are taken in any case (``"Peritoneal"``); an unknown one raises ``ValueError`` (an
        :class:`mesocli.core.errors.ArgumentError`) naming the accepted values.
        """
        wanted_category = choice(category, CATEGORIES, "category")
        wanted_goal = choice(goal, GOALS, "goal")
        site = choice(mesothelioma_type, MESO_TYPES, "mesothelioma_type")
        return [
            t
            for t in self.treatments
            if (wanted_category is None or t.category == wanted_category)
            and (wanted_goal is None or wanted_goal in t.goals)
            and (site is None or site in t.mesothelioma_types)
        ]
