"""Fixtures for the printing tests; sample data lives in ``printing_samples``."""

from __future__ import annotations

from pathlib import Path

import pytest
from printing_samples import FONTS_DIR


@pytest.fixture
def fonts_dir() -> Path:
    """The fonts shipped in resources/fonts."""
    return FONTS_DIR
