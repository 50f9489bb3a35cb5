# SPDX-License-Identifier: MIT
"""A PEP 517 build backend for the chc package using only the standard library.

pip's build isolation would otherwise download setuptools, which an offline machine cannot. It builds a
pure-Python wheel of chc/*.py (py3-none-any), an sdist, and an editable wheel (a .pth to this directory).
"""

import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "chc"
TAG = "py3-none-any"


# ---------------------------------------------------------------------------
# Metadata from pyproject.toml (tomllib from Python 3.11; a reader for its few simple lines before that)

def _read_project():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        raw = fh.read()
    try:
        import tomllib
    except ImportError:
        return _read_simple_toml(raw.decode("utf-8"))["project"]
    return tomllib.loads(raw.decode("utf-8"))["project"]


def _read_simple_toml(text):
    """Tables of `key = "string"`, `key = [strings]` and `key = {text = "..."}`: all pyproject.toml uses."""
    tables, current = {}, None
    for line in text.splitlines():
        line = line.strip()
        header = re.fullmatch(r"\[([\w.-]+)\]", line)
        if header:
            current = tables
            for part in header.group(1).split("."):
                current = current.setdefault(part, {})
            continue
        pair = re.fullmatch(r'([\w-]+)\s*=\s*(.+)', line)
        if pair and current is not None:
            key, value = pair.groups()
            if value.startswith("["):
                current[key] = re.findall(r'"([^"]*)"', value)
            elif value.startswith("{"):
                current[key] = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', value))
            else:
                current[key] = value.strip('"')
    return tables


def _metadata_text():
    project = _read_project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    if "keywords" in project:
        lines.append("Keywords: " + ",".join(project["keywords"]))
    if "license" in project:
        lines.append(f"License: {project['license']['text']}")
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {requirement}; extra == "{extra}"' for requirement in requirements]
    readme = project.get("readme")
    if readme:
        with open(os.path.join(ROOT, readme), encoding="utf-8") as fh:
            lines += ["Description-Content-Type: text/markdown", "", fh.read()]
    return "\n".join(lines) + "\n"


def _names():
    project = _read_project()
    name = re.sub(r"[-_.]+", "_", project["name"]).lower()
    return name, project["version"]


def _dist_info():
    name, version = _names()
    return f"{name}-{version}.dist-info"


def _dist_info_files():
    """name -> bytes of the .dist-info files other than RECORD."""
    wheel = f"Wheel-Version: 1.0\nGenerator: chc_build_backend\nRoot-Is-Purelib: true\nTag: {TAG}\n"
    return {"METADATA": _metadata_text().encode("utf-8"), "WHEEL": wheel.encode("ascii"),
            "top_level.txt": f"{PACKAGE}\n".encode("ascii")}


# ---------------------------------------------------------------------------
# Writing archives (reproducible: sorted entries, fixed timestamps)

def _timestamp():
    return int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, the zip format's earliest


def _package_files():
    """(path in the archive, path on disk) of chc's modules."""
    directory = os.path.join(ROOT, PACKAGE)
    return [(f"{PACKAGE}/{name}", os.path.join(directory, name))
            for name in sorted(os.listdir(directory)) if name.endswith(".py") or name == "py.typed"]


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{path},sha256={digest},{len(data)}"


def _write_wheel(wheel_directory, contents):
    """Writes {archive path: bytes} plus .dist-info into a wheel; returns its file name."""
    name, version = _names()
    dist_info = _dist_info()
    entries = dict(contents)
    entries.update({f"{dist_info}/{file}": data for file, data in _dist_info_files().items()})
    record_path = f"{dist_info}/RECORD"
    record = "\n".join([_record_line(path, data) for path, data in entries.items()] + [f"{record_path},,"]) + "\n"
    entries[record_path] = record.encode("utf-8")

    filename = f"{name}-{version}-{TAG}.whl"
    date_time = time.gmtime(max(_timestamp(), 315532800))[:6]
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in entries.items():  # RECORD last, as the wheel spec recommends
            info = zipfile.ZipInfo(path, date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return filename


def _read(path):
    with open(path, "rb") as fh:
        return fh.read()


# ---------------------------------------------------------------------------
# PEP 517 / PEP 660 hooks

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    target = os.path.join(metadata_directory, _dist_info())
    os.makedirs(target, exist_ok=True)
    for file, data in _dist_info_files().items():
        with open(os.path.join(target, file), "wb") as fh:
            fh.write(data)
    return _dist_info()


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, {path: _read(disk) for path, disk in _package_files()})


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # The .pth puts this directory on sys.path, so edits to chc/*.py take effect without reinstalling.
    return _write_wheel(wheel_directory, {f"_{PACKAGE}_editable.pth": (ROOT + "\n").encode("utf-8")})


def build_sdist(sdist_directory, config_settings=None):
    name, version = _names()
    base = f"{name}-{version}"
    files = [("pyproject.toml", os.path.join(ROOT, "pyproject.toml")),
             ("README.md", os.path.join(ROOT, "README.md")),
             ("_build_backend/chc_build_backend.py", os.path.abspath(__file__))] + _package_files()
    members = [(path, _read(disk)) for path, disk in files] + [("PKG-INFO", _metadata_text().encode("utf-8"))]

    filename = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        for path, data in sorted(members):
            info = tarfile.TarInfo(f"{base}/{path}")
            info.size, info.mtime, info.mode = len(data), _timestamp(), 0o644
            sdist.addfile(info, io.BytesIO(data))
    return filename
