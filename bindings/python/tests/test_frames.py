# SPDX-License-Identifier: MIT
"""The pandas routes: a register DataFrame into reports and evaluations, the report's tables out, and what each
cell means. The anchors: the same register read by the C library from its own CSV file, and figures worked out
by hand (test_report.py's eight cases A-H; England and Wales; 2025-05-05 and 2026-04-03/06 are bank holidays).
"""

import io
import json
from datetime import date

import pytest

from conftest import REPOSITORY
from test_report import REGISTER

pandas = pytest.importorskip("pandas")
numpy = pytest.importorskip("numpy")

SAMPLE_CSV = REPOSITORY / "examples" / "data" / "register.csv"  # 60 cases; extension days blank in most rows


def figures_without_provenance(report):
    return {key: report[key] for key in ("tsm", "performance", "monthly", "self_assessment")}


# -- the issue's failures, one by one ---------------------------------------------------------------------------

def test_the_readmes_csv_route_accepts_pandas_floats(chc):
    # pandas reads a column with blanks as float, so to_csv writes 10 working days as "10.0".
    frame = pandas.read_csv(SAMPLE_CSV)
    assert frame["stage1_extension_days"].dtype == numpy.float64
    with chc.Report(2025, calendar="england-and-wales") as report:
        report.add_csv_text(frame.to_csv(index=False))
        from_pandas = report.json()
    with chc.Report(2025, calendar="england-and-wales") as report:
        report.add_csv(SAMPLE_CSV)  # the C library reading the file itself
        from_file = report.json()
    assert from_file["input"]["cases_accepted"] == 60 and from_file["input"]["cases_rejected"] == 0
    assert from_pandas["input"]["cases_accepted"] == 60 and from_pandas["input"]["cases_rejected"] == 0
    assert figures_without_provenance(from_pandas) == figures_without_provenance(from_file)


def test_a_dataframe_report_is_the_files_report(chc):
    frame = pandas.read_csv(SAMPLE_CSV)
    from_frame = chc.report(frame, 2025, homes=1000)
    from_path = chc.report(str(SAMPLE_CSV), 2025, homes=1000)
    assert from_frame["input"]["cases_read"] == from_path["input"]["cases_read"] == 60
    assert from_frame["input"]["cases_rejected"] == 0
    assert figures_without_provenance(from_frame) == figures_without_provenance(from_path)
    # The file as parsed dates, naive Timestamps and all, gives the same figures again.
    parsed = pandas.read_csv(SAMPLE_CSV, parse_dates=["stage1_acknowledged", "stage1_responded", "withdrawn"])
    assert parsed["stage1_responded"].dtype.kind == "M"
    assert figures_without_provenance(chc.report(parsed, 2025, homes=1000)) == figures_without_provenance(from_path)


def test_a_nan_cell_in_a_case_is_an_absent_field(chc):
    base = {"id": "A", "received": "2025-06-02", "events": [{"type": "acknowledged", "date": "2025-06-03"}]}
    with_gaps = dict(base, issue_date=float("nan"), category=numpy.float64("nan"), crm=None,
                     events=[dict(base["events"][0], handler=pandas.NaT)])
    assert chc.evaluate(with_gaps, as_of="2025-07-01")["deadlines"] == chc.evaluate(base, as_of="2025-07-01")["deadlines"]


def test_a_naive_timestamp_is_london_local_time(chc):
    # A 16:00 cut-off: received at 15:30 London time on Monday 2 June counts from that day. 15:30 read as UTC
    # would be 16:30 BST, after the cut-off: day 0 Tuesday 3 June, which an aware 15:30 UTC rightly gives.
    overlay = {"name": "Acme", "base": "hoc-2024", "receipt": {"cutoff": "16:00"}}
    def day_zero(received):
        return chc.evaluate({"id": "A", "received": received, "events": []}, as_of="2025-07-01", rules=overlay)["day_zero"]
    assert day_zero(pandas.Timestamp("2025-06-02 15:30")) == "2025-06-02"
    assert day_zero(pandas.Timestamp("2025-06-02 16:30")) == "2025-06-03"
    assert day_zero(pandas.Timestamp("2025-06-02 15:30", tz="UTC")) == "2025-06-03"
    assert day_zero(pandas.Timestamp("2025-01-06 15:30")) == "2025-01-06"  # GMT: no difference in winter
    assert day_zero(pandas.Timestamp("2025-06-02")) == "2025-06-02"  # midnight: a date
    normalized = chc.normalize_case({"id": "A", "received": pandas.Timestamp("2025-06-02 15:30"), "events": []})
    assert normalized["received"] == "2025-06-02T15:30:00+01:00"


def test_a_csv_path_is_read_as_csv(chc):
    r = chc.report(str(SAMPLE_CSV), 2025)
    assert (r["input"]["cases_read"], r["input"]["cases_rejected"]) == (60, 0)


def test_every_case_rejected_raises_and_some_rejected_warns(chc, tmp_path):
    with pytest.raises(chc.RejectedError, match=r"^report: all 2 cases were rejected; the first: case\.received: "
                                                 r'"2025-02-30".*; case\.received: required field is missing$') as caught:
        chc.report([{"id": "A", "received": "2025-02-30", "events": []}, {"id": "B", "events": []}], 2025)
    assert isinstance(caught.value, chc.Error) and len(caught.value.rejected) == 2
    bad = pandas.DataFrame({"id": ["A", "B"], "received": ["2025-06-02", "02/06/2025"]})
    with pytest.warns(chc.ChcWarning, match=r'^report: 1 of 2 cases were rejected; the first: line 3: .*"02/06/2025"'):
        chc.report(bad, 2025)
    with pytest.raises(chc.RejectedError, match=r"^report: all 1 cases were rejected; the first: line 2: "):
        chc.report(bad[1:], 2025)
    lines = tmp_path / "register.ndjson"
    lines.write_text("not json\n{}\n", encoding="utf-8")
    with pytest.raises(chc.RejectedError, match=r"^report: all 2 cases were rejected; the first: line 1: "):
        chc.report(str(lines), 2025)
    with pytest.warns(chc.ChcWarning, match="no cases were read"):
        chc.report([], 2025)


def test_report_takes_any_register(chc, tmp_path):
    expected = chc.report(REGISTER, 2025, homes=1000, calendar="england-and-wales")["tsm"]
    ndjson = "".join(json.dumps(case) + "\n" for case in REGISTER)
    for name in ("register.ndjson", "register.jsonl", "REGISTER.NDJSON"):
        (tmp_path / name).write_text(ndjson, encoding="utf-8")
        assert chc.report(tmp_path / name, 2025, homes=1000, calendar="england-and-wales")["tsm"] == expected
    as_text = (json.dumps(case) for case in REGISTER)  # a generator of JSON text
    assert chc.report(as_text, 2025, homes=1000, calendar="england-and-wales")["tsm"] == expected
    with pytest.raises(ValueError, match=r"cannot tell a CSV register \(\.csv\) from NDJSON"):
        chc.report(str(tmp_path / "register.txt"), 2025)
    with pytest.raises(TypeError, match="iterable of case records, got dict"):
        chc.report(REGISTER[0], 2025)
    with pytest.raises(TypeError, match="expected a .csv or .ndjson path"):
        chc.report(io.BytesIO(ndjson.encode()), 2025)


# -- a register of the hand-worked cases as a DataFrame --------------------------------------------------------

def register_frame():
    """Cases A-H as register columns, as pandas holds them: ids as the index, parsed dates (NaT when not done),
    extension days as float (NaN beside the one 10.0), the definition as a boolean column."""
    nat = None
    rows = {
        #      received      ack          responded     ext date      ext   escalated     ack 2         resp 2        not accepted withdrawn
        "A": ("2025-03-20", "2025-03-21", "2025-04-02", nat, nat, nat, nat, nat, nat, nat),
        "B": ("2025-05-01", "2025-05-02", "2025-05-30", nat, nat, nat, nat, nat, nat, nat),
        "C": ("2025-06-02", "2025-06-03", "2025-06-25", "2025-06-10", 10, nat, nat, nat, nat, nat),
        "D": ("2025-07-01", nat, nat, nat, nat, nat, nat, nat, "2025-07-03", nat),
        "E": ("2025-08-01", "2025-08-04", nat, nat, nat, nat, nat, nat, nat, "2025-08-06"),
        "F": ("2026-03-25", "2026-03-26", nat, nat, nat, nat, nat, nat, nat, nat),
        "G": ("2025-09-01", "2025-09-02", "2025-09-10", nat, nat, "2025-09-22", "2025-09-24", "2025-10-10", nat, nat),
        "H": ("2026-04-02", nat, nat, nat, nat, nat, nat, nat, nat, nat),
    }
    columns = ["received", "stage1_acknowledged", "stage1_responded", "stage1_extension_date", "stage1_extension_days",
               "escalation_requested", "stage2_acknowledged", "stage2_responded", "not_accepted", "withdrawn"]
    frame = pandas.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "id"
    for column in columns:
        if column != "stage1_extension_days":
            frame[column] = pandas.to_datetime(frame[column])
    frame["stage1_extension_days"] = frame["stage1_extension_days"].astype(float)
    acknowledged = frame["stage1_acknowledged"].notna()
    frame["stage1_definition"] = acknowledged  # booleans: yes where acknowledged, no elsewhere
    frame["stage2_definition"] = frame["stage2_acknowledged"].notna()
    frame["stage1_extension_reason"] = numpy.where(frame.index == "C", "Survey", None)
    frame["stage1_ombudsman_details"] = numpy.where(frame.index == "C", True, None)
    frame["stage1_handler"] = numpy.where(frame.index == "G", "X", None)
    frame["stage2_handler"] = numpy.where(frame.index == "G", "Y", None)
    frame["not_accepted_reason"] = numpy.where(frame.index == "D", "over_12_months", None)
    frame["not_accepted_explanation_given"] = numpy.where(frame.index == "D", "yes", None)
    frame["not_accepted_ombudsman_right_given"] = numpy.where(frame.index == "D", 1.0, numpy.nan)
    return frame


def test_the_register_frame_reports_the_hand_worked_figures(chc):
    frame = register_frame()
    assert frame["stage1_extension_days"].dtype == numpy.float64 and frame.index.name == "id"
    with chc.Report(2025, homes=1000, calendar="england-and-wales") as report:
        report.add_frame(frame)
        r = report.json()
        tables = report.to_frames()
    assert r["input"]["cases_accepted"] == 8
    assert r["tsm"]["CH01"]["stage1"]["count"] == 5
    assert (r["tsm"]["CH02"]["stage1"]["within_timescale"], r["tsm"]["CH02"]["stage1"]["percent"]) == (3, 75)
    assert r["tsm"]["CH02"]["stage1"]["percent_within_original_timescale"] == 50
    assert r["performance"]["refused"]["by_reason"]["over_12_months"]["count"] == 1

    assert set(tables) == {"summary", "tsm", "stages", "categories", "not_accepted", "open_by_age", "monthly",
                           "compliance", "self_assessment", "rejected"}
    assert all(isinstance(table, pandas.DataFrame) for table in tables.values())
    tsm = tables["tsm"].set_index(["measure", "stage"])
    assert tsm.loc[("CH01", "stage1"), "count"] == 5 and tsm.loc[("CH01", "stage1"), "per_1000_homes"] == 5
    assert tsm.loc[("CH02", "stage1"), "responded"] == 4 and tsm.loc[("CH02", "stage1"), "late"] == 1
    assert tsm.loc[("CH02", "stage1"), "percent"] == 75
    assert tables["not_accepted"].to_dict("records") == [{"reason": "over_12_months", "complaints": 1}]
    assert tables["stages"].set_index("stage").loc[1, "received"] == 5
    assert len(tables["monthly"]) == 12 and tables["monthly"]["month"].iloc[0] == "2025-04"
    assert len(tables["self_assessment"]) == r["self_assessment"]["provisions"]
    assert tables["compliance"]["provisions"].sum() == r["self_assessment"]["provisions"]
    assert tables["rejected"].empty and list(tables["rejected"].columns) == ["line", "reason"]
    summary = dict(zip(tables["summary"]["figure"], tables["summary"]["value"]))
    assert summary["report_period_label"] == "2025/26" and summary["input_cases_read"] == 8


def test_evaluate_frame_gives_one_row_per_case(chc):
    frame = register_frame()
    result = chc.evaluate_frame(frame, as_of="2026-04-30", calendar="england-and-wales")
    assert result.index.tolist() == list("ABCDEFGH") and result["id"].tolist() == list("ABCDEFGH")
    by_id = result.to_dict("index")
    assert by_id["D"]["status"] == "not_accepted" and by_id["E"]["status"] == "withdrawn"
    assert by_id["G"]["status"] == "closed" and by_id["G"]["stage"] == 2
    # B: acknowledged Fri 2 May; 10 working days past the 5 May bank holiday is Mon 19 May; answered 30 May.
    assert by_id["B"]["stage1_response_due"] == pandas.Timestamp("2025-05-19")
    assert by_id["B"]["stage1_response_met"] == pandas.Timestamp("2025-05-30")
    assert by_id["B"]["stage1_response_state"] == "missed" and "6.3" in by_id["B"]["failed_provisions"]
    # C: due Tue 17 June, extended by 10.0 working days to Tue 1 July; answered 25 June.
    assert by_id["C"]["stage1_response_due"] == pandas.Timestamp("2025-07-01")
    assert by_id["C"]["stage1_response_state"] == "met"
    # H: received Thu 2 April 2026; Good Friday and Easter Monday skipped, the acknowledgement was due Mon 13 April.
    assert by_id["H"]["status"] == "awaiting_acknowledgement"
    assert by_id["H"]["stage1_acknowledgement_due"] == pandas.Timestamp("2026-04-13")
    assert by_id["H"]["stage1_acknowledgement_state"] == "overdue" and by_id["H"]["overdue"]
    assert by_id["H"]["next_action_due"] == pandas.Timestamp("2026-04-13")
    assert result["received"].dtype.kind == "M" and str(result["stage"].dtype) == "Int64"
    assert result["error"].isna().all()


def test_evaluate_frame_reads_booleans_times_and_gaps(chc):
    # A False definition is "no" (finding 5.6 fails), never the text "False"; a naive time is London time.
    frame = pandas.DataFrame({
        "id": ["P", "Q"],
        "received": pandas.to_datetime(["2025-06-02 15:30", "2025-06-02 16:30"]),
        "stage1_acknowledged": pandas.to_datetime(["2025-06-03", None]),
        "stage1_definition": [False, None],
    }, index=[100, 200])
    overlay = {"name": "Acme", "base": "hoc-2024", "receipt": {"cutoff": "16:00"}}
    result = chc.evaluate_frame(frame, rules=overlay, as_of="2025-06-30")
    assert result.index.tolist() == [100, 200]
    assert result.loc[100, "day_zero"] == pandas.Timestamp("2025-06-02")  # 15:30 London, before the cut-off
    assert result.loc[200, "day_zero"] == pandas.Timestamp("2025-06-03")  # 16:30, after it
    assert "5.6" in result.loc[100, "failed_provisions"]


def test_evaluate_frame_rejections(chc):
    frame = pandas.DataFrame({"id": ["A", "Z", "Y"], "received": ["2025-06-02", "2025-02-30", "2025-06-02"],
                              "stage1_extension_date": [None, None, "2025-06-05"],
                              "stage1_extension_days": [None, None, "2.5"]}, index=["a", "z", "y"])
    with pytest.warns(chc.ChcWarning, match=r"^evaluate_frame: 2 of 3 cases were rejected; the first: row 'z': "
                                            r'case.received: "2025-02-30".*; row \'y\': .*"2.5" is not a whole number'):
        result = chc.evaluate_frame(frame, as_of="2025-07-01")
    assert result.loc["a", "status"] == "awaiting_acknowledgement" and pandas.isna(result.loc["a", "error"])
    assert "2025-02-30" in result.loc["z", "error"] and result.loc["z", "id"] == "Z"
    assert pandas.isna(result.loc["z", "status"]) and pandas.isna(result.loc["y", "id"])
    with pytest.raises(chc.RejectedError, match=r"^evaluate_frame: all 2 cases were rejected"):
        chc.evaluate_frame(frame.loc[["z", "y"]], as_of="2025-07-01")
    empty = chc.evaluate_frame(frame.iloc[:0], as_of="2025-07-01")
    assert empty.empty


def test_each_cell_is_written_as_chc_reads_it():
    from chc.frames import csv_text
    frame = pandas.DataFrame({
        "days": [10.0, 10.5, numpy.nan],
        "flag": [True, False, True],
        "mixed": [True, None, 2.0],
        "when": pandas.to_datetime(["2025-06-02", None, "2025-06-03"]),
        "at": pandas.to_datetime(["2025-06-02 15:30", "2025-01-06 09:00", None]),
        "aware": pandas.to_datetime(["2025-06-02 15:30", None, "2025-06-03"]).tz_localize("Europe/London"),
        "count": pandas.array([1, None, 3], dtype="Int64"),
        "text": ["a, b", None, 'say "hi"'],
        "dates": pandas.Series([date(2025, 6, 2), None, pandas.Timestamp("2025-06-03 12:00", tz="UTC")], dtype=object),
    })
    assert csv_text(frame).splitlines() == [
        "days,flag,mixed,when,at,aware,count,text,dates",
        '10,yes,yes,2025-06-02,2025-06-02T15:30:00+01:00,2025-06-02T14:30:00Z,1,"a, b",2025-06-02',
        "10.5,no,,,2025-01-06T09:00:00+00:00,,,,",
        ',yes,2,2025-06-03,,2025-06-02T23:00:00Z,3,"say ""hi""",2025-06-03T12:00:00+00:00',
    ]


def test_warnings_point_at_the_callers_line(chc):
    bad = pandas.DataFrame({"id": ["A", "B"], "received": ["2025-06-02", "02/06/2025"]})
    with pytest.warns(chc.ChcWarning) as from_report:
        chc.report(bad, 2025)
    with chc.Report(2025) as report, pytest.warns(chc.ChcWarning) as from_tables:
        report.add_frame(bad)
        report.to_frames()
    with pytest.warns(chc.ChcWarning) as from_rows:
        chc.evaluate_frame(bad, as_of="2025-07-01")
    assert [w.filename for w in (*from_report, *from_tables, *from_rows)] == [__file__] * 3
