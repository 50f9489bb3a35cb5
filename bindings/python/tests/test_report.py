# SPDX-License-Identifier: MIT
"""chc.Report on a register worked out by hand (the eight cases of tests/unit/report_test.cpp; England and
Wales, reporting year 2025/26, 1,000 homes):

  CH01 stage 1: B C E F G received in the year -> 5 (5 per 1,000 homes); stage 2: G -> 1
  CH02 stage 1: A B C G answered in the year, B late (due 19 May, answered 30 May) -> 3 of 4, 75 percent;
    C was answered inside its 10-day extension, so within the original timescale only A and G -> 50 percent
  leaving out withdrawn E -> CH01 4; counting not-accepted D -> 6; the year 2024/25 sees only A received.
"""

import gc
import io
import json
import threading

import pytest

from conftest import REPOSITORY

REGISTER = [
    {"id": "A", "received": "2025-03-20", "events": [
        {"type": "acknowledged", "date": "2025-03-21", "definition": True}, {"type": "response", "date": "2025-04-02"}]},
    {"id": "B", "received": "2025-05-01", "events": [
        {"type": "acknowledged", "date": "2025-05-02", "definition": True}, {"type": "response", "date": "2025-05-30"}]},
    {"id": "C", "received": "2025-06-02", "events": [
        {"type": "acknowledged", "date": "2025-06-03", "definition": True},
        {"type": "extension", "date": "2025-06-10", "working_days": 10, "reason": "Survey",
         "ombudsman_details_given": True},
        {"type": "response", "date": "2025-06-25"}]},
    {"id": "D", "received": "2025-07-01", "events": [
        {"type": "not_accepted", "date": "2025-07-03", "reason": "over_12_months", "explanation_given": True,
         "ombudsman_right_given": True}]},
    {"id": "E", "received": "2025-08-01", "events": [
        {"type": "acknowledged", "date": "2025-08-04", "definition": True}, {"type": "withdrawn", "date": "2025-08-06"}]},
    {"id": "F", "received": "2026-03-25", "events": [{"type": "acknowledged", "date": "2026-03-26", "definition": True}]},
    {"id": "G", "received": "2025-09-01", "events": [
        {"type": "acknowledged", "date": "2025-09-02", "handler": "X", "definition": True},
        {"type": "response", "date": "2025-09-10", "handler": "X"},
        {"type": "escalation_requested", "date": "2025-09-22"},
        {"type": "acknowledged", "date": "2025-09-24", "stage": 2, "handler": "Y", "definition": True},
        {"type": "response", "date": "2025-10-10", "stage": 2, "handler": "Y"}]},
    {"id": "H", "received": "2026-04-02", "events": []},
]
NDJSON = "".join(json.dumps(case) + "\n" for case in REGISTER)


def figures(chc, **options):
    options.setdefault("homes", 1000)
    options.setdefault("calendar", "england-and-wales")
    with chc.Report(options.pop("year", 2025), **options) as report:
        assert report.add_cases(REGISTER) == (8, 0)
        return report.json()


def test_tsm_figures_worked_by_hand(chc):
    r = figures(chc)
    assert r["tsm"]["CH01"]["stage1"] == {"count": 5, "homes": 1000, "per_1000_homes": 5}
    assert r["tsm"]["CH01"]["stage2"]["count"] == 1
    stage1 = r["tsm"]["CH02"]["stage1"]
    assert (stage1["responded"]["count"], stage1["within_timescale"], stage1["percent"]) == (4, 3, 75)
    assert stage1["late"]["ids"] == ["B"]
    assert (stage1["within_original_timescale"], stage1["percent_within_original_timescale"]) == (2, 50)
    assert r["report"]["period"] == {"from": "2025-04-01", "to": "2026-03-31", "label": "2025/26"}
    assert r["input"]["cases_accepted"] == 8


def test_the_readings_the_options_choose(chc):
    assert figures(chc, extensions_within=False)["tsm"]["CH02"]["stage1"]["percent"] == 50
    assert figures(chc, withdrawn_in_ch01=False)["tsm"]["CH01"]["stage1"]["count"] == 4
    assert figures(chc, not_accepted_in_ch01=True)["tsm"]["CH01"]["stage1"]["count"] == 6
    before = figures(chc, year=2024)
    assert before["tsm"]["CH01"]["stage1"]["count"] == 1
    assert before["report"]["period"]["label"] == "2024/25"
    # An explicit period: April 2025 alone sees A's response (due 4 April, answered 2 April) and nothing late.
    april = figures(chc, year=None, from_="2025-04-01", to="2025-04-30")
    assert april["tsm"]["CH02"]["stage1"]["responded"]["count"] == 1
    assert april["tsm"]["CH02"]["stage1"]["percent"] == 100


def test_rejected_cases_are_counted_with_their_reasons(chc):
    with chc.Report(2025, calendar="england-and-wales") as report:
        assert report.add(REGISTER[1]) is True
        assert report.add('{"id": "broken"') is False
        with pytest.raises(chc.DateError, match="2025-02-30"):
            report.add({"id": "Z", "received": "2025-02-30", "events": []}, strict=True)
        with pytest.raises(chc.SchemaError, match="received"):
            report.add({"id": "Y", "events": []}, strict=True)
        with pytest.warns(chc.ChcWarning, match=r"^report: 3 of 4 cases were rejected; the first: case JSON: malformed"):
            r = report.json()
    assert (r["input"]["cases_read"], r["input"]["cases_accepted"], r["input"]["cases_rejected"]) == (4, 1, 3)
    assert any("2025-02-30" in rejected["reason"] for rejected in r["input"]["rejected"])


def test_ndjson_in_chunks_of_any_size(chc):
    # A multi-byte character split between chunks, a blank line, a bad line 10, and no final newline.
    text = (NDJSON.replace('"id": "A"', '"id": "Ä"') + "\n" + '{"id": "bad"\n' + json.dumps(REGISTER[1])).encode()
    for size in (1, 3, 64, len(text)):
        with chc.Report(2025, homes=1000, calendar="england-and-wales") as report:
            for i in range(0, len(text), size):
                report.add_ndjson(text[i:i + size])
            with pytest.warns(chc.ChcWarning, match=r"^report: 1 of 10 cases were rejected; the first: line 10: "):
                r = report.json()
        assert r["input"]["cases_read"] == 10 and r["input"]["cases_rejected"] == 1
        assert r["input"]["rejected"][0]["line"] == 10
        assert r["tsm"]["CH01"]["stage1"]["count"] == 6  # B twice
        assert r["tsm"]["CH02"]["stage1"]["responded"]["count"] == 5


def test_files_and_the_one_call_form(chc, tmp_path):
    path = tmp_path / "register.ndjson"
    path.write_text(NDJSON, encoding="utf-8")
    expected = figures(chc)
    from_path = chc.report(str(path), 2025, homes=1000, calendar="england-and-wales")
    from_list = chc.report(REGISTER, 2025, homes=1000, calendar="england-and-wales")
    with chc.Report(2025, homes=1000, calendar="england-and-wales") as report:
        report.add_file(io.BytesIO(NDJSON.encode()))
        from_file_object = report.json()
    for got in (from_path, from_list, from_file_object):
        assert got["tsm"] == expected["tsm"] and got["performance"] == expected["performance"]


def test_formats_and_finishing(chc):
    with chc.Report(2025, homes=1000, calendar="england-and-wales", landlord="Riverside Vale Homes") as report:
        report.add_cases(REGISTER)
        assert report.json() == report.json()  # finishing again renders again
        assert "CH02,stage1,,,,4,3,75\r\n" in report.csv()
        html = report.html()
        assert html.startswith("<!DOCTYPE html>") and "Riverside Vale Homes" in html
        with pytest.raises(chc.InvalidError, match="finished"):
            report.add(REGISTER[0])
        with pytest.raises(chc.InvalidError, match="finished"):
            report.add_ndjson("\n")
    with pytest.raises(chc.ClosedError):
        report.json()


def test_evidence_fills_provisions_cases_cannot_show(chc):
    evidence = {"provisions": {"4.1": {"comply": "yes", "evidence": "Exclusions policy, section 3"}}}
    r = figures(chc, evidence=evidence)
    row = next(x for x in r["self_assessment"]["rows"] if x["provision"] == "4.1")
    assert (row["comply"], row["evidence"]) == ("Yes", "Exclusions policy, section 3")
    with pytest.raises(chc.SchemaError, match=r"evidence.provisions.4.1.comply"):
        chc.Report(2025, evidence={"provisions": {"4.1": {"comply": "maybe"}}})
    with pytest.raises(chc.JSONError, match="evidence"):
        chc.Report(2025, evidence='{"provisions": ')


def test_bad_arguments(chc):
    with pytest.raises(TypeError, match="either year or from_ and to"):
        chc.Report(2025, from_="2025-04-01", to="2026-03-31")
    with pytest.raises(TypeError, match="give year"):
        chc.Report()
    with pytest.raises(TypeError, match="year"):
        chc.Report("2025")
    with pytest.raises(chc.RangeError, match="year: 2200"):
        chc.Report(2200)
    with pytest.raises(chc.InvalidError, match="report period"):
        chc.Report(from_="2025-04-01", to="2025-03-31")
    with pytest.raises(chc.InvalidError, match="homes: -5 is negative"):
        chc.Report(2025, homes=-5)
    with pytest.raises(TypeError, match="homes_lcra"):
        chc.Report(2025, homes_lcra=1.5)
    with pytest.raises(chc.InvalidError, match="compliance_threshold"):
        chc.Report(2025, compliance_threshold=2)
    with pytest.raises(chc.UnknownNameError):
        chc.Report(2025, rules="hoc-2099")
    with pytest.raises(chc.InvalidError, match="NUL"):
        chc.Report(2025, landlord="a\0b")


def test_borrowed_rule_sets_live_as_long_as_the_report(chc):
    overlay = {"name": "riverside", "base": "hoc-2024", "targets": {"stage1_response": 8}}
    report = chc.Report(2025, homes=1000, rules=overlay, calendar={"base": "england-and-wales"})
    gc.collect()  # nothing but the report holds the overlay and the calendar
    assert report.add_cases(REGISTER) == (8, 0)
    assert report.json()["tsm"]["CH02"]["stage1"]["percent"] == 75  # targets never change the Code's figures
    report.close()
    report.close()


def test_one_report_fed_from_many_threads(chc):
    copies = 50
    with chc.Report(2025, homes=1000, calendar="england-and-wales") as report:
        def feed():
            for _ in range(copies):
                report.add_cases(REGISTER)
        threads = [threading.Thread(target=feed) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        r = report.json()
    assert r["input"]["cases_accepted"] == 4 * copies * 8
    assert r["tsm"]["CH01"]["stage1"]["count"] == 4 * copies * 5


def test_the_sample_register(chc):
    # examples/data/register.ndjson: 4,000 generated cases; every line is a valid case record.
    r = chc.report(str(REPOSITORY / "examples" / "data" / "register.ndjson"), 2025, homes=12000)
    assert r["input"]["cases_rejected"] == 0 and r["input"]["cases_read"] == 4000


def test_a_csv_register_from_text_a_file_and_pandas(chc, tmp_path):
    # Cases A and B as flat CSV rows (A in time, B late), and a row whose date does not exist.
    text = ("id,received,stage1_acknowledged,stage1_definition,stage1_responded,crm_team\n"
            "A,2025-03-20,2025-03-21,yes,2025-04-02,North\n"
            "B,2025-05-01,2025-05-02,yes,2025-05-30,South\n"
            "Z,2025-02-30,,,,South\n")
    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(text), dtype=str)
    feeds = [lambda report: report.add_csv(path), lambda report: report.add_csv(str(path)),
             lambda report: report.add_csv(io.BytesIO(text.encode())), lambda report: report.add_csv_text(text),
             lambda report: report.add_csv_text(frame.to_csv(index=False))]
    for feed in feeds:
        with chc.Report(2025, calendar="england-and-wales") as report:
            feed(report)
            with pytest.warns(chc.ChcWarning, match=r'^report: 1 of 3 cases were rejected; the first: line 4: .*"2025-02-30"'):
                r = report.json()
        assert (r["input"]["cases_accepted"], r["input"]["cases_rejected"]) == (2, 1)
        assert r["input"]["rejected"][0]["line"] == 4
        assert r["tsm"]["CH02"]["stage1"]["percent"] == 50
