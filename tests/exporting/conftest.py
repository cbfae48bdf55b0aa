"""Fixtures for the exporting tests: fact-sheet rows built the way storage will stream them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from factledger.domain import Stance
from factledger.domain.factsheet import EvidenceRef, FactSheetRow

RowFactory = Callable[..., FactSheetRow]


def _row(**overrides: Any) -> FactSheetRow:
    quote = overrides.pop("quote", "Japan will invest $550 billion in the United States.")
    fields: dict[str, Any] = {
        "id": "c-0001",
        "kind": "commitment",
        "statement": "Japan pledged $550 billion of investment in the US.",
        "quote": quote,
        "value": 550_000_000_000.0,
        "unit": "USD",
        "qualifier": "at least",
        "period": "2025–2029",
        "subject": "Japan–US trade deal",
        "speaker": "Howard Lutnick",
        "attribution": "on_record",
        "committer": "Government of Japan",
        "action": "invest in the United States",
        "amount": 550_000_000_000.0,
        "deadline": "2029-01-20",
        "fulfilment": "announced",
        "status": "verified",
        "status_reason": "Matches the joint statement.",
        "verified_by": "Ana",
        "verified_at": "2025-08-01T10:00:00+00:00",
        "source_title": "Japan and US agree trade deal",
        "outlet": "Example Times",
        "source_url": "https://news.example/japan-deal",
        "published": "2025-07-23",
        "evidence": (
            EvidenceRef(
                stance=Stance.SUPPORTS,
                source_id="s-0002",
                source_title="Joint statement",
                source_url="https://gov.example/joint",
                quote="$550 billion",
                start=10,
                end=22,
            ),
            EvidenceRef(
                stance=Stance.CONTRADICTS, url="https://other.example/500bn", note="says $500 billion"
            ),
        ),
        "context": "In Tokyo, officials said Japan will invest $550 billion in the United States.",
        "source_id": "s-0001",
        "stated_on": "2025-07-22",
        "claim_start": 25,
        "claim_end": 25 + len(quote),
    }
    fields.update(overrides)
    return FactSheetRow(**fields)


@pytest.fixture(scope="session")
def make_row() -> RowFactory:
    """Build a complete, realistic row; keyword arguments override single fields."""
    return _row
