"""Global options anywhere on the line: ``mesocli list --color never`` is ``mesocli --color never list``.

Before Click parses, ``hoist`` moves the global options found after the command name, with their values,
to just before it. It leaves alone everything after ``--``, the value of a command's own option (in
``questions -o --color``, ``--color`` is a file name), an option the command defines itself, and a
value-taking option left without its value at the end of the line while the shell completes it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

import typer

from mesocli.cli.context import state
from mesocli.core.errors import Message
from mesocli.core.l10n import LANGUAGES, language, read_language, set_language

#: The global options that may follow the command, and whether each takes a value.
MOVABLE = {"--color": True, "--kb": True, "--lang": True, "--pager": False, "--no-pager": False}


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def set_kb(ctx: typer.Context, value: str | None) -> str | None:
    if value == "":
        raise typer.BadParameter(Message("the path is empty; leave --kb out to use the bundled knowledge base"))
    if value is not None and "\x00" in value:
        raise typer.BadParameter(Message("the path contains a NUL byte, which no file name can"))
    state(ctx).kb_path = value
    return value


def set_lang(ctx: typer.Context, value: str | None) -> str | None:
    """``--lang`` or ``MESOCLI_LANG``, both read by the one rule (``core.l10n.read_language``: ``tr_TR.UTF-8``
    is ``tr``); a value it does not read is refused in the language the environment asks for."""
    code = read_language(value) if value is not None else None
    if value is not None and code is None:
        set_language(None)  # the refusal is said in the language the environment asks for, if any
        raise typer.BadParameter(
            Message(
                "{value} is not a language mesocli speaks; choose from {names}",
                value=repr(value),
                names=", ".join(LANGUAGES),
            )
        )
    state(ctx).lang = set_language(code)
    return code


def read_globals(ctx: Any, args: list[str], group: Any, parse: Callable[[list[str]], list[str]]) -> list[str]:
    """Parse the top level's ``args`` with ``parse`` (Click's), global options after the command moved first.

    ``--lang`` given before the command (else ``MESOCLI_LANG`` or the locale) is used at once, so that an
    error in reading the other global options (``--kb`` without its value) is said in it, and so is
    ``mesocli --help``, which Click writes before it reads an option set only in the environment. Typer parses
    the line a second time to report a command name that starts like an option (``'\\x01show'``, ``.x``);
    what the first reading set (``--lang``, ``--kb``) stays.
    """
    if not ctx.params:  # moving a global option can fail too (`list --kb` without its value): said in it
        set_language(early_language(list(args)))
    hoisted = version_last(hoist(list(args), group, group.commands.get, ctx.resilient_parsing), group)
    if not ctx.params:
        set_language(early_language(hoisted))  # None: the environment's, for a bare `mesocli --help` too
        return parse(hoisted)
    current, chosen = state(ctx), language()
    kept = (current.kb_path, current.lang)
    try:
        return parse(hoisted)
    finally:
        current.kb_path, current.lang = kept
        set_language(chosen)


def early_language(args: list[str]) -> str | None:
    """The language ``--lang`` asks for among the global options before the command (``args`` hoisted), read
    before Click parses: an error in parsing them (``--kb`` without its value) is then said in it too."""
    i = 0
    while i < len(args) and args[i] != "--" and args[i].startswith("-"):
        name, _equals, value = args[i].partition("=")
        if name == "--lang":
            value = value if _equals else args[i + 1] if i + 1 < len(args) else ""
            return read_language(value)
        i += 1
    return None


def option_names(command: Any) -> tuple[set[str], set[str]]:
    """(every option name of ``command``, the names of those that take a value)."""
    every: set[str] = set()
    valued: set[str] = set()
    for param in getattr(command, "params", ()):
        if getattr(param, "param_type_name", "") != "option":
            continue
        names = [*param.opts, *getattr(param, "secondary_opts", [])]
        every.update(names)
        if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
            valued.update(param.opts)
    return every, valued


def _key(token: str) -> tuple[str, bool]:
    """An option token's name, and whether its value is attached (``--color=never``)."""
    name, equals, _value = token.partition("=")
    return name, bool(equals)


def hoist(args: list[str], group: Any, lookup: Callable[[str], Any], completing: bool = False) -> list[str]:
    """``args`` with the global options after the command moved before it (see the module's docstring).

    A global option at the end of the line without its value is a usage error, unless ``completing``.
    """
    _every, group_valued = option_names(group)
    start = 0
    while start < len(args):  # skip the global options already before the command
        token = args[start]
        if token == "--" or not token.startswith("-"):
            break
        name, attached = _key(token)
        start += 2 if name in group_valued and not attached else 1
    if start >= len(args) or args[start] == "--":
        return args
    rest = args[start + 1 :]
    if not any(_key(t)[0] in MOVABLE for t in rest):
        return args
    command = lookup(args[start])
    if command is None:
        return args
    every, valued = option_names(command)
    subcommands = getattr(command, "commands", None)
    moved: list[str] = []
    kept: list[str] = []
    i = 0
    while i < len(rest):
        token = rest[i]
        name, attached = _key(token)
        if token == "--":
            kept += rest[i:]
            break
        if name in MOVABLE and name not in every:
            takes = MOVABLE[name] and not attached
            if takes and i + 1 >= len(rest):
                if not completing:
                    raise typer.BadParameter(Message("it needs a value"), param_hint=f"'{name}'")
                kept.append(token)  # its value is being completed: leave it in place
                break
            moved += rest[i : i + 2] if takes else [token]
            i += 2 if takes else 1
            continue
        if name in valued and not attached:
            kept += rest[i : i + 2]
            i += 2
            continue
        if subcommands and not token.startswith("-") and token in subcommands:
            sub_every, sub_valued = option_names(subcommands[token])
            every, valued, subcommands = every | sub_every, valued | sub_valued, None
        kept.append(token)
        i += 1
    return [*args[:start], *moved, args[start], *kept]


def version_last(args: list[str], group: Any) -> list[str]:
    """``args`` with ``-V``/``--version`` moved after the other global options before the command, so that
    ``mesocli -V --kb FILE`` reads (and checks) ``--kb`` before it prints, as ``mesocli --kb FILE -V`` does."""
    _every, valued = option_names(group)
    flags: list[str] = []
    kept: list[str] = []
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--" or not token.startswith("-"):
            break
        name, attached = _key(token)
        takes = name in valued and not attached
        (flags if name in ("-V", "--version") else kept).extend(args[i : i + (2 if takes else 1)])
        i += 2 if takes else 1
    return [*kept, *flags, *args[i:]]
