"""The guide's calculators by id, and the two functions the site calls: :func:`calculate`
and :func:`schema`.

Each calculator is declared in a module of its own, in :mod:`calculator.calculators`:

=================================================  ===================
Module                                             Calculator id
=================================================  ===================
:mod:`calculator.calculators.overview`             overview
:mod:`calculator.calculators.prompt_tax`           prompt_tax
:mod:`calculator.calculators.initial_investment`   initial_investment
:mod:`calculator.calculators.ongoing_costs`        ongoing_costs
:mod:`calculator.calculators.quality`              quality
:mod:`calculator.calculators.scaling`              scaling
:mod:`calculator.calculators.decision`             decision
:mod:`calculator.calculators.hybrid`               hybrid
:mod:`calculator.calculators.sovereign`            sovereign
:mod:`calculator.calculators.takeaways`            takeaways
:mod:`calculator.calculators.uncertainty`          uncertainty
:mod:`calculator.calculators.sensitivity`          sensitivity
=================================================  ===================
"""

from __future__ import annotations

from . import figures as fig
from .calculators import ALL
from .fields import InputError
from .names import TEXT_LABELS
from .units import CURRENCIES

__all__ = ["CALCULATORS", "calculate", "lookup", "schema"]

#: Every calculator by id, in the guide's page order.
CALCULATORS = {c.id: c for c in ALL}

FIGURES_AS_OF = f"{fig.SOURCE['title']} ({fig.SOURCE['date']})"


def lookup(calculator_id):
    """The calculator for ``calculator_id``, or :class:`InputError`."""
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
    ``figures_as_of``. Money is unrounded; :func:`calculator.format_value` makes it text.

    What do the two approaches cost over three years at the article's midpoints?

    >>> r = calculate("overview")
    >>> r["ft_total"], r["pe_total"], r["break_even_month"]
    (751500.0, 252100.0, None)
    >>> calculate("quality", {"pe_accuracy": "1.5"})
    Traceback (most recent call last):
      ...
    calculator.fields.InputError: Accuracy with prompting (pe_accuracy): must be at most 1, got 1.5
    """
    values, result = lookup(calculator_id).run(inputs)
    return {**result, "inputs": values, "figures_as_of": FIGURES_AS_OF}


def schema():
    """Every calculator with its fields, outputs and formula, plus the article's source.

    >>> list(schema()["calculators"])[:3]
    ['overview', 'prompt_tax', 'initial_investment']
    """
    return {
        "source": dict(fig.SOURCE),
        "labels": dict(TEXT_LABELS),
        "currencies": sorted(code for code in CURRENCIES if code),
        "calculators": {cid: calc.as_dict() for cid, calc in CALCULATORS.items()},
    }
