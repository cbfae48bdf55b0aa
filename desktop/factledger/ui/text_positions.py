"""Converts between Python string offsets (what the ledger stores) and Qt's UTF-16 text positions."""

from __future__ import annotations

from bisect import bisect_left


class TextPositions:
    """Characters outside the Basic Multilingual Plane take two UTF-16 units in Qt and one in Python."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index) if self._astral else index

    def to_python(self, position: int) -> int:
        return position - bisect_left(self._astral_qt, position - 1) if self._astral else position
