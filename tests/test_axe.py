"""The handout passes axe-core 4 (WCAG 2.2 A and AA) in a real Chromium driven by selenium.

Needs Debian's chromium and chromium-driver, selenium (the test extra) and axe-core 4 unpacked in .axe/ (.ci/run
fetches it with `npm pack axe-core@4`); skipped with the reason when one is missing. The copy of axe bundled with
axe-selenium-python is axe 3.1, which knows no WCAG 2.2 rules, so the npm package is used.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mesocli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
AXE = Path(os.environ.get("MESOCLI_AXE", ROOT / ".axe" / "package" / "axe.min.js"))
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WORKED = ["--site", "pleural", "--histology", "epithelioid", "--treated", "none", "--fitness", "1", "--region", "us"]


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401  # only to know whether it is installed
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not BROWSER or not DRIVER:
        return "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    if not AXE.is_file():
        return f"axe-core 4 is not unpacked at {AXE} (.ci/run: npm pack axe-core@4)"
    return None


@pytest.fixture(scope="module")
def driver():  # type: ignore[no-untyped-def]
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}, but CI must run the accessibility test (.ci/run installs it)")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(BROWSER)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    yield browser
    browser.quit()


def violations(driver, page: Path) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """axe-core's violations of the WCAG 2.2 A and AA tags on ``page``."""
    driver.get(page.as_uri())
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    script = (
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(TAGS)}}}}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: String(e)}])));"
    )
    driver.set_script_timeout(120)
    return list(json.loads(driver.execute_async_script(script)))


@pytest.mark.parametrize(
    "extra",
    [[], ["--large-print"], ["--paper", "letter"], ["--full"], ["--lang", "tr"], ["--lang", "es"]],
    ids=["a4", "large-print", "letter", "full", "tr", "es"],
)
def test_handout_has_no_wcag_22_a_or_aa_violations(driver, tmp_path: Path, extra: list[str]) -> None:  # type: ignore[no-untyped-def]
    """axe-core 4 finds no violation of wcag2a, wcag2aa, wcag21a, wcag21aa or wcag22aa in the handout."""
    page = tmp_path / "visit.html"
    lang = extra[1:] if extra[:1] == ["--lang"] else []
    args = [*(["--lang", *lang] if lang else []), "handout", *WORKED, "-o", str(page)]
    args += [] if lang else extra
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    found = violations(driver, page)
    assert found == [], [(v["id"], v.get("help"), len(v.get("nodes", []))) for v in found]  # type: ignore[arg-type]


def test_the_check_itself_finds_violations(driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A page with an image without alternative text and low-contrast text fails: the harness is not blind."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main>'
        '<p style="color:#bbb">faint</p><svg role="img" width="10" height="10"></svg></main></body></html>',
        encoding="utf-8",
    )
    ids = {v["id"] for v in violations(driver, page)}
    assert {"color-contrast", "svg-img-alt"} <= ids


@pytest.fixture(autouse=True)
def _english_afterwards() -> object:
    yield
    from mesocli.core.l10n import set_language

    set_language("en")
