#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Quick start, command 1: build chc and run its main job on the bundled data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
chc_ensure_packages "${CHC_BUILD_PACKAGES[@]}"

echo "==> building (cmake --preset release)"
cmake --preset release >/dev/null
cmake --build --preset release --target chc_cli
chc=build/release/bin/chc

echo
echo "==> Bank holidays 2024-2027, every division (official GOV.UK data compiled in)"
for division in england-and-wales scotland northern-ireland; do
  "$chc" holidays --calendar "$division" --from 2024-01-01 --to 2027-12-31
  echo
done

echo "==> Worked deadlines (the event day is day 0; N working days means the N-th working day after it)"
echo "A complaint received Friday 20 December 2024 must be acknowledged within 5 working days (Code 6.2):"
"$chc" add 2024-12-20 5 --calendar england-and-wales --explain
echo
echo "Acknowledged on Tuesday 31 December 2024, the stage 1 response is due within 10 working days (Code 6.3):"
"$chc" add 2024-12-31 10 --calendar england-and-wales
echo
echo "The same acknowledgement in Scotland, where 2 January is also a bank holiday:"
"$chc" add 2024-12-31 10 --calendar scotland --explain
echo
echo "A stage 2 request received Thursday 10 July 2025 in Northern Ireland (the Twelfth falls on a Saturday):"
"$chc" add 2025-07-10 5 --calendar northern-ireland --explain
echo
echo "Working days between two dates (d with FROM < d <= TO), Easter 2025:"
"$chc" count 2025-04-14 2025-04-25 --calendar england-and-wales

echo
echo "==> A complaint evaluated under the Complaint Handling Code (examples/data/complaint.json, as of 2025-05-01)"
"$chc" check examples/data/complaint.json --as-of 2025-05-01

echo
echo "==> The annual complaints report for Riverside Vale Homes (fictional), 2025/26, from examples/data/register.ndjson"
"$chc" report examples/data/register.ndjson --year 2025 --homes 12000 --evidence examples/data/evidence.json --format text
"$chc" report examples/data/register.ndjson --year 2025 --homes 12000 --evidence examples/data/evidence.json \
    --format html -o build/release/report-2025-26.html
"$chc" report examples/data/register.ndjson --year 2025 --homes 12000 --evidence examples/data/evidence.json \
    --format csv -o build/release/report-2025-26.csv
echo "Open build/release/report-2025-26.html in a browser for the full report (TSM, performance, self-assessment);"
echo "build/release/report-2025-26.csv has the same tables for a spreadsheet."
