"""The loader: the seeds, and every kind of bad file a folder of scraped pages holds."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from istanbul_claims import load
from istanbul_claims.errors import InputError

from .conftest import SEEDS

GOOD = "A headline\n\nJune 3, 2025\n\n" + "The talks in Vienna ended after two days, officials said on Tuesday. " * 3 + "\n"


@pytest.fixture(scope="module")
def seeds():
    return {d.id[:3]: d for d in load.load([SEEDS]).documents}


def test_folder_loads_every_txt_sorted(seeds):
    assert list(seeds) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize(("doc", "title"), [
    ("000", "Ceasefire Proposal and Prisoner Exchange Highlight Second Round of Peace Talks Between Ukraine and Russia"),
    ("002", "Ukraine, Russia begin second round of peace talks in Istanbul"),
    ("004", "Second round of Ukraine-Russia talks ends with PoW deal, no major breakthrough"),
    ("003", "The second round of talks between Russia and Ukraine took place in Istanbul on 2 June."),
])
def test_title_skips_breadcrumbs_and_captions(seeds, doc, title):
    assert seeds[doc].title == title


@pytest.mark.parametrize(("doc", "outlet"), [("002", "Reuters"), ("001", "teleSUR"), ("000", None)])
def test_outlet_where_the_text_shows_it(seeds, doc, outlet):
    assert seeds[doc].outlet == outlet


@pytest.mark.parametrize(("doc", "published"), [("000", dt.date(2025, 6, 2)), ("004", dt.date(2025, 6, 5)),
                                                ("003", None)])
def test_published_from_the_date_line(seeds, doc, published):
    assert seeds[doc].published == published


def test_undated_article_reads_against_the_corpus_date(seeds):
    assert seeds["003"].reference == dt.date(2025, 6, 2)


@pytest.mark.parametrize(("doc", "furniture"), [
    ("000", "Tags: Ukraine"), ("000", "Related Articles"), ("000", "Search"), ("001", "RELATED:"),
    ("001", "Russia to Resume Security Consultations"), ("001", "Source: EFE"), ("001", "teleSUR/ JF"),
    ("003", "Photo courtesy"), ("004", "RELATED ARTICLES"), ("004", "Most Popular"), ("002", "Tags"),
])
def test_body_drops_page_furniture(seeds, doc, furniture):
    assert furniture in seeds[doc].text
    assert furniture not in seeds[doc].body


def test_body_keeps_offsets_of_the_text(seeds):
    doc = seeds["004"]
    assert len(doc.body) == len(doc.text)
    at = doc.text.index("6,000 for 6,000")
    assert doc.body[at:at + 15] == "6,000 for 6,000"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load.load([tmp_path / "nope.txt"])


def test_folder_without_txt_is_an_input_error(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    with pytest.raises(InputError, match="no .txt"):
        load.load([tmp_path])


@pytest.mark.parametrize(("name", "data", "warning"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t \n", "empty"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 50, "binary"),
])
def test_unreadable_files_are_skipped_with_a_warning(tmp_path, name, data, warning):
    good = _write(tmp_path, "good.txt", GOOD.encode())
    bad = _write(tmp_path, name, data)
    report = load.load([good, bad])
    assert [d.id for d in report.documents] == ["good"]
    assert len(report.warnings) == 1 and name in report.warnings[0] and warning in report.warnings[0]


def test_only_bad_files_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no readable article"):
        load.load([_write(tmp_path, "empty.txt", b"")])


@pytest.mark.parametrize(("encoding", "prefix"), [("utf-8-sig", b""), ("utf-16", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_bom_and_utf16_decode_cleanly(tmp_path, encoding, prefix):
    path = _write(tmp_path, "a.txt", prefix + GOOD.replace("Vienna", "Zürich").encode(encoding))
    doc = load.load([path]).documents[0]
    assert doc.text.startswith("A headline") and "Zürich" in doc.text


def test_cp1252_decodes_with_a_warning(tmp_path):
    path = _write(tmp_path, "a.txt", GOOD.replace("Vienna", "Curaçao “north”").encode("cp1252"))
    report = load.load([path])
    assert "Curaçao “north”" in report.documents[0].text
    assert "cp1252" in report.warnings[0]


def test_crlf_offsets_point_into_the_loaded_text(tmp_path):
    path = _write(tmp_path, "a.txt", GOOD.replace("\n", "\r\n").encode())
    doc = load.load([path]).documents[0]
    assert "\r" not in doc.text
    assert doc.text[doc.text.index("two days"):][:8] == "two days"


def test_html_saved_as_txt_is_stripped(tmp_path):
    html = f"<html><head><script>alert(1)</script></head><body><h1>A headline</h1><p>{GOOD[30:]}</p></body></html>"
    report = load.load([_write(tmp_path, "page.txt", html.encode())])
    doc = report.documents[0]
    assert "<p>" not in doc.text and "alert" not in doc.text and "Vienna" in doc.text
    assert "HTML" in report.warnings[0]


def test_same_article_twice_is_counted_once(tmp_path):
    a = _write(tmp_path, "a.txt", GOOD.encode())
    b = _write(tmp_path, "b.txt", GOOD.encode())
    report = load.load([a, b])
    assert len(report.documents) == 1 and "counted once" in report.warnings[0]


def test_symlink_loop_is_skipped(tmp_path):
    _write(tmp_path, "good.txt", GOOD.encode())
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    report = load.load([tmp_path])
    assert [d.id for d in report.documents] == ["good"]
    assert "loop.txt" in report.warnings[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file, so permissions cannot be tested as root")
def test_unreadable_permissions_are_skipped(tmp_path):
    good = _write(tmp_path, "good.txt", GOOD.encode())
    locked = _write(tmp_path, "locked.txt", GOOD.encode() + b"x")
    locked.chmod(0)
    report = load.load([good, locked])
    assert "permission" in report.warnings[0]


def test_huge_text_is_chunked_on_paragraphs():
    text = ("A paragraph of news text. " * 20 + "\n") * 2000
    chunks = list(load.iter_chunks(text, limit=50_000))
    assert len(chunks) > 1
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 50_000 for _, c in chunks)
    assert all(text[o:o + len(c)] == c for o, c in chunks)


@given(st.text(max_size=2000))
def test_parse_never_crashes(text):
    if not text.strip():
        return
    doc = load.parse(text, __import__("pathlib").Path("x.txt"), "0" * 64)
    assert len(doc.body) == len(doc.text)
    assert all(0 <= s <= e <= len(doc.text) for s, e in doc.furniture)


@given(st.binary(max_size=500))
def test_decode_never_crashes_on_bytes(data):
    try:
        text = load.decode(data, __import__("pathlib").Path("x.txt"))
    except InputError:
        return
    assert "\r" not in text


def test_documents_stream_one_at_a_time(tmp_path):
    first = _write(tmp_path, "a.txt", GOOD.encode())
    second = _write(tmp_path, "b.txt", GOOD.replace("Vienna", "Geneva").encode())
    report = load.LoadReport()
    stream = load.iter_documents([first, second], report)
    assert next(stream).id == "a"
    second.unlink()  # not read yet: the loader holds one article at a time
    assert list(stream) == [] and "b.txt" in report.warnings[0]


def test_warnings_reach_the_listener_as_they_happen(tmp_path):
    heard: list[str] = []
    good = _write(tmp_path, "good.txt", GOOD.encode())
    empty = _write(tmp_path, "empty.txt", b"")
    report = load.LoadReport(listener=heard.append)
    list(load.iter_documents([empty, good], report))
    assert heard == report.warnings and "empty.txt" in heard[0]


_PROSE = "The envoys met in Vienna for two days and agreed to meet again, the officials said. " * 2 + "\n"


@pytest.mark.parametrize(("header", "title", "blanked"), [
    ("Kyiv says 84 detainees are home\n\nReuters\n\nFriday, 16 May 2025\n\n", "Kyiv says 84 detainees are home",
     ["Reuters", "Friday, 16 May 2025"]),
    ("World | Europe\nEnvoys agree a swap in Vienna\nMay 16, 2025 Hour: 10:36 am\n\n", "Envoys agree a swap in Vienna",
     ["World | Europe", "May 16, 2025"]),
    ("Photo: the delegations in Vienna\n\nEnvoys Agree Swap In Vienna\n\n", "Envoys Agree Swap In Vienna",
     ["Photo: the delegations"]),
])
def test_headline_is_read_while_the_rest_of_the_header_is_blanked(header, title, blanked):
    doc = load.parse(header + _PROSE, __import__("pathlib").Path("x.txt"), "")
    assert doc.title == title
    at = doc.text.index(title)
    assert doc.body[at:at + len(title)] == title
    for furniture in blanked:
        assert furniture in doc.text and furniture not in doc.body


def test_headline_yields_claims_with_offsets_into_the_file(nlp):
    from istanbul_claims.claims import claims_from_doc

    text = "Kyiv says 84 detainees are home\n\nReuters\n\nFriday, 16 May 2025\n\n" + _PROSE
    document = load.parse(text, __import__("pathlib").Path("x.txt"), "")
    doc = nlp.make_doc(document.body)
    doc._.reference = document.published.isoformat()
    claims = [c for c in claims_from_doc(nlp(doc), document) if c.start < len("Kyiv says 84 detainees are home")]
    assert {(c.kind, c.text) for c in claims} == {("actor", "Kyiv"), ("figure", "84 detainees")}
    assert all(text[c.start:c.end] == c.text and c.sentence == "Kyiv says 84 detainees are home" for c in claims)


@pytest.mark.parametrize(("line", "published"), [
    ("Friday, 16 May 2025", dt.date(2025, 5, 16)),
    ("May 16, 2025 Hour: 10:36 am", dt.date(2025, 5, 16)),
    ("Istanbul, 23 July 2025 (Reuters)", dt.date(2025, 7, 23)),
    ("Published 24.05.2025 14:02", dt.date(2025, 5, 24)),
    ("2025-05-24", dt.date(2025, 5, 24)),
    ("Updated: Sept. 3rd, 2025 09:00 GMT", dt.date(2025, 9, 3)),
    ("JUNE 2, 2025", dt.date(2025, 6, 2)),
    ("2 Jun 2025 | 18:44", dt.date(2025, 6, 2)),
    ("05/24/2025", dt.date(2025, 5, 24)),
    ("Posted 31.02.2025", None),
])
def test_published_from_date_line_forms(line, published):
    doc = load.parse(f"Envoys agree a swap in Vienna\n\n{line}\n\n{_PROSE}", __import__("pathlib").Path("x.txt"), "")
    assert doc.published == published
    assert doc.title == "Envoys agree a swap in Vienna"
    assert line not in doc.body


def test_outlet_in_brackets_on_the_date_line():
    doc = load.parse(f"Envoys agree a swap\n\nIstanbul, 23 July 2025 (Reuters)\n\n{_PROSE}",
                     __import__("pathlib").Path("x.txt"), "")
    assert doc.outlet == "Reuters"


@pytest.mark.parametrize(("first", "published"), [
    ("ISTANBUL, 23 July 2025 (Reuters) - The envoys met in Vienna and agreed to meet again next week.",
     dt.date(2025, 7, 23)),
    ("Kyiv, June 2, 2025 \u2014 The envoys met in Vienna and agreed to meet again, the officials said.",
     dt.date(2025, 6, 2)),
    ("The envoys recalled the deal of 23 July 2025 - and agreed to meet again, the officials said.", None),
])
def test_published_from_a_wire_dateline_opening_the_text(first, published):
    doc = load.parse(f"Envoys agree a swap\n\n{first}\n", __import__("pathlib").Path("x.txt"), "")
    assert doc.published == published


@pytest.mark.parametrize("byline", ["By Marta Kowalska", "By Marta Kowalska and Jan Nowak", "by Jan Nowak, Reuters"])
def test_byline_under_the_headline_is_neither_title_nor_read(byline):
    doc = load.parse(f"Envoys agree a swap in Vienna\n{byline}\n\nJune 3, 2025\n\n{_PROSE}",
                     __import__("pathlib").Path("x.txt"), "")
    assert doc.title == "Envoys agree a swap in Vienna"
    assert byline not in doc.body and doc.title in doc.body


@pytest.mark.parametrize(("header", "title"), [
    # The outlet's name and a place line are shorter than the headline, wherever they stand.
    ("Envoys agree a swap of 84 detainees in Vienna\n\nThe Danube Ledger\nFriday, 16 May 2025\n\n",
     "Envoys agree a swap of 84 detainees in Vienna"),
    ("Envoys agree a swap of 84 detainees in Vienna\n\nVIENNA, Austria\nFriday, 16 May 2025\n\n",
     "Envoys agree a swap of 84 detainees in Vienna"),
    ("LIVE: envoys agree a swap of 84 detainees\n\nDanube Live Desk\n16 May 2025, updated 18:40\n\n",
     "LIVE: envoys agree a swap of 84 detainees"),
    # A breadcrumb that runs into the headline is not the headline.
    ("HomeWorldEnvoys agree a swap in Vienna\n\nEnvoys agree a swap in Vienna\n\n", "Envoys agree a swap in Vienna"),
])
def test_headline_is_the_longest_plain_header_line(header, title):
    doc = load.parse(header + _PROSE, __import__("pathlib").Path("x.txt"), "")
    assert doc.title == title
    assert doc.body.lstrip().startswith(title)


def test_long_headline_ending_in_a_quote_keeps_the_date_line_below_it_in_the_header():
    headline = 'Envoys agree a swap of 84 detainees, but Vienna calls the terms "a first step only"'
    doc = load.parse(f"{headline}\n\nThe Danube Ledger\nFriday, 16 May 2025, 09:30\n\n{_PROSE}",
                     __import__("pathlib").Path("x.txt"), "")
    assert (doc.title, doc.published) == (headline, dt.date(2025, 5, 16))
    assert "Danube Ledger" not in doc.body and "16 May" not in doc.body
