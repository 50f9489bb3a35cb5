# SPDX-License-Identifier: MIT
"""Working-day calendars."""

import ctypes
import json

from ._dates import c_string, dates_in, from_day, int32, is_array, to_day
from ._handle import Handle, json_bytes
from ._library import CalendarPointer, chc_day, lib, take_string


def _vector():
    from . import _vector  # imports numpy, so only when an array is given
    return _vector


class Calendar(Handle):
    """A working-day calendar; immutable, so one Calendar may be shared by any number of threads.

    Counting: the event day is day 0. add_working_days(start, n) for n >= 1 is the n-th working day strictly
    after start; count_working_days(from_, to) counts the working days d with from_ < d <= to.
    """

    _free = staticmethod(lib.chc_calendar_free)

    def __init__(self, name):
        """A built-in division: "england-and-wales", "scotland" or "northern-ireland"."""
        out = CalendarPointer()
        lib.chc_calendar_builtin(ctypes.byref(out), c_string(name, "name"))
        self._adopt(out)

    @classmethod
    def from_json(cls, document):
        """A landlord calendar from a dict or JSON text: {"base": ..., "closures": [...], ...} (docs/calendars.md)."""
        text = json_bytes(document, "document")
        out = CalendarPointer()
        lib.chc_calendar_from_json(ctypes.byref(out), text, len(text))
        return cls.__new__(cls)._adopt(out)

    @classmethod
    def from_govuk(cls, base, document, data_version=None):
        """`base` (a Calendar or a built-in name) with a GOV.UK bank-holidays.json document merged in."""
        if isinstance(base, str):
            with cls(base) as base_calendar:
                return cls.from_govuk(base_calendar, document, data_version)
        if not isinstance(base, Calendar):
            raise TypeError(f"base: expected a Calendar or a built-in name, got {type(base).__name__}")
        text = json_bytes(document, "document")
        version = None if data_version is None else c_string(data_version, "data_version")
        out = CalendarPointer()
        lib.chc_calendar_import_govuk(ctypes.byref(out), base._c, text, len(text), version)
        return cls.__new__(cls)._adopt(out)

    def __repr__(self):
        if self.closed:
            return "<chc.Calendar (closed)>"
        return f"<chc.Calendar {self.info()['name']!r}>"

    def _day_to_day(self, function, day, name):
        out = chc_day()
        function(ctypes.byref(out), self._c, to_day(day, name))
        return from_day(out.value)

    def is_working_day(self, day):
        out = ctypes.c_int()
        lib.chc_calendar_is_working_day(ctypes.byref(out), self._c, to_day(day, "day"))
        return bool(out.value)

    def add_working_days(self, start, n):
        """The n-th working day after start (a date); with arrays, a datetime64[D] array (start and n broadcast)."""
        if is_array(start) or is_array(n):
            return _vector().add_working_days(self._c, start, n)
        out = chc_day()
        lib.chc_calendar_add_working_days(ctypes.byref(out), self._c, to_day(start, "start"), int32(n, "n"))
        return from_day(out.value)

    def count_working_days(self, from_, to):
        """Working days d with from_ < d <= to (negative when to < from_); with arrays, an int32 array."""
        if is_array(from_) or is_array(to):
            return _vector().count_working_days(self._c, from_, to)
        out = ctypes.c_int32()
        lib.chc_calendar_count_working_days(ctypes.byref(out), self._c, to_day(from_, "from"), to_day(to, "to"))
        return out.value

    def next_working_day(self, day):
        """The first working day strictly after day."""
        return self._day_to_day(lib.chc_calendar_next_working_day, day, "day")

    def previous_working_day(self, day):
        """The first working day strictly before day."""
        return self._day_to_day(lib.chc_calendar_previous_working_day, day, "day")

    def holidays(self, from_, to):
        """Bank holidays and closures with from_ <= date <= to: dicts of date, weekday, name, kind, source..."""
        text = take_string(lib.chc_calendar_holidays_json, self._c, to_day(from_, "from"), to_day(to, "to"))
        return dates_in(json.loads(text)["holidays"])

    def explain(self, from_, to):
        """Every non-working day d with from_ < d <= to and why: {"working_days": n, "skipped": [...], ...}."""
        text = take_string(lib.chc_calendar_explain_json, self._c, to_day(from_, "from"), to_day(to, "to"))
        return dates_in(json.loads(text))

    def info(self):
        """{"name", "base", "data_version", "official_through", "first_day", "last_day", "working_week", ...}."""
        return dates_in(json.loads(take_string(lib.chc_calendar_info_json, self._c)))
