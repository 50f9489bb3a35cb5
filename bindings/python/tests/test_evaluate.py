# SPDX-License-Identifier: MIT
"""evaluate(), normalize_case() and rule sets: a hand-worked case, the whole conformance set, bad input."""

import glob
import importlib.util
import json
import os
from datetime import date

import pytest

from conftest import REPOSITORY

CONFORMANCE = REPOSITORY / "tests" / "conformance"


def _conformance_runner():
    # The comparison rules vendors use (compare only the asserted keys), taken from run.py itself.
    spec = importlib.util.spec_from_file_location("conformance_run", CONFORMANCE / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUN = _conformance_runner()
CASES = sorted(glob.glob(str(CONFORMANCE / "cases" / "*.json")))
BAD = sorted(glob.glob(str(CONFORMANCE / "bad" / "*.json")))


def by_name(evaluation):
    return {d["name"]: d for d in evaluation["deadlines"]}


# Received Fri 2024-12-20, acknowledged Mon 2024-12-30, evaluated Mon 2025-01-06 (england-and-wales, hoc-2024).
#  6.2: day 0 Fri 20 Dec + 5: 23, 24, 27, 30, 31 (skipping 21-22, 25-26, 28-29) -> due Tue 2024-12-31, met 30 Dec.
#  6.3: day 0 Mon 30 Dec + 10: 31 Dec, 2, 3, 6, 7, 8, 9, 10, 13, 14 Jan (skipping 1 Jan and the weekends)
#       -> due Tue 2025-01-14; as of 6 Jan, 7, 8, 9, 10, 13, 14 remain: 6 working days.
HAND_WORKED = {
    "id": "PY-1",
    "received": "2024-12-20",
    "category": "damp",
    "events": [{"type": "acknowledged", "date": "2024-12-30", "stage": 1, "handler": "A. Khan",
                "definition": "Black mould in the back bedroom"}],
}


def test_hand_worked_case(chc):
    result = chc.evaluate(HAND_WORKED, as_of=date(2025, 1, 6), rules="hoc-2024", calendar="england-and-wales")
    assert (result["id"], result["status"], result["stage"], result["day_zero"]) == (
        "PY-1", "awaiting_response", 1, "2024-12-20")
    deadlines = by_name(result)
    assert deadlines["stage1_acknowledgement"]["due"] == "2024-12-31"
    assert deadlines["stage1_acknowledgement"]["met"] == "2024-12-30"
    assert deadlines["stage1_acknowledgement"]["state"] == "met"
    assert deadlines["stage1_response"]["due"] == "2025-01-14"
    assert deadlines["stage1_response"]["provisional"] is False
    assert deadlines["stage1_response"]["working_days_remaining"] == 6
    assert result["next_action"]["provision"] == "6.3" and result["next_action"]["due"] == "2025-01-14"


def test_hand_worked_case_not_acknowledged(chc):
    # Without the acknowledgement, 6.3 runs provisionally from the 6.2 deadline, Tue 31 Dec + 10:
    # 2, 3, 6, 7, 8, 9, 10, 13, 14, 15 January -> Wed 2025-01-15. On 6 Jan, 6.2 is overdue by 2, 3, 6: -3.
    case = dict(HAND_WORKED, events=[])
    deadlines = by_name(chc.evaluate(case, as_of="2025-01-06"))
    assert deadlines["stage1_acknowledgement"]["state"] == "overdue"
    assert deadlines["stage1_acknowledgement"]["working_days_remaining"] == -3
    assert deadlines["stage1_response"]["due"] == "2025-01-15"
    assert deadlines["stage1_response"]["provisional"] is True


@pytest.mark.parametrize("path", CASES, ids=os.path.basename)
def test_conformance_case(chc, path):
    spec = json.load(open(path, encoding="utf-8"))
    result = chc.evaluate(spec["case"], as_of=spec["as_of"], rules=spec["rules"], calendar=spec["calendar"])
    assert RUN.compare(spec["expected"], result) == []


BAD_CODES = {"CHC_E_JSON": "JSONError", "CHC_E_SCHEMA": "SchemaError", "CHC_E_DATE": "DateError",
             "CHC_E_LIMIT": "LimitError"}


@pytest.mark.parametrize("path", BAD, ids=os.path.basename)
def test_conformance_bad_input(chc, path):
    spec = json.load(open(path, encoding="utf-8"))
    want = spec["expected_error"]
    with pytest.raises(getattr(chc, BAD_CODES[want["code"]])) as caught:
        chc.evaluate(spec["case_text"], as_of=spec["as_of"], rules=spec["rules"], calendar=spec["calendar"])
    assert want["field"] in str(caught.value)
    assert isinstance(caught.value, ValueError)


UNKNOWN_FIELDS = {
    "id": 1042,
    "received": "2025-06-13T23:30:00Z",
    "crm": {"reference": "DYN-77120", "tags": ["vip", None, 1.5]},
    "notes": "Café – £150 ✓ 雨",
    "events": [{"type": "acknowledged", "date": "2025-06-16T09:00:00+01:00", "stage": 1, "x-colour": "amber"},
               {"type": "x-phone-call", "date": "2025-06-17", "minutes": 12}],
}


def test_unknown_fields_survive_echo(chc):
    result = chc.evaluate(UNKNOWN_FIELDS, as_of="2025-06-20", echo=True)
    assert result["case"] == UNKNOWN_FIELDS
    assert result["id"] == 1042
    # The Saturday timestamp (00:30 BST on 14 June) is day 0.
    assert result["day_zero"] == "2025-06-14"
    assert "case" not in chc.evaluate(UNKNOWN_FIELDS, as_of="2025-06-20")


def test_echo_is_the_case_text_as_given(chc):
    text = '{"id": "T", "received": "2025-03-07", "events": [], "zz": [1, 2.50, "é"]}'
    assert chc.evaluate(text, as_of="2025-03-10", echo=True)["case"] == json.loads(text)
    assert chc.evaluate(text.encode("utf-8"), as_of="2025-03-10")["id"] == "T"


def test_unknown_fields_survive_normalize(chc):
    normalized = chc.normalize_case(UNKNOWN_FIELDS)
    for key, value in UNKNOWN_FIELDS.items():
        if key != "events":
            assert normalized[key] == value
    assert normalized["chc_received_date"] == "2025-06-14"
    assert normalized["events"][0]["x-colour"] == "amber"
    assert normalized["events"][0]["chc_local_date"] == "2025-06-16"
    assert normalized["events"][1]["minutes"] == 12
    with pytest.raises(chc.DateError, match=r"events\[0\]\.date"):
        chc.normalize_case({"id": "x", "received": "2025-01-01", "events": [{"type": "acknowledged",
                                                                             "date": "2025-02-30"}]})


def test_explain_adds_skipped_days(chc):
    result = chc.evaluate(HAND_WORKED, as_of="2025-01-06", explain=True)
    skipped = by_name(result)["stage1_acknowledgement"]["skipped"]
    assert [d["date"] for d in skipped] == ["2024-12-21", "2024-12-22", "2024-12-25", "2024-12-26", "2024-12-28",
                                            "2024-12-29"]


def test_as_of_defaults_to_today_in_london(chc):
    assert chc.evaluate(HAND_WORKED)["as_of"] == chc.today().isoformat()


def test_calendar_argument_overrides_the_case_field(chc):
    # Received Tue 2024-12-31 + 5. Scotland skips 1-2 Jan: 3, 6, 7, 8, 9 -> 9 Jan. England: 2, 3, 6, 7, 8 -> 8 Jan.
    case = {"id": "S", "received": "2024-12-31", "calendar": "scotland", "events": []}
    assert by_name(chc.evaluate(case, as_of="2025-01-02"))["stage1_acknowledgement"]["due"] == "2025-01-09"
    for calendar in ("england-and-wales", chc.Calendar("england-and-wales"), {"base": "england-and-wales"}):
        result = chc.evaluate(case, as_of="2025-01-02", calendar=calendar)
        assert by_name(result)["stage1_acknowledgement"]["due"] == "2025-01-08"


def test_rules_as_objects_and_overlays(chc):
    overlay = {"name": "Example Housing", "base": "hoc-2024", "targets": {"stage1_response": 8}}
    with chc.RuleSet.from_json(overlay) as rules:
        assert rules.info()["name"] == "Example Housing"
        for given in (rules, overlay, json.dumps(overlay)):
            response = by_name(chc.evaluate(HAND_WORKED, as_of="2025-01-06", rules=given))["stage1_response"]
            # Target 8 from Mon 30 Dec: 31 Dec, 2, 3, 6, 7, 8, 9, 10 Jan -> Fri 2025-01-10, beside the Code's 14th.
            assert (response["due"], response["target"]["due"]) == ("2025-01-14", "2025-01-10")


def test_rule_sets(chc):
    with chc.RuleSet("hoc") as hoc:
        assert hoc.info()["name"] == "hoc"
        assert {r["name"] for r in hoc.info()["rule_sets"]} == {"hoc-2024", "hoc-2022"}
        provisions = {p["id"]: p for p in hoc.provisions()}
        assert provisions["6.2"]["check"] == "case"
        assert repr(hoc) == "<chc.RuleSet 'hoc'>"
    with chc.RuleSet("spso") as spso:
        deadlines = spso.info()["rule_sets"][0]["deadlines"]
        assert {d["name"]: d["working_days"] for d in deadlines}["stage1_response"] == 5
    with pytest.raises(chc.InvalidError, match=r"targets\.stage1_response.*6\.3"):
        chc.RuleSet.from_json({"name": "Lax", "base": "hoc-2024", "targets": {"stage1_response": 12}})
    with pytest.raises(chc.JSONError):
        chc.RuleSet.from_json("{")


def test_evaluate_errors(chc):
    with pytest.raises(chc.UnknownNameError, match="hoc-2023"):
        chc.evaluate(HAND_WORKED, as_of="2025-01-06", rules="hoc-2023")
    with pytest.raises(chc.UnknownNameError, match="narnia"):
        chc.evaluate(dict(HAND_WORKED, calendar="narnia"), as_of="2025-01-06")
    with pytest.raises(chc.DateError, match="^as_of: "):
        chc.evaluate(HAND_WORKED, as_of="2025-01-32")
    with pytest.raises(chc.SchemaError, match="received"):
        chc.evaluate({"id": "x", "events": []}, as_of="2025-01-06")
    with pytest.raises(TypeError, match="case"):
        chc.evaluate(42, as_of="2025-01-06")
    with pytest.raises(TypeError, match="calendar"):
        chc.evaluate(HAND_WORKED, as_of="2025-01-06", calendar=chc.RuleSet("hoc"))
    too_many = dict(HAND_WORKED, events=[{"type": "x-note", "date": "2025-01-01"}] * 10_001)
    with pytest.raises(chc.LimitError):
        chc.evaluate(too_many, as_of="2025-01-06")


def test_dates_in_case_dicts_are_serialised(chc):
    case = dict(HAND_WORKED, received=date(2024, 12, 20))
    assert chc.evaluate(case, as_of="2025-01-06")["day_zero"] == "2024-12-20"
