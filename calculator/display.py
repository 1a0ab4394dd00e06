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

from .charts import line_chart, tornado_chart
from .registry import CALCULATORS, lookup
from .units import UNITS, format_value, input_text

__all__ = ["input_texts", "link_href", "present", "raw", "relative_path"]


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


def link_href(source_path, value, currency=None):
    """The href of a ``link`` output from the page at ``source_path``: the target
    calculator's page, its inputs in the query string (site-wide settings under their own
    names, with the currency), its form as the anchor.

    >>> link_href("hybrid/", {"calculator": "overview", "inputs": {"ft_monthly_benefit": 900.5}})
    '../?overview.ft_monthly_benefit=900.5#calc-overview'
    >>> link_href("", {"calculator": "quality", "inputs": {"exchange_rate": 0.5}}, "EUR")
    'performance-quality/?rate=0.5&currency=EUR#calc-quality'
    """
    target = CALCULATORS[value["calculator"]]
    params = []
    for name, v in value["inputs"].items():
        site = target.field(name).site_param
        params.append((site or f"{target.id}.{name}", input_text(v)))
    if currency:
        params.append(("currency", currency))
    query = "&".join(f"{quote(key)}={quote(text)}" for key, text in params)
    return f"{relative_path(source_path, target.path)}?{query}#calc-{target.id}"


def input_texts(calculator_id, inputs, currency=None):
    """Each input as a printed memo lists it: amounts of money as the results show money,
    an empty optional field by what it stands for, a flag as yes or no, any other number
    as its box holds it. ``inputs`` are the values the model used.

    >>> texts = input_texts("quality", {"cost_per_error": 36.8, "tasks_per_month": 10000})
    >>> texts["cost_per_error"], texts["tasks_per_month"]
    ('$36.80', '10000')
    >>> input_texts("overview", {"ft_retraining": None, "recurring_staff": False})
    {'ft_retraining': 'from the range', 'recurring_staff': 'no'}
    """
    calc = lookup(calculator_id)
    texts = {}
    for name, value in inputs.items():
        field = calc.field(name)
        if value is None:
            texts[name] = field.placeholder
        elif field.kind == "boolean":
            texts[name] = "yes" if value else "no"
        elif field.money:
            texts[name] = format_value(value, field.unit, currency)
        else:
            texts[name] = input_text(value)
    return texts


def _cell(value, column, currency):
    return {"text": format_value(value, column.unit, currency, column.none), "value": raw(value)}


def present(calculator_id, result, currency=None, behind=None):
    """Every output of ``result`` as the page shows it, keyed by output key.

    Scalars give ``text`` and ``value`` (raw JSON); lists give ``items``; tables and series
    give ``rows`` of cells (series also give ``chart``, an SVG); links give ``href``
    (or ``None``) and ``text``. ``behind``, another result of the same calculator (the
    pinned scenario of a comparison), is drawn faded behind this one's line charts.
    """
    calc = lookup(calculator_id)
    marks = {o.key: o.mark for o in calc.outputs}
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
                "href": None if value is None else link_href(calc.path, value, currency),
                "text": output.label if value is not None else output.none or "",
            }
        else:
            rows = [[_cell(row[c.key], c, currency) for c in output.columns] for row in value]
            entry = {"rows": rows, "chart": None}
            chart_id = f"chart-{calc.id}-{output.key}"
            keys = [c.key for c in output.columns]
            texts = [{k: cell["text"] for k, cell in zip(keys, r, strict=True)} for r in rows]
            if output.unit == "series" and len(value) > 1:
                x, *lines = ((c.key, c.label, c.unit) for c in output.columns)
                entry["chart"] = line_chart(
                    value,
                    x=x,
                    lines=[line for line in lines if line[2] == lines[0][2]],  # one y unit
                    title=output.label,
                    chart_id=chart_id,
                    currency=currency,
                    texts=texts,
                    marks=[(result[k], marks[k]) for k in output.chart.marks]
                    if output.chart
                    else (),
                    behind=behind[output.key] if behind else None,
                )
            elif output.chart:  # a tornado
                spec = output.chart
                entry["chart"] = tornado_chart(
                    value,
                    label=spec.label,
                    low=spec.low,
                    high=spec.high,
                    base=result[spec.base],
                    unit=next(c.unit for c in output.columns if c.key == spec.low),
                    title=output.label,
                    chart_id=chart_id,
                    currency=currency,
                    axis=next(o.label for o in calc.outputs if o.key == spec.base),
                    texts=texts,
                )
            shown[output.key] = entry
    return shown
