#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# libchc.so must export exactly the functions include/chc/chc.h declares with
# CHC_API, each under the CHC_1 version node, and nothing else.
set -euo pipefail
header="$1"
library="$2"

declared=$(tr '\n' ' ' < "$header" | grep -oE 'CHC_API [^;(#]*\(' | grep -oE 'chc_[a-z0-9_]+\($' | tr -d '(' | sort -u)
exported=$(nm -D --defined-only "$library" | awk '{print $3}' | grep -v '^CHC_1$' | sed 's/@@CHC_1$//' | sort -u)
unversioned=$(nm -D --defined-only "$library" | awk '{print $3}' | grep -v '^CHC_1$' | grep -v '@@CHC_1$' || true)

status=0
if [[ -n "$unversioned" ]]; then
  echo "exported without the CHC_1 version node:"; echo "$unversioned" | sed 's/^/  /'; status=1
fi
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
if [[ -n "$missing" ]]; then echo "declared in chc.h but not exported:"; echo "$missing" | sed 's/^/  /'; status=1; fi
if [[ -n "$extra" ]]; then echo "exported but not declared in chc.h:"; echo "$extra" | sed 's/^/  /'; status=1; fi
count=$(echo "$declared" | wc -l)
[[ $status -eq 0 ]] && echo "libchc.so exports exactly the $count functions chc.h declares"
exit $status
