"""Fetching recruiting mesothelioma trials from the ClinicalTrials.gov API v2, politely.

``GET {api}/version`` gives the API version and ``dataTimestamp``; ``GET {api}/studies`` with
``query.cond=mesothelioma``, ``filter.overallStatus`` and ``pageSize`` gives the studies, page after page
while the answer has a ``nextPageToken`` (sent back as ``pageToken``). The base URL is
``https://clinicaltrials.gov/api/v2`` unless ``--api-url`` or ``$MESOCLI_TRIALS_API`` says otherwise.

The API asks for about 50 requests a minute: requests are spaced by ``$MESOCLI_TRIALS_PAUSE`` seconds (1.2),
and a 429 or 503 answer is retried after its ``Retry-After`` (at most a minute) or a doubling backoff from
``$MESOCLI_TRIALS_BACKOFF`` seconds (2), three times. Anything else that goes wrong (no network, another HTTP
error, a body that is not the JSON the API documents) is one ``TrialsError``. Each request has an overall
deadline of ``$MESOCLI_TRIALS_DEADLINE`` seconds (60), not just a timeout per read, so a server that drips its
answer cannot keep ``update`` waiting. The settings are numbers of seconds from 0 to 600 (the deadline more
than 0); another value is refused. Standard library only.
"""

from __future__ import annotations

import http.client
import json
import math
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from mesocli._version import __version__
from mesocli.core.errors import Message, TrialsError
from mesocli.core.escape import printable
from mesocli.core.snapshot import json_reason, no_constant
from mesocli.core.trials import OPEN_STATUSES, kept_record, parse_study

DEFAULT_API = "https://clinicaltrials.gov/api/v2"
ENV_API = "MESOCLI_TRIALS_API"
QUERY = {"query.cond": "mesothelioma", "filter.overallStatus": ",".join(OPEN_STATUSES), "pageSize": "200"}
RETRIES = 3
MAX_PAGES = 100
TIMEOUT = 30.0
MAX_BODY = 64 * 1024 * 1024
#: The most seconds a setting (pause, backoff, deadline) may hold.
MAX_SECONDS = 600.0
CHUNK = 64 * 1024


def api_url(explicit: str | None = None) -> str:
    """The API's base URL, checked: http(s), a host, no space or control character, a valid port."""
    url = (explicit or os.environ.get(ENV_API) or DEFAULT_API).rstrip("/")
    shown = printable(url, 80)
    if not url.isprintable() or any(c.isspace() for c in url):
        raise TrialsError(Message("--api-url: a URL holds no space or control character: '{shown}'", shown=shown))
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - reading it checks the port (a ValueError when it is not a number 0-65535)
    except ValueError as exc:
        raise TrialsError(
            Message("--api-url: not a valid URL ({reason}): '{shown}'", reason=str(exc), shown=shown)
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TrialsError(Message("--api-url: not an http or https URL: '{shown}'", shown=shown))
    return url


def _seconds(name: str, default: float, least: float = 0.0) -> float:
    """The setting ``name`` in seconds: a finite number from ``least`` (0) to 600; ``TrialsError`` otherwise."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and least <= value <= MAX_SECONDS and (value > 0 or least == 0)):
        shown = printable(raw, 40)
        raise TrialsError(
            Message(
                "{name} must be a number of seconds from {least:g} to {most:g}: {shown}",
                name=name,
                least=least,
                most=MAX_SECONDS,
                shown=repr(shown),
            )
        )
    return value


class Client:
    """GET JSON from the API, spaced and retried as the module says; ``sleep`` is injectable for tests."""

    def __init__(self, base: str, sleep: Callable[[float], None] = time.sleep) -> None:
        self.base = base
        self.sleep = sleep
        self.pause = _seconds("MESOCLI_TRIALS_PAUSE", 1.2)
        self.backoff = _seconds("MESOCLI_TRIALS_BACKOFF", 2.0)
        self.deadline = _seconds("MESOCLI_TRIALS_DEADLINE", 60.0, least=0.001)
        self.requests = 0

    def get(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        url = f"{self.base}/{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
        headers = {"Accept": "application/json", "User-Agent": f"mesocli/{__version__}"}
        wait = self.backoff
        for attempt in range(RETRIES + 1):
            if self.requests:
                self.sleep(self.pause)
            self.requests += 1
            try:
                body = self._read(urllib.request.Request(url, headers=headers))
            except urllib.error.HTTPError as exc:
                if exc.code in (429, 503) and attempt < RETRIES:
                    self.sleep(_retry_after(exc.headers.get("Retry-After"), wait))
                    wait *= 2
                    continue
                more = f" after {RETRIES} retries" if exc.code in (429, 503) else ""
                reason = printable(str(exc.reason), 80)  # the server's words: never raw on the terminal
                raise TrialsError(
                    Message("{url}: HTTP {code} {reason}{more}", url=url, code=exc.code, reason=reason, more=more)
                ) from None
            except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
                reason = printable(str(getattr(exc, "reason", None) or exc), 120)
                raise TrialsError(
                    Message("{base}: cannot reach the API ({reason})", base=self.base, reason=reason)
                ) from None
            return _json(body, url)
        raise TrialsError(Message("{url}: no answer", url=url))  # not reached: the loop returns or raises

    def _read(self, request: urllib.request.Request) -> bytes:
        """The body of the answer, read before the deadline (``TimeoutError`` after it) and cut at MAX_BODY + 1."""
        end = time.monotonic() + self.deadline
        with urllib.request.urlopen(request, timeout=min(TIMEOUT, self.deadline)) as answer:
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_BODY:
                if time.monotonic() > end:
                    raise TimeoutError(f"no whole answer within {self.deadline:g} s")
                chunk = answer.read1(CHUNK)  # what has arrived: one slow byte cannot hold the loop
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            return b"".join(chunks)


def _retry_after(value: str | None, default: float) -> float:
    try:
        return min(60.0, max(0.0, float(value))) if value else default
    except ValueError:
        return default


def _json(body: bytes, url: str) -> dict[str, Any]:
    if len(body) > MAX_BODY:
        raise TrialsError(Message("{url}: the answer is larger than {mib} MiB", url=url, mib=MAX_BODY // 2**20))
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=no_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise TrialsError(
            Message("{url}: the answer is not valid JSON ({reason})", url=url, reason=json_reason(exc))
        ) from None
    except RecursionError:
        raise TrialsError(Message("{url}: the answer is not valid JSON (nested too deeply)", url=url)) from None
    if not isinstance(data, dict):
        raise TrialsError(Message("{url}: the answer is not a JSON object", url=url))
    return data


def fetch(base: str, sleep: Callable[[float], None] = time.sleep) -> tuple[dict[str, str | None], list[Any]]:
    """(version, studies): the API's version answer and every study kept, all pages; ``TrialsError`` on failure."""
    client = Client(base, sleep)
    version = client.get("version")
    stamp, api = version.get("dataTimestamp"), version.get("apiVersion")
    if not isinstance(stamp, str) or not isinstance(api, str):
        raise TrialsError(Message("{base}/version: no dataTimestamp and apiVersion in the answer", base=base))
    studies: list[Any] = []
    seen: set[str] = set()
    token: str | None = None
    for _page in range(MAX_PAGES):
        page = client.get("studies", {**QUERY, **({"pageToken": token} if token else {})})
        batch = page.get("studies")
        if not isinstance(batch, list):
            raise TrialsError(Message("{base}/studies: the answer has no list of studies", base=base))
        for raw in batch:
            trial = parse_study(raw, f"{base}/studies: study {len(studies) + 1}")  # checks the record's shape
            if trial.nct_id not in seen:
                seen.add(trial.nct_id)
                studies.append(kept_record(raw))
        token = page.get("nextPageToken")
        if token is None:
            return {"data_timestamp": stamp, "api_version": api}, studies
        if not isinstance(token, str) or not token:
            raise TrialsError(Message("{base}/studies: nextPageToken is not text", base=base))
    raise TrialsError(Message("{base}/studies: more than {pages} pages; stopped", base=base, pages=MAX_PAGES))
