"""What every calculator is made of: the :class:`Calculator` declaration, the fields that
several calculators share, and small helpers on the article's figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import figures as fig
from .fields import Field, Output

FT, PE = "fine_tuning", "prompt_engineering"

#: How text results read on a page ("fine_tuning" -> "Fine-tuning").
TEXT_LABELS = {
    FT: "Fine-tuning",
    PE: "Prompt engineering",
    "hybrid": "Hybrid",
    "equal": "Neither: equal",
    "offshore": "Offshore",
    "onshore": "Onshore",
    "one_off": "one-off",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    **{
        f"{a}_{where}": f"{name}, {where}"
        for a, name in ((FT, "Fine-tuning"), (PE, "Prompt engineering"))
        for where in ("offshore", "onshore")
    },
}


@dataclass(frozen=True)
class Calculator:
    """A calculator: its inputs, its results and the function from one to the other."""

    id: str
    title: str
    question: str
    page: str
    fields: tuple[Field, ...]
    outputs: tuple[Output, ...]
    formula: tuple[str, ...]
    compute: Callable[[dict], dict]

    def __post_init__(self):
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.id}: duplicate field names")

    def field(self, name):
        return next(f for f in self.fields if f.name == name)

    def as_dict(self):
        return {
            "id": self.id,
            "title": self.title,
            "question": self.question,
            "page": self.page,
            "fields": [f.as_dict() for f in self.fields],
            "outputs": [o.as_dict() for o in self.outputs],
            "formula": list(self.formula),
        }


# --------------------------------------------------------------------------- shared fields

MONEY_MAX = 1e12  # a trillion: far above any real budget, far below float trouble

RANGE = Field(
    "range_position",
    "Position in the article's ranges",
    "share",
    0.5,
    maximum=1,
    step=0.05,
    help="0 takes the low end of every range the article gives, 1 the high end, "
    "0.5 the midpoint. Any item set below overrides it.",
)
HORIZON = Field(
    "horizon_months",
    "Horizon",
    "months",
    36,
    kind="integer",
    minimum=1,
    maximum=240,
    help="How many months after launch to count running costs for.",
)
STAFF_MONTHS = Field(
    "build_phase_staff_months",
    "Build-phase staff counted up front",
    "months",
    12,
    kind="integer",
    maximum=60,
    advanced=True,
    help="The article puts a year (12 months) of the annual staff costs into the initial "
    "investment. Set another length for your build phase.",
)
RECURRING_STAFF = Field(
    "recurring_staff",
    "Staff cost recurs after launch",
    "flag",
    False,
    kind="boolean",
    advanced=True,
    help="Off follows the article: annual staff are counted once, up front. On adds that "
    "annual cost again every month after launch, spread evenly.",
)


BENEFIT = Field(
    "ft_monthly_benefit",
    "Monthly benefit of the fine-tune",
    "money",
    0.0,
    maximum=MONEY_MAX,
    help="Value the fine-tune brings each month that prompting does not (errors avoided, "
    "cheaper inference), counted against its cost. 0 compares cost alone, as the article does.",
)
DIFFERENCE = Output("difference", "Difference (fine-tuning minus prompt engineering)", "money")


def item_field(item, advanced):
    period = "one-off" if item.period == "one_off" else f"per {item.period}"
    return Field(
        item.id,
        item.label,
        "money",
        None,
        maximum=MONEY_MAX,
        advanced=advanced,
        source="article",
        placeholder="from the range",
        help=f"Article: {item.low:,.0f}-{item.high:,.0f} {period}. Leave empty to use the "
        "range position.",
    )


def item_fields(phase=None, advanced=True):
    return tuple(item_field(i, advanced) for i in fig.ITEMS if phase in (None, i.phase))


def money(name, label, default, help="", **kw):
    return Field(name, label, "money", default, maximum=MONEY_MAX, help=help, **kw)


def share(name, label, default, help="", **kw):
    return Field(name, label, "share", default, maximum=1, step=0.01, help=help, **kw)


def item_values(v):
    """Article item values at the calculator's range position, with the reader's overrides."""
    return fig.item_values(v["range_position"], v)


def approach_costs(values, staff_months=STAFF_MONTHS.default, recurring_staff=False):
    """Initial and monthly cost of both approaches for item ``values`` (per their periods).

    >>> approach_costs(fig.item_values(0.5))["ft_monthly"]
    15250.0
    """
    return {
        "ft_initial": fig.initial_total(FT, values, staff_months),
        "pe_initial": fig.initial_total(PE, values, staff_months),
        "ft_monthly": fig.monthly_total(FT, values, recurring_staff),
        "pe_monthly": fig.monthly_total(PE, values, recurring_staff),
    }


def costs(v):
    """Item values and both approaches' costs for a calculator's parsed inputs; fields a
    calculator does not declare take their declared defaults."""
    values = item_values(v)
    staff_months = v.get(STAFF_MONTHS.name, STAFF_MONTHS.default)
    recurring = v.get(RECURRING_STAFF.name, RECURRING_STAFF.default)
    return {"values": values, **approach_costs(values, staff_months, recurring)}


def ratio(a, b):
    return a / b if b > 0 else None


def first_crossing(series, a, b):
    """The first ``month`` at which cumulative ``a`` and ``b`` meet or cross, else None.

    The line that starts higher must come down to (or below) the other one.

    >>> first_crossing([{"month": 0, "x": 5, "y": 1}, {"month": 1, "x": 4, "y": 4}], "x", "y")
    1
    """
    start = series[0][a] - series[0][b]
    for row in series:
        gap = row[a] - row[b]
        if gap == 0 or (gap > 0) != (start > 0):
            return row["month"]
    return None


def payback(upfront, monthly_saving):
    """Months for ``monthly_saving`` to repay ``upfront``: 0 if nothing to repay, else None
    when the saving is not positive.

    >>> payback(120_000, 10_000), payback(120_000, -5), payback(-1, -5)
    (12.0, None, 0.0)
    """
    if upfront <= 0:
        return 0.0
    if monthly_saving <= 0:
        return None
    return upfront / monthly_saving


def cheaper(ft_total, pe_total):
    tolerance = 1e-9 * max(1.0, abs(ft_total), abs(pe_total))
    if abs(ft_total - pe_total) <= tolerance:
        return "equal"
    return FT if ft_total < pe_total else PE
