#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run the chc conformance set against a chc command-line tool.

    python3 tests/conformance/run.py path/to/chc [--only SUBSTRING] [--check-codes] [--timeout SECONDS]

For every cases/*.json it writes the case record to a temporary file and runs

    CHC check CASEFILE --as-of DATE (--rules NAME | --rules-file OVERLAY.json) [--calendar NAME] --json

(an overlay object in "rules" is written to its own file and passed with --rules-file; "calendar": null
means no --calendar), parses the evaluation it prints (docs/evaluation.md)
and compares only the keys the case asserts. For every bad/*.json it passes the raw case_text and
expects a non-zero exit with expected_error.field in the error output (and, with --check-codes, the
expected_error.code too).

Prints one PASS/FAIL line per case, then "N passed, M failed"; exits 1 if any case failed.
Standard library only.
"""

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP_KEYS = ("status", "stage", "day_zero")
MISSING = object()


def show(v):
    if v is MISSING:
        return "(missing)"
    return json.dumps(v, ensure_ascii=False)


def same(expected, actual):
    """JSON equality that does not confuse true with 1 or 2 with 2.0 with "2"."""
    if actual is MISSING:
        return False
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(expected, bool) and isinstance(actual, bool) and expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return expected == actual
    if type(expected) is not type(actual):
        return False
    return expected == actual


def compare(expected, out):
    """Differences between the asserted keys of `expected` and the evaluation `out` (a list of strings)."""
    diffs = []
    if not isinstance(out, dict):
        return ["the output is not a JSON object"]

    for key in TOP_KEYS:
        if key in expected and not same(expected[key], out.get(key, MISSING)):
            diffs.append("%s: expected %s, got %s" % (key, show(expected[key]), show(out.get(key, MISSING))))

    if "deadlines" in expected:
        listed = out.get("deadlines")
        by_name = {}
        if isinstance(listed, list):
            for d in listed:
                if isinstance(d, dict) and "name" in d:
                    by_name.setdefault(d["name"], d)
        else:
            diffs.append("deadlines: expected a list, got %s" % show(listed if listed is not None else MISSING))
        for name, want in expected["deadlines"].items():
            got = by_name.get(name)
            if got is None:
                diffs.append("deadline %s: missing" % name)
                continue
            for key, value in want.items():
                actual = got.get(key, MISSING)
                if key == "target" and isinstance(value, dict):
                    if not isinstance(actual, dict):
                        diffs.append("%s.target: expected %s, got %s" % (name, show(value), show(actual)))
                        continue
                    for tkey, tvalue in value.items():
                        tactual = actual.get(tkey, MISSING)
                        if not same(tvalue, tactual):
                            diffs.append("%s.target.%s: expected %s, got %s" % (name, tkey, show(tvalue), show(tactual)))
                elif not same(value, actual):
                    diffs.append("%s.%s: expected %s, got %s" % (name, key, show(value), show(actual)))

    findings = out.get("findings")
    if ("findings" in expected or "findings_absent" in expected) and not isinstance(findings, list):
        diffs.append("findings: expected a list, got %s" % show(findings if findings is not None else MISSING))
        findings = []
    if findings is None:
        findings = []
    have = collections.Counter(
        (f.get("provision"), f.get("result")) for f in findings if isinstance(f, dict))

    if "findings" in expected:
        want = collections.Counter((f["provision"], f["result"]) for f in expected["findings"])
        for (prov, res), n in sorted(want.items()):
            if have[(prov, res)] < n:
                others = sorted(r for (p, r) in have.elements() if p == prov)
                diffs.append("finding %s %s: expected %s, found %d%s" % (
                    prov, res, "at least %d" % n if n > 1 else "one", have[(prov, res)],
                    " (that provision has: %s)" % ", ".join(others) if others else " (no finding for that provision)"))

    for prov in expected.get("findings_absent", []):
        judged = [r for (p, r) in have.elements() if p == prov and r in ("pass", "fail")]
        if judged:
            diffs.append("finding %s: expected no pass/fail, got %s" % (prov, ", ".join(sorted(judged))))

    if "next_action" in expected:
        want = expected["next_action"]
        got = out.get("next_action", None)
        if want is None:
            if got is not None:
                diffs.append("next_action: expected null, got %s" % show(got))
        elif not isinstance(got, dict):
            diffs.append("next_action: expected %s, got %s" % (show(want), show(got)))
        else:
            for key, value in want.items():
                actual = got.get(key, MISSING)
                if not same(value, actual):
                    diffs.append("next_action.%s: expected %s, got %s" % (key, show(value), show(actual)))
    return diffs


def rules_args(spec, tmp):
    rules = spec["rules"]
    if isinstance(rules, dict):
        path = os.path.join(tmp, "overlay.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(rules, fh, indent=2, ensure_ascii=False)
        args = ["--rules-file", path]
    else:
        args = ["--rules", rules]
    if spec.get("calendar") is not None:
        args += ["--calendar", spec["calendar"]]
    return args


def run_chc(chc, case_path, spec, tmp, timeout):
    cmd = [chc, "check", case_path, "--as-of", spec["as_of"]] + rules_args(spec, tmp) + ["--json"]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)


def run_case(chc, path, timeout):
    spec = json.load(open(path, encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="chc-conf-") as tmp:
        case_path = os.path.join(tmp, os.path.basename(path))
        with open(case_path, "w", encoding="utf-8") as fh:
            json.dump(spec["case"], fh, indent=2, ensure_ascii=False)
        try:
            proc = run_chc(chc, case_path, spec, tmp, timeout)
        except subprocess.TimeoutExpired:
            return ["timed out after %ss" % timeout]
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        return ["exit %d: %s" % (proc.returncode, stderr[:500] or "(no message)")]
    try:
        out = json.loads(proc.stdout.decode("utf-8"))
    except ValueError as e:
        return ["output is not JSON (%s): %s" % (e, proc.stdout[:200].decode("utf-8", "replace"))]
    return compare(spec["expected"], out)


def run_bad(chc, path, timeout, check_codes):
    spec = json.load(open(path, encoding="utf-8"))
    want = spec["expected_error"]
    with tempfile.TemporaryDirectory(prefix="chc-conf-") as tmp:
        case_path = os.path.join(tmp, os.path.basename(path))
        with open(case_path, "wb") as fh:
            fh.write(spec["case_text"].encode("utf-8"))
        try:
            proc = run_chc(chc, case_path, spec, tmp, timeout)
        except subprocess.TimeoutExpired:
            return ["timed out after %ss" % timeout]
    stderr = proc.stderr.decode("utf-8", "replace")
    diffs = []
    if proc.returncode == 0:
        diffs.append("accepted (exit 0); expected %s naming %s" % (want["code"], show(want["field"])))
        return diffs
    if proc.returncode < 0:
        diffs.append("killed by signal %d (a crash, not a rejection)" % -proc.returncode)
    if want.get("field") and want["field"] not in stderr:
        diffs.append("error output does not name %s: %s" % (show(want["field"]), stderr.strip()[:300] or "(empty)"))
    if check_codes and want.get("code") and want["code"] not in stderr + proc.stdout.decode("utf-8", "replace"):
        diffs.append("error output does not mention %s: %s" % (want["code"], stderr.strip()[:300] or "(empty)"))
    return diffs


def main():
    ap = argparse.ArgumentParser(description="Run the chc conformance set.")
    ap.add_argument("chc", help="path to the chc command-line tool")
    ap.add_argument("--only", default="", help="run only files whose path contains this text")
    ap.add_argument("--check-codes", action="store_true",
                    help="for bad/ inputs, also require the CHC_E_* code in the error output")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per run (default 60)")
    args = ap.parse_args()

    chc = args.chc
    if os.sep not in chc and not os.path.exists(chc):
        pass  # a bare name is looked up on PATH by subprocess
    elif not os.path.isfile(chc):
        print("run.py: no chc binary at %s" % chc, file=sys.stderr)
        return 2

    cases = sorted(glob.glob(os.path.join(HERE, "cases", "*.json")))
    bads = sorted(glob.glob(os.path.join(HERE, "bad", "*.json")))
    passed = failed = 0
    for kind, paths in (("cases", cases), ("bad", bads)):
        for path in paths:
            rel = os.path.relpath(path, HERE)
            if args.only and args.only not in rel:
                continue
            try:
                if kind == "cases":
                    diffs = run_case(chc, path, args.timeout)
                else:
                    diffs = run_bad(chc, path, args.timeout, args.check_codes)
            except OSError as e:
                diffs = ["could not run %s: %s" % (chc, e)]
            if diffs:
                failed += 1
                print("FAIL %s" % rel)
                for d in diffs:
                    print("     %s" % d)
            else:
                passed += 1
                print("PASS %s" % rel)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
