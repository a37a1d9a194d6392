"""Paired, alternating timings of mesocli against its peers; prints a Markdown report.

Each comparison runs A and B alternately, ROUNDS times after one warm-up each, and reports the
median of the per-pair ratios A/B, the median times, and each side's peak RSS. Run via
``bash benchmarks/run``; results go in docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import os
import platform
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
    mesocli = str(Path(python).parent / "mesocli")

    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "MESOCLI_KB")}
    env["MESOCLI_CACHE_DIR"] = str(work / "cache")
    env["COLUMNS"] = "100"
    forced = {**env, "FORCE_COLOR": "1"}

    page = work / "tldr-page.md"
    page.write_text(TLDR_PAGE, encoding="utf-8")
    minimal = work / "minimal_typer.py"
    minimal.write_text(MINIMAL_TYPER, encoding="utf-8")
    big = work / "kb-5000.yaml"
    if not big.exists():  # in a child process: a large parent would inflate every forked child's peak RSS
        subprocess.run([python, str(HERE / "make_kb.py"), str(big), "5000"], check=True)

    show = [mesocli, "show", "chemotherapy"]
    tldr = [args.tldr, "--render", str(page)]
    r = args.rounds
    rows = [
        compare("`show` piped vs `tldr --render` piped", show, tldr, r, env),
        compare("`show` styled vs `tldr --render` (FORCE_COLOR=1, COLUMNS=100)", show, tldr, r, forced),
        compare('`search "pain relief"` vs `show`', [mesocli, "search", "pain", "relief"], show, r, env),
        compare("`list` vs `tldr --render`", [mesocli, "list"], tldr, r, env),
        compare("`--help` vs `show`", [mesocli, "--help"], show, r, env),
        compare(
            "minimal two-command Typer app vs `tldr --render` (the floor)",
            [python, str(minimal), "show", "x"],
            tldr,
            r,
            env,
        ),
        compare("`show` vs `python -c pass`", show, [python, "-c", "pass"], r, env),
        compare(
            "library load+get vs `python -c pass`",
            [python, "-c", "import mesocli; mesocli.load().get('chemotherapy')"],
            [python, "-c", "pass"],
            r,
            env,
        ),
        compare(
            "5,000 entries: `search pain` vs bundled",
            [mesocli, "--kb", str(big), "search", "pain"],
            [mesocli, "search", "pain"],
            r,
            env,
        ),
        compare(
            "5,000 entries: `show` vs bundled", [mesocli, "--kb", str(big), "show", "chemotherapy-4999"], show, r, env
        ),
    ]
    cold_start = time.perf_counter()
    subprocess.run(
        [mesocli, "--kb", str(big), "search", "pain"],
        env={**env, "MESOCLI_NO_CACHE": "1"},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    cold = time.perf_counter() - cold_start

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; {time.strftime('%Y-%m-%d')}; {r} rounds per pair\n"
    )
    print("| comparison (A vs B) | median A/B | A median | B median | A peak RSS | B peak RSS |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['name']} | {row['ratio']:.2f}x | {row['a_ms']:.0f} ms | {row['b_ms']:.0f} ms "
            f"| {row['a_rss']:.0f} MiB | {row['b_rss']:.0f} MiB |"
        )
    print(f"\n5,000 entries, cold (no cache, parse + validate + index + search): {cold * 1000:.0f} ms")


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
