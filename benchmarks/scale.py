"""How mesocli grows with the knowledge base: 1,000 to 20,000 generated entries against the bundled one.

    python benchmarks/scale.py --work DIR [--rounds N] [--sizes 1000,5000,20000]

For each size: PyYAML's C loader parsing the file and mesocli's cold build of it (parse, check, index, store)
in the same process, one after the other; the first run's peak RSS (empty store, build + show, as a whole
process); the database's size; and warm ``show``, ``list`` and ``search`` through ``python -m mesocli`` (the
store's path: no replay of whole invocations) as the median of paired ratios against the same command on the
bundled knowledge base (A and B run alternately), with each side's peak RSS. Prints Markdown for
docs/performance.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import compare, run_once  # noqa: E402 - the script directory is put on the path just above

BUILD = """
import os, sys, time, yaml
path, cache = sys.argv[1], sys.argv[2]
os.environ["MESOCLI_CACHE_DIR"] = cache
import mesocli.core.checks, mesocli.core.loader, mesocli.kb, mesocli.query.build, mesocli.store.write  # not timed
text = open(path, encoding="utf-8").read()
start, cpu = time.perf_counter(), time.process_time()
yaml.load(text, Loader=yaml.CSafeLoader)
parse, parse_cpu = time.perf_counter() - start, time.process_time() - cpu
start, cpu = time.perf_counter(), time.process_time()
mesocli.kb.load(path)
print(parse, time.perf_counter() - start, parse_cpu, time.process_time() - cpu)
"""


def build_seconds(path: Path, cache: Path) -> tuple[float, float]:
    """Wall-clock seconds of PyYAML's C loader on the file and of mesocli's cold build of it (see build_times)."""
    parse, build, _parse_cpu, _build_cpu = build_times(path, cache)
    return parse, build


def build_times(path: Path, cache: Path) -> tuple[float, float, float, float]:
    """In one child process: PyYAML's C loader alone on the file, then mesocli's cold build of it (parse, check,
    index, store; the modules imported beforehand): their wall-clock and CPU seconds. A child keeps this process
    small: its children's peak RSS would otherwise include the pages they inherit."""
    shutil.rmtree(cache, ignore_errors=True)
    command = [sys.executable, "-c", BUILD, str(path), str(cache)]
    found = subprocess.run(command, capture_output=True, text=True, check=False)
    if found.returncode != 0:
        raise SystemExit(found.stderr)
    parse, build, parse_cpu, build_cpu = (float(x) for x in found.stdout.split())
    return parse, build, parse_cpu, build_cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--sizes", default="1000,5000,20000")
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    # The store's own path, not the replay of whole invocations (``python -m mesocli`` does not replay): what a
    # new question on a large knowledge base costs.
    mesocli = [sys.executable, "-m", "mesocli"]
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "MESOCLI_KB")}
    env |= {"MESOCLI_CACHE_DIR": str(work / "cache"), "COLUMNS": "100"}
    print(
        "| entries | YAML file | PyYAML C parse | cold build | build / parse (CPU) | first-run peak RSS | database "
        "| warm show | warm list | warm search | peak RSS show / list / search |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in [int(s) for s in args.sizes.split(",")]:
        path = work / f"kb-{size}.yaml"
        if not path.exists():
            subprocess.run([sys.executable, str(HERE / "make_kb.py"), str(path), str(size)], check=True)
        parse, build, parse_cpu, build_cpu = build_times(path, work / f"build-{size}")
        cold_env = {**env, "MESOCLI_CACHE_DIR": str(work / f"cold-{size}")}
        shutil.rmtree(cold_env["MESOCLI_CACHE_DIR"], ignore_errors=True)
        kb = [*mesocli, "--kb", str(path)]
        last = f"chemotherapy-{size - 1 - (size - 2) % 7}"  # generated entries cycle through the bundled seven
        cold = run_once([*kb, "show", last], cold_env)
        database = sum(f.stat().st_size for f in Path(cold_env["MESOCLI_CACHE_DIR"]).glob("kb-*.sqlite3"))
        r = args.rounds
        show = compare("show", [*kb, "show", last], [*mesocli, "show", "chemotherapy"], r, env)
        listing = compare("list", [*kb, "list"], [*mesocli, "list"], r, env)
        search = compare("search", [*kb, "search", "pain"], [*mesocli, "search", "pain"], r, env)
        rows = (show, listing, search)
        print(
            f"| {size:,} | {path.stat().st_size / 2**20:.1f} MiB | {parse:.2f} s | {build:.2f} s "
            f"| {build / parse:.2f}x ({build_cpu / parse_cpu:.2f}x) | {cold.max_rss_kib / 1024:.0f} MiB "
            f"| {database / 2**20:.1f} MiB "
            + " ".join(f"| {row['ratio']:.2f}x ({row['a_ms']:.0f} vs {row['b_ms']:.0f} ms)" for row in rows)
            + f" | {' / '.join(str(round(float(str(row['a_rss'])))) for row in rows)} MiB |",
            flush=True,
        )
    print(f"\nMedians of {args.rounds} alternating pairs per command.")


if __name__ == "__main__":
    main()
