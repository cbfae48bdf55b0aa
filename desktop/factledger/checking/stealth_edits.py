"""Stealth edits as findings: facts whose quote a newer version of their source changed or dropped."""

from __future__ import annotations

from collections.abc import Iterable

from factledger.domain.anchors import Anchor, describe_change

from .consistency import Finding

SOURCE_CHANGED = "source_changed"


def stealth_edit_findings(anchors: Iterable[Anchor]) -> list[Finding]:
    """One finding per fact whose wording changed or vanished, with both versions' dates."""
    findings = []
    for anchor in sorted(anchors, key=lambda a: a.claim_id):
        if not anchor.state.is_finding:
            continue
        change = describe_change(
            anchor.state, anchor.old_quote, anchor.new_quote, anchor.figures, anchor.to_version
        )
        dates = f"version {anchor.from_version} seen {_day(anchor.from_date)}, version {anchor.to_version} seen {_day(anchor.to_date)}"
        findings.append(
            Finding(SOURCE_CHANGED, (anchor.claim_id,), f"The source changed: {change} ({dates}).")
        )
    return findings


def _day(stamp: str | None) -> str:
    return (stamp or "?")[:10]
