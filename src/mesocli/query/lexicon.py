"""The words of patients' questions in Turkish and Spanish, for the ranking rules of :mod:`mesocli.query.ranking`.

English keeps its tables in ``ranking``; here each other language has the same kinds of word, written as people
type them and turned, when first used, into the keys a query's words are looked up by (:func:`keys`): each word's
stem as the text's (``query.text.word_term``), with and without its letters' marks, or, for a stem of
:data:`SHORT_STEM` letters or fewer, the word as typed, since such a stem stands for too many words:

- ``common``: question words, common verbs and fillers ("mü", "olabilir miyim", "¿me pueden...?"), pointing words,
  postpositions and words of time or repetition ("bunu", "yüzünden", "artık", "esto", "desde", "veces"): not
  searched for, so that "ameliyat olabilir miyim" is ranked by "ameliyat" alone; Turkish also lists ``verbs``,
  common verbs by their roots, every form of which is a common word;
- ``person`` and ``place``: who the question is about and where the asker is ("babam", "mi padre", "cerca");
- ``how_to`` and ``define``: a question that asks how, where or who (guide topics answer it) or what a word means
  (glossary terms answer it);
- ``symptom``: a symptom the asker has, so the options that ease symptoms weigh more;
- ``plain``: a plain word, and the words of the knowledge base it stands for (a symptom, a side effect or a
  concept: hair loss, breathlessness, tiredness, pain, appetite, weight loss, how long one may live); a plain
  word for a symptom is a symptom word too, and a Turkish plain verb stands for its words in any form
  (:func:`root_key`).
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

from mesocli.core.model import model
from mesocli.query import morphology

_TR: dict[str, Any] = {
    "common": """
        mi mı mu mü miyim mıyım muyum müyüm miyiz mıyız musun misin midir mıdır mudur müdür ne neler neden niçin
        niye hangi hangisi kaç kadar çok az daha en bir bu şu o ve veya ya da de ile için gibi ama fakat ki var yok
        olur olabilir olabilirim olabiliriz olacak olacağım oluyor oldu olan olarak olmak olmalı olursa olsa
        yapabilirim yapabiliriz yapılır yapılıyor yapmalı yapmalıyım yapmalıyız edebilir eder etmek ediyor
        alabilirim alabiliriz almalı almalıyım almalıyız almakta almak alıyor
        ben beni bana benim biz bizi bize bizim sen siz sizin onun onu ona şu şey şeyler lazım gerek gerekir mümkün
        acaba zaman sonra önce şimdi hala hâlâ hep sürekli her hiç kaldı kalır kaldım kalmış istiyorum fazla
        çekiyor yaşıyorum oluyorum ediyorum geçmiyor başladı nasıl nerede nereden nereye kim kimler kime
        arasında arasındaki ilişki bağlantı bulabilirim bulabiliriz bulurum bulmak geliyor gelir
        istiyoruz isterim girmek girebilir girebilirim yapar yapıyor yapılıyor yapamıyorum yapamıyor verilir
        verilen veriyor veriyorlar alıyorlar alınıyor alınır hiçbir şey nasılsa kaldım oldum oluyorum
        yıllarca yıllardır aylardır değil te ta istiyor istiyorlar anlaşılır anlarım anlarız
        neler nelerdir neyi neye nelere neyin kimdir kimlerdir kimin kimi kimden neresi neresidir nerededir
        hangileri hangisidir hangileridir hangisini nasıldır kaçtır iyi
        bunu buna bunun bundan bunlar bunları şunu onda ondan onlar onları bende sende
        yüzünden dolayı göre rağmen beri karşı sırasında yerine artık yine tekrar bile sadece yalnız zaten galiba
        herhalde sanki ise hem varmış yokmuş varsa yoksa dedi dediler diyor diyorlar kere kez defa
    """,
    # common verbs, in any tense, mood and person (query/morphology.py): "olur", "yapılabilir", "veriyorlar"
    "verbs": "ol yap yapıl et ed edil al alın ver veril iste ist bil gel kal",
    "person": "babam annem eşim kocam karım oğlum kızım kardeşim ablam abim dedem ninem babaannem anneannem yakınım",
    "place": "yakın yakınımda yakında civarda çevrede",
    "how_to": """
        nasıl nerede nereden nereye kim kimler kime bulabilirim bulabiliriz katılırım katılabilir başvurabilirim
        katılmak katılabilirim girmek girebilirim
    """,
    "define": "nedir demek demektir anlamı anlama anlamına",
    "define_after": {},
    "symptom": """
        yorgun yorgunum yorgunluk halsiz halsizim halsizlik bitkin bitkinim nefes soluk nefessiz darlığı ağrı ağrım
        ağrıyor sızı iştah iştahım iştahsızım iştahsızlık kilo bulantı bulantım kusma kusuyorum öksürük öksürüyorum
        uyku uykusuzluk uyuyamıyorum moral moralim üzgün üzgünüm kaygı kaygılı endişe endişeliyim depresyon
        kabızlık şişlik
    """,
    "plain": {
        "yorgun yorgunum halsiz halsizim bitkin bitkinim": "yorgunluk",
        "soluk nefessiz zorlanıyorum": "nefes",
        "ağrım ağrıyor sızı": "ağrı",
        "iştahım iştahsızım iştahsızlık": "iştah kaşeksi",
        "kilo": "kaşeksi",
        "bulantım kusuyorum": "bulantı",
        "uykusuzluk uyuyamıyorum uyuyamıyor": "uyku",
        "moralim üzgün üzgünüm": "ruh depresyon",
        "kaygılı endişe endişeliyim": "kaygı",
        "ömür ömrüm yaşarım": "prognoz sağkalım",
        "saç saçlarım saçım dökülür dökülme dökülmesi kellik": "saç kıl",
        "su suyu": "sıvı",
        "karnımda": "karın",
        "zayıfladım zayıflıyorum zayıflama zayıfladı": "kilo kaşeksi",
        "yemek yiyemiyorum": "iştah",
        "dren": "dren kateter",
        "ilerliyor ilerledi ilerler": "ilerleme progresyon",
        "ortalama": "ortanca medyan",
        "ölmek ölüm ölürsem": "hospis",
        "düştü düşük düşmesi": "düşüklüğü",
        "kötü kötüleşir kötüleşiyor": "prognoz",
        "yazmak yazılı yazdırmak": "vasiyet",
    },
}

_ES: dict[str, Any] = {
    "common": """
        qué que cómo como cuándo cuando cuál cuáles cuánto cuánta cuántos cuántas puedo puede pueden podemos
        podría debo debe debemos debería es son está estoy están estamos ser estar hay tengo tiene tenemos tener
        hacer hago hace va voy vamos a el la los las lo le les un una unos unas y o u de del al en con sin por para
        se me mi mis te tu su sus nos yo no sí si muy más mucho mucha muchos todo toda todos tiempo algo ya pero
        porque van ir pasa pasar dónde donde quién quiénes entre relación encontrar buscar conseguir obtener
        cuesta cuestan quiero quiere queremos quieres querer entrar dar dan da sabe saber sé ver vea veo hacen
        nada caso después antes durante ahora siempre nunca dentro crea crear hacia
        este esta esto estos estas ese esa eso esos esas aquel aquella aquello algún alguno alguna algunos algunas
        cada poco poca pocos pocas tanto tanta mismo misma igual solo sólo también tampoco
        todavía aún ya e ni pues aunque entonces he has ha hemos han había hubo habrá dijo dijeron dice dicen digo
        dio dieron doy pone ponen puso pusieron pasa pasó toca vez veces desde hasta hace
    """,
    "person": "padre madre papá mamá marido esposo esposa mujer hijo hija hermano hermana abuelo abuela pareja él ella",
    "place": "cerca cercano cercana cercanos zona",
    "how_to": "cómo como dónde donde quién quiénes encontrar buscar participar apuntarme pedir conseguir",
    "define": "significa significado definición decir",
    "define_after": {"qué": "es son"},
    "symptom": """
        cansado cansada cansancio agotado agotada agotamiento fatiga débil debilidad aire ahogo ahogo respirar
        respiración disnea dolor duele dolores hambre apetito peso náuseas náusea vómitos tos dormir sueño insomnio
        triste tristeza ánimo angustia angustiado angustiada ansiedad preocupado preocupada depresión estreñimiento
    """,
    "plain": {
        "cansado cansada agotado agotada agotamiento": "cansancio fatiga",
        "respirar respiración ahogo": "aire disnea",
        "duele dolores": "dolor",
        "hambre": "apetito caquexia",
        "peso": "caquexia",
        "náusea vómitos": "náuseas",
        "dormir insomnio": "sueño",
        "triste tristeza angustia angustiado angustiada": "ánimo depresión ansiedad",
        "vida queda quedan": "pronóstico supervivencia",
        "pelo cabello calvicie caída": "pelo vello",
        "barriga tripa": "abdomen",
        "adelgazar adelgazando adelgazo adelgazado delgado": "peso caquexia",
        "ganas comer": "apetito",
        "fuerzas débil": "cansancio debilidad",
        "agua": "líquido",
        "sacar sacan drenar": "drenaje",
        "pinchar pincharme pinchazo": "punción",
        "avanza avanzar avanzando empeora empeorando": "progresión",
        "uralita": "amianto",
        "defensas": "neutropenia",
        "morir muera muerte": "hospicio",
        "peor": "pronóstico",
        "adicción adicto dependencia engancha": "opioide",
        "escrito escribir": "voluntades",
        "promedio media": "mediana",
    },
}

WORDS = {"tr": _TR, "es": _ES}


@model
class Lexicon:
    """One language's question words as index terms (see the module's docstring)."""

    common: frozenset[str]
    person: frozenset[str]
    place: frozenset[str]
    how_to: frozenset[str]
    define: frozenset[str]
    symptom: frozenset[str]
    plain: dict[str, tuple[str, ...]]
    define_after: dict[str, frozenset[str]]

    def defines(self, words: list[str]) -> bool:
        """Whether the query (its index terms in order) asks what a word means: "nedir", "¿qué es...?"."""
        pairs = itertools.pairwise(words)
        return not self.define.isdisjoint(words) or any(b in self.define_after.get(a, ()) for a, b in pairs)

    @property
    def not_searched(self) -> frozenset[str]:
        return self.common | self.person | self.place | self.define


#: A stem this short stands for too many words ("karın", abdomen, and "karım", my wife, are both "kar"): a word
#: whose stem is no longer is looked up in the lists as typed (folded, without accents), not by its stem.
SHORT_STEM = 3


def keys(text: str, lang: str) -> list[str]:
    """The words of ``text`` as the lists are looked up by: each word's stem, or for a word with a short stem the
    word itself as typed (see :data:`SHORT_STEM`); with and without accents."""
    from mesocli.query.text import WORD

    return [_key(word, lang) for word in WORD.findall(text)]


@functools.lru_cache(maxsize=4096)
def _key(word: str, lang: str) -> str:
    from mesocli.query.text import bare_word, lower, word_term

    pattern = _common_forms(lang)
    if pattern is not None and pattern.match(lower(word, lang)):  # "ölür" (dies) is not "olur" (becomes)
        return COMMON_FORM
    term = word_term(word, lang)
    return term if len(term) > SHORT_STEM else "=" + bare_word(word, lang)


def root_key(word: str) -> str | None:
    """The key a Turkish word (or stem) is looked up by as a verb: its root without marks or a last vowel, which
    the present tense takes in ("zayıfla-dı", "zayıfl-ıyor"), after :data:`ROOT`; None when it is not a verb form
    or its root is too short to tell."""
    from mesocli.query.text import bare_word

    root = (morphology.verb_root(bare_word(word, "tr")) or "").rstrip("aeiou")
    return ROOT + root if len(root) > SHORT_STEM else None  # a shorter root stands for too many words


#: Marks the key of a verb root (:func:`root_key`), so that no word is taken for one.
ROOT = "~"
#: The key of a word that is a form of a common verb or the question particle (``query.morphology.common_forms``).
COMMON_FORM = "=·"


@functools.cache
def _common_forms(lang: str) -> re.Pattern[str] | None:
    verbs = WORDS.get(lang, {}).get("verbs")
    return None if verbs is None else morphology.common_forms(verbs)


@functools.cache
def lexicon(lang: str) -> Lexicon | None:
    """The lexicon of ``lang`` as index terms; None for English (its tables are in ``ranking``) or unknown."""
    words = WORDS.get(lang)
    if words is None:
        return None
    from mesocli.query.text import bare_word, index_tokens, tokens

    def terms(text: str) -> frozenset[str]:  # as written and as typed without accents
        return frozenset(keys(text, lang) + keys(" ".join(bare_word(w, lang) for w in text.split()), lang))

    plain: dict[str, tuple[str, ...]] = {}  # by stem: a query word is expanded by its stem
    for sources, targets in dict(words["plain"]).items():
        found = index_tokens(sources, lang)
        if lang == "tr":  # a verb by its root, so that any of its forms stands for the words ("dökülüyor")
            found += [key for word in sources.split() if (key := root_key(word)) is not None]
        for term in found:
            plain[term] = tuple(dict.fromkeys((*plain.get(term, ()), *tokens(targets, lang))))
    kinds = ("common", "person", "place", "how_to", "define", "symptom")
    sets = {kind: terms(str(words[kind])) for kind in kinds}
    # a plain word for a symptom ("fuerzas" for "cansancio") names that symptom too
    sources = " ".join(dict(words["plain"]))
    symptom_sources = " ".join(k for k, v in dict(words["plain"]).items() if not sets["symptom"].isdisjoint(terms(v)))
    sets["symptom"] |= terms(symptom_sources)
    if lang == "tr":  # a symptom verb by its root, so that any of its forms names it ("öksürüyor", "ağrıyordu")
        verbs = (root_key(w) for w in f"{words['symptom']} {symptom_sources}".split())
        sets["symptom"] |= {key for key in verbs if key is not None}
    # a word that names a symptom or a concept is searched
    # (but not by the bare form of one: "olursem" is "ölürsem" typed without marks, "olur" a common word)
    written = frozenset(keys(sources, lang))
    sets["common"] -= sets["symptom"] | written | (terms(sources) - frozenset(keys(str(words["common"]), lang)))
    sets["common"] |= {COMMON_FORM}
    after = {keys(first, lang)[0]: terms(then) for first, then in dict(words["define_after"]).items()}
    return Lexicon(plain=plain, define_after=after, **sets)
