"""Rich display of models in Jupyter (HTML, Markdown) and in terminals (Rich renderables).

``Displayable`` gives a class ``_repr_html_``, ``_repr_markdown_`` and ``__rich__``; each builds the
object's page with :mod:`mesocli.pages`. HTML and Markdown need neither Rich nor Typer; ``__rich__`` is
only called by Rich itself, so Rich is already imported when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document


class Displayable:
    """Mixin: the object's ``_page()`` document shown as HTML, Markdown or a Rich renderable."""

    __slots__ = ()

    def _page(self) -> Document:
        from . import pages

        return pages.page_of(self)

    def _repr_html_(self) -> str:
        from .render_html import html

        return html(self._page())

    def _repr_markdown_(self) -> str:
        from .render_text import markdown

        return markdown(self._page())

    def __rich__(self) -> Any:
        from .render_rich import render

        return render(self._page())
