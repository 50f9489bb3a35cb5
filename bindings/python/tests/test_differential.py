# SPDX-License-Identifier: MIT
"""The Python binding, the C API and the C++ API give the same answer on every case of the conformance set.

tests/differential/evaluate_two_apis (built with the library; ctest passes its path in
CHC_EVALUATE_TWO_APIS) evaluates each case through the C++ and the C API; this test evaluates it through
chc.evaluate and requires all three to be identical: the same evaluation, or the same error code and message.
"""

import json
import os
import subprocess

import pytest

from conftest import REPOSITORY

CONFORMANCE = REPOSITORY / "tests" / "conformance"


def conformance_inputs():
    for folder in ("cases", "bad"):
        for path in sorted((CONFORMANCE / folder).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            text = record.get("case_text")
            if text is None:
                text = json.dumps(record["case"], ensure_ascii=False)
            for explain, echo in ((False, False), (True, True)):
                yield {"name": f"{folder}/{path.stem}", "rules": record.get("rules", "hoc"),
                       "calendar": record.get("calendar"), "as_of": record.get("as_of", "2025-06-30"),
                       "case_text": text, "explain": explain, "echo": echo}


def through_python(chc, given):
    try:
        return {"ok": chc.evaluate(given["case_text"], as_of=given["as_of"], rules=given["rules"],
                                   calendar=given["calendar"], explain=given["explain"], echo=given["echo"])}
    except chc.Error as e:
        return {"error": e.code, "message": e.message}


def test_python_c_and_cxx_agree_on_the_whole_conformance_set(chc):
    program = os.environ.get("CHC_EVALUATE_TWO_APIS")
    if not program:
        pytest.skip("CHC_EVALUATE_TWO_APIS is not set (ctest sets it)")
    inputs = list(conformance_inputs())
    assert len(inputs) >= 200  # 80 cases and 24 bad inputs, each twice
    request = "".join(json.dumps({k: v for k, v in given.items() if k != "name"}) + "\n" for given in inputs)
    lines = subprocess.run([program], input=request, capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(lines) == len(inputs)
    errors = 0
    for given, line in zip(inputs, lines):
        answers = json.loads(line)
        python = through_python(chc, given)
        assert answers["cxx"] == answers["c"], f"{given['name']}: the C and C++ APIs differ"
        assert python == answers["c"], f"{given['name']}: Python differs from the C API"
        errors += "error" in python
    assert errors == 2 * 24  # every bad input fails, identically, in all three
