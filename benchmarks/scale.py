"""How mesocli grows with the knowledge base: 500 to 5,000 generated entries against the bundled one.

    python benchmarks/scale.py --work DIR [--rounds N] [--sizes 500,1000,2000,5000]

For each size: the time PyYAML's C loader alone takes to load the file, the first run (cold: empty
store, parse + check + build the database + show), the database's size, and warm ``show``, ``list``
and ``search`` as the median of paired ratios against the same command on the bundled knowledge base
(A and B run alternately), with each side's peak RSS. Prints Markdown for docs/performance.md.
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


def yaml_load_seconds(path: Path) -> float:
    """PyYAML's C loader alone on the file, in a child process (this one stays small: its children's
    peak RSS would otherwise include the pages they inherit)."""
    code = (
        "import sys, time, yaml; text = open(sys.argv[1], encoding='utf-8').read(); t = time.perf_counter(); "
        "yaml.load(text, Loader=yaml.CSafeLoader); print(time.perf_counter() - t)"
    )
    found = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return float(found.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--sizes", default="500,1000,2000,5000")
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    mesocli = str(Path(sys.executable).parent / "mesocli")
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "MESOCLI_KB")}
    env |= {"MESOCLI_CACHE_DIR": str(work / "cache"), "COLUMNS": "100"}
    print(
        "| entries | YAML file | PyYAML C load | first run | first / PyYAML | database | warm show | warm list "
        "| warm search | peak RSS show / list / search |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in [int(s) for s in args.sizes.split(",")]:
        path = work / f"kb-{size}.yaml"
        if not path.exists():
            subprocess.run([sys.executable, str(HERE / "make_kb.py"), str(path), str(size)], check=True)
        parse = yaml_load_seconds(path)
        cold_env = {**env, "MESOCLI_CACHE_DIR": str(work / f"cold-{size}")}
        shutil.rmtree(cold_env["MESOCLI_CACHE_DIR"], ignore_errors=True)
        kb = [mesocli, "--kb", str(path)]
        last = f"chemotherapy-{size - 1 - (size - 2) % 7}"  # generated entries cycle through the bundled seven
        cold = run_once([*kb, "show", last], cold_env)
        database = sum(f.stat().st_size for f in Path(cold_env["MESOCLI_CACHE_DIR"]).glob("kb-*.sqlite3"))
        r = args.rounds
        show = compare("show", [*kb, "show", last], [mesocli, "show", "chemotherapy"], r, env)
        listing = compare("list", [*kb, "list"], [mesocli, "list"], r, env)
        search = compare("search", [*kb, "search", "pain"], [mesocli, "search", "pain"], r, env)
        rows = (show, listing, search)
        print(
            f"| {size:,} | {path.stat().st_size / 2**20:.1f} MiB | {parse:.2f} s | {cold.seconds:.2f} s "
            f"| {cold.seconds / parse:.2f}x ({cold.max_rss_kib / 1024:.0f} MiB) | {database / 2**20:.1f} MiB "
            + " ".join(f"| {row['ratio']:.2f}x ({row['a_ms']:.0f} vs {row['b_ms']:.0f} ms)" for row in rows)
            + f" | {' / '.join(str(round(float(str(row['a_rss'])))) for row in rows)} MiB |",
            flush=True,
        )
    print(f"\nMedians of {args.rounds} alternating pairs per command.")


if __name__ == "__main__":
    main()
