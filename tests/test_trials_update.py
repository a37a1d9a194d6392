"""`mesocli trials update` and `diff` against a local server playing ClinicalTrials.gov API v2 answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from mesocli.cli.app import app
from mesocli.store import snapshots
from trials_data import LONDON_SITE, MADRID_SITE, site, studies, study

VERSION = {"apiVersion": "2.0.5", "dataTimestamp": "2026-12-05T09:00:06"}


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MESOCLI_TRIALS_PAUSE", "0")
    monkeypatch.setenv("MESOCLI_TRIALS_BACKOFF", "0.01")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def serve(server: HTTPServer, pages: list[dict[str, Any]], version: dict[str, Any] = VERSION) -> None:
    """The version answer, and ``pages`` chained by nextPageToken (page n+1 answers pageToken=tn)."""
    server.expect_request("/api/v2/version").respond_with_json(version)

    def handler(request: Request) -> Response:
        assert request.args["query.cond"] == "mesothelioma"
        assert "RECRUITING" in request.args["filter.overallStatus"].split(",")
        token = request.args.get("pageToken")
        n = int(token[1:]) if token else 0
        body: dict[str, Any] = {"studies": pages[n]["studies"]}
        if n + 1 < len(pages):
            body["nextPageToken"] = f"t{n + 1}"
        return Response(json.dumps(body), content_type="application/json")

    server.expect_request("/api/v2/studies").respond_with_handler(handler)


def update(server: HTTPServer, *args: str) -> Any:
    return CliRunner().invoke(app, ["trials", "update", "--api-url", server.url_for("/api/v2"), *args])


def test_update_follows_pages_and_writes_a_manifest(httpserver: HTTPServer) -> None:
    """Every page is fetched; the snapshot records the data timestamp, API version, query, time and SHA-256."""
    records = studies()
    serve(httpserver, [{"studies": records[:2]}, {"studies": records[2:4]}, {"studies": records[4:]}])
    result = update(httpserver)
    assert result.exit_code == 0, result.output
    written = snapshots.load(snapshots.data_folder() / snapshots.CURRENT)
    assert [t.nct_id for t in written.trials] == [
        r["protocolSection"]["identificationModule"]["nctId"] for r in records
    ]
    m = written.manifest
    assert (m.data_timestamp, m.api_version, m.source, m.count) == ("2026-12-05T09:00:06", "2.0.5", "api", 5)
    assert m.query["query.cond"] == "mesothelioma" and m.fetched_at[:4] == "2026" and len(m.sha256) == 64


def test_too_many_requests_is_retried_politely(httpserver: HTTPServer) -> None:
    """A 429 is retried after a pause; the update then succeeds."""
    httpserver.expect_ordered_request("/api/v2/version").respond_with_data("slow down", status=429)
    httpserver.expect_ordered_request("/api/v2/version").respond_with_json(VERSION)
    httpserver.expect_ordered_request("/api/v2/studies").respond_with_json({"studies": studies()[:1]})
    result = update(httpserver)
    assert result.exit_code == 0, result.output
    assert len(httpserver.log) == 3


def _previous_kept(httpserver: HTTPServer) -> bytes:
    """Make a first snapshot and return its bytes."""
    serve(httpserver, [{"studies": studies()[:1]}])
    assert update(httpserver).exit_code == 0
    httpserver.clear()
    return (snapshots.data_folder() / snapshots.CURRENT).read_bytes()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (Response("slow down", status=429), "HTTP 429"),
        (Response("oops", status=500), "HTTP 500"),
        (Response('{"studies": [{"protocolSection": ', content_type="application/json"), "not valid JSON"),
        (Response('{"studies": "none"}', content_type="application/json"), "no list of studies"),
        (Response(json.dumps({"studies": [{"protocolSection": {}}]})), "not an NCT number"),
        (Response(json.dumps({"studies": [study("NCT09000009", "x")], "nextPageToken": 7})), "nextPageToken"),
    ],
    ids=["429 after retries", "500", "truncated JSON", "wrong shape", "missing nctId", "bad token"],
)
def test_a_failed_update_exits_5_and_keeps_the_snapshot(httpserver: HTTPServer, answer: Response, message: str) -> None:
    """Any failure: exit 5, one line naming it, and the snapshot on disk byte for byte as it was."""
    before = _previous_kept(httpserver)
    httpserver.expect_request("/api/v2/version").respond_with_json(VERSION)
    httpserver.expect_request("/api/v2/studies").respond_with_response(answer)
    result = update(httpserver)
    assert result.exit_code == 5
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.output
    assert (snapshots.data_folder() / snapshots.CURRENT).read_bytes() == before


def test_no_network_is_one_line() -> None:
    """A server that is not there: exit 5, one line, nothing written."""
    result = CliRunner().invoke(app, ["trials", "update", "--api-url", "http://127.0.0.1:9/api/v2"])
    assert result.exit_code == 5 and "cannot reach the API" in result.output
    assert not (snapshots.data_folder() / snapshots.CURRENT).exists()


def test_version_answer_without_timestamp_is_refused(httpserver: HTTPServer) -> None:
    """The data timestamp is what redistributors must show: an answer without it is a failure."""
    serve(httpserver, [{"studies": []}], version={"apiVersion": "2.0.5"})
    result = update(httpserver)
    assert result.exit_code == 5 and "dataTimestamp" in result.output


def test_missing_fields_and_unknown_enums_are_kept(httpserver: HTTPServer) -> None:
    """A record without sites, sponsor or criteria, and statuses the code does not know, still load."""
    bare = {"protocolSection": {"identificationModule": {"nctId": "NCT09000010"}}}
    odd = study("NCT09000011", "Odd", status="SOMETHING_NEW", sites=[site(MADRID_SITE, "ANOTHER_NEW")])
    odd["protocolSection"]["designModule"]["phases"] = ["PHASE9"]
    serve(httpserver, [{"studies": [bare, odd]}])
    assert update(httpserver).exit_code == 0
    result = CliRunner().invoke(app, ["trials", "--format", "plain"])
    assert result.exit_code == 0, result.output
    assert "status not recognised (SOMETHING_NEW)" in result.output and "PHASE9" in result.output
    assert "status not recognised (ANOTHER_NEW)" in result.output and "NCT09000010" in result.output


def test_dry_run_writes_nothing_and_says_what_would_change(httpserver: HTTPServer) -> None:
    """--dry-run lists the changes against the current snapshot and leaves it alone."""
    before = _previous_kept(httpserver)
    serve(httpserver, [{"studies": studies()[:2]}])
    result = update(httpserver, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "New trial: NCT09000002" in result.output and "dry run" in result.output
    assert (snapshots.data_folder() / snapshots.CURRENT).read_bytes() == before
    assert not (snapshots.data_folder() / snapshots.PREVIOUS).exists()


def test_diff_says_what_changed_since_the_last_visit(httpserver: HTTPServer) -> None:
    """Two updates: diff names the new trial, the trial gone, and sites opened and closed."""
    first = studies()[:2]
    serve(httpserver, [{"studies": first}])
    assert update(httpserver).exit_code == 0
    httpserver.clear()
    changed = studies()[:1] + studies()[2:3]
    changed[0]["protocolSection"]["contactsLocationsModule"]["locations"] = [
        site(MADRID_SITE, "COMPLETED"),
        site(LONDON_SITE),
    ]
    serve(httpserver, [{"studies": changed}])
    assert update(httpserver).exit_code == 0
    result = CliRunner().invoke(app, ["trials", "diff", "--format", "plain"])
    assert result.exit_code == 0, result.output
    for line in (
        "New trial: NCT09000003",
        "No longer listed: NCT09000002",
        "Site opened: NCT09000001 (FIRST-1): Hospital C, London",
        "Site closed: NCT09000001 (FIRST-1): Hospital A, Madrid",
    ):
        assert line in result.output
    data = json.loads(CliRunner().invoke(app, ["trials", "diff", "--json"]).output)
    assert {c["change"] for c in data["changes"]} == {"trial_new", "trial_gone", "site_opened", "site_closed"}


def test_diff_without_a_previous_snapshot_exits_1() -> None:
    """Nothing to compare: exit 1 and how to get there."""
    result = CliRunner().invoke(app, ["trials", "diff"])
    assert result.exit_code == 1 and "trials update" in result.output


def test_api_url_must_be_http() -> None:
    """A mirror URL that is not http(s) is refused before any request."""
    result = CliRunner().invoke(app, ["trials", "update", "--api-url", "file:///etc"])
    assert result.exit_code == 5 and "not an http or https URL" in result.output
