"""Python-Markdown glue: fences and figure placeholders, all backed by ``calculator``.

Fences (pymdownx.superfences custom fences)::

    ```calculator
    overview
    ```

    ```figures
    initial
    ```

Placeholders in prose, replaced before the Markdown is parsed::

    {{ item:ft_data_preparation }}      -> $10,000–$50,000
    {{ published:ft_monthly }}          -> $6,500–$32,000
    {{ total:ft_monthly }}              -> $5,166.67–$25,333.33 (recomputed)
    {{ calc:overview.ft_total }}        -> $751,500 (default result)
    {{ calc:takeaways.ongoing_ratio|range_position=0 }} -> 3.04×
    {{ default:quality.cost_per_error }} -> $40
    {{ claim:ongoing_ratio }}           -> 3–5×
    {{ const:examples_needed }}         -> 1,000

An unknown calculator, table or placeholder stops the build with a message that names it.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import SuperFencesException

from calculator import CALCULATORS, calculate
from calculator import figures as fig
from calculator.models import EXAMPLES_NEEDED

from .render import (
    SCHEMA,
    RenderError,
    format_number,
    format_range,
    format_value,
    render_calculator,
)
from .render import render_figures as _render_figures

PLACEHOLDER = re.compile(r"\{\{\s*([a-z]+):([A-Za-z0-9_.|=,\-]+)\s*\}\}")


class PlaceholderError(SuperFencesException):
    """An unknown placeholder: stops the build."""


def calculator_fence(source, language, class_name, options, md, **kwargs):
    try:
        return render_calculator(source.strip())
    except RenderError as err:
        raise SuperFencesException(str(err)) from err


def figures_fence(source, language, class_name, options, md, **kwargs):
    try:
        return _render_figures(source.strip())
    except RenderError as err:
        raise SuperFencesException(str(err)) from err


def _item(key):
    item_id, _, part = key.partition(".")
    item = fig.items_by_id().get(item_id)
    if item is None:
        return None
    if part == "":
        return format_range(item.low, item.high)
    values = {"low": item.low, "high": item.high, "mid": item.at(0.5)}
    return format_number(values[part], "money") if part in values else None


def _published(key):
    if key not in fig.PUBLISHED_TOTALS:
        return None
    return format_range(*fig.PUBLISHED_TOTALS[key])


def _total(key):
    prefix, _, kind = key.partition("_")
    approach = {"ft": "fine_tuning", "pe": "prompt_engineering"}.get(prefix)
    total = {"initial": fig.initial_total, "monthly": fig.monthly_total}.get(kind)
    if approach is None or total is None:
        return None
    return format_range(total(approach, fig.item_values(0)), total(approach, fig.item_values(1)))


def _calc(key):
    path, _, args = key.partition("|")
    calc_id, _, output_key = path.partition(".")
    calc = SCHEMA["calculators"].get(calc_id)
    if calc is None:
        return None
    outputs = {o["key"]: o for o in calc["outputs"]}
    if output_key not in outputs:
        return None
    inputs = dict(pair.split("=", 1) for pair in args.split(",")) if args else {}
    return format_value(calculate(calc_id, inputs)[output_key], outputs[output_key]["unit"])


def _default(key):
    calc_id, _, name = key.partition(".")
    calc = CALCULATORS.get(calc_id)
    fields = {f.name: f for f in calc.fields} if calc else {}
    if name not in fields:
        return None
    field = fields[name]
    return format_number(field.default, field.unit)


def _claim(key):
    if key not in fig.CLAIMS:
        return None
    low, high = fig.CLAIMS[key]
    return f"{low}–{high}×"


CONSTANTS = {
    "examples_needed": f"{EXAMPLES_NEEDED:,}",
    "article_date": "19 May 2025",
    "article_title": fig.SOURCE["title"],
}

KINDS = {
    "item": _item,
    "published": _published,
    "total": _total,
    "calc": _calc,
    "default": _default,
    "claim": _claim,
    "const": CONSTANTS.get,
}


def expand(text):
    """Replace every placeholder in ``text``; raise PlaceholderError on an unknown one.

    >>> expand("Data preparation costs {{ item:ft_data_preparation }}.")
    'Data preparation costs $10,000–$50,000.'
    """

    def replace(match):
        kind, key = match.groups()
        resolver = KINDS.get(kind)
        value = resolver(key) if resolver else None
        if value is None:
            raise PlaceholderError(f"unknown placeholder {match.group(0)!r}")
        return value

    return PLACEHOLDER.sub(replace, text)


class PlaceholderPreprocessor(Preprocessor):
    def run(self, lines):
        return expand("\n".join(lines)).split("\n")


class FiguresExtension(Extension):
    """Registers the placeholder preprocessor (after markdown-include, before fences)."""

    def extendMarkdown(self, md):
        md.preprocessors.register(PlaceholderPreprocessor(md), "tp_figures", 90)


def makeExtension(**kwargs):
    return FiguresExtension(**kwargs)
