"""Size limits that keep a hostile or mistaken input from exhausting memory."""

from __future__ import annotations

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest file or download read at all; checked before any byte is loaded."""

MAX_TEXT_CHARS = 4_000_000
"""Most characters of text one document may hold (about 2,000 pages): finding facts costs time in
proportion to the text, and this much text dense with figures is imported well within a minute on a busy
two-core machine (ordinary prose in about a quarter of that). See docs/RELIABILITY.md."""

MAX_ARTICLE_HTML_CHARS = 4_000_000
"""Largest page whose article is looked for (by trafilatura); a larger page is read as all its visible text.
Real article pages are well below it; the article finder takes 10 s for 5 MB and 30 s for 10 MB."""

MAX_EXPANDED_BYTES = 200 * 1024 * 1024
"""Largest total a zip container (DOCX) may declare, or actually inflate, for its members (zip bombs)."""

MAX_XML_BYTES = 64 * 1024 * 1024
"""Largest total of markup (not images) a DOCX may inflate to: parsed XML takes many times its size."""


def format_size(size: int) -> str:
    """A byte count as people read it in a message: "52 MB", "300 KB", "12 bytes"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
