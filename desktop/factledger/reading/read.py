"""Read files and byte strings of any supported format into a `Document`: the one entry the rest uses."""

from __future__ import annotations

import os
from pathlib import Path

from factledger.domain import Document, UserError

from .limits import MAX_FILE_BYTES, format_size
from .plain_text import read_plain_text
from .sniff import choose_format

FORMATS_READ = "plain text, Markdown, HTML, PDF, e-mail (.eml) and Word (.docx)"


def describe(*, file_name: str | None, url: str | None) -> str:
    """How messages name an input: its URL, else its file name in quotes, else "The input"."""
    if url:
        return url
    if file_name:
        return f"“{file_name}”"
    return "The input"


def read_file(path: Path) -> Document:
    """Read the file at `path`, refusing directories, unreadable files and files over `MAX_FILE_BYTES`."""
    label = f"“{path.name}”"
    try:
        if path.is_dir():
            raise UserError(f"{label} is a folder; import the files inside it instead.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(_too_big(label, size))
        with path.open("rb") as handle:
            # Read one byte past the cap: a file that grew since stat() must not slip through.
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise UserError(f"{label} was not found at {path.parent}.") from exc
    except PermissionError as exc:
        raise UserError(f"{label} cannot be read: permission denied.") from exc
    except IsADirectoryError as exc:
        raise UserError(f"{label} is a folder; import the files inside it instead.") from exc
    except OSError as exc:
        raise UserError(f"{label} cannot be read: {os.strerror(exc.errno) if exc.errno else exc}.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise UserError(_too_big(label, len(data)))
    return read_bytes(data, file_name=path.name)


def read_bytes(
    data: bytes, *, file_name: str | None = None, media_type: str | None = None, url: str | None = None
) -> Document:
    """Read `data` as whichever format its content, then `media_type`, then `file_name`'s suffix says.

    `media_type` may carry a charset parameter (as an HTTP Content-Type does); it is the first guess for
    text formats. Raises `UserError` for anything the user can fix: empty, damaged, unsupported, no text.
    """
    label = describe(file_name=file_name, url=url)
    if not data.strip():
        raise UserError(f"{label} is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise UserError(_too_big(label, len(data)))
    charset = _charset(media_type)
    kind = choose_format(data, file_name=file_name, media_type=media_type)
    # Each format's reader is imported when a file of that format first arrives: their libraries
    # (pypdf, python-docx, trafilatura with lxml, markdown-it with PyYAML) cost a few hundred ms together,
    # which the app would otherwise pay at every start before its window shows.
    if kind == "pdf":
        from .pdf_reader import read_pdf

        return read_pdf(data, label=label, file_name=file_name, url=url)
    if kind == "zip":
        from .docx_reader import check_zip, is_docx, read_docx

        if not is_docx(check_zip(data, label=label)):
            raise UserError(f"{label} is a ZIP archive, not a format FactLedger reads ({FORMATS_READ}).")
        return read_docx(data, label=label, file_name=file_name, url=url)
    if kind == "email":
        from .email_reader import read_email

        return read_email(data, label=label, file_name=file_name, url=url)
    if kind == "html":
        from .html_reader import read_html

        return read_html(data, label=label, file_name=file_name, url=url, charset=charset)
    if kind == "markdown":
        from .markdown_reader import read_markdown

        return read_markdown(data, label=label, file_name=file_name, url=url, charset=charset)
    if kind == "text":
        return read_plain_text(data, label=label, file_name=file_name, url=url, charset=charset)
    try:
        return read_plain_text(data, label=label, file_name=file_name, url=url, charset=charset)
    except UserError as exc:
        raise UserError(f"{label} is not a format FactLedger reads ({FORMATS_READ}).") from exc


def _charset(media_type: str | None) -> str | None:
    if not media_type:
        return None
    for param in media_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _too_big(label: str, size: int) -> str:
    return (
        f"{label} is {format_size(size)}, more than the {format_size(MAX_FILE_BYTES)} FactLedger imports; "
        "split it or import a smaller extract."
    )
