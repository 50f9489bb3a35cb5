# SPDX-License-Identifier: MIT
"""chc's error codes as Python exceptions, and chc's one warning class.

Every exception is a chc.Error carrying the C code and chc_last_error()'s
message; each subclass also derives from the built-in exception a Python
caller would expect (a bad date is a ValueError, an unknown name a LookupError).
Input chc read but may have misread is not an error: it is a chc.ChcWarning.
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, Iterable, List, Mapping, Sequence, Type

# The CHC_E_* codes of chc.h; never renumbered.
E_NULL = -1
E_INVALID = -2
E_JSON = -3
E_DATE = -4
E_RANGE = -5
E_OVERFLOW = -6
E_UNKNOWN_NAME = -7
E_NOMEM = -8
E_SCHEMA = -9
E_LIMIT = -10
E_INTERNAL = -11


class Error(Exception):
    """A chc failure: `code` is the CHC_E_* value, `message` names the bad argument or field."""

    def __init__(self, code: int, message: str) -> None:
        """An error with a CHC_E_* code and chc's message (as chc_last_error() gives it)."""
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


class NullError(Error, ValueError):
    """CHC_E_NULL: a required pointer was NULL (the binding never passes one)."""


class ClosedError(NullError):
    """A Calendar, RuleSet or Report was used after close(); refused before it could reach C as NULL."""


class InvalidError(Error, ValueError):
    """CHC_E_INVALID: an argument had an unusable value."""


class JSONError(Error, ValueError):
    """CHC_E_JSON: text is not well-formed JSON (or not UTF-8)."""


class DateError(Error, ValueError):
    """CHC_E_DATE: a date is malformed ("tomorrow", "2025-06") or does not exist ("2023-02-29")."""


class RangeError(Error, ValueError):
    """CHC_E_RANGE: a day lies outside 1900-01-01..2199-12-31 (or a value outside 32 bits)."""


class DayOverflowError(Error, OverflowError):
    """CHC_E_OVERFLOW: a result would not fit in 32 bits."""


class UnknownNameError(Error, LookupError, ValueError):
    """CHC_E_UNKNOWN_NAME: no built-in calendar or rule set has that name."""


class NoMemoryError(Error, MemoryError):
    """CHC_E_NOMEM: memory allocation failed inside chc."""


class SchemaError(Error, ValueError):
    """CHC_E_SCHEMA: JSON is well-formed but a field is missing or has the wrong type."""


class LimitError(Error, ValueError):
    """CHC_E_LIMIT: input exceeds a documented size limit."""


class InternalError(Error, RuntimeError):
    """CHC_E_INTERNAL: a bug in chc; please report it with the message."""


class RejectedError(InvalidError):
    """Every case of a register was rejected (chc.report, chc.Report, chc.evaluate_frame).

    `rejected` lists each rejected line as chc reports it: {"line": 14, "reason": "..."}.
    """

    def __init__(self, code: int, message: str, rejected: Sequence[Mapping[str, Any]] = ()) -> None:
        """The error, with the rejected lines behind it."""
        super().__init__(code, message)
        self.rejected: List[Dict[str, Any]] = [dict(line) for line in rejected]


class ChcWarning(UserWarning):
    """THE warning of chc: input it read but may have misread, or partly refused.

    Rejected register lines, a near-miss field name ("closure": did you mean "closures"?), an
    ignored unknown field. Filter it like any warning: warnings.simplefilter("error", chc.ChcWarning)
    turns every one into an exception.
    """


ERROR_CLASSES: Dict[int, Type[Error]] = {
    E_NULL: NullError,
    E_INVALID: InvalidError,
    E_JSON: JSONError,
    E_DATE: DateError,
    E_RANGE: RangeError,
    E_OVERFLOW: DayOverflowError,
    E_UNKNOWN_NAME: UnknownNameError,
    E_NOMEM: NoMemoryError,
    E_SCHEMA: SchemaError,
    E_LIMIT: LimitError,
    E_INTERNAL: InternalError,
}


def error_for(code: int, message: str) -> Error:
    """The exception for a CHC_E_* code; a code newer than this package is a plain Error."""
    return ERROR_CLASSES.get(code, Error)(code, message)


def with_context(error: Error, context: str) -> Error:
    """The same kind of error with `context` ("start") put before its message."""
    return type(error)(error.code, f"{context}: {error.message}")


def warn_all(messages: Iterable[object], stacklevel: int = 2) -> None:
    """Emits each string of a C API "warnings" array as a ChcWarning.

    stacklevel counts as for warnings.warn from the caller of warn_all: 2 (the default) blames the code
    that called the function calling warn_all, which is where a user's own line is.
    """
    for message in messages:
        warnings.warn(str(message), ChcWarning, stacklevel=stacklevel + 1)


def _where(item: Mapping[str, Any]) -> str:
    """'line 14: ' (a register line), 'row 'C-7': ' (a DataFrame row), or '' (a case added alone: no line)."""
    if item.get("line"):
        return f"line {item['line']}: "
    return f"row {item['row']!r}: " if "row" in item else ""


def rejections(source: str, read: int, rejected: Sequence[Mapping[str, Any]], total_rejected: int,
               stacklevel: int = 2) -> None:
    """Raises RejectedError when all `read` cases were rejected; a ChcWarning with the count when some were.

    source names the call ("report"); rejected holds {"line" (or "row"): where, "reason": why} for the first
    rejections, of total_rejected in all. stacklevel as for warn_all.
    """
    if total_rejected == 0:
        return
    first = "; ".join(f"{_where(item)}{item.get('reason', '')}" for item in list(rejected)[:3])
    if total_rejected >= read:
        raise RejectedError(E_INVALID, f"{source}: all {read} cases were rejected; the first: {first}", rejected)
    warnings.warn(f"{source}: {total_rejected} of {read} cases were rejected; the first: {first}", ChcWarning,
                  stacklevel=stacklevel + 1)
