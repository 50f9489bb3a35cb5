# SPDX-License-Identifier: MIT
"""chc: UK social-housing complaint rules (working-day calendars, Housing Ombudsman Code deadlines) over libchc.

    >>> import chc
    >>> with chc.Calendar("england-and-wales") as cal:
    ...     cal.add_working_days("2024-12-20", 5)
    datetime.date(2024, 12, 31)

The library is found through $CHC_LIBRARY, the install prefix, or a build*/ directory above this package.
"""

from ._dates import from_day, to_day
from ._library import ABI_VERSION, lib as _lib, library_path
from .calendar import Calendar
from .errors import (ClosedError, DateError, DayOverflowError, Error, InternalError, InvalidError, JSONError,
                     LimitError, NoMemoryError, NullError, RangeError, SchemaError, UnknownNameError)
from .report import Report, report
from .rules import RuleSet, evaluate, normalize_case, timestamp_to_date, today

__version__ = "0.1.0"


def library_version():
    """The loaded libchc's version string ("0.1.0")."""
    return _lib.chc_version().decode("ascii")


__all__ = [
    "ABI_VERSION", "Calendar", "ClosedError", "DateError", "DayOverflowError", "Error", "InternalError",
    "InvalidError", "JSONError", "LimitError", "NoMemoryError", "NullError", "RangeError", "Report", "RuleSet",
    "SchemaError", "UnknownNameError", "evaluate", "from_day", "library_path", "library_version",
    "normalize_case", "report", "timestamp_to_date", "to_day", "today",
]
