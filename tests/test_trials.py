"""`mesocli trials` and `kb.trials()`: verdicts with quoted lines, sites by their own status, places, snapshots."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mesocli
from mesocli.cli.app import app
from mesocli.core.places import distance_km, find_place
from mesocli.query.trials import nearest_trial_lines
from mesocli.store.snapshots import bundled_snapshot, load
from trials_data import MADRID_SITE, site, studies, study, write_snapshot

SITUATION = ["--site", "pleural", "--treated", "none", "--fitness", "1"]


@pytest.fixture
def snap(tmp_path: Path) -> Path:
    return write_snapshot(tmp_path / "snap.json", studies())


def run(snap: Path, *args: str) -> CliRunner.invoke:  # type: ignore[valid-type]
    return CliRunner().invoke(app, ["trials", "--snapshot", str(snap), *args])


def as_json(snap: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = run(snap, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_rows_have_the_documented_fields(snap: Path) -> None:
    """Each row: nct_id, acronym, title, status, verdict, reasons, url, sites (own status, distance)."""
    data = as_json(snap, *SITUATION, "--near", "Madrid")
    first = data["trials"][0]
    assert {"nct_id", "acronym", "title", "status", "verdict", "reasons", "url", "sites"} <= set(first)
    assert first["nct_id"] == "NCT09000001" and first["url"] == "https://clinicaltrials.gov/study/NCT09000001"
    assert first["verdict"] == "may_fit" and "No prior systemic therapy for mesothelioma" in first["reasons"]
    assert {"facility", "city", "country", "status", "distance_km"} <= set(first["sites"][0])
    assert [s["status"] for s in first["sites"]] == ["RECRUITING", "COMPLETED"]
    assert data["snapshot"]["age_days"] == 3 and data["snapshot"]["manifest"]["api_version"] == "2.0.5"


def test_closed_trials_are_left_out_and_verdicts_differ_by_situation(snap: Path) -> None:
    """A completed trial is not listed; a first-line trial may not fit someone treated before."""
    rows = {t["nct_id"]: t for t in as_json(snap, "--site", "pleural", "--treated", "chemotherapy")["trials"]}
    assert "NCT09000005" not in rows
    assert rows["NCT09000001"]["verdict"] == "may_not_fit"
    assert rows["NCT09000002"]["verdict"] == "could_be_either"  # ECOG stated, fitness not given
    assert rows["NCT09000003"]["verdict"] == "may_not_fit"  # peritoneal


def test_near_and_within_use_distances_in_km(snap: Path) -> None:
    """--near Madrid --within 300 keeps trials with a recruiting site within 300 km, nearest first."""
    data = as_json(snap, *SITUATION, "--near", "Madrid", "--within", "300")
    assert [t["nct_id"] for t in data["trials"]] == ["NCT09000001"]  # Sevilla is about 390 km away
    wider = as_json(snap, *SITUATION, "--near", "Madrid", "--within", "450")
    assert [t["nct_id"] for t in wider["trials"]] == ["NCT09000001", "NCT09000002"]
    assert 380 < wider["trials"][1]["nearest_km"] < 400


@pytest.mark.parametrize("spelling", ["Istanbul", "İstanbul", "Estambul", "istanbul"])
def test_place_names_in_english_turkish_and_spanish(snap: Path, spelling: str) -> None:
    """Every spelling of Istanbul finds the trial with a site there."""
    data = as_json(snap, "--near", spelling, "--within", "50")
    assert [t["nct_id"] for t in data["trials"]] == ["NCT09000003"]


@pytest.mark.parametrize("spelling", ["Türkiye", "Turquía", "Turkey"])
def test_country_filter_in_three_languages(snap: Path, spelling: str) -> None:
    """--country matches a site's country whatever the spelling on either side."""
    data = as_json(snap, "--country", spelling)
    assert [t["nct_id"] for t in data["trials"]] == ["NCT09000003"]


def test_haversine_against_known_distances() -> None:
    """London to Paris is about 344 km; Madrid to Sevilla about 390 km; a place to itself 0 km."""
    assert distance_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.5)
    m, s = find_place("Londres"), find_place("Seville")
    assert m is not None and s is not None and m.country == "GB" and s.country == "ES"
    assert distance_km(40.4165, -3.7026, 40.4165, -3.7026) == 0


def test_unknown_place_and_bad_combinations_are_usage_errors(snap: Path) -> None:
    """An unknown place, --within without --near, or with a country: exit 2, one line."""
    for args in (["--near", "Atlantis"], ["--within", "10"], ["--near", "Spain", "--within", "10"]):
        result = run(snap, *args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_page_shows_snapshot_age_links_contacts_and_never_qualify(snap: Path) -> None:
    """The page: snapshot date and age, registry link, site contacts, statuses; no 'you qualify'."""
    out = run(snap, *SITUATION, "--near", "Madrid", "--format", "plain").output
    assert "(the API's data timestamp), 3 days old" in out
    assert "https://clinicaltrials.gov/study/NCT09000001" in out and "nurse@example.org" in out
    flat = " ".join(out.split())
    assert "(completed)" in flat and "you qualify" not in flat.replace("never says that you qualify", "")


def test_old_snapshot_warns(tmp_path: Path) -> None:
    """A snapshot older than 90 days carries a warning and names the update command."""
    old = write_snapshot(tmp_path / "old.json", studies(), days_old=120)
    out = run(old, "--format", "plain").output
    assert "older than 90 days" in out and "mesocli trials update" in out


def test_a_changed_snapshot_is_refused(snap: Path) -> None:
    """Changed records no longer match the manifest's SHA-256: exit 5, one line, no page."""
    data = json.loads(snap.read_text(encoding="utf-8"))
    data["studies"][0]["protocolSection"]["identificationModule"]["briefTitle"] = "Changed"
    snap.write_text(json.dumps(data), encoding="utf-8")
    result = run(snap)
    assert result.exit_code == 5 and "SHA-256" in result.output and len(result.output.splitlines()) == 1


@pytest.mark.parametrize(
    "content", ["", "[]", '{"format": 1}', "not json", '{"format": 1, "manifest": {}, "studies": []}']
)
def test_malformed_snapshots_are_refused(tmp_path: Path, content: str) -> None:
    """Anything that is not a snapshot is exit 5 with the path, never a traceback."""
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run(path)
    assert result.exit_code == 5 and "bad.json" in result.output and "Traceback" not in result.output


def test_bundled_snapshot_is_valid_and_empty_page_names_update() -> None:
    """The bundled snapshot reads; holding no trials, the page says so and names `mesocli trials update`."""
    assert load(bundled_snapshot()).manifest.source == "bundled"
    out = CliRunner().invoke(app, ["trials", "--format", "plain"]).output
    assert "holds no trials" in out and "mesocli trials update" in out


def test_library_trials_and_dataframe(snap: Path) -> None:
    """kb.trials() gives the same verdicts, a notebook display and a DataFrame of one row per trial."""
    kb = mesocli.load()
    result = kb.trials(site="pleural", treated="none", fitness=1, near="Madrid", snapshot=str(snap))
    assert result.matches[0].verdict == "may_fit"
    assert "NCT09000001" in result._repr_html_()
    frame = result.to_dataframe()
    assert list(frame["nct_id"])[:2] == ["NCT09000001", "NCT09000002"]
    with pytest.raises(ValueError, match="unknown place"):
        kb.trials(near="Atlantis", snapshot=str(snap))


def test_nearest_trial_lines_for_other_pages(snap: Path) -> None:
    """At most three lines of trials that are not ruled out, nearest first, then the snapshot date."""
    kb = mesocli.load()
    lines = nearest_trial_lines(kb.trials(site="pleural", treated="none", near="Madrid", snapshot=str(snap)))
    assert lines[0].startswith("NCT09000001 (FIRST-1), 0 km: https://clinicaltrials.gov/study/NCT09000001")
    assert len(lines) <= 4 and "snapshot of" in lines[-1]
    assert not any("NCT09000003" in line for line in lines)  # peritoneal: may not fit


def test_a_kept_page_follows_the_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rich page is kept; a new snapshot in the data folder (no option names it) shows at once."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "mesocli"
    folder.mkdir(parents=True)
    write_snapshot(folder / "trials.json", studies()[:1])
    args = ["trials", "--format", "rich"]
    assert "NCT09000002" not in CliRunner().invoke(app, args).output
    write_snapshot(folder / "trials.json", studies()[:2])
    assert "NCT09000002" in CliRunner().invoke(app, args).output


def test_turkish_and_spanish_pages_keep_titles_as_registered(snap: Path) -> None:
    """In Turkish and Spanish the page text is translated; the trial title is not."""
    for lang, words in (("tr", ("Katılabileceğim", "Kayıt: ")), ("es", ("Ensayos en los que", "Registro: "))):
        args = ["--lang", lang, "trials", "--snapshot", str(snap), "--format", "plain"]
        out = CliRunner().invoke(app, args).output
        assert all(w in out for w in words) and "A first-line trial" in out


def test_options_and_handout_name_at_most_three_trials_with_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a snapshot of the user's, options (both views) and the handout list up to 3 trials not ruled out."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "mesocli"
    folder.mkdir(parents=True)
    extra = [study(f"NCT0900010{i}", f"Extra {i}", sites=[site(MADRID_SITE)]) for i in range(3)]
    write_snapshot(folder / "trials.json", [*studies(), *extra])
    situation = ["--site", "pleural", "--treated", "none"]
    for args in (["options", *situation], ["options", *situation, "--details"]):
        out = CliRunner().invoke(app, [*args, "--format", "plain"]).output
        section = out[out.index("Trials you could ask about") : out.index("References")]
        assert section.count("https://clinicaltrials.gov/study/") == 3
        assert "NCT09000001 (FIRST-1)" in section and "NCT09000003" not in section  # peritoneal: may not fit
        assert "snapshot of" in section
    handout = CliRunner().invoke(app, ["handout", *situation, "--format", "markdown", "-o", "-"]).output
    assert "Trials you could ask about" in handout and "NCT09000001" in handout


def test_options_say_nothing_of_trials_with_the_empty_bundled_snapshot() -> None:
    """The bundled snapshot holds no trials: the options page has no trials section."""
    out = CliRunner().invoke(app, ["options", "--site", "pleural", "--format", "plain"]).output
    assert "Trials you could ask about" not in out


def test_yaml_and_markdown_carry_the_same_trials(snap: Path) -> None:
    """YAML holds the JSON's data; Markdown is a page with a heading per trial and the registry link."""
    import yaml

    data = yaml.safe_load(run(snap, *SITUATION, "--format", "yaml").output)
    assert data == as_json(snap, *SITUATION)
    markdown = run(snap, *SITUATION, "--format", "markdown").output
    assert markdown.startswith("# Trials I could join") and "## NCT09000001 (FIRST-1): A first-line trial" in markdown
    assert "**Registry:** <https://clinicaltrials.gov/study/NCT09000001>" in markdown


def test_a_snapshot_that_appears_is_shown_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept or replayed page made from the bundled snapshot is not reused once the user has a snapshot."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "MESOCLI_CACHE_DIR": str(tmp_path / "cache")}
    script = Path(sys.executable).parent / "mesocli"
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    command = [str(script), "trials", "--format", "plain"]
    for _ in range(2):  # the second run may be a replay
        out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
        assert "holds no trials" in out
    folder = tmp_path / "data" / "mesocli"
    folder.mkdir(parents=True)
    write_snapshot(folder / "trials.json", studies())
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    assert "NCT09000001" in out
    rich = ["trials", "--format", "rich"]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other"))
    assert "NCT09000001" not in CliRunner().invoke(app, rich).output
    (tmp_path / "other" / "mesocli").mkdir(parents=True)
    write_snapshot(tmp_path / "other" / "mesocli" / "trials.json", studies())
    assert "NCT09000001" in CliRunner().invoke(app, rich).output


@pytest.mark.parametrize(("lang", "separator"), [("en", ","), ("tr", "."), ("es", ".")])
def test_distances_are_written_the_languages_way(snap: Path, lang: str, separator: str) -> None:
    """A distance over a thousand km has the language's thousands separator (Istanbul to Madrid: about 2,700 km)."""
    args = ["--lang", lang, "trials", "--snapshot", str(snap), *SITUATION, "--near", "Istanbul"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    distances = re.findall(r"(\d[\d.,]*) km", result.output)
    far = [d for d in distances if len(d.replace(",", "").replace(".", "")) >= 4]
    assert far, result.output
    assert all(re.fullmatch(rf"\d{{1,2}}{re.escape(separator)}\d{{3}}", d) for d in far), far


@pytest.mark.parametrize(
    ("lang", "one_day", "one_trial"),
    [
        ("en", "1 day old.", "1 trial in it."),
        ("tr", "1 günlük.", "1 araştırma var."),
        ("es", "hace 1 día.", "1 ensayo."),
    ],
)
def test_one_day_and_one_trial_are_singular(tmp_path: Path, lang: str, one_day: str, one_trial: str) -> None:
    """A snapshot a day old holding one trial says '1 day old' and '1 trial', not '1 days' or '1 trials'."""
    one = write_snapshot(tmp_path / "one.json", studies()[:1], days_old=1)
    result = CliRunner().invoke(app, ["--lang", lang, "trials", "--snapshot", str(one), "--format", "plain"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert one_day in flat and one_trial in flat, flat


@pytest.mark.parametrize("lang", ["en", "tr", "es"])
def test_within_is_said_with_one_decimal_at_most_and_tiny_distances_refused(snap: Path, lang: str) -> None:
    """--within 1234.5678 reads 1,234.6 km (1.234,6 km), never 1e-08 or six decimals; below 1 km: exit 2."""
    base = ["--lang", lang, "trials", "--snapshot", str(snap), "--near", "Madrid", "-f", "plain"]
    shown = CliRunner().invoke(app, [*base, "--within", "1234.5678"])
    assert shown.exit_code == 0, shown.output
    assert ("1,234.6 km" if lang == "en" else "1.234,6 km") in shown.output
    tiny = CliRunner().invoke(app, [*base, "--within", "0.00000001"])
    assert tiny.exit_code == 2 and "e-08" not in tiny.output
