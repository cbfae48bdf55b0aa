"""The Markdown fact sheet, parsed back with markdown-it: sections per source, quotes, literal user text."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from factledger.exporting import write_markdown
from factledger.exporting.markdown_sheet import escape_block, escape_inline, readable_number


def parse(path: Path) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(path.read_text("utf-8"))


def headings(tokens: list[Token], tag: str) -> list[str]:
    """Plain text of every heading of level `tag` ("h2"), as a reader sees it rendered."""
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == tag:
            found.append(
                "".join(child.content for child in tokens[i + 1].children or [] if child.type == "text")
            )
    return found


def rendered_text(markdown: str) -> str:
    """What a Markdown viewer would show for one inline snippet."""
    tokens = MarkdownIt("commonmark").enable("strikethrough").parseInline(markdown)
    return "".join(child.content for child in tokens[0].children or [] if child.type == "text")


def test_facts_are_grouped_under_one_heading_per_source(tmp_path: Path, make_row) -> None:
    """Three facts from two sources give two source sections holding three fact headings."""
    rows = [
        make_row(id="a1", statement="First", source_id="s1", source_title="Article one"),
        make_row(id="a2", statement="Second", source_id="s1", source_title="Article one"),
        make_row(id="b1", statement="Third", source_id="s2", source_title="Article two"),
    ]
    path = tmp_path / "sheet.md"
    assert write_markdown(rows, path) == 3
    tokens = parse(path)
    assert headings(tokens, "h1") == ["Fact sheet"]
    assert headings(tokens, "h2") == ["Article one", "Article two"]
    assert headings(tokens, "h3") == ["First", "Second", "Third"]


def test_unsorted_rows_start_a_new_section_at_each_change_of_source(tmp_path: Path, make_row) -> None:
    """Streaming cannot regroup: each consecutive run of one source gets its own section."""
    rows = [
        make_row(id="a1", source_id="s1", source_title="One"),
        make_row(id="b1", source_id="s2", source_title="Two"),
        make_row(id="a2", source_id="s1", source_title="One"),
    ]
    path = tmp_path / "sheet.md"
    write_markdown(rows, path)
    assert headings(parse(path), "h2") == ["One", "Two", "One"]


def test_the_quote_is_a_blockquote_with_its_line_breaks(tmp_path: Path, make_row) -> None:
    """The exact words appear as a quotation, each line of the quote inside it."""
    path = tmp_path / "sheet.md"
    write_markdown([make_row(quote="We will invest.\n- Not a list item")], path)
    tokens = parse(path)
    start = next(i for i, t in enumerate(tokens) if t.type == "blockquote_open")
    end = next(i for i, t in enumerate(tokens) if t.type == "blockquote_close")
    inner = tokens[start:end]
    assert not any(t.type == "bullet_list_open" for t in inner)
    text = "".join(c.content if c.type == "text" else "\n" for t in inner if t.children for c in t.children)
    assert text == "We will invest.\n- Not a list item"


def test_status_and_evidence_are_listed(tmp_path: Path, make_row) -> None:
    """The verdict, its reason and each piece of evidence with its link are in the fact's list."""
    path = tmp_path / "sheet.md"
    write_markdown([make_row()], path)
    text = path.read_text("utf-8")
    assert "- **Status:** Verified — Matches the joint statement\\." not in text  # "." is not escaped
    assert "- **Status:** Verified — Matches the joint statement." in text
    assert "  - supports: [Joint statement](<https://gov.example/joint>) — “$550 billion”" in text
    assert "  - contradicts: [https://other.example/500bn](<https://other.example/500bn>)" in text
    inline = [child for token in parse(path) if token.type == "inline" for child in token.children or []]
    assert "https://gov.example/joint" in [
        child.attrs["href"] for child in inline if child.type == "link_open"
    ]


def test_user_text_with_markup_reads_as_typed(tmp_path: Path, make_row) -> None:
    """Asterisks, brackets, HTML and heading marks in a statement render literally, not as formatting."""
    statement = "*Not* [a](link) <b>bold</b> # 1. _x_ | `code` ~~s~~ &amp; \\"
    path = tmp_path / "sheet.md"
    write_markdown([make_row(statement=statement)], path)
    assert headings(parse(path), "h3") == [statement]


def test_escaping_keeps_text_when_rendered() -> None:
    """Escaped inline and block text render back to the original characters."""
    for text in ("1. first", "- dash", "+ plus", "= equals", "#hashtag", "2) second", "a_b*c"):
        assert rendered_text(escape_inline(text)) == text
        assert rendered_text(escape_block(text)) == text


def test_an_empty_selection_says_so(tmp_path: Path) -> None:
    """A sheet without facts tells the reader rather than being blank."""
    path = tmp_path / "sheet.md"
    assert write_markdown([], path) == 0
    assert "No facts matched the selection." in path.read_text("utf-8")


def test_figures_are_grouped_for_reading(tmp_path: Path, make_row) -> None:
    """A reader sees 550,000,000,000 and -1,234.5, not 550000000000 or an exponent."""
    assert [readable_number(v) for v in (550e9, -1234.5, 1e-7, None)] == [
        "550,000,000,000",
        "-1,234.5",
        "0.0000001",
        "",
    ]
    path = tmp_path / "sheet.md"
    write_markdown([make_row(qualifier="at least", value=550e9, unit="USD", period="2025")], path)
    assert "- **Figure:** at least 550,000,000,000 USD (2025)" in path.read_text("utf-8")


def test_a_commitment_says_how_much_was_delivered(tmp_path: Path, make_row) -> None:
    """The Markdown sheet states how much of a commitment was delivered beside the amount pledged."""
    path = tmp_path / "sheet.md"
    row = make_row(
        kind="commitment",
        committer="Japan",
        action="invest",
        amount=550e9,
        delivered=120e9,
        fulfilment="partially_fulfilled",
    )
    write_markdown([row], path)
    text = path.read_text("utf-8")
    assert f"{readable_number(120e9)} delivered" in text
    assert readable_number(550e9) in text
