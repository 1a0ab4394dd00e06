"""Two scenarios of one calculator side by side: what changes, and by how much.

A reader pins the scenario on show as *A* and keeps editing (*B*). :func:`compare` runs the
calculator on both and takes, for every numeric scalar output, the difference B minus A;
:func:`present_comparison` adds the texts a reader sees: the difference with its sign, and
for amounts, counts and months the change in percent where A is not zero.

How much more does the overview's fine-tuning cost over two years than over three?

>>> both = compare("overview", {"horizon_months": 24}, {})
>>> both["a"]["ft_total"], both["b"]["ft_total"], both["delta"]["ft_total"]
(568500.0, 751500.0, 183000.0)
>>> both["delta"]["break_even_month"] is None  # never, in both: no number to subtract
True
>>> shown = present_comparison("overview", both)
>>> shown["delta"]["ft_total"]["text"], shown["change"]["ft_total"]["text"]
('+$183,000', '+32.19%')
"""

from __future__ import annotations

from .display import present
from .registry import calculate, lookup
from .units import UNITS, format_value

__all__ = ["PERCENT_UNITS", "compare", "differences", "format_delta", "present_comparison"]

#: The units whose change is also given in percent (a share's change is in points already).
PERCENT_UNITS = ("money", "count", "months")


def _number(value):
    return type(value) in (int, float)


def compare(calculator_id, inputs_a, inputs_b):
    """Run ``calculator_id`` on two sets of inputs: ``{"a": result, "b": result, "delta":
    {key: b - a}}`` for every scalar output, ``None`` where either side is not a number.

    Bad input on either side raises :class:`~calculator.InputError` for that side's field.

    >>> both = compare("quality", {"cost_per_error": 40}, {"cost_per_error": 80})
    >>> round(both["delta"]["payback_months"], 1)
    -9.1
    """
    a, b = calculate(calculator_id, inputs_a), calculate(calculator_id, inputs_b)
    return {"a": a, "b": b, "delta": differences(calculator_id, a, b)}


def differences(calculator_id, a, b):
    """``{key: b - a}`` for every scalar output of two results of ``calculator_id``;
    ``None`` where either is not a number (``None``, a text, a flag).

    >>> a, b = calculate("decision"), calculate("decision", {"training_examples": 5000})
    >>> differences("decision", a, b)["ft_score"]
    1
    >>> differences("decision", a, b)["recommendation"] is None  # a text: no difference
    True
    """
    delta = {}
    for output in lookup(calculator_id).outputs:
        if UNITS[output.unit].scalar:
            before, after = a[output.key], b[output.key]
            delta[output.key] = after - before if _number(before) and _number(after) else None
    return delta


def format_delta(value, unit, currency=None):
    """A difference as a reader sees it: signed, in the unit's own text; a share's
    difference in percentage points.

    >>> format_delta(1200.0, "money"), format_delta(-3.5, "months"), format_delta(0.0, "count")
    ('+$1,200', '-3.5', '0')
    >>> format_delta(0.05, "share"), format_delta(-0.125, "share")
    ('+5 points', '-12.5 points')
    """
    if value == 0:
        return "0"
    sign = "+" if value > 0 else "-"  # the minus format_value writes
    if unit == "share":
        return f"{sign}{format_value(abs(value), unit, currency).removesuffix('%')} points"
    return f"{sign}{format_value(abs(value), unit, currency)}"


def _percent(change):
    """A relative change in percent, signed.

    >>> _percent(0.3219), _percent(-0.5), _percent(None)
    ('+32.19%', '-50%', '')
    """
    if change is None:
        return ""
    if change == 0:
        return "0%"
    return ("+" if change > 0 else "-") + format_value(abs(change), "share")


def present_comparison(calculator_id, both, currency=None):
    """What a reader sees of a comparison: each side as :func:`~calculator.display.present`
    shows it (B's charts with A faded behind), each difference with its text, and the
    change in percent (``None`` where A is zero, not a number, or of a unit whose change is
    not a percentage)."""
    calc = lookup(calculator_id)
    deltas, changes = {}, {}
    for output in calc.outputs:
        if output.key not in both["delta"]:
            continue
        value = both["delta"][output.key]
        before = both["a"][output.key]
        deltas[output.key] = {
            "value": value,
            "text": "" if value is None else format_delta(value, output.unit, currency),
        }
        change = None
        if value is not None and output.unit in PERCENT_UNITS and before:
            change = value / abs(before)
        changes[output.key] = {"value": change, "text": _percent(change)}
    return {
        "a": present(calculator_id, both["a"], currency),
        "b": present(calculator_id, both["b"], currency, behind=both["a"]),
        "delta": deltas,
        "change": changes,
    }
