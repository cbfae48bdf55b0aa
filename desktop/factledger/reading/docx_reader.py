"""Read Word documents (DOCX) with python-docx: paragraphs and tables in order, footnotes, core properties."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
import zipfile
import zlib
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table

from factledger.domain import Document, UserError

from .limits import MAX_EXPANDED_BYTES, MAX_XML_BYTES, format_size
from .normalize import clean_field, join_paragraphs, require_text
from .ooxml_strict import as_transitional, is_strict

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_CHUNK = 1024 * 1024
_MEDIA_FOLDERS = ("word/media/", "word/embeddings/", "media/")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What python-docx and zipfile raise on a truncated or inconsistent package; lxml's XMLSyntaxError and
# ElementTree's ParseError are both SyntaxErrors.
_DAMAGE = (
    zipfile.BadZipFile,
    OpcError,
    KeyError,
    ValueError,
    EOFError,
    NotImplementedError,
    zlib.error,
    SyntaxError,
    AttributeError,  # python-docx on a package whose parts are not the kinds it expects
    TypeError,
)


def check_zip(data: bytes, *, label: str) -> zipfile.ZipFile:
    """Open a zip container after checking what it expands to, so a zip bomb is refused unread.

    The sizes a zip declares can lie, so after the declared total every member is also inflated in
    chunks and the bytes actually produced are counted, stopping at the limit: memory stays bounded
    whatever the headers claim. XML parts, which are parsed into trees many times their size, have a
    tighter limit of their own.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        expanded = sum(info.file_size for info in archive.infolist())
        if expanded <= MAX_EXPANDED_BYTES:
            expanded = _inflated_size(archive, label=label)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, zlib.error, OSError) as exc:
        raise UserError(f"{label} is a damaged or truncated ZIP file and cannot be read.") from exc
    if expanded > MAX_EXPANDED_BYTES:
        raise UserError(
            f"{label} would expand to {format_size(expanded)}, more than the "
            f"{format_size(MAX_EXPANDED_BYTES)} FactLedger reads; it was not opened."
        )
    return archive


def _inflated_size(archive: zipfile.ZipFile, *, label: str) -> int:
    """Bytes the members really inflate to, counted chunk by chunk and abandoned past the limits."""
    total = xml = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                if not info.filename.startswith(_MEDIA_FOLDERS):
                    xml += len(chunk)
                if total > MAX_EXPANDED_BYTES:
                    return total
                if xml > MAX_XML_BYTES:
                    raise UserError(
                        f"{label} holds more than {format_size(MAX_XML_BYTES)} of document markup; "
                        "FactLedger does not open it. Save the text as a smaller document."
                    )
    return total


def is_docx(archive: zipfile.ZipFile) -> bool:
    """A Word package has a content-types part and a main document part."""
    names = set(archive.namelist())
    return "[Content_Types].xml" in names and "word/document.xml" in names


def read_docx(data: bytes, *, label: str, file_name: str | None, url: str | None) -> Document:
    """A `Document` of a DOCX body (paragraphs, tables as `a | b` rows), then its footnotes."""
    archive = check_zip(data, label=label)
    if not is_docx(archive):
        raise UserError(
            f"{label} is a ZIP archive but not a Word document (.docx); FactLedger cannot read it."
        )
    try:
        # Word's Strict format names the same parts differently; python-docx reads only the ordinary names.
        document = docx.Document(io.BytesIO(as_transitional(archive) if is_strict(archive) else data))
        paragraphs = [_block_text(block) for block in document.iter_inner_content()]
        paragraphs += _footnotes(document)
        props = document.core_properties
        title, author, created, language = props.title, props.author, props.created, props.language
    except _DAMAGE as exc:
        raise UserError(
            f"{label} could not be read as a Word document; the file looks damaged ({exc})."
        ) from exc
    text = require_text(join_paragraphs(paragraphs), label=label)
    return Document(
        text=text,
        title=clean_field(title),
        authors=tuple(a for a in (clean_field(author),) if a),
        published=created.isoformat() if created is not None else None,
        url=url,
        language=clean_field(language),
        media_type=MEDIA_TYPE,
        file_name=file_name,
        original=data,
    )


def _block_text(block: Any) -> str:
    if isinstance(block, Table):
        return _table_text(block)
    return str(block.text).strip()


def _table_text(table: Table) -> str:
    """One line per row; a merged cell appears once, not once per grid column it spans."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # python-docx repeats a merged cell for each grid column; its XML element tells the copies apart.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append(" | ".join(cells))
    return "\n".join(rows)


def _footnotes(document: Any) -> list[str]:
    """Footnote paragraphs, which python-docx does not expose: read from the footnotes part's XML."""
    for rel in document.part.rels.values():
        if rel.reltype == _FOOTNOTES and not rel.is_external:
            root = ElementTree.fromstring(rel.target_part.blob)
            notes: list[str] = []
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                for para in note.iter(f"{_W}p"):
                    notes.append("".join(t.text or "" for t in para.iter(f"{_W}t")).strip())
            return notes
    return []
