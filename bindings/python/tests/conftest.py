# SPDX-License-Identifier: MIT
"""Shared fixtures. The anchor for every calendar answer is tests/data/bank-holidays-official.csv (GOV.UK's
list for 2012-2028), read here independently of chc and fed to numpy's busday functions."""

import csv
import os
import sys
from pathlib import Path

import pytest

PYTHON_BINDINGS = Path(__file__).resolve().parents[1]
REPOSITORY = PYTHON_BINDINGS.parents[1]
OFFICIAL_CSV = REPOSITORY / "tests" / "data" / "bank-holidays-official.csv"
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")

# Run from a checkout without PYTHONPATH too (ctest sets it; a developer's plain pytest may not).
if str(PYTHON_BINDINGS) not in sys.path:
    sys.path.insert(0, str(PYTHON_BINDINGS))


def official_holidays(division):
    """The official bank holidays of a division as 'YYYY-MM-DD' strings."""
    with open(OFFICIAL_CSV, encoding="utf-8") as fh:
        return sorted(row["date"] for row in csv.DictReader(fh) if row["division"] == division)


@pytest.fixture(scope="session")
def chc():
    import chc as module
    return module


@pytest.fixture
def england(chc):
    with chc.Calendar("england-and-wales") as cal:
        yield cal


@pytest.fixture(scope="session")
def numpy():
    return pytest.importorskip("numpy")


@pytest.fixture(scope="session")
def busdaycal(numpy):
    """numpy busday calendars (Monday-Friday less the official list) by division."""
    return {division: numpy.busdaycalendar(weekmask="1111100", holidays=numpy.array(official_holidays(division),
                                                                                   dtype="datetime64[D]"))
            for division in DIVISIONS}


def library_path_for_subprocesses():
    """The library the tests use, for child interpreters (which must not search for one themselves)."""
    import chc
    return os.path.abspath(chc.library_path) if os.path.sep in chc.library_path else chc.library_path
