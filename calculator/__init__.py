"""Tune or Prompt: the cost model behind the guide.

A small, pure-Python model of what it costs to adapt a large language model by
fine-tuning or by prompt engineering, built on the figures of the article
"Fine-tuning vs. Prompt Engineering: Cost Implications" (19 May 2025). Standard library
only, no I/O: the same code runs on CPython, at build time and in the browser (Pyodide).

==========================  ===================================================
Function                    What it does
==========================  ===================================================
:func:`calculate`           run one calculator on the reader's inputs
:func:`schema`              every calculator's fields, outputs and formula
:class:`InputError`         the one exception for bad input (``.field`` names it)
==========================  ===================================================

What does each approach cost up front at the article's midpoints, and how many times
more is fine-tuning?

>>> r = calculate("initial_investment")
>>> r["ft_total"], r["pe_total"], round(r["ratio"], 2)
(202500.0, 68500.0, 2.96)

Inputs may be strings, as they come from a form or a URL, and bad ones name their field:

>>> calculate("ongoing_costs", {"range_position": "0"})["ft_monthly_as_published"]
6500.0
>>> try:
...     calculate("quality", {"cost_per_error": "lots"})
... except InputError as err:
...     print(err.field, "-", err.reason)
cost_per_error - must be a number, got 'lots'
"""

from .fields import InputError
from .models import CALCULATORS, calculate, schema

__all__ = ["CALCULATORS", "InputError", "calculate", "schema"]
