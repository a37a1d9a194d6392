"""Rich display of models in Jupyter (HTML, Markdown) and in terminals (Rich renderables).

``Displayable`` gives a class ``_repr_html_``, ``_repr_markdown_`` and ``__rich__``; each builds the
object's page with :mod:`mesocli.pages`. HTML and Markdown need neither Rich nor Typer; ``__rich__`` is
only called by Rich itself, so Rich is already imported when it runs.

The imports of ``pages`` and ``render`` below sit inside the methods on purpose: they point up the layers,
and run only when a notebook or Rich asks an object to display itself (tests/test_architecture.py allows
only function-level imports upward).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time

if TYPE_CHECKING:
    from typing import Any

    from mesocli.pages.document import Document


class Displayable:
    """Mixin: the object's ``_page()`` document shown as HTML, Markdown or a Rich renderable."""

    __slots__ = ()

    def _page(self) -> Document:
        from mesocli.pages import reading as pages

        return pages.page_of(self)

    def _repr_html_(self) -> str:
        from mesocli.render.html import html

        return html(self._page())

    def _repr_markdown_(self) -> str:
        from mesocli.render.text import markdown

        return markdown(self._page())

    def __rich__(self) -> Any:
        from mesocli.render.rich import render

        return render(self._page())
