"""Every model's ``__init__`` and decoding plan, written by scripts/gen_model_code.py: do not edit by hand.

Each entry is keyed ``module:qualname`` and holds the model's shape (:func:`mesocli.core.model.shape`), a function
that makes its ``__init__`` from its defaults, and each field's name, annotation and decoding (``hint_code`` in
:mod:`mesocli.core.plain`). An entry is used only while the model's shape and annotations are the ones it was
written from; tests/test_load_path.py fails when this file is not what the script writes now.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _core_applies_AppliesTo(
    _MISSING,
    _set,
    _default_site,
    _default_histology,
    _default_line,
    _default_ecog,
    _default_resectability,
):
    def __init__(
        self,
        site=_default_site,
        histology=_default_histology,
        line=_default_line,
        ecog=_default_ecog,
        resectability=_default_resectability,
    ):
        _set(self, "site", site)
        _set(self, "histology", histology)
        _set(self, "line", line)
        _set(self, "ecog", ecog)
        _set(self, "resectability", resectability)

    return __init__


def _core_applies_ComfortChoice(_MISSING, _set):
    def __init__(self, what, benefits, harms):
        _set(self, "what", what)
        _set(self, "benefits", benefits)
        _set(self, "harms", harms)

    return __init__


def _core_applies_Passage(_MISSING, _set, _default_applies_to, _default_starts, _default_index):
    def __init__(self, entry, at, applies_to=_default_applies_to, starts=_default_starts, index=_default_index):
        _set(self, "entry", entry)
        _set(self, "at", at)
        _set(self, "applies_to", applies_to)
        _set(self, "starts", starts)
        _set(self, "index", index)

    return __init__


def _core_applies_SituationPoint(_MISSING, _set, _default_starts, _default_index):
    def __init__(self, at, applies_to, starts=_default_starts, index=_default_index):
        _set(self, "at", at)
        _set(self, "applies_to", applies_to)
        _set(self, "starts", starts)
        _set(self, "index", index)

    return __init__


def _core_disclosure_Disclosure(_MISSING, _set):
    def __init__(self, authors, funding, conflicts, review, evidence_date):
        _set(self, "authors", authors)
        _set(self, "funding", funding)
        _set(self, "conflicts", conflicts)
        _set(self, "review", review)
        _set(self, "evidence_date", evidence_date)

    return __init__


def _core_eligibility_Criteria(_MISSING, _set):
    def __init__(self, inclusion, exclusion):
        _set(self, "inclusion", inclusion)
        _set(self, "exclusion", exclusion)

    return __init__


def _core_eligibility_Reading(_MISSING, _set, _default_reasons, _default_open):
    def __init__(self, verdict, reasons=_default_reasons, open=_default_open):
        _set(self, "verdict", verdict)
        _set(self, "reasons", reasons)
        _set(self, "open", open)

    return __init__


def _core_errors_Problem(_MISSING, _set, _default_line, _default_column, _default_entry_id, _default_severity):
    def __init__(
        self,
        file,
        message,
        line=_default_line,
        column=_default_column,
        entry_id=_default_entry_id,
        severity=_default_severity,
    ):
        _set(self, "file", file)
        _set(self, "message", message)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "entry_id", entry_id)
        _set(self, "severity", severity)

    return __init__


def _core_frequencies_Measure(_MISSING, _set, _default_years):
    def __init__(self, kind, counts, years=_default_years):
        _set(self, "kind", kind)
        _set(self, "counts", counts)
        _set(self, "years", years)

    return __init__


def _core_models_Approval(_MISSING, _set, _default_region, _default_applies_to):
    def __init__(self, agency, date, what, reference, region=_default_region, applies_to=_default_applies_to):
        _set(self, "agency", agency)
        _set(self, "date", date)
        _set(self, "what", what)
        _set(self, "reference", reference)
        _set(self, "region", region)
        _set(self, "applies_to", applies_to)

    return __init__


def _core_models_Guide(_MISSING, _set, _default_aliases, _default_questions, _default_related, _default_references):
    def __init__(
        self,
        id,
        title,
        summary,
        body,
        last_reviewed,
        aliases=_default_aliases,
        questions=_default_questions,
        related=_default_related,
        references=_default_references,
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

    return __init__


def _core_models_GuidelineRow(_MISSING, _set, _default_applies_to):
    def __init__(self, guideline, says, reference, applies_to=_default_applies_to):
        _set(self, "guideline", guideline)
        _set(self, "says", says)
        _set(self, "reference", reference)
        _set(self, "applies_to", applies_to)

    return __init__


def _core_models_KnowledgeBaseData(
    _MISSING,
    _set,
    _default_guides,
    _default_glossary,
    _default_studies,
    _default_references,
):
    def __init__(
        self,
        schema_version,
        title,
        version,
        last_reviewed,
        disclaimer,
        treatments,
        guides=_default_guides,
        glossary=_default_glossary,
        studies=_default_studies,
        references=_default_references,
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

    return __init__


def _core_models_Reference(_MISSING, _set, _default_pmid, _default_doi, _default_url):
    def __init__(self, id, citation, pmid=_default_pmid, doi=_default_doi, url=_default_url):
        _set(self, "id", id)
        _set(self, "citation", citation)
        _set(self, "pmid", pmid)
        _set(self, "doi", doi)
        _set(self, "url", url)

    return __init__


def _core_models_SubOption(_MISSING, _set, _default_details):
    def __init__(self, name, summary, details=_default_details):
        _set(self, "name", name)
        _set(self, "summary", summary)
        _set(self, "details", details)

    return __init__


def _core_models_Term(_MISSING, _set, _default_aliases, _default_related, _default_references):
    def __init__(
        self,
        id,
        term,
        definition,
        aliases=_default_aliases,
        related=_default_related,
        references=_default_references,
    ):
        _set(self, "id", id)
        _set(self, "term", term)
        _set(self, "definition", definition)
        _set(self, "aliases", aliases)
        _set(self, "related", related)
        _set(self, "references", references)

    return __init__


def _core_models_Treatment(
    _MISSING,
    _set,
    _default_may_do,
    _default_costs,
    _default_aliases,
    _default_goals,
    _default_evidence_level,
    _default_evidence_rationale,
    _default_mesothelioma_types,
    _default_benefits,
    _default_risks,
    _default_options,
    _default_approvals,
    _default_guidelines,
    _default_questions,
    _default_related,
    _default_situation_points,
    _default_comfort_choice,
    _default_references,
    _default_studies,
):
    def __init__(
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
        may_do=_default_may_do,
        costs=_default_costs,
        aliases=_default_aliases,
        goals=_default_goals,
        evidence_level=_default_evidence_level,
        evidence_rationale=_default_evidence_rationale,
        mesothelioma_types=_default_mesothelioma_types,
        benefits=_default_benefits,
        risks=_default_risks,
        options=_default_options,
        approvals=_default_approvals,
        guidelines=_default_guidelines,
        questions=_default_questions,
        related=_default_related,
        situation_points=_default_situation_points,
        comfort_choice=_default_comfort_choice,
        references=_default_references,
        studies=_default_studies,
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

    return __init__


def _core_models_TreatmentRow(_MISSING, _set):
    def __init__(self, id, name, category, goals, evidence_level, mesothelioma_types, summary):
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "category", category)
        _set(self, "goals", goals)
        _set(self, "evidence_level", evidence_level)
        _set(self, "mesothelioma_types", mesothelioma_types)
        _set(self, "summary", summary)

    return __init__


def _core_overlay__Header(_MISSING, _set, _default_id, _default_aliases):
    def __init__(self, title, disclaimer, id=_default_id, aliases=_default_aliases):
        _set(self, "title", title)
        _set(self, "disclaimer", disclaimer)
        _set(self, "id", id)
        _set(self, "aliases", aliases)

    return __init__


def _core_places_Place(_MISSING, _set, _default_lat, _default_lon):
    def __init__(self, name, country, lat=_default_lat, lon=_default_lon):
        _set(self, "name", name)
        _set(self, "country", country)
        _set(self, "lat", lat)
        _set(self, "lon", lon)

    return __init__


def _core_situation_Situation(
    _MISSING,
    _set,
    _default_site,
    _default_histology,
    _default_treated,
    _default_fitness,
    _default_region,
    _default_goal,
    _default_values,
):
    def __init__(
        self,
        site=_default_site,
        histology=_default_histology,
        treated=_default_treated,
        fitness=_default_fitness,
        region=_default_region,
        goal=_default_goal,
        values=_default_values,
    ):
        _set(self, "site", site)
        _set(self, "histology", histology)
        _set(self, "treated", treated)
        _set(self, "fitness", fitness)
        _set(self, "region", region)
        _set(self, "goal", goal)
        _set(self, "values", values)
        self.__post_init__()

    return __init__


def _core_situation_StudyFit(_MISSING, _set, _default_reasons, _default_unknown, _default_open):
    def __init__(self, study, verdict, reasons=_default_reasons, unknown=_default_unknown, open=_default_open):
        _set(self, "study", study)
        _set(self, "verdict", verdict)
        _set(self, "reasons", reasons)
        _set(self, "unknown", unknown)
        _set(self, "open", open)

    return __init__


def _core_snapshot_Manifest(_MISSING, _set):
    def __init__(self, data_timestamp, api_version, query, fetched_at, count, sha256, source):
        _set(self, "data_timestamp", data_timestamp)
        _set(self, "api_version", api_version)
        _set(self, "query", query)
        _set(self, "fetched_at", fetched_at)
        _set(self, "count", count)
        _set(self, "sha256", sha256)
        _set(self, "source", source)

    return __init__


def _core_snapshot_Snapshot(_MISSING, _set, _default_path):
    def __init__(self, manifest, trials, path=_default_path):
        _set(self, "manifest", manifest)
        _set(self, "trials", trials)
        _set(self, "path", path)

    return __init__


def _core_studies_Arm(
    _MISSING,
    _set,
    _default_options,
    _default_n,
    _default_median_os_months,
    _default_median_pfs_months,
    _default_response_rate_pct,
    _default_grade3plus_trae_pct,
    _default_survival,
):
    def __init__(
        self,
        name,
        options=_default_options,
        n=_default_n,
        median_os_months=_default_median_os_months,
        median_pfs_months=_default_median_pfs_months,
        response_rate_pct=_default_response_rate_pct,
        grade3plus_trae_pct=_default_grade3plus_trae_pct,
        survival=_default_survival,
    ):
        _set(self, "name", name)
        _set(self, "options", options)
        _set(self, "n", n)
        _set(self, "median_os_months", median_os_months)
        _set(self, "median_pfs_months", median_pfs_months)
        _set(self, "response_rate_pct", response_rate_pct)
        _set(self, "grade3plus_trae_pct", grade3plus_trae_pct)
        _set(self, "survival", survival)

    return __init__


def _core_studies_Comparison(
    _MISSING,
    _set,
    _default_os_hr,
    _default_os_ci,
    _default_pfs_hr,
    _default_pfs_ci,
    _default_ci_level,
    _default_primary_endpoint,
    _default_met,
):
    def __init__(
        self,
        os_hr=_default_os_hr,
        os_ci=_default_os_ci,
        pfs_hr=_default_pfs_hr,
        pfs_ci=_default_pfs_ci,
        ci_level=_default_ci_level,
        primary_endpoint=_default_primary_endpoint,
        met=_default_met,
    ):
        _set(self, "os_hr", os_hr)
        _set(self, "os_ci", os_ci)
        _set(self, "pfs_hr", pfs_hr)
        _set(self, "pfs_ci", pfs_ci)
        _set(self, "ci_level", ci_level)
        _set(self, "primary_endpoint", primary_endpoint)
        _set(self, "met", met)

    return __init__


def _core_studies_Population(
    _MISSING,
    _set,
    _default_n,
    _default_sites,
    _default_histologies,
    _default_line,
    _default_ecog,
    _default_disease,
    _default_stage_note,
):
    def __init__(
        self,
        description,
        n=_default_n,
        sites=_default_sites,
        histologies=_default_histologies,
        line=_default_line,
        ecog=_default_ecog,
        disease=_default_disease,
        stage_note=_default_stage_note,
    ):
        _set(self, "description", description)
        _set(self, "n", n)
        _set(self, "sites", sites)
        _set(self, "histologies", histologies)
        _set(self, "line", line)
        _set(self, "ecog", ecog)
        _set(self, "disease", disease)
        _set(self, "stage_note", stage_note)

    return __init__


def _core_studies_Study(
    _MISSING,
    _set,
    _default_year,
    _default_aliases,
    _default_cancer,
    _default_phase,
    _default_randomised,
    _default_blinded,
    _default_arms,
    _default_comparison,
    _default_updates,
):
    def __init__(
        self,
        id,
        name,
        status,
        design,
        population,
        finding,
        reference,
        year=_default_year,
        aliases=_default_aliases,
        cancer=_default_cancer,
        phase=_default_phase,
        randomised=_default_randomised,
        blinded=_default_blinded,
        arms=_default_arms,
        comparison=_default_comparison,
        updates=_default_updates,
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

    return __init__


def _core_studies_Survival(_MISSING, _set):
    def __init__(self, years, pct):
        _set(self, "years", years)
        _set(self, "pct", pct)

    return __init__


def _core_studies_Update(_MISSING, _set, _default_note, _default_applies_to, _default_arms, _default_comparison):
    def __init__(
        self,
        label,
        year,
        reference,
        note=_default_note,
        applies_to=_default_applies_to,
        arms=_default_arms,
        comparison=_default_comparison,
    ):
        _set(self, "label", label)
        _set(self, "year", year)
        _set(self, "reference", reference)
        _set(self, "note", note)
        _set(self, "applies_to", applies_to)
        _set(self, "arms", arms)
        _set(self, "comparison", comparison)

    return __init__


def _core_trials_Contact(_MISSING, _set, _default_name, _default_phone, _default_email):
    def __init__(self, name=_default_name, phone=_default_phone, email=_default_email):
        _set(self, "name", name)
        _set(self, "phone", phone)
        _set(self, "email", email)

    return __init__


def _core_trials_Site(_MISSING, _set, _default_lat, _default_lon, _default_contacts):
    def __init__(self, facility, city, country, status, lat=_default_lat, lon=_default_lon, contacts=_default_contacts):
        _set(self, "facility", facility)
        _set(self, "city", city)
        _set(self, "country", country)
        _set(self, "status", status)
        _set(self, "lat", lat)
        _set(self, "lon", lon)
        _set(self, "contacts", contacts)

    return __init__


def _core_trials_Trial(
    _MISSING,
    _set,
    _default_acronym,
    _default_phases,
    _default_sponsor,
    _default_interventions,
    _default_conditions,
    _default_eligibility,
    _default_minimum_age,
    _default_maximum_age,
    _default_contacts,
    _default_sites,
):
    def __init__(
        self,
        nct_id,
        title,
        status,
        acronym=_default_acronym,
        phases=_default_phases,
        sponsor=_default_sponsor,
        interventions=_default_interventions,
        conditions=_default_conditions,
        eligibility=_default_eligibility,
        minimum_age=_default_minimum_age,
        maximum_age=_default_maximum_age,
        contacts=_default_contacts,
        sites=_default_sites,
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

    return __init__


def _core_values_Values(
    _MISSING,
    _set,
    _default_longer_life,
    _default_feeling_well,
    _default_time_at_home,
    _default_new_treatments,
    _default_known_treatments,
    _default_share_decision,
):
    def __init__(
        self,
        longer_life=_default_longer_life,
        feeling_well=_default_feeling_well,
        time_at_home=_default_time_at_home,
        new_treatments=_default_new_treatments,
        known_treatments=_default_known_treatments,
        share_decision=_default_share_decision,
    ):
        _set(self, "longer_life", longer_life)
        _set(self, "feeling_well", feeling_well)
        _set(self, "time_at_home", time_at_home)
        _set(self, "new_treatments", new_treatments)
        _set(self, "known_treatments", known_treatments)
        _set(self, "share_decision", share_decision)

    return __init__


def _query_decision_ComfortText(_MISSING, _set):
    def __init__(self, id, name, what, benefits, harms):
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "what", what)
        _set(self, "benefits", benefits)
        _set(self, "harms", harms)

    return __init__


def _query_decision_Decision(_MISSING, _set):
    def __init__(self, stage, question, note, choices, comfort):
        _set(self, "stage", stage)
        _set(self, "question", question)
        _set(self, "note", note)
        _set(self, "choices", choices)
        _set(self, "comfort", comfort)

    return __init__


def _query_lexicon_Lexicon(_MISSING, _set):
    def __init__(self, common, person, place, how_to, define, symptom, plain, define_after):
        _set(self, "common", common)
        _set(self, "person", person)
        _set(self, "place", place)
        _set(self, "how_to", how_to)
        _set(self, "define", define)
        _set(self, "symptom", symptom)
        _set(self, "plain", plain)
        _set(self, "define_after", define_after)

    return __init__


def _query_search_Match(_MISSING, _set):
    def __init__(self, field, snippet, highlights):
        _set(self, "field", field)
        _set(self, "snippet", snippet)
        _set(self, "highlights", highlights)

    return __init__


def _query_search_SearchHit(_MISSING, _set):
    def __init__(self, kind, id, name, score, matches, entry):
        _set(self, "kind", kind)
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "score", score)
        _set(self, "matches", matches)
        _set(self, "entry", entry)

    return __init__


def _query_situation_OptionFit(_MISSING, _set):
    def __init__(self, treatment, situation, status, status_text, trials, approvals, approval_notes, said):
        _set(self, "treatment", treatment)
        _set(self, "situation", situation)
        _set(self, "status", status)
        _set(self, "status_text", status_text)
        _set(self, "trials", trials)
        _set(self, "approvals", approvals)
        _set(self, "approval_notes", approval_notes)
        _set(self, "said", said)

    return __init__


def _query_situation_SituationResult(_MISSING, _set, _default_decision):
    def __init__(
        self,
        situation,
        options,
        left_out,
        notes,
        references,
        disclaimer,
        last_reviewed,
        decision=_default_decision,
    ):
        _set(self, "situation", situation)
        _set(self, "options", options)
        _set(self, "left_out", left_out)
        _set(self, "notes", notes)
        _set(self, "references", references)
        _set(self, "disclaimer", disclaimer)
        _set(self, "last_reviewed", last_reviewed)
        _set(self, "decision", decision)

    return __init__


def _query_trials_SiteRow(_MISSING, _set, _default_distance_km):
    def __init__(self, site, distance_km=_default_distance_km):
        _set(self, "site", site)
        _set(self, "distance_km", distance_km)

    return __init__


def _query_trials_TrialMatch(_MISSING, _set):
    def __init__(self, trial, verdict, reasons, open, options, sites):
        _set(self, "trial", trial)
        _set(self, "verdict", verdict)
        _set(self, "reasons", reasons)
        _set(self, "open", open)
        _set(self, "options", options)
        _set(self, "sites", sites)

    return __init__


def _query_trials_TrialsResult(_MISSING, _set):
    def __init__(self, situation, age, place, place_name, within_km, country, manifest, source, today, total, matches):
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

    return __init__


def _query_trials_diff_SnapshotChanges(_MISSING, _set):
    def __init__(self, before, after, lines, data):
        _set(self, "before", before)
        _set(self, "after", after)
        _set(self, "lines", lines)
        _set(self, "data", data)

    return __init__


GENERATED: dict[str, Any] = {
    "mesocli.core.applies:AppliesTo": (
        "site=,histology=,line=,ecog=,resectability=",
        _core_applies_AppliesTo,
        (
            ("site", "tuple[AppliesSite, ...]", "tuple same"),
            ("histology", "tuple[AppliesHistology, ...]", "tuple same"),
            ("line", "tuple[AppliesLine, ...]", "tuple same"),
            ("ecog", "tuple[Ecog, ...]", "tuple same"),
            ("resectability", "tuple[Resectability, ...]", "tuple same"),
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
            ("region", "Region | None", "optional same"),
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
            ("category", "Category", "same"),
            ("summary", "str", "same"),
            ("overview", "str", "same"),
            ("how_it_works", "str", "same"),
            ("candidates", "str", "same"),
            ("what_to_expect", "str", "same"),
            ("last_reviewed", "dt.date", "date"),
            ("may_do", "str | None", "optional same"),
            ("costs", "str | None", "optional same"),
            ("aliases", "tuple[str, ...]", "tuple same"),
            ("goals", "tuple[Goal, ...]", "tuple same"),
            ("evidence_level", "EvidenceLevel", "same"),
            ("evidence_rationale", "str | None", "optional same"),
            ("mesothelioma_types", "tuple[MesoType, ...]", "tuple same"),
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
            ("sites", "tuple[Site, ...]", "tuple same"),
            ("histologies", "tuple[Histology, ...]", "tuple same"),
            ("line", "Line | None", "optional same"),
            ("ecog", "tuple[int, ...]", "tuple same"),
            ("disease", "Disease | None", "optional same"),
            ("stage_note", "str | None", "optional same"),
        ),
    ),
    "mesocli.core.studies:Study": (
        "id,name,status,design,population,finding,reference,year=,aliases=,cancer=,phase=,randomised=,blinded=,arms=,comparison=,updates=",
        _core_studies_Study,
        (
            ("id", "str", "same"),
            ("name", "str", "same"),
            ("status", "Status", "same"),
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
