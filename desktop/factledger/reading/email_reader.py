"""Read e-mail (.eml) with the standard library: decoded headers as metadata, the best text part as text."""

from __future__ import annotations

import email
import email.errors
import email.header
import email.message
import email.utils
import re

from factledger.domain import Document, UserError

from .decode import codec_for, decode_text
from .html_reader import read_html
from .normalize import clean_field, normalize_text, require_text

MEDIA_TYPE = "message/rfc822"
_FLOWED_QUOTE = re.compile(r"^>+ ?")
_SPACE = re.compile(r"\s+")
_NOT_BASE64 = re.compile(r"[^A-Za-z0-9+/=]")
_BASE64_LETTER = re.compile(r"[A-Za-z0-9+/]")


def read_email(data: bytes, *, label: str, file_name: str | None, url: str | None) -> Document:
    """A `Document` of a message's body, preferring text/plain and reading HTML-only mail as HTML.

    Parsed with the `compat32` policy because it never raises on malformed headers, which the modern
    policy's header parser sometimes does; headers are then decoded explicitly (RFC 2047 words, charsets).
    """
    try:
        message = email.message_from_bytes(data)
        subject = _header(message, "Subject")
        sender = _header(message, "From")
        speaker, authors = _sender(sender)
        body = _body(message, label=label)
    except RecursionError as exc:
        # The standard library parses and walks nested parts recursively; thousands of levels exhaust it.
        raise UserError(
            f"{label} nests its parts more deeply than any real e-mail does; FactLedger cannot read it."
        ) from exc
    text = require_text(body, label=label)
    extra = {"speaker": speaker} if speaker else {}
    return Document(
        text=text,
        title=clean_field(subject),
        authors=authors,
        published=_date(message),
        url=url,
        language=clean_field(_header(message, "Content-Language")),
        media_type=MEDIA_TYPE,
        file_name=file_name,
        original=data,
        extra=extra,
    )


def _header(message: email.message.Message, name: str) -> str | None:
    """A header with its RFC 2047 encoded words decoded; a wrong charset costs a character, not the header."""
    raw = message.get(name)
    if raw is None:
        return None
    try:
        chunks = email.header.decode_header(raw)
    except (email.errors.HeaderParseError, ValueError):
        return str(raw)
    # Senders split multi-byte characters across adjacent encoded words, so join same-charset bytes first.
    merged: list[tuple[str | bytes, str | None]] = []
    for chunk, charset in chunks:
        if merged and isinstance(chunk, bytes) and merged[-1][1] == charset:
            previous = merged[-1][0]
            if isinstance(previous, bytes):
                merged[-1] = (previous + chunk, charset)
                continue
        merged.append((chunk, charset))
    parts: list[str] = []
    for chunk, charset in merged:
        if isinstance(chunk, str):
            parts.append(chunk)
        else:
            parts.append(chunk.decode(codec_for(charset) or "utf-8", errors="replace"))
    return "".join(parts)


def _sender(value: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The speaker (display name, else address) and the authors named in a From header."""
    if not value:
        return None, ()
    names = [clean_field(name) or clean_field(address) for name, address in email.utils.getaddresses([value])]
    people = tuple(name for name in names if name)
    return (people[0] if people else clean_field(value)), people


def _date(message: email.message.Message) -> str | None:
    raw = message.get("Date")
    if raw is None:
        return None
    try:
        return email.utils.parsedate_to_datetime(str(raw)).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _body(message: email.message.Message, *, label: str) -> str:
    """The first inline text/plain part, else the first HTML part, else a broken multipart's raw body."""
    html_part: email.message.Message | None = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            text = normalize_text(_flowed(part, _part_text(part, label=label)))
            if text:
                return text
        elif kind == "text/html" and html_part is None:
            html_part = part
    if html_part is not None:
        payload = _decoded_payload(html_part, label=label)
        if isinstance(payload, bytes) and payload.strip():
            try:
                return read_html(
                    payload,
                    label=label,
                    file_name=None,
                    url=None,
                    charset=_charset(html_part),
                    selection=True,
                ).text
            except UserError:
                return ""
    raw = message.get_payload()
    # A multipart whose boundary never appears (a common defect) parses as one string: its words are there.
    if message.get_content_maintype() == "multipart" and isinstance(raw, str):
        return normalize_text(decode_text(raw.encode("utf-8", "surrogateescape"), label=label))
    return ""


def _part_text(part: email.message.Message, *, label: str) -> str:
    payload = _decoded_payload(part, label=label)
    if not isinstance(payload, bytes) or not payload.strip():
        return ""
    return decode_text(payload, label=label, declared=_charset(part))


def _decoded_payload(part: email.message.Message, *, label: str) -> object:
    """A part's body with its transfer encoding undone; a damaged base64 body is refused, not stored.

    The standard library returns a base64 body it cannot decode as the raw base64 letters, and silently
    drops letters outside the alphabet, either of which would import gibberish. White space and a stray
    character are tolerated, as mail clients do.
    """
    payload = part.get_payload(decode=True)
    if str(part.get("Content-Transfer-Encoding", "")).strip().lower() == "base64":
        raw = part.get_payload(decode=False)
        letters = _SPACE.sub("", raw) if isinstance(raw, str) else ""
        stray = len(_NOT_BASE64.findall(letters))
        if len(_BASE64_LETTER.findall(letters)) % 4 == 1 or stray > max(2, len(letters) // 100):
            raise UserError(
                f"{label} has a message body whose base64 encoding is damaged, so its text cannot be "
                "recovered; nothing was imported. Ask the sender for a new copy or save the message again."
            )
    return payload


def _charset(part: email.message.Message) -> str | None:
    charset = part.get_content_charset()
    return charset if isinstance(charset, str) else None


def _flowed(part: email.message.Message, text: str) -> str:
    """Undo `format=flowed` soft line breaks (RFC 3676): a line ending in a space continues on the next."""
    if str(part.get_param("format", "")).lower() != "flowed":
        return text
    delsp = str(part.get_param("delsp", "")).lower() == "yes"
    out: list[str] = []
    pending = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        quote = _FLOWED_QUOTE.match(line)
        body = line[quote.end() :] if quote else line
        if body.startswith(" "):
            body = body[1:]  # space-stuffing
        if body.endswith(" ") and body != "-- ":
            pending += body[:-1] if delsp else body
            continue
        out.append(pending + body)
        pending = ""
    if pending:
        out.append(pending)
    return "\n".join(out)
