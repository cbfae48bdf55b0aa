"""Status colours keep their contrast on a dark base."""

from __future__ import annotations

from factledger.domain import Status
from factledger.ui.style import status_colour


def test_status_text_is_lifted_on_a_dark_base() -> None:
    """Every status colour is lighter on a dark base and keeps its hue."""
    for status in Status:
        light, dark = status_colour(status, dark=False), status_colour(status, dark=True)
        assert dark.lightness() > light.lightness(), status
        assert dark.hue() == light.hue(), status
