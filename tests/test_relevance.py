"""Search relevance: the relevance set's precision@3 holds, important questions get their first hit, and the
rules behind them (plain symptom words, side effects, how-to questions, common words) do what they say."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.query import ranking
from mesocli.query.text import BODY_WEIGHT, SIDE_EFFECT_WEIGHT, fields

ROOT = Path(__file__).resolve().parent.parent
KB = mesocli.load(mesocli.bundled_path())
#: The mean precision@3 reached on the set (docs/search-relevance.md); search may only get better.
PRECISION_AT_3_FLOOR = 0.88
#: The command of each kind of entry, as the issue asked for it.
OPENED_BY = {"treatment": "show", "guide": "guide", "term": "glossary"}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_search_relevance", ROOT / "scripts" / "gen_search_relevance.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _script()
RESULTS = GEN.evaluate(KB)


def test_the_set_is_large_and_names_real_entries() -> None:
    """At least 40 questions from patients, families and nurses, every expected id a real entry."""
    assert len(RESULTS) >= 40
    assert {r.who for r in RESULTS} == {"patient", "family", "nurse"}
    ids = {e.id for e in (*KB.treatments, *KB.guides, *KB.glossary)}
    assert {i for r in RESULTS for i in (*r.expected, *r.first)} <= ids


def test_precision_at_3_stays_at_or_above_the_floor() -> None:
    """Mean precision@3 over the set is at least the level reached when the ranking rules were added."""
    assert GEN.mean_precision(RESULTS) >= PRECISION_AT_3_FLOOR


@pytest.mark.parametrize("result", [r for r in RESULTS if r.first], ids=lambda r: r.query)
def test_important_questions_get_their_first_hit(result: object) -> None:
    """Each question judged on its first hit gets it ("clinical trials near me" opens with the trial guide)."""
    assert result.first_ok, (result.top3, result.first)  # type: ignore[attr-defined]


def test_relevance_report_is_up_to_date() -> None:
    """docs/search-relevance.md is what scripts/gen_search_relevance.py writes now."""
    assert (ROOT / "docs" / "search-relevance.md").read_text(encoding="utf-8") == GEN.report(RESULTS)


def test_a_family_question_about_a_tired_breathless_father_puts_comfort_care_above_surgery() -> None:
    """The long question of the issue ranks palliative and supportive care above surgery."""
    ids = [h.id for h in KB.search("my dad is 82, very tired and breathless, what can help him", 10)]
    assert ids.index("palliative-care") < ids.index("surgery") and ids.index("supportive-care") < ids.index("surgery")


def test_symptom_words_put_relief_above_treatments_that_list_them_as_side_effects() -> None:
    """'tired' finds supportive care (fatigue) first, not chemotherapy, whose risks list tiredness."""
    assert KB.search("tired")[0].id == "supportive-care"
    risks = [w for f, w, _ in fields(KB.get("chemotherapy")) if f == "risks"]
    assert risks and set(risks) == {SIDE_EFFECT_WEIGHT} and SIDE_EFFECT_WEIGHT < BODY_WEIGHT


def test_plain_words_stand_for_words_the_text_holds() -> None:
    """Every word a plain symptom word stands for is in the bundled knowledge base (else it finds nothing)."""
    vocabulary = KB._index.vocabulary
    missing = {t for targets in ranking.PLAIN_WORDS.values() for t in targets if not vocabulary.has(t)}
    assert missing == set()
    assert set(ranking.PLAIN_WORDS) <= ranking.SYMPTOM_WORDS


def test_how_to_questions_put_guides_first() -> None:
    """'clinical trials near me' and 'how do I get a second opinion' open with their guide topics."""
    assert KB.search("clinical trials near me")[0].id == "finding-a-trial"
    assert KB.search("how do I get a second opinion")[0].id == "second-opinion"


def test_only_common_words_is_a_usage_error_with_a_hint(runner: CliRunner) -> None:
    """`mesocli search the` exits 2 and says what to add; the library finds nothing."""
    result = runner.invoke(app, ["search", "the"])
    assert result.exit_code == 2
    assert "only common words" in result.stderr and "mesocli search breathless" in result.stderr
    assert KB.search("the a") == []


def test_every_hit_ends_with_the_command_that_opens_it(runner: CliRunner) -> None:
    """Each hit of `search` is followed by `→ mesocli show|guide|glossary ID`, and that command works."""
    result = runner.invoke(app, ["search", "trial", "--limit", "40", "--format", "plain"])
    hits = list(KB.search("trial", 40))
    commands = [line[2:] for line in result.stdout.splitlines() if line.startswith("→ ")]
    assert len(commands) == len(hits) and {h.kind for h in hits} == {"treatment", "guide", "term"}
    for command, hit in zip(commands, hits, strict=True):
        assert command == f"mesocli {OPENED_BY[hit.kind]} {hit.id}"
        assert runner.invoke(app, command.split()[1:]).exit_code == 0


TRANSLATED = {lang: GEN.evaluate(lang=lang) for lang in ("tr", "es")}
DEVELOPMENT = {lang: GEN.evaluate(lang=lang, which="development") for lang in ("tr", "es")}
BLIND = {lang: GEN.evaluate(lang=lang, which="blind") for lang in ("tr", "es")}
#: A floor under the precision@3 reached on the Turkish and Spanish held-out sets (the figures and the target,
#: GEN.TARGET, are in docs/search-relevance.md), a little below it so that new content alone does not fail it.
TRANSLATED_FLOOR = {"tr": 0.91, "es": 0.94}
#: The same on the development sets the Turkish and Spanish ranking was tuned on.
DEVELOPMENT_FLOOR = {"tr": 0.86, "es": 0.87}


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_each_language_has_its_own_set_of_real_questions(lang: str) -> None:
    """At least 30 Turkish and 30 Spanish questions, every expected id a real entry."""
    results = TRANSLATED[lang]
    assert len(results) >= 30
    ids = {e.id for e in (*KB.treatments, *KB.guides, *KB.glossary)}
    assert {i for r in results for i in (*r.expected, *r.first)} <= ids


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_precision_at_3_in_each_language_stays_at_or_above_its_floor(lang: str) -> None:
    """Mean precision@3 of the language's set is at least the level recorded in docs/search-relevance.md."""
    assert GEN.mean_precision(TRANSLATED[lang]) >= TRANSLATED_FLOOR[lang]


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_each_language_has_a_separate_development_set(lang: str) -> None:
    """Each language has 30+ development questions, none held out, ids real, precision@3 at least as recorded."""
    results = DEVELOPMENT[lang]
    ids = {e.id for e in (*KB.treatments, *KB.guides, *KB.glossary)}
    assert len(results) >= 30 and {i for r in results for i in (*r.expected, *r.first)} <= ids
    assert {r.query for r in results}.isdisjoint(r.query for r in TRANSLATED[lang])
    assert GEN.mean_precision(results) >= DEVELOPMENT_FLOOR[lang]


#: A floor under the precision@3 reached on the blind sets, a little below it (reported only, never tuned on).
BLIND_FLOOR = {"tr": 0.85, "es": 0.9}


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_each_language_has_a_blind_set_measured_and_never_tuned_on(lang: str) -> None:
    """Each language has 30+ blind questions in no other set, ids real, precision@3 at least as first measured."""
    results = BLIND[lang]
    ids = {e.id for e in (*KB.treatments, *KB.guides, *KB.glossary)}
    assert len(results) >= 30 and {i for r in results for i in (*r.expected, *r.first)} <= ids
    others = {r.query for r in (*TRANSLATED[lang], *DEVELOPMENT[lang])}
    assert others.isdisjoint(r.query for r in results)
    assert GEN.mean_precision(results) >= BLIND_FLOOR[lang]


@pytest.mark.parametrize(
    "result", [r for lang in ("tr", "es") for r in TRANSLATED[lang] if r.first], ids=lambda r: r.query
)
def test_judged_questions_in_each_language_get_their_first_hit(result: object) -> None:
    """ "kemoterapide saçlarım dökülür mü" opens with chemotherapy, "¿me pueden operar?" with surgery, and so on."""
    assert result.first_ok, (result.top3, result.first)  # type: ignore[attr-defined]


def test_question_and_common_words_are_not_searched_for_in_turkish_and_spanish() -> None:
    """ "ameliyat olabilir miyim" is searched by "ameliyat" alone; "¿me pueden operar?" by "operar"."""
    assert ranking.search_words("ameliyat olabilir miyim", "tr") == ranking.search_words("ameliyat", "tr")
    assert ranking.search_words("¿me pueden operar?", "es") == ranking.search_words("operar", "es")
    assert ranking.search_words("mü mi ne kadar", "tr") == []


@pytest.mark.parametrize(("lang", "query"), [("tr", "saç dökülmesi"), ("es", "caída del cabello")])
def test_hair_loss_finds_the_options_that_list_it(lang: str, query: str) -> None:
    """Hair loss, a side effect people ask about, finds chemotherapy and radiotherapy, whose risks name it."""
    top = [h.id for h in mesocli.load(mesocli.bundled_path(), lang=lang).search(query, 3)]
    assert {"chemotherapy", "radiation-therapy"} <= set(top)


@pytest.mark.parametrize("lang", ["tr", "es"])
def test_plain_words_of_each_language_stand_for_words_its_edition_holds(lang: str) -> None:
    """Every word a Turkish or Spanish plain word stands for is in that edition (else it finds nothing)."""
    from mesocli.query.lexicon import lexicon

    table = lexicon(lang)
    assert table is not None
    vocabulary = mesocli.load(mesocli.bundled_path(), lang=lang)._index.vocabulary
    assert {t for targets in table.plain.values() for t in targets if not vocabulary.has(t)} == set()
    assert table.common.isdisjoint(table.symptom)


@pytest.mark.parametrize(
    ("lang", "typed", "written"),
    [("tr", "akcigerimde su", "akciğerimde su"), ("tr", "hastaligim", "hastalığım"), ("es", "cirugia", "cirugía")],
)
def test_a_question_typed_without_accents_finds_what_it_finds_with_them(lang: str, typed: str, written: str) -> None:
    """Words typed without their marks find what the marked words find, though the stemmer cuts them otherwise."""
    kb = mesocli.load(mesocli.bundled_path(), lang=lang)
    plain, marked = ([h.id for h in kb.search(q, 3)] for q in (typed, written))
    assert len(set(plain) & set(marked)) >= 2


def test_a_short_stem_is_not_taken_for_a_common_word() -> None:
    """ "karın" (abdomen) is searched for, though its stem is that of "karım" (my wife), a word about the asker."""
    assert ranking.search_words("karın", "tr") != []
    assert ranking.search_words("karım", "tr") == []


def test_a_query_that_names_an_entry_puts_it_first() -> None:
    """ "pleura" opens with the glossary term of that name, not with the long pages that mention the pleura."""
    assert KB.search("what is the pleura")[0].id == "pleura"
    assert mesocli.load(mesocli.bundled_path(), lang="es").search("que es la pleura")[0].id == "pleura"


def test_hits_are_unique_by_id() -> None:
    """A guide topic and a glossary term of one name are shown once, not as if they were two different answers."""
    for lang, query in (("en", "prognosis"), ("tr", "ortalama yaşam süresi"), ("es", "esperanza de vida")):
        ids = [h.id for h in mesocli.load(mesocli.bundled_path(), lang=lang).search(query, 10)]
        assert "prognosis" in ids and len(ids) == len(set(ids))


@pytest.mark.parametrize(("lang", "query"), [("en", "ğ"), ("tr", "ğ"), ("es", "x"), ("en", "a b")])
def test_a_single_letter_is_too_short_to_search_for(runner: CliRunner, lang: str, query: str) -> None:
    """`search ğ` exits 2, one line in the reader's language; the library finds nothing; a lone digit is searched."""
    assert mesocli.load(mesocli.bundled_path(), lang=lang).search(query) == []
    result = runner.invoke(app, ["--lang", lang, "search", query])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    said = {"en": "too short", "tr": "çok kısa", "es": "demasiado corto"}[lang]
    assert len(lines) == 1 and said in lines[0]
    assert ranking.ranked_words("stage 4") == ["stage", "4"]


def test_a_word_typed_with_its_marks_finds_only_the_marked_word() -> None:
    """Turkish "saç" (hair) does not find the pericardium, whose alias "pericardial sac" has "sac" without marks."""
    kb = mesocli.load(mesocli.bundled_path(), lang="tr")
    assert "pericardium" not in [h.id for h in kb.search("saç", 10)]
    assert "pericardium" in [h.id for h in kb.search("sac", 10)]


def test_negation_and_separated_suffixes_are_not_searched_for() -> None:
    """Turkish "te" and "değil" (not) and Spanish "dentro" (inside) are question words, not what is asked about."""
    assert ranking.search_words("evre 4 te ameliyat değil", "tr") == ranking.search_words("evre 4 ameliyat", "tr")
    assert ranking.search_words("dentro del tórax", "es") == ranking.search_words("tórax", "es")


def test_a_turkish_verb_form_finds_the_other_forms_of_its_verb() -> None:
    """Turkish "toplanıyor" finds "toplanır" and "toplanma" by its root, not "toplantı" (a meeting)."""
    index = mesocli.load(mesocli.bundled_path(), lang="tr")._index
    found = index.expand("toplanıyor")
    assert {"toplanır", "toplanma"} <= set(found) and "toplantı" not in found


def test_a_turkish_stem_that_dropped_a_vowel_finds_the_word_with_it() -> None:
    """ "karnımda" (in my abdomen) finds "karın" (abdomen), whose vowel the ending drops, and "göğsüm" "göğüs"."""
    from mesocli.query.text import word_term

    index = mesocli.load(mesocli.bundled_path(), lang="tr")._index
    assert word_term("karın", "tr") in index.expand(word_term("karnımda", "tr"))
    assert "göğüs" in index.expand(word_term("göğsümde", "tr"))


def test_every_form_of_a_common_turkish_verb_and_the_question_particle_is_not_searched_for() -> None:
    """Common Turkish verbs in any form and "mi" are question words; "ölür" and "ameliyat edilebilir" are searched."""
    assert ranking.search_words("ameliyat yapılabilir misiniz", "tr") == ranking.search_words("ameliyat", "tr")
    assert ranking.search_words("veriyorlar mıdır olur", "tr") == []
    assert ranking.search_words("ölür", "tr") != []
    assert len(ranking.name_words("ameliyat edilebilir", "tr")) == 2


def test_pointing_words_postpositions_and_words_of_repetition_are_not_searched_for() -> None:
    """Pointing words, postpositions and words of repetition are not searched for; "otro médico" keeps "otro"."""
    assert ranking.search_words("bunu yüzünden artık dediler", "tr") == []
    assert ranking.search_words("esto desde veces dijeron", "es") == []
    assert ranking.search_words("otro", "es") != []


def test_a_plain_turkish_verb_stands_for_its_words_in_any_form() -> None:
    """A plain Turkish verb ("dökülüyor", "zayıflamış") stands in any form for what its listed forms stand for."""
    for typed, listed in (("dökülüyor", "dökülür"), ("zayıflamış", "zayıfladım"), ("ilerlemiş", "ilerliyor")):
        assert ranking.plain_word_terms(typed, "tr") == ranking.plain_word_terms(listed, "tr") != ()


def test_a_turkish_symptom_said_as_a_verb_in_any_form_is_a_symptom() -> None:
    """Turkish "öksürdüm" (I coughed) names a symptom as "öksürüyorum" does; "ameliyat olacak" does not."""
    assert ranking.Intent("öksürdüm", "tr").symptom and ranking.Intent("babam çok öksürüyor", "tr").symptom
    assert not ranking.Intent("ameliyat olacak", "tr").symptom


def test_a_question_counts_as_answered_when_any_expected_entry_is_in_the_top_3() -> None:
    """The report's looser share counts a question once one of its expected ids is among the first three hits."""
    hit = GEN.Result("patient", "q", ("a", "b"), (), ("x", "b", "y"))
    missed = GEN.Result("patient", "q", ("a",), (), ("x", "y", "z"))
    assert (GEN.answered([hit, missed]), GEN.answered([missed])) == (1, 0)
