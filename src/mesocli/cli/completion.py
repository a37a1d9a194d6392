"""``--install-completion`` with a clear refusal when the shell cannot be told, through the error funnel."""

from __future__ import annotations

import os
from typing import Any

import typer

from mesocli.core.errors import Message

#: The shells Typer installs completion for.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def install_completion(typer_install: Any) -> Any:
    """Typer's ``--install-completion`` for the shell it detects among the parent processes, else ``$SHELL``'s;
    when neither is one it supports, a usage error (exit 2) through the error funnel, in the interface
    language, rather than Typer's English "Shell None is not supported." on stdout."""

    def callback(ctx: Any, param: Any, value: Any) -> Any:
        if not value or ctx.resilient_parsing:
            return value
        from typer._completion_shared import _get_shell_name  # Typer's detection (shellingham); no public path

        shell = value if isinstance(value, str) else _get_shell_name()
        if shell not in SHELLS and not isinstance(value, str):
            shell = os.path.basename(os.environ.get("SHELL", "")) or shell
        if shell not in SHELLS:
            raise typer.BadParameter(
                Message(
                    "cannot tell which shell to install completion for ({shell}); run it from bash, zsh, fish or "
                    "PowerShell, or set SHELL",
                    shell=repr(shell) if shell else "?",
                ),
                param_hint="'--install-completion'",
            )
        return typer_install(ctx, param, shell)

    callback.mesocli = True  # type: ignore[attr-defined]
    return callback
