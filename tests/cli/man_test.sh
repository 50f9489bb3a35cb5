#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The manual page chc(1) the build wrote: it renders without a warning and
# describes every command and every option, each in its command's section.
#
# usage: man_test.sh CHC MAN_PAGE
set -u
chc="$1"
page="$2"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

[[ -s "$page" ]] || { echo "FAIL: the build wrote no manual page at $page"; exit 1; }
cmp -s "$page" <("$chc" help --man) || fail "$page is not what 'chc help --man' prints now"

warnings=$(groff -ww -man -z "$page" 2>&1)
[[ -z "$warnings" ]] || fail "groff -ww -man warns: $warnings"
warnings=$(groff -ww -man -Tutf8 -z "$page" 2>&1)
[[ -z "$warnings" ]] || fail "groff -ww -man -Tutf8 warns: $warnings"
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  [[ -z "$warnings" ]] || fail "man --warnings warns: $warnings"
fi
LC_ALL=C grep -qP '[^\x00-\x7f]' "$page" && fail "the page has non-ASCII bytes"

# The page as a reader sees it, one section per command.
text=$(MANWIDTH=200 man -l "$page" 2>/dev/null)
for section in NAME SYNOPSIS DESCRIPTION COMMANDS "GLOBAL OPTIONS" "EXIT STATUS" ENVIRONMENT "SEE ALSO"; do
  grep -q "^$section\$" <<<"$text" || fail "no $section section"
done
commands="holidays add count explain info calendars check rules provisions report generate help"
section_of() {  # the text of command $1's subsection
  awk -v name="$1" '/^   [a-z]+$/ { inside = ($1 == name) } /^[A-Z]/ { inside = 0 } inside' <<<"$text"
}
for command in $commands; do
  body=$(section_of "$command")
  [[ -n "$body" ]] || { fail "no subsection for $command"; continue; }
  grep -q "chc $command" <<<"$body" || fail "the $command subsection has no synopsis"
  # Every option the command's --help lists (the table), and that help's examples.
  for option in $("$chc" "$command" --help | sed -n '/^Options:/,/^$/p' | grep -oE '^  (-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    grep -qE -- "^       (-[a-z], )?$option( |$)" <<<"$body" || fail "the $command subsection does not describe $option"
  done
  while read -r example; do
    grep -qF -- "$example" <<<"$body" || fail "the $command subsection lacks the example: $example"
  done < <("$chc" "$command" --help | sed -n '/^Examples:/,$p' | grep '^  chc ' | sed 's/^  //')
done
# The options the help of the first chc left out.
for option in --landlord --drill-down --input-format --exclude-withdrawn --include-not-accepted --count --seed --strict --man; do
  grep -q -- "$option" <<<"$text" || fail "the page does not mention $option"
done
globals=$(awk '/^GLOBAL OPTIONS$/ { inside = 1; next } /^[A-Z]/ { inside = 0 } inside' <<<"$text")
for option in --strict --help --version; do
  grep -q -- "$option" <<<"$globals" || fail "GLOBAL OPTIONS does not describe $option"
done

if [[ $failures -ne 0 ]]; then
  echo "$failures manual page check(s) failed"
  exit 1
fi
echo "the manual page renders cleanly and describes every command and option"
