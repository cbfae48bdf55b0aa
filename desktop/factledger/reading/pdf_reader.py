"""Read PDF with pypdf: text in reading order (layout mode), document info as metadata."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zlib
from typing import Any

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from factledger.domain import Document, UserError

from .normalize import clean_field, join_paragraphs

MEDIA_TYPE = "application/pdf"
# pypdf raises these, besides its own errors, on streams and objects a damaged file leaves inconsistent.
_DAMAGE = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    RecursionError,
    OverflowError,
    ZeroDivisionError,
    struct.error,
    zlib.error,
)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_COLUMN_GAP = re.compile(r" {3,}")
_SPACE_RUN = re.compile(r" {2,}")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, *, label: str, file_name: str | None, url: str | None) -> Document:
    """A `Document` of the PDF's text layer, page after page; refuses encrypted and text-less files."""
    if b"%PDF-" not in data[:1024]:
        raise UserError(f"{label} is not a PDF file (it has no PDF header).")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        _decrypt(reader, label=label)
        pages = [_page_text(page) for page in reader.pages]
        info = _info(reader)
    except UserError:
        raise
    except _DAMAGE as exc:
        raise UserError(f"{label} could not be read as a PDF; the file looks damaged ({exc}).") from exc
    text = _plain_words(join_paragraphs(pages))
    if not text.strip():
        raise UserError(
            f"{label} has no text layer (it is probably a scan); run it through OCR and import the result."
        )
    return Document(
        text=text,
        title=info.get("title"),
        authors=tuple(a for a in (info.get("author"),) if a),
        published=info.get("published"),
        url=url,
        media_type=MEDIA_TYPE,
        file_name=file_name,
        original=data,
    )


def _plain_words(text: str) -> str:
    """Undo two artefacts of PDF producers (Qt, browsers' print-to-PDF) that would break search and quotes.

    Some place every word on its own, so pypdf separates all words by tabs: when tabs far outnumber
    spaces they are word gaps, not table columns. Typographic ligatures ("ﬁ") are spelled out so that
    "financial" matches what a person types.
    """
    tabs = text.count("\t")
    if tabs > 20 and text.count(" ") < 0.05 * tabs:
        text = text.replace("\t", " ")
    return text.translate(_LIGATURES)


def _decrypt(reader: pypdf.PdfReader, *, label: str) -> None:
    """Open PDFs locked only against editing (empty user password); refuse the password-protected ones."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError) as exc:
        raise UserError(
            f"{label} is encrypted in a way FactLedger cannot open; save an unencrypted copy and import that."
        ) from exc
    if not opened:
        raise UserError(f"{label} is password-protected; save an unprotected copy and import that.")


def _page_text(page: pypdf.PageObject) -> str:
    """One page's lines in reading order; wide gaps (table columns) become tabs, other runs one space."""
    try:
        raw = page.extract_text(extraction_mode="layout")
    except FileNotDecryptedError:
        raise
    except _DAMAGE:
        # Layout mode is the newer, stricter path; the plain extractor still gets a damaged page's words.
        raw = page.extract_text()
    lines = (_SPACE_RUN.sub(" ", _COLUMN_GAP.sub("\t", line.strip())) for line in raw.splitlines())
    return "\n".join(lines)


def _info(reader: pypdf.PdfReader) -> dict[str, str]:
    meta: Any = reader.metadata
    if meta is None:
        return {}
    found: dict[str, str] = {}
    title = clean_field(meta.title)
    author = clean_field(meta.author)
    if title:
        found["title"] = title
    if author:
        found["author"] = author
    published = _pdf_date(meta.creation_date_raw)
    if published:
        found["published"] = published
    return found


def _pdf_date(raw: object) -> str | None:
    """`D:20090113152305-05'00'` as an ISO date; only the date part, which is what a ledger shows."""
    match = _PDF_DATE.match(str(raw)) if raw is not None else None
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
