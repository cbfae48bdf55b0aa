"""A page of facts as a listing hands it out: stored values, each built into a `Claim` only when first read.

A domain type (not a storage one) because the UI's table model holds pages and the storage port returns
them: whichever engine fills a page, the rows are the `Claim` fields' values in their declared order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from enum import StrEnum
from typing import Any, overload

from .enums import Attribution, ClaimKind, Fulfilment, Origin, Qualifier, Status
from .records import Claim

CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
"""The `Claim` fields in declared order: the order of the values in every row of a `ClaimPage`."""

# (position in CLAIM_FIELDS, the enum, its members by value, whether None is allowed). A dict lookup is
# several times cheaper than `Enum(value)`, which goes through the metaclass call.
_ENUM_FIELDS: tuple[tuple[int, type[StrEnum], dict[str, StrEnum], bool], ...] = tuple(
    (CLAIM_FIELDS.index(name), vocabulary, {m.value: m for m in vocabulary}, optional)
    for name, vocabulary, optional in (
        ("kind", ClaimKind, False),
        ("attribution", Attribution, True),
        ("qualifier", Qualifier, True),
        ("fulfilment", Fulfilment, True),
        ("status", Status, False),
        ("origin", Origin, False),
    )
)
_ID, _SOURCE_ID = CLAIM_FIELDS.index("id"), CLAIM_FIELDS.index("source_id")


def claim_from_values(row: Sequence[Any]) -> Claim:
    """A claim from its stored values in `CLAIM_FIELDS` order (vocabularies as their text values).

    A table page builds 200 of these on every sort and scroll: positional values and dict lookups of the
    enum members keep that a small share of the query it follows.
    """
    values = list(row)
    for index, vocabulary, members, optional in _ENUM_FIELDS:
        value = values[index]
        if value is None and optional:
            continue
        member = members.get(value)
        # not a member (or None where one is required): the Enum call raises its usual ValueError
        values[index] = vocabulary(value) if member is None else member
    return Claim(*values)


class ClaimPage(Sequence[Claim]):
    """Claims as fetched, each built into a `Claim` only when first read.

    A table page holds 200 rows but paints about 30, and building a frozen 30-field `Claim` costs about
    as much as the indexed query that fetched it: a re-sort or a jump pays for the rows it shows. Ids and
    source ids are read from the stored values without building anything.
    """

    __slots__ = ("_built", "_rows")

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._built: list[Claim | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> list[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | list[Claim]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._rows)))]
        claim = self._built[index]
        if claim is None:
            claim = self._built[index] = claim_from_values(self._rows[index])
        return claim

    def __repr__(self) -> str:
        return f"ClaimPage({len(self._rows)} rows)"

    def ids(self) -> list[str]:
        return [str(row[_ID]) for row in self._rows]

    def source_ids(self) -> set[str]:
        return {str(row[_SOURCE_ID]) for row in self._rows}

    def rows_differing_from(self, other: ClaimPage) -> list[int]:
        """Positions whose stored values differ from `other`'s at the same position (compared raw)."""
        return [i for i, (a, b) in enumerate(zip(self._rows, other._rows, strict=True)) if a != b]

    def reversed(self) -> ClaimPage:
        return ClaimPage(self._rows[::-1])

    def extended(self, rows: Iterable[tuple[Any, ...]]) -> ClaimPage:
        return ClaimPage([*self._rows, *rows])


__all__ = ["CLAIM_FIELDS", "ClaimPage", "claim_from_values"]
