"""The browser's entry point into the model: what the worker calls, with JSON in and out.

Only data crosses from the page into Python: the inputs arrive as one JSON string, never as
source code, and every reply is JSON. Bad input comes back as plain data naming the field,
so the page can show it there; nothing the reader sends can raise out of :func:`call`
except a bug in the model itself.

>>> import json
>>> reply = json.loads(call("quality", '{"cost_per_error": "80"}'))
>>> reply["ok"], reply["display"]["payback_months"]["text"]
(True, '4.5')
>>> json.loads(call("quality", '{"cost_per_error": "-1"}'))["error"]["field"]
'cost_per_error'
>>> json.loads(call("nope", "{}"))["error"]["reason"][:20]
"unknown calculator '"
"""

from __future__ import annotations

import json
from functools import cache

from .display import present
from .fields import InputError
from .registry import calculate, schema

__all__ = ["call", "describe"]


def _error(err):
    return json.dumps({"ok": False, "error": {"name": "InputError", **err.as_dict()}})


def call(calculator_id, inputs_json):
    """Run ``calculator_id`` on the inputs in ``inputs_json`` (an object of field: value).

    The reply is ``{"ok": true, "result": ..., "display": ...}`` (the raw result, and every
    output as the page shows it) or ``{"ok": false, "error": {field, reason, message}}``.
    """
    try:
        inputs = json.loads(inputs_json)
    except ValueError:
        return _error(InputError(None, "the inputs are not valid JSON", calculator=calculator_id))
    try:
        result = calculate(calculator_id, inputs)
    except InputError as err:
        return _error(err)
    shown = present(calculator_id, result)
    return json.dumps({"ok": True, "result": result, "display": shown}, allow_nan=False)


@cache
def describe():
    """The schema of every calculator, as JSON (made once: it never changes in a runtime,
    and a memory snapshot keeps it made)."""
    return json.dumps(schema())
