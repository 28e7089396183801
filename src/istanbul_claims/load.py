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

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# A date line's date: "June 2, 2025", "Friday, 16 May 2025", "2nd of June 2025", "24.05.2025", "2025-05-24".
_DATE_LINE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}){_ORDINAL},?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})(?P<sep>[./])(?P<m3>\d{{1,2}})(?P=sep)(?P<y3>\d{{4}})"
    rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{1,2}})-(?P<d4>\d{{1,2}}))(?![\w-])",
    re.I,
)
# A wire dateline opening the first paragraph: "ISTANBUL, 23 July 2025 (Reuters) - The envoys ...".
_DATELINE_PLACE = re.compile(r"[^\W\d][\w.'\u2019 -]{0,40},\s*")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014:]")
# "By Marta Kowalska and Jan Nowak": a header line naming the writers, never the headline.
_BYLINE = re.compile(r"[Bb]y\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}(?:\s*(?:,|and|&)\s+[A-Z].*)?$")
_HTML = re.compile(r"<\s*(html|body|p|div|br|head|!doctype)\b", re.I)
# A date line among an article's first this many lines still belongs to its header.
_HEADER_LINES = 6
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

    # Header: every line before the first prose paragraph (title, outlet, date line, captions), and
    # through a date line just below it: a long headline may end like a sentence.
    filled = [i for i, (_, _, line) in enumerate(lines) if line.strip()]
    body_at = next((i for i in filled if _is_prose(lines[i][2].strip())
                    and not _matches_any(cfg["drop_lines"], lines[i][2].strip())), len(lines))
    dated = [i for i in filled[:_HEADER_LINES] if i > body_at and _is_date_line(lines[i][2].strip())]
    if dated:
        body_at = next((i for i in filled if i > dated[-1]), len(lines))
    candidates: list[tuple[int, int, str]] = []
    for start, end, line in lines[:body_at]:
        stripped = line.strip()
        if not stripped:
            continue
        furniture.append((start, end))
        if not _matches_any(cfg["drop_lines"], stripped) and not _DATE_LINE.search(stripped) \
                and not _outlet(stripped, cfg["outlets"], whole_line=True) and not _BYLINE.match(stripped):
            candidates.append((start, end, stripped))
    # The headline is the header line with the most words ("Bosphorus Live Desk", "ANKARA" and "By a
    # staff reporter" are shorter); a breadcrumb that ends with another header line is not it.
    candidates = [c for c in candidates if not any(o is not c and c[2].endswith(o[2]) for o in candidates)]
    if candidates:
        start, end, title = max(candidates, key=lambda c: len(c[2].split()))
        # The headline carries claims of its own ("Kyiv says 84 detainees are home"): it is read as the
        # article's first sentence, while the rest of the header stays blanked.
        furniture.remove((start, end))
    for _, _, line in lines[:body_at]:
        stripped = line.strip()
        outlet = outlet or _outlet(stripped, cfg["outlets"], whole_line=True)
        if published is None and (m := _DATE_LINE.search(stripped)):
            published = _date_from(m)
            # "Istanbul, 23 July 2025 (Reuters)": the outlet in brackets on the date line.
            outlet = outlet or _outlet(" ".join(re.findall(r"\(([^)]*)\)", stripped)), cfg["outlets"], False)
    if published is None and body_at < len(lines):
        published = _dateline(lines[body_at][2].strip())

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


def _is_date_line(line: str) -> bool:
    """A short line giving a date ("Moscow, 2 August 2024", "Thursday, 24 July 2025, 09:30")."""
    return len(line) < 80 and not _is_prose(line) and _DATE_LINE.search(line) is not None


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
    if m["y4"]:
        year, month, day = int(m["y4"]), int(m["m4"]), int(m["d4"])
    elif m["y3"]:
        year, month, day = int(m["y3"]), int(m["m3"]), int(m["d3"])
        if month > 12 >= day:
            month, day = day, month  # "05/24/2025": month first, as US outlets write it
    else:
        name = (m["m1"] or m["m2"]).lower().rstrip(".")
        month = next(i for i, full in enumerate(_MONTH_NAMES, 1) if full.startswith(name[:3]))
        year, day = int(m["y1"] or m["y2"]), int(m["d1"] or m["d2"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dateline(line: str) -> dt.date | None:
    """The date of a wire dateline opening the first paragraph, if it has one."""
    m = _DATE_LINE.search(line, 0, 80)
    if m is None or not (m.start() == 0 or _DATELINE_PLACE.fullmatch(line[:m.start()])):
        return None
    return _date_from(m) if _DATELINE_TAIL.match(line, m.end()) else None


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
