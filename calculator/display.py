"""What a reader sees of a result: every output as text, table cells, list items, charts and
links, made from the calculator's declaration.

The build renders pre-rendered pages from :func:`present`, and the browser's worker sends
the same structure with every live result, so the page never formats a number itself.

>>> from calculator import calculate
>>> shown = present("overview", calculate("overview"))
>>> shown["ft_total"]
{'text': '$751,500', 'value': '751500.0'}
>>> shown["break_even_month"]["text"]
'never within the horizon'
"""

from __future__ import annotations

import json
import math
from urllib.parse import quote

from .charts import line_chart
from .registry import CALCULATORS, lookup
from .units import UNITS, format_value, input_text

__all__ = ["link_href", "present", "raw", "relative_path"]


def raw(value):
    """The unformatted value a page keeps beside the text (``data-value``): JSON for
    numbers, flags and ``None``; a text value as it is.

    >>> raw(2.5), raw(None), raw("fine_tuning")
    ('2.5', 'null', 'fine_tuning')
    """
    if isinstance(value, str):
        return value
    if type(value) in (int, float) and math.isfinite(value):
        return repr(value)  # what json.dumps writes for a number, without its overhead
    return json.dumps(value, allow_nan=False)


def relative_path(source, target):
    """The relative URL from the page at site path ``source`` to the one at ``target``.

    >>> relative_path("approaches/", ""), relative_path("", "hybrid/"), relative_path("a/", "b/")
    ('../', 'hybrid/', '../b/')
    """
    up = "../" * source.count("/")
    return (up + target) or "./"


def link_href(source_path, value):
    """The href of a ``link`` output from the page at ``source_path``: the target
    calculator's page, its inputs in the query string, its form as the anchor.

    >>> link_href("hybrid/", {"calculator": "overview", "inputs": {"ft_monthly_benefit": 900.5}})
    '../?overview.ft_monthly_benefit=900.5#calc-overview'
    """
    target = CALCULATORS[value["calculator"]]
    query = "&".join(
        f"{quote(target.id + '.' + name)}={quote(input_text(v))}"
        for name, v in value["inputs"].items()
    )
    return f"{relative_path(source_path, target.path)}?{query}#calc-{target.id}"


def _cell(value, column, currency):
    return {"text": format_value(value, column.unit, currency, column.none), "value": raw(value)}


def present(calculator_id, result, currency=None):
    """Every output of ``result`` as the page shows it, keyed by output key.

    Scalars give ``text`` and ``value`` (raw JSON); lists give ``items``; tables and series
    give ``rows`` of cells (series also give ``chart``, an SVG); links give ``href``
    (or ``None``) and ``text``.
    """
    calc = lookup(calculator_id)
    shown = {}
    for output in calc.outputs:
        value = result[output.key]
        unit = UNITS[output.unit]
        if unit.scalar:
            shown[output.key] = {
                "text": format_value(value, output.unit, currency, output.none),
                "value": raw(value),
            }
        elif output.unit == "list":
            shown[output.key] = {"items": [str(item) for item in value]}
        elif output.unit == "link":
            shown[output.key] = {
                "href": None if value is None else link_href(calc.path, value),
                "text": output.label if value is not None else output.none or "",
            }
        else:
            rows = [[_cell(row[c.key], c, currency) for c in output.columns] for row in value]
            entry = {"rows": rows, "chart": None}
            if output.unit == "series" and len(value) > 1:
                x, *lines = ((c.key, c.label, c.unit) for c in output.columns)
                keys = [c.key for c in output.columns]
                entry["chart"] = line_chart(
                    value,
                    x=x,
                    lines=[line for line in lines if UNITS[line[2]].money],
                    title=output.label,
                    chart_id=f"chart-{calc.id}-{output.key}",
                    currency=currency,
                    texts=[
                        {k: cell["text"] for k, cell in zip(keys, r, strict=True)} for r in rows
                    ],
                )
            shown[output.key] = entry
    return shown
