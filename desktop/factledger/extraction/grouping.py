"""Group keys: one key for every mention of the same figure about the same actor in a document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure's identity as far as grouping needs it."""

    unit: str | None
    value: float
    subject: str | None


def _format_value(value: float) -> str:
    text = f"{value:g}".replace("e+", "e")
    return text


def group_keys(mentions: list[Mention]) -> list[str]:
    """A key per mention, shared by restatements such as "another $10 billion" and "at least $10 billion".

    Mentions agree when unit and value agree (within 0.5 %) and their subjects do not differ; a mention
    without a subject joins the group of the same figure when there is exactly one.
    """
    groups: list[tuple[str | None, float, str | None]] = []
    assigned: list[int] = []
    for mention in mentions:
        match = None
        for index, (unit, value, subject) in enumerate(groups):
            same_figure = unit == mention.unit and abs(value - mention.value) <= 0.005 * max(abs(value), 1e-9)
            # Large sums restated in one article are the same money whoever the sentence names first.
            loose = unit is not None and len(unit) == 3 and unit.isupper() and value >= 1e6
            if same_figure and (
                loose or subject is None or mention.subject is None or subject == mention.subject
            ):
                match = index
                break
        if match is None:
            groups.append((mention.unit, mention.value, mention.subject))
            match = len(groups) - 1
        elif groups[match][2] is None and mention.subject is not None:
            groups[match] = (groups[match][0], groups[match][1], mention.subject)
        assigned.append(match)
    return [
        f"{groups[i][0] or 'number'}:{_format_value(groups[i][1])}:{groups[i][2] or '?'}" for i in assigned
    ]
