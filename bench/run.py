"""`make bench`: extraction throughput against plain en_core_web_sm at equal cores, the first
`claims diff` against reading the same claims as JSON, peak memory on a figure-packed article, and
reconcile scaling.

Builds a corpus of N articles (default 1,000; --articles N) by recombining and perturbing sentences of
seeds/ (numbers, names, order), plus the seeds. Plain en_core_web_sm runs as
`nlp.pipe(n_process=jobs)`, the same number of processes as `claims extract --jobs jobs`; both are
timed as whole processes (bench/plain_spacy.py against the `claims` command) and in one process.
Then the Ray engine against the local one on the same folder and workers (unless --no-ray or the
cluster extra is missing). Prints a table with the targets and writes bench/results.json; exits 1 when
a target is missed.
A benchmark, not a test: timings depend on the machine and its load.
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


def figures_article(folder: Path, size: int = 1_000_000, seed: int = 5) -> tuple[Path, int]:
    """One article of `size` characters packed with figures (about 40,000 in 1 MB), in paragraphs."""
    rng = random.Random(seed)
    nouns = ["prisoners", "soldiers", "bodies", "civilians", "drones", "regions", "days", "hours", "children"]
    verbs = ["freed", "counted", "listed", "returned", "reported", "named", "sent", "held"]
    paragraphs, sentences, length, count = [], [], 0, 0
    while length < size:
        sentence = (f"Officials {rng.choice(verbs)} {rng.randint(2, 99999):,} {rng.choice(nouns)} "
                    f"and {rng.randint(2, 9999):,} {rng.choice(nouns)}.")
        sentences.append(sentence)
        length += len(sentence) + 1
        count += 2
        if len(sentences) == 8:
            paragraphs.append(" ".join(sentences))
            sentences = []
    paragraphs.append(" ".join(sentences))
    path = folder / "figures.txt"
    path.write_text("Figures\n\nJune 2, 2025\n\n" + "\n\n".join(p for p in paragraphs if p) + "\n", encoding="utf-8")
    return path, count


def words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def time_it(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_it(fn) -> tuple[float, float]:
    """(wall, CPU) seconds of `fn` in this process and the worker processes it waits for."""
    start, cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - start, _cpu() - cpu


def run_timed(cmd: list[str], env: dict | None = None) -> float:
    """Wall time of a whole process, its output discarded."""
    return run_cpu(cmd, env)[0]


def run_cpu(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of a whole process and the workers it starts, its output discarded. CPU
    time is the fairer measure on a machine other work shares; wall time is what a user waits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


# Runs a command and prints the peak resident memory (KB) of the largest process it started.
_PEAK_RSS = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mb(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of a whole process."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _PEAK_RSS, *cmd], check=True, capture_output=True, text=True, env=env)
    return int(out.stdout.split()[-1]) / 1024, time.perf_counter() - start


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


CLAIMS = [sys.executable, "-m", "istanbul_claims"]
PLAIN = [sys.executable, str(ROOT / "bench" / "plain_spacy.py")]
# The targets of the speed issue: what `make bench` checks.
TARGETS = {"ratio_whole_process": (">=", 2.5), "first_diff_ratio": ("<", 2.0), "figures_article_peak_rss_mb": ("<", 500),
           "ray_overhead": ("<", 0.2)}


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
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    ap.add_argument("--jobs", type=int, default=0, help="processes for both pipelines (0: all cores)")
    ap.add_argument("--skip-in-process", action="store_true", help="only the whole-process comparison")
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray engine against the local one")
    args = ap.parse_args()
    try:
        import ray  # noqa: F401
    except ImportError:
        args.no_ray = True  # the cluster extra is not installed

    from istanbul_claims import corpus
    from istanbul_claims.load import cpu_count
    from istanbul_claims.nlp.pipeline import MODEL
    from istanbul_claims.reconcile import reconcile

    jobs = args.jobs or cpu_count()
    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()} {os.cpu_count()} cores",
                     "python": sys.version.split()[0], "articles": args.articles, "jobs": jobs}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = build_corpus(args.articles, folder)
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            paths.append(folder / seed.name)
            paths[-1].write_bytes(seed.read_bytes())
        n_words = words(paths)
        results.update(documents=len(paths), words=n_words)
        env = {**os.environ, "CLAIMS_STORE": str(Path(tmp) / "whole.db")}

        # Equal cores, whole processes: start-up, model loading, reading files and (ours) the store.
        base, base_cpu = run_cpu([*PLAIN, str(folder), "--jobs", str(jobs)])
        ours, ours_cpu = run_cpu([*CLAIMS, "extract", str(folder), "--jobs", str(jobs), "--format", "jsonl"], env=env)
        results.update(plain_whole_words_per_s=n_words / base, ours_whole_words_per_s=n_words / ours,
                       ratio_whole_process=base / ours, plain_whole_cpu_s=base_cpu, ours_whole_cpu_s=ours_cpu,
                       ratio_whole_process_cpu=base_cpu / ours_cpu)
        results["cached_rerun_s"] = run_timed([*CLAIMS, "extract", str(folder), "--format", "jsonl"], env=env)

        if not args.skip_in_process:
            # Equal cores, in one process: model loading and the pipelines only.
            import spacy

            texts = [p.read_text(encoding="utf-8") for p in paths]
            base, base_cpu = cpu_it(lambda: sum(1 for _ in spacy.load(MODEL).pipe(texts, batch_size=16, n_process=jobs)))
            ours, ours_cpu = cpu_it(lambda: corpus.extract_paths([folder], Path(tmp) / "inproc.db", jobs=jobs))
            results.update(plain_in_process_words_per_s=n_words / base, ours_in_process_words_per_s=n_words / ours,
                           ratio_in_process=base / ours, ratio_in_process_cpu=base_cpu / ours_cpu)

        if not args.no_ray:
            # The Ray engine against the local one, same folder and workers, each from an empty store.
            results.update(ray_vs_local(folder, Path(tmp), jobs))

        stored = corpus.stored(Path(env["CLAIMS_STORE"])).claims
        results["claims"] = len(stored)
        results["reconcile_stored_s"] = time_it(lambda s=stored: reconcile(s))
        # A first `claims diff` (nothing is cached between calls) against reading the same claims as JSON.
        as_json = Path(tmp) / "claims.json"
        as_json.write_text(json.dumps([c.model_dump(mode="json") for c in stored]))
        load_json = [sys.executable, "-c", f"import json; json.load(open({str(as_json)!r}))"]
        json_s = median(run_timed(load_json) for _ in range(5))
        diff_s = median(run_timed([*CLAIMS, "diff", "--topic", "prisoners"], env=env) for _ in range(5))
        diff_json_s = median(run_timed([*CLAIMS, "diff", "--topic", "prisoners", "--format", "json"], env=env)
                             for _ in range(5))
        results.update(json_load_s=json_s, claims_diff_s=diff_s, first_diff_ratio=diff_s / json_s,
                       claims_diff_json_s=diff_json_s, first_diff_json_ratio=diff_json_s / json_s)

        # Memory bounded by the work: one 1 MB article of 40,000 figures, one process.
        big = Path(tmp) / "big"
        big.mkdir()
        article, figures = figures_article(big)
        rss, wall = peak_rss_mb([*CLAIMS, "extract", str(article), "--jobs", "1", "--format", "jsonl"],
                                env={**os.environ, "CLAIMS_STORE": str(big / "claims.db")})
        results.update(figures_article_figures=figures, figures_article_peak_rss_mb=rss, figures_article_s=wall)
    for n in (1_000, 10_000, 100_000):
        synthetic = synthetic_claims(n)
        results[f"reconcile_{n}_s"] = time_it(lambda s=synthetic: reconcile(s))

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"istanbul-claims bench ({results['documents']} articles, {results['words']:,} words, "
                        f"{jobs} processes each)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target")
    missed = []
    for key, value in results.items():
        target = ""
        if key in TARGETS:
            op, limit = TARGETS[key]
            ok = value >= limit if op == ">=" else value < limit
            target = f"{op} {limit} {'ok' if ok else 'MISSED'}"
            if not ok:
                missed.append(key)
        table.add_row(key, f"{value:,.3f}" if isinstance(value, float) else str(value), target)
    Console().print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
