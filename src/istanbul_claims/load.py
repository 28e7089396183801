"""Read article files into `Document` models: decode, find title, outlet and date line, mark furniture.

Bad files never stop a run: each one is skipped (or decoded best-effort) with one warning naming it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import rules
from .errors import InputError
from .models import Document

log = logging.getLogger(__name__)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = re.compile(
    rf"\b(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\s+(?P<y2>\d{{4}}))\b"
)
_HTML = re.compile(r"<\s*(html|body|p|div|br|head|!doctype)\b", re.I)
# Files larger than this are read but warned about: spaCy sees them in paragraph-sized chunks.
LARGE_FILE = 5_000_000


@dataclass
class LoadReport:
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Called with each warning as it happens (the CLI prints it to stderr at once).
    listener: Callable[[str], None] | None = None

    def warn(self, path: Path | None, message: str) -> None:
        line = f"{path}: {message}" if path is not None else message
        self.warnings.append(line)
        if self.listener:
            self.listener(line)


def collect(paths: Iterable[Path | str]) -> list[Path]:
    """Expand folders into their .txt files (sorted); a missing path is an InputError."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and not p.is_dir())
            if not found:
                raise InputError("folder holds no .txt articles; point at a folder of .txt files", path)
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise InputError("no such file or folder; check the path", path)
    return files


def load(paths: Iterable[Path | str]) -> LoadReport:
    """Load every article under `paths` into memory; raises InputError when none could be read."""
    report = LoadReport()
    report.documents = list(iter_documents(paths, report))
    return report


def iter_documents(paths: Iterable[Path | str], report: LoadReport) -> Iterator[Document]:
    """Yield articles one at a time, so memory does not grow with the corpus. Bad files become
    warnings in `report`; InputError when the paths hold no readable article at all."""
    files = collect(paths)
    usual = _usual_dates(files)
    seen: dict[str, Path] = {}
    for path in files:
        try:
            raw = _read_bytes(path)
            text = decode(raw, path, report)
        except InputError as exc:
            report.warn(None, str(exc))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if digest in seen:
            report.warn(path, f"same article as {seen[digest]}; counted once")
            continue
        seen[digest] = path
        document = parse(text, path, digest)
        # An undated article is read against the date most of its fellow articles carry.
        document.reference = document.published or usual.get(path)
        yield document
    if not seen:
        raise InputError("no readable article among the given paths; see the warnings above")


def _usual_dates(files: list[Path], head: int = 4096) -> dict[Path, dt.date]:
    """For each undated file, the date line most of its nearest fellow articles carry: those whose names
    share the longest prefix with it (a folder may hold several events, each saved under its own
    names), read from the first bytes of each file (a cheap first pass)."""
    dated: dict[Path, dt.date] = {}
    for path in files:
        try:
            with open(path, "rb") as fh:
                text = fh.read(head).decode("utf-8", errors="ignore").replace("\r\n", "\n")
        except OSError:
            continue
        published = parse(text, path, "").published if text.strip() else None
        if published:
            dated[path] = published
    out: dict[Path, dt.date] = {}
    for path in files:
        if path in dated or not dated:
            continue
        shared = {p: len(os.path.commonprefix([path.name, p.name])) for p in dated}
        best = max(shared.values())
        dates = Counter(dated[p] for p, n in shared.items() if n == best)
        out[path] = dates.most_common(1)[0][0]
    return out


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_symlink():
            path.resolve(strict=True)
        if path.stat().st_size > LARGE_FILE:
            log.info("%s: large file (%d bytes); processed in chunks", path, path.stat().st_size)
        return path.read_bytes()
    except RuntimeError:
        raise InputError("symlink loop; remove or fix the link", path) from None
    except PermissionError:
        raise InputError("permission denied; make the file readable (chmod +r)", path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not an article file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror}); check the file", path) from None


def decode(raw: bytes, path: Path, report: LoadReport | None = None) -> str:
    """Bytes to text with LF line ends: UTF-8 (BOM or not), UTF-16 by BOM, else cp1252 with a warning."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    elif b"\x00" in raw[:8192]:
        raise InputError("binary file, not text; skipped", path)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            if report is not None:
                report.warn(path, "not UTF-8; decoded as cp1252 (save it as UTF-8 to silence this)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML.search(text[:4096]):
        text = strip_html(text)
        if report is not None:
            report.warn(path, "HTML saved as .txt; tags stripped")
    if not text.strip():
        raise InputError("empty file; nothing to read", path)
    return text


class _TextOnly(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "title", "section", "article"}
    _SKIP = {"script", "style", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def strip_html(text: str) -> str:
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    out = html.unescape("".join(parser.parts))
    return re.sub(r"\n[ \t]*\n(\s*\n)+", "\n\n", out).strip("\n") + "\n"


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _matches_any(patterns: list[str], line: str) -> bool:
    return any(re.search(p, line) for p in patterns)


def parse(text: str, path: Path, sha256: str) -> Document:
    """Split an article's text into title, outlet, date line and body; mark everything else furniture."""
    cfg = rules.cues()["loader"]
    lines = _lines(text)
    furniture: list[tuple[int, int]] = []
    title = ""
    outlet: str | None = None
    published: dt.date | None = None

    # Header: every line before the first prose paragraph (title, outlet, date line, captions).
    body_at = len(lines)
    for i, (start, end, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if _is_prose(stripped) and not _matches_any(cfg["drop_lines"], stripped):
            body_at = i
            break
        # The title is the last plain header line: breadcrumbs and date lines come before it.
        if not _matches_any(cfg["drop_lines"], stripped) and not _DATE_LINE.search(stripped) \
                and not _outlet(stripped, cfg["outlets"], whole_line=True):
            title = stripped
        furniture.append((start, end))
    for _, _, line in lines[:body_at]:
        stripped = line.strip()
        outlet = outlet or _outlet(stripped, cfg["outlets"], whole_line=True)
        if published is None and (m := _DATE_LINE.search(stripped)):
            published = _date_from(m)

    # Trailing furniture: from the first end marker on, nothing is article text.
    drop_next = False
    for i in range(body_at, len(lines)):
        start, end, line = lines[i]
        stripped = line.strip()
        if not stripped:
            continue
        if _matches_any(cfg["end_markers"], stripped):
            outlet = outlet or _outlet(stripped, cfg["outlets"], whole_line=False)
            furniture.append((start, len(text)))
            break
        if drop_next and not stripped.endswith((".", "?", "!", "\u201d", '"')):
            furniture.append((start, end))
            drop_next = False
            continue
        drop_next = False
        if _matches_any(cfg["drop_lines"], stripped):
            furniture.append((start, end))
            drop_next = _matches_any(cfg["link_headers"], stripped)
    if not title:
        # No headline line: the article's first sentence stands in for it.
        first = lines[body_at][2].strip() if body_at < len(lines) else path.stem
        title = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0][:200]
    return Document(id=path.stem, path=str(path), title=title, outlet=outlet, published=published,
                    reference=published, sha256=sha256, text=text, furniture=furniture)


def _is_prose(line: str) -> bool:
    """A paragraph of article text: ends like a sentence and is long enough to be one."""
    return len(line) >= 60 and line.rstrip()[-1:] in ".!?\u201d\"" and " " in line


def _outlet(line: str, outlets: list[str], whole_line: bool) -> str | None:
    for name in outlets:
        pattern = rf"^{re.escape(name)}\s*$" if whole_line else rf"(?<![\w]){re.escape(name)}(?![\w])"
        if re.search(pattern, line, re.I):
            return name
    return None


def _date_from(m: re.Match) -> dt.date | None:
    month = m["m1"] or m["m2"]
    day = int(m["d1"] or m["d2"])
    year = int(m["y1"] or m["y2"])
    try:
        return dt.date(year, dt.datetime.strptime(month, "%B").month, day)
    except ValueError:
        return None


def iter_chunks(text: str, limit: int = 200_000) -> Iterable[tuple[int, str]]:
    """Paragraph-aligned (offset, text) chunks under `limit` chars, so huge files stay in bounded memory."""
    if len(text) <= limit:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
