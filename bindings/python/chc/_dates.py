# SPDX-License-Identifier: MIT
"""Dates in and out of chc: the one place a Python or numpy date becomes a chc_day (days since 1970-01-01)."""

import ctypes
import operator
import sys
from datetime import date

from . import errors
from ._library import chc_day, lib

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1
_EXPECTED = "a datetime.date, datetime.datetime, 'YYYY-MM-DD' string or numpy.datetime64"


def _numpy_if_loaded():
    # A numpy value can only exist once numpy is imported, so chc never imports it for scalars.
    return sys.modules.get("numpy")


def c_string(text, name):
    """UTF-8 bytes for a C string argument; an embedded NUL would silently cut it short in C."""
    if not isinstance(text, str):
        raise TypeError(f"{name}: expected a str, got {type(text).__name__}")
    if "\0" in text:
        raise errors.InvalidError(errors.E_INVALID, f"{name}: {text!r} contains a NUL character")
    return text.encode("utf-8")


def to_day(value, name="date"):
    """The chc_day of a date, datetime (its own date), 'YYYY-MM-DD' string or numpy.datetime64.

    Errors name the argument: DateError for text that is not a real date, RangeError beyond 32 bits.
    """
    if isinstance(value, date):  # datetime and pandas.Timestamp too: toordinal() is their date's
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, str):
        out = chc_day()
        try:
            lib.chc_day_parse(ctypes.byref(out), c_string(value, name))
        except errors.Error as e:
            raise errors.with_context(e, name) from None
        return out.value
    numpy = _numpy_if_loaded()
    if numpy is not None and isinstance(value, numpy.datetime64):
        if numpy.isnat(value):
            raise errors.DateError(errors.E_DATE, f"{name}: NaT is not a date")
        day = int(value.astype("datetime64[D]").astype(numpy.int64))
        if not INT32_MIN <= day <= INT32_MAX:
            raise errors.RangeError(errors.E_RANGE, f"{name}: {value} is beyond any 32-bit day number")
        return day
    raise TypeError(f"{name}: expected {_EXPECTED}, got {type(value).__name__}")


def from_day(day):
    """The datetime.date of a chc_day."""
    try:
        return date.fromordinal(day + _EPOCH_ORDINAL)
    except (ValueError, OverflowError):
        raise errors.RangeError(errors.E_RANGE, f"day {day} is outside datetime.date's years 1-9999") from None


def int32(value, name):
    """A Python int that fits the C int32_t parameter (ctypes would silently wrap it)."""
    number = operator.index(value)  # TypeError for floats and other non-integers
    if not INT32_MIN <= number <= INT32_MAX:
        raise errors.DayOverflowError(errors.E_OVERFLOW, f"{name}: {number} does not fit in 32 bits")
    return number


_DATE_FIELDS = frozenset({"date", "from", "to", "substitute_for", "first_day", "last_day", "official_through"})


def dates_in(value):
    """A copy of parsed chc JSON with its date fields as datetime.date."""
    if isinstance(value, dict):
        return {key: (date.fromisoformat(item) if key in _DATE_FIELDS and isinstance(item, str) else dates_in(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [dates_in(item) for item in value]
    return value


# ---------------------------------------------------------------------------
# numpy arrays (numpy is imported only when an array is given)

def is_array(value):
    """True for array-likes (numpy arrays, pandas Series, lists); False for one date or number."""
    if isinstance(value, (str, bytes, date, int, float)):
        return False
    numpy = _numpy_if_loaded()
    if numpy is not None and isinstance(value, numpy.generic):
        return False
    return isinstance(value, (list, tuple)) or hasattr(value, "__array__")


def numpy_module():
    try:
        import numpy
    except ImportError:
        raise ImportError("chc: arrays of dates need numpy (apt-get install python3-numpy)") from None
    return numpy


def day_array(values, name):
    """An int64 array of chc_days from datetime64 values (any unit), dates or 'YYYY-MM-DD' strings.

    Not checked against chc's range here: the batch64 calls check every element and name the first bad one."""
    numpy = numpy_module()
    array = numpy.asarray(values)
    if array.dtype.kind not in "MOUS":
        raise TypeError(f"{name}: expected an array of dates (datetime64[D] or {_EXPECTED}), got dtype {array.dtype}")
    try:
        return array.astype("datetime64[D]", copy=False).view(numpy.int64)
    except (ValueError, TypeError) as e:
        raise errors.DateError(errors.E_DATE, f"{name}: {e}") from None


def int_array(values, name):
    """An integer array (chc checks each value fits 32 bits, like day_array's days)."""
    array = numpy_module().asarray(values)
    if array.dtype.kind not in "iub":
        raise TypeError(f"{name}: expected an integer array, got dtype {array.dtype}")
    return array


def format_index(flat_index, shape):
    """'42' for a 1-D array, '1, 2' for the element at that flat position of a 2-D one."""
    if len(shape) <= 1:
        return str(flat_index)
    return ", ".join(str(int(i)) for i in numpy_module().unravel_index(flat_index, shape))
