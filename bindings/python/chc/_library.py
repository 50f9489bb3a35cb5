# SPDX-License-Identifier: MIT
"""Finding libchc, checking its ABI and declaring every C function: the one place ctypes meets chc.h."""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sysconfig
from ctypes import POINTER, Structure, c_char_p, c_double, c_int, c_int32, c_int64, c_size_t, c_uint32, c_void_p
from typing import Any, Iterable, Iterator, List, Tuple

from .errors import E_INTERNAL, error_for

ABI_VERSION = 1  # CHC_ABI_VERSION of the chc.h this package binds
SONAME = f"libchc.so.{ABI_VERSION}"
ENVIRONMENT_VARIABLE = "CHC_LIBRARY"
DEBIAN_PACKAGE = f"libchc{ABI_VERSION}"


def _prefix_dirs() -> Tuple[str, ...]:
    multiarch = sysconfig.get_config_var("MULTIARCH") or "x86_64-linux-gnu"
    return ("/usr/local/lib", f"/usr/lib/{multiarch}", "/usr/lib")


# Build trees of the sanitizer presets: their libraries need the sanitizer runtime preloaded.
_INSTRUMENTED_BUILDS = frozenset({"asan", "tsan", "fuzzers"})


def _usable_builds(paths: Iterable[str]) -> List[str]:
    """Build-tree libraries in the order to try them: release first, then ci, then the rest; never a sanitizer build."""
    usable = [p for p in paths if not _INSTRUMENTED_BUILDS & set(os.path.normpath(p).split(os.sep))]
    rank = {"release": 0, "ci": 1}
    return sorted(usable, key=lambda p: (rank.get(os.path.basename(os.path.dirname(p)), 2), p))


def _build_tree_candidates() -> Iterator[str]:
    """build*/libchc.so.1 and build*/*/libchc.so.1 beside the package or any directory above it."""
    here = os.path.dirname(os.path.abspath(__file__))
    while True:
        for pattern in (os.path.join(here, "build*", SONAME), os.path.join(here, "build*", "*", SONAME)):
            yield from _usable_builds(glob.glob(pattern))
        parent = os.path.dirname(here)
        if parent == here:
            return
        here = parent


def _loader_finds(name: str) -> bool:
    """True when the dynamic loader finds `name` by itself (LD_LIBRARY_PATH, ld.so.cache, /lib, /usr/lib)."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def not_found_message() -> str:
    """What to do when libchc cannot be found: the text of import chc's ImportError."""
    return (f"chc: cannot find {SONAME}, the C library this package binds. Either\n"
            f"  - install it: apt-get install {DEBIAN_PACKAGE} (Debian's python3-chc brings it), or\n"
            f"  - point {ENVIRONMENT_VARIABLE} at it: {ENVIRONMENT_VARIABLE}=/path/to/{SONAME}, or\n"
            f"  - build it from the chc repository: cmake --preset release && cmake --build --preset release\n"
            f"    (a package inside the checkout then finds build/release/{SONAME} by itself).\n"
            f"Searched: the dynamic loader (LD_LIBRARY_PATH, ld.so.cache), {', '.join(_prefix_dirs())}, "
            f"and build*/ beside or above {os.path.dirname(os.path.abspath(__file__))}.")


def find_library() -> str:
    """The path (or loader name) of libchc: $CHC_LIBRARY, the dynamic loader, the install prefix, a build tree.

    A system-installed libchc.so.1 (Debian's libchc1 in /usr/lib/<multiarch>/) is found through the loader.
    Raises ImportError saying how to get libchc when there is none.
    """
    explicit = os.environ.get(ENVIRONMENT_VARIABLE)
    if explicit:
        # An explicit choice never silently falls back to another copy.
        if not os.path.isfile(explicit):
            raise ImportError(f"chc: {ENVIRONMENT_VARIABLE}={explicit} is not a file")
        return explicit
    if _loader_finds(SONAME):
        return SONAME
    for directory in _prefix_dirs():
        path = os.path.join(directory, SONAME)
        if os.path.isfile(path):
            return path
    built = next(_build_tree_candidates(), None)
    if built:
        return built
    # Another ABI version only: loading it gives the ABI check's error, which says what was found.
    other = ctypes.util.find_library("chc")
    if other:
        return other
    raise ImportError(not_found_message())


class _DlInfo(Structure):
    _fields_ = [("dli_fname", c_char_p), ("dli_fbase", c_void_p), ("dli_sname", c_char_p), ("dli_saddr", c_void_p)]


def _file_of(library: ctypes.CDLL, name: str) -> str:
    """The file the loader chose for a library loaded by name (dladdr on one of its functions), else the name."""
    if os.sep in name:
        return name
    try:
        dladdr = ctypes.CDLL(None).dladdr
    except (OSError, AttributeError):
        return name
    dladdr.argtypes, dladdr.restype = (c_void_p, POINTER(_DlInfo)), c_int
    info = _DlInfo()
    if dladdr(ctypes.cast(library.chc_abi_version, c_void_p), ctypes.byref(info)) and info.dli_fname:
        return os.fsdecode(info.dli_fname)
    return name


# ---------------------------------------------------------------------------
# C types of chc.h

chc_day = c_int32


class _OpaqueCalendar(Structure):
    pass


class _OpaqueRuleSet(Structure):
    pass


class _OpaqueReport(Structure):
    pass


# Distinct pointer types, so a RuleSet can never be passed where a Calendar belongs.
CalendarPointer = POINTER(_OpaqueCalendar)
RuleSetPointer = POINTER(_OpaqueRuleSet)
ReportPointer = POINTER(_OpaqueReport)
DayPointer = POINTER(chc_day)
Int32Pointer = POINTER(c_int32)
Int64Pointer = POINTER(c_int64)  # numpy datetime64[D] and int64 arrays, as the batch64 calls take them
IntPointer = POINTER(c_int)
# char **out: received as a void pointer so ctypes never converts (and leaks) it; freed with chc_string_free.
StringOut = POINTER(c_void_p)


class EvaluateOptions(Structure):
    """chc_evaluate_options; `size` tells chc which fields this caller knows."""
    _fields_ = [("size", c_uint32), ("flags", c_uint32)]


# In every flags argument: every warning about input chc may have misread becomes an error (chc.h CHC_STRICT).
STRICT = 0x40000000
IMPORT_FILE_WINS = 1  # a GOV.UK import's days win over the calendar's (CHC_IMPORT_FILE_WINS)
EVALUATE_EXPLAIN = 1
EVALUATE_ECHO_CASE = 2


class ReportOptions(Structure):
    """chc_report_options, field for field."""
    _fields_ = [("size", c_uint32), ("flags", c_uint32), ("from_", chc_day), ("to", chc_day), ("homes", c_int64),
                ("homes_lcra", c_int64), ("homes_lcho", c_int64), ("landlord", c_char_p), ("evidence_json", c_char_p),
                ("evidence_len", c_size_t), ("compliance_threshold", c_double)]


REPORT_EXTENSIONS_ORIGINAL_ONLY = 1
REPORT_EXCLUDE_WITHDRAWN = 2
REPORT_INCLUDE_NOT_ACCEPTED = 4
REPORT_DRILL_DOWN = 8
REPORT_JSON, REPORT_CSV, REPORT_HTML = 0, 1, 2

STATUS = "status"  # returns CHC_OK or a negative CHC_E_* code, checked by _raise_on_error

# name, returns, arguments: every function of chc.h, in its order.
PROTOTYPES: Tuple[Tuple[str, Any, Tuple[Any, ...]], ...] = (
    ("chc_version", c_char_p, ()),
    ("chc_abi_version", c_int, ()),
    ("chc_last_error", c_char_p, ()),
    ("chc_strerror", c_char_p, (c_int,)),
    ("chc_string_free", None, (c_void_p,)),
    ("chc_day_from_ymd", STATUS, (DayPointer, c_int, c_int, c_int)),
    ("chc_day_to_ymd", STATUS, (chc_day, IntPointer, IntPointer, IntPointer)),
    ("chc_day_parse", STATUS, (DayPointer, c_char_p)),
    ("chc_day_format", STATUS, (c_char_p, c_size_t, chc_day)),
    ("chc_day_weekday", STATUS, (IntPointer, chc_day)),
    ("chc_calendar_builtin", STATUS, (POINTER(CalendarPointer), c_char_p)),
    ("chc_calendar_from_json", STATUS, (POINTER(CalendarPointer), c_char_p, c_size_t)),
    ("chc_calendar_from_json_ex", STATUS, (POINTER(CalendarPointer), c_char_p, c_size_t, c_uint32)),
    ("chc_calendar_import_govuk", STATUS, (POINTER(CalendarPointer), CalendarPointer, c_char_p, c_size_t, c_char_p)),
    ("chc_calendar_import_govuk_ex", STATUS,
     (POINTER(CalendarPointer), CalendarPointer, c_char_p, c_size_t, c_char_p, c_uint32)),
    ("chc_calendar_free", None, (CalendarPointer,)),
    ("chc_calendar_is_working_day", STATUS, (IntPointer, CalendarPointer, chc_day)),
    ("chc_calendar_add_working_days", STATUS, (DayPointer, CalendarPointer, chc_day, c_int32)),
    ("chc_calendar_count_working_days", STATUS, (Int32Pointer, CalendarPointer, chc_day, chc_day)),
    ("chc_calendar_next_working_day", STATUS, (DayPointer, CalendarPointer, chc_day)),
    ("chc_calendar_previous_working_day", STATUS, (DayPointer, CalendarPointer, chc_day)),
    ("chc_calendar_add_working_days_batch", STATUS, (DayPointer, CalendarPointer, DayPointer, Int32Pointer, c_size_t)),
    ("chc_calendar_count_working_days_batch", STATUS,
     (Int32Pointer, CalendarPointer, DayPointer, DayPointer, c_size_t)),
    ("chc_calendar_add_working_days_batch64", STATUS,
     (Int64Pointer, CalendarPointer, Int64Pointer, Int64Pointer, c_size_t, c_size_t)),
    ("chc_calendar_count_working_days_batch64", STATUS,
     (Int32Pointer, CalendarPointer, Int64Pointer, Int64Pointer, c_size_t)),
    ("chc_calendar_holidays_json", STATUS, (StringOut, CalendarPointer, chc_day, chc_day)),
    ("chc_calendar_explain_json", STATUS, (StringOut, CalendarPointer, chc_day, chc_day)),
    ("chc_calendar_info_json", STATUS, (StringOut, CalendarPointer)),
    ("chc_timestamp_to_day", STATUS, (DayPointer, c_char_p)),
    ("chc_today", STATUS, (DayPointer,)),
    ("chc_ruleset_builtin", STATUS, (POINTER(RuleSetPointer), c_char_p)),
    ("chc_ruleset_from_json", STATUS, (POINTER(RuleSetPointer), c_char_p, c_size_t)),
    ("chc_ruleset_free", None, (RuleSetPointer,)),
    ("chc_ruleset_info_json", STATUS, (StringOut, RuleSetPointer)),
    ("chc_ruleset_provisions_json", STATUS, (StringOut, RuleSetPointer)),
    ("chc_evaluate", STATUS, (StringOut, RuleSetPointer, CalendarPointer, c_char_p, c_size_t, chc_day)),
    ("chc_evaluate_ex", STATUS,
     (StringOut, RuleSetPointer, CalendarPointer, c_char_p, c_size_t, chc_day, POINTER(EvaluateOptions))),
    ("chc_case_normalize", STATUS, (StringOut, c_char_p, c_size_t)),
    ("chc_cases_from_csv", STATUS, (StringOut, c_char_p, c_size_t)),
    ("chc_report_begin", STATUS, (POINTER(ReportPointer), RuleSetPointer, CalendarPointer, POINTER(ReportOptions))),
    ("chc_report_add_case", STATUS, (ReportPointer, c_char_p, c_size_t)),
    ("chc_report_add_ndjson", STATUS, (ReportPointer, c_char_p, c_size_t)),
    ("chc_report_add_csv", STATUS, (ReportPointer, c_char_p, c_size_t)),
    ("chc_report_finish", STATUS, (StringOut, ReportPointer, c_int)),
    ("chc_report_free", None, (ReportPointer,)),
)


def _missing(name: str, path: str) -> Any:
    """Stands in for a function an older libchc (the same ABI, fewer functions) lacks: it raises when called."""
    def missing(*arguments: Any) -> Any:
        raise ImportError(f"chc: {path} is older than this package: it has no {name} "
                          f"(install a newer {DEBIAN_PACKAGE}, or point {ENVIRONMENT_VARIABLE} at a newer build)")
    return missing


def _load() -> Tuple[ctypes.CDLL, str]:
    name = find_library()
    try:
        library = ctypes.CDLL(name)
    except OSError as e:
        raise ImportError(f"chc: cannot load {name}: {e}\n{not_found_message()}") from None
    try:
        abi_version = library.chc_abi_version
    except AttributeError:
        raise ImportError(f"chc: {name} is not libchc (it has no chc_abi_version)") from None
    path = _file_of(library, name)
    abi_version.restype, abi_version.argtypes = c_int, ()
    found = abi_version()
    if found != ABI_VERSION:
        raise ImportError(f"chc: {path} has ABI version {found}, but this package needs ABI version {ABI_VERSION} "
                          f"({SONAME}: apt-get install {DEBIAN_PACKAGE}, or set {ENVIRONMENT_VARIABLE})")
    for function_name, returns, arguments in PROTOTYPES:
        try:
            function = getattr(library, function_name)
        except AttributeError:
            setattr(library, function_name, _missing(function_name, path))
            continue
        function.argtypes = arguments
        if returns is STATUS:
            function.restype = c_int
            function.errcheck = _raise_on_error
        else:
            function.restype = returns
    return library, path


def _raise_on_error(result: int, function: Any, arguments: Tuple[Any, ...]) -> int:
    # Runs on the calling thread straight after the call, so chc_last_error() (per thread) is this call's.
    if result < 0:
        message: bytes = lib.chc_last_error()
        raise error_for(result, message.decode("utf-8", "replace"))
    return result


lib, library_path = _load()


def take_string(function: Any, *arguments: Any) -> str:
    """Calls a chc function whose first parameter is char **out and returns the text, freeing chc's copy."""
    out = c_void_p()
    function(ctypes.byref(out), *arguments)
    if out.value is None:  # chc writes its text on success; NULL would be a bug in chc
        raise error_for(E_INTERNAL, f"{function.__name__} succeeded but gave no text")
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        lib.chc_string_free(out)
