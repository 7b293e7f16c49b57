"""Shared test fixtures. Real-data tests use ../shared and skip cleanly when it is absent."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so a red CI run is reproducible and main
# stays green unless the code changed; GREENKB_HYPOTHESIS_EXPLORE=1 draws new ones (and is how
# the examples pinned with @example in tests/test_properties.py were found).
settings.register_profile("greenkb", derandomize=not os.environ.get("GREENKB_HYPOTHESIS_EXPLORE"))
settings.load_profile("greenkb")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared (real corpus) is absent")
    return SHARED
