"""Turn bytes of unknown encoding into text: BOMs, UTF-16 without BOM, UTF-8, then detection."""

from __future__ import annotations

import codecs
import re
import unicodedata

from factledger.domain import UserError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
# Apostrophes and dashes legitimately sit inside words; other symbols there betray a wrong code page.
_STRAY = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f\u2019\u2018\u2013\u2014\u00b7](?=[^\W\d_])")
_MAX_CONTROL_SHARE = 0.01


# Labels senders use for what is really the superset (the WHATWG Encoding Standard maps them the same way).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "tis-620": "cp874",
}


def codec_for(label: str | None) -> str | None:
    """The Python codec for a declared charset label, widened to the superset senders really use."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark announces, if there is one."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def bomless_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from its tell-tale zero bytes (Windows clipboards and Firefox drops).

    Mostly-Latin UTF-16 has a zero in nearly every other byte and UTF-8 text has none, so the pattern is
    decisive; text in other scripts arrives with a BOM in practice.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    if odd.count(0) > 0.4 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode_text(data: bytes, *, label: str, declared: str | None = None) -> str:
    """Decode `data` as text, or raise `UserError` when it is not text at all.

    Order: a BOM; UTF-16 without BOM; strict UTF-8; a declared charset that decodes cleanly; UTF-8 with a
    few stray bytes when most non-ASCII already decodes as UTF-8 (one bad byte should not turn the rest into
    mojibake); then charset-normalizer's best guess (Windows-1252, Latin-1, Shift-JIS, ...).
    """
    codec = bom_encoding(data) or bomless_utf16(data)
    if codec is not None:
        return _checked(data.decode(codec, errors="replace"), label=label)
    if b"\x00" in data:
        raise UserError(f"{label} looks like a binary file, not text.")
    try:
        # Valid UTF-8 with non-ASCII bytes is practically never another encoding, whatever was declared.
        return _checked(data.decode("utf-8"), label=label)
    except UnicodeDecodeError:
        pass
    declared_codec = codec_for(declared)
    if declared_codec is not None:
        try:
            return _checked(data.decode(declared_codec), label=label)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; detection below decides
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return _checked(mostly_utf8, label=label)
    return _checked(_legacy(data, label=label), label=label)


def _legacy(data: bytes, *, label: str) -> str:
    """Pick a legacy 8-bit or CJK encoding: charset-normalizer's guess, or Windows-1252 where it reads better.

    On a short Western text the detector often lands on a DOS or Central European code page that turns
    "Zürich" into "Z³rich"; when its guess is Latin script anyway, the decoding with fewer stray symbols
    inside words wins, and Windows-1252, the common case, wins ties.
    """
    import charset_normalizer  # only legacy-encoded bytes need the detector; most input never does

    best = charset_normalizer.from_bytes(data).best()
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None:
        if western is None:
            raise UserError(
                f"{label} is not text in any encoding FactLedger recognizes; it may be a binary file."
            )
        return western
    guess = str(best)
    if western is None or not _mostly_latin(guess):
        return guess
    return western if _stray_symbols(western) <= _stray_symbols(guess) else guess


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) > 0x7F and ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin * 2 >= len(letters)


def _stray_symbols(text: str) -> int:
    """Non-ASCII non-letters wedged between two letters: the mark of a wrong code page ("Z³rich")."""
    return len(_STRAY.findall(text))


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text))
    return text if good >= 4 * bad else None


def _checked(text: str, *, label: str) -> str:
    """Refuse decodings full of control characters: that is binary data that happened to decode."""
    if text:
        controls = len(_CONTROLS.findall(text))
        if controls > _MAX_CONTROL_SHARE * len(text):
            raise UserError(f"{label} looks like a binary file, not text.")
    return text
