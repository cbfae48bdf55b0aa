"""decode_drop: what a drop or paste meant, for every combination of MIME formats browsers and desktops send."""

from __future__ import annotations

from pathlib import Path

from factledger.reading import decode_drop

PAGE = "https://news.example.com/story"
SELECTION = '<meta charset="utf-8"><p>Exports rose <b>12%</b> in May.</p>'


def test_file_urls_beat_their_names_as_text(tmp_path: Path) -> None:
    """A file manager drop carries uri-list and the paths as text: the files are imported, not the text."""
    a, b = tmp_path / "a.txt", tmp_path / "b c.pdf"
    payload = {
        "text/uri-list": f"{a.as_uri()}\r\n{b.as_uri()}\r\n".encode(),
        "text/plain": f"{a}\n{b}".encode(),
    }
    assert [(i.kind, i.path) for i in decode_drop(payload)] == [("file", a), ("file", b)]


def test_a_dropped_folder_expands_to_its_files(tmp_path: Path) -> None:
    """A folder in uri-list becomes its readable files."""
    (tmp_path / "x.md").write_text("x")
    (tmp_path / "y.txt").write_text("y")
    payload = {"text/uri-list": (tmp_path.as_uri() + "\n").encode()}
    assert [i.path for i in decode_drop(payload)] == [tmp_path / "x.md", tmp_path / "y.txt"]


def test_uri_list_comments_and_web_urls() -> None:
    """RFC 2483 comments are skipped; http(s) URLs become URL inputs."""
    payload = {"text/uri-list": f"# dragged from a browser\r\n{PAGE}\r\n".encode()}
    assert [(i.kind, i.url) for i in decode_drop(payload)] == [("url", PAGE)]


def test_a_link_dragged_from_a_page_is_its_url() -> None:
    """Firefox link drag: x-moz-url (UTF-16, url and title), uri-list, html anchor and text: one URL input."""
    payload = {
        "text/x-moz-url": f"{PAGE}\nStory title".encode("utf-16-le"),
        "text/uri-list": PAGE.encode(),
        "text/html": f'<a href="{PAGE}">Story title</a>'.encode(),
        "text/plain": PAGE.encode(),
    }
    assert [(i.kind, i.url) for i in decode_drop(payload)] == [("url", PAGE)]


def test_x_moz_url_alone_is_a_url() -> None:
    """Without uri-list, Firefox's own link format is enough."""
    payload = {"text/x-moz-url": f"{PAGE}\nTitle".encode("utf-16")}
    assert [(i.kind, i.url) for i in decode_drop(payload)] == [("url", PAGE)]


def test_html_beats_plain_text_and_keeps_firefox_source_url() -> None:
    """Firefox selection: UTF-16 HTML, plain text and x-moz-url-priv: one HTML input based at the page."""
    payload = {
        "text/html": SELECTION.encode("utf-16-le"),
        "text/plain": b"Exports rose 12% in May.",
        "text/x-moz-url-priv": PAGE.encode("utf-16-le"),
        "text/_moz_htmlcontext": b"<html><body></body></html>",
    }
    (item,) = decode_drop(payload)
    assert (item.kind, item.base_url, item.url, item.label) == ("html", PAGE, PAGE, "The dropped selection")
    assert item.data is not None and "<b>12%</b>" in item.data.decode()


def test_chromium_selection_source_url_comment_is_used() -> None:
    """A `<!--SourceURL:...-->` marker in the HTML gives the page address."""
    html = f"<html><body><!--StartFragment--><!--SourceURL:{PAGE}--><p>Rates fell.</p><!--EndFragment-->"
    payload = {"text/html": html.encode(), "text/plain": b"Rates fell."}
    (item,) = decode_drop(payload)
    assert (item.kind, item.base_url) == ("html", PAGE)


def test_chromium_linux_source_url_format_is_used() -> None:
    """Chromium's `chromium/x-source-url` format gives the page address."""
    payload = {"text/html": SELECTION.encode(), "chromium/x-source-url": PAGE.encode()}
    (item,) = decode_drop(payload)
    assert item.base_url == PAGE


def test_windows_cf_html_gives_markup_and_source_url() -> None:
    """Qt on Windows exposes the raw CF_HTML clipboard format; its header holds SourceURL."""
    body = "<html><body><!--StartFragment--><p>Windows pick: 3 jobs.</p><!--EndFragment--></body></html>"
    header = "Version:0.9\r\nStartHTML:{:010d}\r\nEndHTML:{:010d}\r\nSourceURL:" + PAGE + "\r\n"
    start = len(header.format(0, 0).encode())
    cf_html = header.format(start, start + len(body.encode())) + body
    payload = {
        'application/x-qt-windows-mime;value="HTML Format"': cf_html.encode(),
        "text/plain": b"Windows pick: 3 jobs.",
    }
    (item,) = decode_drop(payload)
    assert (item.kind, item.base_url) == ("html", PAGE)
    assert item.data is not None and item.data.decode().startswith("<html>")


def test_html_without_words_falls_back_to_plain_text() -> None:
    """An image-only HTML fragment with alt text in text/plain: the text is what was meant."""
    payload = {"text/html": b'<img src="chart.png">', "text/plain": b"Chart of exports"}
    assert [(i.kind, i.data) for i in decode_drop(payload)] == [("text", b"Chart of exports")]


def test_plain_text_that_is_one_url_is_a_url() -> None:
    """A pasted address is fetched, not stored as text."""
    assert [(i.kind, i.url) for i in decode_drop({"text/plain": f"  {PAGE}\n".encode()})] == [("url", PAGE)]


def test_plain_text_with_a_url_inside_is_text() -> None:
    """A sentence that mentions a URL is text."""
    (item,) = decode_drop({"text/plain": f"See {PAGE} for details.".encode()})
    assert (item.kind, item.label) == ("text", "The dropped text")


def test_plain_text_of_file_urls_is_files(tmp_path: Path) -> None:
    """Some file managers put file:// URLs only in text/plain: they are still files."""
    path = tmp_path / "n.txt"
    assert [(i.kind, i.path) for i in decode_drop({"text/plain": path.as_uri().encode()})] == [("file", path)]


def test_utf16_plain_text_with_bom_decodes() -> None:
    """Windows clipboards give UTF-16 text; it decodes to the words typed."""
    (item,) = decode_drop({"text/plain": "Größe: 5 %".encode("utf-16")})
    assert item.data == "Größe: 5 %".encode()


def test_unknown_and_windows_formats_are_ignored() -> None:
    """Formats FactLedger does not understand neither crash nor count."""
    payload = {
        'application/x-qt-windows-mime;value="Shell IDList Array"': b"\x00\x01",
        "application/x-qt-image": b"\x89PNG",
    }
    assert decode_drop(payload) == []


def test_an_empty_payload_means_nothing() -> None:
    """No formats, or only empty ones: nothing to import."""
    assert decode_drop({}) == []
    assert decode_drop({"text/plain": b"   ", "text/html": b""}) == []
