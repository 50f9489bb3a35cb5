# SPDX-License-Identifier: MIT
"""Rule sets and the evaluation of complaint case records."""

import ctypes
import functools
import json

from ._dates import c_string, from_day, to_day
from ._handle import Handle, json_bytes
from ._library import (EVALUATE_ECHO_CASE, EVALUATE_EXPLAIN, EvaluateOptions, RuleSetPointer, chc_day, lib,
                       take_string)
from .calendar import Calendar


class RuleSet(Handle):
    """A complaint-handling rule set: "hoc" (2024 or 2022 by the received date), "hoc-2024", "hoc-2022", "spso"."""

    _free = staticmethod(lib.chc_ruleset_free)

    def __init__(self, name):
        out = RuleSetPointer()
        lib.chc_ruleset_builtin(ctypes.byref(out), c_string(name, "name"))
        self._adopt(out)

    @classmethod
    def from_json(cls, overlay):
        """A landlord overlay, a dict or JSON text: {"name", "base", "targets": {...}, "receipt": {...}}."""
        text = json_bytes(overlay, "overlay")
        out = RuleSetPointer()
        lib.chc_ruleset_from_json(ctypes.byref(out), text, len(text))
        return cls.__new__(cls)._adopt(out)

    def __repr__(self):
        if self.closed:
            return "<chc.RuleSet (closed)>"
        return f"<chc.RuleSet {self.info()['name']!r}>"

    def info(self):
        """{"name", "title", "version", "rule_sets": [{"name", "deadlines": [...], "receipt"}, ...]}."""
        return json.loads(take_string(lib.chc_ruleset_info_json, self._c))

    def provisions(self):
        """The Code's provision catalogue: a list of {"id", "section", "title", "text", "check", "items"}."""
        return json.loads(take_string(lib.chc_ruleset_provisions_json, self._c))["provisions"]


@functools.lru_cache(maxsize=None)
def _builtin(cls, name):
    # Built-ins are immutable and thread-safe: one per name serves every evaluate() call.
    return cls(name)


def _borrowed(value, cls, name):
    """(object, temporary) for a `cls` instance, a built-in name or a JSON document; close `temporary` after use."""
    if isinstance(value, cls):
        return value, None
    if isinstance(value, str) and not value.lstrip().startswith("{"):
        return _builtin(cls, value), None
    if isinstance(value, (str, bytes, dict)):
        made = cls.from_json(value)
        return made, made
    raise TypeError(
        f"{name}: expected a {cls.__name__}, a built-in name or a JSON document, got {type(value).__name__}")


def today():
    """Today's date in Europe/London."""
    out = chc_day()
    lib.chc_today(ctypes.byref(out))
    return from_day(out.value)


def timestamp_to_date(text):
    """The Europe/London date of a 'YYYY-MM-DD' date or an RFC 3339 timestamp ("2025-06-13T23:30:00Z" is 06-14)."""
    out = chc_day()
    lib.chc_timestamp_to_day(ctypes.byref(out), c_string(text, "text"))
    return from_day(out.value)


def evaluate(case, as_of=None, rules="hoc", calendar=None, explain=False, echo=False):
    """Where a complaint stands under `rules` as of a day (default: today in London); a dict (docs/evaluation.md).

    case: a dict or JSON text (docs/case-format.md). rules and calendar: an object, a built-in name or a JSON
    document; calendar None uses the case's "calendar" field, else the rule set's default. explain adds each
    deadline's skipped days; echo adds the case exactly as given ("case"), unknown fields included.
    """
    text = json_bytes(case, "case")
    as_of_day = to_day(today() if as_of is None else as_of, "as_of")
    options = EvaluateOptions(ctypes.sizeof(EvaluateOptions),
                              (EVALUATE_EXPLAIN if explain else 0) | (EVALUATE_ECHO_CASE if echo else 0))
    rule_set, temporary_rules = _borrowed(rules, RuleSet, "rules")
    chosen, temporary_calendar = (None, None) if calendar is None else _borrowed(calendar, Calendar, "calendar")
    try:
        answer = take_string(lib.chc_evaluate_ex, rule_set._c, None if chosen is None else chosen._c,
                             text, len(text), as_of_day, ctypes.byref(options))
    finally:
        for temporary in (temporary_rules, temporary_calendar):
            if temporary is not None:
                temporary.close()
    return json.loads(answer)


def normalize_case(case):
    """The case record with every date checked and each timestamp's London date added; other fields unchanged."""
    text = json_bytes(case, "case")
    return json.loads(take_string(lib.chc_case_normalize, text, len(text)))
