# SPDX-License-Identifier: MIT
"""Reports from a complaint register: TSM CH01/CH02, the annual performance figures and the self-assessment."""

import ctypes
import json
import os
import threading
from datetime import date

from . import errors
from ._dates import c_string, to_day
from ._handle import Handle, json_bytes
from ._library import (REPORT_CSV, REPORT_DRILL_DOWN, REPORT_EXCLUDE_WITHDRAWN, REPORT_EXTENSIONS_ORIGINAL_ONLY,
                       REPORT_HTML, REPORT_INCLUDE_NOT_ACCEPTED, REPORT_JSON, ReportOptions, ReportPointer, lib,
                       take_string)
from .calendar import Calendar
from .rules import RuleSet, _borrowed

_CHUNK = 1 << 20  # NDJSON files are streamed to chc a MiB at a time


class Report(Handle):
    """A report being built from case records (docs/case-format.md), one at a time or as NDJSON.

        with chc.Report(2025, homes=12000) as report:      # the TSM year 1 April 2025 to 31 March 2026
            report.add_file("register.ndjson")
            figures = report.json()

    year: the first calendar year of a TSM reporting year (2025 is 2025/26); or give from_ and to (inclusive).
    rules, calendar: an object, a built-in name or a JSON document; calendar None uses each case's "calendar".
    homes, homes_lcra, homes_lcho: CH01's denominators (homes owned at the period's end), when known.
    evidence: the landlord's evidence file (a dict or JSON text) for provisions cases cannot show.
    extensions_within: CH02 counts a response inside a Code-compliant extension as within timescale
    (False: only the original timescale). withdrawn_in_ch01, not_accepted_in_ch01: what CH01 counts.
    drill_down: keep the case ids behind every figure. Cases are evaluated as of the period's last day.
    A report is used by one thread at a time; this object serialises its own calls.
    """

    _free = staticmethod(lib.chc_report_free)

    def __init__(self, year=None, *, from_=None, to=None, rules="hoc", calendar=None, homes=None, homes_lcra=None,
                 homes_lcho=None, landlord=None, evidence=None, extensions_within=True, withdrawn_in_ch01=True,
                 not_accepted_in_ch01=False, drill_down=False, compliance_threshold=None):
        first, last = _period(year, from_, to)
        flags = ((0 if extensions_within else REPORT_EXTENSIONS_ORIGINAL_ONLY)
                 | (0 if withdrawn_in_ch01 else REPORT_EXCLUDE_WITHDRAWN)
                 | (REPORT_INCLUDE_NOT_ACCEPTED if not_accepted_in_ch01 else 0)
                 | (REPORT_DRILL_DOWN if drill_down else 0))
        landlord_bytes = None if landlord is None else c_string(landlord, "landlord")
        evidence_bytes = None if evidence is None else json_bytes(evidence, "evidence")
        options = ReportOptions(ctypes.sizeof(ReportOptions), flags, first, last,
                                _homes(homes, "homes"), _homes(homes_lcra, "homes_lcra"), _homes(homes_lcho, "homes_lcho"),
                                landlord_bytes, evidence_bytes, 0 if evidence_bytes is None else len(evidence_bytes),
                                0.0 if compliance_threshold is None else float(compliance_threshold))
        rule_set, temporary_rules = _borrowed(rules, RuleSet, "rules")
        chosen, temporary_calendar = (None, None) if calendar is None else _borrowed(calendar, Calendar, "calendar")
        out = ReportPointer()
        try:
            lib.chc_report_begin(ctypes.byref(out), rule_set._c, None if chosen is None else chosen._c,
                                 ctypes.byref(options))
        except BaseException:
            for temporary in (temporary_rules, temporary_calendar):
                if temporary is not None:
                    temporary.close()
            raise
        # chc borrows the rule set and calendar for the report's life: keep them alive with it.
        self._borrowed = (rule_set, chosen)
        self._lock = threading.Lock()
        self._finished = False
        self._adopt(out)

    def close(self):
        super().close()
        self.__dict__.pop("_borrowed", None)

    def __repr__(self):
        return "<chc.Report (closed)>" if self.closed else f"<chc.Report{' (finished)' if self._finished else ''}>"

    # -- input -------------------------------------------------------------------------------------------------

    def add(self, case, strict=False):
        """Adds one case record (a dict or JSON text). True when accepted.

        A case that cannot be read is counted as rejected, with its reason, and the report carries on: add
        returns False, or with strict=True raises the chc error saying why (the case is still counted).
        """
        text = json_bytes(case, "case")
        with self._lock:
            self._check_open()
            try:
                lib.chc_report_add_case(self._c, text, len(text))
            except errors.Error:
                if strict:
                    raise
                return False
        return True

    def add_cases(self, cases):
        """Adds each case record of an iterable; returns (accepted, rejected) counts for this call."""
        accepted = rejected = 0
        for case in cases:
            if self.add(case):
                accepted += 1
            else:
                rejected += 1
        return accepted, rejected

    def add_ndjson(self, chunk):
        """Adds newline-delimited case records: str or bytes, a chunk of any size (it may end mid-line)."""
        data = chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk)
        with self._lock:
            self._check_open()
            lib.chc_report_add_ndjson(self._c, data, len(data))

    def add_file(self, source):
        """Streams an NDJSON register from a path or a binary file object; memory stays flat."""
        if isinstance(source, (str, bytes, os.PathLike)):
            with open(source, "rb") as handle:
                self.add_file(handle)
            return
        while True:
            chunk = source.read(_CHUNK)
            if not chunk:
                return
            self.add_ndjson(chunk)

    def add_csv(self, source):
        """Adds a flat CSV register (docs/reporting.md) from a path or a file object. Unknown columns are kept."""
        if isinstance(source, (str, bytes, os.PathLike)):
            with open(source, "rb") as handle:
                self.add_csv_text(handle.read())
        else:
            self.add_csv_text(source.read())

    def add_csv_text(self, text):
        """Adds a flat CSV register given as str or bytes, header row first: add_csv_text(df.to_csv(index=False))."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        with self._lock:
            self._check_open()
            lib.chc_report_add_csv(self._c, data, len(data))

    # -- output ------------------------------------------------------------------------------------------------

    def json(self):
        """The figures as a dict (docs/reporting.md). Ends the input; may be called again."""
        return json.loads(self._finish(REPORT_JSON))

    def csv(self):
        """Titled tables for spreadsheets, as text."""
        return self._finish(REPORT_CSV)

    def html(self):
        """A self-contained page for the governing body and the website, as text."""
        return self._finish(REPORT_HTML)

    def _finish(self, format_code):
        with self._lock:
            text = take_string(lib.chc_report_finish, self._c, format_code)
            self._finished = True
        return text

    def _check_open(self):
        if self._finished:
            raise errors.InvalidError(errors.E_INVALID, "report: cases added after the report was finished")


def report(cases, year=None, **options):
    """The JSON figures (a dict) of an iterable of case records, or of an NDJSON file's path; options as Report."""
    with Report(year, **options) as built:
        if isinstance(cases, (str, bytes, os.PathLike)):
            built.add_file(cases)
        else:
            built.add_cases(cases)
        return built.json()


def _period(year, first, last):
    if year is not None:
        if first is not None or last is not None:
            raise TypeError("give either year or from_ and to, not both")
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year: expected an int such as 2025 (for 2025/26), got {type(year).__name__}")
        if not 1900 <= year <= 2198:
            raise errors.RangeError(errors.E_RANGE, f"year: {year} is outside the supported range")
        return to_day(date(year, 4, 1)), to_day(date(year + 1, 3, 31))
    if first is None or last is None:
        raise TypeError("give year (2025 for 2025/26) or both from_ and to")
    return to_day(first, "from_"), to_day(last, "to")


def _homes(value, name):
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: expected an int, got {type(value).__name__}")
    if value < 0:
        raise errors.InvalidError(errors.E_INVALID, f"{name}: {value} is negative")
    if value == 0:
        raise errors.InvalidError(errors.E_INVALID, f"{name}: 0 homes leaves CH01 undefined; leave it out instead")
    if value >= 2 ** 63:
        raise errors.InvalidError(errors.E_INVALID, f"{name}: {value} does not fit in 64 bits")
    return value
