"""Array forms of add/count: numpy arrays through chc's batch functions, never a loop per element."""

import re

from . import errors
from ._dates import day_array, format_index, int32, int32_error, int_array, is_array, numpy_module, to_day
from ._library import DayPointer, lib

numpy = numpy_module()  # an ImportError that says what to install

# The int32 staging buffers hold 64Ki elements (256 KiB) and stay in cache: arrays are converted to int32
# and back one block at a time, because full-size temporaries would cost more than chc's own work.
BLOCK = 1 << 16

_INDEXED_MESSAGE = re.compile(r"^(\w+)\[(\d+)\]")


class _Operand:
    """One input of a batch call: a flattened array (checked and staged block by block) or one value repeated."""

    def __init__(self, value, shape, name, dates):
        self.name, self.dates, self.shape = name, dates, shape
        if is_array(value):
            array = day_array(value, name) if dates else int_array(value, name)
            self.values = numpy.broadcast_to(array, shape).reshape(-1)
            self.constant = None
        else:
            self.values = None
            self.constant = to_day(value, name) if dates else int32(value, name)

    def staging_buffer(self, size):
        buffer = numpy.empty(size, numpy.int32)
        if self.values is None:
            buffer.fill(self.constant)  # filled once, reused by every block
        return buffer

    def stage(self, buffer, start, stop):
        if self.values is None:
            return
        block = self.values[start:stop]
        error = int32_error(block, self.dates, self.name, start, self.shape)
        if error:
            raise error
        numpy.copyto(buffer[:stop - start], block, casting="unsafe")  # every value fits: checked just above


def _run_batch(function, calendar, first, second, shape, destination):
    """destination[i] = function's out[i], block by block; `destination` is flat (int32 or int64)."""
    count = destination.size
    size = min(BLOCK, count)
    out = numpy.empty(size, numpy.int32)
    first_buffer, second_buffer = first.staging_buffer(size), second.staging_buffer(size)
    pointers = [buffer.ctypes.data_as(DayPointer) for buffer in (out, first_buffer, second_buffer)]
    for start in range(0, count, BLOCK):
        stop = min(start + BLOCK, count)
        first.stage(first_buffer, start, stop)
        second.stage(second_buffer, start, stop)
        try:
            function(pointers[0], calendar, pointers[1], pointers[2], stop - start)
        except errors.Error as e:
            raise _with_caller_index(e, start, shape) from None
        destination[start:stop] = out[:stop - start]


def _with_caller_index(error, block_start, shape):
    """chc names the bad element within the block ("start[42]: ..."); name it within the caller's array."""
    match = _INDEXED_MESSAGE.match(error.message)
    if not match:
        return error
    where = format_index(block_start + int(match.group(2)), shape)
    return type(error)(error.code, f"{match.group(1)}[{where}]{error.message[match.end():]}")


def _broadcast_shape(*values):
    return numpy.broadcast_shapes(*(numpy.shape(value) for value in values if is_array(value)))


def add_working_days(calendar, start, n):
    """datetime64[D] array of add(start[i], n[i]), start and n broadcast together."""
    shape = _broadcast_shape(start, n)
    starts = _Operand(start, shape, "start", dates=True)
    steps = _Operand(n, shape, "n", dates=False)
    result = numpy.empty(shape, "datetime64[D]")
    _run_batch(lib.chc_calendar_add_working_days_batch, calendar, starts, steps, shape,
               result.reshape(-1).view(numpy.int64))
    return result


def count_working_days(calendar, from_, to):
    """int32 array of count(from_[i], to[i]), both broadcast together."""
    shape = _broadcast_shape(from_, to)
    firsts = _Operand(from_, shape, "from", dates=True)
    lasts = _Operand(to, shape, "to", dates=True)
    result = numpy.empty(shape, numpy.int32)
    _run_batch(lib.chc_calendar_count_working_days_batch, calendar, firsts, lasts, shape, result.reshape(-1))
    return result
