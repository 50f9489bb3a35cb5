# SPDX-License-Identifier: MIT
"""Dates in and out of chc: the one place a Python, numpy or pandas date becomes a chc_day (days since 1970-01-01).

The rules, for one value and for every element of an array alike:
  - a datetime.date, or 'YYYY-MM-DD' text: that day;
  - RFC 3339 text with a UTC offset ("2025-06-13T23:30:00Z") or a time-zone-aware datetime / pandas.Timestamp:
    the Europe/London date of that instant, worked out by libchc (chc_timestamp_to_day);
  - a naive datetime, pandas.Timestamp or datetime64 with a time unit (datetime64[s], [ns], ...): a Europe/London
    local wall-clock time, so its own date. chc never reads a naive time as UTC (numpy's convention): to say a
    naive time is UTC, make it aware first (pandas: series.dt.tz_localize("UTC"));
  - numpy.datetime64[D]: that day; datetime64[Y], [M] and [W] are years, months and weeks, and are refused,
    as are partial texts ('2025', '2025-06');
  - in an array, a missing value (None, NaN, NaT, pandas.NA, '' or 'NaT') is NaT; as one argument it is an error.
"""

from __future__ import annotations

import ctypes
import functools
import math
import operator
import sys
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

from . import errors
from ._library import chc_day, lib

if TYPE_CHECKING:
    import numpy
    from numpy.typing import NDArray

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1
NAT = -(2 ** 63)  # numpy's NaT as an int64
_EXPECTED = "a datetime.date, datetime.datetime, 'YYYY-MM-DD' or RFC 3339 string, or numpy.datetime64"
_PARTIAL_UNITS = {"Y": "years", "M": "months", "W": "weeks"}
LONDON = "Europe/London"

# One date as chc's functions take it (an int chc_day is not one: chc.from_day turns it into a date).
DateLike = Union[date, str, "numpy.datetime64"]


def _numpy_if_loaded() -> Any:
    # A numpy value can only exist once numpy is imported, so chc never imports it for scalars.
    return sys.modules.get("numpy")


def c_string(text: object, name: str) -> bytes:
    """UTF-8 bytes for a C string argument; an embedded NUL would silently cut it short in C."""
    if not isinstance(text, str):
        raise TypeError(f"{name}: expected a str, got {type(text).__name__}")
    if "\0" in text:
        raise errors.InvalidError(errors.E_INVALID, f"{name}: {text!r} contains a NUL character")
    return text.encode("utf-8")


def missing(value: object) -> bool:
    """True for None and numpy's and pandas' missing values: NaN, NaT, pandas.NA."""
    if value is None:
        return True
    if isinstance(value, (str, bytes, int)):
        return False
    if isinstance(value, float):
        return math.isnan(value)
    pandas = sys.modules.get("pandas")
    if pandas is not None and (value is pandas.NaT or value is pandas.NA):
        return True
    numpy = _numpy_if_loaded()
    if numpy is not None:
        if isinstance(value, (numpy.datetime64, numpy.timedelta64)):
            return bool(numpy.isnat(value))
        if isinstance(value, numpy.floating):
            return bool(numpy.isnan(value))
    return False


def _timestamp_day(text: str) -> int:
    """The London date of 'YYYY-MM-DD' or RFC 3339 text, by libchc; errors name no argument."""
    if "\0" in text:
        raise errors.InvalidError(errors.E_INVALID, f"{text!r} contains a NUL character")
    out = chc_day()
    lib.chc_timestamp_to_day(ctypes.byref(out), text.encode("utf-8"))
    return out.value


def _aware(value: datetime) -> bool:
    return value.tzinfo is not None and value.utcoffset() is not None


def _datetime64_day(value: Any, numpy: Any) -> int:
    unit = numpy.datetime_data(value.dtype)[0]
    if unit in _PARTIAL_UNITS:
        raise errors.DateError(errors.E_DATE, f"{value} is datetime64[{unit}]: {_PARTIAL_UNITS[unit]}, not days")
    # A time unit without a zone is London local time: the date is its day (numpy's floor).
    day = int(value.astype("datetime64[D]").astype(numpy.int64))
    if not INT32_MIN <= day <= INT32_MAX:
        raise errors.RangeError(errors.E_RANGE, f"{value} is beyond any 32-bit day number")
    return day


def _day_number(value: object) -> int:
    """The chc_day of one date; errors say what is wrong but not where (the caller names the argument)."""
    if isinstance(value, datetime):  # pandas.Timestamp too
        if missing(value):
            raise errors.DateError(errors.E_DATE, "NaT is not a date")
        if _aware(value):
            return _timestamp_day(value.isoformat())
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, str):
        return _timestamp_day(value)
    numpy = _numpy_if_loaded()
    if numpy is not None and isinstance(value, numpy.datetime64):
        if numpy.isnat(value):
            raise errors.DateError(errors.E_DATE, "NaT is not a date")
        return _datetime64_day(value, numpy)
    raise TypeError(f"expected {_EXPECTED}, got {type(value).__name__}")


def to_day(value: DateLike, name: str = "date") -> int:
    """The chc_day of a date, datetime, 'YYYY-MM-DD' or RFC 3339 string, or numpy.datetime64 (see the module's rules).

    Errors name the argument: DateError for text that is not a real date, RangeError beyond 32 bits.
    """
    if type(value) is date:  # the commonest argument, without the checks for the others
        return value.toordinal() - _EPOCH_ORDINAL
    try:
        return _day_number(value)
    except errors.Error as e:
        raise errors.with_context(e, name) from None
    except TypeError as e:
        raise TypeError(f"{name}: {e}") from None


def from_day(day: int) -> date:
    """The datetime.date of a chc_day."""
    try:
        return date.fromordinal(day + _EPOCH_ORDINAL)
    except (ValueError, OverflowError):
        raise errors.RangeError(errors.E_RANGE, f"day {day} is outside datetime.date's years 1-9999") from None


def int32(value: Any, name: str) -> int:
    """A Python int that fits the C int32_t parameter (ctypes would silently wrap it)."""
    number = operator.index(value)  # TypeError for floats and other non-integers
    if not INT32_MIN <= number <= INT32_MAX:
        raise errors.DayOverflowError(errors.E_OVERFLOW, f"{name}: {number} does not fit in 32 bits")
    return number


# ---------------------------------------------------------------------------
# Dates and times as chc's text (JSON fields and CSV cells)

@functools.lru_cache(maxsize=None)
def _london() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(LONDON)
    except Exception as e:  # no zoneinfo module, or no time-zone database
        raise errors.DateError(
            errors.E_DATE, f"a naive time of day is Europe/London local time, and reading it needs the time-zone "
                           f"database ({e}; apt-get install tzdata), or give the time with its UTC offset") from None


def _london_offset(value: datetime) -> str:
    """'+01:00' or '+00:00': London's UTC offset at a local wall-clock time (the earlier reading in the hour the
    clocks go back; the hour they skip reads as GMT). Either way the date is the wall clock's own."""
    wall = datetime(value.year, value.month, value.day, value.hour, value.minute, value.second, tzinfo=_london())
    offset = wall.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _midnight(value: datetime) -> bool:
    return (value.hour, value.minute, value.second, value.microsecond, getattr(value, "nanosecond", 0)) == (0,) * 5


def date_text(value: object) -> Optional[str]:
    """chc's text for a date or time, or None when `value` is neither.

    'YYYY-MM-DD' for a date and for a naive time at midnight (a date column pandas parsed); RFC 3339 with its
    offset for an aware time; a naive time of day with London's offset then, as it is London local time.
    """
    if isinstance(value, datetime):
        if missing(value):
            return None
        if _aware(value):
            return value.isoformat()
        if _midnight(value):
            return value.date().isoformat()
        return value.isoformat() + _london_offset(value)
    if isinstance(value, date):
        return value.isoformat()
    numpy = _numpy_if_loaded()
    if numpy is not None and isinstance(value, numpy.datetime64):
        if numpy.isnat(value):
            return None
        unit = numpy.datetime_data(value.dtype)[0]
        if unit in _PARTIAL_UNITS:
            raise errors.DateError(errors.E_DATE, f"{value} is datetime64[{unit}]: {_PARTIAL_UNITS[unit]}, not days")
        as_python = value.astype("datetime64[us]").item()
        return date_text(as_python) if isinstance(as_python, datetime) else str(value.astype("datetime64[D]"))
    return None


_DATE_FIELDS = frozenset({"date", "from", "to", "substitute_for", "first_day", "last_day", "official_through"})


def dates_in(value: Any) -> Any:
    """A copy of parsed chc JSON with its date fields as datetime.date."""
    if isinstance(value, dict):
        return {key: (date.fromisoformat(item) if key in _DATE_FIELDS and isinstance(item, str) else dates_in(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [dates_in(item) for item in value]
    return value


# ---------------------------------------------------------------------------
# numpy arrays (numpy is imported only when an array is given)

def is_array(value: object) -> bool:
    """True for array-likes (numpy arrays, pandas Series, lists); False for one date or number."""
    if isinstance(value, (str, bytes, date, int, float)):
        return False
    numpy = _numpy_if_loaded()
    if numpy is not None and isinstance(value, numpy.generic):
        return False
    return isinstance(value, (list, tuple)) or hasattr(value, "__array__")


def numpy_module() -> Any:
    """numpy, or an ImportError saying how to install it."""
    try:
        import numpy
    except ImportError:
        raise ImportError("chc: arrays of dates need numpy (apt-get install python3-numpy)") from None
    return numpy


def _london_wall_clock(values: object) -> Optional[NDArray[numpy.datetime64]]:
    """Time-zone-aware pandas data as naive Europe/London wall-clock datetime64[ns]; None for anything else.

    pandas converts with the time-zone database, exactly as libchc's chc_timestamp_to_day does one value
    (tests/test_dates.py compares the two over the clock changes).
    """
    if getattr(getattr(values, "dtype", None), "tz", None) is None:
        return None
    pandas = sys.modules["pandas"]  # an aware dtype is pandas'
    wall: NDArray[numpy.datetime64] = pandas.DatetimeIndex(values).tz_convert(LONDON).tz_localize(None).to_numpy()
    return wall


def _iso_days(array: NDArray[Any], np: Any) -> Optional[NDArray[numpy.int64]]:
    """The days of an array of exactly 'YYYY-MM-DD' strings at numpy's speed; None if any element is other."""
    if array.dtype.kind != "U" or array.dtype.byteorder == ">" or array.dtype.itemsize < 40:
        return None
    codes = np.ascontiguousarray(array).view(np.uint32).reshape(-1, array.dtype.itemsize // 4)
    digits = codes[:, [0, 1, 2, 3, 5, 6, 8, 9]] - np.uint32(48)  # wraps to huge below '0'
    if not ((digits <= 9).all() and (codes[:, [4, 7]] == 45).all() and not codes[:, 10:].any()):
        return None
    try:
        days: NDArray[numpy.int64] = array.astype("datetime64[D]").view(np.int64)
    except ValueError:  # a day that does not exist: the one-by-one reading names it
        return None
    return days


def _missing_element(value: object) -> bool:
    return missing(value) or (isinstance(value, str) and value in ("", "NaT"))


def _each_day(array: NDArray[Any], name: str, np: Any) -> NDArray[numpy.int64]:
    """Element by element, as to_day reads one value; a missing element is NaT; an error names its index."""
    flat = array.reshape(-1)
    out: NDArray[numpy.int64] = np.empty(flat.size, np.int64)
    for i, value in enumerate(flat.tolist()):
        if _missing_element(value):
            out[i] = NAT
            continue
        try:
            out[i] = _day_number(value)
        except errors.Error as e:
            raise errors.with_context(e, f"{name}[{format_index(i, array.shape)}]") from None
        except TypeError as e:
            raise TypeError(f"{name}[{format_index(i, array.shape)}]: {e}") from None
    return out.reshape(array.shape)


def day_array(values: object, name: str) -> NDArray[numpy.int64]:
    """An int64 array of chc_days (NaT as NAT) by the module's rules; datetime64[D] comes back as a view, not a copy.

    Not checked against chc's range here: the batch64 calls check every element and name the first bad one."""
    np = numpy_module()
    wall = _london_wall_clock(values)
    array: NDArray[Any] = np.asarray(values) if wall is None else wall
    kind = array.dtype.kind
    if kind == "M":
        unit, count = np.datetime_data(array.dtype)
        if unit == "D" and count == 1:
            days: NDArray[numpy.int64] = array.view(np.int64)
            return days
        if unit in _PARTIAL_UNITS:
            raise errors.DateError(errors.E_DATE, f"{name}: datetime64[{unit}] holds {_PARTIAL_UNITS[unit]}, not days")
        # A time unit without a zone is London local time: each date is its day (numpy's floor, NaT kept).
        days = array.astype("datetime64[D]").view(np.int64)
        return days
    if kind == "S":
        try:
            array = array.astype("U")
        except UnicodeDecodeError:
            raise errors.DateError(errors.E_DATE, f"{name}: bytes that are not ASCII are not dates") from None
        kind = "U"
    if kind == "U":
        fast = _iso_days(array, np)
        return fast if fast is not None else _each_day(array, name, np)
    if kind == "O":
        return _each_day(array, name, np)
    raise TypeError(f"{name}: expected an array of dates (datetime64[D] or {_EXPECTED}), got dtype {array.dtype}")


def int_array(values: object, name: str) -> NDArray[Any]:
    """An integer array (chc checks each value fits 32 bits, like day_array's days)."""
    array: NDArray[Any] = numpy_module().asarray(values)
    if array.dtype.kind not in "iub":
        raise TypeError(f"{name}: expected an integer array, got dtype {array.dtype}")
    return array


def format_index(flat_index: int, shape: Sequence[int]) -> str:
    """'42' for a 1-D array, '1, 2' for the element at that flat position of a 2-D one."""
    if len(shape) <= 1:
        return str(flat_index)
    return ", ".join(str(int(i)) for i in numpy_module().unravel_index(flat_index, shape))

