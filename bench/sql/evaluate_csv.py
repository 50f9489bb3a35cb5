# SPDX-License-Identifier: MIT
"""The vendor's round trip, middle step: CSV rows (id, case JSON) on stdin, each
evaluated through the C API (chc_evaluate, ctypes; $CHC_LIBRARY is libchc.so.1)
under hoc as of 2026-04-30; CSV rows (id, evaluation JSON) on stdout."""
import csv
import ctypes
import os
import sys

lib = ctypes.CDLL(os.environ["CHC_LIBRARY"])
P = ctypes.c_void_p
lib.chc_ruleset_builtin.argtypes = (P, ctypes.c_char_p)
lib.chc_day_parse.argtypes = (P, ctypes.c_char_p)
lib.chc_evaluate.argtypes = (P, P, P, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int32)
lib.chc_string_free.argtypes = (P,)
lib.chc_last_error.restype = ctypes.c_char_p

rules, as_of, out = P(), ctypes.c_int32(), P()
assert lib.chc_ruleset_builtin(ctypes.byref(rules), b"hoc") == 0
assert lib.chc_day_parse(ctypes.byref(as_of), b"2026-04-30") == 0
csv.field_size_limit(1 << 24)
writer = csv.writer(sys.stdout, lineterminator="\n")
for case_id, doc in csv.reader(sys.stdin):
    data = doc.encode()
    if lib.chc_evaluate(ctypes.byref(out), rules, None, data, len(data), as_of.value) != 0:
        sys.exit(f"evaluate_csv: case {case_id}: {lib.chc_last_error().decode()}")
    writer.writerow((case_id, ctypes.string_at(out.value).decode()))
    lib.chc_string_free(out)
