"""Telling a PostgreSQL connection string from a ledger path, and showing one without its password.

Pure string work (no driver import): the CLI and core call these before anything connects, so a command
that only needs to say "that is a team ledger" does not load psycopg. Passwords may reach a connection
string in two shapes, the URL's `user:password@` and the `password=` parameter (in a URL's query or in a
libpq `key=value` string); both are replaced by `***` wherever a string may be shown or recorded.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")
HIDDEN = "***"

_KEYWORD_PASSWORD = re.compile(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)")
_URL_IN_TEXT = re.compile(r"(?i)\bpostgres(?:ql)?://\S+")


def is_postgres_url(text: str | None) -> bool:
    """True for `postgresql://` and `postgres://` URLs, the forms `--ledger` and `copy` accept."""
    return text is not None and text.strip().lower().startswith(SCHEMES)


def redact_url(text: str) -> str:
    """`text` with any password replaced by `***`: a URL's `user:password@` and `password=` parameters.

    Works on a bare URL, a libpq `key=value` string, or a sentence with a URL inside (an error message),
    so it can be applied to anything about to be shown, logged or written to the history.
    """
    pieces: list[str] = []
    last = 0
    for match in _URL_IN_TEXT.finditer(text):
        pieces.append(_redact_keywords(text[last : match.start()]))
        pieces.append(_redact_one_url(match.group(0)))
        last = match.end()
    pieces.append(_redact_keywords(text[last:]))
    return "".join(pieces)


def _redact_keywords(text: str) -> str:
    return _KEYWORD_PASSWORD.sub(lambda match: match.group(1) + HIDDEN, text)


def _redact_one_url(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:  # an unparseable URL (a bad port, brackets) still loses everything after "user:"
        return re.sub(r"(//[^:/@]*:)[^@]*@", rf"\1{HIDDEN}@", url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        if ":" in userinfo:
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}:{HIDDEN}@{hostport}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(key.lower() == "password" for key, _ in pairs):
            query = "&".join(
                f"{quote(key, safe='')}={HIDDEN if key.lower() == 'password' else quote(value, safe='')}"
                for key, value in pairs
            )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def has_password(url: str) -> bool:
    """True when the connection string itself carries a password (which must then never be stored)."""
    return redact_url(url) != url


__all__ = ["HIDDEN", "SCHEMES", "has_password", "is_postgres_url", "redact_url"]
