"""Messages in the reader's language: the one place where an error's English becomes the interface language.

The library's errors carry their English text as a :class:`~mesocli.core.errors.Message`, which keeps the
template (an entry of the catalogs in ``locale/``) and its parameters; :func:`mesocli.core.l10n.say` writes it
again from the template's translation. Click's own messages (usage errors) have no template:
:func:`click_message` builds them from the exception's fields, or recognises Click's fixed sentences by the
templates in ``CLICK``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from mesocli.core.errors import Message, Problem
from mesocli.core.escape import MAX_ECHO, printable
from mesocli.core.l10n import N_, _, language, ngettext, number, say

#: Click's and Typer's fixed sentences, as templates: each is recognised in Click's English and said again.
CLICK = (
    N_("No such command {name}. Did you mean {names}?"),  # Typer adds the suggestion to Click's sentence
    N_("No such command {name}."),
    N_("Missing command."),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {count} arguments."),
    N_("Option {name} does not take a value."),
    N_("Argument {name} takes {count} values."),
    N_("{value} is not one of {choices}."),
    N_("{value} is not a valid integer."),
    N_("{value} is not a valid float."),
    N_("{value} is not a valid boolean. Recognized values: {states}"),
    N_("{value} is not in the range {range}."),
    N_("Takes {count} values but {given} given."),
    N_("{value} does not match the formats {formats}."),
)
#: The system's usual reasons (``strerror``), said in the language where they are the ``reason`` of a message.
REASONS = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("File name too long"),
    N_("Disk quota exceeded"),
    N_("File too large"),
    N_("Input/output error"),
    N_("Too many levels of symbolic links"),
)
#: Click's words in help: headings, the usage prefix, the help option and the bracketed notes after an option.
HELP_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Examples"),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("required"),
    N_("default: {default}"),
    N_("env var: {var}"),
)


def stdout_reason(exc: OSError | ValueError) -> Message:
    """Why standard output could not be written, for a sentence in the language: the system's reason, or
    the character that an encoding without it (LC_ALL=C, PYTHONIOENCODING=ascii) cannot write."""
    if isinstance(exc, UnicodeEncodeError):
        return Message(
            "standard output is set to {encoding}, which cannot write {char}; set a UTF-8 locale (LANG=C.UTF-8)",
            encoding=exc.encoding,
            char=repr(exc.object[exc.start : exc.start + 1]),
        )
    return Message("standard output: {reason}", reason=getattr(exc, "strerror", None) or str(exc))


def problem_line(problem: Problem) -> str:
    """``file:line:column: entry: message`` with the message in the interface language."""
    where = printable(problem.file, MAX_ECHO)
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    entry = f" {printable(problem.entry_id, MAX_ECHO)}:" if problem.entry_id else ""
    label = _("warning: ") if problem.severity == "warning" else ""
    return f"{where}:{entry} {label}{printable(say(problem.message))}"


def problems_line(problems: tuple[Problem, ...], errors: int) -> str:
    """The first problem, and how many more errors there are (a KnowledgeBaseError's one line)."""
    line = problem_line(problems[0])
    more = errors - 1
    if more > 0:
        line += ngettext(" (and {count} more problem)", " (and {count} more problems)", more).format(count=number(more))
    return line


def click_message(exc: Any) -> str:
    """A Click usage error's message in the interface language, built from its fields where it has them."""
    from typer._click import exceptions as click  # Typer vendors Click; no public path

    if isinstance(exc, click.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
        template = {
            "argument": N_("Missing argument {name}."),
            "option": N_("Missing option {name}."),
        }.get(kind, N_("Missing parameter {name}."))
        return _(template).format(name=_hint(exc) or "")
    if isinstance(exc, click.BadParameter):
        hint = _hint(exc)
        message = click_sentence(exc.message)
        if hint is None:
            return _("Invalid value: {message}").format(message=message)
        return _("Invalid value for {hint}: {message}").format(hint=hint, message=message)
    if isinstance(exc, click.NoSuchOption):
        text = _("No such option: {name}").format(name=printable(exc.option_name, MAX_ECHO))
        if exc.possibilities:
            text += " " + _("(Possible options: {names})").format(names=", ".join(sorted(exc.possibilities)))
        return text
    return click_sentence(exc.message)


#: A parameter named as the usage line writes it (``--brief``, ``QUERY``, ``NAME NAME [NAME...]``), to be quoted.
_SYNTAX = re.compile(r"-{1,2}[\w-]+|[A-Z][A-Z_]*(?:[ .\[\]]+[A-Z_.\[\]]*)*")


def _hint(exc: Any) -> str | None:
    """The parameter an error is about, one way everywhere: an option by its name, an argument by its name in
    the usage line (``'NAME'``, ``'QUERY'``, ``'OLD'``, never Click's lower-case ``'name'``), each quoted; the
    placeholders stay as the command's syntax in every language, as in the usage line."""
    if exc.param_hint is not None:
        hint = exc.param_hint
    elif exc.param is not None and getattr(exc.param, "param_type_name", "") == "argument":
        hint = exc.param.metavar or (exc.param.name or "").upper()
    elif exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    else:
        return None
    if isinstance(hint, str) and _SYNTAX.fullmatch(hint):
        hint = f"'{hint}'"
    text = hint if isinstance(hint, str) else " / ".join(repr(x) for x in hint)
    return re.sub(r"\(env var: ([^()]*)\)", lambda found: "(" + _("env var: {var}").format(var=found[1]) + ")", text)


#: Typer's own sentence for extra arguments, said with the singular or plural template of ``CLICK``.
_EXTRA = re.compile(r"Got unexpected extra argument\(s\) (?P<names>\(.*\))", re.DOTALL)


def click_sentence(text: object) -> str:
    """One of Click's fixed sentences (``CLICK``) in the interface language; a Message or a catalog entry is
    said as usual; anything else as it is."""
    if isinstance(text, Message) or language() == "en" or not isinstance(text, str):
        return say(text)
    extra = _EXTRA.fullmatch(text)
    if extra:  # Typer's Click says "argument(s)": the count is taken from the arguments it quotes
        count = len(extra["names"][1:-1].split())
        return ngettext(
            "Got unexpected extra argument {names}", "Got unexpected extra arguments {names}", count
        ).format(names=extra["names"])
    for template, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found:
            return _(template).format(**found.groupdict())
    return say(text)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each template of ``CLICK`` with the regular expression that recognises its English."""
    made = []
    for template in CLICK:
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
        made.append((template, re.compile(pattern, re.DOTALL)))
    return tuple(made)


def help_note(text: str) -> str:
    """An option's help in the interface language, with Click's bracketed notes after it (``[default: auto]``,
    ``[env var: MESOCLI_KB]``, ``[required]``) said in it too."""
    body, gap, notes = text.rpartition("  [")
    if not gap or not notes.endswith("]"):
        return _(text)
    said = []
    for item in notes[:-1].split("; "):
        name, colon, value = item.partition(": ")
        if item == "required":
            said.append(_("required"))
        elif colon and name == "default":
            said.append(_("default: {default}").format(default=value))
        elif colon and name == "env var":
            said.append(_("env var: {var}").format(var=value))
        else:
            said.append(item)
    return f"{_(body)}  [{'; '.join(said)}]"
