"""`mesocli trials` against a hostile server or file: one line and exit 5, never a traceback, a hang or raw
terminal control; bad coordinates, settings and dates refused or said plainly."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from mesocli.cli.app import app
from mesocli.core.eligibility import read_eligibility
from mesocli.core.situation import Situation
from mesocli.store import snapshots
from trials_data import MADRID_SITE, site, studies, study, write_snapshot

VERSION = {"apiVersion": "2.0.5", "dataTimestamp": "2026-12-05T09:00:06"}
HOSTILE = "\x1b]0;pwned\x07\x1b[31mRed \u202eevil\u202c title\x1b[0m"
RAW = ("\x1b", "\x07", "\u202e", "\u202c", "\x9b")


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MESOCLI_TRIALS_PAUSE", "0")
    monkeypatch.setenv("MESOCLI_TRIALS_BACKOFF", "0.01")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def one_line_exit_5(result: Any, *words: str) -> None:
    assert result.exit_code == 5, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and all(w in lines[0] for w in words), result.output
    assert not any(c in result.output for c in RAW)


def update(url: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["trials", "update", "--api-url", url, *args])


def serve_studies(server: HTTPServer, body: str) -> None:
    server.expect_request("/api/v2/version").respond_with_json(VERSION)
    server.expect_request("/api/v2/studies").respond_with_data(body, content_type="application/json")


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """A plain TCP server on 127.0.0.1 whose handler writes whatever bytes it likes; gives its base URL."""
    listeners: list[socket.socket] = []

    def start(handler: Callable[[socket.socket], None]) -> str:
        listener = socket.create_server(("127.0.0.1", 0))
        listeners.append(listener)

        def loop() -> None:
            while True:
                try:
                    conn, _addr = listener.accept()
                except OSError:
                    return
                with conn:
                    conn.recv(65536)
                    with contextlib.suppress(OSError):
                        handler(conn)

        threading.Thread(target=loop, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}/api/v2"

    yield start
    for listener in listeners:
        listener.close()


def test_deeply_nested_answer_is_one_line_exit_5(httpserver: HTTPServer) -> None:
    """JSON nested 100,000 deep from the API is 'not valid JSON', exit 5, not a RecursionError traceback."""
    serve_studies(httpserver, '{"studies": ' + "[" * 100_000 + "]" * 100_000 + "}")
    one_line_exit_5(update(httpserver.url_for("/api/v2"), "--dry-run"), "not valid JSON")


def test_deeply_nested_snapshot_file_is_one_line_exit_5(tmp_path: Path) -> None:
    """A --snapshot file nested 100,000 deep fails its checks with one line, exit 5."""
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": 1, "manifest": ' + "[" * 100_000 + "]" * 100_000 + ', "studies": []}')
    one_line_exit_5(CliRunner().invoke(app, ["trials", "--snapshot", str(deep)]), "not valid JSON")


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/ok x", "http://127.0.0.1:9/\x1b[31mx", "http://[::1", "http://:80"]
)
def test_malformed_api_url_is_one_line_exit_5(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A malformed mirror URL, from the option or $MESOCLI_TRIALS_API, is one line and exit 5."""
    one_line_exit_5(update(url, "--dry-run"), "--api-url")
    monkeypatch.setenv("MESOCLI_TRIALS_API", url)
    one_line_exit_5(CliRunner().invoke(app, ["trials", "update", "--dry-run"]), "--api-url")


def test_escape_characters_in_records_never_reach_the_terminal(tmp_path: Path) -> None:
    """ESC, BEL, OSC and bidi characters in trial records are shown as escapes in every output format."""
    sites = [site({**MADRID_SITE, "facility": HOSTILE})]
    record = study("NCT09000001", HOSTILE, "Inclusion Criteria:\n* " + HOSTILE, sites)
    record["protocolSection"]["sponsorCollaboratorsModule"]["leadSponsor"]["name"] = HOSTILE
    snap = write_snapshot(tmp_path / "snap.json", [record])
    base = ["trials", "--snapshot", str(snap), "--near", "Madrid"]
    for args in (["--format", "plain"], ["--format", "markdown"], ["--json"], ["--format", "rich"]):
        result = CliRunner().invoke(app, ["--color", "always", *base, *args])
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in RAW), args
        assert "pwned" in result.output and "\\u202e" in result.output.replace("\\\\", "\\")


def test_http_reason_phrase_is_escaped(raw_server: Callable[[Callable[[socket.socket], None]], str]) -> None:
    """The server's own status text (here ESC sequences) is written escaped, never raw on stderr."""
    url = raw_server(lambda conn: conn.sendall(b"HTTP/1.0 500 \x1b[2J\x1b[31mOWNED\r\nContent-Length: 0\r\n\r\n"))
    one_line_exit_5(update(url, "--dry-run"), "HTTP 500", "\\x1b[2J")


def test_slow_drip_answer_stops_at_the_deadline(
    raw_server: Callable[[Callable[[socket.socket], None]], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server dripping its body byte by byte is stopped by $MESOCLI_TRIALS_DEADLINE: one line, exit 5."""

    def drip(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(400):  # at most 20 s, far beyond the deadline
            conn.sendall(b" ")
            time.sleep(0.05)

    monkeypatch.setenv("MESOCLI_TRIALS_DEADLINE", "0.3")
    one_line_exit_5(update(raw_server(drip), "--dry-run"), "cannot reach the API")


@pytest.mark.parametrize("value", ["inf", "1e10", "nan", "-1", "soon"])
@pytest.mark.parametrize("name", ["MESOCLI_TRIALS_PAUSE", "MESOCLI_TRIALS_BACKOFF", "MESOCLI_TRIALS_DEADLINE"])
def test_timing_settings_out_of_range_are_refused(name: str, value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pause, backoff or deadline that is not 0 to 600 seconds is refused by name before any request."""
    monkeypatch.setenv(name, value)
    one_line_exit_5(update("http://127.0.0.1:9/api/v2", "--dry-run"), name, "600")


@pytest.mark.parametrize(
    ("lat", "why"), [("Infinity", "JSON number"), ("NaN", "JSON number"), ("-Infinity", "JSON number"), ("999", "lat")]
)
def test_bad_coordinates_are_refused_on_update(httpserver: HTTPServer, lat: str, why: str) -> None:
    """A site at latitude Infinity, NaN or 999 is refused at update (exit 5) and the snapshot is kept."""
    folder = snapshots.data_folder()
    folder.mkdir(parents=True)
    kept = write_snapshot(folder / snapshots.CURRENT, studies()).read_bytes()
    body = json.dumps({"studies": [study("NCT09000001", "A trial", "", [site(MADRID_SITE)])]})
    serve_studies(httpserver, body.replace('"lat": 40.42', f'"lat": {lat}'))
    one_line_exit_5(update(httpserver.url_for("/api/v2")), why)
    assert (folder / snapshots.CURRENT).read_bytes() == kept


@pytest.mark.parametrize("lat", [float("inf"), float("nan"), 999.0, -90.5])
def test_bad_coordinates_in_a_snapshot_file_fail_its_checks(tmp_path: Path, lat: float) -> None:
    """A snapshot site at Infinity, NaN or out of range fails the file's checks: one line, exit 5, no traceback."""
    bad = study("NCT09000001", "A trial", "", [site({**MADRID_SITE, "geoPoint": {"lat": lat, "lon": -3.7}})])
    snap = write_snapshot(tmp_path / "snap.json", [bad])
    one_line_exit_5(CliRunner().invoke(app, ["trials", "--snapshot", str(snap), "--near", "Madrid"]), str(snap))


def test_snapshot_dated_in_the_future_says_so(tmp_path: Path) -> None:
    """A data timestamp after today is a warning that says 'in the future', never a negative age."""
    snap = write_snapshot(tmp_path / "future.json", studies(), days_old=-400)
    result = CliRunner().invoke(app, ["trials", "--snapshot", str(snap), "--format", "plain"])
    assert result.exit_code == 0 and "in the future" in result.output and "-400" not in result.output
    data = json.loads(CliRunner().invoke(app, ["trials", "--snapshot", str(snap), "--json"]).output)["snapshot"]
    assert data["age_days"] is None and data["future"] is True and data["stale"] is False


@pytest.mark.parametrize("minimum", ["1000 Years", "6 Weeks", "eighteen"])
def test_unclear_age_limit_is_left_open(minimum: str) -> None:
    """An age limit not read as whole years up to 130 ("1000 Years") is an open question, never a fit."""
    reading = read_eligibility("", Situation(), 40, minimum, "N/A")
    assert reading.verdict == "could_be_either" and any("unclear" in line for line in reading.open)
    assert read_eligibility("", Situation(), 40, "018 Years", "075 Years").verdict == "may_fit"


def test_ambiguous_near_names_the_choice_and_the_others(tmp_path: Path) -> None:
    """A shared city name is never chosen silently; 'City, Country' chooses; an unknown country part is refused."""
    snap = write_snapshot(tmp_path / "snap.json", studies())
    plain = CliRunner().invoke(app, ["trials", "--snapshot", str(snap), "--near", "Valencia", "--format", "plain"])
    assert plain.exit_code == 0 and "other places called Valencia" in plain.output.replace("\n    ", " ")
    base = ["trials", "--snapshot", str(snap), "--json", "--near"]
    bare = json.loads(CliRunner().invoke(app, [*base, "Valencia"]).output)["place"]
    assert {"name": "Valencia", "country": "ES"} in bare["others"]
    for spelling in ("Valencia, Spain", "valencia, es", "Valencia, España"):
        chosen = json.loads(CliRunner().invoke(app, [*base, spelling]).output)["place"]
        assert (chosen["country"], chosen["others"], chosen["asked"]) == ("ES", [], spelling)
    refused = CliRunner().invoke(app, [*base, "Paris, Texas"])
    assert refused.exit_code == 2 and "Valencia, Spain" in refused.output


def test_update_through_a_symlinked_snapshot_keeps_the_link(httpserver: HTTPServer, tmp_path: Path) -> None:
    """A symlinked trials.json stays a link: its target gets the new snapshot and the old one is kept as previous."""
    folder = snapshots.data_folder()
    folder.mkdir(parents=True)
    target = write_snapshot(tmp_path / "dotfiles.json", studies())
    old = target.read_bytes()
    (folder / snapshots.CURRENT).symlink_to(target)
    serve_studies(httpserver, json.dumps({"studies": [study("NCT09000009", "A new trial", "", [site(MADRID_SITE)])]}))
    result = update(httpserver.url_for("/api/v2"))
    assert result.exit_code == 0, result.output
    assert (folder / snapshots.CURRENT).is_symlink() and (folder / snapshots.CURRENT).resolve() == target.resolve()
    assert "NCT09000009" in target.read_text() and (folder / snapshots.PREVIOUS).read_bytes() == old
