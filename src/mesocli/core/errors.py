"""The library's exceptions. The CLI turns each into a message and an exit code in one place."""

from __future__ import annotations

from mesocli.core.escape import MAX_ECHO, printable
from mesocli.core.model import model

TYPE_CHECKING = False  # typing itself (with re, enum, contextlib) is not imported at run time
if TYPE_CHECKING:
    from typing import Any


class Message(str):
    """A message in English that keeps its template and parameters, so it can be said in another language.

    It is the English text itself (``str(m)``, ``m == "..."``), which is what a Python caller reads; the
    command line says it in the reader's language from ``template`` (a catalog entry) and ``params``
    (:func:`mesocli.cli.messages.say`). A parameter that is a ``Message`` is said the same way; any other
    parameter (a name, a path, what the user typed) is shown as it is.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> Any:  # a copy or a pickle keeps the template
        return (_message, (self.template, self.params))


def _message(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


@model
class Problem:
    """One thing wrong with a knowledge-base file, located as precisely as the file allows."""

    file: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    entry_id: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        """``file:line:column: entry: message``, with anything that could drive a terminal escaped."""
        where = printable(self.file, MAX_ECHO)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        entry = f" {printable(self.entry_id, MAX_ECHO)}:" if self.entry_id else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}:{entry} {label}{printable(self.message)}"


class MesocliError(Exception):
    """Base class of every error mesocli raises on purpose."""


class KnowledgeBaseError(MesocliError):
    """A knowledge base could not be read, parsed or validated.

    ``problems`` holds every problem found (at least one); ``file``, ``line``, ``column``
    and ``entry_id`` describe the first.
    """

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems: tuple[Problem, ...] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        if not self.problems:
            raise ValueError("KnowledgeBaseError needs at least one problem")
        first = self.problems[0]
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.entry_id = first.entry_id
        more = len(self.errors) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(f"{first}{suffix}")

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors (not warnings)."""
        return tuple(p for p in self.problems if p.severity == "error")


#: What matched nothing, one sentence per kind of entry (each language words its kinds differently).
_NO_MATCH = {
    "treatment": lambda query: Message("no treatment matches {query}", query=query),
    "guide topic": lambda query: Message("no guide topic matches {query}", query=query),
    "glossary term": lambda query: Message("no glossary term matches {query}", query=query),
    "study": lambda query: Message("no study matches {query}", query=query),
    "reference": lambda query: Message("no reference matches {query}", query=query),
}


class NotFoundError(MesocliError, LookupError):
    """A name matched nothing. ``suggestions`` lists close names, best first."""

    def __init__(self, query: str, kind: str = "treatment", suggestions: tuple[str, ...] = ()) -> None:
        self.query = query
        self.kind = kind
        self.suggestions = tuple(suggestions)
        shown = "'" + printable(str(query), MAX_ECHO) + "'"
        said = _NO_MATCH.get(kind)
        message = said(shown) if said else Message("no {kind} matches {query}", kind=kind, query=shown)
        if self.suggestions:
            message = Message("{message}; did you mean {names}?", message=message, names=", ".join(self.suggestions))
        super().__init__(message)

    @property
    def message(self) -> Message:
        """The message, with its template (the command line says it in the reader's language)."""
        found = self.args[0]
        return found if isinstance(found, Message) else Message(str(found))

    def __str__(self) -> str:  # LookupError would otherwise quote the message
        return str(self.args[0])


class AmbiguousNameError(NotFoundError):
    """A name is the start of several entries' names. ``candidates`` (also ``suggestions``) lists their ids."""

    #: At most this many candidates are named in the message; the rest are counted.
    SHOWN = 8

    def __init__(self, query: str, kind: str, candidates: tuple[str, ...]) -> None:
        super().__init__(query, kind, candidates)
        self.candidates = self.suggestions
        shown = ", ".join(candidates[: self.SHOWN])
        more = len(candidates) - self.SHOWN
        names = Message("{names} and {more} more", names=shown, more=more) if more > 0 else shown
        self.args = (Message("{query} could be: {names}; be more specific", query=repr(query), names=names),)


class TrialsError(MesocliError):
    """The trials snapshot could not be read, fetched or written: one line, and nothing the user had is lost."""


class ArgumentError(MesocliError, ValueError, TypeError):
    """A library call got a value of the wrong type, or one outside its vocabulary (the message names the
    accepted ones). Both a ``ValueError`` and a ``TypeError``, so either ``except`` catches it."""


def name_argument(name: object, what: str = "name") -> str:
    """``name`` if it is text; ArgumentError otherwise (``kb.get(None)`` says so, never AttributeError)."""
    if not isinstance(name, str):
        raise ArgumentError(f"{what} must be text, not {type(name).__name__}")
    return name


def choice(value: object, allowed: tuple[str, ...], what: str) -> str | None:
    """``value`` as one of ``allowed``, in any case (None stays None); ArgumentError naming them otherwise."""
    if value is None:
        return None
    text = name_argument(value, what).strip().lower()
    if text not in allowed:
        import difflib

        close = difflib.get_close_matches(text, allowed, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ArgumentError(f"{what} is {value!r}, expected one of {', '.join(allowed)}{hint}")
    return text
