# SPDX-License-Identifier: MIT
"""Input chc may have misread reaches Python as chc.ChcWarning, and strict=True makes it an error (docs/bad-input.md,
"Near-misses"): for cases, registers (text and DataFrames), calendars and GOV.UK imports."""

import json

import pytest

from conftest import REPOSITORY

STGE = {"id": "C1", "received": "2025-06-02", "events": [{"type": "acknowledged", "date": "2025-06-03", "stge": 1}]}
ACKNOWLEGED = "id,received,stage1_acknowleged\nA1,2025-06-02,2025-06-03\n"


def test_an_evaluation_warns_of_a_near_miss_key_and_strict_refuses_it(chc):
    with pytest.warns(chc.ChcWarning, match=r'case\.events\[0\]: "stge": did you mean "stage"\?'):
        answer = chc.evaluate(STGE, as_of="2025-06-20", rules="hoc-2024")
    assert answer["warnings"] == ['case.events[0]: "stge": did you mean "stage"?']
    with pytest.raises(chc.SchemaError, match=r'"stge": did you mean "stage"\? \(strict: every warning is an error\)'):
        chc.evaluate(STGE, as_of="2025-06-20", rules="hoc-2024", strict=True)


def test_a_register_header_near_miss_warns_and_strict_raises(chc):
    report = chc.Report(2025, rules="hoc-2024")
    report.add_csv_text(ACKNOWLEGED)
    with pytest.warns(chc.ChcWarning, match=r'register CSV header: "stage1_acknowleged": did you mean "stage1_acknowledged"\?'):
        figures = report.json()
    assert figures["input"]["cases_accepted"] == 1
    strict = chc.Report(2025, rules="hoc-2024", strict=True)
    with pytest.raises(chc.SchemaError, match="strict: every warning is an error"):
        strict.add_csv_text(ACKNOWLEGED)


def test_a_register_header_without_received_is_one_error(chc):
    report = chc.Report(2025)
    with pytest.raises(chc.SchemaError, match=r'no "received" column, which every register needs \("recieved": did you mean'):
        report.add_csv_text("id,recieved\nA1,2025-06-02\n")


def test_a_dataframe_with_a_misspelt_column_warns_and_strict_raises(chc):
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"id": ["A1"], "received": ["2025-06-02"], "stage1_acknowleged": ["2025-06-03"]})
    with pytest.warns(chc.ChcWarning, match="did you mean"):
        rows = chc.evaluate_frame(frame, rules="hoc-2024", as_of="2025-06-20")
    assert rows.loc[0, "status"] == "awaiting_acknowledgement"  # the misspelt column was not read: chc never guesses
    with pytest.raises(chc.SchemaError, match="stage1_acknowledged"):
        chc.evaluate_frame(frame, rules="hoc-2024", as_of="2025-06-20", strict=True)


def test_a_calendar_near_miss_warns_and_strict_raises(chc):
    document = {"base": "england-and-wales", "closure": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Shutdown"}]}
    with pytest.warns(chc.ChcWarning, match=r'"closure": did you mean "closures"\?'):
        with chc.Calendar.from_json(document) as cal:
            assert cal.add_working_days("2025-12-19", 10).isoformat() == "2026-01-07"
    with pytest.raises(chc.SchemaError, match=r'"closure": did you mean "closures"\?'):
        chc.Calendar.from_json(document, strict=True)


def test_an_older_govuk_copy_warns_keeps_the_one_off_and_file_wins_takes_its_days(chc):
    document = json.loads((REPOSITORY / "tests" / "data" / "govuk" / "bank-holidays-2025-08-17.json").read_text())
    with pytest.warns(chc.ChcWarning, match="would remove 2026-06-15 World Cup bank holiday"):
        with chc.Calendar.from_govuk("scotland", document) as kept:
            assert not kept.is_working_day("2026-06-15")
    with pytest.warns(chc.ChcWarning, match="the document's days used"), \
            chc.Calendar.from_govuk("scotland", document, file_wins=True) as taken:
        assert taken.is_working_day("2026-06-15")
    with pytest.raises(chc.SchemaError, match="2026-06-15"):
        chc.Calendar.from_govuk("scotland", document, strict=True)
