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

from . import comparison
from .base import EXCHANGE_RATE
from .display import input_texts, present
from .fields import InputError
from .prices import NOTE, fill
from .quotes import quote
from .registry import calculate, lookup, schema
from .units import UNITS, check_currency, currency_note, input_hint, input_text

__all__ = ["call", "compare", "describe", "preset", "quotes"]


def _error(err):
    return json.dumps({"ok": False, "error": {"name": "InputError", **err.as_dict()}})


def _currency(code, calculator_id=None):
    try:
        return check_currency(code)
    except ValueError as err:
        raise InputError("currency", str(err), label="Currency", calculator=calculator_id) from None


def _default_text(value):
    """An input box's text for a converted default: twelve significant digits are plenty
    (40 dollars at 0.92 reads 36.8, not 36.800000000000004)."""
    return input_text(float(f"{value:.12g}") if isinstance(value, float) else value)


def call(calculator_id, inputs_json, currency=None):
    """Run ``calculator_id`` on the inputs in ``inputs_json`` (an object of field: value),
    and show the result in ``currency`` (an ISO 4217 code; None: the article's dollars).

    The reply is ``{"ok": true, "result": ..., "display": ..., "defaults": ...}`` (the raw
    result, every output as the page shows it, the text of each field's default in the
    reader's currency, for the boxes still at their default, the unit each money field's
    label names, and each input as a printed memo lists it) or ``{"ok": false, "error":
    {field, reason, message}}``.

    >>> json.loads(call("quality", '{"exchange_rate": 0.5}', "EUR"))["defaults"]["cost_per_error"]
    '20'
    >>> json.loads(call("quality", "{}", "EURO"))["error"]["field"]
    'currency'
    """
    try:
        inputs = _inputs(inputs_json, calculator_id)
        code = _currency(currency, calculator_id)
        result = calculate(calculator_id, inputs)
    except InputError as err:
        return _error(err)
    return json.dumps(_reply(calculator_id, result, code), allow_nan=False)


def _inputs(inputs_json, calculator_id, side=None):
    try:
        inputs = json.loads(inputs_json)
    except ValueError:
        where = f" of scenario {side.upper()}" if side else ""
        raise InputError(
            None, f"the inputs{where} are not valid JSON", calculator=calculator_id
        ) from None
    return inputs


def _reply(calculator_id, result, code, shown=None):
    """A live result as the page needs it (see :func:`call`); ``shown``, if given, is the
    result as :func:`~calculator.display.present` made it already."""
    rate = result["inputs"]["exchange_rate"]
    fields = lookup(calculator_id).fields
    defaults = {f.name: _default_text(f.default_at(rate)) for f in fields}
    hints = {f.name: input_hint(f.unit, code) for f in fields if UNITS[f.unit].money}
    shown = shown or present(calculator_id, result, code)
    reply = {
        "ok": True,
        "result": result,
        "display": shown,
        "defaults": defaults,
        "hints": hints,
        "input_texts": input_texts(calculator_id, result["inputs"], code),
        "currency": {"code": code, "note": currency_note(code, rate)},
    }
    return reply


def compare(calculator_id, inputs_a_json, inputs_b_json, currency=None):
    """Run ``calculator_id`` on scenario B (the inputs on show) and the pinned scenario A:
    :func:`call`'s reply for B (its charts with A faded behind), plus ``compare``: A's
    result, display and input texts, and each scalar output's difference B minus A and
    change in percent, with their texts.
    Bad input names its field and the scenario (``side``: "a" or "b").

    >>> reply = json.loads(compare("overview", '{"horizon_months": 24}', "{}"))
    >>> reply["display"]["ft_total"]["text"], reply["compare"]["a"]["display"]["ft_total"]["text"]
    ('$751,500', '$568,500')
    >>> reply["compare"]["delta"]["ft_total"]
    {'value': 183000.0, 'text': '+$183,000'}
    >>> json.loads(compare("overview", '{"horizon_months": 0}', "{}"))["error"]["side"]
    'a'
    """
    try:
        code = _currency(currency, calculator_id)
    except InputError as err:
        return _error(err)
    both = {}
    for side, inputs_json in (("a", inputs_a_json), ("b", inputs_b_json)):
        try:
            both[side] = calculate(calculator_id, _inputs(inputs_json, calculator_id, side))
        except InputError as err:
            return json.dumps(
                {"ok": False, "error": {"name": "InputError", **err.as_dict(), "side": side}}
            )
    both["delta"] = comparison.differences(calculator_id, both["a"], both["b"])
    shown = comparison.present_comparison(calculator_id, both, code)
    reply = _reply(calculator_id, both["b"], code, shown["b"])  # its charts with A behind
    reply["compare"] = {
        "a": {
            "result": both["a"],
            "display": shown["a"],
            "input_texts": input_texts(calculator_id, both["a"]["inputs"], code),
        },
        "delta": shown["delta"],
        "change": shown["change"],
    }
    return json.dumps(reply, allow_nan=False)


def quotes(names_json, currency=None, rate="1"):
    """The figures the page quotes in its prose (``kind:key`` names, as in
    :mod:`calculator.quotes`), in ``currency`` at ``rate`` (checked as every calculator's
    exchange rate is): ``{"ok": true, "quotes": {name: text}}``, or the error.

    >>> json.loads(quotes('["item:ft_monitoring"]', "EUR", "0.5"))["quotes"]
    {'item:ft_monitoring': '€500–€2,500'}
    >>> json.loads(quotes('["item:ft_monitoring"]', "EUR", "-1"))["error"]["field"]
    'exchange_rate'
    """
    try:
        code = _currency(currency)
        value = EXCHANGE_RATE.parse(rate)
    except InputError as err:
        return _error(err)
    texts = {name: quote(name, code, value) for name in json.loads(names_json)}
    return json.dumps({"ok": True, "quotes": texts})


def preset(calculator_id, key, name, rate="1"):
    """The box texts that preset ``key`` of ``calculator_id`` fills for model ``name``
    (``provider/model``), in the reader's currency at ``rate``: ``{"ok": true, "values":
    {field: text}, "notes": [...], "source": ...}``, an empty text where the table has no
    price (the box's default applies), or the error naming the preset.

    >>> reply = json.loads(preset("prompt_tax", "pe", "openai/gpt-4o", "0.92"))
    >>> reply["values"]
    {'pe_input_price': '2.3', 'pe_output_price': '9.2', 'pe_cached_input_price': '1.15'}
    >>> json.loads(preset("prompt_tax", "pe", "acme/x", "1"))["error"]["reason"]
    "unknown model 'acme/x' in the table"
    """
    try:
        calc = lookup(calculator_id)
        chosen = calc.preset(key)
        values, notes = fill(chosen, name, EXCHANGE_RATE.parse(rate))
    except InputError as err:
        err.calculator = calculator_id
        return _error(err)
    texts = {field: input_text(value) for field, value in values.items()}
    return json.dumps({"ok": True, "values": texts, "notes": notes, "source": NOTE})


@cache
def describe():
    """The schema of every calculator, as JSON (made once: it never changes in a runtime,
    and a memory snapshot keeps it made)."""
    return json.dumps(schema())
