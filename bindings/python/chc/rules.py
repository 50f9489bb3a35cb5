# SPDX-License-Identifier: MIT
"""Rule sets and the evaluation of complaint case records."""

from __future__ import annotations

import ctypes
import json
from datetime import date
from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar, Union

from . import errors
from ._dates import DateLike, c_string, from_day, to_day
from ._handle import Handle, json_bytes
from ._library import (EVALUATE_ECHO_CASE, EVALUATE_EXPLAIN, STRICT, EvaluateOptions, RuleSetPointer, chc_day, lib,
                       take_string)
from .calendar import Calendar, Document

_T = TypeVar("_T", Calendar, "RuleSet")


class RuleSet(Handle):
    """A complaint-handling rule set: "hoc" (2024 or 2022 by the received date), "hoc-2024", "hoc-2022", "spso"."""

    @staticmethod
    def _free(pointer: Any) -> None:
        lib.chc_ruleset_free(pointer)

    def __init__(self, name: str) -> None:
        """A built-in rule set by name."""
        out = RuleSetPointer()
        lib.chc_ruleset_builtin(ctypes.byref(out), c_string(name, "name"))
        self._adopt(out)

    @classmethod
    def from_json(cls, overlay: Document) -> RuleSet:
        """A landlord overlay, a dict or JSON text: {"name", "base", "targets": {...}, "receipt": {...}}.

        What chc read but may have misread is a chc.ChcWarning.
        """
        text = json_bytes(overlay, "overlay")
        out = RuleSetPointer()
        lib.chc_ruleset_from_json(ctypes.byref(out), text, len(text))
        made = cls.__new__(cls)._adopt(out)
        errors.warn_all(made.info().get("warnings", ()))
        return made

    def __repr__(self) -> str:
        if self.closed:
            return "<chc.RuleSet (closed)>"
        return f"<chc.RuleSet {self.info()['name']!r}>"

    def info(self) -> Dict[str, Any]:
        """{"name", "title", "version", "rule_sets": [{"name", "deadlines": [...], "receipt"}, ...]}."""
        info: Dict[str, Any] = json.loads(take_string(lib.chc_ruleset_info_json, self._c))
        return info

    def provisions(self) -> List[Dict[str, Any]]:
        """The Code's provision catalogue: a list of {"id", "section", "title", "text", "check", "items"}."""
        provisions: List[Dict[str, Any]] = json.loads(take_string(lib.chc_ruleset_provisions_json, self._c))["provisions"]
        return provisions


_BUILTINS: Dict[Tuple[type, str], Any] = {}


def _builtin(cls: Type[_T], name: str) -> _T:
    # Built-ins are immutable and thread-safe: one per name serves every evaluate() call.
    made: Optional[_T] = _BUILTINS.get((cls, name))
    if made is None:
        made = _BUILTINS.setdefault((cls, name), cls(name))  # of two threads racing, both get the one kept
    return made


def borrowed(value: Union[_T, str, bytes, Dict[str, Any]], cls: Type[_T], name: str) -> Tuple[_T, Optional[_T]]:
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


class Borrowed:
    """The rule set and calendar of a call, each given as an object, a built-in name or a JSON document.

    `rules` and `calendar` (None: each case's own, else the rule set's default) hold the objects for the call;
    close() frees the ones made from JSON for it.
    """

    def __init__(self, rules: Union[RuleSet, str, bytes, Dict[str, Any]],
                 calendar: Union[Calendar, str, bytes, Dict[str, Any], None]) -> None:
        """Resolves both; a calendar that cannot be made frees the rule set already made."""
        self.rules, self._temporary_rules = borrowed(rules, RuleSet, "rules")
        try:
            self.calendar, self._temporary_calendar = ((None, None) if calendar is None
                                                       else borrowed(calendar, Calendar, "calendar"))
        except BaseException:
            self.close()
            raise

    @property
    def calendar_pointer(self) -> Any:
        """The calendar's C pointer, or None for each case's own."""
        return None if self.calendar is None else self.calendar._c

    def close(self) -> None:
        """Frees what was made from JSON for this call."""
        for temporary in (self._temporary_rules, getattr(self, "_temporary_calendar", None)):
            if temporary is not None:
                temporary.close()

    def __enter__(self) -> Borrowed:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()


def today() -> date:
    """Today's date in Europe/London."""
    out = chc_day()
    lib.chc_today(ctypes.byref(out))
    return from_day(out.value)


def timestamp_to_date(text: str) -> date:
    """The Europe/London date of a 'YYYY-MM-DD' date or an RFC 3339 timestamp ("2025-06-13T23:30:00Z" is 06-14)."""
    out = chc_day()
    lib.chc_timestamp_to_day(ctypes.byref(out), c_string(text, "text"))
    return from_day(out.value)


def evaluation_options(explain: bool, echo: bool, strict: bool = False) -> EvaluateOptions:
    """chc_evaluate_options for the switches."""
    return EvaluateOptions(ctypes.sizeof(EvaluateOptions),
                           (EVALUATE_EXPLAIN if explain else 0) | (EVALUATE_ECHO_CASE if echo else 0)
                           | (STRICT if strict else 0))


def evaluate(case: Document, as_of: Optional[DateLike] = None, rules: Union[RuleSet, str, Dict[str, Any]] = "hoc",
             calendar: Union[Calendar, str, Dict[str, Any], None] = None, explain: bool = False,
             echo: bool = False, strict: bool = False) -> Dict[str, Any]:
    """Where a complaint stands under `rules` as of a day (default: today in London); a dict (docs/evaluation.md).

    case: a dict or JSON text (docs/case-format.md); in a dict, dates and times may be datetime.date, datetime
    (naive: London local time) or pandas.Timestamp, and None, NaN and NaT are absent fields. rules and calendar:
    an object, a built-in name or a JSON document; calendar None uses the case's "calendar" field, else the rule
    set's default. explain adds each deadline's skipped days; echo adds the case exactly as given ("case"),
    unknown fields included. What chc read but may have misread (a key nearly one of chc's: "stge" for
    "stage") is a chc.ChcWarning, and in the answer's "warnings"; strict=True makes it a chc.SchemaError.
    """
    text = json_bytes(case, "case")
    as_of_day = to_day(today() if as_of is None else as_of, "as_of")
    options = evaluation_options(explain, echo, strict)
    with Borrowed(rules, calendar) as chosen:
        answer = take_string(lib.chc_evaluate_ex, chosen.rules._c, chosen.calendar_pointer, text, len(text), as_of_day,
                             ctypes.byref(options))
    result: Dict[str, Any] = json.loads(answer)
    errors.warn_all(result.get("warnings", ()))
    return result


def normalize_case(case: Document) -> Dict[str, Any]:
    """The case record with every date checked and each timestamp's London date added; other fields unchanged."""
    text = json_bytes(case, "case")
    normalized: Dict[str, Any] = json.loads(take_string(lib.chc_case_normalize, text, len(text)))
    return normalized
