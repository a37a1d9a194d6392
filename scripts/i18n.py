"""Interface catalogs: extract the strings marked with _() into the .po files, and compile .po to .mo.

    python scripts/i18n.py extract   # add new strings to every locale/LANG/LC_MESSAGES/mesocli.po
    python scripts/i18n.py compile   # write mesocli.mo beside each .po (standard GNU gettext format)

Uses the standard library only, so the catalogs build on any machine with Python.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "mesocli"
LOCALE = SRC / "locale"
LANGS = ("tr", "es")


def marked_strings() -> list[str]:
    """Every string the interface translates, in first-seen order: literals passed to _() or N_(), the template
    of every ``Message(...)`` (an error's English, said in the reader's language), and in the command modules
    (cli/) every help= text and every command's and subcommand's docstring (Typer shows them as help)."""
    found: dict[str, None] = {}
    for path in sorted(SRC.rglob("*.py")):
        in_cli = path.parent.name == "cli"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_", "Message")
            ):
                arg = node.args[0] if node.args else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, None)
            elif in_cli and isinstance(node, ast.keyword) and node.arg == "help":
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                    found.setdefault(node.value.value, None)
            elif (
                in_cli
                and isinstance(node, ast.FunctionDef)
                and ((path.stem, node.name) in commands() or _command(node))
            ):
                doc = ast.get_docstring(node)
                if doc:
                    found.setdefault(doc, None)
            elif in_cli and isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Typer":
                for keyword in node.keywords:
                    if keyword.arg == "help" and isinstance(keyword.value, ast.Constant):
                        found.setdefault(str(keyword.value.value), None)
    return list(found)


def _command(node: ast.FunctionDef) -> bool:
    """Whether a function is a subcommand or a group's callback (``@trials.command("update")``)."""
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ("command", "callback")
        for d in node.decorator_list
    )


def commands() -> set[tuple[str, str]]:
    """(module file stem, function) of every command named in cli/app.py's COMMANDS table."""
    tree = ast.parse((SRC / "cli" / "app.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "COMMANDS":
            table = ast.literal_eval(node.value)  # type: ignore[arg-type]
            return {(module.rsplit(".", 1)[1], function) for module, function in table.values()}
    return set()


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unquote(text: str) -> str:
    return ast.literal_eval(text)  # a .po string is a Python-compatible double-quoted literal


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po file (single-line and continued strings)."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if line.startswith("msgid "):
            if msgid is not None and msgstr is not None:
                entries["".join(msgid)] = "".join(msgstr)
            msgid, msgstr = [_unquote(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
    if msgid is not None and msgstr is not None:
        entries["".join(msgid)] = "".join(msgstr)
    return entries


def write_po(path: Path, lang: str, entries: dict[str, str]) -> None:
    header = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n'
    body = "".join(f"\nmsgid {_quote(k)}\nmsgstr {_quote(v)}\n" for k, v in entries.items() if k)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + body, encoding="utf-8")


def mo_bytes(entries: dict[str, str]) -> bytes:
    """The GNU .mo form of a catalog: translated entries only, sorted by msgid, with the header entry."""
    items = sorted((k, v) for k, v in entries.items() if v)
    ids = [k.encode("utf-8") for k, _ in items]
    strs = [v.encode("utf-8") for _, v in items]
    count = len(items)
    keystart = 7 * 4 + 16 * count
    offsets: list[tuple[int, int, int, int]] = []
    id_blob, str_blob = b"", b""
    for k, v in zip(ids, strs, strict=True):
        offsets.append((len(k), len(id_blob), len(v), len(str_blob)))
        id_blob += k + b"\0"
        str_blob += v + b"\0"
    valuestart = keystart + len(id_blob)
    key_table = b"".join(struct.pack("<II", n, keystart + o) for n, o, _, _ in offsets)
    value_table = b"".join(struct.pack("<II", n, valuestart + o) for _, _, n, o in offsets)
    head = struct.pack("<Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    return head + key_table + value_table + id_blob + str_blob


def main(command: str) -> int:
    for lang in LANGS:
        po = LOCALE / lang / "LC_MESSAGES" / "mesocli.po"
        entries = read_po(po) if po.exists() else {}
        if command == "extract":
            header = entries.pop("", "")
            merged = {k: entries.get(k, "") for k in marked_strings()}
            write_po(po, lang, merged)
            print(f"{po.relative_to(ROOT)}: {sum(1 for v in merged.values() if not v)} untranslated", file=sys.stderr)
            del header
        elif command == "compile":
            entries[""] = f"Content-Type: text/plain; charset=UTF-8\nLanguage: {lang}\n"
            po.with_suffix(".mo").write_bytes(mo_bytes(entries))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
