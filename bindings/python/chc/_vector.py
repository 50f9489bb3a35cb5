# SPDX-License-Identifier: MIT
"""Array forms of add/count: numpy arrays through chc's 64-bit batch functions, never a loop per element.

datetime64[D] arrays are int64 day numbers, the layout chc_calendar_*_batch64 take, so a contiguous
array crosses into C as it is: no staging copy, no per-block conversion, and chc checks every element.
NaT costs nothing until there is one: chc refuses it (naming the element), and only then is it masked out.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Callable, Dict, Optional, Tuple

import numpy
from numpy.typing import NDArray

from . import errors
from ._dates import NAT, day_array, format_index, int32, int_array, is_array, to_day
from ._library import Int32Pointer, Int64Pointer, lib

_INDEXED_MESSAGE = re.compile(r"^(\w+)\[(\d+)\]")
Shape = Tuple[int, ...]
Days = NDArray[numpy.int64]


def _pointer(array: NDArray[Any], kind: Any) -> Any:
    return array.ctypes.data_as(kind)


def _days(value: Any, shape: Shape, name: str) -> Days:
    """A flat contiguous int64 array of chc_days for `value` broadcast to `shape`."""
    if is_array(value):
        array = numpy.broadcast_to(day_array(value, name), shape)
    else:
        array = numpy.full(shape, to_day(value, name), numpy.int64)
    flat: Days = numpy.ascontiguousarray(array).reshape(-1)
    return flat


def _steps(value: object, shape: Shape) -> Tuple[Days, int]:
    """(flat contiguous int64 array, n_count) for n: one value for every element, or one per element."""
    if not is_array(value):
        return numpy.array([int32(value, "n")], numpy.int64), 1
    array = int_array(value, "n")
    if array.dtype == numpy.uint64:  # values past INT64_MAX would wrap when cast
        flat = numpy.broadcast_to(array, shape).reshape(-1)
        too_big = numpy.flatnonzero(flat > numpy.uint64(2 ** 31 - 1))
        if too_big.size:
            index = int(too_big[0])
            raise errors.DayOverflowError(errors.E_OVERFLOW, f"n[{format_index(index, shape)}]: "
                                          f"{int(flat[index])} does not fit in 32 bits")
    steps: Days = numpy.ascontiguousarray(numpy.broadcast_to(array.astype(numpy.int64, copy=False), shape)).reshape(-1)
    return steps, steps.size


def _element(error: errors.Error) -> Optional[Tuple[str, int, int]]:
    """(operand, flat index, where the rest of the message starts) when chc's error is about one element."""
    match = _INDEXED_MESSAGE.match(error.message)
    return (match.group(1), int(match.group(2)), match.end()) if match else None


def _nat_refused(error: errors.Error, operands: Dict[str, Days]) -> bool:
    element = _element(error)
    values = operands.get(element[0]) if element else None
    return element is not None and values is not None and values[element[1]] == NAT


def _caller_error(error: errors.Error, shape: Shape, operands: Dict[str, Days]) -> errors.Error:
    """chc's error with the caller's element ("start[1, 2]: ..."); NaT is a DateError."""
    element = _element(error)
    if element is None:
        return error
    name, index, rest = element
    where = f"{name}[{format_index(index, shape)}]"
    if _nat_refused(error, operands):
        return errors.DateError(errors.E_DATE, f"{where}: NaT is not a date")
    return type(error)(error.code, f"{where}{error.message[rest:]}")


def _run(call: Callable[[Dict[str, Days]], None], shape: Shape, dates: Dict[str, Days], pass_nat: bool,
         per_element: Optional[Dict[str, Days]] = None) -> Optional[NDArray[numpy.bool_]]:
    """Runs call({**dates, **per_element}); when NaT passes through, the mask of NaT elements (stood in for)."""
    others = per_element or {}
    try:
        call({**dates, **others})
        return None
    except errors.Error as e:
        if not (pass_nat and _nat_refused(e, dates)):
            raise _caller_error(e, shape, dates) from None
    # chc checks every element before writing any, so nothing is half done: run again with the NaTs stood in for
    # by a valid day (0, 1970-01-01) and their other operands by 0, and put NaT back in the answer.
    nat = numpy.zeros(len(next(iter(dates.values()))), numpy.bool_)
    for values in dates.values():
        nat |= values == NAT
    stood_in = {name: numpy.where(nat, 0, values) for name, values in {**dates, **others}.items()}
    try:
        call(stood_in)
    except errors.Error as e:
        raise _caller_error(e, shape, stood_in) from None
    return nat


def _broadcast_shape(*values: Any) -> Shape:
    return tuple(numpy.broadcast_shapes(*(numpy.shape(value) for value in values if is_array(value))))


def _series(*values: object) -> Any:
    """The first pandas Series among the operands (the answer takes its index), checking the others align."""
    pandas = sys.modules.get("pandas")
    if pandas is None:
        return None
    found = [value for value in values if isinstance(value, pandas.Series)]
    for other in found[1:]:
        if not other.index.equals(found[0].index):
            raise ValueError("the Series given have different indexes: chc works by position, so align them "
                             "first (a.align(b)) or pass numpy arrays")
    return found[0] if found else None


def _series_out(like: Any, shape: Shape) -> bool:
    """True when the answer is a Series: one was given, and the answer has its length (no 2-D broadcast)."""
    return like is not None and shape == (len(like),)


def _as_series(result: NDArray[Any], like: Any, shape: Shape, name: Any) -> Any:
    return type(like)(result, index=like.index, name=name) if _series_out(like, shape) else result


def add_working_days(calendar: Any, start: object, n: object) -> Any:
    """datetime64[D] array of add(start[i], n[i]), start and n broadcast together; NaT in, NaT out.

    A pandas Series in gives a Series out, with its index (and the start's name)."""
    like = _series(start, n)
    shape = _broadcast_shape(start, n)
    starts = _days(start, shape, "start")
    steps, n_count = _steps(n, shape)
    result = numpy.empty(shape, "datetime64[D]")
    out = result.reshape(-1).view(numpy.int64)

    def call(operands: Dict[str, Days]) -> None:
        lib.chc_calendar_add_working_days_batch64(_pointer(out, Int64Pointer), calendar,
                                                  _pointer(operands["start"], Int64Pointer),
                                                  _pointer(operands.get("n", steps), Int64Pointer), n_count, out.size)

    # One n per element: a NaT's own n is stood in for too (it may not fit the stand-in day).
    nat = _run(call, shape, {"start": starts}, pass_nat=True, per_element={"n": steps} if n_count > 1 else None)
    if nat is not None:
        out[nat] = NAT
    return _as_series(result, like, shape, getattr(start, "name", None))


def count_working_days(calendar: Any, from_: object, to: object) -> Any:
    """int32 array of count(from_[i], to[i]), both broadcast together.

    NaT has no count: numpy arrays raise (as numpy.busday_count does); a pandas Series in gives a Series out,
    of pandas' nullable Int32 with <NA> where either date is NaT."""
    like = _series(from_, to)
    shape = _broadcast_shape(from_, to)
    firsts, lasts = _days(from_, shape, "from"), _days(to, shape, "to")
    result = numpy.empty(shape, numpy.int32)
    out = result.reshape(-1)

    def call(operands: Dict[str, Days]) -> None:
        lib.chc_calendar_count_working_days_batch64(_pointer(out, Int32Pointer), calendar,
                                                    _pointer(operands["from"], Int64Pointer),
                                                    _pointer(operands["to"], Int64Pointer), out.size)

    nat = _run(call, shape, {"from": firsts, "to": lasts}, pass_nat=_series_out(like, shape))
    if nat is None:
        return _as_series(result, like, shape, None)
    pandas = sys.modules["pandas"]
    counts = pandas.arrays.IntegerArray(out, nat)
    return pandas.Series(counts, index=like.index)
