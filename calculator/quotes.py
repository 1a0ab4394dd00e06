"""Figures quoted in the guide's prose, by name, so that no number in a sentence is typed
by hand. The build replaces each ``{{ kind:key }}`` placeholder with :func:`quote`.

==========================================  ==========================================
Placeholder                                 Gives
==========================================  ==========================================
``item:ft_data_preparation``                the item's range as the article prints it
``item:ft_expert_personnel.mid``            one end (``low``, ``high``) or the midpoint
``published:ft_monthly``                    a total as the article prints it
``total:ft_monthly``                        the same total recomputed from the items
``calc:overview.ft_total``                  a calculator's result at its defaults
``calc:takeaways.ongoing_ratio|range_position=0``  ... at other inputs
``default:quality.cost_per_error``          a field's default
``claim:ongoing_ratio``                     one of the article's ratio claims
``const:examples_needed``                   a named constant
==========================================  ==========================================

>>> quote("item:ft_data_preparation"), quote("calc:overview.ft_total")
('$10,000–$50,000', '$751,500')
>>> quote("calc:takeaways.ongoing_ratio|range_position=0"), quote("claim:ongoing_ratio")
('3.04×', '3–5×')
>>> quote("calc:overview.nope")
Traceback (most recent call last):
  ...
KeyError: "unknown figure 'calc:overview.nope'"
"""

from __future__ import annotations

from . import figures as fig
from . import prices
from .calculators.decision import EXAMPLES_NEEDED
from .names import APPROACHES
from .registry import CALCULATORS, calculate
from .units import UNITS, format_value

__all__ = ["CONSTANTS", "follows_currency", "format_range", "quote"]

CONSTANTS = {
    "examples_needed": f"{EXAMPLES_NEEDED:,}",
    "article_date": fig.article_date(),
    "article_title": fig.SOURCE["title"],
    "prices_source": prices.SOURCE,
    "prices_as_of": prices.AS_OF,
}


def format_range(low, high, unit="money", currency=None):
    """``low–high`` in ``unit``.

    >>> format_range(500, 2000)
    '$500–$2,000'
    """
    return f"{format_value(low, unit, currency)}–{format_value(high, unit, currency)}"


def _item(key, currency, rate):
    item_id, _, part = key.partition(".")
    item = fig.items_by_id().get(item_id)
    if item is None:
        return None
    if part == "":
        return format_range(item.low * rate, item.high * rate, currency=currency)
    values = {"low": item.low * rate, "high": item.high * rate, "mid": item.at(0.5, rate)}
    return format_value(values[part], "money", currency) if part in values else None


def _published(key, currency, rate):
    if key not in fig.PUBLISHED_TOTALS:
        return None
    low, high = fig.PUBLISHED_TOTALS[key]
    return format_range(low * rate, high * rate, currency=currency)


def _total(key, currency, rate):
    prefix, _, kind = key.partition("_")
    approach = next((a.id for a in APPROACHES.values() if a.prefix == prefix), None)
    total = {"initial": fig.initial_total, "monthly": fig.monthly_total}.get(kind)
    if approach is None or total is None:
        return None
    low = total(approach, fig.item_values(0, rate=rate))
    high = total(approach, fig.item_values(1, rate=rate))
    return format_range(low, high, currency=currency)


def _calc(key, currency, rate):
    path, _, args = key.partition("|")
    calc_id, _, output_key = path.partition(".")
    calc = CALCULATORS.get(calc_id)
    output = next((o for o in calc.outputs if o.key == output_key), None) if calc else None
    if output is None:
        return None
    inputs = dict(pair.split("=", 1) for pair in args.split(",")) if args else {}
    result = calculate(calc_id, {**inputs, "exchange_rate": rate})
    return format_value(result[output_key], output.unit, currency, output.none)


def _default(key, currency, rate):
    calc_id, _, name = key.partition(".")
    calc = CALCULATORS.get(calc_id)
    field = next((f for f in calc.fields if f.name == name), None) if calc else None
    if field is None:
        return None
    return format_value(field.default_at(rate), field.unit, currency)


def _claim(key, currency, rate):
    return fig.claim_text(key) if key in fig.CLAIMS else None


KINDS = {
    "item": _item,
    "published": _published,
    "total": _total,
    "calc": _calc,
    "default": _default,
    "claim": _claim,
    "const": lambda key, currency, rate: CONSTANTS.get(key),
}


#: The kinds whose text is an amount of money, so changes with the reader's currency.
MONEY_KINDS = ("item", "published", "total")


def quote(name, currency=None, rate=1.0):
    """The text of the figure ``name`` (``kind:key``) in ``currency`` at ``rate`` (the
    article's dollars by default); KeyError if there is no such figure.

    >>> quote("item:ft_monitoring", "EUR", 0.5), quote("calc:overview.ft_total", "GBP", 2)
    ('€500–€2,500', '£1,503,000')
    """
    kind, _, key = name.partition(":")
    resolver = KINDS.get(kind)
    text = resolver(key, currency, rate) if resolver else None
    if text is None:
        raise KeyError(f"unknown figure {name!r}")
    return text


def follows_currency(name):
    """Whether the figure ``name`` is an amount of money (so shown in the reader's currency).

    >>> follows_currency("calc:overview.ft_total"), follows_currency("claim:ongoing_ratio")
    (True, False)
    """
    kind, _, key = name.partition(":")
    if kind in MONEY_KINDS:
        return True
    if kind not in ("calc", "default"):
        return False
    calc_id, _, rest = key.partition(".")
    name_ = rest.partition("|")[0]
    calc = CALCULATORS.get(calc_id)
    units = {o.key: o.unit for o in calc.outputs} | {f.name: f.unit for f in calc.fields}
    return UNITS[units[name_]].money
