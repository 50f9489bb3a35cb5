# SPDX-License-Identifier: MIT
"""chc: UK social-housing complaint rules over libchc (the C library): working-day calendars for the UK's three
bank-holiday divisions, the Housing Ombudsman's Complaint Handling Code (and the SPSO's), case evaluation and
annual reports.

    >>> import chc
    >>> with chc.Calendar("england-and-wales") as cal:
    ...     cal.add_working_days("2024-12-20", 5)
    datetime.date(2024, 12, 31)

Calendars: Calendar (add_working_days, count_working_days, is_working_day, holidays, ...), for one date or a whole
numpy array or pandas Series at once. Complaints: evaluate(case), RuleSet, normalize_case. Registers: report(...)
and Report (TSM CH01/CH02, performance figures, the self-assessment) from a CSV or NDJSON file, a DataFrame or
case records; evaluate_frame(df) for one row per case. Dates: to_day, from_day, timestamp_to_date, today.

Failures raise chc.Error subclasses (DateError, SchemaError, ...); input chc read but may have misread is a
chc.ChcWarning. The library is found through $CHC_LIBRARY, the dynamic loader (Debian's libchc1), the install
prefix, or a build*/ directory above this package (library_path says which).
"""

from ._dates import DateLike, from_day, to_day
from ._library import ABI_VERSION, lib as _lib, library_path
from .calendar import Calendar
from .errors import (ChcWarning, ClosedError, DateError, DayOverflowError, Error, InternalError, InvalidError,
                     JSONError, LimitError, NoMemoryError, NullError, RangeError, RejectedError, SchemaError,
                     UnknownNameError)
from .frames import evaluate_frame
from .report import Report, report
from .rules import RuleSet, evaluate, normalize_case, timestamp_to_date, today

__version__ = "0.1.0"


def library_version() -> str:
    """The loaded libchc's version string ("0.1.0")."""
    version: bytes = _lib.chc_version()
    return version.decode("ascii")


__all__ = [
    "ABI_VERSION", "Calendar", "ChcWarning", "ClosedError", "DateError", "DateLike", "DayOverflowError", "Error",
    "InternalError", "InvalidError", "JSONError", "LimitError", "NoMemoryError", "NullError", "RangeError",
    "RejectedError", "Report", "RuleSet", "SchemaError", "UnknownNameError", "evaluate", "evaluate_frame", "from_day",
    "library_path", "library_version", "normalize_case", "report", "timestamp_to_date", "to_day", "today",
]
