"""End-to-end tests run the real window offscreen (or the real process under Xvfb)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
