#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A complaints register, column by column: deadlines and breaches for every row at once.

    /usr/bin/python3 examples/python/register.py [register.csv] [--as-of YYYY-MM-DD]

Reads a CSV of complaints (id, received, acknowledged, responded, calendar; blank when not yet done) and
computes, with chc's batch calls (one per calendar, never one per row):
  - ack_due: 5 working days after receipt (Code 6.2; the received day is day 0);
  - response_due: 10 working days after the acknowledgement, or after ack_due when not acknowledged (6.3);
  - working_days_taken: from receipt to the response, or to --as-of while still open;
  - ack_breach / response_breach: done late, or not done and past due on --as-of.
Then prints the register and a summary by calendar. Needs pandas (apt-get install python3-pandas).
"""

import argparse
import os
import sys

try:
    import pandas as pd
except ImportError as missing:
    print(f"register.py: {missing.name} is not installed (apt-get install python3-pandas)", file=sys.stderr)
    sys.exit(77)  # ctest's "skipped"

try:
    import chc
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bindings", "python"))
    import chc

HERE = os.path.dirname(os.path.abspath(__file__))


def deadlines(register, as_of):
    """The register with its deadline, count and breach columns added."""
    out = register.copy()
    for column in ("ack_due", "response_due"):
        out[column] = pd.NaT
    out["working_days_taken"] = 0
    as_of_ts = pd.Timestamp(as_of)
    # One pass per calendar: each is a handful of whole-column batch calls. A Series in gives a Series out
    # with the same index, and a NaT (not yet done) stays NaT.
    for name, rows in register.groupby("calendar"):
        with chc.Calendar(name) as cal:
            ack_due = cal.add_working_days(rows["received"], 5)
            response_due = cal.add_working_days(rows["acknowledged"].fillna(ack_due), 10)
            taken = cal.count_working_days(rows["received"], rows["responded"].fillna(as_of_ts))
        out.loc[rows.index, "ack_due"] = ack_due
        out.loc[rows.index, "response_due"] = response_due
        out.loc[rows.index, "working_days_taken"] = taken
    out["ack_breach"] = ((out["acknowledged"] > out["ack_due"])
                         | (out["acknowledged"].isna() & (as_of_ts > out["ack_due"])))
    out["response_breach"] = ((out["responded"] > out["response_due"])
                              | (out["responded"].isna() & (as_of_ts > out["response_due"])))
    out["open"] = out["responded"].isna()
    return out


def summary(register):
    by_calendar = register.groupby("calendar").agg(
        complaints=("id", "size"), open=("open", "sum"), ack_breaches=("ack_breach", "sum"),
        response_breaches=("response_breach", "sum"), mean_working_days=("working_days_taken", "mean"))
    totals = pd.DataFrame([{"complaints": len(register), "open": register["open"].sum(),
                            "ack_breaches": register["ack_breach"].sum(),
                            "response_breaches": register["response_breach"].sum(),
                            "mean_working_days": register["working_days_taken"].mean()}], index=["all"])
    return pd.concat([by_calendar, totals]).round({"mean_working_days": 1})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", default=os.path.join(HERE, "register.csv"))
    parser.add_argument("--as-of", default=None, help="the day breaches are judged on (default: today in London)")
    args = parser.parse_args()
    try:
        as_of = (chc.today() if args.as_of is None else chc.from_day(chc.to_day(args.as_of, "--as-of"))).isoformat()
    except chc.DateError as e:
        parser.error(str(e))

    register = pd.read_csv(args.csv, parse_dates=["received", "acknowledged", "responded"], dtype={"id": str})
    result = deadlines(register, as_of)

    shown = result.copy()
    for column in ("received", "acknowledged", "responded", "ack_due", "response_due"):
        shown[column] = shown[column].dt.strftime("%Y-%m-%d").fillna("-")
    with pd.option_context("display.width", 200, "display.max_rows", None):
        print(f"Complaints register as of {as_of} ({len(result)} complaints)\n")
        print(shown.drop(columns=["open"]).to_string(index=False))
        print("\nSummary\n")
        print(summary(result).to_string())
    print(f"\nacknowledgement breaches: {int(result['ack_breach'].sum())}")
    print(f"response breaches: {int(result['response_breach'].sum())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
