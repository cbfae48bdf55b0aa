"""Read files and byte strings of any supported format into a `Document`: the one entry the rest uses."""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
from pathlib import Path

from factledger.domain import Document, UserError

from .limits import MAX_FILE_BYTES, MAX_TEXT_CHARS, format_size
from .plain_text import read_plain_text
from .sniff import binary_kind, choose_format

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
FORMATS_READ = "plain text, Markdown, HTML, PDF, e-mail (.eml) and Word (.docx)"


def describe(*, file_name: str | None, url: str | None) -> str:
    """How messages name an input: its URL, else its file name in quotes, else "The input"."""
    if url:
        return url
    if file_name:
        return f"“{file_name}”"
    return "The input"


def printable(text: str) -> str:
    """`text` safe to print on one line and store: bytes of a non-UTF-8 file name and control characters
    (a newline in a file name) become U+FFFD."""
    return _CONTROL.sub("\ufffd", text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def read_file(path: Path) -> Document:
    """Read the file at `path`, refusing folders, anything but a regular file, and files over the size limit.

    The type is checked before the file is opened, and it is opened without blocking, so a named pipe or
    a device given by mistake (or by a hostile folder) is refused at once instead of waiting forever.
    """
    name = printable(path.name)
    label = f"“{name}”"
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UserError(f"{label} is a folder; import the files inside it instead.")
        if not stat.S_ISREG(info.st_mode):
            raise UserError(
                f"{label} is {_kind(info.st_mode)}, not a regular file; FactLedger reads only files."
            )
        if info.st_size > MAX_FILE_BYTES:
            raise UserError(_too_big(label, info.st_size))
        data = _read_regular(path, label=label)
    except FileNotFoundError as exc:
        raise UserError(f"{label} was not found at {printable(str(path.parent))}.") from exc
    except PermissionError as exc:
        raise UserError(f"{label} cannot be read: permission denied.") from exc
    except IsADirectoryError as exc:
        raise UserError(f"{label} is a folder; import the files inside it instead.") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(
                f"{label} is a symbolic link that leads in a circle; it points to no file."
            ) from exc
        if exc.errno == errno.ENAMETOOLONG:
            raise UserError(f"{label} has a name or path too long for this system to open.") from exc
        raise UserError(f"{label} cannot be read: {os.strerror(exc.errno) if exc.errno else exc}.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise UserError(_too_big(label, len(data)))
    return read_bytes(data, file_name=name)


def _read_regular(path: Path, *, label: str) -> bytes:
    """The bytes of a regular file, opened non-blocking and checked again once open (it may have changed)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise UserError(f"{label} is {_kind(mode)}, not a regular file; FactLedger reads only files.")
        # Read one byte past the cap: a file that grew since stat() must not slip through.
        return handle.read(MAX_FILE_BYTES + 1)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


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
    binary = binary_kind(data)
    if binary is not None:
        raise UserError(f"{label} is {binary}, not a document with text; FactLedger reads {FORMATS_READ}.")
    document = _without_surrogates(
        _read_format(data, label=label, file_name=file_name, media_type=media_type, url=url)
    )
    if len(document.text) > MAX_TEXT_CHARS:
        raise UserError(
            f"{label} holds {len(document.text) / 1e6:.1f} million characters of text, more than the "
            f"{MAX_TEXT_CHARS / 1e6:g} million FactLedger finds facts in at once; split it into parts."
        )
    return document


def _read_format(
    data: bytes, *, label: str, file_name: str | None, media_type: str | None, url: str | None
) -> Document:
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


def _without_surrogates(document: Document) -> Document:
    """The document with lone surrogates (from escapes such as `\\ud800` in page metadata) replaced.

    They are not valid Unicode, so the database could not store a field holding one.
    """
    changes: dict[str, object] = {}
    for name in ("text", "title", "outlet", "published", "url", "language", "file_name"):
        value = getattr(document, name)
        if isinstance(value, str) and _SURROGATE.search(value):
            changes[name] = _SURROGATE.sub("\ufffd", value)
    for name in ("authors", "links"):
        values: tuple[str, ...] = getattr(document, name)
        if any(_SURROGATE.search(v) for v in values):
            changes[name] = tuple(_SURROGATE.sub("\ufffd", v) for v in values)
    if any(_SURROGATE.search(k) or _SURROGATE.search(v) for k, v in document.extra.items()):
        changes["extra"] = {
            _SURROGATE.sub("\ufffd", k): _SURROGATE.sub("\ufffd", v) for k, v in document.extra.items()
        }
    return dataclasses.replace(document, **changes) if changes else document  # type: ignore[arg-type]


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
