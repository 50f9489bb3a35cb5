# SPDX-License-Identifier: MIT
"""Working-day calendars."""

from __future__ import annotations

import ctypes
import json
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, SupportsIndex, Union, overload

from . import errors
from ._dates import DateLike, c_string, dates_in, from_day, int32, is_array, numpy_module, to_day
from ._handle import Handle, json_bytes
from ._library import IMPORT_FILE_WINS, STRICT, CalendarPointer, chc_day, lib, take_string

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

    # An array of dates: a numpy array, a pandas Series, or a list of DateLike (None for a missing one).
    DateArray = Union[ArrayLike, Sequence[Optional[DateLike]]]
    Steps = Union[SupportsIndex, ArrayLike]

Document = Union[Dict[str, Any], str, bytes]


def _vector() -> ModuleType:
    numpy_module()  # an ImportError saying what to install
    from . import _vector  # imports numpy, so only when an array is given
    return _vector


class Calendar(Handle):
    """A working-day calendar; immutable, so one Calendar may be shared by any number of threads.

    Counting: the event day is day 0. add_working_days(start, n) for n >= 1 is the n-th working day strictly
    after start; count_working_days(from_, to) counts the working days d with from_ < d <= to.

    Dates go in as datetime.date, 'YYYY-MM-DD' or RFC 3339 text (its London date), datetime (naive: London
    local time, its own date; aware: its London date) or numpy.datetime64; an array of any of these (numpy,
    pandas Series, list) goes through chc's batch calls at once (see chc._dates for the exact rules).
    """

    @staticmethod
    def _free(pointer: Any) -> None:
        lib.chc_calendar_free(pointer)

    def __init__(self, name: str) -> None:
        """A built-in division: "england-and-wales", "scotland" or "northern-ireland"."""
        out = CalendarPointer()
        lib.chc_calendar_builtin(ctypes.byref(out), c_string(name, "name"))
        self._adopt(out)

    @classmethod
    def from_json(cls, document: Document, *, strict: bool = False) -> Calendar:
        """A landlord calendar from a dict or JSON text: {"base": ..., "closures": [...], ...} (docs/calendars.md).

        What chc read but may have misread (a key nearly one of the format's, an unknown field, a closure on a
        weekend) is a chc.ChcWarning; strict=True makes every such warning a chc.SchemaError instead.
        """
        text = json_bytes(document, "document")
        out = CalendarPointer()
        lib.chc_calendar_from_json_ex(ctypes.byref(out), text, len(text), STRICT if strict else 0)
        return cls.__new__(cls)._adopt(out)._warned()

    @classmethod
    def from_govuk(cls, base: Union[Calendar, str], document: Document, data_version: Optional[str] = None, *,
                   file_wins: bool = False, strict: bool = False) -> Calendar:
        """`base` (a Calendar or a built-in name) with a GOV.UK bank-holidays.json document merged in.

        Where the document would remove or move a day the calendar has, chc keeps its newer one-offs (a
        chc.ChcWarning lists each day); file_wins=True takes the document's days; strict=True refuses any such
        conflict, and any near-miss key, as a chc.SchemaError (docs/calendars.md).
        """
        if isinstance(base, str):
            with cls(base) as base_calendar:
                return cls.from_govuk(base_calendar, document, data_version, file_wins=file_wins, strict=strict)
        if not isinstance(base, Calendar):
            raise TypeError(f"base: expected a Calendar or a built-in name, got {type(base).__name__}")
        text = json_bytes(document, "document")
        version = None if data_version is None else c_string(data_version, "data_version")
        out = CalendarPointer()
        flags = (IMPORT_FILE_WINS if file_wins else 0) | (STRICT if strict else 0)
        lib.chc_calendar_import_govuk_ex(ctypes.byref(out), base._c, text, len(text), version, flags)
        return cls.__new__(cls)._adopt(out)._warned()

    def _warned(self) -> Calendar:
        # Blames the caller of from_json / from_govuk.
        errors.warn_all(self.info().get("warnings", ()), stacklevel=3)
        return self

    def __repr__(self) -> str:
        if self.closed:
            return "<chc.Calendar (closed)>"
        return f"<chc.Calendar {self.info()['name']!r}>"

    def _day_to_day(self, function: Any, day: DateLike, name: str) -> date:
        out = chc_day()
        function(ctypes.byref(out), self._c, to_day(day, name))
        return from_day(out.value)

    def is_working_day(self, day: DateLike) -> bool:
        """True when `day` is a working day of this calendar."""
        out = ctypes.c_int()
        lib.chc_calendar_is_working_day(ctypes.byref(out), self._c, to_day(day, "day"))
        return bool(out.value)

    @overload
    def add_working_days(self, start: DateLike, n: SupportsIndex) -> date: ...

    @overload
    def add_working_days(self, start: Union[DateLike, DateArray], n: Steps) -> Any: ...

    def add_working_days(self, start: Any, n: Any) -> Any:  # the overloads above are its signature
        """The n-th working day after start (n = 0: start if it works, else the next; n < 0 counts back).

        One date gives a datetime.date. An array of dates or of n (start and n broadcast together) gives a numpy
        datetime64[D] array, or a pandas Series with the given Series' index; NaT in gives NaT out.
        """
        if is_array(start) or is_array(n):
            return _vector().add_working_days(self._c, start, n)
        out = chc_day()
        lib.chc_calendar_add_working_days(ctypes.byref(out), self._c, to_day(start, "start"), int32(n, "n"))
        return from_day(out.value)

    @overload
    def count_working_days(self, from_: DateLike, to: DateLike) -> int: ...

    @overload
    def count_working_days(self, from_: Union[DateLike, DateArray], to: Union[DateLike, DateArray]) -> Any: ...

    def count_working_days(self, from_: Any, to: Any) -> Any:  # the overloads above are its signature
        """Working days d with from_ < d <= to (negative when to < from_).

        With arrays, a numpy int32 array (NaT raises, as numpy.busday_count does), or for a pandas Series a
        Series with its index (of pandas' nullable Int32, <NA> where a date is NaT).
        """
        if is_array(from_) or is_array(to):
            return _vector().count_working_days(self._c, from_, to)
        out = ctypes.c_int32()
        lib.chc_calendar_count_working_days(ctypes.byref(out), self._c, to_day(from_, "from"),
                                            to_day(to, "to"))
        return out.value

    def next_working_day(self, day: DateLike) -> date:
        """The first working day strictly after day."""
        return self._day_to_day(lib.chc_calendar_next_working_day, day, "day")

    def previous_working_day(self, day: DateLike) -> date:
        """The first working day strictly before day."""
        return self._day_to_day(lib.chc_calendar_previous_working_day, day, "day")

    def holidays(self, from_: DateLike, to: DateLike) -> List[Dict[str, Any]]:
        """Bank holidays and closures with from_ <= date <= to: dicts of date, weekday, name, kind, source..."""
        text = take_string(lib.chc_calendar_holidays_json, self._c, to_day(from_, "from"), to_day(to, "to"))
        holidays: List[Dict[str, Any]] = dates_in(json.loads(text)["holidays"])
        return holidays

    def explain(self, from_: DateLike, to: DateLike) -> Dict[str, Any]:
        """Every non-working day d with from_ < d <= to and why: {"working_days": n, "skipped": [...], ...}."""
        text = take_string(lib.chc_calendar_explain_json, self._c, to_day(from_, "from"), to_day(to, "to"))
        explained: Dict[str, Any] = dates_in(json.loads(text))
        return explained

    def info(self) -> Dict[str, Any]:
        """{"name", "base", "data_version", "official_through", "first_day", "last_day", "working_week", ...}."""
        info: Dict[str, Any] = dates_in(json.loads(take_string(lib.chc_calendar_info_json, self._c)))
        return info
