"""E-mail: decoded headers as metadata, the best body part as text, malformed mail still read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from factledger.domain import UserError
from factledger.reading import read_bytes, read_file

BODY = "The ministry will spend €2.5 billion on rail by 2030, the spokesperson said."


def test_plain_message_gives_subject_sender_and_date(build_email: Callable[..., bytes]) -> None:
    """Subject is the title, From the speaker and author, Date the published time."""
    data = build_email(subject="Rail plan", sender="Ana Díaz <ana@example.org>", plain=BODY, html=None)
    document = read_bytes(data, file_name="rail.eml")
    assert document.text == BODY
    assert document.title == "Rail plan"
    assert document.authors == ("Ana Díaz",)
    assert document.extra["speaker"] == "Ana Díaz"
    assert document.published == "2017-03-07T14:29:24-08:00"
    assert document.media_type == "message/rfc822"


def test_multipart_prefers_plain_text_over_html(build_email: Callable[..., bytes]) -> None:
    """With both parts, the text/plain part is read."""
    data = build_email(subject="S", sender="a@example.org", plain=BODY, html="<p>HTML version only</p>")
    assert read_bytes(data, file_name="m.eml").text == BODY


def test_html_only_message_is_read_through_the_html_reader(build_email: Callable[..., bytes]) -> None:
    """An HTML-only message loses its tags and keeps its paragraphs."""
    html = "<html><body><p>First <b>point</b>.</p><p>Second point: 40%.</p></body></html>"
    data = build_email(subject="S", sender="a@example.org", plain=None, html=html)
    assert read_bytes(data, file_name="m.eml").text == "First point.\n\nSecond point: 40%."


def test_other_charsets_and_encoded_headers_decode(build_email: Callable[..., bytes]) -> None:
    """An ISO-8859-2 body and RFC 2047 subject and sender come out as the letters written."""
    data = build_email(
        subject="Budżet na 2025 rok",
        sender="Łukasz Żółw <l@example.pl>",
        plain="Minister powiedział, że budżet wzrośnie o 5%.",
        html=None,
        charset="iso-8859-2",
    )
    assert b"=?" in data  # the headers really are encoded words
    document = read_bytes(data, file_name="pl.eml")
    assert document.title == "Budżet na 2025 rok"
    assert document.extra["speaker"] == "Łukasz Żółw"
    assert document.text == "Minister powiedział, że budżet wzrośnie o 5%."


def test_mail_is_recognized_by_its_headers_without_a_suffix(build_email: Callable[..., bytes]) -> None:
    """A saved message without .eml is still read as e-mail."""
    data = build_email(subject="S", sender="a@example.org", plain=BODY, html=None)
    assert read_bytes(data, file_name="message").media_type == "message/rfc822"


def test_format_flowed_lines_are_rejoined() -> None:
    """Soft line breaks of format=flowed (a trailing space) join back into one paragraph line."""
    data = (
        b"From: a@example.org\r\nSubject: Flowed\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
        b"The budget grows by \r\n5 percent next \r\nyear.\r\n\r\nNew paragraph.\r\n"
    )
    assert (
        read_bytes(data, file_name="f.eml").text
        == "The budget grows by 5 percent next year.\n\nNew paragraph."
    )


def test_message_without_a_body_is_refused(build_email: Callable[..., bytes]) -> None:
    """Headers only: nothing to read, said plainly."""
    data = b"From: a@example.org\r\nSubject: Empty\r\nDate: Tue, 07 Mar 2017 14:29:24 -0800\r\n\r\n"
    with pytest.raises(UserError, match="has no text"):
        read_bytes(data, file_name="empty.eml")


@pytest.mark.corpus
def test_mailparser_corpus_messages_read_with_metadata(corpus: Path) -> None:
    """Real messages, including a malformed one and a GB2312 subject, read with their headers decoded."""
    folder = corpus / "eml-mailparser"
    outlook = read_file(folder / "tests__mails__mail_test_3")
    assert outlook.title == "Hi there"
    assert outlook.extra["speaker"] == "Ava Oneil"
    assert outlook.text == "I am sending you the bills of the goods we delivered to you in the attachment"
    malformed = read_file(folder / "tests__mails__mail_malformed_2")
    assert malformed.text.startswith("Your message has encountered delivery problems")
    assert malformed.published == "2016-08-22T06:23:36-03:00"
    chinese = read_file(folder / "tests__mails__mail_test_9")
    assert chinese.title is not None and "\ufffd" not in chinese.title
    assert chinese.title.startswith("我把镜头拉近些")
    spam = read_file(folder / "tests__mails__mail_test_8")
    assert spam.language == "en-us"
    assert spam.text.startswith('"The Perfect Filler Between Real World Flying"')
