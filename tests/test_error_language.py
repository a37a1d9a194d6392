"""Errors, refusals and help in the reader's language: one line on stderr, in Turkish or Spanish, with its exit code.

Every expected failure a patient, a family or a nurse can meet is run under ``--lang tr`` and ``--lang es``. The
line must be in the language: no English word (counted as in tests/test_english_share.py) beyond what the user
typed, the ids and names the message quotes, paths and option names. The library's exceptions stay English.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import COMMANDS, app, build_command
from mesocli.core.errors import NotFoundError
from mesocli.core.l10n import set_language
from mesocli.core.models import CATEGORIES, GOALS, MESO_TYPES, REGIONS
from mesocli.core.profile import read_profile
from mesocli.core.situation import PERSON_HISTOLOGIES, TREATED
from mesocli.core.studies import HISTOLOGIES, LINES, STATUSES
from test_english_share import _own as _own_words
from test_english_share import _words, english_words

KB = mesocli.load(mesocli.bundled_path())
#: Words an error may show as they are: ids of entries, the vocabularies' values (what an option accepts).
NAMED = {
    w
    for text in [
        *(i for kind in ("treatment", "guide", "term", "study") for i in KB.names(kind)),
        *CATEGORIES,
        *GOALS,
        *MESO_TYPES,
        *REGIONS,
        *PERSON_HISTOLOGIES,
        *TREATED,
        *HISTOLOGIES,
        *LINES,
        *STATUSES,
        "rich plain json yaml markdown name query",
    ]
    for w in _words(text)
}


@cache
def _own(lang: str) -> set[str]:
    """The words of the language's own sources (read once per language)."""
    return _own_words(lang)


def _errors(tmp_path: Path) -> list[tuple[list[str], int, str]]:
    """(arguments, exit code, stdin) of every expected failure, with the files they need made in tmp_path."""
    bad_profile = tmp_path / "bad.yaml"
    bad_profile.write_text("site: pleura\nfitness: 7\nbogus: 1\n", encoding="utf-8")
    flow_profile = tmp_path / "flow.yaml"
    flow_profile.write_text("{site: pleural, values: {}}\n", encoding="utf-8")
    not_utf8 = tmp_path / "latin1.yaml"
    not_utf8.write_bytes(b"title: caf\xe9\n")
    schema_1 = tmp_path / "old.yaml"
    schema_1.write_text("schema_version: 1\ntreatments: []\n", encoding="utf-8")
    empty_kb = tmp_path / "empty.yaml"
    empty_kb.write_text("", encoding="utf-8")
    list_kb = tmp_path / "list.yaml"
    list_kb.write_text("- a\n", encoding="utf-8")
    unknown_key_kb = tmp_path / "unknown.yaml"
    unknown_key_kb.write_text("schema_version: 2\nbogus: 1\n", encoding="utf-8")
    existing = tmp_path / "existing.md"
    existing.write_text("mine\n", encoding="utf-8")
    not_json = tmp_path / "snapshot.json"
    not_json.write_text("trials: none\n", encoding="utf-8")
    nan_json = tmp_path / "nan.json"
    nan_json.write_text('{"format": NaN}', encoding="utf-8")
    tab_kb = tmp_path / "tab.yaml"
    tab_kb.write_text("schema_version: 2\n\ttreatments: []\n", encoding="utf-8")
    digits_kb = tmp_path / "digits.yaml"
    digits_kb.write_text("schema_version: " + "9" * 5000 + "\n", encoding="utf-8")
    big_profile = tmp_path / "big.yaml"
    big_profile.write_text("# a comment\n" * 10_000, encoding="utf-8")
    return [
        (["show", "nosuch"], 1, ""),
        (["show", "s"], 1, ""),
        (["show", "chemotherpy"], 1, ""),
        (["glossary", "nosuchterm"], 1, ""),
        (["guide", "nosuchtopic"], 1, ""),
        (["sources", "nosuchreference"], 1, ""),
        (["list", "--category", "systemic-therapy", "--type", "tunica-vaginalis", "--goal", "new-treatments"], 1, ""),
        (["show"], 2, ""),
        (["search"], 2, ""),
        (["nosuch"], 2, ""),
        (["lst"], 2, ""),
        (["trials", "updte"], 2, ""),
        (["list", "--bogus"], 2, ""),
        (["list", "extra"], 2, ""),
        (["glossary", "pleurodesis", "two", "three"], 2, ""),
        (["list", "--category", "xx"], 2, ""),
        (["studies", "--line", "firts"], 2, ""),
        (["show", "chemotherapy", "--format", "xx"], 2, ""),
        (["show", "chemotherapy", "--brief", "--section", "risks"], 2, ""),
        (["show", "\udcff"], 2, ""),
        (["search", "--limit", "0", "chemo"], 2, ""),
        (["search", "--limit", "010", "chemo"], 2, ""),
        (["options", "--fitness", "9"], 2, ""),
        (["options", "--profile", str(bad_profile)], 2, ""),
        (["options", "--profile", str(tmp_path)], 2, ""),
        (["values", "--profile", str(flow_profile)], 2, "3\n"),
        (["values", "--profile", str(tmp_path / "new.yaml")], 2, "7\n"),
        (["compare", "chemotherapy"], 2, ""),
        (["compare", "chemotherapy", "chemo"], 2, ""),
        (["trials", "--near", "Atlantis"], 2, ""),
        (["trials", "--country", "Atlantis"], 2, ""),
        (["trials", "--within", "50"], 2, ""),
        (["trials", "--age", "300"], 2, ""),
        (["trials", "--snapshot", str(tmp_path / "none.json")], 5, ""),
        (["trials", "update", "--api-url", "ftp://example.org"], 5, ""),
        (["trials", "diff"], 1, ""),
        (["questions", "-o", str(existing)], 2, ""),
        (["questions", "-o", str(tmp_path / "no" / "such" / "folder.md")], 4, ""),
        (["profile", "init", str(existing)], 2, ""),
        (["help", "nosuch"], 2, ""),
        (["--kb", str(tmp_path / "none.yaml"), "list"], 3, ""),
        (["--kb", str(tmp_path), "list"], 3, ""),
        (["--kb", str(not_utf8), "list"], 3, ""),
        (["--kb", "", "list"], 2, ""),
        (["--kb", str(schema_1), "list"], 3, ""),
        (["--kb", str(empty_kb), "list"], 3, ""),
        (["--kb", str(list_kb), "list"], 3, ""),
        (["--kb", str(unknown_key_kb), "list"], 3, ""),
        (["search", "--", "😀"], 2, ""),
        (["list", "--type"], 2, ""),
        (["trials", "update", "--api-url"], 2, ""),
        (["\x01show"], 2, ""),
        (["--kb"], 2, ""),
        (["options", "--profile", "a" * 5000], 2, ""),
        (["options", "--profile", str(big_profile)], 2, ""),
        (["questions", "-o", "visit\x00.md"], 2, ""),
        (["trials", "--snapshot", str(not_json)], 5, ""),
        (["trials", "--snapshot", str(nan_json)], 5, ""),
        (["migrate", str(list_kb), str(tmp_path / "new.yaml")], 3, ""),
        (["--kb", str(tab_kb), "list"], 3, ""),
        (["--kb", str(digits_kb), "list"], 3, ""),
    ]


def _foreign(line: str, arguments: list[str], lang: str) -> list[str]:
    """The English words of an error line, leaving out what the user typed, quoted names, paths and ids."""
    line = re.sub(r"'[^']*'|\S*/\S*", " ", line)
    typed = {w for a in arguments for w in _words(a)}
    found, _total = english_words(line, lang, _own(lang))
    return sorted(w for w in found if w not in typed and w not in NAMED and w != "mesocli")


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_every_expected_error_is_one_line_in_the_language(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    """Not found, ambiguous, usage, profile, values, output, trials and file errors: one line, exit code, no English."""
    for arguments, code, given in _errors(tmp_path):
        result = runner.invoke(app, ["--lang", lang, *arguments], input=given)
        lines = [line for line in result.stderr.splitlines() if line.startswith("mesocli: ")]
        assert result.exit_code == code, (arguments, result.exit_code, result.stderr)
        assert len(lines) == 1, (arguments, result.stderr)
        assert "Traceback" not in result.stderr
        assert _foreign(lines[0], arguments, lang) == [], (arguments, lines[0])


def test_the_same_errors_are_english_without_a_language(runner: CliRunner, tmp_path: Path) -> None:
    """The checker sees English: the same error lines in English have English words in them."""
    english = 0
    for arguments, code, given in _errors(tmp_path):
        result = runner.invoke(app, arguments, input=given)
        assert result.exit_code == code, (arguments, result.stderr)
        english += bool(_foreign(result.stderr.splitlines()[-1], arguments, "tr"))
    assert english >= len(_errors(tmp_path)) - 3


def test_library_errors_stay_english_whatever_the_interface_language() -> None:
    """A Python caller reads English from str(e), even after the command line chose Turkish."""
    set_language("tr")
    with pytest.raises(NotFoundError) as info:
        KB.get("nosuch")
    assert str(info.value) == "no treatment matches 'nosuch'"
    assert info.value.message.template == "no treatment matches {query}"


def test_a_profile_error_keeps_file_line_and_column_in_the_language(runner: CliRunner, tmp_path: Path) -> None:
    """Every problem of a profile is named at file:line:column, said in Spanish."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("site: pleura\nfitness: 7\n", encoding="utf-8")
    result = runner.invoke(app, ["--lang", "es", "options", "--profile", str(bad)])
    assert f"{bad}:1:7: site es 'pleura'" in result.stderr
    assert f"{bad}:2:10: fitness es 7" in result.stderr


#: Click's and Typer's English in a help page.
CLICK_WORDS = (
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Show this message",
    "[default:",
    "[env var:",
    "[OPTIONS]",
)


def _commands() -> list[list[str]]:
    found: list[list[str]] = [[]]
    for name in COMMANDS:
        found.append([name])
        found += [[name, sub] for sub in getattr(build_command(name), "commands", None) or {}]
    return found


def _prose(text: str) -> str:
    """The words of a --help page a reader reads as language: without the usage line, option names and
    metavars, the commands' names, choice lists, environment variables, defaults and example command lines."""
    kept = []
    for raw in text.splitlines()[1:]:
        if raw.strip().startswith("mesocli "):
            continue
        line = re.sub(r"^  (-\S.*?|[A-Z][A-Z.\[\]]*|\[[A-Z.]+\]|[a-z][\w-]*)(  +|$)", " ", raw)
        line = re.sub(r"\[[^\]]*\|[^\]]*\]|\b[A-Z]+(?:_[A-Z]+)+\b", " ", line)
        kept.append(re.sub(r"(\[[^\]:]*: )[^\]]*\]", r"\1]", line))
    return "\n".join(kept)


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_every_help_page_is_in_the_language(runner: CliRunner, lang: str) -> None:
    """Every command's and subcommand's --help: Click's words, every help text and option help translated."""
    own = _own(lang)
    for command in _commands():
        result = runner.invoke(app, ["--lang", lang, *command, "--help"])
        assert result.exit_code == 0, (command, result.output)
        text = result.stdout
        for english in CLICK_WORDS:
            assert english not in text, (command, english)
        found, _total = english_words(_prose(text), lang, own)
        assert not found, (command, dict(found))


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_profile_init_comments_in_the_language_and_the_file_still_reads(tmp_path: Path, lang: str) -> None:
    """`profile init` writes its comments in the language; keys and values stay, and the file reads as empty."""
    target = tmp_path / "me.yaml"
    result = CliRunner().invoke(app, ["--lang", lang, "profile", "init", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    keys = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    english = CliRunner().invoke(app, ["profile", "init", "-"]).stdout
    assert keys == [line for line in english.splitlines() if not line.lstrip().startswith("#")]
    assert "pleural" in text and "epithelioid" in text
    found, total = english_words(re.sub(r"`[^`]*`|\b[a-z]+(?:[-+_][a-z]+)+\b", " ", text), lang, _own(lang))
    assert total > 100
    assert not {w: n for w, n in found.items() if w not in NAMED}, found
    assert read_profile(target).values is None


SCRIPT = Path(sys.executable).parent / ("mesocli.exe" if os.name == "nt" else "mesocli")


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed in this environment")
def test_the_console_script_says_errors_and_help_in_the_language_also_when_replayed(tmp_path: Path) -> None:
    """Through the real entry point (mesocli_fast): a translated error, and a translated --help kept and replayed."""
    env = {**os.environ, "COLUMNS": "80", "MESOCLI_CACHE_DIR": str(tmp_path), "MESOCLI_LANG": "tr"}
    env.pop("FORCE_COLOR", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60, check=False)

    error = run("show", "nosuch")
    assert (error.returncode, error.stderr) == (1, "mesocli: 'nosuch' ile eşleşen tedavi yok\n")
    usage = run("--lang", "es", "search")
    assert usage.returncode == 2
    assert usage.stderr == "mesocli: error: Falta el argumento 'QUERY'. (vea 'mesocli search --help')\n"
    first, again = run("trials", "update", "--help"), run("trials", "update", "--help")
    assert first.returncode == again.returncode == 0
    assert first.stdout == again.stdout and first.stdout.startswith("Kullanım: mesocli trials update")
    assert "Seçenekler:" in again.stdout and "Bu iletiyi göster ve çık." in again.stdout
    english = run("--lang", "en", "trials", "update", "--help")
    assert english.stdout.startswith("Usage: mesocli trials update")


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_trials_page_says_what_is_left_open_and_the_age_limits_in_the_language(
    runner: CliRunner, tmp_path: Path, lang: str
) -> None:
    """The trials page's own lines (left open, the record's age limits) are said; YAML keeps them in English."""
    from trials_data import studies, write_snapshot

    snapshot = write_snapshot(tmp_path / "trials.json", studies())
    arguments = ["trials", "--snapshot", str(snapshot), "--near", "Madrid", "--age", "64", "--format", "plain"]
    page = runner.invoke(app, ["--lang", lang, *arguments])
    assert page.exit_code == 0, page.output
    said = re.findall(r"^(?:Açık kalan|Queda abierto): .*?(?=\n\n)", page.stdout, re.MULTILINE | re.DOTALL)
    assert said
    found, _total = english_words(" ".join(said), lang, _own(lang))
    assert not {w: n for w, n in found.items() if w not in NAMED}, found
    assert {
        "tr": "Kayıttaki yaş sınırları: en küçük 18 yaş",
        "es": "Límites de edad en el registro: edad mínima 18 años",
    }[lang] in page.stdout
    data = runner.invoke(app, ["--lang", lang, *arguments[:-2], "--format", "yaml"])
    assert data.exit_code == 0 and "Age limits in the record: minimum age 18 Years" in data.stdout


@pytest.mark.parametrize(("lang", "said"), [("tr", "kesildi"), ("es", "interrumpido"), ("en", "interrupted")])
def test_the_console_scripts_own_lines_are_said_in_the_language(
    monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """What the console script says before the command line loads (Ctrl-C during a replay) follows --lang."""
    import mesocli_fast

    monkeypatch.setattr(sys, "argv", ["mesocli", "--lang", lang, "show", "chemotherapy"])
    assert mesocli_fast._said("interrupted") == said


@pytest.mark.parametrize(("extra", "said"), [(["x"], "Argumento adicional inesperado"), (["x", "y"], "Argumentos ")])
def test_extra_arguments_take_the_form_of_their_count(runner: CliRunner, extra: list[str], said: str) -> None:
    """Typer's "extra argument(s)" is said in Spanish in the singular for one argument, the plural for more."""
    result = runner.invoke(app, ["--lang", "es", "list", *extra])
    assert result.exit_code == 2
    assert f"mesocli: error: {said}" in result.stderr


@pytest.mark.parametrize("option", ["--lang", "--kb", "--color"])
def test_a_global_option_after_the_command_without_its_value_is_said_in_the_environments_language(
    runner: CliRunner, option: str
) -> None:
    """`MESOCLI_LANG=tr mesocli list --kb` refuses the missing value in Turkish, as `mesocli --kb` does."""
    result = runner.invoke(app, ["list", option], env={"MESOCLI_LANG": "tr"})
    assert result.exit_code == 2
    assert result.stderr.startswith("mesocli: hata: ") and "bir değer" in result.stderr, result.stderr
    result = runner.invoke(app, ["--lang", "es", "list", option], env={"MESOCLI_LANG": "tr"})
    assert result.stderr.startswith("mesocli: error: Valor no válido"), result.stderr


@pytest.mark.parametrize("lang", ["en", "tr", "es"])
@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["show"], "'NAME'"),
        (["migrate"], "'OLD'"),
        (["search", ""], "'QUERY'"),
        (["compare"], "'NAME NAME [NAME...]'"),
        (["show", "--brief", "--section", "risks", "surgery"], "'--brief'"),
    ],
)
def test_usage_errors_name_a_parameter_as_its_usage_line_does(
    runner: CliRunner, arguments: list[str], named: str, lang: str
) -> None:
    """A usage error names an argument or option quoted, as the usage line writes it, in every language."""
    result = runner.invoke(app, ["--lang", lang, *arguments])
    assert result.exit_code == 2 and named in result.stderr, result.stderr
    bare = named.strip("'")
    assert f" {bare}:" not in result.stderr and f" {bare} için" not in result.stderr
    assert "'name'" not in result.stderr and "'query'" not in result.stderr
