"""Word's Strict Open XML format reads to the same text and metadata as an ordinary .docx."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factledger.reading import read_bytes, read_file
from factledger.reading.ooxml_strict import is_strict

# The URIs each form uses, spelled out as ECMA-376 Part 1 (transitional) and ISO/IEC 29500 Strict give them.
TRANSITIONAL = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "app": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "app_rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
}
STRICT = {
    "w": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "app": "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "app_rel": "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
}
PKG = "http://schemas.openxmlformats.org/package/2006"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def handmade_docx(ns: dict[str, str]) -> bytes:
    """A report with a heading, a table, a footnote and core properties, written part by part with `ns`."""
    parts = {
        "[Content_Types].xml": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="{PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{MAIN}.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{MAIN}.footnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>""",
        "_rels/.rels": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId1" Type="{ns["rel"]}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{ns["app_rel"]}" Target="docProps/app.xml"/>
</Relationships>""",
        "word/_rels/document.xml.rels": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}/relationships">
<Relationship Id="rId5" Type="{ns["rel"]}/footnotes" Target="footnotes.xml"/>
</Relationships>""",
        "word/document.xml": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{ns["w"]}" xmlns:r="{ns["r"]}"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Harbour budget 2026</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Dredging will cost </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>$12.5 million</w:t></w:r>
<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>, up 8 percent.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Item</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cost</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Dredging</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>$12.5 million</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Approved on Monday.</w:t></w:r></w:p>
</w:body></w:document>""",
        "word/footnotes.xml": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{ns["w"]}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Port authority estimate, March 2026.</w:t></w:r></w:p></w:footnote></w:footnotes>""",
        "docProps/core.xml": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Harbour budget</dc:title><dc:creator>Port Finance Office</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T09:00:00Z</dcterms:created></cp:coreProperties>""",
        "docProps/app.xml": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="{ns["app"]}"><Application>Microsoft Office Word</Application></Properties>""",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def to_strict(data: bytes) -> bytes:
    """An ordinary package saved again the way Word's "Strict Open XML Document" option spells it."""
    renamed = {"extended-properties": "extendedProperties", "custom-properties": "customProperties"}

    def strict(match: re.Match[str]) -> str:
        area, name, kind = match[1], match[2], match[3] or ""
        if kind:
            kind = "/" + renamed.get(kind[1:], kind[1:])
        return f"http://purl.oclc.org/ooxml/{area}/{renamed.get(name, name)}{kind}"

    pattern = re.compile(
        r"http://schemas\.openxmlformats\.org/(wordprocessingml|officeDocument|drawingml|schemaLibrary)"
        r"/2006/([\w-]+)(/[\w-]+)?"
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                part = pattern.sub(strict, part.decode("utf-8")).encode("utf-8")
            archive.writestr(info.filename, part)
    return out.getvalue()


def test_a_handwritten_strict_docx_reads_like_its_transitional_twin() -> None:
    """The same report written with Strict and with transitional URIs gives the same text and metadata."""
    strict_data, ordinary_data = handmade_docx(STRICT), handmade_docx(TRANSITIONAL)
    assert is_strict(zipfile.ZipFile(io.BytesIO(strict_data)))
    assert not is_strict(zipfile.ZipFile(io.BytesIO(ordinary_data)))
    strict, ordinary = (read_bytes(d, file_name="harbour.docx") for d in (strict_data, ordinary_data))
    assert ordinary.text == (
        "Harbour budget 2026\n\nDredging will cost $12.5 million, up 8 percent.\n\n"
        "Item | Cost\nDredging | $12.5 million\n\nApproved on Monday.\n\nPort authority estimate, March 2026."
    )
    assert strict.text == ordinary.text
    assert (strict.title, strict.authors, strict.published) == (
        ordinary.title,
        ordinary.authors,
        ordinary.published,
    )
    assert strict.title == "Harbour budget"
    assert strict.original == strict_data  # the file as the user gave it is what the ledger keeps


def _python_docx_letter(document: Any) -> None:
    document.add_heading("Letter to shareholders", level=1)
    document.add_paragraph("Revenue grew 14% to €3.1 billion.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Dividend", "€0.42"
    document.core_properties.title = "Annual letter"


def test_a_python_docx_file_saved_as_strict_reads_the_same(build_docx: Callable[..., bytes]) -> None:
    """A file made by another writer (python-docx, with styles, settings and theme parts) survives Strict."""
    ordinary_data = build_docx(_python_docx_letter)
    strict_data = to_strict(ordinary_data)
    assert b"purl.oclc.org" in zipfile.ZipFile(io.BytesIO(strict_data)).read("word/document.xml")
    strict, ordinary = (read_bytes(d, file_name="letter.docx") for d in (strict_data, ordinary_data))
    assert (
        strict.text
        == ordinary.text
        == "Letter to shareholders\n\nRevenue grew 14% to €3.1 billion.\n\nDividend | €0.42"
    )
    assert strict.title == ordinary.title == "Annual letter"


@pytest.mark.corpus
def test_word_files_saved_as_strict_read_the_same(corpus: Path, tmp_path: Path) -> None:
    """Word-made files (tables, lists, footnotes, comments) read to the same text once saved as Strict."""
    for path in sorted((corpus / "docx-mammoth").glob("*.docx")):
        strict_path = tmp_path / path.name
        strict_path.write_bytes(to_strict(path.read_bytes()))
        assert read_file(strict_path).text == read_file(path).text, path.name
