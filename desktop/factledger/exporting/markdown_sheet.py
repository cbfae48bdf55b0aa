"""The Markdown fact sheet: facts grouped under their source, each with its quote, verdict and evidence."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import TextIO

from factledger.domain import Attribution, Fulfilment, Status
from factledger.domain.factsheet import EvidenceRef, FactSheetRow

from .atomic import atomic_text_file
from .cells import evidence_target, format_number
from .progress import CancelFn, ProgressFn, RowCounter

# Characters with inline meaning anywhere in CommonMark (emphasis, code, links, raw HTML, tables,
# strikethrough, entities, heading closers); backslash-escaping any ASCII punctuation is always allowed.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
# Line starts that open a block: list items, setext underlines, ordered lists ("1." / "1)").
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.MULTILINE)


def write_markdown(
    rows: Iterable[FactSheetRow],
    path: str | os.PathLike[str],
    *,
    title: str = "Fact sheet",
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> int:
    """Stream `rows` to a Markdown fact sheet at `path`, one `##` section per source; return the count.

    Rows are expected sorted by source; an unsorted stream still works, each run of consecutive rows
    from one source getting its own section (so a source can appear twice). User text is escaped, so
    a statement with `*` or `<b>` reads as typed. The file appears only when complete.
    """
    counter = RowCounter(progress=progress, cancelled=cancelled)
    with atomic_text_file(path) as out:
        out.write(f"# {escape_inline(title)}\n")
        current: str | None = None
        for row in rows:
            if row.source_id != current:
                current = row.source_id
                _write_source_heading(out, row)
            _write_fact(out, row)
            counter.tick()
        if counter.count == 0:
            out.write("\nNo facts matched the selection.\n")
        counter.finish()
    return counter.count


def escape_inline(text: str) -> str:
    """Escape user text for one line of Markdown: newlines become spaces, markup characters are literal."""
    return escape_block(" ".join(text.split()))


def escape_block(text: str) -> str:
    """Escape user text that keeps its line breaks (inside a blockquote): no markup, no stray blocks."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(1) + _escape_block_marker(m.group(2)), escaped)


def _escape_block_marker(marker: str) -> str:
    # "1." must become "1\." so it is not a list; a bare "-", "+" or "=" is escaped itself.
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


def link(label: str, url: str) -> str:
    """A Markdown link whose URL survives spaces, parentheses and angle brackets."""
    safe = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace("\n", "")
    return f"[{escape_inline(label)}](<{safe}>)"


def _write_source_heading(out: TextIO, row: FactSheetRow) -> None:
    title = row.source_title or row.source_url or f"Source {row.source_id}"
    out.write(f"\n## {escape_inline(title)}\n\n")
    details = [f"*{escape_inline(row.outlet)}*" if row.outlet else "", escape_inline(row.published or "")]
    if row.source_url:
        details.append(link(row.source_url, row.source_url))
    line = " · ".join(part for part in details if part)
    if line:
        out.write(line + "\n")


def _write_fact(out: TextIO, row: FactSheetRow) -> None:
    out.write(f"\n### {escape_inline(row.statement)}\n\n")
    for line in row.quote.split("\n"):
        out.write(f"> {escape_block(line)}\n" if line.strip() else ">\n")
    out.write("\n")
    for label, value in _details(row):
        out.write(f"- **{label}:** {value}\n")
    if row.evidence:
        out.write("- **Evidence:**\n")
        for ref in row.evidence:
            out.write(f"  - {_evidence_line(ref)}\n")
    out.write(f"- **Id:** `{row.id.replace('`', '')}`\n")


def _details(row: FactSheetRow) -> list[tuple[str, str]]:
    status = Status(row.status).label
    if row.status_reason:
        status += f" — {escape_inline(row.status_reason)}"
    details = [("Status", status), ("Kind", escape_inline(row.kind.replace("_", " ").capitalize()))]
    figure = _figure(row)
    if figure:
        details.append(("Figure", figure))
    if row.subject:
        details.append(("Subject", escape_inline(row.subject)))
    if row.speaker or row.attribution:
        who = escape_inline(row.speaker) if row.speaker else ""
        if row.attribution:
            sourcing = Attribution(row.attribution).label.lower()
            who = f"{who} ({sourcing})" if who else sourcing.capitalize()
        details.append(("Said by", who))
    if row.claim_date:
        details.append(("Stated on", escape_inline(row.claim_date)))
    commitment = _commitment(row)
    if commitment:
        details.append(("Commitment", commitment))
    if row.source_changed and row.source_change:  # a stealth edit: the reader of the sheet must know
        dates = " → ".join(d[:10] for d in (row.old_version_date, row.new_version_date) if d)
        details.append(("Source changed", escape_inline(f"{row.source_change} ({dates})")))
    if row.verified_by or row.verified_at:
        by = " on ".join(escape_inline(part) for part in (row.verified_by, row.verified_at) if part)
        details.append(("Checked by", by))
    if row.context:
        details.append(("Context", f"“{escape_inline(row.context)}”"))
    return details


def readable_number(value: float | None) -> str:
    """A figure for people: thousands grouped (550,000,000,000), never an exponent; empty when unknown."""
    text = format_number(value)
    whole, dot, fraction = text.partition(".")
    if whole.lstrip("-").isdigit():
        whole = f"{int(whole):,}"
    return whole + dot + fraction


def _figure(row: FactSheetRow) -> str:
    number = readable_number(row.value)
    if not number:
        return ""
    parts = [row.qualifier or "", number, row.unit or ""]
    text = escape_inline(" ".join(part for part in parts if part))
    return f"{text} ({escape_inline(row.period)})" if row.period else text


def _commitment(row: FactSheetRow) -> str:
    parts = [escape_inline(part) for part in (row.committer, row.action) if part]
    amount = readable_number(row.amount)
    if amount:
        parts.append(amount)
    delivered = readable_number(row.delivered)
    if delivered:
        parts.append(f"{delivered} delivered")
    if row.deadline:
        parts.append(f"by {escape_inline(row.deadline)}")
    if row.fulfilment:
        parts.append(Fulfilment(row.fulfilment).label.lower())
    return " — ".join(parts)


def _evidence_line(ref: EvidenceRef) -> str:
    url = ref.url or ref.source_url
    label = ref.source_title or url or (f"source {ref.source_id}" if ref.source_id else "unnamed")
    target = link(label, url) if url else escape_inline(evidence_target(ref))
    line = f"{ref.stance.value}: {target}"
    if ref.quote:
        line += f" — “{escape_inline(ref.quote)}”"
    if ref.note:
        line += f" ({escape_inline(ref.note)})"
    return line
