"""Paired, alternating timings of mesocli against its peers; prints a Markdown report.

Each comparison runs A and B alternately, ROUNDS times after one warm-up each, and reports the
median of the per-pair ratios A/B, the median times, and each side's peak RSS. Run via
``bash benchmarks/run``; results go in docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Sample:
    seconds: float
    max_rss_kib: int


def run_once(command: list[str], env: dict[str, str]) -> Sample:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return Sample(elapsed, usage.ru_maxrss)


def compare(
    name: str, a: list[str], b: list[str], rounds: int, env_a: dict[str, str], env_b: dict[str, str] | None = None
) -> dict[str, object]:
    env_b = env_b or env_a
    run_once(a, env_a), run_once(b, env_b)  # warm-up: page cache, parse cache
    ratios, times_a, times_b, rss_a, rss_b = [], [], [], [], []
    for _ in range(rounds):
        sa, sb = run_once(a, env_a), run_once(b, env_b)
        ratios.append(sa.seconds / sb.seconds)
        times_a.append(sa.seconds)
        times_b.append(sb.seconds)
        rss_a.append(sa.max_rss_kib)
        rss_b.append(sb.max_rss_kib)
    return {
        "name": name,
        "ratio": statistics.median(ratios),
        "a_ms": 1000 * statistics.median(times_a),
        "b_ms": 1000 * statistics.median(times_b),
        "a_rss": max(rss_a) / 1024,
        "b_rss": max(rss_b) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--tldr", required=True)
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    work: Path = args.work
    python = sys.executable
    mesocli = str(Path(python).parent / "mesocli")  # the console script: repeated invocations are replayed
    store_path = [python, "-m", "mesocli"]  # no replay: what a new question costs on a warm store

    unwanted = ("FORCE_COLOR", "NO_COLOR", "MESOCLI_KB", "MESOCLI_LANG", "MESOCLI_NO_CACHE", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in unwanted}  # bytecode kept, as a user's Python does
    env["MESOCLI_CACHE_DIR"] = str(work / "cache")
    env["COLUMNS"] = "100"
    forced = {**env, "FORCE_COLOR": "1"}

    page = work / "tldr-page.md"
    page.write_text(TLDR_PAGE, encoding="utf-8")
    minimal = work / "minimal_typer.py"
    minimal.write_text(MINIMAL_TYPER, encoding="utf-8")
    sizes = {n: work / f"kb-{n}.yaml" for n in (1000, 5000, 20000)}
    for n, path in sizes.items():
        if not path.exists():  # in a child process: a large parent would inflate every forked child's peak RSS
            subprocess.run([python, str(HERE / "make_kb.py"), str(path), str(n)], check=True)

    show = [mesocli, "show", "chemotherapy"]
    tldr = [args.tldr, "--render", str(page)]
    bare = [python, "-c", "pass"]
    big = ["--kb", str(sizes[20000])]
    r = args.rounds
    started = f"{time.strftime('%Y-%m-%d %H:%M %Z')}, load average {_load()}"
    rows = [
        (compare("`show` piped vs tldr", show, tldr, r, env), 0.35),
        (compare("`show` styled vs tldr (FORCE_COLOR=1)", show, tldr, r, forced), 0.35),
        (compare('`search "pain relief"` vs tldr', [mesocli, "search", "pain", "relief"], tldr, r, env), 0.35),
        (compare("`options` vs tldr", [mesocli, "options"], tldr, r, env), 0.35),
        (compare("`--lang tr show` vs tldr", [mesocli, "--lang", "tr", "show", "chemotherapy"], tldr, r, env), 0.35),
        (compare("`--help` vs tldr", [mesocli, "--help"], tldr, r, env), 0.5),
        (compare("`--lang tr show` vs `show`", [mesocli, "--lang", "tr", "show", "chemotherapy"], show, r, env), 1.2),
        (
            compare(
                "library load+get vs `python -c pass`",
                [python, "-c", "import mesocli; mesocli.load().get('chemotherapy')"],
                bare,
                r,
                env,
            ),
            3.5,
        ),
        (
            compare(
                "20,000 entries: `search pain` vs bundled",
                [mesocli, *big, "search", "pain"],
                [mesocli, "search", "pain"],
                r,
                env,
            ),
            1.3,
        ),
        (compare("20,000 entries: `list` vs bundled", [mesocli, *big, "list"], [mesocli, "list"], r, env), 2.0),
        (
            compare(
                "store path, 20,000 entries: `search pain` vs bundled",
                [*store_path, *big, "search", "pain"],
                [*store_path, "search", "pain"],
                r,
                env,
            ),
            1.3,
        ),
        (
            compare(
                "store path, 20,000 entries: `list` vs bundled",
                [*store_path, *big, "list"],
                [*store_path, "list"],
                r,
                env,
            ),
            2.0,
        ),
        (compare("store path: `show` vs tldr", [*store_path, "show", "chemotherapy"], tldr, r, env), None),
        (
            compare(
                "store path: `--lang tr show` vs `show`",
                [*store_path, "--lang", "tr", "show", "chemotherapy"],
                [*store_path, "show", "chemotherapy"],
                r,
                env,
            ),
            1.2,
        ),
        (
            compare(
                "the floor: minimal two-command Typer app vs tldr", [python, str(minimal), "show", "x"], tldr, r, env
            ),
            None,
        ),
        (compare("`show` vs `python -c pass`", show, bare, r, env), None),
        (
            compare(
                "what load+get cannot avoid: `import sqlite3, typing` vs `python -c pass`",
                [python, "-c", "import sqlite3, typing"],
                bare,
                r,
                env,
            ),
            None,
        ),
        (
            compare(
                "the models alone: `import mesocli.core.models` vs `python -c pass`",
                [python, "-c", "import mesocli.core.models"],
                bare,
                r,
                env,
            ),
            None,
        ),
    ]
    from scale import build_seconds  # the same measurement as benchmarks/scale.py

    parse, build = build_seconds(sizes[1000], work / "build-1000")
    cold_env = {**env, "MESOCLI_CACHE_DIR": str(work / "cold-5000")}
    shutil.rmtree(cold_env["MESOCLI_CACHE_DIR"], ignore_errors=True)
    first = run_once([mesocli, "--kb", str(sizes[5000]), "show", "chemotherapy-4999"], cold_env)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; started {started}; ended {time.strftime('%H:%M %Z')}, "
        f"load average {_load()}; {r} rounds per pair\n"
    )
    print("| comparison (A vs B) | median A/B | target | A median | B median | A peak RSS | B peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for row, target in rows:
        verdict = "" if target is None else f"<= {target}x: {'met' if row['ratio'] <= target else 'missed'}"
        print(
            f"| {row['name']} | {row['ratio']:.2f}x | {verdict} | {row['a_ms']:.0f} ms | {row['b_ms']:.0f} ms "
            f"| {row['a_rss']:.0f} MiB | {row['b_rss']:.0f} MiB |"
        )
    print(
        f"\n| other target | measured | target |\n|---|---|---|\n"
        f"| cold build vs PyYAML's C parse, 1,000 entries, one process | {build / parse:.2f}x "
        f"({build:.2f} s vs {parse:.2f} s) | <= 1.3x |\n"
        f"| first run (empty store, build + `show`), 5,000 entries: peak RSS | {first.max_rss_kib / 1024:.0f} MiB "
        f"({first.seconds:.1f} s) | <= 250 MiB |\n"
        f"| peak RSS of `show` (largest of its runs above) | {rows[0][0]['a_rss']:.0f} MiB | <= 25 MiB |"
    )


def _load() -> str:
    """The load averages over 1, 5 and 15 minutes: how many others shared the machine's cores."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


MINIMAL_TYPER = """import typer

app = typer.Typer()


@app.command()
def show(name: str) -> None:
    print(name)


@app.command()
def other() -> None:
    pass


app()
"""

TLDR_PAGE = """# mesothelioma-chemotherapy

> Pemetrexed with cisplatin or carboplatin for advanced mesothelioma.
> Given through a drip every three weeks, for up to six cycles.
> More information: <https://example.org/mesothelioma/chemotherapy>.

- Take folic acid by mouth every day, starting a week before the first cycle:

`folic-acid --daily --dose {{400}}`

- Have a vitamin B12 injection before the first cycle and every nine weeks:

`b12 --inject --every {{9}} weeks`

- Give pemetrexed with cisplatin on day one of each three-week cycle:

`chemo --drug pemetrexed --with cisplatin --cycle {{1}}`

- Swap cisplatin for carboplatin when the kidneys or hearing need protecting:

`chemo --drug pemetrexed --with carboplatin --cycle {{1}}`

- Add bevacizumab for selected, fitter people:

`chemo --drug pemetrexed --with cisplatin --add bevacizumab`

- Check blood counts and kidney function before each cycle:

`bloods --count --kidney --before-cycle {{2}}`

- Scan every few cycles to see whether it is working:

`scan --ct --chest --after-cycle {{3}}`

- Ask what to do about fever during treatment:

`call --care-team --if temperature --above {{38}}`
"""

if __name__ == "__main__":
    main()
