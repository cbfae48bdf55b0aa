"""Plain text: encodings, normalization and paragraphs."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from factledger.domain import UserError
from factledger.reading import read_bytes, read_file

SENTENCE = "Toyota will invest €10 billion in Zürich – “at least”, the café’s owner said."


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (SENTENCE.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "UTF-8 with BOM"),
        (SENTENCE.encode("utf-16"), "UTF-16 with BOM"),
        (SENTENCE.encode("utf-16-le"), "UTF-16 without BOM"),
        (SENTENCE.encode("utf-16-be"), "UTF-16 big-endian without BOM"),
        (SENTENCE.encode("cp1252"), "Windows-1252"),
    ],
)
def test_text_in_any_common_encoding_reads_to_the_same_string(data: bytes, why: str) -> None:
    """Whatever encoding the file is in, the text is the sentence that was written."""
    assert read_bytes(data, file_name="note.txt").text == SENTENCE, why


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le député a déclaré que la réforme coûterait 3 milliards d'euros à l'État français.", "latin-1"),
        ("Zażółć gęślą jaźń, powiedział minister, a budżet wzrośnie o 5 procent w przyszłym roku.", "cp1250"),
        ("Правительство заявило, что бюджет вырастет на 5 процентов в следующем году.", "cp1251"),
        ("政府は来年度の予算を5パーセント増やすと発表した。", "shift_jis"),
    ],
)
def test_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    """Short legacy-encoded prose in several scripts decodes to the letters that were written."""
    assert read_bytes(text.encode(encoding), file_name="depeche.txt").text == text


def test_mostly_utf8_with_one_stray_byte_keeps_the_rest() -> None:
    """Invalid UTF-8 with one bad byte reads as UTF-8 with one replacement character, not mojibake."""
    data = "Zürich and Köln: über 5 % – naïve.".encode() + b"\xff" + " Málaga.".encode()
    document = read_bytes(data, file_name="mixed.txt")
    assert document.text == "Zürich and Köln: über 5 % – naïve.\ufffd Málaga."


def test_text_is_normalized_to_nfc_with_unix_line_ends_and_one_blank_line() -> None:
    """Decomposed accents compose, CRLF becomes LF, trailing spaces and extra blank lines go."""
    data = "Cafe\u0301 opens.  \r\nSecond line.\r\n\r\n\r\n\r\nNext paragraph.\t\r\n".encode()
    document = read_bytes(data, file_name="cafe.txt")
    assert document.text == "Café opens.\nSecond line.\n\nNext paragraph."
    assert unicodedata.is_normalized("NFC", document.text)


def test_document_keeps_original_bytes_and_media_type(tmp_path: Path) -> None:
    """The original bytes travel with the text for provenance."""
    path = tmp_path / "memo.txt"
    path.write_bytes(SENTENCE.encode("cp1252"))
    document = read_file(path)
    assert document.original == SENTENCE.encode("cp1252")
    assert (document.media_type, document.file_name) == ("text/plain", "memo.txt")


def test_a_very_long_single_line_is_read_whole() -> None:
    """A 2 MB line without a break is still text: it is read, not refused."""
    line = "The deficit rose 3 % this year. " * 65_000
    document = read_bytes(line.encode(), file_name="long.txt")
    assert document.text == line.strip()
    assert "\n" not in document.text


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  "])
def test_empty_text_is_refused(data: bytes) -> None:
    """An empty or blank file says it is empty."""
    with pytest.raises(UserError, match="empty"):
        read_bytes(data, file_name="blank.txt")


def test_binary_garbage_named_txt_is_refused() -> None:
    """A PNG renamed to .txt is reported as an image, not shown as gibberish."""
    garbage = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(UserError, match="PNG image"):
        read_bytes(garbage, file_name="photo.txt")


def test_control_character_soup_without_nul_is_refused() -> None:
    """Bytes that decode but are mostly control characters are not text."""
    with pytest.raises(UserError, match="binary"):
        read_bytes(bytes(range(1, 32)) * 40, file_name="weird.txt")


@pytest.mark.corpus
def test_seed_article_reads_with_every_gold_quote_in_its_text(corpus: Path) -> None:
    """Every quote a fact-checker logged in the seed article is an exact substring of the read text."""
    document = read_file(corpus / "seed" / "toyota-us-investment.txt")
    gold = json.loads((corpus / "seed" / "gold.json").read_text(encoding="utf-8"))
    quotes = [
        item["quote"]
        for items in gold.values()
        if isinstance(items, list)
        for item in items
        if isinstance(item.get("quote"), str)
    ]
    assert quotes
    assert [q for q in quotes if q not in document.text] == []
    assert document.text.startswith("Toyota committed to invest another $10 billion")
