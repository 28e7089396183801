"""The Ray engine: `claims extract --engine ray` and `claims diff --engine ray`, on Ray Data.

Extraction: this process loads the articles with `load.iter_documents` and asks the store, exactly as
the local engine does (`corpus.iter_extract`), so bad files get the same warnings and unchanged files
are never parsed. The documents to parse go into Ray's object store a block at a time, a Ray Data
pipeline maps them with `Extractor` (a stateful class: each worker builds the spaCy pipeline once and
runs `extract.extract` on its batches) and the results stream back in input order into the store.

Reconciliation: a Parquet dataset of claims is read on the cluster, split with `reconcile.event_groups`
in one task, each group reconciled with `reconcile.reconcile_group` in a task of its own, and the
diffs merged here with `reconcile.merge_diffs`: the same three functions `reconcile.reconcile` is
made of, so both engines give the same diff whatever those functions do inside.

Claims and documents cross the cluster as JSON. Ray is imported here only, and only when asked for:
the default install does not have it.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import corpus, load, parquet
from .errors import ClusterError
from .models import CLAIMS, Claim, Diff, Document, Resolution
from .store import pipeline_version

if TYPE_CHECKING:
    import pyarrow as pa
    from spacy.language import Language

log = logging.getLogger(__name__)
INSTALL = parquet.INSTALL
# Documents per block sent to the cluster and per call of a worker: small enough that work spreads
# evenly and results stream back soon, large enough that Ray's per-task cost stays small.
BLOCK = 16


def require() -> None:
    """ClusterError (exit 2) naming the install command when the `cluster` extra is missing."""
    try:
        import pyarrow  # noqa: F401
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        raise ClusterError(f"--engine ray needs Ray, from the cluster extra: {INSTALL}") from None


@contextmanager
def session(address: str | None = None, num_cpus: int = 0) -> Iterator[None]:
    """Join the Ray cluster at `address`, or start a fresh local one on `num_cpus` cores (0: all), and
    leave it at the end. A session the caller already holds (a test, a notebook) is used and kept."""
    import ray

    _raylet_messages_to_stderr()
    if ray.is_initialized():
        _configure_data()
        yield
        return
    level = logging.WARNING if log.getEffectiveLevel() >= logging.WARNING else logging.INFO
    try:
        if address:
            ray.init(address=address, logging_level=level, log_to_driver=False)
        else:
            # "local", not None: never wander into some other Ray instance that happens to run here.
            ray.init(address="local", num_cpus=num_cpus or load.cpu_count(), include_dashboard=False,
                     logging_level=level, log_to_driver=False)
    except (ConnectionError, TimeoutError) as exc:
        raise ClusterError(f"cannot join the Ray cluster at {address} ({exc}); is `ray start --head` running "
                           "there, is the address the one it printed, and (token authentication) is RAY_AUTH_MODE=token "
                           "set here, with the cluster's ~/.ray/auth_token? See README, Running on a cluster") from None
    try:
        _configure_data()
        cpus = int(ray.cluster_resources().get("CPU", 0))
        log.info("%s (CPUs: %d)", f"joined the Ray cluster at {address}" if address else "started a local Ray", cpus)
        yield
    finally:
        ray.shutdown()


def _raylet_messages_to_stderr() -> None:
    """Ray prints the raylet's messages to the driver ("8 PYTHON worker processes have been started ...")
    on stdout, whatever `log_to_driver` says, where they would break the JSON a command prints: send them
    to stderr with the logs."""
    import ray._private.worker as ray_worker

    printer = ray_worker.print_to_stdstream
    if getattr(printer, "to_stderr", False):
        return

    def to_stderr(data: dict, ignore_prefix: bool) -> None:
        printer({**data, "is_err": True}, ignore_prefix)

    to_stderr.to_stderr = True  # type: ignore[attr-defined]
    ray_worker.print_to_stdstream = to_stderr


def _configure_data() -> None:
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # results come back in input order
    ctx.enable_progress_bars = False  # the CLI draws its own
    if log.getEffectiveLevel() >= logging.WARNING:
        logging.getLogger("ray.data").setLevel(logging.ERROR)


def _workers(jobs: int, blocks: int) -> int:
    import ray

    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, min(jobs or cpus, blocks))


class Extractor:
    """A Ray Data callable class: one per worker process. It builds the spaCy pipeline once, then turns
    each batch of documents (JSON) into their claims (JSON), one row per document. An error on one
    document is returned in its row, not raised, so the rest of the batch and the run go on."""

    def __init__(self, pipeline: Callable[[], Language] | None = None):
        from .nlp import build

        self.nlp = (pipeline or build)()
        self.version = pipeline_version()

    def _claims(self, documents: list[Document]) -> list[list[Claim]]:
        from .extract import extract

        return [claims for _, claims, _ in extract(((d, None) for d in documents), nlp=self.nlp)]

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        documents = [Document.model_validate_json(text) for text in batch.column("document").to_pylist()]
        errors = [""] * len(documents)
        try:
            found = self._claims(documents)
        except Exception:  # noqa: BLE001 - find which document fails, keep the others
            found = []
            for i, document in enumerate(documents):
                try:
                    found.extend(self._claims([document]))
                except Exception as exc:  # noqa: BLE001 - reported on the driver as a warning naming the file
                    found.append([])
                    errors[i] = f"{type(exc).__name__}: {exc}"
        return pa.table({
            "index": batch.column("index"),
            "document": batch.column("document"),
            "claims": pa.array([CLAIMS.dump_json(claims).decode() for claims in found], pa.large_string()),
            "error": pa.array(errors, pa.string()),
            "version": pa.array([self.version] * len(documents), pa.string()),
        })


def _block(rows: list[tuple[int, str]]) -> pa.Table:
    import pyarrow as pa

    return pa.table({"index": pa.array([i for i, _ in rows], pa.int64()),
                     "document": pa.array([d for _, d in rows], pa.large_string())})


def _extract(items: Iterable[tuple[Document, list[Claim] | None]], jobs: int = 0, *, report: load.LoadReport,
             address: str | None, pipeline: Callable[[], Language] | None,
             ) -> Iterator[tuple[Document, list[Claim], bool]]:
    """`extract.extract`'s contract on Ray: (document, claims, parsed_now) in input order; a document a
    worker fails on is a warning naming its file, and is left out."""
    import ray
    import ray.data

    version = pipeline_version()
    with session(address, jobs):
        held: deque[tuple[int, Document, list[Claim]]] = deque()  # from the store, waiting for their turn
        refs, rows = [], []
        for position, (document, cached) in enumerate(items):
            if cached is not None:
                held.append((position, document, cached))
                continue
            # Only references stay here: the text waits in Ray's object store, which spills to disk.
            rows.append((position, document.model_dump_json()))
            if len(rows) == BLOCK:
                refs.append(ray.put(_block(rows)))
                rows = []
        if rows:
            refs.append(ray.put(_block(rows)))

        def release(before: float) -> Iterator[tuple[Document, list[Claim], bool]]:
            while held and held[0][0] < before:
                _, document, claims = held.popleft()
                yield document, claims, False

        if refs:
            kwargs = {"fn_constructor_kwargs": {"pipeline": pipeline}} if pipeline else {}
            results = ray.data.from_arrow_refs(refs).map_batches(
                Extractor, batch_format="pyarrow", batch_size=BLOCK, num_cpus=1,
                compute=ray.data.ActorPoolStrategy(size=_workers(jobs, len(refs))), **kwargs)
            for batch in results.iter_batches(batch_size=None, batch_format="pyarrow"):
                for row in batch.to_pylist():
                    yield from release(row["index"])
                    if row["version"] != version:
                        raise ClusterError(f"a Ray worker runs pipeline {row['version']}, this machine {version}: "
                                           "install the same istanbul-claims (code and data/) on every node")
                    document = Document.model_validate_json(row["document"])
                    if row["error"]:
                        report.warn(Path(document.path), f"extraction failed on a Ray worker ({row['error']}); "
                                                         "skipped")
                        continue
                    yield document, CLAIMS.validate_json(row["claims"]), True
        yield from release(float("inf"))


def iter_extract(paths: Iterable[Path], store_path: Path, report: load.LoadReport, jobs: int = 0,
                 address: str | None = None, progress: Callable[[Document], None] | None = None,
                 pipeline: Callable[[], Language] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """`corpus.iter_extract` with the parsing on Ray: `jobs` workers (0: one per CPU of the cluster).
    Ray starts only if some file needs parsing. `pipeline` builds the spaCy pipeline on each worker
    (default `nlp.build`)."""
    require()
    extractor = partial(_extract, report=report, address=address, pipeline=pipeline)
    return corpus.iter_extract(paths, store_path, report, jobs=jobs, progress=progress, extractor=extractor)


def _event_groups(table: pa.Table) -> pa.Table:
    """The whole dataset in one batch, out as one row per event group (its claims as JSON)."""
    import pyarrow as pa

    from .aliases import merge_corpus
    from .reconcile import event_groups

    # Names merge across the whole corpus, as the local engine does: this task sees every claim.
    groups = event_groups(merge_corpus(parquet.from_table(table)))
    return pa.table({"group": pa.array([CLAIMS.dump_json(g).decode() for g in groups], pa.large_string())})


def _reconcile_groups(table: pa.Table, resolutions: dict[str, dict]) -> pa.Table:
    import pyarrow as pa

    from .reconcile import reconcile_group

    verdicts = {k: Resolution.model_validate(v) for k, v in resolutions.items()}
    diffs = [reconcile_group(CLAIMS.validate_json(g), verdicts).model_dump_json()
             for g in table.column("group").to_pylist()]
    return pa.table({"diff": pa.array(diffs, pa.large_string())})


def diff(folder: Path, resolutions: dict[str, Resolution], topic: str | None = None, address: str | None = None,
         jobs: int = 0) -> Diff:
    """`reconcile.reconcile` over a Parquet dataset of claims, with grouping and reconciling on Ray."""
    require()
    import ray.data

    from .reconcile import merge_diffs

    files = [str(f) for f in parquet.part_files(folder)]
    verdicts = {k: v.model_dump(mode="json") for k, v in resolutions.items()}
    diffs: list[Diff] = []
    with session(address, jobs):
        # event_groups sees every claim at once (it decides what an event is), in one task.
        grouped = (ray.data.read_parquet(files).repartition(1)
                   .map_batches(_event_groups, batch_size=None, batch_format="pyarrow").materialize())
        count = grouped.count()
        if count:
            results = grouped.repartition(count).map_batches(
                _reconcile_groups, fn_kwargs={"resolutions": verdicts}, batch_size=1, batch_format="pyarrow")
            for batch in results.iter_batches(batch_size=None, batch_format="pyarrow"):
                diffs.extend(Diff.model_validate_json(text) for text in batch.column("diff").to_pylist())
    return merge_diffs(diffs, resolutions, topic)
