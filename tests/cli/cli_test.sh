#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The chc command as a user runs it: outputs, JSON, messages and exit codes.
# Expected dates and counts are worked out by hand from the calendars.
#
# usage: cli_test.sh CHC SOURCE_DIR
set -u
chc="$1"
source_dir="$2"
python=/usr/bin/python3
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect <exit code> <text that must appear in stdout+stderr> -- <args...>
expect() {
  local want_code="$1" want_text="$2"
  shift 3
  local output code
  output=$("$chc" "$@" 2>&1)
  code=$?
  if [[ "$code" != "$want_code" ]] || [[ "$output" != *"$want_text"* ]]; then
    fail "chc $* -> exit $code (wanted $want_code), output:"
    echo "$output" | head -20
    echo "  (wanted to find: $want_text)"
  fi
}

# expect_not <text that must not appear in stdout+stderr> -- <args...>
expect_not() {
  local unwanted="$1"
  shift 2
  local output
  output=$("$chc" "$@" 2>&1)
  if [[ "$output" == *"$unwanted"* ]]; then
    fail "chc $* printed '$unwanted':"
    echo "$output" | head -20
  fi
}

# expect_stdout <exact stdout> -- <args...>: stdout alone, exactly.
expect_stdout() {
  local want="$1" got
  shift 2
  got=$("$chc" "$@" 2>/dev/null)
  [[ "$got" == "$want" ]] || fail "chc $* printed '$got' on stdout, wanted '$want'"
}

# expect_json <python expression over d that must be true> -- <args...>: stdout parses as JSON.
expect_json() {
  local check="$1" out
  shift 2
  out=$("$chc" "$@" 2>"$work/stderr") || { fail "chc $* exited $?: $(head -3 "$work/stderr")"; return; }
  if ! printf '%s' "$out" | "$python" -c "import json, sys
d = json.loads(sys.stdin.read())
sys.exit(0 if ($check) else 1)" 2>"$work/py"; then
    fail "chc $* -> JSON without ($check): $(head -c 300 <<<"$out") $(head -3 "$work/py")"
  fi
}

# --- working days (2024-12-20 is a Friday; 25, 26 December and the weekends are skipped)
expect_stdout "2024-12-31" -- add 2024-12-20 5 --calendar england-and-wales
expect_stdout "2025-01-03" -- add 2024-12-31 1 --calendar scotland
expect 0 "2024-12-25 Wed  Christmas Day" -- add 2024-12-20 5 --explain
expect 0 "5 working days after 2024-12-20 Fri" -- add 2024-12-20 5 --explain
expect 0 "1 working day after 2024-12-20 Fri on england-and-wales is 2024-12-23 Mon" -- add 2024-12-20 1 --explain
expect 0 "2 working days before 2024-12-27 Fri on england-and-wales is 2024-12-23 Mon" -- add 2024-12-27 -2 --explain
expect_stdout "5" -- count 2024-12-20 2024-12-31
expect_stdout "-5" -- count 2024-12-31 2024-12-20
expect_json 'd["working_days"] == 5 and len(d["skipped"]) == 6' -- explain 2024-12-20 2024-12-31 --json
expect_json 'd == {"calendar": "england-and-wales", "data_version": d["data_version"], "start": "2024-12-20", "n": 5, "result": "2024-12-31"}' \
  -- add 2024-12-20 5 --json
expect_json 'd["from"] == "2024-12-20" and d["to"] == "2024-12-31" and d["working_days"] == 5' -- count 2024-12-20 2024-12-31 --json
expect 0 "2026-06-15 Mon  World Cup bank holiday" -- holidays --calendar scotland --from 2026-01-01 --to 2026-12-31
expect 0 "scotland: 10 bank holidays and closures from 2026-01-01" -- holidays --calendar scotland --year 2026
expect 0 "england-and-wales: 1 bank holiday or closure from 2025-12-25 to 2025-12-25" -- holidays --from 2025-12-25 --to 2025-12-25
expect_json '[h["date"] for h in d["holidays"]][6] == "2026-07-13"' -- holidays --calendar northern-ireland --year 2026 --json
expect 0 "official through: 2028-12-31" -- info --calendar scotland
expect 0 "northern-ireland" -- calendars
expect 0 "chc 0.1.0" -- --version

# --- names: case does not matter when only one name matches; near misses are named
expect_stdout "2025-01-03" -- add 2024-12-31 1 --calendar Scotland
expect_stdout "2025-01-03" -- add 2024-12-31 1 --calendar SCOTLAND
expect 2 'unknown calendar "scottland": did you mean "scotland"?' -- add 2024-12-20 5 --calendar scottland
expect 2 'unknown calendar "wales" (england-and-wales, scotland or northern-ireland)' -- add 2024-12-20 5 --calendar wales
expect 2 'unknown rule set "hoc2024": did you mean "hoc-2024"?' -- rules --rules hoc2024
expect 0 '"hoc-2022"' -- rules --rules HOC-2022
expect 2 'unknown command "chek": did you mean "check"?' -- chek case.json
expect 2 'unknown command "ad": did you mean "add"?' -- ad 2024-12-20 5
expect 2 'add: unknown option "--calender": did you mean "--calendar"?' -- add 2024-12-20 5 --calender scotland
expect 2 'unknown option "-calendar": did you mean "--calendar"?' -- add 2024-12-20 5 -calendar scotland
expect 2 'add: unknown option "--year" (an option of holidays and report)' -- add 2024-12-20 5 --year 2024
expect 2 '--format: unknown value "htm": did you mean "html"?' -- report x.ndjson --year 2025 --format htm
expect 2 '--json takes no value' -- add 2024-12-20 5 --json=yes
expect 2 '--calendar is given twice' -- add 2024-12-20 5 --calendar scotland --calendar scotland

# --- errors: "chc: <message>", exit 2; usage mistakes add one line pointing at the command's --help
expect 2 "chc: usage: chc add DATE N" -- add 2024-12-20
expect 2 "Try 'chc add --help' for more information." -- add 2024-12-20
expect 2 "--calendar needs a value (NAME)" -- holidays --calendar
expect 2 'DATE: "2023-02-29": day 29 does not exist in 2023-02' -- add 2023-02-29 5
expect 2 '"tomorrow" is not a date in the form YYYY-MM-DD' -- add tomorrow 5
expect 2 'DATE: "02/12/2025" is not a date in the form YYYY-MM-DD (2025-12-02 if you meant 2 December 2025, the UK reading; 2025-02-12 if you meant 12 February 2025)' \
  -- add 02/12/2025 5
expect 2 '--as-of: "2025/12/02" is not a date in the form YYYY-MM-DD (2025-12-02 if you meant 2 December 2025)' \
  -- check "$source_dir/examples/data/complaint.json" --as-of 2025/12/02
expect 2 "not a whole number" -- add 2024-12-20 five
expect 2 "outside the supported range" -- add 1850-01-01 5
expect 2 "does not fit in 32 bits" -- add 2024-01-01 99999999999
expect 2 "chc: cannot read '/nonexistent.json': No such file or directory" -- holidays --year 2024 --calendar-file /nonexistent.json
expect_not "Try 'chc" -- holidays --year 2024 --calendar-file /nonexistent.json
expect 2 "chc: cannot read '$work': Is a directory" -- check "$work"
expect_not "chc: error:" -- frobnicate
expect 2 "no command given" -- --calendar scotland
"$chc" >/dev/null 2>&1
[[ $? == 2 ]] || fail "chc with no command should exit 2"

tmp=$(mktemp)
echo '{"base": "england-and-wales", "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Shutdown"}]}' > "$tmp"
expect 0 "2026-01-02" -- add 2025-12-24 1 --calendar-file "$tmp"
echo '{"base": "england-and-wales", "closures": [{"date": "2025-02-30", "name": "x"}]}' > "$tmp"
expect 2 "closures[0].date" -- add 2025-12-24 1 --calendar-file "$tmp"

# Near-misses in a calendar file (docs/bad-input.md, "Near-misses"): issue 12's
# landlord file with "closure" for "closures". chc does not guess, so the
# closure is not applied (2026-01-07), and the warning names both keys; spelt
# right, 29-31 December close too (2026-01-12).
echo '{"name": "Acme Homes", "base": "england-and-wales", "closure": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]}' > "$tmp"
expect 0 "2026-01-07" -- add 2025-12-19 10 --calendar-file "$tmp"
expect 0 'chc: warning: '"$tmp"': calendar: "closure": did you mean "closures"?' -- add 2025-12-19 10 --calendar-file "$tmp"
expect 2 'calendar: "closure": did you mean "closures"?' -- add 2025-12-19 10 --calendar-file "$tmp" --strict
expect_not '2026-01-07' -- add 2025-12-19 10 --calendar-file "$tmp" --strict
expect 0 'warning: '"$tmp"': calendar: "closure": did you mean "closures"?' -- info --calendar-file "$tmp"
echo '{"name": "Acme Homes", "base": "england-and-wales", "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Christmas shutdown"}]}' > "$tmp"
expect 0 "2026-01-12" -- add 2025-12-19 10 --calendar-file "$tmp"
echo '{"base": "scotland", "Working_Week": ["mon"]}' > "$tmp"
expect 0 'calendar: "Working_Week": did you mean "working_week"?' -- info --calendar-file "$tmp"
echo '{"base": "scotland", "closures": [{"date": "2025-07-04", "name": "x", "note": "y"}]}' > "$tmp"
expect 0 'calendar.closures[0]: "note": did you mean "notes"?' -- info --calendar-file "$tmp"
echo '{"base": "scotland", "closures": [{"form": "2025-07-01", "to": "2025-07-04", "name": "x"}]}' > "$tmp"
expect 2 'calendar.closures[0].from: required field is missing ("form": did you mean "from"?)' -- info --calendar-file "$tmp"
echo '{"base": "Scotland"}' > "$tmp"
expect 2 'calendar.base: "Scotland": did you mean "scotland"?' -- info --calendar-file "$tmp"
echo '{"base": "scotland", "working_week": ["mnday"]}' > "$tmp"
expect 2 'calendar.working_week[0]: "mnday": did you mean "monday"?' -- info --calendar-file "$tmp"
echo '{"base": "england-and-wales", "govuk": {"england-and-wales": {"events": [{"title": "New Year", "date": "2031-01-01", "buntin": true}]}}}' > "$tmp"
expect 0 'calendar.govuk.england-and-wales.events[0]: "buntin": did you mean "bunting"?' -- info --calendar-file "$tmp"

# A real GOV.UK copy of 2025-08-17 inside a calendar file: it lists 2026 without
# Scotland's World Cup holiday, which chc keeps unless the file says file_wins.
data="$(dirname "$0")/../data/govuk"
{ echo '{"base": "scotland", "govuk": '; cat "$data/bank-holidays-2025-08-17.json"; echo '}'; } > "$tmp"
expect 0 'calendar.govuk: the document would remove 2026-06-15 World Cup bank holiday (scotland, one_off, official)' -- info --calendar-file "$tmp"
expect 0 "2026-06-15 Mon  World Cup bank holiday" -- holidays --year 2026 --calendar-file "$tmp"
{ echo '{"base": "scotland", "govuk_conflicts": "file_wins", "govuk": '; cat "$data/bank-holidays-2025-08-17.json"; echo '}'; } > "$tmp"
expect 0 '"overridden":1,"policy":"file_wins"' -- info --json --calendar-file "$tmp"
expect 0 "2026-06-16" -- add 2026-06-12 2 --calendar-file "$tmp"

# Near-misses in a case, a register and an evidence file (docs/bad-input.md):
# a warning on stderr naming both words, an error under --strict.
echo '{"id": "C1", "received": "2025-06-02", "events": [{"type": "acknowledged", "date": "2025-06-03", "stge": 1}]}' > "$tmp"
expect 0 'chc: warning: '"$tmp"': case.events[0]: "stge": did you mean "stage"?' -- check "$tmp" --as-of 2025-06-20 --rules hoc-2024
expect 2 'case.events[0]: "stge": did you mean "stage"? (strict: every warning is an error)' -- check "$tmp" --as-of 2025-06-20 --strict
expect_json 'd["warnings"] == ["case.events[0]: \"stge\": did you mean \"stage\"?"]' -- check "$tmp" --as-of 2025-06-20 --json
echo '{"id": "C1", "recieved": "2025-06-02", "events": []}' > "$tmp"
expect 2 'case.received: required field is missing ("recieved": did you mean "received"?)' -- check "$tmp" --as-of 2025-06-20
printf 'id,received,stage1_acknowleged\nA1,2025-06-02,2025-06-03\n' > "$tmp.csv"
expect 0 'chc: warning: '"$tmp.csv"': register CSV header: "stage1_acknowleged": did you mean "stage1_acknowledged"?' -- \
  report "$tmp.csv" --year 2025 --format text
expect 2 'register CSV header: "stage1_acknowleged": did you mean "stage1_acknowledged"? (strict: every warning is an error)' -- \
  report "$tmp.csv" --year 2025 --strict
printf 'id,recieved\nA1,2025-06-02\n' > "$tmp.csv"
expect 2 'register CSV header: no "received" column, which every register needs ("recieved": did you mean "received"?)' -- \
  report "$tmp.csv" --year 2025
echo '{"provisions": {"4.1": {"comply": "yes", "evidance": "x"}}}' > "$tmp"
printf 'id,received\nA1,2025-06-02\n' > "$tmp.csv"
expect 0 'evidence.provisions.4.1: "evidance": did you mean "evidence"?' -- report "$tmp.csv" --year 2025 --evidence "$tmp" --format text
rm -f "$tmp.csv"
rm -f "$tmp"
# --- help: one table behind --help, help COMMAND, COMMAND --help
expect 0 "Commands:" -- --help
expect 0 "Commands:" -- help
for command in holidays add count explain info calendars check rules provisions report generate help; do
  expect 0 "usage: chc $command" -- "$command" --help
  expect_not "Commands:" -- "$command" --help
  [[ "$("$chc" help "$command")" == "$("$chc" "$command" --help)" ]] || fail "chc help $command differs from chc $command --help"
done
# Every option a command takes is in its help, with the options the old --help listed nowhere.
declare -A options=(
  [holidays]="--calendar --calendar-file --year --from --to --json"
  [add]="--calendar --calendar-file --explain --json"
  [count]="--calendar --calendar-file --json"
  [explain]="--calendar --calendar-file --json"
  [info]="--calendar --calendar-file --json"
  [check]="--as-of --rules --rules-file --calendar --calendar-file --explain --json"
  [rules]="--rules --rules-file"
  [provisions]="--rules --rules-file --json"
  [report]="--year --from --to --homes --homes-lcra --homes-lcho --evidence --landlord --format --output --input-format --extensions --exclude-withdrawn --include-not-accepted --drill-down --threads --rules --rules-file --calendar --calendar-file"
  [generate]="--count --seed --from --to --as-of --calendar"
  [help]="--man"
)
for command in "${!options[@]}"; do
  help=$("$chc" "$command" --help)
  for option in ${options[$command]}; do
    grep -qE -- "^  (-[a-z], )?$option( |$)" <<<"$help" || fail "chc $command --help does not describe $option"
  done
done
expect 0 "-o, --output FILE" -- report --help
expect 0 "--strict" -- add --help

# --- check: the next action in words
case_file="$source_dir/examples/data/complaint.json"
# The stage 2 response is due Thursday 2025-05-22. To 2025-08-01: 23 May, 27-30 May (26 May is
# the spring bank holiday), 21 working days in June, 23 in July and 1 August: 50 working days.
expect 0 "Next action: issue the stage 2 response by 2025-05-22 Thu (6.14), 50 working days overdue" -- check "$case_file" --as-of 2025-08-01
expect 0 "stage2_response         6.14          due 2025-05-22 Thu  overdue, 50 working days overdue" -- check "$case_file" --as-of 2025-08-01
expect 0 "(6.14), due today" -- check "$case_file" --as-of 2025-05-22
expect 0 "(6.14), 1 working day left" -- check "$case_file" --as-of 2025-05-21
expect 0 "(6.14), 14 working days left" -- check "$case_file" --as-of 2025-05-01
expect 0 "met on 2025-03-28, extended by 5 working days" -- check "$case_file" --as-of 2025-05-01
expect_not "-50 working days" -- check "$case_file" --as-of 2025-08-01
expect 0 "Complaint C-1042: awaiting_response at stage 2" -- check - --as-of 2025-05-01 <"$case_file"
expect_json 'd["status"] == "awaiting_response" and d["next_action"]["due"] == "2025-05-22"' -- check "$case_file" --as-of 2025-05-01 --json

# --- a landlord calendar named with quotes: every --json output is valid JSON
acme="$work/acme.json"
cat >"$acme" <<'EOF'
{"name": "Acme \"North\" Homes", "base": "england-and-wales",
 "closures": [{"from": "2025-12-29", "to": "2025-12-31", "name": "Shutdown \"winter\""}]}
EOF
name='d.get("calendar", d.get("name")) == "Acme \"North\" Homes"'
# 2025-12-24 + 1: 25-26 December, the weekend, the closure and 1 January are skipped.
expect_json "$name"' and d["result"] == "2026-01-02"' -- add 2025-12-24 1 --calendar-file "$acme" --json
expect_json "$name"' and d["working_days"] == 1' -- count 2025-12-24 2026-01-02 --calendar-file "$acme" --json
expect_json "$name"' and len(d["holidays"]) == 6' -- holidays --from 2025-12-24 --to 2026-01-02 --calendar-file "$acme" --json
expect_json "$name"' and d["working_days"] == 1' -- explain 2025-12-24 2026-01-02 --calendar-file "$acme" --json
expect_json "$name" -- info --calendar-file "$acme" --json
expect_json 'd["calendar"] == "Acme \"North\" Homes"' -- check "$case_file" --as-of 2025-05-01 --calendar-file "$acme" --json
expect_json 'd["report"]["calendar"] == "Acme \"North\" Homes"' -- report "$source_dir/examples/data/register.ndjson" --year 2025 \
  --calendar-file "$acme" --landlord 'Acme "North" Homes' --threads 1
expect_stdout "2026-01-02" -- add 2025-12-24 1 --calendar-file "$acme"

# --- warnings on standard error for every command; --strict makes them errors
cat >"$acme" <<'EOF'
{"name": "Acme", "base": "england-and-wales", "x-crm-colour": [],
 "closures": [{"date": "2025-12-27", "name": "A Saturday"}]}
EOF
for args in "add 2025-12-24 1" "count 2025-12-24 2026-01-02" "explain 2025-12-24 2026-01-02" "holidays --year 2025" "info"; do
  # shellcheck disable=SC2086
  err=$("$chc" $args --calendar-file "$acme" 2>&1 >/dev/null)
  [[ "$err" == *"chc: warning: $acme: calendar.x-crm-colour: unknown field ignored"* ]] || fail "chc $args: no warning on stderr: $err"
  [[ "$err" == *"chc: warning: $acme: closure \"A Saturday\" on 2025-12-27 falls outside the working week"* ]] ||
    fail "chc $args: no closure warning on stderr: $err"
  # shellcheck disable=SC2086
  expect 2 "chc: $acme: calendar.x-crm-colour: unknown field ignored (strict: every warning is an error)" -- $args --calendar-file "$acme" --strict
done
expect_stdout "2025-12-29" -- add 2025-12-24 1 --calendar-file "$acme"
expect_json 'len(d["warnings"]) == 2' -- info --calendar-file "$acme" --json
echo '{"base": "england-and-wales", "closures": [{"date": "2025-02-30", "name": "x"}]}' >"$acme"
expect 2 "closures[0].date" -- add 2025-12-24 1 --calendar-file "$acme"

# --- reports: -o implies the format, the summary agrees with the report
register="$source_dir/examples/data/register.ndjson"
{ head -n 3 "$register"; echo 'not json'; head -n 5 "$register" | tail -n 1; } >"$work/five.ndjson"
expect 0 "chc: 5 cases read, 4 accepted, 1 rejected; wrote $work/r.json" -- report "$work/five.ndjson" --year 2025 -o "$work/r.json"
expect 0 "chc: warning: $work/five.ndjson: 1 case of 5 could not be read" -- report "$work/five.ndjson" --year 2025 -o "$work/r.json"
"$python" -c "import json, sys; i = json.load(open(sys.argv[1]))['input']; sys.exit(0 if (i['cases_read'], i['cases_accepted'], i['cases_rejected']) == (5, 4, 1) else 1)" \
  "$work/r.json" || fail "the report's input section does not say 5 read, 4 accepted, 1 rejected"
expect 2 "(--strict makes this warning an error)" -- report "$work/five.ndjson" --year 2025 -o "$work/strict.json" --strict
[[ ! -e "$work/strict.json" ]] || fail "report --strict wrote its output despite the error"
"$chc" report "$register" --year 2025 -o "$work/r.html" 2>/dev/null && [[ "$(head -c 15 "$work/r.html")" == "<!DOCTYPE html>" ]] ||
  fail "-o r.html did not write HTML"
"$chc" report "$register" --year 2025 -o "$work/r.CSV" 2>/dev/null && head -n 1 "$work/r.CSV" | grep -qv '^{' || fail "-o r.CSV wrote JSON"
"$chc" report "$register" --year 2025 -o "$work/r.txt" 2>/dev/null && grep -q "^Complaints report 2025/26" "$work/r.txt" ||
  fail "-o r.txt did not write text"
expect 0 "wrote $work/r.htm" -- report "$register" --year 2025 -o "$work/r.htm" --format html
expect 2 "--format csv contradicts -o $work/r.html, whose name says html" -- report "$register" --year 2025 -o "$work/r.html" --format csv
expect 2 "chc: cannot write '$work/no/such/dir/r.json': No such file or directory" -- report "$register" --year 2025 -o "$work/no/such/dir/r.json"
ls "$work"/*.partial >/dev/null 2>&1 && fail "a .partial file was left behind"
printf 'id,received,stage1_acknowledged\nA1,2025-06-02,2025-06-03\nA2,2025-06-04,\n' >"$work/register.csv"
expect_json 'd["input"]["cases_read"] == 2 and d["input"]["cases_accepted"] == 2' -- report - --input-format csv --year 2025 <"$work/register.csv"
expect_json 'd["input"]["cases_read"] == 2' -- report "$work/register.csv" --year 2025
expect 2 '--input-format: unknown value "xml" (ndjson or csv)' -- report - --input-format xml --year 2025
expect 2 "'2025/27' is not a reporting year" -- report "$register" --year 2025/27
expect_json 'd["report"]["period"]["label"] == "2025/26"' -- report "$work/register.csv" --year 2025/26
expect 2 "chc: cannot read '$work/none.ndjson': No such file or directory" -- report "$work/none.ndjson" --year 2025
expect 2 "give --year or --from and --to, not both" -- report "$register" --year 2025 --from 2025-04-01

# --- generate
expect_stdout "$(head -n 2 "$register")" -- generate --count 2 --seed 7 --from 2024-04-01 --to 2026-03-31 --as-of 2026-04-30
expect 2 "--to is before --from" -- generate --from 2025-01-02 --to 2025-01-01
expect 2 'unknown calendar "scottland": did you mean "scotland"?' -- generate --calendar scottland

# History before the verified range (1995): the Hansard-sourced 1977 Silver
# Jubilee moved the Spring bank holiday to Monday 6 June; answers say where
# their data comes from and that the year is unverified.
expect 0 "1977-06-06 Mon  Spring bank holiday" -- holidays --year 1977
expect 0 '"reference":"HC Deb 19 January 1977 vol 924 cc191-3W' -- explain 1977-06-03 1977-06-08 --json
expect 0 '"warnings":["calendar: 1977-06-03 is before 1995-01-01' -- explain 1977-06-03 1977-06-08 --json
expect 0 '"verified_from":"1995-01-01"' -- info --json

if [[ $failures -ne 0 ]]; then
  echo "$failures CLI check(s) failed"
  exit 1
fi
echo "all CLI checks passed"
