# SPDX-License-Identifier: MIT
"""Array forms of add/count: numpy arrays through chc's 64-bit batch functions, never a loop per element.

datetime64[D] arrays are int64 day numbers, the layout chc_calendar_*_batch64 take, so a contiguous
array crosses into C as it is: no staging copy, no per-block conversion, and chc checks every element.
"""

import re

from . import errors
from ._dates import INT32_MAX, day_array, format_index, int32, int_array, is_array, numpy_module, to_day
from ._library import Int32Pointer, Int64Pointer, lib

numpy = numpy_module()  # an ImportError that says what to install

_INDEXED_MESSAGE = re.compile(r"^(\w+)\[(\d+)\]")


def _pointer(array, kind):
    return array.ctypes.data_as(kind)


def _days(value, shape, name):
    """A flat contiguous int64 array of chc_days for `value` broadcast to `shape`."""
    if is_array(value):
        array = numpy.broadcast_to(day_array(value, name), shape)
    else:
        array = numpy.full(shape, to_day(value, name), numpy.int64)
    return numpy.ascontiguousarray(array).reshape(-1)


def _steps(value, shape):
    """(flat contiguous int64 array, n_count) for n: one value for every element, or one per element."""
    if not is_array(value):
        return numpy.array([int32(value, "n")], numpy.int64), 1
    array = int_array(value, "n")
    if array.dtype == numpy.uint64:  # values past INT64_MAX would wrap when cast
        flat = numpy.broadcast_to(array, shape).reshape(-1)
        too_big = numpy.flatnonzero(flat > numpy.uint64(INT32_MAX))
        if too_big.size:
            index = int(too_big[0])
            raise errors.DayOverflowError(errors.E_OVERFLOW, f"n[{format_index(index, shape)}]: "
                                          f"{int(flat[index])} does not fit in 32 bits")
    flat = numpy.ascontiguousarray(numpy.broadcast_to(array.astype(numpy.int64, copy=False), shape)).reshape(-1)
    return flat, flat.size


def _call(function, shape, operands, *arguments):
    """Calls chc; an error names the caller's element ("start[1, 2]: ...") and NaT is a DateError."""
    try:
        function(*arguments)
    except errors.Error as e:
        raise _caller_error(e, shape, operands) from None


def _caller_error(error, shape, operands):
    match = _INDEXED_MESSAGE.match(error.message)
    if not match:
        return error
    name, index = match.group(1), int(match.group(2))
    where = f"{name}[{format_index(index, shape)}]"
    values = operands.get(name)
    if values is not None and values[index] == numpy.iinfo(numpy.int64).min:
        return errors.DateError(errors.E_DATE, f"{where}: NaT is not a date")
    return type(error)(error.code, f"{where}{error.message[match.end():]}")


def _broadcast_shape(*values):
    return numpy.broadcast_shapes(*(numpy.shape(value) for value in values if is_array(value)))


def add_working_days(calendar, start, n):
    """datetime64[D] array of add(start[i], n[i]), start and n broadcast together."""
    shape = _broadcast_shape(start, n)
    starts = _days(start, shape, "start")
    steps, n_count = _steps(n, shape)
    result = numpy.empty(shape, "datetime64[D]")
    out = result.reshape(-1).view(numpy.int64)
    _call(lib.chc_calendar_add_working_days_batch64, shape, {"start": starts},
          _pointer(out, Int64Pointer), calendar, _pointer(starts, Int64Pointer), _pointer(steps, Int64Pointer),
          n_count, out.size)
    return result


def count_working_days(calendar, from_, to):
    """int32 array of count(from_[i], to[i]), both broadcast together."""
    shape = _broadcast_shape(from_, to)
    firsts, lasts = _days(from_, shape, "from"), _days(to, shape, "to")
    result = numpy.empty(shape, numpy.int32)
    out = result.reshape(-1)
    _call(lib.chc_calendar_count_working_days_batch64, shape, {"from": firsts, "to": lasts},
          _pointer(out, Int32Pointer), calendar, _pointer(firsts, Int64Pointer), _pointer(lasts, Int64Pointer),
          out.size)
    return result
