# SPDX-License-Identifier: MIT
"""Every public name of the package has a docstring, and help(chc) reads as documentation."""

import inspect
import pydoc


def public_members(chc):
    """(qualified name, object) of every public name: chc.__all__, each public class's own public attributes
    (inherited ones too: help shows them), and the constructors of the classes."""
    for name in chc.__all__:
        value = getattr(chc, name)
        yield f"chc.{name}", value
        if inspect.isclass(value):
            if any("__init__" in vars(base) for base in value.__mro__ if base.__module__.startswith("chc")):
                yield f"chc.{name}.__init__", value.__init__
            inherited = set(dir(BaseException)) if issubclass(value, BaseException) else set()
            for attribute, member in inspect.getmembers(value):
                if not attribute.startswith("_") and attribute not in inherited:
                    yield f"chc.{name}.{attribute}", member


def test_every_public_name_has_a_docstring(chc):
    documented = 0
    missing = []
    for name, value in public_members(chc):
        if isinstance(value, (str, int, tuple)):  # constants (ABI_VERSION, library_path) are described in chc's docstring
            continue
        if name == "chc.DateLike":  # a type alias; chc.to_day documents what it holds
            continue
        if not inspect.getdoc(value):
            missing.append(name)
        documented += 1
    assert missing == [], "public names without a docstring"
    assert documented > 70


def test_the_report_constructor_is_documented(chc):
    doc = inspect.getdoc(chc.Report.__init__)
    assert doc and "year" in doc and "homes" in doc and "drill_down" in doc


def test_modules_have_docstrings(chc):
    import chc.calendar, chc.errors, chc.frames, chc.report, chc.rules  # noqa: F401
    for module in (chc, chc.calendar, chc.errors, chc.frames, chc.report, chc.rules):
        assert inspect.getdoc(module), module.__name__


def test_help_reads_as_documentation(chc):
    text = pydoc.render_doc(chc, renderer=pydoc.plaintext)
    for name in ("Calendar", "RuleSet", "Report", "evaluate_frame", "ChcWarning", "RejectedError", "library_version"):
        assert name in text
    assert "working-day calendars" in text
    calendar = pydoc.render_doc(chc.Calendar, renderer=pydoc.plaintext)
    assert "add_working_days(self, start" in calendar and "NaT in gives NaT out" in calendar


def test_the_package_is_typed(chc):
    from pathlib import Path
    assert (Path(chc.__file__).parent / "py.typed").is_file()
    hints = chc.Calendar.add_working_days.__annotations__
    assert set(hints) == {"start", "n", "return"}
