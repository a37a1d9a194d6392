"""The pager, as git runs it: ``$MESOCLI_PAGER``, then ``$PAGER``, then ``less``, with ``LESS`` set to keep colours."""

from __future__ import annotations

import os
import shutil


def longer_than_screen(text: str) -> bool:
    """Whether ``text`` has more lines than the terminal."""
    return text.count("\n") >= shutil.get_terminal_size((80, 24)).lines


def pager_command() -> list[str]:
    """The pager to run: $MESOCLI_PAGER, then $PAGER, then less; empty when one of them is set empty."""
    import shlex

    for name in ("MESOCLI_PAGER", "PAGER"):
        if name in os.environ:
            try:
                return shlex.split(os.environ[name])
            except ValueError:
                return []
    return ["less"]


def less_options(current: str | None) -> str:
    """``LESS`` for the pager, as git sets it: ``FRX`` when unset; else the user's own, with ``R`` added when
    missing, so that colour codes are shown as colour and never as raw escapes."""
    if current is None:
        return "FRX"
    if "R" in current:  # -R, a cluster such as "iMR", or --RAW-CONTROL-CHARS
        return current
    return f"{current} -R" if current.strip() else "R"


def page(text: str) -> bool:
    """Show ``text`` through the pager; False if there is none or it could not run (then it is printed)."""
    import subprocess

    command = pager_command()
    if not command:
        return False
    env = {**os.environ, "LESS": less_options(os.environ.get("LESS")), "LV": os.environ.get("LV", "-c")}
    try:
        subprocess.run(command, input=text, text=True, env=env, check=False)
    except (OSError, ValueError):
        return False
    return True
