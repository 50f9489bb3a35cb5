# SPDX-License-Identifier: MIT
"""Finding and checking libchc at import, each case in a fresh interpreter."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import PYTHON_BINDINGS, library_path_for_subprocesses


def _import_chc(code="import chc; print(chc.library_path)", package_root=PYTHON_BINDINGS, **variables):
    environment = {key: value for key, value in os.environ.items() if key not in ("CHC_LIBRARY", "PYTHONPATH")}
    environment.update(PYTHONPATH=str(package_root), PYTHONDONTWRITEBYTECODE="1", **variables)
    return subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=environment, cwd="/")


def test_chc_library_names_the_file():
    path = library_path_for_subprocesses()
    result = _import_chc(CHC_LIBRARY=path)
    assert result.returncode == 0 and result.stdout.strip() == path


def test_a_missing_chc_library_is_an_import_error_not_a_fallback():
    result = _import_chc(CHC_LIBRARY="/nonexistent/libchc.so.1")
    assert result.returncode != 0
    assert "ImportError: chc: CHC_LIBRARY=/nonexistent/libchc.so.1 is not a file" in result.stderr


def test_a_library_that_is_not_chc():
    other = next((p for p in ("/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6")
                  if os.path.isfile(p)), None)
    if other is None:
        pytest.skip("no libm.so.6 to load")
    result = _import_chc(CHC_LIBRARY=other)
    assert "is not libchc (it has no chc_abi_version)" in result.stderr


def _stand_in_library(tmp_path, name, c_source):
    """A shared library built from c_source, standing in for some libchc."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build a stand-in library")
    source = tmp_path / f"{name}.c"
    source.write_text(c_source)
    library = tmp_path / name
    subprocess.run([compiler, "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return library


def test_an_abi_mismatch_names_the_path_and_both_versions(tmp_path):
    library = _stand_in_library(tmp_path, "libchc.so.2", "int chc_abi_version(void) { return 2; }\n")
    result = _import_chc(CHC_LIBRARY=str(library))
    assert f"ImportError: chc: {library} has ABI version 2, but this package needs ABI version 1" in result.stderr


def test_found_in_a_build_tree_above_the_package(tmp_path):
    # A checkout with the package at bindings/python/chc and the library at build/ci/libchc.so.1.
    import ctypes.util
    from chc import _library
    if ctypes.util.find_library("chc") or any(os.path.isfile(os.path.join(d, _library.SONAME))
                                               for d in _library._prefix_dirs()):
        pytest.skip("libchc is installed, and the install prefix comes before a build tree")
    package_root = tmp_path / "checkout" / "bindings" / "python"
    shutil.copytree(PYTHON_BINDINGS / "chc", package_root / "chc")
    built = tmp_path / "checkout" / "build" / "ci" / "libchc.so.1"
    built.parent.mkdir(parents=True)
    os.symlink(library_path_for_subprocesses(), built)
    result = _import_chc(package_root=package_root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(built)


def test_numpy_is_optional():
    # Importing and scalar calls never load numpy; an array without numpy says what to install.
    code = textwrap.dedent("""
        import sys
        sys.modules["numpy"] = None  # as if numpy were not installed
        import chc
        cal = chc.Calendar("england-and-wales")
        print(cal.add_working_days("2024-12-20", 5))
        try:
            cal.add_working_days(["2024-12-20"], 5)
        except ImportError as e:
            print(e)
    """)
    result = _import_chc(code, CHC_LIBRARY=library_path_for_subprocesses())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2024-12-31", "chc: arrays of dates need numpy (apt-get install python3-numpy)"]


def test_pandas_is_optional():
    # Without pandas, registers of case records still report; a DataFrame route says what to install.
    code = textwrap.dedent("""
        import sys
        sys.modules["pandas"] = None  # as if pandas were not installed
        import chc
        figures = chc.report([{"id": "A", "received": "2025-06-02", "events": []}], 2025)
        print(figures["input"]["cases_accepted"])
        try:
            chc.evaluate_frame(None)
        except ImportError as e:
            print(e)
    """)
    result = _import_chc(code, CHC_LIBRARY=library_path_for_subprocesses())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["1", "chc: DataFrames need pandas (apt-get install python3-pandas)"]


def test_importing_does_not_import_numpy():
    result = _import_chc("import sys, chc; print('numpy' in sys.modules, 'pandas' in sys.modules)",
                         CHC_LIBRARY=library_path_for_subprocesses())
    assert result.stdout.strip() == "False False", result.stderr


def test_a_build_tree_prefers_release_and_never_a_sanitizer_build(chc):
    # A sanitizer build's library cannot load without its runtime preloaded, so the search skips it.
    found = chc._library._usable_builds(["/c/build/asan/libchc.so.1", "/c/build/debug/libchc.so.1",
                                         "/c/build/fuzzers/libchc.so.1", "/c/build/ci/libchc.so.1",
                                         "/c/build/release/libchc.so.1", "/c/build/tsan/libchc.so.1"])
    assert found == ["/c/build/release/libchc.so.1", "/c/build/ci/libchc.so.1", "/c/build/debug/libchc.so.1"]


def _package_alone(tmp_path):
    """A copy of the package with no build tree above it (and so nothing to find but what the system has)."""
    root = tmp_path / "site"
    shutil.copytree(PYTHON_BINDINGS / "chc", root / "chc")
    return root


def _system_has_libchc():
    # Asked in a fresh interpreter: this one has libchc loaded already, and the loader matches loaded sonames.
    probe = "import ctypes; ctypes.CDLL('libchc.so.1')"
    return _import_chc(probe, LD_LIBRARY_PATH="").returncode == 0 or any(
        os.path.isfile(os.path.join(d, "libchc.so.1")) for d in ("/usr/local/lib", "/usr/lib"))


def test_no_library_says_how_to_get_one(tmp_path):
    if _system_has_libchc():
        pytest.skip("libchc.so.1 is installed on this machine")
    result = _import_chc(package_root=_package_alone(tmp_path), LD_LIBRARY_PATH="")
    assert result.returncode != 0
    message = result.stderr[result.stderr.index("ImportError"):]
    for advice in ("chc: cannot find libchc.so.1", "apt-get install libchc1", "CHC_LIBRARY=/path/to/libchc.so.1",
                   "cmake --preset release && cmake --build --preset release", "the dynamic loader"):
        assert advice in message, message


def test_the_dynamic_loader_finds_a_system_library(tmp_path):
    # Debian's libchc1 puts libchc.so.1 in /usr/lib/<multiarch>/, where the loader finds it by name (ld.so.cache);
    # LD_LIBRARY_PATH is the same search without root. library_path names the file the loader chose.
    directory = tmp_path / "lib"
    directory.mkdir()
    os.symlink(os.path.abspath(library_path_for_subprocesses()), directory / "libchc.so.1")
    result = _import_chc("import chc; print(chc.library_path); print(chc.Calendar('scotland').add_working_days("
                         "'2025-01-01', 1))", package_root=_package_alone(tmp_path), LD_LIBRARY_PATH=str(directory))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(directory / "libchc.so.1"), "2025-01-03"]  # 1-2 January are holidays


def test_an_older_library_of_the_same_abi_fails_only_where_a_function_is_missing(tmp_path):
    library = _stand_in_library(tmp_path, "libchc.so.1", 'int chc_abi_version(void) { return 1; }\n'
                                                         'const char *chc_version(void) { return "0.0.1"; }\n')
    code = textwrap.dedent("""
        import chc
        print(chc.library_version())
        try:
            chc.Calendar("england-and-wales")
        except ImportError as e:
            print(e)
    """)
    result = _import_chc(code, CHC_LIBRARY=str(library))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "0.0.1", f"chc: {library} is older than this package: it has no chc_calendar_builtin (install a newer "
                 "libchc1, or point CHC_LIBRARY at a newer build)"]
