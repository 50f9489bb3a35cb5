# SPDX-License-Identifier: MIT
"""Ownership of a chc object: freed exactly once, by close(), a with block, or the garbage collector."""

import json
from datetime import date, datetime

from . import errors


class Handle:
    """Base of Calendar and RuleSet; subclasses name their C free function in `_free`."""

    _pointer = None  # the class default: an instance never built, or closed, has none of its own

    def _adopt(self, pointer):
        self._pointer = pointer
        return self

    @property
    def _c(self):
        """The C pointer; a closed handle raises instead of reaching chc as NULL."""
        pointer = self._pointer
        if pointer is None:
            raise errors.ClosedError(errors.E_NULL, f"this {type(self).__name__} is closed")
        return pointer

    @property
    def closed(self):
        return self._pointer is None

    def close(self):
        """Frees the C object now; later calls raise chc.ClosedError. Closing twice is fine.

        Like the C API, closing while another thread is inside a call on this object is the caller's error.
        """
        # dict.pop is one step under the GIL: of two threads closing at once, only one gets the pointer.
        pointer = self.__dict__.pop("_pointer", None)
        if pointer is not None:
            type(self)._free(pointer)

    def __enter__(self):
        self._c  # entering a closed handle fails here, not at first use
        return self

    def __exit__(self, *exception):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # at interpreter shutdown the library may already be gone
            pass


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy and pandas scalars
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_bytes(document, name):
    """UTF-8 JSON for chc: a dict or list is serialised (dates as ISO text); str and bytes are passed as given."""
    if isinstance(document, (bytes, bytearray, memoryview)):
        return bytes(document)
    if isinstance(document, str):
        return document.encode("utf-8")
    if isinstance(document, (dict, list)):
        return json.dumps(document, ensure_ascii=False, default=_json_default).encode("utf-8")
    raise TypeError(f"{name}: expected a dict or JSON text, got {type(document).__name__}")
