"""Generates the HTML, PDF, DOCX and e-mail variants of resources/sample/sample-article.txt.

The self-check imports the sample in every format the readers support, so the variants must carry the same
article: run this again whenever the text changes and commit the results beside it. The text's layout
(first line title, second byline, third date, then paragraphs separated by blank lines; short lines with no
closing punctuation are section headings) is the sample's documented format.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from string import Template

import docx

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "sample"
GENERATOR = "FactLedger packaging/make_sample_variants.py"

HTML_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>$title</title>
<meta name="author" content="$author">
<meta name="generator" content="$generator">
<meta property="og:title" content="$title">
<meta property="article:published_time" content="$iso_date">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/world">World</a></nav></header>
<main>
<article>
<h1>$title</h1>
<p class="byline">$byline · <time datetime="$iso_date">$date</time></p>
$body
</article>
</main>
<footer><p>Sample article written for FactLedger, dedicated to the public domain (CC0 1.0).</p></footer>
</body>
</html>
""")


@dataclass(frozen=True, slots=True)
class Article:
    """The sample's parts; `blocks` are (is_heading, text) in reading order."""

    title: str
    byline: str
    date_text: str
    published: datetime
    blocks: tuple[tuple[bool, str], ...]

    @property
    def author(self) -> str:
        """The byline's name: "By Elena Marsh, Industry Correspondent" -> "Elena Marsh"."""
        return self.byline.removeprefix("By ").split(",")[0].strip()


def parse_article(text: str) -> Article:
    lines = text.replace("\r\n", "\n").split("\n")
    title, byline, date_text = (line.strip() for line in lines[:3])
    published = datetime.strptime(date_text, "%B %d, %Y").replace(hour=9, tzinfo=UTC)
    paragraphs = [p.strip() for p in "\n".join(lines[3:]).split("\n\n") if p.strip()]
    blocks = tuple((_is_heading(p), " ".join(p.split())) for p in paragraphs)
    return Article(title, byline, date_text, published, blocks)


def _is_heading(paragraph: str) -> bool:
    return "\n" not in paragraph and len(paragraph) < 80 and paragraph[-1] not in '.!?”"’:;)'


def write_html(article: Article, path: Path) -> None:
    body = "\n".join(
        f"<h2>{html.escape(text)}</h2>" if heading else f"<p>{html.escape(text)}</p>"
        for heading, text in article.blocks
    )
    page = HTML_PAGE.substitute(
        title=html.escape(article.title),
        author=html.escape(article.author),
        byline=html.escape(article.byline),
        date=html.escape(article.date_text),
        iso_date=article.published.date().isoformat(),
        body=body,
        generator=GENERATOR,
    )
    path.write_text(page, encoding="utf-8")


def write_docx(article: Article, path: Path) -> None:
    document = docx.Document()
    properties = document.core_properties
    properties.title = article.title
    properties.author = article.author
    properties.created = properties.modified = article.published.replace(tzinfo=None)
    properties.comments = GENERATOR
    document.add_heading(article.title, level=0)
    document.add_paragraph(article.byline)
    document.add_paragraph(article.date_text)
    for heading, text in article.blocks:
        if heading:
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    document.save(str(path))


def write_eml(article: Article, path: Path) -> None:
    """The article as a newsletter mail: plain text body, the byline and date in the headers too."""
    message = EmailMessage()
    message["From"] = f"{article.author} <newsdesk@example.com>"
    message["To"] = "Readers <readers@example.org>"
    message["Subject"] = article.title
    message["Date"] = format_datetime(article.published)
    message["Message-ID"] = "<sample-article@factledger.example>"
    message["X-Mailer"] = GENERATOR
    paragraphs = [article.title, article.byline, article.date_text, *(text for _, text in article.blocks)]
    message.set_content(
        "\n\n".join(paragraphs) + "\n", subtype="plain", charset="utf-8", cte="quoted-printable"
    )
    path.write_bytes(bytes(message))


def write_pdf(article: Article, path: Path) -> None:
    """Laid out by Qt's text engine so no extra library is needed; fonts are embedded with Unicode maps."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    writer = QPdfWriter(str(path))
    writer.setTitle(article.title)
    writer.setCreator(GENERATOR)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    body = "".join(
        f"<h2>{html.escape(text)}</h2>" if heading else f"<p>{html.escape(text)}</p>"
        for heading, text in article.blocks
    )
    document = QTextDocument()
    font = QFont("DejaVu Serif", 11)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)  # no "ﬁ" ligatures in the extracted text
    document.setDefaultFont(font)
    document.setHtml(
        f"<h1>{html.escape(article.title)}</h1><p><i>{html.escape(article.byline)}</i><br>"
        f"{html.escape(article.date_text)}</p>{body}"
    )
    layout = writer.pageLayout()
    document.setPageSize(QSizeF(layout.paintRectPixels(writer.resolution()).size()))
    document.print_(writer)
    del writer, app
    _date_pdf(path, article)


def _date_pdf(path: Path, article: Article) -> None:
    """Qt stamps the PDF with the time it was generated; readers take that as the publication date."""
    import pypdf

    stamp = article.published.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer = pypdf.PdfWriter(clone_from=str(path))
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp, "/Author": article.author})
    with path.open("wb") as handle:
        writer.write(handle)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=SAMPLE_DIR, help="folder holding sample-article.txt")
    args = parser.parse_args()
    source = args.dir / "sample-article.txt"
    article = parse_article(source.read_text(encoding="utf-8"))
    stem = args.dir / "sample-article"
    write_html(article, stem.with_suffix(".html"))
    write_docx(article, stem.with_suffix(".docx"))
    write_eml(article, stem.with_suffix(".eml"))
    write_pdf(article, stem.with_suffix(".pdf"))
    print(f"make_sample_variants: wrote .html, .docx, .eml and .pdf beside {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
