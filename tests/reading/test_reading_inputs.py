"""expand_inputs and read_input: command-line and File>Import arguments to readable inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from factledger.domain import Document, UserError
from factledger.reading import ImportInput, expand_inputs, read_input


def _tree(root: Path) -> Path:
    folder = root / "articles"
    (folder / "2024").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "b.txt").write_text("B text.")
    (folder / "a.md").write_text("A text.")
    (folder / "2024" / "c.html").write_text("<p>C text.</p>")
    (folder / ".hidden.txt").write_text("secret")
    (folder / ".git" / "d.txt").write_text("vcs")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    return folder


def test_folders_expand_sorted_without_hidden_or_unsupported_files(tmp_path: Path) -> None:
    """A folder yields its readable files, recursively, in sorted order, labelled by relative path."""
    folder = _tree(tmp_path)
    inputs = expand_inputs([folder])
    assert [i.path for i in inputs] == [folder / "2024" / "c.html", folder / "a.md", folder / "b.txt"]
    assert [i.label for i in inputs] == ["articles/2024/c.html", "articles/a.md", "articles/b.txt"]
    assert {i.kind for i in inputs} == {"file"}


def test_urls_files_and_file_urls_keep_their_order(tmp_path: Path) -> None:
    """Web addresses become URL inputs, file:// URLs become files, paths stay files."""
    note = tmp_path / "my note.txt"
    note.write_text("x")
    inputs = expand_inputs(["https://example.com/a", note.as_uri(), str(note), "http://example.org/b?c=1"])
    assert [(i.kind, i.url or i.path) for i in inputs] == [
        ("url", "https://example.com/a"),
        ("file", note),
        ("file", note),
        ("url", "http://example.org/b?c=1"),
    ]


def test_a_missing_path_is_kept_so_it_fails_alone(tmp_path: Path) -> None:
    """A bad argument becomes an input whose reading fails with a message; the others are unaffected."""
    inputs = expand_inputs([tmp_path / "missing.txt"])
    assert [i.kind for i in inputs] == ["file"]
    with pytest.raises(UserError, match="not found"):
        read_input(inputs[0])


def test_read_input_reads_each_kind(tmp_path: Path) -> None:
    """Files, URLs (through the injected fetcher), dropped HTML and dropped text all give Documents."""
    path = tmp_path / "a.txt"
    path.write_text("File words.")
    fetched: list[str] = []

    def fake_fetch(url: str) -> Document:
        fetched.append(url)
        return Document(text="Fetched words.", url=url)

    assert read_input(expand_inputs([path])[0]).text == "File words."
    assert read_input(ImportInput(kind="url", label="u", url="https://x.test/"), fetch=fake_fetch).url == (
        "https://x.test/"
    )
    assert fetched == ["https://x.test/"]
    html = ImportInput(
        kind="html",
        label="The dropped selection",
        data=b"<p>Picked <i>words</i>.</p>",
        base_url="https://x.test/p",
    )
    document = read_input(html)
    assert (document.text, document.url, document.media_type) == (
        "Picked words.",
        "https://x.test/p",
        "text/html",
    )
    text = ImportInput(kind="text", label="The dropped text", data="Plain “words”.".encode())
    assert read_input(text).text == "Plain “words”."


def test_a_short_dropped_selection_is_kept_whole() -> None:
    """A selection is what the user chose: no extractor decides it is too short or boilerplate."""
    html = ImportInput(kind="html", label="The dropped selection", data=b"<span>Unemployment: 4.1%</span>")
    assert read_input(html).text == "Unemployment: 4.1%"


def test_an_empty_dropped_text_names_the_drop() -> None:
    """Whitespace only: the message names the dropped text."""
    with pytest.raises(UserError, match="The dropped text has no text"):
        read_input(ImportInput(kind="text", label="The dropped text", data=b"  \n "))
