"""`make bench`: extraction throughput against plain en_core_web_sm, cached re-runs, reconcile scaling, and
the Ray engine against the local one on the same corpus and cores.

Builds a corpus of N articles (default 2,000; --articles N) by recombining and perturbing sentences of
seeds/ (numbers, names, order), runs both pipelines side by side in one process, prints a table and
writes bench/results.json. `--engines` times only local against Ray (a few minutes for 2,000
articles on 2 cores); `--no-ray` skips Ray (so does a machine without the cluster extra). A benchmark,
not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
NAMES = [("Vladimir Medinsky", "Vladimir Medinskiy"), ("Rustem Umerov", "Rustam Umerov"),
         ("Volodymyr Zelensky", "Zelenskyy"), ("Hakan Fidan", "Fidan")]


def build_corpus(n: int, folder: Path, seed: int = 7) -> list[Path]:
    from istanbul_claims import load

    rng = random.Random(seed)
    sentences = []
    for doc in load.load([ROOT / "seeds"]).documents:
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", doc.body) if len(s.strip()) > 40]
    paths = []
    for i in range(n):
        picked = rng.sample(sentences, k=min(len(sentences), 25))
        text = " ".join(picked)
        text = re.sub(r"\d[\d,]*", lambda m: f"{int(m[0].replace(',', '')) + rng.randint(0, 3):,}", text)
        for a, b in NAMES:
            if rng.random() < 0.5:
                text = text.replace(a, b)
        path = folder / f"{i:05d}.txt"
        path.write_text(f"Article {i}\n\nJune 2, 2025\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def time_it(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def synthetic_claims(n: int, seed: int = 3):
    from istanbul_claims.models import FigureClaim, FigureValue

    rng = random.Random(seed)
    subjects = ["body", "age", "child", "prisoner", "ceasefire", "part", "region", "aircraft"]
    claims = []
    for i in range(n):
        value = rng.choice([6000, 6000, 1000, 339, 25, 30])
        claims.append(FigureClaim(
            id=f"c{i}", doc=f"d{i % 2000}", text=str(value), sentence=f"s{i}", start=0, end=1,
            topics=["prisoners"], event=rng.choice(["main", "main", "earlier:2025-05"]),
            value=FigureValue(min=value, max=value, subject=rng.choice(subjects), frame=rng.choice([None, "transfer"]),
                              basis=rng.choice([None, "unilateral", "reciprocal"]))))
    return claims


def ray_vs_local(folder: Path, tmp: Path, jobs: int, local_s: float | None = None,
                 local_store: Path | None = None) -> dict:
    """Both engines from an empty store over the same folder with `jobs` workers; Ray's time includes
    starting a fresh local Ray on `jobs` CPUs, as `claims extract --engine ray` does."""
    from istanbul_claims import cluster, corpus, load

    if local_s is None or local_store is None:
        local_store = tmp / "local.db"
        local_s = time_it(lambda: corpus.extract_paths([folder], local_store, jobs=jobs))
    ray_store = tmp / "ray.db"

    def on_ray() -> None:
        for _ in cluster.iter_extract([folder], ray_store, load.LoadReport(), jobs=jobs):
            pass

    def startup() -> None:
        with cluster.session(num_cpus=jobs):
            pass

    ray_s = time_it(on_ray)
    same = corpus.stored(ray_store).claims == corpus.stored(local_store).claims
    return {"local_extract_s": local_s, "ray_extract_s": ray_s, "ray_overhead": ray_s / local_s - 1,
            "ray_start_stop_s": time_it(startup), "ray_same_claims": same}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes for our extraction (0: all cores)")
    ap.add_argument("--engines", action="store_true", help="only time the Ray engine against the local one")
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    args = ap.parse_args()
    try:
        import ray  # noqa: F401
    except ImportError:
        if args.engines:
            sys.exit("--engines needs the cluster extra: pip install -e '.[cluster]'")
        args.no_ray = True

    import spacy

    from istanbul_claims import corpus
    from istanbul_claims.load import cpu_count
    from istanbul_claims.nlp.pipeline import MODEL
    from istanbul_claims.reconcile import reconcile

    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()} {platform.processor()}",
                     "python": sys.version.split()[0], "articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = build_corpus(args.articles, folder)
        n_words = words(paths)
        results["words"] = n_words
        jobs = args.jobs or cpu_count()
        results["jobs"] = jobs
        if args.engines:
            results.update(ray_vs_local(folder, Path(tmp), jobs))
            return report(results, args)

        plain = spacy.load(MODEL)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        base = time_it(lambda: [None for _ in plain.pipe(texts, batch_size=16)])
        store = Path(tmp) / "claims.db"
        ours = time_it(lambda: corpus.extract_paths([folder], store, jobs=jobs))
        cached = time_it(lambda: corpus.extract_paths([folder], store, jobs=jobs))
        claims = corpus.stored(store).claims
        diff_time = time_it(lambda: reconcile(claims))
        # Start-up: the whole `claims diff` command on the filled store against a bare interpreter.
        env = {**os.environ, "CLAIMS_STORE": str(store)}
        bare = median(time_it(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
                      for _ in range(9))

        def diff_cli() -> None:
            subprocess.run([sys.executable, "-m", "istanbul_claims", "diff", "--topic", "prisoners"], env=env,
                           check=True, stdout=subprocess.DEVNULL)

        cold = time_it(diff_cli)  # computes, prints and saves the render
        warm = median(time_it(diff_cli) for _ in range(9))  # answered by the fast path
        results.update(python_pass_s=bare, claims_diff_first_s=cold, claims_diff_again_s=warm,
                       startup_ratio=warm / bare)
        results.update(baseline_words_per_s=n_words / base, ours_words_per_s=n_words / ours,
                       ratio=base / ours, cached_rerun_s=cached, diff_on_stored_s=diff_time, claims=len(claims))
        if not args.no_ray:
            results.update(ray_vs_local(folder, Path(tmp), jobs, local_s=ours, local_store=store))
    for n in (1_000, 10_000, 100_000):
        synthetic = synthetic_claims(n)
        results[f"reconcile_{n}_s"] = time_it(lambda s=synthetic: reconcile(s))
    return report(results, args)


def report(results: dict, args: argparse.Namespace) -> int:
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"istanbul-claims bench ({args.articles} articles, {results['words']:,} words)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in results.items():
        table.add_row(key, f"{value:,.3f}" if isinstance(value, float) else str(value))
    Console().print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
