# SPDX-License-Identifier: MIT
"""The error mapping: every CHC_E_* code to its class, messages from chc_last_error(), strings freed."""

import ctypes
import os
import re

import pytest

from conftest import REPOSITORY

# code -> (class name, the built-in a Python caller would catch); written out here, not read from chc.errors.
EXPECTED = {
    -1: ("NullError", ValueError),
    -2: ("InvalidError", ValueError),
    -3: ("JSONError", ValueError),
    -4: ("DateError", ValueError),
    -5: ("RangeError", ValueError),
    -6: ("DayOverflowError", OverflowError),
    -7: ("UnknownNameError", LookupError),
    -8: ("NoMemoryError", MemoryError),
    -9: ("SchemaError", ValueError),
    -10: ("LimitError", ValueError),
    -11: ("InternalError", RuntimeError),
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_code_has_its_class(chc, code):
    name, builtin = EXPECTED[code]
    error = chc.errors.error_for(code, "the message")
    assert type(error) is getattr(chc, name)
    assert isinstance(error, chc.Error) and isinstance(error, builtin)
    assert (error.code, error.message, str(error)) == (code, "the message", "the message")


def test_a_code_newer_than_the_package_is_a_plain_error(chc):
    error = chc.errors.error_for(-99, "from the future")
    assert type(error) is chc.Error and error.code == -99


def test_c_failures_raise_with_chc_last_error(chc):
    lib = chc._lib
    out = ctypes.c_int32()
    with pytest.raises(chc.DateError, match='"tomorrow" is not a date'):
        lib.chc_day_parse(ctypes.byref(out), b"tomorrow")
    # NULL cannot come from the Python API, but the raw table still maps it.
    with pytest.raises(chc.NullError, match="cal is NULL"):
        lib.chc_calendar_is_working_day(ctypes.byref(ctypes.c_int()), None, 0)
    with pytest.raises(chc.LimitError, match="size"):
        lib.chc_day_format(ctypes.create_string_buffer(4), 4, 0)
    assert lib.chc_day_parse(ctypes.byref(out), b"2024-12-20") == 0 and out.value == 20077


def test_the_table_covers_the_header(chc):
    header = (REPOSITORY / "include" / "chc" / "chc.h").read_text()
    declared = set(re.findall(r"CHC_API [^;]*?\b(chc_\w+)\(", header))
    bound = {name for name, _, _ in chc._library.PROTOTYPES}
    assert len(bound) == 45 and bound <= declared
    assert declared - bound == set()


def _resident_bytes():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096


def test_library_strings_are_freed(chc, england):
    if "libasan" in os.environ.get("LD_PRELOAD", ""):
        pytest.skip("under ASan freed memory stays resident in its quarantine; the C tests' leak checks cover this")
    for _ in range(1000):
        england.holidays("2024-01-01", "2024-12-31")
    before = _resident_bytes()
    for _ in range(30_000):  # about 1.2 KB of JSON each: 36 MB if chc's copies leaked
        england.holidays("2024-01-01", "2024-12-31")
    assert _resident_bytes() - before < 8 * 2 ** 20
