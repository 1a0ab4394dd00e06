"""Build-time tables of the article's own figures and of the guide's reference lists, for
the ``figures`` fence. Unlike :mod:`guide.forms`, these know the article: its items, its
published totals and its ratio claims.
"""

from __future__ import annotations

from calculator import CALCULATORS, calculate, format_value
from calculator import figures as fig
from calculator.display import relative_path
from calculator.names import APPROACHES, per_period
from calculator.quotes import format_range

from .forms import RenderError, environment

IN_DOLLARS = "As the article gives them, in its dollars"


def _cell(text, **kw):
    return {"text": text, **kw}


def _num(text):
    return _cell(text, num=True)


def _money(value):
    return _num(format_value(value, "money"))


def _table(name, head, rows, caption=""):
    template = environment().get_template("figures.html")
    return template.render(name=name, head=head, rows=rows, caption=caption)


def items_table(phase):
    """The article's items of one phase with their ranges and midpoints."""
    rows = [
        [
            _cell(item.label),
            _cell(APPROACHES[item.approach].name),
            _money(item.low),
            _money(item.high),
            _cell(per_period(item.period)),
            _money(item.at(0.5)),
        ]
        for item in fig.select(phase=phase)
    ]
    head = ("Item", "Approach", "Low", "High", "Period", "Midpoint")
    return _table(phase, head, rows, caption=IN_DOLLARS)


def totals_table():
    """Each approach's totals as the article prints them, and recomputed from its items."""
    low, high = fig.item_values(0), fig.item_values(1)
    rows = []
    for approach in APPROACHES.values():
        for what, kind, total in (
            ("Initial investment", "initial", fig.initial_total),
            ("Running cost per month", "monthly", fig.monthly_total),
        ):
            published = fig.PUBLISHED_TOTALS[f"{approach.prefix}_{kind}"]
            rows.append(
                [
                    _cell(f"{approach.name}: {what.lower()}"),
                    _num(format_range(*published)),
                    _num(format_range(total(approach.id, low), total(approach.id, high))),
                ]
            )
    head = ("Total", "As the article prints it", "Recomputed from the items")
    return _table("totals", head, rows, caption=IN_DOLLARS)


def ratios_table():
    """The article's two ratio claims at the low ends, midpoints and high ends."""
    rows = []
    for label, r in (("Low ends", 0.0), ("Midpoints", 0.5), ("High ends", 1.0)):
        t = calculate("takeaways", {"range_position": r})
        rows.append(
            [
                _cell(f"{label} (range position {r:g})"),
                _num(format_value(t["initial_ratio"], "ratio")),
                _num(format_value(t["ongoing_ratio_as_published"], "ratio")),
                _num(format_value(t["ongoing_ratio"], "ratio")),
            ]
        )
    head = (
        "Figures",
        f"Initial ratio (claim {fig.claim_text('initial_ratio')})",
        f"Running ratio as printed (claim {fig.claim_text('ongoing_ratio')})",
        "Running ratio, corrected",
    )
    return _table("ratios", head, rows)


def illustrative_table():
    """Every illustrative default, with its calculator and the reason for its value."""
    rows = []
    for calc in CALCULATORS.values():
        for f in calc.fields:
            if f.source != "illustrative":
                continue
            href = relative_path("methodology/", calc.path) + f"#calc-{calc.id}"
            rows.append(
                [
                    _cell(f.label, code=f"{calc.id}.{f.name}"),
                    _cell(calc.title, href=href),
                    _num(format_value(f.default, f.unit)),
                    _cell(f.why),
                ]
            )
    head = ("Input (link parameter)", "Calculator", "Default", "Why this value")
    return _table("illustrative", head, rows)


def formulas():
    """Each calculator's formula, in words, under a heading with a stable anchor."""
    template = environment().get_template("formulas.html")
    return template.render(calculators=CALCULATORS.values())


TABLES = {
    "initial": lambda: items_table("initial"),
    "ongoing": lambda: items_table("ongoing"),
    "totals": totals_table,
    "ratios": ratios_table,
    "illustrative": illustrative_table,
    "formulas": formulas,
}


def render_figures(name):
    """A table of the article's figures (or the methodology's lists), by name."""
    if name not in TABLES:
        raise RenderError(f"unknown figures table {name!r}; known: {', '.join(TABLES)}")
    return TABLES[name]()
