"""Tune or Prompt: the cost model behind the guide.

A small, pure-Python model of what it costs to adapt a large language model by
fine-tuning or by prompt engineering, built on the figures of the article
"Fine-tuning vs. Prompt Engineering: Cost Implications" (its date and title are in
:data:`calculator.figures.SOURCE`). Standard library only, no I/O: the same code runs on
CPython, at build time and in the browser (Pyodide).

==========================  ===================================================
Name                        What it does
==========================  ===================================================
:func:`calculate`           run one calculator on the reader's inputs
:func:`schema`              every calculator's fields, outputs and formula
:func:`compare`             one calculator on two scenarios, and the differences
:func:`format_value`        the one way a number becomes text
:class:`InputError`         the one exception for bad input (``.field`` names it)
:data:`CALCULATORS`         every calculator's declaration, by id
==========================  ===================================================

What does each approach cost up front at the article's midpoints, and how many times
more is fine-tuning?

>>> r = calculate("initial_investment")
>>> r["ft_total"], r["pe_total"], format_value(r["ratio"], "ratio")
(202500.0, 68500.0, '2.96×')

Inputs may be strings, as they come from a form or a URL, and bad ones name their field:

>>> calculate("ongoing_costs", {"range_position": "0"})["ft_monthly_as_published"]
6500.0
>>> try:
...     calculate("quality", {"cost_per_error": "lots"})
... except InputError as err:
...     print(err.field, "-", err.reason)
cost_per_error - must be a number, got 'lots'

Modules: :mod:`~calculator.figures` (the article's data), :mod:`~calculator.fields` and
:mod:`~calculator.base` (declarations), :mod:`~calculator.calculators` (the calculators,
one module each) and :mod:`~calculator.shared` (what several of them share),
:mod:`~calculator.registry`, :mod:`~calculator.units` (units and the formatter),
:mod:`~calculator.display` and :mod:`~calculator.charts` (what a reader sees),
:mod:`~calculator.comparison` (two scenarios), :mod:`~calculator.prices` (the model price
table and presets), :mod:`~calculator.quotes` (figures in prose) and
:mod:`~calculator.bridge` (the browser's entry point).
"""

from .comparison import compare
from .fields import InputError
from .registry import CALCULATORS, calculate, schema
from .units import format_value

__all__ = ["CALCULATORS", "InputError", "calculate", "compare", "format_value", "schema"]
