"""A page of claims builds each Claim only when read, and answers ids without building any."""

from __future__ import annotations

from pathlib import Path

import pytest

from factledger.core import Ledger
from factledger.domain import ClaimFilter, ClaimOrder, ClaimPage, Document
from factledger.domain import claim_page as page_module

TEXT = "Exports rose 12% in 2024. Imports fell 3% in 2024. Toyota will invest $10 billion by 2030."


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ClaimPage, list[str]]:
    ledger = Ledger.open(tmp_path / "p.factledger", actor="Test")
    result = ledger.import_document(Document(text=TEXT, title="t"))
    assert result.source_id
    for suggestion in ledger.suggestions(result.source_id):
        ledger.accept(suggestion.id)
    built: list[str] = []
    real = page_module.claim_from_values

    def counting(row: tuple[object, ...]) -> object:
        built.append(str(row[0]))
        return real(row)

    monkeypatch.setattr(page_module, "claim_from_values", counting)
    return ledger.claims(ClaimFilter(), ClaimOrder("statement", descending=False)), built


def test_ids_and_source_ids_build_nothing(page: tuple[ClaimPage, list[str]]) -> None:
    """Asking a page for its fact ids and source ids builds no Claim objects."""
    claims, built = page
    assert len(claims) >= 3
    assert len(claims.ids()) == len(claims) and len(claims.source_ids()) == 1
    assert built == []


def test_a_claim_is_built_once_when_first_read(page: tuple[ClaimPage, list[str]]) -> None:
    """A Claim is built when first read and reused after that; indexing and slicing agree with the ids."""
    claims, built = page
    first = claims[0]
    assert claims[0] is first and built == [first.id]
    assert claims[-1].id == claims.ids()[-1]
    assert [c.id for c in claims[1:3]] == claims.ids()[1:3]
    assert [c.id for c in claims] == claims.ids()


def test_reversed_extended_and_raw_differences(page: tuple[ClaimPage, list[str]]) -> None:
    """A page reverses, extends from an empty iterator, and names exactly the rows differing from another."""
    claims, _ = page
    assert claims.reversed().ids() == claims.ids()[::-1]
    assert ClaimPage([]).extended(iter([])).ids() == []
    assert claims.rows_differing_from(claims) == []
    assert claims.rows_differing_from(claims.reversed()) == [
        i for i, (a, b) in enumerate(zip(claims.ids(), claims.ids()[::-1], strict=True)) if a != b
    ]
