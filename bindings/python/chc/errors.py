# SPDX-License-Identifier: MIT
"""chc's error codes as Python exceptions: the one mapping from CHC_E_* to a class.

Every exception is a chc.Error carrying the C code and chc_last_error()'s
message; each subclass also derives from the built-in exception a Python
caller would expect (a bad date is a ValueError, an unknown name a LookupError).
"""

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

    def __init__(self, code, message):
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self):
        return self.message


class NullError(Error, ValueError):
    """CHC_E_NULL: a required pointer was NULL (the binding never passes one)."""


class ClosedError(NullError):
    """A Calendar or RuleSet was used after close(); refused before it could reach C as NULL."""


class InvalidError(Error, ValueError):
    """CHC_E_INVALID: an argument had an unusable value."""


class JSONError(Error, ValueError):
    """CHC_E_JSON: text is not well-formed JSON (or not UTF-8)."""


class DateError(Error, ValueError):
    """CHC_E_DATE: a date is malformed ("tomorrow") or does not exist ("2023-02-29")."""


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


ERROR_CLASSES = {
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


def error_for(code, message):
    """The exception for a CHC_E_* code; a code newer than this package is a plain Error."""
    return ERROR_CLASSES.get(code, Error)(code, message)


def with_context(error, context):
    """The same kind of error with `context` ("start") put before its message."""
    return type(error)(error.code, f"{context}: {error.message}")
