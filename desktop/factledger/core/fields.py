"""Validation of fact fields typed by a person or a script, before anything reaches the database."""

from __future__ import annotations

import re
from typing import Any

from factledger.domain import (
    Attribution,
    ClaimKind,
    Fulfilment,
    LinkKind,
    Qualifier,
    Status,
    UserError,
    parse_enum,
)

SOURCE_FIELDS = ("title", "outlet", "url", "published", "authors")
"""The details a person may correct; the text itself never changes, since every fact's span indexes it."""

TEXT_FIELDS = frozenset(
    {
        "statement",
        "subject",
        "speaker",
        "unit",
        "period",
        "committer",
        "action",
        "cue",
        "group_key",
        "status_reason",
    }
)
NUMBER_FIELDS = frozenset({"value", "amount", "delivered"})
DATE_FIELDS = frozenset({"stated_on", "deadline"})
_ENUM_FIELDS: dict[str, tuple[type[Any], str]] = {
    "kind": (ClaimKind, "kind"),
    "attribution": (Attribution, "sourcing type"),
    "qualifier": (Qualifier, "qualifier"),
    "fulfilment": (Fulfilment, "fulfilment state"),
    "status": (Status, "status"),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?([T ][\d:.+-Z]+)?$")


def normalize_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Return storable values: enums as their stored text, numbers as floats, blanks as None."""
    result: dict[str, Any] = {}
    for name, raw in fields.items():
        value = raw.strip() if isinstance(raw, str) else raw
        if value == "":
            value = None
        if value is None:
            result[name] = None
        elif name in _ENUM_FIELDS:
            enum_type, what = _ENUM_FIELDS[name]
            result[name] = str(parse_enum(enum_type, str(value), what=what))
        elif name in NUMBER_FIELDS:
            result[name] = _number(name, value)
            if name == "delivered" and result[name] < 0:
                raise UserError("A delivered amount cannot be negative; write what arrived, e.g. 4000000000.")
        elif name in DATE_FIELDS:
            result[name] = checked_date(name, str(value))
        elif name in TEXT_FIELDS:
            result[name] = str(value)
        else:
            raise UserError(f"'{name}' is not a field of a fact.")
    return result


def checked_date(name: str, value: str) -> str:
    """An ISO 8601 date (or year, or year-month) as typed, or a message saying how to write it."""
    if not _DATE.match(value):
        raise UserError(f"'{value}' is not a date; write {name} as YYYY, YYYY-MM or YYYY-MM-DD.")
    return value


def _number(name: str, value: Any) -> float:
    if isinstance(value, int | float):
        return float(value)
    from factledger.domain.figures import parse_number

    number = parse_number(str(value))
    if number is None:
        raise UserError(
            f"'{value}' is not a number; {name} takes digits such as 10000000000, 10 billion or 37.4."
        )
    return number


def normalize_link_kind(kind: str) -> str:
    return str(parse_enum(LinkKind, str(kind).replace("-", "_"), what="link kind"))


EDITABLE_BY_NAME: tuple[str, ...] = (
    "statement",
    "subject",
    "speaker",
    "attribution",
    "value",
    "unit",
    "qualifier",
    "period",
    "committer",
    "action",
    "amount",
    "delivered",
    "deadline",
    "fulfilment",
    "stated_on",
    "kind",
)
"""Fields a person may edit by name (CLI `edit`); status has its own command because it needs a reason."""
