#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A CRM's flat register export, evaluated and reported from pandas: the DataFrame routes of the package.

    /usr/bin/python3 examples/python/evaluate_register.py [register.csv] [--as-of YYYY-MM-DD] [--year 2025]

Reads a register with the columns of docs/reporting.md (examples/data/register.csv by default) into a DataFrame as
an analyst would (pandas guesses the types: dates stay text, days with gaps become floats), then
  - chc.evaluate_frame: one row per complaint (status, next action, each deadline's due day and state);
  - chc.report(frame, year).to_frames(): the year's TSM figures and the self-assessment as DataFrames.
Needs pandas (apt-get install python3-pandas).
"""

import argparse
import os
import sys

try:
    import pandas as pd
except ImportError as missing:
    print(f"evaluate_register.py: {missing.name} is not installed (apt-get install python3-pandas)", file=sys.stderr)
    sys.exit(77)  # ctest's "skipped"

try:
    import chc
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bindings", "python"))
    import chc

REGISTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "register.csv")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", default=REGISTER)
    parser.add_argument("--as-of", default=None, help="the day the register is judged on (default: today in London)")
    parser.add_argument("--year", type=int, default=2025, help="the TSM reporting year (2025 is 2025/26)")
    args = parser.parse_args()

    register = pd.read_csv(args.csv).set_index("id")  # the index is kept: results join back on it
    cases = chc.evaluate_frame(register, as_of=args.as_of)

    print(f"{len(cases)} complaints as of {args.as_of or chc.today().isoformat()}\n")
    print(cases["status"].value_counts().to_string(), "\n")
    overdue = cases[cases["overdue"]].sort_values("next_action_due")
    print(f"overdue next actions: {len(overdue)}")
    print(overdue[["next_action", "next_action_provision", "next_action_due"]].head(10).to_string(), "\n")
    late = (cases["stage1_response_state"] == "missed").sum()
    print(f"stage 1 responses missed: {late} of {cases['stage1_response_state'].isin(['met', 'missed']).sum()}\n")

    with chc.Report(args.year, homes=12000) as report:
        report.add_frame(register)
        tables = report.to_frames()
    print(tables["tsm"][["measure", "stage", "count", "per_1000_homes", "responded", "within_timescale",
                         "percent"]].to_string(index=False), "\n")
    print(tables["compliance"].to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
