"""The handout in a real browser: headless Chromium prints it to PDF and takes screenshots.

Skipped where Chromium or poppler-utils (pdfinfo, pdftotext) are missing, except on CI (CI=true), where a
missing browser fails the run: .ci/run installs both from the distribution's packages.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import mesocli
from mesocli.pages.document import Bullets, inline_text
from mesocli.pages.handout import handout_short
from mesocli.render.handout import handout_html

KB = mesocli.load(mesocli.bundled_path())
BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
TOOLS = BROWSER and shutil.which("pdfinfo") and shutil.which("pdftotext")
MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture(autouse=True)
def _need_a_browser() -> None:
    if TOOLS:
        return
    reason = "headless Chromium and poppler-utils (pdfinfo, pdftotext) are not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}, but CI must run the browser tests (.ci/run installs them)")
    pytest.skip(reason)


def chromium(tmp_path: Path, page: Path, *args: str) -> None:
    """Run headless Chromium on a local file, offline and with a throwaway profile."""
    command = [
        str(BROWSER),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *args,
        page.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)


def write_handout(tmp_path: Path, paper: str = "a4", large: bool = False) -> tuple[Path, list[str]]:
    """The handout of the worked situation (pleural, epithelioid, untreated, ECOG 1, US approvals) written to a
    file, and the questions it asks."""
    result = KB.options(site="pleural", histology="epithelioid", treated="none", fitness=1, region="us")
    document = handout_short(result, list(KB.guides))
    questions = [inline_text(i) for b in document if isinstance(b, Bullets) and b.checkbox for i in b.items]
    page = tmp_path / "visit.html"
    page.write_text(handout_html(document, paper, large=large), encoding="utf-8")
    return page, questions


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_handout_prints_to_pdf_with_every_question_and_no_overflow(
    tmp_path: Path, paper: str, size: tuple[int, int]
) -> None:
    """Chromium prints the handout at the paper size asked: at most 4 numbered pages, every question, no overflow."""
    page, questions = write_handout(tmp_path, paper)
    pdf = tmp_path / "visit.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert (round(width), round(height)) == size
    assert 2 <= pages <= 4
    text = words(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    missing = [q for q in questions if words(q) not in text]
    assert questions and not missing
    assert all(re.search(rf"\b{n} ?/ ?{pages}\b", text) for n in range(1, pages + 1))
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    right = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    margin = (13 if paper == "a4" else 12.7) * MM
    assert right and max(right) <= width - margin + 2, f"a word reaches x={max(right)} of {width}"


def png_size_and_ink(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of pixels that are not near-white, read with zlib alone (8-bit RGB/RGBA)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (2, 6), (depth, color)
    channels = 3 if color == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    previous, ink, i = bytearray(stride), 0, 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        ink += sum(1 for x in range(0, stride, channels) if min(line[x : x + 3]) < 200)
        previous = line
    return width, height, ink


@pytest.mark.parametrize("width", [390, 1280])
def test_handout_screenshot_is_drawn_at_phone_and_desktop_width(tmp_path: Path, width: int) -> None:
    """A screenshot at 390 px and 1280 px has that width and real content on it (not a blank page)."""
    page, _ = write_handout(tmp_path)
    shot = tmp_path / f"visit-{width}.png"
    chromium(tmp_path, page, f"--screenshot={shot}", f"--window-size={width},2000", "--hide-scrollbars")
    got_width, got_height, ink = png_size_and_ink(shot)
    assert (got_width, got_height) == (width, 2000)
    assert ink > width * 20, "the screenshot is (nearly) blank"


def test_large_print_handout_prints_and_keeps_every_question(tmp_path: Path) -> None:
    """--large-print prints (longer, as large print is) with every question in the text."""
    page, questions = write_handout(tmp_path, large=True)
    pdf = tmp_path / "large.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    text = words(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert questions and all(words(q) in text for q in questions)
