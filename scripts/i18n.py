"""Interface catalogs: extract the strings marked with _() into the .po files, and compile .po to .mo.

    python scripts/i18n.py extract   # add new strings to every locale/LANG/LC_MESSAGES/mesocli.po
    python scripts/i18n.py compile   # write mesocli.mo beside each .po (standard GNU gettext format)

Uses the standard library only, so the catalogs build on any machine with Python.

A message with plural forms (``ngettext(singular, plural, n)``) is kept as gettext keeps it in a .mo file: its key
is the singular and the plural joined by a NUL, its translation the language's forms (``PLURAL_FORMS``) joined by
NULs; in the .po it is written with ``msgid_plural`` and ``msgstr[0]``, ``msgstr[1]``...
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
#: How many forms each language has after a number, and which one a count takes (gettext's Plural-Forms):
#: Turkish one ("1 gün", "2 gün"), Spanish two, one and other ("1 día", "2 días", "0 días").
PLURAL_FORMS = {"tr": "nplurals=1; plural=0;", "es": "nplurals=2; plural=(n != 1);"}


def header(lang: str) -> str:
    """The catalog's header entry: its charset, language and plural forms."""
    return f"Content-Type: text/plain; charset=UTF-8\nLanguage: {lang}\nPlural-Forms: {PLURAL_FORMS[lang]}\n"


def forms(lang: str) -> int:
    """How many plural forms the language has."""
    return int(PLURAL_FORMS[lang].split(";")[0].split("=")[1])


def marked_strings() -> list[str]:
    """Every string the interface translates, in first-seen order: literals passed to _() or N_(), the template
    of every ``Message(...)`` (an error's English, said in the reader's language), the singular and plural of
    every ``ngettext(...)`` (joined by a NUL), and in the command modules (cli/) every help= text and every
    command's and subcommand's docstring (Typer shows them as help)."""
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
            elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "ngettext":
                texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if len(texts) == 2:
                    found.setdefault("\0".join(texts), None)
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
    """msgid -> msgstr of a .po file (single-line and continued strings); a plural entry as the .mo keeps it,
    ``singular\\0plural`` -> ``form0\\0form1``."""
    entries: dict[str, str] = {}
    msgid: list[list[str]] = []
    msgstr: list[list[str]] = []
    current: list[str] | None = None

    def keep() -> None:
        if msgid and msgstr:
            entries["\0".join("".join(part) for part in msgid)] = "\0".join("".join(part) for part in msgstr)

    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        keyword, _space, rest = line.partition(" ")
        if keyword == "msgid":
            keep()
            msgid, msgstr = [[_unquote(rest)]], []
            current = msgid[0]
        elif keyword == "msgid_plural" or keyword.startswith("msgstr"):
            (msgid if keyword == "msgid_plural" else msgstr).append([_unquote(rest)])
            current = (msgid if keyword == "msgid_plural" else msgstr)[-1]
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
    keep()
    return entries


def write_po(path: Path, lang: str, entries: dict[str, str]) -> None:
    head = "".join(f"{_quote(line + chr(10))}\n" for line in header(lang).splitlines())
    body = "".join(_entry(k, v, lang) for k, v in entries.items() if k)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'msgid ""\nmsgstr ""\n{head}' + body, encoding="utf-8")


def _entry(msgid: str, msgstr: str, lang: str) -> str:
    """One entry of a .po file: msgid and msgstr, or msgid, msgid_plural and one msgstr[i] per form."""
    if "\0" not in msgid:
        return f"\nmsgid {_quote(msgid)}\nmsgstr {_quote(msgstr)}\n"
    singular, plural = msgid.split("\0")
    said = msgstr.split("\0") if msgstr else []
    said += [""] * (forms(lang) - len(said))
    lines = [f"msgid {_quote(singular)}", f"msgid_plural {_quote(plural)}"]
    lines += [f"msgstr[{i}] {_quote(text)}" for i, text in enumerate(said)]
    return "\n" + "\n".join(lines) + "\n"


def untranslated(msgid: str, msgstr: str, lang: str) -> bool:
    """Whether an entry lacks its translation, or one of the language's plural forms."""
    said = msgstr.split("\0")
    return not all(said) or ("\0" in msgid and len(said) != forms(lang))


def mo_bytes(entries: dict[str, str]) -> bytes:
    """The GNU .mo form of a catalog: translated entries only (every plural form), sorted by msgid, with the
    header entry."""
    items = sorted((k, v) for k, v in entries.items() if v and (not k or all(v.split("\0"))))
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
            entries.pop("", None)
            merged = {k: entries.get(k, "") for k in marked_strings()}
            write_po(po, lang, merged)
            missing = sum(1 for k, v in merged.items() if untranslated(k, v, lang))
            print(f"{po.relative_to(ROOT)}: {missing} untranslated", file=sys.stderr)
        elif command == "compile":
            entries[""] = header(lang)
            po.with_suffix(".mo").write_bytes(mo_bytes(entries))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
