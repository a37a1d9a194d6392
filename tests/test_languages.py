"""Turkish and Spanish editions: overlays that keep every figure, gettext catalogs, language-aware search."""

from __future__ import annotations

import gettext
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core import l10n
from mesocli.core.figures import differences, figures
from mesocli.core.files import overlay_path
from mesocli.core.overlay import _get as _field
from mesocli.core.overlay import apply, read, source_hash
from mesocli.kb import load as load_english

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LANGS = ("tr", "es")


@pytest.fixture(autouse=True)
def _english_afterwards() -> object:
    yield
    l10n.set_language("en")


def _overlay_fields(lang: str) -> list[tuple[str, str, str, str]]:
    """(section, entry id, field path, translated text) for every translated field of an overlay."""
    sections, _marks, problems = read(overlay_path(DATA / "treatments.yaml", lang))
    assert problems == []
    return [
        (kind, eid, path, value["text"])
        for kind, entries in sections.items()
        for eid, fields in entries.items()
        for path, value in fields.items()
        if isinstance(value, dict)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_translated_paragraph_keeps_the_english_figures(lang: str) -> None:
    """Each translated field (options, guides, terms, studies, guideline and approval rows) keeps the figures."""
    english = load_english()
    by_id = {
        "treatments": {t.id: t for t in english.treatments},
        "guides": {g.id: g for g in english.guides},
        "glossary": {t.id: t for t in english.glossary},
        "studies": {s.id: s for s in english.studies},
    }
    checked = 0
    for kind, eid, path, text in _overlay_fields(lang):
        if kind == "knowledge_base":
            continue
        original = _field(by_id[kind][eid], path)
        missing, added = differences(original, text, lang)
        assert not missing and not added, (kind, eid, path, missing, added)
        checked += 1
    assert checked >= 600
    translated = mesocli.load(lang=lang)
    assert translated.lang == lang
    assert [p for p in translated.warnings if "translation" in p.message or "figures" in p.message] == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_planted_wrong_number_is_caught_and_falls_back_to_english(lang: str, tmp_path: Path) -> None:
    """Change one figure in a translation: validation reports it, and the page shows the English instead."""
    kb_file = tmp_path / "treatments.yaml"
    kb_file.write_bytes((DATA / "treatments.yaml").read_bytes())
    doc = yaml.safe_load(overlay_path(DATA / "treatments.yaml", lang).read_text(encoding="utf-8"))
    field = doc["treatments"]["chemotherapy"]["overview"]
    assert "12,1" in field["text"] or "12.1" in field["text"]
    field["text"] = field["text"].replace("12,1", "21,1").replace("12.1", "21.1")
    overlay_path(kb_file, lang).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    english = load_english(kb_file)
    data, problems = apply(english.data, overlay_path(kb_file, lang), lang)
    bad = [p for p in problems if p.severity == "error"]
    assert len(bad) == 1 and "figures differ" in bad[0].message and bad[0].entry_id == "chemotherapy"
    assert bad[0].line is not None
    shown = next(t for t in data.treatments if t.id == "chemotherapy").overview
    assert "12.1" in shown and shown.startswith(("[İngilizce]", "[En inglés]"))


def test_figures_normalise_decimal_commas_and_the_turkish_percent() -> None:
    """12,1 and %23 in Turkish are 12.1 and 23% in English; a changed figure is a difference."""
    assert figures("median 12.1 months, 23% [@x]") == figures("medyan 12,1 ay, %23 [@x]", "tr")
    assert differences("1,704 people", "1.704 personas", "es") == (figures(""), figures(""))
    missing, added = differences("12.1 months", "12,2 ay", "tr")
    assert set(missing) == {"12.1"} and set(added) == {"12.2"}


def test_a_stale_translation_is_reported_and_shown_in_english_with_a_marker(runner: CliRunner, tmp_path: Path) -> None:
    """Edit an English paragraph: validate warns that its translation is stale; the page shows English, marked."""
    text = (DATA / "treatments.yaml").read_text(encoding="utf-8")
    kb_file = tmp_path / "treatments.yaml"
    old = "Chemotherapy means drugs that kill cells that divide quickly"
    assert old in text
    kb_file.write_text(text.replace(old, "Chemotherapy means medicines that kill cells that divide quickly"), "utf-8")
    overlay_path(kb_file, "tr").write_bytes(overlay_path(DATA / "treatments.yaml", "tr").read_bytes())
    result = runner.invoke(app, ["validate", str(kb_file)])
    assert result.exit_code == 0
    assert "chemotherapy: warning: overview: stale translation" in result.stdout
    page = runner.invoke(app, ["--kb", str(kb_file), "--lang", "tr", "show", "kemoterapi", "-f", "plain"]).stdout
    assert "[İngilizce] Chemotherapy means medicines" in " ".join(page.split())


def test_hashes_in_the_overlays_are_of_the_current_english() -> None:
    """Every bundled translation was made from the English as it is now (none is stale)."""
    english = load_english()
    for lang in LANGS:
        _data, problems = apply(english.data, overlay_path(DATA / "treatments.yaml", lang), lang)
        assert problems == [], problems[:3]
    assert source_hash("abc") == source_hash("abc") != source_hash("abd")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "tr", "show", "kemoterapi"], "Kemoterapi"),
        (["--lang", "tr", "search", "nefes darlığı"], "nefes darlığı"),
        (["--lang", "es", "show", "quimioterapia"], "Quimioterapia"),
        (["--lang", "tr", "show", "İMMÜNOTERAPİ"], "İmmünoterapi"),
        (["--lang", "tr", "show", "chemotherapy"], "Kemoterapi"),  # English ids always resolve
        (["--lang", "tr", "search", "ağrılar"], "ağrı"),  # Snowball stemming
    ],
)
def test_pages_and_names_in_each_language(runner: CliRunner, args: list[str], expected: str) -> None:
    """The commands the issue names work, and English ids still resolve in another language."""
    result = runner.invoke(app, [*args, "--format", "plain"])
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_the_locale_chooses_the_language(tmp_path: Path) -> None:
    """LANG=es_ES.UTF-8 mesocli list prints the Spanish edition (the real entry point, no --lang)."""
    env = {**os.environ, "LANG": "es_ES.UTF-8", "COLUMNS": "100", "MESOCLI_CACHE_DIR": str(tmp_path)}
    for key in ("MESOCLI_LANG", "LC_ALL", "LC_MESSAGES"):
        env.pop(key, None)
    result = subprocess.run(
        [sys.executable, "-m", "mesocli", "list"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Quimioterapia" in result.stdout and "Nombre" in result.stdout


def test_interface_strings_and_help_are_translated(runner: CliRunner) -> None:
    """Headings come from the gettext catalogs, and --help speaks the chosen language."""
    page = runner.invoke(app, ["--lang", "es", "show", "chemo", "-f", "plain"]).stdout
    assert "Descripción general" in page and "Preguntas para su equipo de atención" in page
    help_text = runner.invoke(app, ["--lang", "tr", "--help"]).stdout
    assert "tedavi seçeneklerini" in help_text


def test_json_keeps_english_keys_and_says_the_language(runner: CliRunner) -> None:
    """JSON in Turkish has the same keys as in English, plus lang."""
    english = json.loads(runner.invoke(app, ["show", "chemo", "--json"]).stdout)
    turkish = json.loads(runner.invoke(app, ["--lang", "tr", "show", "chemo", "--json"]).stdout)
    assert set(turkish) == {*english, "lang"} and turkish["lang"] == "tr"
    figures_of = [(s["id"], s["population"]["n"], s["arms"][0]["median_os_months"]) for s in english["studies"]]
    assert [(s["id"], s["population"]["n"], s["arms"][0]["median_os_months"]) for s in turkish["studies"]] == figures_of
    assert [s["finding"] for s in turkish["studies"]] != [s["finding"] for s in english["studies"]]  # text only
    rows = json.loads(runner.invoke(app, ["--lang", "es", "list", "--json"]).stdout)
    assert {r["lang"] for r in rows} == {"es"}


def test_a_query_in_another_language_gets_a_hint(runner: CliRunner) -> None:
    """Spanish words searched in English find the Spanish edition and say so on stderr."""
    result = runner.invoke(app, ["search", "quimioterapia", "-f", "plain"])
    assert result.exit_code == 0
    assert "no English match; Spanish results" in result.stderr


@pytest.mark.parametrize(
    ("lang", "query"), [("tr", "ve ile bir"), ("tr", "bu ne"), ("es", "¿qué es?"), ("es", "el de la que")]
)
def test_a_query_of_the_languages_common_words_is_refused(runner: CliRunner, lang: str, query: str) -> None:
    """Only common words of the reader's language: exit 2, not hits from another edition where they are words."""
    result = runner.invoke(app, ["--lang", lang, "search", *query.split(), "-f", "plain"])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1


def test_a_query_without_letters_is_refused_as_having_no_words(runner: CliRunner) -> None:
    """Emoji or punctuation alone: exit 2 with 'no words to search for', not 'only common words'."""
    for query in ("😀", "*", "-- %"):
        result = runner.invoke(app, ["search", "--", *query.split()])
        assert result.exit_code == 2 and "no words to search for" in result.stderr, (query, result.stderr)


def test_another_edition_is_searched_without_the_readers_common_words(runner: CliRunner) -> None:
    """A Turkish 've' (and) is not looked up in Spanish (where 've' means 'sees'): the fallback drops it."""
    from mesocli.cli.fallback import searched_words

    assert searched_words("ve quimioterapia", "tr") == "quimioterapia"
    result = runner.invoke(app, ["--lang", "tr", "search", "ve", "quimioterapia", "-f", "plain"])
    assert result.exit_code == 0 and "İspanyolca" in result.stderr, result.stderr


def test_an_unknown_language_is_a_usage_error(runner: CliRunner) -> None:
    """--lang xx is refused with the languages mesocli speaks."""
    result = runner.invoke(app, ["--lang", "xx", "list"])
    assert result.exit_code == 2 and "tr" in result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogs_match_their_po_files(lang: str) -> None:
    """Every interface string is translated in the .po, and the .mo beside it is compiled from it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import i18n

    po = i18n.LOCALE / lang / "LC_MESSAGES" / "mesocli.po"
    entries = i18n.read_po(po)
    marked = i18n.marked_strings()
    assert set(marked) <= set(entries)
    assert [m for m in marked if i18n.untranslated(m, entries[m], lang)] == []
    entries[""] = i18n.header(lang)
    assert po.with_suffix(".mo").read_bytes() == i18n.mo_bytes(entries)
    with po.with_suffix(".mo").open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("Overview") != "Overview"


@pytest.mark.parametrize("lang", LANGS)
def test_every_treatment_guide_and_term_is_translated(lang: str) -> None:
    """Coverage: each option, guide topic and glossary term has its name and main text in the language."""
    sections, _marks, _problems = read(overlay_path(DATA / "treatments.yaml", lang))
    kb = load_english()
    assert set(sections["treatments"]) == {t.id for t in kb.treatments}
    assert set(sections["guides"]) == {g.id for g in kb.guides}
    assert set(sections["glossary"]) == {t.id for t in kb.glossary}
    assert all("name" in f and "overview" in f for f in sections["treatments"].values())
    assert all("term" in f and "definition" in f for f in sections["glossary"].values())


@pytest.mark.parametrize("lang", LANGS)
def test_every_study_guideline_row_and_approval_is_translated(lang: str) -> None:
    """Coverage: each study's design, population, arms and finding, and every guideline and approval row."""
    sections, _marks, _problems = read(overlay_path(DATA / "treatments.yaml", lang))
    kb = load_english()
    assert set(sections["studies"]) == {s.id for s in kb.studies}
    for study in kb.studies:
        fields = sections["studies"][study.id]
        wanted = {"design", "population.description", "finding", *(f"arms[{i}].name" for i in range(len(study.arms)))}
        wanted |= {f"updates[{i}].note" for i, u in enumerate(study.updates) if u.note}
        assert wanted <= set(fields), (study.id, wanted - set(fields))
    for option in kb.treatments:
        fields = sections["treatments"][option.id]
        rows = {f"guidelines[{i}].says" for i in range(len(option.guidelines))}
        rows |= {f"approvals[{i}].what" for i in range(len(option.approvals))}
        assert rows <= set(fields), (option.id, rows - set(fields))


def test_a_translated_study_reaches_the_options_it_belongs_to() -> None:
    """An option's studies in a translated edition are the translated studies, nested fields included."""
    english, turkish = load_english(), mesocli.load(lang="tr")
    study = next(s for s in turkish.get("immunotherapy").studies if s.id == "checkmate-743")
    original = english.study("checkmate-743")
    assert study.finding != original.finding and "ortanca" in study.finding
    assert study.population.description != original.population.description
    assert study.population.n == original.population.n and study.arms[0].options == original.arms[0].options
    assert study.updates[0].arms[0].name == study.arms[0].name != original.arms[0].name
    assert "checkmate-743" in {s.id for s in turkish.studies} and turkish.study("CheckMate 743") == study


def test_turkish_folding_of_dotted_and_dotless_i() -> None:
    """İ/i and I/ı compare as Turkish readers expect in names."""
    from mesocli.core.names import normalise

    assert normalise("İMMÜNOTERAPİ") == normalise("immünoterapi")
    assert normalise("IMMUNOTHERAPY") == "immunotherapy"
    assert l10n.from_environment({"LANG": "tr_TR.UTF-8"}) == "tr"
    assert l10n.from_environment({"MESOCLI_LANG": "es", "LANG": "tr_TR"}) == "es"
    assert l10n.from_environment({"LANG": "de_DE"}) == "en"


@pytest.mark.parametrize(
    ("value", "lang"), [("tr_TR.UTF-8", "tr"), ("TR", "tr"), ("es-ES", "es"), ("  tr ", "tr"), ("tr_TR@euro", "tr")]
)
def test_mesocli_lang_read_like_a_locale_by_every_command(value: str, lang: str) -> None:
    """MESOCLI_LANG=tr_TR.UTF-8 (TR, es-ES, ' tr ') runs `list` in that language, as it already chose help's."""
    runner = CliRunner()
    listed = runner.invoke(app, ["list"], env={"MESOCLI_LANG": value, "COLUMNS": "100"})
    assert listed.exit_code == 0, listed.output
    helped = runner.invoke(app, ["--help"], env={"MESOCLI_LANG": value, "COLUMNS": "100"})
    expected = runner.invoke(app, ["--lang", lang, "list"], env={"MESOCLI_LANG": "", "COLUMNS": "100"})
    assert listed.stdout == expected.stdout
    assert helped.stdout == runner.invoke(app, ["--lang", lang, "--help"], env={"COLUMNS": "100"}).stdout
    assert l10n.read_language(value) == lang == l10n.from_environment({"MESOCLI_LANG": value})


def test_unknown_mesocli_lang_is_refused_in_one_language() -> None:
    """MESOCLI_LANG=fr is refused (exit 2) in English; `--lang fr` is refused in the language MESOCLI_LANG reads."""
    runner = CliRunner()
    refused = runner.invoke(app, ["list"], env={"MESOCLI_LANG": "fr", "LANG": "es_ES.UTF-8"})
    assert refused.exit_code == 2 and "'fr' is not a language mesocli speaks" in refused.stderr
    turkish = runner.invoke(app, ["--lang", "fr", "list"], env={"MESOCLI_LANG": "tr_TR.UTF-8"})
    assert turkish.exit_code == 2 and "mesocli'nin konuştuğu bir dil değil" in turkish.stderr


def test_overlay_fields_exist(write_kb: Callable[..., Path]) -> None:
    """A translation of an entry or field the knowledge base does not have is an error, located."""
    english = load_english()
    bad = write_kb("lang: tr\ntreatments:\n  nowhere:\n    name: {text: X, source_hash: '0'}\n", "treatments.tr.yaml")
    _data, problems = apply(english.data, bad, "tr")
    assert problems and problems[0].line == 3 and "no entry 'nowhere'" in problems[0].message


def test_terminology_and_review_status_cover_every_entry() -> None:
    """docs/terminology.yaml has every glossary term in both languages; docs/translation.md lists every entry."""
    kb = load_english()
    terms = {t["en"]: t for t in yaml.safe_load((ROOT / "docs" / "terminology.yaml").read_text(encoding="utf-8"))}
    assert {t.term for t in kb.glossary} <= set(terms)
    assert all(t["tr"] and t["es"] for t in terms.values())
    status = (ROOT / "docs" / "translation.md").read_text(encoding="utf-8")
    for entry in (*kb.treatments, *kb.guides, *kb.glossary):
        assert f"| {entry.id} | translated" in status, entry.id


def test_the_wheel_ships_every_edition() -> None:
    """Each data/treatments.LANG.yaml is packaged beside treatments.yaml (a wheel without it speaks English only)."""
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # read as text: tomllib is Python 3.11+
    section = config.split("[tool.hatch.build.targets.wheel.force-include]", 1)[1].split("\n[", 1)[0]
    editions = sorted(DATA.glob("treatments.*.yaml"))
    assert len(editions) == 2
    for edition in editions:
        assert f'"data/{edition.name}" = "mesocli/data/{edition.name}"' in section, edition.name


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--lang", "tr", "show", "chemo"], "anadili Türkçe olan bir klinisyen"),
        (["--lang", "es", "studies", "checkmate"], "lengua materna española"),
        (["--lang", "tr", "options", "--site", "pleural"], "İngilizceden çevrilmiştir"),
        (["--lang", "es", "glossary", "ascitis"], "Traducido del inglés"),
    ],
)
def test_every_translated_page_ends_with_the_notice(runner: CliRunner, args: list[str], words: str) -> None:
    """A translated page says it was translated, figures checked by program, not reviewed by a clinician."""
    page = " ".join(runner.invoke(app, [*args, "--format", "plain"]).stdout.split())
    assert words in page[-400:], page[-400:]  # at the end of the page
    english = runner.invoke(app, [*args[2:], "--format", "plain"]).stdout
    assert "Translated from English" not in english


@pytest.mark.parametrize(("lang", "title", "words"), [("tr", "görüşmem", "klinisyen"), ("es", "mi consulta", "inglés")])
def test_the_translated_handout_has_the_notice_and_a_translated_title(
    runner: CliRunner, tmp_path: Path, lang: str, title: str, words: str
) -> None:
    """A Turkish or Spanish handout has a translated title and the notice; the review date is the English text's."""
    out = tmp_path / "visit.html"
    result = runner.invoke(app, ["--lang", lang, "handout", "--site", "pleural", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert f": {title}</title>" in html and words in html
    assert "my visit" not in html


@pytest.mark.parametrize(
    ("args", "present", "absent"),
    [
        (["--lang", "tr", "studies", "checkmate"], ["18,1 ay", "%41", "0,74 (%96,6 GA 0,60-0,91)"], ["18.1", "0.74"]),
        (["--lang", "es", "studies", "checkmate"], ["18,1 meses", "41 %", "(IC del 96,6 % 0,60-0,91)"], ["18.1"]),
        (["--lang", "tr", "studies", "--option", "chemotherapy"], ["1.704 kişi"], ["1,704"]),
        (["--lang", "tr", "search", "ağrı", "--limit", "1"], ["puan "], []),
    ],
)
def test_numbers_are_written_the_languages_way(
    runner: CliRunner, args: list[str], present: list[str], absent: list[str]
) -> None:
    """Decimal comma, thousands separator and percent as the language writes them; never 18.1 beside 18,1."""
    page = " ".join(runner.invoke(app, [*args, "--format", "plain"]).stdout.split())
    for text in present:
        assert text.replace("\xa0", " ") in page.replace("\xa0", " "), text
    for text in absent:
        assert text not in page, text
    score = page.split("puan ")[1].split(")")[0] if "puan " in page else "0,5"
    assert "," in score and "." not in score


def test_number_formats_come_from_the_language() -> None:
    """l10n.number and l10n.percent: English as before, Turkish and Spanish through Babel's CLDR data."""
    expected = {
        "en": ("1,704", "18.1", "0.60", "41.3%"),
        "tr": ("1.704", "18,1", "0,60", "%41,3"),
        "es": ("1.704", "18,1", "0,60", "41,3\xa0%"),
    }
    for lang, (thousands, decimal, fixed, pct) in expected.items():
        l10n.set_language(lang)
        assert (l10n.number(1704), l10n.number(18.1), l10n.number(0.6, 2), l10n.percent(41.3)) == (
            thousands,
            decimal,
            fixed,
            pct,
        )


@pytest.mark.parametrize("lang", LANGS)
def test_brief_shows_the_same_key_points_in_every_language(runner: CliRunner, lang: str) -> None:
    """--brief chooses its points by their place in the English, then shows their translations."""
    from mesocli.pages.document import Bullets
    from mesocli.pages.option import brief_page, first_items

    english, translated = load_english(), mesocli.load(lang=lang)
    for option in english.treatments:
        other = translated.get(option.id)
        shown = [b for b in brief_page(other, english=option) if isinstance(b, Bullets)]
        texts = [" ".join(span.text for span in item) for block in shown for item in block.items]
        wanted = [
            *(other.benefits[i] for i in range(len(first_items(option.benefits)))),
            *(other.risks[i] for i in range(len(first_items(option.risks)))),
        ]
        assert [w.split("[@")[0].strip()[:40] for w in wanted] == [t.strip()[:40] for t in texts[: len(wanted)]]
    page = runner.invoke(app, ["--lang", lang, "show", "clinical-trials", "--brief", "--format", "plain"]).stdout
    english_page = runner.invoke(app, ["show", "clinical-trials", "--brief", "--format", "plain"]).stdout
    assert page.count("\n  - ") == english_page.count("\n  - ")


@pytest.mark.parametrize(
    ("lang", "written"), [("en", "region United States"), ("es", "región Estados Unidos"), ("tr", "ABD")]
)
def test_a_region_is_written_as_a_reader_of_the_language_writes_it(lang: str, written: str) -> None:
    """The options page names --region us by its name in the language, not by the code "us"."""
    result = CliRunner().invoke(app, ["--lang", lang, "options", "--site", "pleural", "--region", "us"])
    assert result.exit_code == 0 and written in result.stdout and "region us" not in result.stdout
