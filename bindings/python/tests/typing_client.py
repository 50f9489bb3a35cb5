# SPDX-License-Identifier: MIT
"""A client of chc's public API, for mypy --strict only (ctest python.mypy; pytest does not collect it).

Each assignment states the type a caller should get; mypy fails if the package's annotations disagree.
"""

import datetime
import warnings
from typing import Any, Dict, List, Tuple

import numpy
from numpy.typing import NDArray

import chc


def calendars() -> None:
    with chc.Calendar("england-and-wales") as cal:
        due: datetime.date = cal.add_working_days("2024-12-20", 5)
        also: datetime.date = cal.add_working_days(datetime.date(2024, 12, 20), numpy.int64(5))
        count: int = cal.count_working_days("2024-12-20", datetime.datetime(2024, 12, 31, 9, 30))
        working: bool = cal.is_working_day(numpy.datetime64("2025-01-01"))
        after: datetime.date = cal.next_working_day("2024-12-24")
        holidays: List[Dict[str, Any]] = cal.holidays("2024-01-01", "2024-12-31")
        info: Dict[str, Any] = cal.info()
        days: NDArray[numpy.datetime64] = cal.add_working_days(numpy.array(["2024-12-20"], "datetime64[D]"), 5)
        counts: NDArray[numpy.int32] = cal.count_working_days(["2024-12-20", None], "2025-01-31")
        print(due, also, count, working, after, holidays, info, days, counts)
    acme: chc.Calendar = chc.Calendar.from_json({"base": "england-and-wales"})
    acme.close()


def complaints() -> None:
    result: Dict[str, Any] = chc.evaluate({"id": "A", "received": "2025-06-02", "events": []}, as_of="2025-06-30",
                                          rules="hoc", calendar="england-and-wales", explain=True)
    rules: chc.RuleSet = chc.RuleSet("hoc")
    provisions: List[Dict[str, Any]] = rules.provisions()
    day: datetime.date = chc.timestamp_to_date("2025-06-13T23:30:00Z")
    number: int = chc.to_day(day)
    back: datetime.date = chc.from_day(number)
    print(result, provisions, back, chc.today(), chc.library_path, chc.library_version())


def reports() -> None:
    figures: Dict[str, Any] = chc.report([{"id": "A", "received": "2025-06-02", "events": []}], 2025, homes=1000)
    with chc.Report(from_="2025-04-01", to="2025-06-30") as report:
        counts: Tuple[int, int] = report.add_cases(['{"id": "A", "received": "2025-06-02", "events": []}'])
        accepted: bool = report.add({"id": "B", "received": "2025-06-03", "events": []}, strict=True)
        report.add_csv_text("id,received\nC,2025-06-04\n")
        html: str = report.html()
        tables = report.to_frames()
        print(figures, counts, accepted, html, tables["tsm"])


def failures() -> None:
    try:
        chc.to_day("2025-02-30", "received")
    except chc.DateError as e:
        code: int = e.code
        message: str = e.message
        print(code, message)
    except chc.RejectedError as e:
        rejected: List[Dict[str, Any]] = e.rejected
        print(rejected)
    warnings.simplefilter("error", chc.ChcWarning)
