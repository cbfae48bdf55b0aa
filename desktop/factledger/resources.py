"""Finds the files under `resources/` in a source checkout, a frozen bundle and an installed package."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The one place every caller asks; the order matches how likely each layout is at run time."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")  # checkout / editable install
    candidates.append(Path(sys.prefix) / "share" / "factledger" / "resources")  # wheel data files
    for candidate in candidates:
        if (candidate / "sample").is_dir():
            return candidate
    return candidates[0]


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_article_path() -> Path:
    return resource_path("sample", "sample-article.txt")
