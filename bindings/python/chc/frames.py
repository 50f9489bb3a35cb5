# SPDX-License-Identifier: MIT
"""pandas routes: a register as a DataFrame in (one row per complaint, the CSV columns of docs/reporting.md),
evaluations and report tables as DataFrames out. pandas is imported only when one of these is called.

A DataFrame crosses into chc as the CSV register the C library reads (chc_report_add_csv, chc_cases_from_csv),
so a frame, its CSV export and a spreadsheet are read by one set of rules; each cell is first written as chc
reads one value (see csv_text).
"""

from __future__ import annotations

import ctypes
import json
import sys
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

from . import errors
from ._dates import DateLike, date_text, missing, numpy_module, to_day
from ._library import lib, take_string
from .calendar import Calendar
from .rules import Borrowed, RuleSet, evaluation_options, today

if TYPE_CHECKING:
    import pandas

_ROW = "chc_frame_row"  # a column of row positions: no row is ever blank, so rows and answers pair one to one


def pandas_module() -> Any:
    """pandas, or an ImportError saying how to install it."""
    try:
        import pandas
    except ImportError:
        raise ImportError("chc: DataFrames need pandas (apt-get install python3-pandas)") from None
    return pandas


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 2.0 ** 53 else repr(value)


def _cell(value: object) -> str:
    """One cell as chc reads it: missing is empty, a boolean yes/no, a date or time chc's text, 10.0 is 10."""
    if missing(value):
        return ""
    numpy = sys.modules.get("numpy")
    if isinstance(value, bool) or (numpy is not None and isinstance(value, numpy.bool_)):
        return "yes" if value else "no"
    text = date_text(value)
    if text is not None:
        return text
    if isinstance(value, float) or (numpy is not None and isinstance(value, numpy.floating)):
        return _number_text(float(value))
    return str(value)


def _cells(column: Any, pandas: Any, numpy: Any) -> Any:
    """A column's cells as text (an object array or the column itself); the common dtypes without a Python loop."""
    dtype = column.dtype
    if isinstance(dtype, pandas.DatetimeTZDtype):
        # An aware time is its instant: written in UTC, chc finds its London date (chc_timestamp_to_day's rule).
        utc = column.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
        text = numpy.char.add(numpy.datetime_as_string(utc, unit="s"), "Z").astype(object)
        text[numpy.isnat(utc)] = ""
        return text
    if isinstance(dtype, numpy.dtype) and dtype.kind == "M":
        values = column.to_numpy()
        days = values.astype("datetime64[D]")
        nat = numpy.isnat(values)
        if ((values == days) | nat).all():  # a date column: every time is midnight
            text = numpy.datetime_as_string(days, unit="D").astype(object)
            text[nat] = ""
            return text
        return column.map(_cell).to_numpy(object)  # naive times of day: London's offset, cell by cell
    if isinstance(dtype, numpy.dtype) and dtype.kind == "f":
        values = column.to_numpy()
        text = values.astype(str).astype(object)
        whole = numpy.isfinite(values) & (numpy.floor(values) == values) & (numpy.abs(values) < 2.0 ** 53)
        text[whole] = values[whole].astype(numpy.int64).astype(str)
        text[numpy.isnan(values)] = ""
        return text
    if isinstance(dtype, numpy.dtype) and dtype.kind == "b":
        return numpy.where(column.to_numpy(), "yes", "no").astype(object)
    if isinstance(dtype, numpy.dtype) and dtype.kind in "iuU":
        return column.to_numpy()
    if pandas.api.types.infer_dtype(column, skipna=True) in ("string", "empty"):
        return column.to_numpy(object)  # text and missing values: to_csv writes missing as empty
    return column.astype(object).map(_cell).to_numpy(object)


def csv_text(frame: pandas.DataFrame, row_numbers: bool = False) -> str:
    """A DataFrame as the CSV register chc reads, header row first, every cell as chc reads one value.

    Whole-number floats (10.0, from a column with gaps) are integers; NaN, None, NaT and pandas.NA are empty;
    booleans are yes/no; a date column is YYYY-MM-DD; a naive time of day is Europe/London local time (written
    with London's offset); an aware time keeps its instant. A named index (frame.set_index("id")) is a column.
    row_numbers adds a column of row positions, so no row is blank.
    """
    pd, numpy = pandas_module(), numpy_module()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame: expected a pandas DataFrame, got {type(frame).__name__}")
    names = [str(name) for name in frame.index.names if name is not None]
    if names and not set(names) & {str(column) for column in frame.columns}:
        frame = frame.reset_index()
    columns = {i: _cells(frame.iloc[:, i], pd, numpy) for i in range(frame.shape[1])}
    text = pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))
    text.columns = [str(column) for column in frame.columns]
    if row_numbers:
        if _ROW in text.columns:
            raise ValueError(f"frame: the column name {_ROW!r} is chc's own")
        text.insert(0, _ROW, numpy.arange(len(frame)))
    csv: str = text.to_csv(index=False)
    return csv


# ---------------------------------------------------------------------------
# Evaluating each row

_DATE_COLUMNS = ("received", "day_zero", "next_action_due")
_COLUMNS = ["id", "status", "stage", "rules", "calendar", "received", "day_zero", "next_action", "next_action_due",
            "next_action_provision", "next_action_working_days_remaining", "overdue", "failures", "failed_provisions",
            "error"]
_INTEGER_COLUMNS = ("stage", "failures", "next_action_working_days_remaining")


def _summary(evaluation: Dict[str, Any]) -> Dict[str, Any]:
    """One evaluation as one row: where the case stands, what is next, each deadline's due day and state."""
    action = evaluation.get("next_action") or {}
    failed = [finding["provision"] for finding in evaluation.get("findings", ()) if finding.get("result") == "fail"]
    row: Dict[str, Any] = {
        "id": evaluation.get("id"), "status": evaluation.get("status"), "stage": evaluation.get("stage"),
        "rules": evaluation.get("rules"), "calendar": evaluation.get("calendar"),
        "received": evaluation.get("received"), "day_zero": evaluation.get("day_zero"),
        "next_action": action.get("action"), "next_action_due": action.get("due"),
        "next_action_provision": action.get("provision"),
        "next_action_working_days_remaining": action.get("working_days_remaining"),
        "overdue": bool(action.get("overdue", False)),
        "failures": len(failed), "failed_provisions": ", ".join(dict.fromkeys(failed)),
    }
    for deadline in evaluation.get("deadlines", ()):
        name = deadline.get("name")
        row[f"{name}_due"] = deadline.get("due")
        row[f"{name}_met"] = deadline.get("met")
        row[f"{name}_state"] = deadline.get("state")
    return row


def evaluate_frame(frame: pandas.DataFrame, rules: Union[RuleSet, str, Dict[str, Any]] = "hoc",
                   as_of: Optional[DateLike] = None, calendar: Union[Calendar, str, Dict[str, Any], None] = None,
                   strict: bool = False) -> pandas.DataFrame:
    """Evaluates each row of a register DataFrame (the CSV columns of docs/reporting.md) as chc.evaluate does.

    Returns a DataFrame with the frame's index, one row per case: id, status, stage, rules, calendar, received,
    day_zero, next_action, next_action_due, next_action_provision, next_action_working_days_remaining,
    overdue, failures (failed findings), failed_provisions ("6.3, 6.9"), then for each deadline <name>_due,
    <name>_met and <name>_state (stage1_acknowledgement_due, ...), and error: why a row could not be
    evaluated (empty otherwise). Dates are datetime64 columns. Cells are read as csv_text describes.
    Some rows refused: a chc.ChcWarning with the count; every row refused: chc.RejectedError. A column or key
    nearly one of chc's is a chc.ChcWarning; strict=True makes it an error (the row refused, the header raising).
    """
    pd = pandas_module()
    data = csv_text(frame, row_numbers=True).encode("utf-8")
    register = json.loads(take_string(lib.chc_cases_from_csv, data, len(data)))
    if strict and register["warnings"]:
        raise errors.SchemaError(errors.E_SCHEMA, register["warnings"][0] + " (strict: every warning is an error)")
    errors.warn_all(register["warnings"])
    rows = register["rows"]
    if len(rows) != len(frame):
        raise errors.InternalError(errors.E_INTERNAL, f"evaluate_frame: {len(frame)} rows gave {len(rows)} cases")
    as_of_day = to_day(today() if as_of is None else as_of, "as_of")
    options = evaluation_options(False, False, strict)
    records: List[Dict[str, Any]] = []
    refused: List[Dict[str, Any]] = []
    with Borrowed(rules, calendar) as chosen:
        for label, row in zip(frame.index, rows):
            case = row.get("case")
            reason = row.get("error")
            if case is not None:
                case.pop(_ROW, None)
                text = json.dumps(case, ensure_ascii=False).encode("utf-8")
                try:
                    answer = take_string(lib.chc_evaluate_ex, chosen.rules._c, chosen.calendar_pointer, text, len(text),
                                         as_of_day, ctypes.byref(options))
                except errors.Error as e:
                    reason = str(e)
                else:
                    evaluation = json.loads(answer)
                    errors.warn_all(evaluation.get("warnings", ()))
                    records.append(_summary(evaluation))
                    continue
            refused.append({"row": label, "reason": reason})
            records.append({"id": None if case is None else case.get("id"), "error": reason})
    errors.rejections("evaluate_frame", len(frame), refused, len(refused))
    result = pd.DataFrame(records, index=frame.index, columns=None if records else _COLUMNS)
    if "error" not in result.columns:
        result["error"] = None
    for column in result.columns:
        if column in _DATE_COLUMNS or column.endswith(("_due", "_met")):
            result[column] = pd.to_datetime(result[column], format="%Y-%m-%d")
        elif column in _INTEGER_COLUMNS:
            result[column] = result[column].astype("Int64")
    ordered = [column for column in result.columns if column != "error"] + ["error"]
    evaluated: pandas.DataFrame = result[ordered]
    return evaluated


# ---------------------------------------------------------------------------
# A report's tables

def _flat(record: Dict[str, Any]) -> Dict[str, Any]:
    """A JSON object as one table row: a {"count", "ids"} figure is its count, nested objects join their keys
    with "_", and lists (of ids, notes) are left out."""
    out: Dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            if "count" in value and set(value) <= {"count", "ids"}:
                out[key] = value["count"]
            else:
                out.update({f"{key}_{inner}": item for inner, item in _flat(value).items()})
        elif not isinstance(value, list):
            out[key] = value
    return out


def report_frames(figures: Dict[str, Any]) -> Dict[str, pandas.DataFrame]:
    """The tables of a report's JSON figures (Report.json()) as DataFrames; see Report.to_frames."""
    pd = pandas_module()
    frame = pd.DataFrame
    tsm = figures.get("tsm", {})
    performance = figures.get("performance", {})
    assessment = figures.get("self_assessment", {})
    source = figures.get("input", {})
    summary = {**{f"report_{key}": value for key, value in _flat(figures.get("report", {})).items()},
               **{f"input_{key}": value for key, value in _flat(source).items()},
               **{key: value for key, value in _flat(performance).items()}}
    tsm_rows = [{"measure": measure, "stage": stage, **_flat(tsm.get(measure, {}).get(stage, {}))}
                for measure in ("CH01", "CH02") for stage in ("stage1", "stage2")]
    age = frame([_flat(row) for row in performance.get("open_at_period_end_by_age", ())])
    if "working_days" in age.columns:  # the age band first, as it reads
        age = age[["working_days"] + [column for column in age.columns if column != "working_days"]]
    tables: Dict[str, pandas.DataFrame] = {
        "summary": frame({"figure": list(summary), "value": list(summary.values())}),
        "tsm": frame(tsm_rows),
        "stages": frame([_flat(row) for row in performance.get("stages", ())]),
        "categories": frame({"category": list(performance.get("categories", {})),
                             "complaints": list(performance.get("categories", {}).values())}),
        "not_accepted": frame({"reason": list(performance.get("refused", {}).get("by_reason", {})),
                               "complaints": [value.get("count") for value in
                                              performance.get("refused", {}).get("by_reason", {}).values()]}),
        "open_by_age": age,
        "monthly": frame([_flat(row) for row in figures.get("monthly", ())]),
        "compliance": frame([_flat(row) for row in assessment.get("summary", ())]).rename(
            columns={"count": "provisions"}),
        "self_assessment": frame([_flat(row) for row in assessment.get("rows", ())]),
        "rejected": frame(source.get("rejected", []), columns=["line", "reason"]),
    }
    return tables
