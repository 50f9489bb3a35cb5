# SPDX-License-Identifier: MIT
"""Packaging: the in-tree backend writes a valid wheel, and `pip install --no-index` works offline in a venv."""

import base64
import csv
import hashlib
import importlib.util
import io
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import PYTHON_BINDINGS, library_path_for_subprocesses


def _backend():
    spec = importlib.util.spec_from_file_location(
        "chc_build_backend", PYTHON_BINDINGS / "_build_backend" / "chc_build_backend.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wheel_contents_and_record_hashes(tmp_path):
    backend = _backend()
    assert backend.get_requires_for_build_wheel() == [] and backend.get_requires_for_build_sdist() == []
    name = backend.build_wheel(str(tmp_path))
    assert name == "chc-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(tmp_path / name) as wheel:
        names = set(wheel.namelist())
        modules = {f"chc/{p.name}" for p in (PYTHON_BINDINGS / "chc").glob("*.py")}
        assert modules <= names and "chc/__init__.py" in names
        assert "chc/py.typed" in names  # PEP 561: type checkers read the package's annotations
        assert not any("__pycache__" in n or n.startswith("tests/") for n in names)
        record = list(csv.reader(io.StringIO(wheel.read("chc-0.1.0.dist-info/RECORD").decode())))
        assert {row[0] for row in record} == names
        for path, digest, size in record:
            if path.endswith("RECORD"):
                assert digest == size == ""
                continue
            data = wheel.read(path)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert (digest, int(size)) == (f"sha256={expected}", len(data)), path
        metadata = wheel.read("chc-0.1.0.dist-info/METADATA").decode()
        assert "Name: chc\n" in metadata and "Version: 0.1.0\n" in metadata
        assert "Tag: py3-none-any" in wheel.read("chc-0.1.0.dist-info/WHEEL").decode()
        assert wheel.read("chc-0.1.0.dist-info/top_level.txt").decode().split() == ["chc"]
    assert backend.build_sdist(str(tmp_path)) == "chc-0.1.0.tar.gz"
    assert backend.prepare_metadata_for_build_wheel(str(tmp_path)) == "chc-0.1.0.dist-info"
    assert (tmp_path / "chc-0.1.0.dist-info" / "METADATA").is_file()


def _run(command, **kwargs):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}"
    return result.stdout


def test_offline_pip_install_into_a_venv(tmp_path):
    if importlib.util.find_spec("ensurepip") is None:  # Debian ships it in python3-venv
        pytest.skip("python3-venv is not installed (apt-get install python3-venv): cannot test pip install")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "PIP_"))}
    environment.update(CHC_LIBRARY=library_path_for_subprocesses(), PIP_DISABLE_PIP_VERSION_CHECK="1",
                       PYTHONDONTWRITEBYTECODE="1")
    # As the README says: --system-site-packages, so the venv sees Debian's numpy and pandas.
    created = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(tmp_path / "venv")],
                             stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, env=environment)
    if created.returncode != 0 and "ensurepip" in created.stdout:
        pytest.skip(f"python3-venv is not installed (apt-get install python3-venv): {created.stdout.strip()}")
    assert created.returncode == 0, created.stdout
    python = str(tmp_path / "venv" / "bin" / "python")
    check = ("import chc, sys; print(chc.__file__); "
             "print(chc.Calendar('england-and-wales').add_working_days('2024-12-20', 5))")
    if importlib.util.find_spec("numpy") is not None:
        check += "; import numpy; print(chc.Calendar('england-and-wales').add_working_days(numpy.array(['2024-12-20']), 5))"

    _run([python, "-m", "pip", "install", "--no-index", str(PYTHON_BINDINGS)], env=environment, cwd=tmp_path)
    lines = _run([python, "-c", check], env=environment, cwd=tmp_path).split()
    assert lines[0].startswith(str(tmp_path / "venv")) and lines[1] == "2024-12-31"
    assert lines[2:] == (["['2024-12-31']"] if importlib.util.find_spec("numpy") else [])

    _run([python, "-m", "pip", "install", "--no-index", "-e", str(PYTHON_BINDINGS)], env=environment, cwd=tmp_path)
    lines = _run([python, "-c", check], env=environment, cwd=tmp_path).split()
    assert lines[0] == str(PYTHON_BINDINGS / "chc" / "__init__.py") and lines[1] == "2024-12-31"
