"""What the timeline says in words: its summary line and the tooltips of a fact and of a counted marker."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from factledger.core.series import DAY, MAX_BARS, STATUS_ORDER, Timeline, TimelineGrouping, TimelinePoint
from factledger.domain.chart_rows import BUCKET_WIDTHS

from .axes import human_number
from .palette import STATUS_COLOURS
from .timeline_markers import Buckets

NO_GROUP = {
    TimelineGrouping.SUBJECT: "(no subject)",
    TimelineGrouping.COMMITTER: "(no one named)",
    TimelineGrouping.SOURCE: "(no source)",
    TimelineGrouping.STATUS: "(no status)",
}


_BUCKET_NAMES = dict(zip(BUCKET_WIDTHS, ("day", "week", "month", "quarter", "year"), strict=True))


def bucket_name(seconds: float) -> str:
    """What a counted marker's bucket is called, from its width."""
    return _BUCKET_NAMES.get(seconds / DAY, "year")


def summary_text(timeline: Timeline) -> str:
    """The line above the chart: how many facts, whether they are counted, what is not drawn and why."""
    shown = f"{timeline.dated:,} facts shown" + (" in this range" if timeline.window is not None else "")
    if timeline.aggregated:
        shown += f" counted per {bucket_name(timeline.bucket_seconds)} (zoom in for single facts)"
    if timeline.undated:
        # Neither the fact nor its source has a date: say where to give one.
        shown += f" · {timeline.undated:,} without a date (not shown; date them in Source ▸ Source details…)"
    if timeline.bars_omitted:
        shown += f" · {timeline.bars_omitted:,} commitment bars not drawn (more than {MAX_BARS:,}; narrow the filter)"
    return shown


def bucket_tooltip_html(buckets: Buckets, index: int, timeline: Timeline, groups: list[str | None]) -> str:
    """What one counted marker stands for: its period, its row, and its facts by verification status."""
    start = float(buckets.x[index]) - timeline.bucket_seconds / 2
    day = datetime.fromtimestamp(start, tz=UTC).date().isoformat()
    group = groups[int(buckets.row[index])]
    row = NO_GROUP[timeline.grouping] if group is None else group
    lines = [
        f"<b>{int(buckets.total[index]):,} facts</b> · {bucket_name(timeline.bucket_seconds)} from {day}",
        f"<i>{html.escape(row)}</i>",
    ]
    for code, status in enumerate(STATUS_ORDER):
        count = int(buckets.by_status[index, code])
        if count:
            lines.append(f"<span style='color:{STATUS_COLOURS[status]}'>●</span> {status.label}: {count:,}")
    lines.append("Click to zoom in.")
    return "<br>".join(lines)


def tooltip_html(point: TimelinePoint) -> str:
    """Quote, speaker, source and verification of one fact, escaped (quotes come from articles)."""
    lines = [f"<b>“{html.escape(point.quote)}”</b>"]
    who = point.speaker or point.committer
    if who:
        lines.append(f"— {html.escape(who)}")
    source = point.source_title or "untitled source"
    if point.outlet:
        source += f", {point.outlet}"
    lines.append(f"<i>{html.escape(source)}</i>" + (f" · {point.stated_on}" if point.stated_on else ""))
    figure = point.value if point.value is not None else point.amount
    if figure is not None:
        lines.append(f"{human_number(figure)} {html.escape(point.unit or '')}".strip())
    colour = STATUS_COLOURS[point.status]
    status = f"<span style='color:{colour}'>●</span> {point.status.label} · {point.kind.value}"
    if point.fulfilment is not None:
        status += f" · {point.fulfilment.label}"
    if point.deadline:
        status += f" · due {html.escape(point.deadline)}"
    lines.append(status)
    return "<br>".join(lines)
