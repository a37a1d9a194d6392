"""Usage errors: the "see ... --help" hint names the command being parsed, and the line is in the language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app

SCRIPT = Path(sys.executable).parent / ("mesocli.exe" if os.name == "nt" else "mesocli")

#: (arguments, the command whose --help the hint names) for errors Click's parser raises without a context.
PARSER_ERRORS = [
    (["list", "--type"], "mesocli list"),
    (["list", "--category"], "mesocli list"),
    (["show", "chemotherapy", "--section"], "mesocli show"),
    (["search", "chemo", "--limit"], "mesocli search"),
    (["trials", "--near"], "mesocli trials"),
    (["trials", "update", "--api-url"], "mesocli trials update"),
    (["profile", "init", "--bogus"], "mesocli profile init"),
    (["--kb"], "mesocli"),
]


@pytest.mark.parametrize(("arguments", "command"), PARSER_ERRORS)
def test_a_missing_option_value_names_the_subcommands_help(
    runner: CliRunner, arguments: list[str], command: str
) -> None:
    """An option left without its value points to the help of the (sub)command it belongs to."""
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.endswith(f"(see '{command} --help')\n"), result.stderr


@pytest.mark.parametrize(("lang", "said"), [("tr", "bkz. 'mesocli list --help'"), ("es", "vea 'mesocli list --help'")])
def test_the_missing_value_hint_is_said_in_the_language(runner: CliRunner, lang: str, said: str) -> None:
    """The same hint in Turkish and Spanish, with the option's sentence translated too."""
    result = runner.invoke(app, ["--lang", lang, "list", "--type"])
    assert result.exit_code == 2
    assert said in result.stderr and "requires" not in result.stderr


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_a_global_option_without_its_value_is_said_in_the_language_given_before_it(
    runner: CliRunner, lang: str
) -> None:
    """`--lang es --kb` fails before Click reads --lang; the line is still in the language asked for."""
    result = runner.invoke(app, ["--lang", lang, "--kb"])
    assert result.exit_code == 2
    assert "requires" not in result.stderr and "'--kb'" in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["\x01show", "\x7fshow", "\x1b]52;c;eA==\x07", "-", ".list", "\x00x"])
@pytest.mark.parametrize(("lang", "said"), [("tr", "adında bir komut yok"), ("es", "No existe el comando")])
def test_an_unknown_command_starting_with_a_control_or_punctuation_is_translated_and_escaped(
    runner: CliRunner, name: str, lang: str, said: str
) -> None:
    """Typer parses such a name again; that must not undo --lang, nor let a control character through."""
    result = runner.invoke(app, ["--lang", lang, name])
    assert result.exit_code == 2, result.stderr
    assert said in result.stderr and "No such command" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert not any(c < " " or "\x7f" <= c <= "\x9f" for c in result.stderr[:-1]), repr(result.stderr)


def test_parsing_the_line_again_keeps_what_the_global_options_set(tmp_path: Path) -> None:
    """Typer's second reading of the line (for '\x01show') leaves --kb and --lang as the first one set them."""
    import typer

    from mesocli.cli.context import state
    from mesocli.core.l10n import language

    group = typer.main.get_command(app)
    kb = str(tmp_path / "kb.yaml")
    ctx = group.make_context("mesocli", ["--kb", kb, "--lang", "es", "list"])
    group.parse_args(ctx, ["\x01show"])
    assert (state(ctx).kb_path, state(ctx).lang, language()) == (kb, "es", "es")


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed in this environment")
def test_the_console_script_names_the_subcommand_and_translates_an_odd_command_name(tmp_path: Path) -> None:
    """Through the real entry point: the missing value's hint names `trials`, and '\x01x' is said in Turkish."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(tmp_path), "MESOCLI_LANG": "tr"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60, check=False)

    missing = run("trials", "--near")
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == "mesocli: hata: '--near' seçeneği bir değer gerektirir. (bkz. 'mesocli trials --help')\n"
    odd = run("--lang", "es", "\x01x")
    assert (odd.returncode, odd.stderr) == (
        2,
        "mesocli: error: No existe el comando '\\x01x'. (vea 'mesocli --help')\n",
    )


@pytest.mark.parametrize(
    ("env", "said"), [({"MESOCLI_LANG": "es"}, "Uso: mesocli"), ({"LANG": "tr_TR.UTF-8"}, "Kullanım:")]
)
def test_the_top_level_help_follows_the_environments_language(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], said: str
) -> None:
    """`mesocli --help` is written before Click reads MESOCLI_LANG; it is still in the language asked for."""
    for name in ("MESOCLI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and result.stdout.startswith(said), result.stdout[:80]


def test_an_unknown_lang_is_refused_in_the_locales_language(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--lang xx` under a Spanish locale: the refusal is in Spanish (English only with no language known)."""
    monkeypatch.delenv("MESOCLI_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    result = runner.invoke(app, ["--lang", "xx", "list"])
    assert result.exit_code == 2 and "no es un idioma que mesocli hable" in result.stderr, result.stderr


@pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed in this environment")
def test_an_output_encoding_without_the_pages_letters_is_one_line_in_the_language(tmp_path: Path) -> None:
    """PYTHONIOENCODING=ascii: exit 4 and one line naming the encoding and the letter, not Python's English."""
    env = {**os.environ, "MESOCLI_CACHE_DIR": str(tmp_path), "MESOCLI_LANG": "es", "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [str(SCRIPT), "show", "chemotherapy"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 4 and done.stderr.count("\n") == 1, done.stderr
    assert "codificaci\\xf3n ascii" in done.stderr and "codec" not in done.stderr, done.stderr
