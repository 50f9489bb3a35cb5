# SPDX-License-Identifier: MIT
"""Reports from a complaint register: TSM CH01/CH02, the annual performance figures and the self-assessment."""

from __future__ import annotations

import ctypes
import json
import os
import sys
import threading
from collections.abc import Iterable, Mapping
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Dict, Optional, Tuple, Union

from . import errors
from ._dates import DateLike, c_string, to_day
from ._handle import Handle, json_bytes
from ._library import (REPORT_CSV, REPORT_DRILL_DOWN, REPORT_EXCLUDE_WITHDRAWN, REPORT_EXTENSIONS_ORIGINAL_ONLY,
                       REPORT_HTML, REPORT_INCLUDE_NOT_ACCEPTED, REPORT_JSON, STRICT, ReportOptions, ReportPointer, lib,
                       take_string)
from .calendar import Calendar, Document
from .rules import Borrowed, RuleSet

if TYPE_CHECKING:
    import pandas

_CHUNK = 1 << 20  # NDJSON files are streamed to chc a MiB at a time
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
_NDJSON_SUFFIXES = (".ndjson", ".jsonl")


class Report(Handle):
    """A report being built from case records (docs/case-format.md): one at a time, as NDJSON, CSV or a DataFrame.

        with chc.Report(2025, homes=12000) as report:      # the TSM year 1 April 2025 to 31 March 2026
            report.add_file("register.ndjson")
            figures = report.json()

    A case that cannot be read is counted as rejected, with its reason, and the report carries on. When the
    report is rendered (json, csv, html, to_frames), rejections are not silent: some rejected is a
    chc.ChcWarning with the count and the first reasons; all rejected raises chc.RejectedError.
    A report is used by one thread at a time; this object serialises its own calls.
    """

    @staticmethod
    def _free(pointer: Any) -> None:
        lib.chc_report_free(pointer)

    def __init__(self, year: Optional[int] = None, *, from_: Optional[DateLike] = None,
                 to: Optional[DateLike] = None, rules: Union[RuleSet, str, Dict[str, Any]] = "hoc",
                 calendar: Union[Calendar, str, Dict[str, Any], None] = None, homes: Optional[int] = None,
                 homes_lcra: Optional[int] = None, homes_lcho: Optional[int] = None, landlord: Optional[str] = None,
                 evidence: Optional[Document] = None, extensions_within: bool = True,
                 withdrawn_in_ch01: bool = True, not_accepted_in_ch01: bool = False, drill_down: bool = False,
                 compliance_threshold: Optional[float] = None, strict: bool = False) -> None:
        """Starts a report over a period.

        year: the first calendar year of a TSM reporting year (2025 is 2025/26); or give from_ and to (inclusive).
        rules, calendar: an object, a built-in name or a JSON document; calendar None uses each case's "calendar".
        homes, homes_lcra, homes_lcho: CH01's denominators (homes owned at the period's end), when known.
        landlord: the name on the report. evidence: the landlord's evidence file (a dict or JSON text) for the
        provisions cases cannot show. extensions_within: CH02 counts a response inside a Code-compliant
        extension as within timescale (False: only the original timescale). withdrawn_in_ch01,
        not_accepted_in_ch01: what CH01 counts. drill_down: keep the case ids behind every figure.
        compliance_threshold: the share of judged findings a provision needs for "Partial" (default 0.9).
        strict: every warning is an error: a case with a key nearly one of chc's is rejected with it, a register
        header with one (or an evidence file naming a provision the Code lacks) raises chc.SchemaError.
        Cases are evaluated as of the period's last day.
        """
        first, last = _period(year, from_, to)
        flags = ((0 if extensions_within else REPORT_EXTENSIONS_ORIGINAL_ONLY)
                 | (0 if withdrawn_in_ch01 else REPORT_EXCLUDE_WITHDRAWN)
                 | (REPORT_INCLUDE_NOT_ACCEPTED if not_accepted_in_ch01 else 0)
                 | (REPORT_DRILL_DOWN if drill_down else 0) | (STRICT if strict else 0))
        landlord_bytes = None if landlord is None else c_string(landlord, "landlord")
        evidence_bytes = None if evidence is None else json_bytes(evidence, "evidence")
        options = ReportOptions(ctypes.sizeof(ReportOptions), flags, first, last,
                                _homes(homes, "homes"), _homes(homes_lcra, "homes_lcra"), _homes(homes_lcho, "homes_lcho"),
                                landlord_bytes, evidence_bytes, 0 if evidence_bytes is None else len(evidence_bytes),
                                0.0 if compliance_threshold is None else float(compliance_threshold))
        chosen = Borrowed(rules, calendar)
        out = ReportPointer()
        try:
            lib.chc_report_begin(ctypes.byref(out), chosen.rules._c, chosen.calendar_pointer, ctypes.byref(options))
        except BaseException:
            chosen.close()
            raise
        # chc borrows the rule set and calendar for the report's life: keep them alive with it.
        self._borrowed: Optional[Borrowed] = chosen
        self._lock = threading.Lock()
        self._finished = False
        self._checked: Optional[errors.RejectedError] = None
        self._check_done = False
        self._adopt(out)

    def close(self) -> None:
        """Frees the report (and what was made from JSON for it); later calls raise chc.ClosedError."""
        super().close()
        chosen = self.__dict__.pop("_borrowed", None)
        if chosen is not None:
            chosen.close()

    def __repr__(self) -> str:
        return "<chc.Report (closed)>" if self.closed else f"<chc.Report{' (finished)' if self._finished else ''}>"

    # -- input -------------------------------------------------------------------------------------------------

    def add(self, case: Document, strict: bool = False) -> bool:
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

    def add_cases(self, cases: Iterable[Document]) -> Tuple[int, int]:
        """Adds each case record of an iterable; returns (accepted, rejected) counts for this call."""
        if isinstance(cases, (str, bytes, Mapping)):
            raise TypeError(f"cases: expected an iterable of case records, got one {type(cases).__name__}")
        accepted = rejected = 0
        for case in cases:
            if self.add(case):
                accepted += 1
            else:
                rejected += 1
        return accepted, rejected

    def add_ndjson(self, chunk: Union[str, bytes]) -> None:
        """Adds newline-delimited case records: str or bytes, a chunk of any size (it may end mid-line)."""
        data = chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk)
        with self._lock:
            self._check_open()
            lib.chc_report_add_ndjson(self._c, data, len(data))

    def add_file(self, source: Union[PathLike, IO[bytes]]) -> None:
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

    def add_csv(self, source: Union[PathLike, IO[bytes], IO[str]]) -> None:
        """Adds a flat CSV register (docs/reporting.md) from a path or a file object. Unknown columns are kept."""
        if isinstance(source, (str, bytes, os.PathLike)):
            with open(source, "rb") as handle:
                self.add_csv_text(handle.read())
        else:
            self.add_csv_text(source.read())

    def add_csv_text(self, text: Union[str, bytes]) -> None:
        """Adds a flat CSV register given as str or bytes, header row first (docs/reporting.md)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        with self._lock:
            self._check_open()
            lib.chc_report_add_csv(self._c, data, len(data))

    def add_frame(self, frame: pandas.DataFrame) -> None:
        """Adds a pandas DataFrame register: one row per complaint, the CSV columns of docs/reporting.md.

        Each cell is read as chc reads one value: whole-number floats (10.0) are integers, NaN/None/NaT are
        empty, booleans are yes/no, naive Timestamps are Europe/London local time, aware ones their instant.
        A named index (frame.set_index("id")) is a column too.
        """
        from .frames import csv_text
        self.add_csv_text(csv_text(frame))

    def add_source(self, source: Any) -> None:
        """Adds a register of any kind: a .csv or .ndjson/.jsonl path, a DataFrame, or an iterable of case records."""
        if isinstance(source, (str, bytes, os.PathLike)):
            suffix = os.path.splitext(os.fsdecode(source))[1].lower()
            if suffix == ".csv":
                self.add_csv(source)
            elif suffix in _NDJSON_SUFFIXES:
                self.add_file(source)
            else:
                raise ValueError(f"{os.fsdecode(source)!r}: cannot tell a CSV register (.csv) from NDJSON case records "
                                 f"({', '.join(_NDJSON_SUFFIXES)}) by its name; use Report.add_csv or Report.add_file")
            return
        pandas = sys.modules.get("pandas")
        if pandas is not None and isinstance(source, pandas.DataFrame):
            self.add_frame(source)
            return
        if isinstance(source, Iterable) and not isinstance(source, Mapping) and not hasattr(source, "read"):
            self.add_cases(source)
            return
        raise TypeError(f"register: expected a .csv or .ndjson path, a pandas DataFrame or an iterable of case "
                        f"records, got {type(source).__name__}")

    # -- output ------------------------------------------------------------------------------------------------

    def json(self) -> Dict[str, Any]:
        """The figures as a dict (docs/reporting.md). Ends the input; may be called again."""
        figures: Dict[str, Any] = json.loads(self._finish(REPORT_JSON))
        return figures

    def csv(self) -> str:
        """Titled tables for spreadsheets, as text."""
        return self._finish(REPORT_CSV)

    def html(self) -> str:
        """A self-contained page for the governing body and the website, as text."""
        return self._finish(REPORT_HTML)

    def to_frames(self) -> Dict[str, pandas.DataFrame]:
        """The report's tables as pandas DataFrames, by name (the CSV's tables, and more):

        summary (figure, value), tsm, stages, categories, not_accepted, open_by_age, monthly, compliance,
        self_assessment, rejected (line, reason). Column names are the JSON's field names (docs/reporting.md).
        """
        from .frames import report_frames
        return report_frames(json.loads(self._finish(REPORT_JSON)))  # not self.json(): warnings blame our caller

    def _finish(self, format_code: int) -> str:
        with self._lock:
            text = take_string(lib.chc_report_finish, self._c, format_code)
            self._finished = True
            if not self._check_done:
                figures = text if format_code == REPORT_JSON else take_string(lib.chc_report_finish, self._c, REPORT_JSON)
                self._check_done = True
                self._checked = _rejections(json.loads(figures).get("input", {}))
        if self._checked is not None:
            raise self._checked
        return text

    def _check_open(self) -> None:
        if self._finished:
            raise errors.InvalidError(errors.E_INVALID, "report: cases added after the report was finished")


def _rejections(input_section: Dict[str, Any]) -> Optional[errors.RejectedError]:
    """Warns about what chc read but may have misread; the error to raise when every case was rejected."""
    # stacklevel 4 blames the code that called json, csv, html, to_frames or chc.report (warn_all <- here <-
    # _finish <- one of those <- the caller), so each calls _finish itself.
    errors.warn_all(input_section.get("warnings", ()), stacklevel=4)
    read = int(input_section.get("cases_read", 0))
    if read == 0:
        errors.warn_all(["report: no cases were read (an empty register?)"], stacklevel=4)
        return None
    try:
        errors.rejections("report", read, input_section.get("rejected", ()), int(input_section.get("cases_rejected", 0)),
                          stacklevel=4)
    except errors.RejectedError as e:
        return e
    return None


def report(source: Any, year: Optional[int] = None, **options: Any) -> Dict[str, Any]:
    """The JSON figures (a dict) of a register; options as Report.

    source: a path to a CSV register (.csv) or to NDJSON case records (.ndjson, .jsonl), a pandas DataFrame
    (one row per complaint, the CSV columns), or an iterable of case records (dicts or JSON text).
    Some cases rejected: a chc.ChcWarning; every case rejected: chc.RejectedError.
    """
    with Report(year, **options) as built:
        built.add_source(source)
        figures: Dict[str, Any] = json.loads(built._finish(REPORT_JSON))
        return figures


def _period(year: Optional[int], first: Optional[DateLike], last: Optional[DateLike]) -> Tuple[int, int]:
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


def _homes(value: Optional[int], name: str) -> int:
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
