"""Every model's ``__init__`` and decoding plan, written by scripts/gen_model_code.py: do not edit by hand.

Each entry is keyed ``module:qualname`` and holds the model's shape (:func:`mesocli.core.model.shape`), its
``__init__`` (None for a model with a default factory or a default that is no literal), and each field's name,
annotation and decoding (``hint_code`` in :mod:`mesocli.core.plain`). An ``__init__`` is used only while the
model's shape and defaults are the ones it was written with, a decoding only while the annotations are;
tests/test_load_path.py fails when this file is not what the script writes now.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_set = object.__setattr__


def _core_applies_AppliesTo(self, site=(), histology=(), line=(), ecog=(), resectability=()):
    _set(self, "site", site)
    _set(self, "histology", histology)
    _set(self, "line", line)
    _set(self, "ecog", ecog)
    _set(self, "resectability", resectability)


def _core_applies_ComfortChoice(self, what, benefits, harms):
    _set(self, "what", what)
    _set(self, "benefits", benefits)
    _set(self, "harms", harms)


def _core_applies_Passage(self, entry, at, applies_to=None, starts=None, index=None):
    _set(self, "entry", entry)
    _set(self, "at", at)
    _set(self, "applies_to", applies_to)
    _set(self, "starts", starts)
    _set(self, "index", index)


def _core_applies_SituationPoint(self, at, applies_to, starts=None, index=None):
    _set(self, "at", at)
    _set(self, "applies_to", applies_to)
    _set(self, "starts", starts)
    _set(self, "index", index)


def _core_disclosure_Disclosure(self, authors, funding, conflicts, review, evidence_date):
    _set(self, "authors", authors)
    _set(self, "funding", funding)
    _set(self, "conflicts", conflicts)
    _set(self, "review", review)
    _set(self, "evidence_date", evidence_date)


def _core_eligibility_Criteria(self, inclusion, exclusion):
    _set(self, "inclusion", inclusion)
    _set(self, "exclusion", exclusion)


def _core_eligibility_Reading(self, verdict, reasons=(), open=()):
    _set(self, "verdict", verdict)
    _set(self, "reasons", reasons)
    _set(self, "open", open)


def _core_errors_Problem(self, file, message, line=None, column=None, entry_id=None, severity="error"):
    _set(self, "file", file)
    _set(self, "message", message)
    _set(self, "line", line)
    _set(self, "column", column)
    _set(self, "entry_id", entry_id)
    _set(self, "severity", severity)


def _core_frequencies_Measure(self, kind, counts, years=None):
    _set(self, "kind", kind)
    _set(self, "counts", counts)
    _set(self, "years", years)


def _core_models_Approval(self, agency, date, what, reference, region=None, applies_to=None):
    _set(self, "agency", agency)
    _set(self, "date", date)
    _set(self, "what", what)
    _set(self, "reference", reference)
    _set(self, "region", region)
    _set(self, "applies_to", applies_to)


def _core_models_Guide(
    self,
    id,
    title,
    summary,
    body,
    last_reviewed,
    aliases=(),
    questions=(),
    related=(),
    references=(),
):
    _set(self, "id", id)
    _set(self, "title", title)
    _set(self, "summary", summary)
    _set(self, "body", body)
    _set(self, "last_reviewed", last_reviewed)
    _set(self, "aliases", aliases)
    _set(self, "questions", questions)
    _set(self, "related", related)
    _set(self, "references", references)


def _core_models_GuidelineRow(self, guideline, says, reference, applies_to=None):
    _set(self, "guideline", guideline)
    _set(self, "says", says)
    _set(self, "reference", reference)
    _set(self, "applies_to", applies_to)


def _core_models_KnowledgeBaseData(
    self,
    schema_version,
    title,
    version,
    last_reviewed,
    disclaimer,
    treatments,
    guides=(),
    glossary=(),
    studies=(),
    references=(),
):
    _set(self, "schema_version", schema_version)
    _set(self, "title", title)
    _set(self, "version", version)
    _set(self, "last_reviewed", last_reviewed)
    _set(self, "disclaimer", disclaimer)
    _set(self, "treatments", treatments)
    _set(self, "guides", guides)
    _set(self, "glossary", glossary)
    _set(self, "studies", studies)
    _set(self, "references", references)


def _core_models_Reference(self, id, citation, pmid=None, doi=None, url=None):
    _set(self, "id", id)
    _set(self, "citation", citation)
    _set(self, "pmid", pmid)
    _set(self, "doi", doi)
    _set(self, "url", url)


def _core_models_SubOption(self, name, summary, details=None):
    _set(self, "name", name)
    _set(self, "summary", summary)
    _set(self, "details", details)


def _core_models_Term(self, id, term, definition, aliases=(), related=(), references=()):
    _set(self, "id", id)
    _set(self, "term", term)
    _set(self, "definition", definition)
    _set(self, "aliases", aliases)
    _set(self, "related", related)
    _set(self, "references", references)


def _core_models_Treatment(
    self,
    id,
    name,
    category,
    summary,
    overview,
    how_it_works,
    candidates,
    what_to_expect,
    last_reviewed,
    may_do=None,
    costs=None,
    aliases=(),
    goals=(),
    evidence_level="expert-consensus",
    evidence_rationale=None,
    mesothelioma_types=(),
    benefits=(),
    risks=(),
    options=(),
    approvals=(),
    guidelines=(),
    questions=(),
    related=(),
    situation_points=(),
    comfort_choice=None,
    references=(),
    studies=(),
):
    _set(self, "id", id)
    _set(self, "name", name)
    _set(self, "category", category)
    _set(self, "summary", summary)
    _set(self, "overview", overview)
    _set(self, "how_it_works", how_it_works)
    _set(self, "candidates", candidates)
    _set(self, "what_to_expect", what_to_expect)
    _set(self, "last_reviewed", last_reviewed)
    _set(self, "may_do", may_do)
    _set(self, "costs", costs)
    _set(self, "aliases", aliases)
    _set(self, "goals", goals)
    _set(self, "evidence_level", evidence_level)
    _set(self, "evidence_rationale", evidence_rationale)
    _set(self, "mesothelioma_types", mesothelioma_types)
    _set(self, "benefits", benefits)
    _set(self, "risks", risks)
    _set(self, "options", options)
    _set(self, "approvals", approvals)
    _set(self, "guidelines", guidelines)
    _set(self, "questions", questions)
    _set(self, "related", related)
    _set(self, "situation_points", situation_points)
    _set(self, "comfort_choice", comfort_choice)
    _set(self, "references", references)
    _set(self, "studies", studies)


def _core_models_TreatmentRow(self, id, name, category, goals, evidence_level, mesothelioma_types, summary):
    _set(self, "id", id)
    _set(self, "name", name)
    _set(self, "category", category)
    _set(self, "goals", goals)
    _set(self, "evidence_level", evidence_level)
    _set(self, "mesothelioma_types", mesothelioma_types)
    _set(self, "summary", summary)


def _core_overlay__Header(self, title, disclaimer, id="knowledge-base", aliases=()):
    _set(self, "title", title)
    _set(self, "disclaimer", disclaimer)
    _set(self, "id", id)
    _set(self, "aliases", aliases)


def _core_places_Place(self, name, country, lat=None, lon=None):
    _set(self, "name", name)
    _set(self, "country", country)
    _set(self, "lat", lat)
    _set(self, "lon", lon)


def _core_situation_Situation(
    self,
    site=None,
    histology=None,
    treated=None,
    fitness=None,
    region=None,
    goal=None,
    values=None,
):
    _set(self, "site", site)
    _set(self, "histology", histology)
    _set(self, "treated", treated)
    _set(self, "fitness", fitness)
    _set(self, "region", region)
    _set(self, "goal", goal)
    _set(self, "values", values)
    self.__post_init__()


def _core_situation_StudyFit(self, study, verdict, reasons=(), unknown=(), open=()):
    _set(self, "study", study)
    _set(self, "verdict", verdict)
    _set(self, "reasons", reasons)
    _set(self, "unknown", unknown)
    _set(self, "open", open)


def _core_snapshot_Manifest(self, data_timestamp, api_version, query, fetched_at, count, sha256, source):
    _set(self, "data_timestamp", data_timestamp)
    _set(self, "api_version", api_version)
    _set(self, "query", query)
    _set(self, "fetched_at", fetched_at)
    _set(self, "count", count)
    _set(self, "sha256", sha256)
    _set(self, "source", source)


def _core_snapshot_Snapshot(self, manifest, trials, path=""):
    _set(self, "manifest", manifest)
    _set(self, "trials", trials)
    _set(self, "path", path)


def _core_studies_Arm(
    self,
    name,
    options=(),
    n=None,
    median_os_months=None,
    median_pfs_months=None,
    response_rate_pct=None,
    grade3plus_trae_pct=None,
    survival=(),
):
    _set(self, "name", name)
    _set(self, "options", options)
    _set(self, "n", n)
    _set(self, "median_os_months", median_os_months)
    _set(self, "median_pfs_months", median_pfs_months)
    _set(self, "response_rate_pct", response_rate_pct)
    _set(self, "grade3plus_trae_pct", grade3plus_trae_pct)
    _set(self, "survival", survival)


def _core_studies_Comparison(
    self,
    os_hr=None,
    os_ci=(),
    pfs_hr=None,
    pfs_ci=(),
    ci_level=None,
    primary_endpoint=None,
    met=None,
):
    _set(self, "os_hr", os_hr)
    _set(self, "os_ci", os_ci)
    _set(self, "pfs_hr", pfs_hr)
    _set(self, "pfs_ci", pfs_ci)
    _set(self, "ci_level", ci_level)
    _set(self, "primary_endpoint", primary_endpoint)
    _set(self, "met", met)


def _core_studies_Population(
    self,
    description,
    n=None,
    sites=(),
    histologies=(),
    line=None,
    ecog=(),
    disease=None,
    stage_note=None,
):
    _set(self, "description", description)
    _set(self, "n", n)
    _set(self, "sites", sites)
    _set(self, "histologies", histologies)
    _set(self, "line", line)
    _set(self, "ecog", ecog)
    _set(self, "disease", disease)
    _set(self, "stage_note", stage_note)


def _core_studies_Study(
    self,
    id,
    name,
    status,
    design,
    population,
    finding,
    reference,
    year=None,
    aliases=(),
    cancer="mesothelioma",
    phase=None,
    randomised=None,
    blinded=None,
    arms=(),
    comparison=None,
    updates=(),
):
    _set(self, "id", id)
    _set(self, "name", name)
    _set(self, "status", status)
    _set(self, "design", design)
    _set(self, "population", population)
    _set(self, "finding", finding)
    _set(self, "reference", reference)
    _set(self, "year", year)
    _set(self, "aliases", aliases)
    _set(self, "cancer", cancer)
    _set(self, "phase", phase)
    _set(self, "randomised", randomised)
    _set(self, "blinded", blinded)
    _set(self, "arms", arms)
    _set(self, "comparison", comparison)
    _set(self, "updates", updates)


def _core_studies_Survival(self, years, pct):
    _set(self, "years", years)
    _set(self, "pct", pct)


def _core_studies_Update(self, label, year, reference, note=None, applies_to=None, arms=(), comparison=None):
    _set(self, "label", label)
    _set(self, "year", year)
    _set(self, "reference", reference)
    _set(self, "note", note)
    _set(self, "applies_to", applies_to)
    _set(self, "arms", arms)
    _set(self, "comparison", comparison)


def _core_trials_Contact(self, name="", phone="", email=""):
    _set(self, "name", name)
    _set(self, "phone", phone)
    _set(self, "email", email)


def _core_trials_Site(self, facility, city, country, status, lat=None, lon=None, contacts=()):
    _set(self, "facility", facility)
    _set(self, "city", city)
    _set(self, "country", country)
    _set(self, "status", status)
    _set(self, "lat", lat)
    _set(self, "lon", lon)
    _set(self, "contacts", contacts)


def _core_trials_Trial(
    self,
    nct_id,
    title,
    status,
    acronym="",
    phases=(),
    sponsor="",
    interventions=(),
    conditions=(),
    eligibility="",
    minimum_age="",
    maximum_age="",
    contacts=(),
    sites=(),
):
    _set(self, "nct_id", nct_id)
    _set(self, "title", title)
    _set(self, "status", status)
    _set(self, "acronym", acronym)
    _set(self, "phases", phases)
    _set(self, "sponsor", sponsor)
    _set(self, "interventions", interventions)
    _set(self, "conditions", conditions)
    _set(self, "eligibility", eligibility)
    _set(self, "minimum_age", minimum_age)
    _set(self, "maximum_age", maximum_age)
    _set(self, "contacts", contacts)
    _set(self, "sites", sites)


def _core_values_Values(
    self,
    longer_life=None,
    feeling_well=None,
    time_at_home=None,
    new_treatments=None,
    known_treatments=None,
    share_decision=None,
):
    _set(self, "longer_life", longer_life)
    _set(self, "feeling_well", feeling_well)
    _set(self, "time_at_home", time_at_home)
    _set(self, "new_treatments", new_treatments)
    _set(self, "known_treatments", known_treatments)
    _set(self, "share_decision", share_decision)


def _query_decision_ComfortText(self, id, name, what, benefits, harms):
    _set(self, "id", id)
    _set(self, "name", name)
    _set(self, "what", what)
    _set(self, "benefits", benefits)
    _set(self, "harms", harms)


def _query_decision_Decision(self, stage, question, note, choices, comfort):
    _set(self, "stage", stage)
    _set(self, "question", question)
    _set(self, "note", note)
    _set(self, "choices", choices)
    _set(self, "comfort", comfort)


def _query_lexicon_Lexicon(self, common, person, place, how_to, define, symptom, plain, define_after):
    _set(self, "common", common)
    _set(self, "person", person)
    _set(self, "place", place)
    _set(self, "how_to", how_to)
    _set(self, "define", define)
    _set(self, "symptom", symptom)
    _set(self, "plain", plain)
    _set(self, "define_after", define_after)


def _query_search_Match(self, field, snippet, highlights):
    _set(self, "field", field)
    _set(self, "snippet", snippet)
    _set(self, "highlights", highlights)


def _query_search_SearchHit(self, kind, id, name, score, matches, entry):
    _set(self, "kind", kind)
    _set(self, "id", id)
    _set(self, "name", name)
    _set(self, "score", score)
    _set(self, "matches", matches)
    _set(self, "entry", entry)


def _query_situation_OptionFit(
    self,
    treatment,
    situation,
    status,
    status_text,
    trials,
    approvals,
    approval_notes,
    said,
):
    _set(self, "treatment", treatment)
    _set(self, "situation", situation)
    _set(self, "status", status)
    _set(self, "status_text", status_text)
    _set(self, "trials", trials)
    _set(self, "approvals", approvals)
    _set(self, "approval_notes", approval_notes)
    _set(self, "said", said)


def _query_situation_SituationResult(
    self,
    situation,
    options,
    left_out,
    notes,
    references,
    disclaimer,
    last_reviewed,
    decision=None,
):
    _set(self, "situation", situation)
    _set(self, "options", options)
    _set(self, "left_out", left_out)
    _set(self, "notes", notes)
    _set(self, "references", references)
    _set(self, "disclaimer", disclaimer)
    _set(self, "last_reviewed", last_reviewed)
    _set(self, "decision", decision)


def _query_trials_SiteRow(self, site, distance_km=None):
    _set(self, "site", site)
    _set(self, "distance_km", distance_km)


def _query_trials_TrialMatch(self, trial, verdict, reasons, open, options, sites):
    _set(self, "trial", trial)
    _set(self, "verdict", verdict)
    _set(self, "reasons", reasons)
    _set(self, "open", open)
    _set(self, "options", options)
    _set(self, "sites", sites)


def _query_trials_TrialsResult(
    self,
    situation,
    age,
    place,
    place_name,
    within_km,
    country,
    manifest,
    source,
    today,
    total,
    matches,
):
    _set(self, "situation", situation)
    _set(self, "age", age)
    _set(self, "place", place)
    _set(self, "place_name", place_name)
    _set(self, "within_km", within_km)
    _set(self, "country", country)
    _set(self, "manifest", manifest)
    _set(self, "source", source)
    _set(self, "today", today)
    _set(self, "total", total)
    _set(self, "matches", matches)


def _query_trials_diff_SnapshotChanges(self, before, after, lines, data):
    _set(self, "before", before)
    _set(self, "after", after)
    _set(self, "lines", lines)
    _set(self, "data", data)


GENERATED: dict[str, Any] = {
    "mesocli.core.applies:AppliesTo": (
        "site=,histology=,line=,ecog=,resectability=",
        _core_applies_AppliesTo,
        (
            ("site", "tuple[kinds.AppliesSite, ...]", "tuple same"),
            ("histology", "tuple[kinds.AppliesHistology, ...]", "tuple same"),
            ("line", "tuple[kinds.AppliesLine, ...]", "tuple same"),
            ("ecog", "tuple[kinds.Ecog, ...]", "tuple same"),
            ("resectability", "tuple[kinds.Resectability, ...]", "tuple same"),
        ),
    ),
    "mesocli.core.applies:ComfortChoice": (
        "what,benefits,harms",
        _core_applies_ComfortChoice,
        (
            ("what", "tuple[Passage, ...]", "tuple model mesocli.core.applies:Passage"),
            ("benefits", "tuple[Passage, ...]", "tuple model mesocli.core.applies:Passage"),
            ("harms", "tuple[Passage, ...]", "tuple model mesocli.core.applies:Passage"),
        ),
    ),
    "mesocli.core.applies:Passage": (
        "entry,at,applies_to=,starts=,index=",
        _core_applies_Passage,
        (
            ("entry", "str", "same"),
            ("at", "str", "same"),
            ("applies_to", "AppliesTo | None", "optional model mesocli.core.applies:AppliesTo"),
            ("starts", "str | None", "optional same"),
            ("index", "int | None", "optional same"),
        ),
    ),
    "mesocli.core.applies:SituationPoint": (
        "at,applies_to,starts=,index=",
        _core_applies_SituationPoint,
        (
            ("at", "str", "same"),
            ("applies_to", "AppliesTo", "model mesocli.core.applies:AppliesTo"),
            ("starts", "str | None", "optional same"),
            ("index", "int | None", "optional same"),
        ),
    ),
    "mesocli.core.disclosure:Disclosure": (
        "authors,funding,conflicts,review,evidence_date",
        _core_disclosure_Disclosure,
        (
            ("authors", "str", "same"),
            ("funding", "str", "same"),
            ("conflicts", "str", "same"),
            ("review", "str", "same"),
            ("evidence_date", "dt.date", "date"),
        ),
    ),
    "mesocli.core.eligibility:Criteria": (
        "inclusion,exclusion",
        _core_eligibility_Criteria,
        (
            ("inclusion", "tuple[str, ...]", "tuple same"),
            ("exclusion", "tuple[str, ...]", "tuple same"),
        ),
    ),
    "mesocli.core.eligibility:Reading": (
        "verdict,reasons=,open=",
        _core_eligibility_Reading,
        (
            ("verdict", "Verdict", "same"),
            ("reasons", "tuple[str, ...]", "tuple same"),
            ("open", "tuple[str, ...]", "tuple same"),
        ),
    ),
    "mesocli.core.errors:Problem": (
        "file,message,line=,column=,entry_id=,severity=",
        _core_errors_Problem,
        (
            ("file", "str", "same"),
            ("message", "str", "same"),
            ("line", "int | None", "optional same"),
            ("column", "int | None", "optional same"),
            ("entry_id", "str | None", "optional same"),
            ("severity", "str", "same"),
        ),
    ),
    "mesocli.core.frequencies:Measure": (
        "kind,counts,years=",
        _core_frequencies_Measure,
        (
            ("kind", "Kind", "same"),
            ("counts", "tuple[tuple[str, int], ...]", "tuple tuple same"),
            ("years", "float | None", "optional float"),
        ),
    ),
    "mesocli.core.models:Approval": (
        "agency,date,what,reference,region=,applies_to=",
        _core_models_Approval,
        (
            ("agency", "str", "same"),
            ("date", "dt.date", "date"),
            ("what", "str", "same"),
            ("reference", "str", "same"),
            ("region", "kinds.Region | None", "optional same"),
            ("applies_to", "AppliesTo | None", "optional model mesocli.core.applies:AppliesTo"),
        ),
    ),
    "mesocli.core.models:Guide": (
        "id,title,summary,body,last_reviewed,aliases=,questions=,related=,references=",
        _core_models_Guide,
        (
            ("id", "str", "same"),
            ("title", "str", "same"),
            ("summary", "str", "same"),
            ("body", "str", "same"),
            ("last_reviewed", "dt.date", "date"),
            ("aliases", "tuple[str, ...]", "tuple same"),
            ("questions", "tuple[str, ...]", "tuple same"),
            ("related", "tuple[str, ...]", "tuple same"),
            ("references", "tuple[Reference, ...]", "tuple model mesocli.core.models:Reference"),
        ),
    ),
    "mesocli.core.models:GuidelineRow": (
        "guideline,says,reference,applies_to=",
        _core_models_GuidelineRow,
        (
            ("guideline", "str", "same"),
            ("says", "str", "same"),
            ("reference", "str", "same"),
            ("applies_to", "AppliesTo | None", "optional model mesocli.core.applies:AppliesTo"),
        ),
    ),
    "mesocli.core.models:KnowledgeBaseData": (
        "schema_version,title,version,last_reviewed,disclaimer,treatments,guides=,glossary=,studies=,references=",
        _core_models_KnowledgeBaseData,
        (
            ("schema_version", "int", "same"),
            ("title", "str", "same"),
            ("version", "str", "same"),
            ("last_reviewed", "dt.date", "date"),
            ("disclaimer", "str", "same"),
            ("treatments", "tuple[Treatment, ...]", "tuple model mesocli.core.models:Treatment"),
            ("guides", "tuple[Guide, ...]", "tuple model mesocli.core.models:Guide"),
            ("glossary", "tuple[Term, ...]", "tuple model mesocli.core.models:Term"),
            ("studies", "tuple[Study, ...]", "tuple model mesocli.core.studies:Study"),
            ("references", "tuple[Reference, ...]", "tuple model mesocli.core.models:Reference"),
        ),
    ),
    "mesocli.core.models:Reference": (
        "id,citation,pmid=,doi=,url=",
        _core_models_Reference,
        (
            ("id", "str", "same"),
            ("citation", "str", "same"),
            ("pmid", "str | None", "optional same"),
            ("doi", "str | None", "optional same"),
            ("url", "str | None", "optional same"),
        ),
    ),
    "mesocli.core.models:SubOption": (
        "name,summary,details=",
        _core_models_SubOption,
        (
            ("name", "str", "same"),
            ("summary", "str", "same"),
            ("details", "str | None", "optional same"),
        ),
    ),
    "mesocli.core.models:Term": (
        "id,term,definition,aliases=,related=,references=",
        _core_models_Term,
        (
            ("id", "str", "same"),
            ("term", "str", "same"),
            ("definition", "str", "same"),
            ("aliases", "tuple[str, ...]", "tuple same"),
            ("related", "tuple[str, ...]", "tuple same"),
            ("references", "tuple[Reference, ...]", "tuple model mesocli.core.models:Reference"),
        ),
    ),
    "mesocli.core.models:Treatment": (
        "id,name,category,summary,overview,how_it_works,candidates,what_to_expect,last_reviewed,may_do=,costs=,aliases=,goals=,evidence_level=,evidence_rationale=,mesothelioma_types=,benefits=,risks=,options=,approvals=,guidelines=,questions=,related=,situation_points=,comfort_choice=,references=,studies=",
        _core_models_Treatment,
        (
            ("id", "str", "same"),
            ("name", "str", "same"),
            ("category", "kinds.Category", "same"),
            ("summary", "str", "same"),
            ("overview", "str", "same"),
            ("how_it_works", "str", "same"),
            ("candidates", "str", "same"),
            ("what_to_expect", "str", "same"),
            ("last_reviewed", "dt.date", "date"),
            ("may_do", "str | None", "optional same"),
            ("costs", "str | None", "optional same"),
            ("aliases", "tuple[str, ...]", "tuple same"),
            ("goals", "tuple[kinds.Goal, ...]", "tuple same"),
            ("evidence_level", "kinds.EvidenceLevel", "same"),
            ("evidence_rationale", "str | None", "optional same"),
            ("mesothelioma_types", "tuple[kinds.MesoType, ...]", "tuple same"),
            ("benefits", "tuple[str, ...]", "tuple same"),
            ("risks", "tuple[str, ...]", "tuple same"),
            ("options", "tuple[SubOption, ...]", "tuple model mesocli.core.models:SubOption"),
            ("approvals", "tuple[Approval, ...]", "tuple model mesocli.core.models:Approval"),
            ("guidelines", "tuple[GuidelineRow, ...]", "tuple model mesocli.core.models:GuidelineRow"),
            ("questions", "tuple[str, ...]", "tuple same"),
            ("related", "tuple[str, ...]", "tuple same"),
            ("situation_points", "tuple[SituationPoint, ...]", "tuple model mesocli.core.applies:SituationPoint"),
            ("comfort_choice", "ComfortChoice | None", "optional model mesocli.core.applies:ComfortChoice"),
            ("references", "tuple[Reference, ...]", "tuple model mesocli.core.models:Reference"),
            ("studies", "tuple[Study, ...]", "tuple model mesocli.core.studies:Study"),
        ),
    ),
    "mesocli.core.models:TreatmentRow": (
        "id,name,category,goals,evidence_level,mesothelioma_types,summary",
        _core_models_TreatmentRow,
        (
            ("id", "str", "same"),
            ("name", "str", "same"),
            ("category", "str", "same"),
            ("goals", "tuple[str, ...]", "tuple same"),
            ("evidence_level", "str", "same"),
            ("mesothelioma_types", "tuple[str, ...]", "tuple same"),
            ("summary", "str", "same"),
        ),
    ),
    "mesocli.core.overlay:_Header": (
        "title,disclaimer,id=,aliases=",
        _core_overlay__Header,
        (
            ("title", "str", "same"),
            ("disclaimer", "str", "same"),
            ("id", "str", "same"),
            ("aliases", "tuple[str, ...]", "tuple same"),
        ),
    ),
    "mesocli.core.places:Place": (
        "name,country,lat=,lon=",
        _core_places_Place,
        (
            ("name", "str", "same"),
            ("country", "str", "same"),
            ("lat", "float | None", "optional float"),
            ("lon", "float | None", "optional float"),
        ),
    ),
    "mesocli.core.situation:Situation": (
        "site=,histology=,treated=,fitness=,region=,goal=,values=,post_init",
        _core_situation_Situation,
        (
            ("site", "str | None", "optional same"),
            ("histology", "str | None", "optional same"),
            ("treated", "str | None", "optional same"),
            ("fitness", "int | None", "optional same"),
            ("region", "str | None", "optional same"),
            ("goal", "str | None", "optional same"),
            ("values", "Values | None", "optional model mesocli.core.values:Values"),
        ),
    ),
    "mesocli.core.situation:StudyFit": (
        "study,verdict,reasons=,unknown=,open=",
        _core_situation_StudyFit,
        (
            ("study", "Study", "model mesocli.core.studies:Study"),
            ("verdict", "Verdict", "same"),
            ("reasons", "tuple[str, ...]", "tuple same"),
            ("unknown", "tuple[str, ...]", "tuple same"),
            ("open", "tuple[str, ...]", "tuple same"),
        ),
    ),
    "mesocli.core.snapshot:Manifest": (
        "data_timestamp,api_version,query,fetched_at,count,sha256,source",
        _core_snapshot_Manifest,
        (
            ("data_timestamp", "str | None", "optional same"),
            ("api_version", "str | None", "optional same"),
            ("query", "dict[str, str]", "unsupported"),
            ("fetched_at", "str", "same"),
            ("count", "int", "same"),
            ("sha256", "str", "same"),
            ("source", "str", "same"),
        ),
    ),
    "mesocli.core.snapshot:Snapshot": (
        "manifest,trials,path=",
        _core_snapshot_Snapshot,
        (
            ("manifest", "Manifest", "model mesocli.core.snapshot:Manifest"),
            ("trials", "tuple[Trial, ...]", "tuple model mesocli.core.trials:Trial"),
            ("path", "str", "same"),
        ),
    ),
    "mesocli.core.studies:Arm": (
        "name,options=,n=,median_os_months=,median_pfs_months=,response_rate_pct=,grade3plus_trae_pct=,survival=",
        _core_studies_Arm,
        (
            ("name", "str", "same"),
            ("options", "tuple[str, ...]", "tuple same"),
            ("n", "int | None", "optional same"),
            ("median_os_months", "float | None", "optional float"),
            ("median_pfs_months", "float | None", "optional float"),
            ("response_rate_pct", "float | None", "optional float"),
            ("grade3plus_trae_pct", "float | None", "optional float"),
            ("survival", "tuple[Survival, ...]", "tuple model mesocli.core.studies:Survival"),
        ),
    ),
    "mesocli.core.studies:Comparison": (
        "os_hr=,os_ci=,pfs_hr=,pfs_ci=,ci_level=,primary_endpoint=,met=",
        _core_studies_Comparison,
        (
            ("os_hr", "float | None", "optional float"),
            ("os_ci", "tuple[float, ...]", "tuple float"),
            ("pfs_hr", "float | None", "optional float"),
            ("pfs_ci", "tuple[float, ...]", "tuple float"),
            ("ci_level", "float | None", "optional float"),
            ("primary_endpoint", "str | None", "optional same"),
            ("met", "bool | None", "optional same"),
        ),
    ),
    "mesocli.core.studies:Population": (
        "description,n=,sites=,histologies=,line=,ecog=,disease=,stage_note=",
        _core_studies_Population,
        (
            ("description", "str", "same"),
            ("n", "int | None", "optional same"),
            ("sites", "tuple[kinds.Site, ...]", "tuple same"),
            ("histologies", "tuple[kinds.Histology, ...]", "tuple same"),
            ("line", "kinds.Line | None", "optional same"),
            ("ecog", "tuple[int, ...]", "tuple same"),
            ("disease", "kinds.Disease | None", "optional same"),
            ("stage_note", "str | None", "optional same"),
        ),
    ),
    "mesocli.core.studies:Study": (
        "id,name,status,design,population,finding,reference,year=,aliases=,cancer=,phase=,randomised=,blinded=,arms=,comparison=,updates=",
        _core_studies_Study,
        (
            ("id", "str", "same"),
            ("name", "str", "same"),
            ("status", "kinds.Status", "same"),
            ("design", "str", "same"),
            ("population", "Population", "model mesocli.core.studies:Population"),
            ("finding", "str", "same"),
            ("reference", "str", "same"),
            ("year", "int | None", "optional same"),
            ("aliases", "tuple[str, ...]", "tuple same"),
            ("cancer", "str", "same"),
            ("phase", "str | None", "optional same"),
            ("randomised", "bool | None", "optional same"),
            ("blinded", "bool | None", "optional same"),
            ("arms", "tuple[Arm, ...]", "tuple model mesocli.core.studies:Arm"),
            ("comparison", "Comparison | None", "optional model mesocli.core.studies:Comparison"),
            ("updates", "tuple[Update, ...]", "tuple model mesocli.core.studies:Update"),
        ),
    ),
    "mesocli.core.studies:Survival": (
        "years,pct",
        _core_studies_Survival,
        (
            ("years", "float", "float"),
            ("pct", "float", "float"),
        ),
    ),
    "mesocli.core.studies:Update": (
        "label,year,reference,note=,applies_to=,arms=,comparison=",
        _core_studies_Update,
        (
            ("label", "str", "same"),
            ("year", "int", "same"),
            ("reference", "str", "same"),
            ("note", "str | None", "optional same"),
            ("applies_to", "AppliesTo | None", "optional model mesocli.core.applies:AppliesTo"),
            ("arms", "tuple[Arm, ...]", "tuple model mesocli.core.studies:Arm"),
            ("comparison", "Comparison | None", "optional model mesocli.core.studies:Comparison"),
        ),
    ),
    "mesocli.core.trials:Contact": (
        "name=,phone=,email=",
        _core_trials_Contact,
        (
            ("name", "str", "same"),
            ("phone", "str", "same"),
            ("email", "str", "same"),
        ),
    ),
    "mesocli.core.trials:Site": (
        "facility,city,country,status,lat=,lon=,contacts=",
        _core_trials_Site,
        (
            ("facility", "str", "same"),
            ("city", "str", "same"),
            ("country", "str", "same"),
            ("status", "str", "same"),
            ("lat", "float | None", "optional float"),
            ("lon", "float | None", "optional float"),
            ("contacts", "tuple[Contact, ...]", "tuple model mesocli.core.trials:Contact"),
        ),
    ),
    "mesocli.core.trials:Trial": (
        "nct_id,title,status,acronym=,phases=,sponsor=,interventions=,conditions=,eligibility=,minimum_age=,maximum_age=,contacts=,sites=",
        _core_trials_Trial,
        (
            ("nct_id", "str", "same"),
            ("title", "str", "same"),
            ("status", "str", "same"),
            ("acronym", "str", "same"),
            ("phases", "tuple[str, ...]", "tuple same"),
            ("sponsor", "str", "same"),
            ("interventions", "tuple[str, ...]", "tuple same"),
            ("conditions", "tuple[str, ...]", "tuple same"),
            ("eligibility", "str", "same"),
            ("minimum_age", "str", "same"),
            ("maximum_age", "str", "same"),
            ("contacts", "tuple[Contact, ...]", "tuple model mesocli.core.trials:Contact"),
            ("sites", "tuple[Site, ...]", "tuple model mesocli.core.trials:Site"),
        ),
    ),
    "mesocli.core.values:Values": (
        "longer_life=,feeling_well=,time_at_home=,new_treatments=,known_treatments=,share_decision=",
        _core_values_Values,
        (
            ("longer_life", "int | None", "optional same"),
            ("feeling_well", "int | None", "optional same"),
            ("time_at_home", "int | None", "optional same"),
            ("new_treatments", "int | None", "optional same"),
            ("known_treatments", "int | None", "optional same"),
            ("share_decision", "int | None", "optional same"),
        ),
    ),
    "mesocli.query.decision:ComfortText": (
        "id,name,what,benefits,harms",
        _query_decision_ComfortText,
        (
            ("id", "str", "same"),
            ("name", "str", "same"),
            ("what", "tuple[str, ...]", "tuple same"),
            ("benefits", "tuple[str, ...]", "tuple same"),
            ("harms", "tuple[str, ...]", "tuple same"),
        ),
    ),
    "mesocli.query.decision:Decision": (
        "stage,question,note,choices,comfort",
        _query_decision_Decision,
        (
            ("stage", "Stage", "same"),
            ("question", "str", "same"),
            ("note", "str", "same"),
            ("choices", "tuple[tuple[str, str], ...]", "tuple tuple same"),
            ("comfort", "ComfortText | None", "optional model mesocli.query.decision:ComfortText"),
        ),
    ),
    "mesocli.query.lexicon:Lexicon": (
        "common,person,place,how_to,define,symptom,plain,define_after",
        _query_lexicon_Lexicon,
        (
            ("common", "frozenset[str]", "unsupported"),
            ("person", "frozenset[str]", "unsupported"),
            ("place", "frozenset[str]", "unsupported"),
            ("how_to", "frozenset[str]", "unsupported"),
            ("define", "frozenset[str]", "unsupported"),
            ("symptom", "frozenset[str]", "unsupported"),
            ("plain", "dict[str, tuple[str, ...]]", "unsupported"),
            ("define_after", "dict[str, frozenset[str]]", "unsupported"),
        ),
    ),
    "mesocli.query.search:Match": (
        "field,snippet,highlights",
        _query_search_Match,
        (
            ("field", "str", "same"),
            ("snippet", "str", "same"),
            ("highlights", "tuple[tuple[int, int], ...]", "tuple tuple same"),
        ),
    ),
    "mesocli.query.search:SearchHit": (
        "kind,id,name,score,matches,entry",
        _query_search_SearchHit,
        (
            ("kind", "str", "same"),
            ("id", "str", "same"),
            ("name", "str", "same"),
            ("score", "float", "float"),
            ("matches", "tuple[Match, ...]", "tuple model mesocli.query.search:Match"),
            ("entry", "Entry", "optional model mesocli.core.models:Treatment"),
        ),
    ),
    "mesocli.query.situation:OptionFit": (
        "treatment,situation,status,status_text,trials,approvals,approval_notes,said",
        _query_situation_OptionFit,
        (
            ("treatment", "Treatment", "model mesocli.core.models:Treatment"),
            ("situation", "Situation", "model mesocli.core.situation:Situation"),
            ("status", "Status", "same"),
            ("status_text", "str", "same"),
            ("trials", "tuple[StudyFit, ...]", "tuple model mesocli.core.situation:StudyFit"),
            ("approvals", "tuple[Approval, ...]", "tuple model mesocli.core.models:Approval"),
            ("approval_notes", "tuple[tuple[str, ...], ...]", "tuple tuple same"),
            ("said", "tuple[str, ...]", "tuple same"),
        ),
    ),
    "mesocli.query.situation:SituationResult": (
        "situation,options,left_out,notes,references,disclaimer,last_reviewed,decision=",
        _query_situation_SituationResult,
        (
            ("situation", "Situation", "model mesocli.core.situation:Situation"),
            ("options", "tuple[OptionFit, ...]", "tuple model mesocli.query.situation:OptionFit"),
            ("left_out", "tuple[tuple[Treatment, str], ...]", "tuple tuple model mesocli.core.models:Treatment"),
            ("notes", "tuple[str, ...]", "tuple same"),
            ("references", "tuple[Reference, ...]", "tuple model mesocli.core.models:Reference"),
            ("disclaimer", "str", "same"),
            ("last_reviewed", "dt.date", "date"),
            ("decision", "Decision | None", "optional model mesocli.query.decision:Decision"),
        ),
    ),
    "mesocli.query.trials:SiteRow": (
        "site,distance_km=",
        _query_trials_SiteRow,
        (
            ("site", "Site", "model mesocli.core.trials:Site"),
            ("distance_km", "float | None", "optional float"),
        ),
    ),
    "mesocli.query.trials:TrialMatch": (
        "trial,verdict,reasons,open,options,sites",
        _query_trials_TrialMatch,
        (
            ("trial", "Trial", "model mesocli.core.trials:Trial"),
            ("verdict", "str", "same"),
            ("reasons", "tuple[str, ...]", "tuple same"),
            ("open", "tuple[str, ...]", "tuple same"),
            ("options", "tuple[str, ...]", "tuple same"),
            ("sites", "tuple[SiteRow, ...]", "tuple model mesocli.query.trials:SiteRow"),
        ),
    ),
    "mesocli.query.trials:TrialsResult": (
        "situation,age,place,place_name,within_km,country,manifest,source,today,total,matches",
        _query_trials_TrialsResult,
        (
            ("situation", "Situation", "model mesocli.core.situation:Situation"),
            ("age", "int | None", "optional same"),
            ("place", "Place | None", "optional model mesocli.core.places:Place"),
            ("place_name", "str", "same"),
            ("within_km", "float | None", "optional float"),
            ("country", "str", "same"),
            ("manifest", "Manifest", "model mesocli.core.snapshot:Manifest"),
            ("source", "str", "same"),
            ("today", "dt.date", "date"),
            ("total", "int", "same"),
            ("matches", "tuple[TrialMatch, ...]", "tuple model mesocli.query.trials:TrialMatch"),
        ),
    ),
    "mesocli.query.trials_diff:SnapshotChanges": (
        "before,after,lines,data",
        _query_trials_diff_SnapshotChanges,
        (
            ("before", "str", "same"),
            ("after", "str", "same"),
            ("lines", "tuple[str, ...]", "tuple same"),
            ("data", "tuple[dict[str, str], ...]", "unsupported"),
        ),
    ),
}
