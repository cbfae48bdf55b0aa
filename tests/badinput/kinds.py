"""Generators of hostile and mistaken inputs: each builds one kind of bad input and says what must happen.

Every kind is produced by code here (nothing is downloaded or copied in), in a folder the test gives.
An expectation is the outcome word the `import` command must print for it ("imported" or "failed") and a
fragment the sentence must contain, or None when either outcome is right (only the sentence and the
absence of a traceback matter for it).
"""

from __future__ import annotations

import base64
import codecs
import io
import os
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdf

ARTICLE = (
    "Exports rose 4.5 percent in 2023 to $12 billion, the ministry said on Monday. "
    "The minister promised to cut tariffs by 2026.\n\nOfficials said imports fell 2 percent."
)


@dataclass(frozen=True)
class Case:
    """One input on the command line and what the import must answer for it."""

    kind: str
    arg: str
    outcome: str | None  # "imported", "failed", or None when either is acceptable
    says: str | None = None  # a fragment the failure sentence must contain (case-insensitive)

    @property
    def label(self) -> str:
        """How the command names this input in its line (its file name, or the URL)."""
        if "://" in self.arg:
            return self.arg
        return os.fsdecode(Path(self.arg).name).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


Builder = Callable[[Path], list[Case]]


def _text(kind: str) -> str:
    """An article whose words differ per kind, so no two kinds are duplicates of one another."""
    return f"{kind.replace('-', ' ')} report.\n\n{ARTICLE}"


def _write(folder: Path, name: str | bytes, data: bytes) -> str:
    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(data)
    return os.fsdecode(path)


# --- text in every encoding and shape ---------------------------------------------------------------

ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
    "iso-8859-15",
    "cp1251",
    "koi8-r",
    "iso-8859-7",
    "cp1250",
    "mac-roman",
    "cp437",
)
NON_LATIN = (
    ("shift_jis", "輸出は2023年に4.5パーセント増加した。"),
    ("euc-jp", "輸出は2023年に4.5パーセント増加した。"),
    ("gb18030", "出口在2023年增长了4.5%。"),
    ("big5", "出口在2023年增長了4.5%。"),
    ("euc-kr", "수출은 2023년에 4.5% 증가했다."),
    ("cp1256", "ارتفعت الصادرات بنسبة 4.5 في المئة في عام 2023."),
    ("iso-8859-8", "היצוא עלה ב-4.5 אחוזים בשנת 2023."),
    ("utf-8", "Экспорт вырос на 4,5 процента в 2023 году."),
)


def encodings(folder: Path) -> list[Case]:
    """Text, Markdown and HTML in legacy and Unicode encodings: all of them import."""
    cases: list[Case] = []
    for codec in ENCODINGS:
        for suffix in (".txt", ".md", ".html"):
            kind = f"enc-{codec}{suffix}"
            body = _text(kind).replace("Monday", "Montag in Zürich")
            if suffix == ".html":
                body = f"<html><body><article><p>{body}</p></article></body></html>"
            try:
                data = body.encode(codec)
            except UnicodeEncodeError:
                data = body.replace("ü", "u").encode(codec)
            if codec in ("utf-16-le", "utf-16-be") and suffix == ".html":
                continue  # BOM-less UTF-16 HTML is no file a browser or editor writes
            cases.append(Case(kind, _write(folder, f"{kind}{suffix}", data), "imported"))
    for codec, sentence in NON_LATIN:
        kind = f"script-{codec}"
        data = f"{kind} {sentence}\n\n{sentence}\n".encode(codec)
        cases.append(Case(kind, _write(folder, f"{kind}.txt", data), "imported"))
    return cases


def text_shapes(folder: Path) -> list[Case]:
    """Empty, blank, binary and oddly shaped text files: each answered with its own sentence."""
    rng = random.Random(12)
    shapes: list[tuple[str, bytes, str | None, str | None]] = [
        ("empty", b"", "failed", "empty"),
        ("spaces-only", b"   \n\n\t  \n", "failed", "empty"),
        ("bom-only", codecs.BOM_UTF8, "failed", None),
        ("utf16-bom-only", codecs.BOM_UTF16_LE, "failed", None),
        ("nul-bytes", b"\x00" * 4096, "failed", None),
        ("nul-in-text", _text("nul").encode() + b"\x00\x00" + b"tail", None, None),
        ("control-chars", bytes(range(1, 32)) * 200, "failed", None),
        ("truncated-utf8", _text("trunc").encode() + b"\xe2\x82", "imported", None),
        ("mixed-utf8-cp1252", _text("mixed").encode() + "Zürich café".encode("cp1252"), "imported", None),
        ("invalid-utf8-everywhere", bytes(rng.randrange(128, 256) for _ in range(4000)), None, None),
        ("lone-surrogate-escapes", _text("surr").encode() + b"\xed\xa0\x80\xed\xb0\x80", "imported", None),
        ("crlf", _text("crlf").replace("\n", "\r\n").encode(), "imported", None),
        ("cr-only", _text("cronly").replace("\n", "\r").encode(), "imported", None),
        ("form-feeds", _text("ff").replace("\n\n", "\f\n").encode(), "imported", None),
        ("long-line-1mb", (("word 42 " * 131072) + "\n" + _text("long")).encode(), "imported", None),
        ("many-short-lines", ("a 1\n" * 200_000 + _text("short")).encode(), "imported", None),
        ("numbers-only", " ".join(str(rng.randrange(10**6)) for _ in range(60_000)).encode(), None, None),
        ("digits-no-space", b"1234567890" * 50_000, None, None),
        ("at-signs", b"a@" * 100_000, None, None),
        ("dots-no-space", b"a." * 100_000, None, None),
        ("one-char", b"x", "imported", None),
        ("one-number", b"42", "imported", None),
        ("unicode-only-emoji", ("😀 " * 5000).encode(), None, None),
        ("rtl-marks", ("\u202e" + _text("rtl")).encode(), "imported", None),
        ("zero-width", ("\u200b".join(_text("zw"))).encode(), None, None),
        ("combining-storm", ("a" + "\u0301" * 20000 + " " + _text("comb")).encode(), None, None),
        ("nfd-text", _text("nfd café").replace("é", "e\u0301").encode(), "imported", None),
        ("private-use", ("\ue000" * 3000 + _text("pua")).encode(), None, None),
        ("random-binary", bytes(rng.randrange(256) for _ in range(8192)), "failed", None),
        ("gif-as-txt", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!;", "failed", "GIF"),
        ("png-as-txt", b"\x89PNG\r\n\x1a\n" + bytes(64), "failed", "PNG"),
        ("jpeg-as-md", b"\xff\xd8\xff\xe0" + bytes(64), "failed", "JPEG"),
        ("elf-as-txt", b"\x7fELF\x02\x01\x01" + bytes(64), "failed", "program"),
        ("gzip-as-txt", b"\x1f\x8b\x08\x00" + bytes(64), "failed", "gzip"),
        ("sqlite-as-txt", b"SQLite format 3\x00" + bytes(100), "failed", "SQLite"),
        ("ole-doc-as-txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "failed", ".docx"),
        (
            "tab-table",
            "\n".join("\t".join(str(i * j) for j in range(30)) for i in range(2000)).encode(),
            None,
            None,
        ),
        ("csv-like", "\n".join(f"{i},{i * 3},{i / 7:.3f}" for i in range(20000)).encode(), None, None),
    ]
    cases = []
    for kind, data, outcome, says in shapes:
        suffix = ".md" if kind == "jpeg-as-md" else ".txt"
        cases.append(Case(kind, _write(folder, f"{kind}{suffix}", data), outcome, says))
    return cases


def markup(folder: Path) -> list[Case]:
    """Hostile HTML and Markdown: deep nesting, bracket storms, broken front matter, odd charsets."""
    items: list[tuple[str, str, bytes, str | None]] = [
        ("html-deep-divs", ".html", ("<div>" * 20000 + _text("deep") + "</div>" * 20000).encode(), None),
        ("html-unclosed-comment", ".html", b"<html><body><!-- " + _text("c").encode() * 50, None),
        ("html-script-only", ".html", b"<html><script>var a = 1;</script></html>", "failed"),
        ("html-style-only", ".html", b"<html><style>p{}</style><body></body></html>", "failed"),
        ("html-bogus-charset", ".html", b'<meta charset="x-bogus-9"><p>' + _text("b").encode(), "imported"),
        ("html-utf7-charset", ".html", b'<meta charset="utf-7"><p>' + _text("u7").encode(), "imported"),
        (
            "html-huge-attribute",
            ".html",
            b'<html><body><p title="'
            + b"x" * 2_000_000
            + b'">'
            + _text("attr").encode()
            + b"</p></body></html>",
            None,
        ),
        (
            "html-many-tags",
            ".html",
            ("<html><body>" + "<b>1</b>" * 200_000 + "<p>" + _text("tags") + "</p></body></html>").encode(),
            None,
        ),
        (
            "html-surrogate-entities",
            ".html",
            (
                "<html><head><title>&#xD800;T</title></head><body><p>"
                + _text("ent")
                + " &#xDFFF; &#0; &#x110000;</p></body></html>"
            ).encode(),
            "imported",
        ),
        (
            "html-nul-bytes",
            ".html",
            b"<html><body><p>" + _text("nul").encode() + b"\x00</p></body></html>",
            None,
        ),
        (
            "html-jsonld-surrogate",
            ".html",
            (
                '<html><head><script type="application/ld+json">{"headline": "\\ud800 bad", "author": {"name": "\\udfff"}}</script></head><body><article><p>'
                + _text("ld")
                + "</p></article></body></html>"
            ).encode(),
            "imported",
        ),
        (
            "html-xml-bomb-entities",
            ".html",
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><html><body><p>&d;&d;&d;&d;&d;&d; '
            + _text("xb").encode()
            + b"</p></body></html>",
            None,
        ),
        ("html-frameset", ".html", b"<html><frameset><frame src='a.html'></frameset></html>", "failed"),
        (
            "html-empty-body",
            ".html",
            b"<html><head><title>Only a title</title></head><body></body></html>",
            None,
        ),
        (
            "xhtml",
            ".xhtml",
            (
                '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>'
                + _text("xh")
                + "</p></body></html>"
            ).encode(),
            "imported",
        ),
        (
            "md-nested-brackets",
            ".md",
            ("[" * 50_000 + "x" + "]" * 50_000 + "\n\n" + _text("br")).encode(),
            None,
        ),
        (
            "md-nested-links",
            ".md",
            ("[a](" * 20_000 + "x" + ")" * 20_000 + "\n\n" + _text("nl")).encode(),
            None,
        ),
        (
            "md-nested-emphasis",
            ".md",
            ("*_" * 30_000 + "x" + "_*" * 30_000 + "\n\n" + _text("em")).encode(),
            None,
        ),
        ("md-nested-quotes", ".md", ("> " * 5_000 + "x\n\n" + _text("qt")).encode(), None),
        (
            "md-nested-lists",
            ".md",
            ("".join("  " * i + "- item\n" for i in range(2000)) + "\n" + _text("ls")).encode(),
            None,
        ),
        ("md-unclosed-fence", ".md", ("```\n" + _text("fence")).encode(), "imported"),
        (
            "md-yaml-deep",
            ".md",
            ("---\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n---\n\n" + _text("yd")).encode(),
            "imported",
        ),
        (
            "md-yaml-deep-maps",
            ".md",
            ("---\n" + "".join(" " * i + f"k{i}:\n" for i in range(3000)) + "---\n\n" + _text("ym")).encode(),
            "imported",
        ),
        (
            "md-yaml-alias-bomb",
            ".md",
            (
                "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: *e\nauthors: *e\n---\n\n"
                + _text("ab")
            ).encode(),
            "imported",
        ),
        (
            "md-yaml-python-tag",
            ".md",
            ("---\ntitle: !!python/object/apply:os.system ['true']\n---\n\n" + _text("pt")).encode(),
            "imported",
        ),
        ("md-yaml-not-mapping", ".md", ("---\n- a\n- b\n---\n\n" + _text("nm")).encode(), "imported"),
        ("md-yaml-broken", ".md", ("---\ntitle: [unclosed\n---\n\n" + _text("yb")).encode(), "imported"),
        (
            "md-yaml-huge-int",
            ".md",
            ("---\ndate: " + "9" * 5000 + "\n---\n\n" + _text("hi")).encode(),
            "imported",
        ),
        (
            "md-html-block-deep",
            ".md",
            ("<div>\n" + "<div>" * 10000 + "x" + "</div>" * 10000 + "\n</div>\n\n" + _text("hb")).encode(),
            None,
        ),
        (
            "md-table-wide",
            ".md",
            ("|" + "a|" * 5000 + "\n|" + "-|" * 5000 + "\n|" + "1|" * 5000 + "\n\n" + _text("tw")).encode(),
            None,
        ),
        ("md-only-markup", ".md", b"---\n---\n\n***\n\n---\n", "failed"),
    ]
    return [
        Case(kind, _write(folder, f"{kind}{suffix}", data), outcome) for kind, suffix, data, outcome in items
    ]


# --- PDF ---------------------------------------------------------------------------------------------


def _pdf_with_text(words: str) -> bytes:
    """A one-page PDF whose text layer holds `words` (built by hand: pypdf writes no text)."""
    content = f"BT /F1 11 Tf 50 700 Td ({words}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
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
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _encrypted(words: str, *, user: str, algorithm: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_pdf_with_text(words))))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdfs(folder: Path) -> list[Case]:
    """Encrypted (every algorithm, with and without a user password), truncated and damaged PDFs."""
    cases: list[Case] = []
    for algorithm in ("RC4-40", "RC4-128", "AES-128", "AES-256-R5", "AES-256"):
        slug = algorithm.lower()
        words = f"Exports rose 4.5 percent in 2023 under {slug} locks."
        cases.append(
            Case(
                f"pdf-{slug}-owner-only",
                _write(folder, f"pdf-{slug}-owner.pdf", _encrypted(words, user="", algorithm=algorithm)),
                "imported",
            )
        )
        cases.append(
            Case(
                f"pdf-{slug}-user-password",
                _write(folder, f"pdf-{slug}-user.pdf", _encrypted(words, user="u", algorithm=algorithm)),
                "failed",
                "password",
            )
        )
    good = _pdf_with_text("Imports fell 2 percent in 2024, the agency said.")
    blank = pypdf.PdfWriter()
    blank.add_blank_page(200, 200)
    blank_bytes = io.BytesIO()
    blank.write(blank_bytes)
    nested = (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X "
        + b"[" * 50_000
        + b"]" * 50_000
        + b" >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    damaged = [
        ("pdf-header-only", b"%PDF-1.7\n", "failed"),
        ("pdf-truncated-half", good[: len(good) // 2], None),
        ("pdf-no-xref", good[: good.index(b"xref")], None),
        ("pdf-garbage-xref", good.replace(b"xref", b"xre!"), None),
        ("pdf-no-text-layer", blank_bytes.getvalue(), "failed"),
        ("pdf-deep-arrays", nested, "failed"),
        ("pdf-bad-stream-length", good.replace(b"/Length", b"/Length 999999 /L"), None),
        ("pdf-broken-flate", good.replace(b"<< /Length", b"<< /Filter /FlateDecode /Length"), None),
        (
            "pdf-random-after-header",
            b"%PDF-1.4\n" + bytes(random.Random(3).randrange(256) for _ in range(5000)),
            "failed",
        ),
        ("pdf-as-txt", _pdf_with_text("Rents rose 6 percent in 2021, a PDF named .txt said."), "imported"),
    ]
    for kind, data, outcome in damaged:
        suffix = ".txt" if kind == "pdf-as-txt" else ".pdf"
        cases.append(Case(kind, _write(folder, f"{kind}{suffix}", data), outcome))
    return cases


# --- DOCX and zip -------------------------------------------------------------------------------------


def _docx(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = change(info.filename, source.read(info))
            if body is not None:
                target.writestr(info.filename, body)
    return out.getvalue()


def _understated(data: bytes) -> bytes:
    """The zip with every member's uncompressed size in its headers rewritten to 100 bytes."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := patched.find(signature, start)) >= 0:
            patched[start + offset : start + offset + 4] = struct.pack("<I", 100)
            start += 4
    return bytes(patched)


def _method(data: bytes, method: int) -> bytes:
    """The zip with every member's compression method rewritten to `method` (99 is AES, unsupported)."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := patched.find(signature, start)) >= 0:
            patched[start + offset : start + offset + 2] = struct.pack("<H", method)
            start += 4
    return bytes(patched)


def zips(folder: Path) -> list[Case]:
    """Zip bombs (declared and understated), broken packages and archives that are not Word documents."""
    good = _docx(_text("docx"))
    big_xml = (
        b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
        + b" " * (80 * 1024 * 1024)
        + b"</w:body></w:document>"
    )
    bomb = _rezip(good, lambda name, body: big_xml if name == "word/document.xml" else body)
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(3000):
            archive.writestr(f"f{index}.xml", b"<a/>")
    stored_bomb = io.BytesIO()
    with zipfile.ZipFile(stored_bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(4):
            archive.writestr(f"word/media/huge{index}.bin", b"\x00" * (60 * 1024 * 1024))
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<x/>")
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("notes.txt", _text("zip").encode())
    empty_zip = io.BytesIO()
    zipfile.ZipFile(empty_zip, "w").close()
    items: list[tuple[str, bytes, str | None, str | None]] = [
        ("docx-good", good, "imported", None),
        ("docx-xml-bomb", bomb, "failed", "markup"),
        ("docx-understated-bomb", _understated(bomb), "failed", None),
        ("docx-understated-small", _understated(good), "failed", None),
        ("docx-media-bomb", stored_bomb.getvalue(), "failed", "expand"),
        (
            "docx-no-document-part",
            _rezip(good, lambda n, b: None if n == "word/document.xml" else b),
            "failed",
            None,
        ),
        (
            "docx-no-content-types",
            _rezip(good, lambda n, b: None if n == "[Content_Types].xml" else b),
            "failed",
            None,
        ),
        (
            "docx-broken-xml",
            _rezip(good, lambda n, b: b"<w:document><unclosed" if n == "word/document.xml" else b),
            "failed",
            None,
        ),
        (
            "docx-deep-xml",
            _rezip(
                good,
                lambda n, b: (
                    b.replace(b"<w:body>", b"<w:body>" + b"<w:sdt>" * 5000 + b"</w:sdt>" * 5000)
                    if n == "word/document.xml"
                    else b
                ),
            ),
            None,
            None,
        ),
        (
            "docx-empty-body",
            _rezip(
                good,
                lambda n, b: (
                    b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body/></w:document>"
                    if n == "word/document.xml"
                    else b
                ),
            ),
            "failed",
            None,
        ),
        (
            "docx-xxe",
            _rezip(
                good,
                lambda n, b: (
                    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    + b.split(b"?>", 1)[-1].replace(
                        b"<w:body>", b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
                    )
                    if n == "word/document.xml"
                    else b
                ),
            ),
            None,
            None,
        ),
        ("docx-truncated", good[: len(good) // 2], "failed", None),
        ("docx-zip-many-members", many.getvalue(), "failed", None),
        ("docx-plain-zip", plain_zip.getvalue(), "failed", "ZIP"),
        ("docx-empty-zip", empty_zip.getvalue(), "failed", None),
        (
            "docx-unsupported-method",
            _method(_docx(_text("docx method")), 99),
            "failed",
            None,
        ),
        ("docx-as-txt", _docx(_text("docx as txt")), "imported", None),
    ]
    return [
        Case(
            kind, _write(folder, f"{kind}{'.txt' if kind == 'docx-as-txt' else '.docx'}", data), outcome, says
        )
        for kind, data, outcome, says in items
    ]


# --- e-mail ------------------------------------------------------------------------------------------

_HEAD = "From: Press Office <press@example.org>\nTo: desk@example.org\nSubject: {subject}\nDate: Mon, 4 Mar 2024 10:00:00 +0000\nMIME-Version: 1.0\n"


def _mail(subject: str, rest: str) -> bytes:
    return (_HEAD.format(subject=subject) + rest).encode("utf-8", "surrogateescape")


def emails(folder: Path) -> list[Case]:
    """Deeply nested multiparts, damaged transfer encodings and charsets, headers without bodies."""
    nested, nested_60 = (
        "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth))
        + "Content-Type: text/plain\n\n"
        + _text(f"mail nested {depth}")
        + "\n"
        + "".join(f"--b{i}--\n" for i in reversed(range(depth)))
        for depth in (3000, 60)
    )
    good64 = base64.encodebytes(_text("b64").encode()).decode()
    other64 = base64.encodebytes(_text("b64 good").encode()).decode()
    many_parts = (
        "Content-Type: multipart/mixed; boundary=x\n\n"
        + "".join(f"--x\nContent-Type: text/plain\n\npart {i}\n" for i in range(5000))
        + "--x\nContent-Type: text/plain\n\n"
        + _text("many")
        + "\n--x--\n"
    )
    items: list[tuple[str, bytes, str | None, str | None]] = [
        (
            "eml-plain",
            _mail("Plain", "Content-Type: text/plain; charset=utf-8\n\n" + _text("plain")),
            "imported",
            None,
        ),
        ("eml-nested-3000", _mail("Nested", nested), "failed", "nest"),
        ("eml-nested-60", _mail("Nested", nested_60), "imported", None),
        (
            "eml-bad-base64-letters",
            _mail(
                "B64",
                "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n" + "!!~~**##" * 200 + "\n",
            ),
            "failed",
            "base64",
        ),
        (
            "eml-bad-base64-length",
            _mail(
                "B64",
                "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
                + good64.replace("\n", "")[:-3]
                + "A\n",
            ),
            None,
            None,
        ),
        (
            "eml-base64-one-extra",
            _mail(
                "B64",
                "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
                + good64.replace("\n", "")
                + "Q\n",
            ),
            None,
            None,
        ),
        (
            "eml-base64-good",
            _mail(
                "B64 good",
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + other64,
            ),
            "imported",
            None,
        ),
        (
            "eml-base64-binary",
            _mail(
                "Bin",
                "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
                + base64.encodebytes(bytes(range(256)) * 20).decode(),
            ),
            "failed",
            None,
        ),
        (
            "eml-qp-junk",
            _mail(
                "QP",
                "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n"
                + _text("qp")
                + " =ZZ =\n=4",
            ),
            "imported",
            None,
        ),
        (
            "eml-unknown-charset",
            _mail("Cs", "Content-Type: text/plain; charset=x-klingon\n\n" + _text("cs")),
            "imported",
            None,
        ),
        (
            "eml-8bit-latin1",
            _HEAD.format(subject="8bit").encode()
            + b"Content-Type: text/plain; charset=iso-8859-1\n\n"
            + _text("latin caf\xe9").encode("latin-1", "replace"),
            "imported",
            None,
        ),
        ("eml-headers-only", _mail("Headers", "Content-Type: text/plain\n\n"), "failed", None),
        (
            "eml-no-boundary",
            _mail("NB", "Content-Type: multipart/mixed; boundary=nowhere\n\n" + _text("nb")),
            "imported",
            None,
        ),
        (
            "eml-attachment-only",
            _mail(
                "Att",
                'Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="a.pdf"\n\nJVBERi0=\n--z--\n',
            ),
            "failed",
            None,
        ),
        (
            "eml-html-only",
            _mail(
                "Html", "Content-Type: text/html\n\n<html><body><p>" + _text("html") + "</p></body></html>"
            ),
            "imported",
            None,
        ),
        (
            "eml-bad-encoded-words",
            _mail("=?x-bogus?B?!!!?= =?utf-8?Q?=ZZ?=", "Content-Type: text/plain\n\n" + _text("ew")),
            "imported",
            None,
        ),
        ("eml-huge-header", _mail("H" * 500_000, "Content-Type: text/plain\n\n" + _text("hh")), None, None),
        ("eml-5000-parts", _mail("Many", many_parts), None, None),
        (
            "eml-bad-date",
            _mail("Date", "Date: 99 Foo 99999 99:99:99\nContent-Type: text/plain\n\n" + _text("bd")),
            "imported",
            None,
        ),
        (
            "eml-surrogate-bytes",
            _HEAD.format(subject="Sur").encode()
            + b"Content-Type: text/plain; charset=utf-8\n\n\xed\xa0\x80 "
            + _text("su").encode(),
            "imported",
            None,
        ),
    ]
    return [
        Case(kind, _write(folder, f"{kind}.eml", data), outcome, says) for kind, data, outcome, says in items
    ]


# --- names and places ------------------------------------------------------------------------------


def names(folder: Path) -> list[Case]:
    """File names with non-UTF-8 bytes, newlines, odd Unicode and extreme lengths."""
    raw_names: list[tuple[str, bytes]] = [
        ("name-latin1-bytes", b"bad_\xff\xfe.txt"),
        ("name-invalid-utf8-md", b"caf\xe9_\x80.md"),
        ("name-newline", b"two\nlines.txt"),
        ("name-tab-and-cr", b"tab\there\rx.txt"),
        ("name-emoji", "news 📰.txt".encode()),
        ("name-nfd", "cafe\u0301.txt".encode()),
        ("name-rtl-override", "report\u202etxt.md".encode()),
        ("name-255-bytes", b"n" * 251 + b".txt"),
        ("name-only-suffix", b".txt.txt"),
        ("name-no-suffix", b"README"),
        ("name-wrong-suffix-html", b"page.pdf"),
        ("name-spaces", b"  spaced  name  .txt"),
    ]
    cases = []
    for kind, name in raw_names:
        data = _text(kind).encode()
        if kind == "name-wrong-suffix-html":
            data = b"<html><body><p>" + data + b"</p></body></html>"
        cases.append(Case(kind, _write(folder, name, data), "imported"))
    return cases


def special_files(folder: Path) -> list[Case]:
    """FIFOs, devices, folders named like files, symlink loops and dangling links: refused without blocking."""
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.pdf")
    (folder / "folder.txt").mkdir()
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("self.md", folder / "self.md")
    os.symlink("missing-target.txt", folder / "dangling.txt")
    (folder / "real.txt").write_text(_text("linked"))
    os.symlink("real.txt", folder / "link-to-real.txt")
    os.symlink("/dev/zero", folder / "zero-link.txt")
    return [
        Case("fifo-txt", str(folder / "pipe.txt"), "failed", "named pipe"),
        Case("fifo-pdf", str(folder / "pipe.pdf"), "failed", "named pipe"),
        Case("dev-null", "/dev/null", "failed", "device"),
        Case("dev-zero", "/dev/zero", "failed", "device"),
        Case("dev-urandom", "/dev/urandom", "failed", "device"),
        Case("symlink-to-dev-zero", str(folder / "zero-link.txt"), "failed", "device"),
        Case("symlink-loop", str(folder / "loop-a.txt"), "failed", "circle"),
        Case("symlink-self", str(folder / "self.md"), "failed", "circle"),
        Case("symlink-dangling", str(folder / "dangling.txt"), "failed", "not found"),
        Case("symlink-to-real", str(folder / "link-to-real.txt"), "imported"),
        Case("missing-file", str(folder / "no-such-file.txt"), "failed", "not found"),
        Case("missing-folder-path", str(folder / "no-such-dir" / "x.txt"), "failed", "not found"),
        Case("name-too-long", str(folder / ("L" * 300 + ".txt")), "failed", None),
    ]


def urls_without_server() -> list[Case]:
    """Addresses that are malformed before any connection: each gets its own sentence."""
    return [
        Case("url-bad-ipv6", "http://[::1/x", "failed", "web address"),
        Case("url-bad-ipv6-2", "https://[zz::1]/", "failed", "web address"),
        Case("url-label-64", "http://" + "a" * 64 + ".example/x", "failed", "63"),
        Case("url-host-300", "http://" + ".".join(["abcdefghi"] * 30) + "/x", "failed", "host"),
        Case("url-empty-label", "http://a..b/x", "failed", "host"),
        Case("url-bad-port", "http://127.0.0.1:99999/x", "failed", "port"),
        Case("url-port-letters", "http://127.0.0.1:ab/x", "failed", "port"),
        Case("url-no-host", "http:///just/a/path", "failed", "host"),
        Case("url-refused-port", "http://127.0.0.1:9/x", "failed", "refused"),
        Case("url-idna-invalid", "http://xn--a.example/x", "failed", None),
        Case("url-userinfo-only", "http://user:pass@/x", "failed", "host"),
    ]


FILE_BUILDERS: tuple[Builder, ...] = (
    encodings,
    text_shapes,
    markup,
    pdfs,
    zips,
    emails,
    names,
    special_files,
)
