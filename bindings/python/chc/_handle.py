# SPDX-License-Identifier: MIT
"""Ownership of a chc object: freed exactly once, by close(), a with block, or the garbage collector."""

from __future__ import annotations

import json
import math
import sys
from typing import Any, Optional, TypeVar

from . import errors
from ._dates import date_text, missing

_H = TypeVar("_H", bound="Handle")


class Handle:
    """Base of Calendar, RuleSet and Report; subclasses name their C free function in `_free`."""


    @staticmethod
    def _free(pointer: Any) -> None:
        """The C free function of the subclass's object."""
        raise NotImplementedError
    _pointer: Optional[Any] = None  # the class default: an instance never built, or closed, has none of its own

    def _adopt(self: _H, pointer: Any) -> _H:
        self._pointer = pointer
        return self

    @property
    def _c(self) -> Any:
        """The C pointer; a closed handle raises instead of reaching chc as NULL."""
        pointer = self._pointer
        if pointer is None:
            raise errors.ClosedError(errors.E_NULL, f"this {type(self).__name__} is closed")
        return pointer

    @property
    def closed(self) -> bool:
        """True once close() has freed the C object."""
        return self._pointer is None

    def close(self) -> None:
        """Frees the C object now; later calls raise chc.ClosedError. Closing twice is fine.

        Like the C API, closing while another thread is inside a call on this object is the caller's error.
        """
        # dict.pop is one step under the GIL: of two threads closing at once, only one gets the pointer.
        pointer = self.__dict__.pop("_pointer", None)
        if pointer is not None:
            type(self)._free(pointer)

    def __enter__(self: _H) -> _H:
        self._c  # entering a closed handle fails here, not at first use
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # at interpreter shutdown the library may already be gone
            pass


def _json_default(value: object) -> Any:
    """JSON for what json cannot write: dates and times as chc reads them, missing values as null."""
    if missing(value):
        return None
    text = date_text(value)
    if text is not None:
        return text
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        return item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _nan_as_null(value: Any) -> Any:
    """A copy with float NaN (pandas' and numpy's missing number) as None; infinity stays and is refused."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _nan_as_null(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_nan_as_null(item) for item in value]
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.floating) and numpy.isnan(value):
        return None
    return value


def dumps(document: Any, name: str) -> str:
    """JSON text of a dict or list for chc: NaN, None and NaT are null; naive times are London local time."""
    try:
        return json.dumps(document, ensure_ascii=False, allow_nan=False, default=_json_default)
    except ValueError:  # NaN somewhere (allow_nan=False refuses it): null, as a missing cell is
        pass
    try:
        return json.dumps(_nan_as_null(document), ensure_ascii=False, allow_nan=False, default=_json_default)
    except ValueError as e:
        raise errors.InvalidError(errors.E_INVALID, f"{name}: {e} (infinity has no JSON form)") from None


def json_bytes(document: Any, name: str) -> bytes:
    """UTF-8 JSON for chc: a dict or list is serialised (dates as ISO text); str and bytes are passed as given."""
    if isinstance(document, (bytes, bytearray, memoryview)):
        return bytes(document)
    if isinstance(document, str):
        return document.encode("utf-8")
    if isinstance(document, (dict, list)):
        return dumps(document, name).encode("utf-8")
    raise TypeError(f"{name}: expected a dict or JSON text, got {type(document).__name__}")
