"""Claims as a Parquet dataset: one row per claim, written by `claims extract --parquet DIR` (either
engine) and read by `claims diff --claims DIR`, so a cluster run can leave its claims on shared storage.

Columns are the claim models' fields: plain ones (strings, numbers, string lists) as Arrow columns,
anything nested (`value`) as a JSON string, so every claim kind fits one schema. The column list comes
from the models, so a field added there is carried without touching this module.

Each part file appears whole or not at all (written to a dot-file, then renamed). A run lists its parts
in `_manifest.json`, written last, and only then removes the previous run's parts: an interrupted run
leaves the previous dataset readable. Readers such as pandas, pyarrow and Ray skip `_` and `.` files.
pyarrow is imported here only, from the `cluster` extra.
"""

from __future__ import annotations

import json
import os
import tempfile
import types
import typing
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from .errors import ClaimsError, ClusterError
from .models import CLAIMS, ActorClaim, Claim, DateClaim, Document, FigureClaim, ProposalClaim

if TYPE_CHECKING:
    import pyarrow as pa

MANIFEST = "_manifest.json"
ROWS_PER_FILE = 50_000
INSTALL = "pip install -e '.[cluster]'"


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ClusterError(f"Parquet needs pyarrow, from the cluster extra: {INSTALL}") from None


def _plain_type(annotation: Any) -> str | None:
    """The Arrow type name for a field that maps to a plain column; None for one kept as JSON."""
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    args = set(typing.get_args(annotation)) if union else {annotation}
    args.discard(type(None))
    if len(args) != 1:
        return None
    (arg,) = args
    if typing.get_origin(arg) is Literal and all(isinstance(a, str) for a in typing.get_args(arg)):
        return "string"
    if typing.get_origin(arg) is list and typing.get_args(arg) == (str,):
        return "list<string>"
    return {str: "string", int: "int64", float: "float64", bool: "bool"}.get(arg)


def columns() -> dict[str, str | None]:
    """Every claim field, in model order, with its plain Arrow type (None: a JSON string column)."""
    out: dict[str, str | None] = {}
    for model in (FigureClaim, ActorClaim, DateClaim, ProposalClaim):
        for name, info in model.model_fields.items():
            plain = _plain_type(info.annotation)
            if out.get(name, plain) != plain:
                plain = None  # the kinds disagree on this field's type: JSON holds any of them
            out[name] = plain
    return out


def schema() -> pa.Schema:
    import pyarrow as pa

    types_ = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
              "list<string>": pa.list_(pa.string())}
    return pa.schema([(name, types_[plain] if plain else pa.string()) for name, plain in columns().items()])


def to_table(claims: Iterable[Claim]) -> pa.Table:
    import pyarrow as pa

    cols = columns()
    rows = []
    for claim in claims:
        row = claim.model_dump(mode="json")
        rows.append({name: row.get(name) if plain else json.dumps(row.get(name), ensure_ascii=False)
                     for name, plain in cols.items()})
    return pa.Table.from_pylist(rows, schema=schema())


def from_table(table: pa.Table) -> list[Claim]:
    """Claims from rows of a claims table (a whole file, or a batch on a Ray worker)."""
    cols = columns()
    rows = table.to_pylist()
    for row in rows:
        for name, plain in cols.items():
            if plain is None and isinstance(row.get(name), str):
                row[name] = json.loads(row[name])
    return CLAIMS.validate_python(rows)


def _publish(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write a file whole under a dot-name, then rename it into place: readers never see half of it.
    Readable as the umask allows, since other machines of the cluster read it (mkstemp makes 0600)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Writer:
    """Rolls claims into part files of ROWS_PER_FILE rows; `close` publishes the run."""

    def __init__(self, folder: Path, rows_per_file: int = ROWS_PER_FILE):
        require_pyarrow()
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise ClaimsError("--parquet needs a folder; this is a file", self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.run = uuid.uuid4().hex[:12]
        self.rows_per_file = rows_per_file
        self.pending: list[Claim] = []
        self.files: list[str] = []
        self.rows = 0

    def add(self, claims: Iterable[Claim]) -> None:
        self.pending.extend(claims)
        while len(self.pending) >= self.rows_per_file:
            self._flush(self.pending[:self.rows_per_file])
            del self.pending[:self.rows_per_file]

    def _flush(self, claims: list[Claim]) -> None:
        import pyarrow.parquet as pq

        name = f"part-{self.run}-{len(self.files):05d}.parquet"
        table = to_table(claims)
        _publish(self.folder / name, lambda fh: pq.write_table(table, fh))
        self.files.append(name)
        self.rows += len(claims)

    def close(self) -> None:
        """Write what is left (an empty part if the run found no claims, so the schema is there), the
        manifest, then drop the parts of earlier runs."""
        if self.pending or not self.files:
            self._flush(self.pending)
            self.pending = []
        manifest = json.dumps({"run": self.run, "files": self.files, "rows": self.rows}, indent=1) + "\n"
        _publish(self.folder / MANIFEST, lambda fh: fh.write(manifest.encode()))
        for old in self.folder.glob("part-*.parquet"):
            if old.name not in self.files:
                old.unlink(missing_ok=True)

    def abort(self) -> None:
        """An unfinished run takes its parts back; the previous run's dataset stays as it was."""
        for name in self.files:
            (self.folder / name).unlink(missing_ok=True)


def tee(stream: Iterator[tuple[Document, list[Claim]]], folder: Path) -> Iterator[tuple[Document, list[Claim]]]:
    """Pass an extraction stream through unchanged, writing its claims to a Parquet dataset on the way."""
    writer = Writer(folder)  # here, not in the generator: a missing pyarrow fails before any output

    def run() -> Iterator[tuple[Document, list[Claim]]]:
        try:
            for document, claims in stream:
                writer.add(claims)
                yield document, claims
        except BaseException:
            writer.abort()
            raise
        writer.close()

    return run()


def part_files(folder: Path) -> list[Path]:
    """The dataset's files in order: the manifest's, else (a dataset from another tool) every .parquet."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ClaimsError("no such folder; write claims there with `claims extract PATHS --parquet DIR`", folder)
    manifest = folder / MANIFEST
    if manifest.exists():
        try:
            files = [folder / name for name in json.loads(manifest.read_text(encoding="utf-8"))["files"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise ClaimsError(f"unreadable manifest ({exc}); rerun `claims extract ... --parquet DIR`",
                              manifest) from None
        missing = [f.name for f in files if not f.exists()]
        if missing:
            raise ClaimsError(f"the manifest lists missing files ({', '.join(missing[:3])}); rerun the extract",
                              folder)
        return files
    files = sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith(("_", ".")))
    if not files:
        raise ClaimsError("no Parquet claims here; write them with `claims extract PATHS --parquet DIR`", folder)
    return files


def read_claims(folder: Path) -> list[Claim]:
    """Every claim of the dataset, in the order it was written."""
    require_pyarrow()
    import pyarrow.parquet as pq

    claims: list[Claim] = []
    for path in part_files(folder):
        try:
            table = pq.read_table(path)
        except OSError as exc:
            raise ClaimsError(f"not a readable Parquet file ({exc})", path) from None
        claims.extend(from_table(table))
    return claims
