"""Build-time HTML for the calculators: each form with its default results, rendered from
the model's declarations and :func:`calculator.display.present` through Jinja2 templates
(autoescaped). Nothing here knows a calculator by name.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from calculator import CALCULATORS, calculate, prices
from calculator import figures as fig
from calculator.display import input_texts, present
from calculator.units import CURRENCIES, UNITS, currency_note, input_hint, input_text

STATIC_NOTE = (
    "Showing the results for the default inputs. The calculator computes your own "
    "numbers once scripts run in your browser."
)

#: The buttons of every calculator, by the data-action the browser binds.
ACTIONS = (
    ("copy-link", "Copy link with these inputs"),
    ("compare", "Compare"),
    ("reset", "Reset"),
    ("download-csv", "CSV"),
    ("download-json", "JSON"),
    ("load-json", "Load JSON"),
    ("print", "Print memo"),
)


class RenderError(ValueError):
    """A page asks for something the model does not have (unknown calculator or table)."""


@cache
def environment():
    env = Environment(
        loader=PackageLoader("guide"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        hint=lambda field: input_hint(field.unit),
        default_text=lambda f: input_text(f.default),
        preset_models=preset_models,
        prices_note=prices.NOTE,
    )
    return env


def preset_models(fine_tuned_only):
    """The models a preset lists (every one, or the fine-tuned variants only), each with the
    text its option shows beside its id: the provider, and the model's name where it says
    more than the id."""
    return [
        {
            "id": model["id"],
            "label": model["provider_name"]
            + ("" if model["name"] == model["model"] else f": {model['name']}"),
        }
        for model in prices.models()
        if model["fine_tuned"] or not fine_tuned_only
    ]


def grouped_outputs(calc):
    """The outputs of ``calc`` by where the form shows them."""
    groups = {"scalar": [], "link": [], "list": [], "series": [], "table": []}
    for output in calc.outputs:
        groups["scalar" if UNITS[output.unit].scalar else output.unit].append(output)
    return groups


def render_calculator(calc_id):
    """The whole ``<form>`` for ``calc_id`` with its default results, as static HTML."""
    calc = CALCULATORS.get(calc_id)
    if calc is None:
        known = ", ".join(CALCULATORS)
        raise RenderError(f"unknown calculator {calc_id!r} in a calculator fence; known: {known}")
    result = calculate(calc_id, {})
    return (
        environment()
        .get_template("calculator.html")
        .render(
            calc=calc,
            outputs=grouped_outputs(calc),
            display=present(calc_id, result),
            memo_inputs=input_texts(calc_id, result["inputs"]),
            source=fig.SOURCE,
            static_note=STATIC_NOTE,
            actions=ACTIONS,
            currency_note=currency_note(),
            currencies=[code for code in CURRENCIES if code],
        )
    )
