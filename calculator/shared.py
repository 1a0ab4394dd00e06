"""What several calculators share: common fields and outputs, small cost helpers on the
article's figures (both approaches' costs, payback, the month two cumulative costs cross),
the article's items as table rows, and the monthly benefit a calculator carries to the
overview.

Each calculator has a module of its own in :mod:`calculator.calculators`; what two or more
of them use is here.
"""

from __future__ import annotations

import math

from . import figures as fig
from .base import EXCHANGE_RATE
from .fields import Column, Field, Output
from .names import FINE_TUNING, PROMPTING, per_period

FT, PE = FINE_TUNING.id, PROMPTING.id

#: The article's one slip in its sums, as a memo states it wherever monthly running costs
#: of fine-tuning enter the results.
RETRAINING_CAVEAT = (
    "The article's fine-tuning running total counts its quarterly retraining cost in every "
    "month; these results count it once a quarter (the methodology page shows both sums)."
)

MONEY_MAX = 1e12  # a trillion: far above any real budget, far below float trouble

# --------------------------------------------------------------------------- shared fields

RANGE = Field(
    name="range_position",
    label="Position in the article's ranges",
    unit="share",
    default=0.5,
    maximum=1,
    step=0.05,
    caveat="Every figure the article gives is a range: these results read each one at the "
    "range position among the inputs (0 the low ends, 0.5 the midpoints, 1 the high ends), "
    "except items set to a value of their own.",
    help="0 takes the low end of every range the article gives, 1 the high end, "
    "0.5 the midpoint. Any item set below overrides it.",
)
HORIZON = Field(
    name="horizon_months",
    label="Horizon",
    unit="months",
    default=36,
    kind="integer",
    minimum=1,
    maximum=240,
    help="How many months after launch to count running costs for.",
)
STAFF_MONTHS = Field(
    name="build_phase_staff_months",
    label="Build-phase staff counted up front",
    unit="months",
    default=12,
    kind="integer",
    maximum=60,
    advanced=True,
    caveat="As the article does, the salaries of the build phase (the months among the "
    "inputs) are counted in the one-off investment.",
    help="The article puts a year (12 months) of the annual staff costs into the initial "
    "investment. Set another length for your build phase.",
)
RECURRING_STAFF = Field(
    name="recurring_staff",
    label="Staff cost recurs after launch",
    unit="flag",
    default=False,
    kind="boolean",
    advanced=True,
    help="Off follows the article: annual staff are counted once, up front. On adds that "
    "annual cost again every month after launch, spread evenly.",
)
BENEFIT = Field(
    name="ft_monthly_benefit",
    label="Monthly benefit of the fine-tune",
    unit="money",
    default=0.0,
    maximum=MONEY_MAX,
    help="What the fine-tune earns back each month against the article's running costs: "
    "the figure the prompt tax and accuracy calculators call 'Monthly benefit to carry'. "
    "0 compares cost alone, as the article does.",
)
DIFFERENCE = Output(
    key="difference", label="Difference (fine-tuning minus prompt engineering)", unit="money"
)


def item_field(item, advanced):
    return Field(
        name=item.id,
        label=item.label,
        unit="money",
        default=None,
        maximum=MONEY_MAX,
        advanced=advanced,
        source="article",
        placeholder="from the range",
        help=f"Article: {item.low:,.0f}-{item.high:,.0f} {per_period(item.period)}. Leave empty "
        "to use the range position.",
    )


def item_fields(phase=None, advanced=True):
    return tuple(item_field(i, advanced) for i in fig.ITEMS if phase in (None, i.phase))


def money(name, label, default, help="", **kw):
    return Field(
        name=name, label=label, unit="money", default=default, maximum=MONEY_MAX, help=help, **kw
    )


def share(name, label, default, help="", **kw):
    return Field(
        name=name, label=label, unit="share", default=default, maximum=1, step=0.01, help=help, **kw
    )


def item_row(item, value, rate, **extra):
    """One article item as a row of a calculator's items table: its range in the reader's
    currency, the ``value`` used, and ``extra`` columns."""
    return {
        "id": item.id,
        "label": item.label,
        "approach": item.approach,
        "period": item.period,
        "low": item.low * rate,
        "high": item.high * rate,
        "value": value,
        **extra,
    }


#: The columns every items table starts with (see :func:`item_row`).
ITEM_COLUMNS = (
    Column(key="label", label="Item", unit="text"),
    Column(key="approach", label="Approach", unit="text"),
    Column(key="value", label="Value", unit="money"),
    Column(key="period", label="Per", unit="text"),
)


# --------------------------------------------------------------------------- carrying the benefit


def carry_benefit(target, v, benefit, payback_months):
    """A link value that opens ``target`` (the overview) with ``benefit`` as its monthly
    benefit, with every input the two calculators share, and a horizon long enough to show
    the payback; ``None`` when there is nothing to carry: the benefit is not positive (so
    the fine-tune never pays back, as the overview with no benefit already shows), or beyond
    the largest amount the overview takes.

    The benefit is rounded to a cent of the article's dollar, in the reader's currency (a
    link a reader can read, as precise at any exchange rate).

    >>> from calculator.calculators.overview import OVERVIEW
    >>> carry_benefit(OVERVIEW, {"range_position": 0.0, "seed": 3}, 900.004, 40.2)["inputs"]
    {'ft_monthly_benefit': 900.0, 'range_position': 0.0, 'horizon_months': 41}
    >>> link = carry_benefit(OVERVIEW, {"exchange_rate": 0.001}, 0.0144567, 40.2)
    >>> link["inputs"]["ft_monthly_benefit"]
    0.01446
    """
    rate = v.get("exchange_rate", 1.0)
    benefit = round(benefit, 2 + max(0, round(-math.log10(rate))))
    if not 0 < benefit <= BENEFIT.maximum * rate:
        return None
    inputs = {BENEFIT.name: benefit}
    for field in target.fields:
        if field.name in v and field.name != BENEFIT.name and v[field.name] != field.default:
            inputs[field.name] = v[field.name]
    horizon = target.field(HORIZON.name)
    if payback_months is not None and math.ceil(payback_months) > horizon.default:
        inputs[HORIZON.name] = min(horizon.maximum, math.ceil(payback_months))
    return {"calculator": target.id, "inputs": inputs}


def benefit_outputs(source):
    """The two outputs of a calculator whose monthly benefit is carried to the overview
    (:func:`carry_benefit`); ``source`` names its kind of payback."""
    return (
        Output(
            key="ft_monthly_benefit",
            label="Monthly benefit to carry to the overview",
            unit="money",
            help="What the fine-tune earns back each month against the article's running "
            f"costs. Entered as the overview's monthly benefit, it reproduces this {source} "
            "payback.",
        ),
        Output(
            key="carry_to_overview",
            label="Open the overview with this benefit",
            unit="link",
            none="nothing to carry: no benefit, one beyond the overview's limit, or your "
            "own up-front cost, which the overview does not take",
            help="Carries the benefit and the inputs the two calculators share.",
        ),
    )


# --------------------------------------------------------------------------- cost helpers


def item_values(v):
    """Article item values at the calculator's range position, in the reader's currency,
    with the reader's overrides."""
    return fig.item_values(v["range_position"], v, v[EXCHANGE_RATE.name])


def approach_costs(values, staff_months=STAFF_MONTHS.default, recurring_staff=False):
    """Initial and monthly cost of both approaches for item ``values`` (per their periods).

    >>> approach_costs(fig.item_values(0.5))["ft_monthly"]
    15250.0
    """
    costs = {}
    for approach in (FINE_TUNING, PROMPTING):
        p = approach.prefix
        costs[f"{p}_initial"] = fig.initial_total(approach.id, values, staff_months)
        costs[f"{p}_monthly"] = fig.monthly_total(approach.id, values, recurring_staff)
    return costs


def costs(v):
    """Item values and both approaches' costs for a calculator's parsed inputs; fields a
    calculator does not declare take their declared defaults."""
    values = item_values(v)
    staff_months = v.get(STAFF_MONTHS.name, STAFF_MONTHS.default)
    recurring = v.get(RECURRING_STAFF.name, RECURRING_STAFF.default)
    return {"values": values, **approach_costs(values, staff_months, recurring)}


def ratio(a, b):
    """``a`` as a multiple of ``b``: None when ``b`` is not positive (or so small that no
    float holds the quotient).

    >>> ratio(3.0, 2.0), ratio(1.0, 0.0), ratio(1.0, 5e-324)
    (1.5, None, None)
    """
    return units_to_cover(a, b)


def first_crossing(series, a, b, x="month"):
    """The first ``x`` at which cumulative ``a`` and ``b`` meet or cross, else None.

    The line that starts higher must come down to (or below) the other one.

    >>> first_crossing([{"month": 0, "x": 5, "y": 1}, {"month": 1, "x": 4, "y": 4}], "x", "y")
    1
    """
    start = series[0][a] - series[0][b]
    for row in series:
        gap = row[a] - row[b]
        if gap == 0 or (gap > 0) != (start > 0):
            return row[x]
    return None


def units_to_cover(amount, per_unit):
    """How many units, each bringing ``per_unit``, cover ``amount``: None when a unit
    brings nothing (or so little that no float holds the count).

    >>> units_to_cover(120_000, 10_000), units_to_cover(1, 0), units_to_cover(1, 1e-311)
    (12.0, None, None)
    """
    if per_unit <= 0:
        return None
    count = amount / per_unit
    return count if math.isfinite(count) else None


def payback(upfront, monthly_saving):
    """Months for ``monthly_saving`` to repay ``upfront``: 0 if nothing to repay, else None
    when the saving is not positive (or so small that no number of months is).

    >>> payback(120_000, 10_000), payback(120_000, -5), payback(-1, -5), payback(1, 1e-311)
    (12.0, None, 0.0, None)
    """
    return 0.0 if upfront <= 0 else units_to_cover(upfront, monthly_saving)


def cheaper(ft_total, pe_total):
    tolerance = 1e-9 * max(1.0, abs(ft_total), abs(pe_total))
    if abs(ft_total - pe_total) <= tolerance:
        return "equal"
    return FT if ft_total < pe_total else PE
