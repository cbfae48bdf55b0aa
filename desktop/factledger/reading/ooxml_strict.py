"""Word's "Strict Open XML" packages as the ordinary (transitional) ones python-docx reads.

ISO/IEC 29500 Strict names the same elements under other namespace URIs (`http://purl.oclc.org/ooxml/...`
instead of `http://schemas.openxmlformats.org/.../2006/...`) and the same relationship types under other
URIs, so python-docx finds no main document in it. Rewriting those URIs in every XML part gives the package
Word itself would have saved as an ordinary .docx; element names, text and structure are untouched.
"""

from __future__ import annotations

import io
import re
import zipfile

_STRICT = b"http://purl.oclc.org/ooxml/"
# `http://purl.oclc.org/ooxml/<area>/<name>` is `http://schemas.openxmlformats.org/<area>/2006/<name>`
# for every schema (wordprocessingml, drawingml, officeDocument, schemaLibrary, ...).
# A relationship type adds its kind: `.../officeDocument/relationships/<kind>`.
_NAMESPACE = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)(/[A-Za-z]+)?")
# The two names that are also spelled differently, as namespaces and as relationship types.
_RENAMED = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}
_XML_SUFFIXES = (".xml", ".rels")


def is_strict(archive: zipfile.ZipFile) -> bool:
    """A Strict package says so in its package relationships (its main part's relationship type)."""
    try:
        with archive.open("_rels/.rels") as rels:
            return _STRICT in rels.read()
    except KeyError:
        return False


def as_transitional(archive: zipfile.ZipFile) -> bytes:
    """The package rewritten with transitional namespaces and relationship types, every other byte kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.lower().endswith(_XML_SUFFIXES):
                data = _NAMESPACE.sub(_transitional, data)
            copy.writestr(info.filename, data)
    return out.getvalue()


def _transitional(match: re.Match[bytes]) -> bytes:
    area, name, kind = match.group(1), match.group(2), match.group(3) or b""
    if kind:
        kind = b"/" + _RENAMED.get(kind[1:], kind[1:])
    return b"http://schemas.openxmlformats.org/" + area + b"/2006/" + _RENAMED.get(name, name) + kind
