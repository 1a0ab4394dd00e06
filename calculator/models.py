"""The guide's calculators, each declared once (fields, outputs, formula), and the two
functions the site calls: :func:`calculate` and :func:`schema`.

A :class:`Calculator` holds everything the site needs: the build renders its form from
``fields``, its results from ``compute``, its method note from ``formula``; the browser
calls :func:`calculate` with the reader's inputs and receives a JSON-safe dict.

==========================  =================================================================
Module                      Calculators
==========================  =================================================================
:mod:`calculator.article`   overview, initial_investment, ongoing_costs, scaling, takeaways
:mod:`calculator.value`     prompt_tax, quality, decision, hybrid
:mod:`calculator.risk`      sovereign, uncertainty, sensitivity
==========================  =================================================================
"""

from __future__ import annotations

from . import figures as fig
from .article import INITIAL_INVESTMENT, ONGOING_COSTS, OVERVIEW, SCALING, TAKEAWAYS
from .core import TEXT_LABELS, Calculator, first_crossing
from .fields import InputError, parse_inputs
from .risk import SENSITIVITY, SOVEREIGN, UNCERTAINTY, break_even_month
from .value import DECISION, EXAMPLES_NEEDED, HYBRID, PROMPT_TAX, QUALITY, QUALITY_DEFAULTS

__all__ = [
    "CALCULATORS",
    "EXAMPLES_NEEDED",
    "QUALITY_DEFAULTS",
    "Calculator",
    "break_even_month",
    "calculate",
    "first_crossing",
    "schema",
]


# --------------------------------------------------------------------------- registry

CALCULATORS = {
    c.id: c
    for c in (
        OVERVIEW,
        PROMPT_TAX,
        INITIAL_INVESTMENT,
        ONGOING_COSTS,
        QUALITY,
        SCALING,
        DECISION,
        HYBRID,
        SOVEREIGN,
        TAKEAWAYS,
        UNCERTAINTY,
        SENSITIVITY,
    )
}


def lookup(calculator_id):
    """The :class:`Calculator` for ``calculator_id``, or :class:`InputError`."""
    calc = CALCULATORS.get(calculator_id) if isinstance(calculator_id, str) else None
    if calc is None:
        known = ", ".join(CALCULATORS)
        raise InputError(
            None,
            f"unknown calculator {str(calculator_id)[:40]!r}; known: {known}",
            calculator=str(calculator_id)[:40],
        )
    return calc


def calculate(calculator_id, inputs=None):
    """Run one calculator on ``inputs``; return its results as a JSON-safe dict.

    Missing inputs take their defaults; strings (as from a URL) are parsed and validated.
    The result holds every declared output, plus ``inputs`` (the values used) and
    ``figures_as_of``.

    What do the two approaches cost over three years at the article's midpoints?

    >>> r = calculate("overview")
    >>> r["ft_total"], r["pe_total"], r["break_even_month"]
    (751500.0, 252100.0, None)
    >>> calculate("quality", {"pe_accuracy": "1.5"})
    Traceback (most recent call last):
      ...
    calculator.fields.InputError: Accuracy with prompting (pe_accuracy): must be at most 1, got 1.5
    """
    calc = lookup(calculator_id)
    values = parse_inputs(calc.fields, inputs, calc.id)
    try:
        result = calc.compute(values)
    except InputError as err:
        err.calculator = calc.id
        raise
    missing = [o.key for o in calc.outputs if o.key not in result]
    if missing:  # a programming error, not bad input
        raise AssertionError(f"{calc.id} did not compute {missing}")
    return {
        **result,
        "inputs": values,
        "figures_as_of": f"{fig.SOURCE['title']} ({fig.SOURCE['date']})",
    }


def schema():
    """Every calculator with its fields, outputs and formula, plus the article's source.

    >>> list(schema()["calculators"])[:3]
    ['overview', 'prompt_tax', 'initial_investment']
    """
    return {
        "source": dict(fig.SOURCE),
        "labels": dict(TEXT_LABELS),
        "calculators": {cid: calc.as_dict() for cid, calc in CALCULATORS.items()},
    }
