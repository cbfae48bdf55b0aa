"""Fixtures for the reading tests: the shared corpus (skipped when absent) and small documents built here."""

from __future__ import annotations

import io
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; tests that need it skip cleanly where it is not checked out."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


def make_text_pdf(lines: list[str], *, title: str | None = None) -> bytes:
    """A one-page PDF with a real text layer, written object by object so the test needs no PDF library."""
    commands = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        commands.append(f"({escaped}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    info = f"<< /Title ({title}) /CreationDate (D:20240102030405Z) >>" if title else "<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info.encode("latin-1"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def make_docx(build: Callable[[docx.document.Document], None]) -> bytes:
    """A DOCX written by python-docx after `build` fills it in."""
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_email(
    *, subject: str, sender: str, plain: str | None, html: str | None, charset: str = "utf-8"
) -> bytes:
    """An RFC 5322 message built with the standard library, multipart when both bodies are given."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = "desk@example.org"
    message["Date"] = "Tue, 07 Mar 2017 14:29:24 -0800"
    if plain is not None:
        message.set_content(plain, charset=charset)
        if html is not None:
            message.add_alternative(html, subtype="html", charset=charset)
    elif html is not None:
        message.set_content(html, subtype="html", charset=charset)
    return message.as_bytes()


@pytest.fixture
def text_pdf() -> Callable[..., bytes]:
    """The builder of small text PDFs, as a fixture (test modules here are not importable packages)."""
    return make_text_pdf


@pytest.fixture
def build_docx() -> Callable[[Callable[[docx.document.Document], None]], bytes]:
    """The DOCX builder, as a fixture."""
    return make_docx


@pytest.fixture
def build_email() -> Callable[..., bytes]:
    """The e-mail builder, as a fixture."""
    return make_email
