"""The ten calculators of the guide, each declared once: fields, outputs, formula.

A :class:`Calculator` holds everything the site needs: the build renders its form from
``fields``, its results from ``compute``, its method note from ``formula``; the browser
calls :func:`calculate` with the reader's inputs and receives a JSON-safe dict.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from . import figures as fig
from .fields import Field, InputError, Output, parse_inputs

__all__ = ["CALCULATORS", "Calculator", "calculate", "schema"]

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


def costs(v):
    """Initial and monthly cost of both approaches for a calculator's parsed inputs."""
    values = item_values(v)
    staff_months = v.get("build_phase_staff_months", 12)
    recurring = v.get("recurring_staff", False)
    return {
        "values": values,
        "ft_initial": fig.initial_total(FT, values, staff_months),
        "pe_initial": fig.initial_total(PE, values, staff_months),
        "ft_monthly": fig.monthly_total(FT, values, recurring),
        "pe_monthly": fig.monthly_total(PE, values, recurring),
    }


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


# --------------------------------------------------------------------------- overview


def compute_overview(v):
    c = costs(v)
    horizon = v["horizon_months"]
    ft_net = c["ft_monthly"] - v["ft_monthly_benefit"]
    series = [
        {
            "month": m,
            "ft": c["ft_initial"] + m * ft_net,
            "pe": c["pe_initial"] + m * c["pe_monthly"],
        }
        for m in range(horizon + 1)
    ]
    ft_total, pe_total = series[-1]["ft"], series[-1]["pe"]
    return {
        "ft_initial": c["ft_initial"],
        "pe_initial": c["pe_initial"],
        "ft_monthly": c["ft_monthly"],
        "pe_monthly": c["pe_monthly"],
        "ft_total": ft_total,
        "pe_total": pe_total,
        "difference": ft_total - pe_total,
        "cheaper": cheaper(ft_total, pe_total),
        "break_even_month": first_crossing(series, "ft", "pe"),
        "series": series,
    }


OVERVIEW = Calculator(
    id="overview",
    title="Total cost over time",
    question="Over my horizon, which approach costs less in total, and when do the "
    "cumulative costs cross?",
    page="index.md",
    fields=(
        RANGE,
        HORIZON,
        money(
            "ft_monthly_benefit",
            "Monthly benefit of the fine-tune",
            0.0,
            help="Value the fine-tune brings each month that prompting does not (errors "
            "avoided, cheaper inference), counted against its cost. 0 compares cost "
            "alone, as the article does.",
        ),
        STAFF_MONTHS,
        RECURRING_STAFF,
        *item_fields(),
    ),
    outputs=(
        Output("ft_total", "Fine-tuning, total over the horizon", "money"),
        Output("pe_total", "Prompt engineering, total over the horizon", "money"),
        Output("difference", "Difference (fine-tuning minus prompt engineering)", "money"),
        Output("cheaper", "Cheaper over the horizon", "text"),
        Output(
            "break_even_month",
            "Cumulative costs cross in month",
            "months",
            help="Empty when the lines never cross within the horizon.",
        ),
        Output("ft_initial", "Fine-tuning, initial investment", "money"),
        Output("pe_initial", "Prompt engineering, initial investment", "money"),
        Output("ft_monthly", "Fine-tuning, running cost per month", "money"),
        Output("pe_monthly", "Prompt engineering, running cost per month", "money"),
        Output(
            "series",
            "Cumulative cost by month",
            "series",
            columns=(
                ("month", "Month", "months"),
                ("ft", "Fine-tuning", "money"),
                ("pe", "Prompt engineering", "money"),
            ),
        ),
    ),
    formula=(
        "cumulative_ft(m) = ft_initial + m * (ft_monthly - ft_monthly_benefit)",
        "cumulative_pe(m) = pe_initial + m * pe_monthly",
        "totals are the cumulative costs at m = horizon_months",
        "break_even_month = first m at which the line that starts higher meets or "
        "drops below the other",
    ),
    compute=compute_overview,
)


# --------------------------------------------------------------------------- initial investment


def compute_initial(v):
    c = costs(v)
    staff_months = v["build_phase_staff_months"]
    items = []
    for item in fig.select(phase="initial"):
        value = c["values"][item.id]
        items.append(
            {
                "id": item.id,
                "label": item.label,
                "approach": item.approach,
                "period": item.period,
                "low": item.low,
                "high": item.high,
                "value": value,
                "counted": value * staff_months / 12 if item.staff else value,
            }
        )
    return {
        "ft_total": c["ft_initial"],
        "pe_total": c["pe_initial"],
        "difference": c["ft_initial"] - c["pe_initial"],
        "ratio": ratio(c["ft_initial"], c["pe_initial"]),
        "items": items,
    }


_ITEM_COLUMNS = (
    ("label", "Item", "text"),
    ("approach", "Approach", "text"),
    ("value", "Value", "money"),
    ("period", "Per", "text"),
)

INITIAL_INVESTMENT = Calculator(
    id="initial_investment",
    title="Initial investment",
    question="What does each approach cost before it goes live, item by item?",
    page="initial-investment.md",
    fields=(RANGE, STAFF_MONTHS, *item_fields("initial", advanced=False)),
    outputs=(
        Output("ft_total", "Fine-tuning, initial investment", "money"),
        Output("pe_total", "Prompt engineering, initial investment", "money"),
        Output("difference", "Difference (fine-tuning minus prompt engineering)", "money"),
        Output("ratio", "Fine-tuning costs this many times as much", "ratio"),
        Output(
            "items",
            "Items as counted",
            "table",
            columns=(*_ITEM_COLUMNS, ("counted", "Counted up front", "money")),
        ),
    ),
    formula=(
        "value(item) = low + range_position * (high - low), unless set",
        "counted(item) = value for one-off items; value * build_phase_staff_months / 12 "
        "for annual staff",
        "total = sum of counted items of the approach; ratio = ft_total / pe_total",
    ),
    compute=compute_initial,
)


# --------------------------------------------------------------------------- ongoing costs


def compute_ongoing(v):
    values = item_values(v)
    items = []
    for item in fig.select(phase="ongoing"):
        value = values[item.id]
        items.append(
            {
                "id": item.id,
                "label": item.label,
                "approach": item.approach,
                "period": item.period,
                "low": item.low,
                "high": item.high,
                "value": value,
                "monthly": item.monthly(value),
            }
        )
    ft_m, pe_m = fig.monthly_total(FT, values), fig.monthly_total(PE, values)
    ft_pub = fig.monthly_total_as_published(FT, values)
    pe_pub = fig.monthly_total_as_published(PE, values)
    return {
        "ft_monthly": ft_m,
        "pe_monthly": pe_m,
        "ft_annual": 12 * ft_m,
        "pe_annual": 12 * pe_m,
        "difference_monthly": ft_m - pe_m,
        "ratio": ratio(ft_m, pe_m),
        "ft_monthly_as_published": ft_pub,
        "pe_monthly_as_published": pe_pub,
        "ratio_as_published": ratio(ft_pub, pe_pub),
        "items": items,
    }


ONGOING_COSTS = Calculator(
    id="ongoing_costs",
    title="Running costs",
    question="What does each approach cost to run, per month and per year, with every item "
    "brought to the same period?",
    page="ongoing-costs.md",
    fields=(RANGE, *item_fields("ongoing", advanced=False)),
    outputs=(
        Output("ft_monthly", "Fine-tuning, per month", "money"),
        Output("pe_monthly", "Prompt engineering, per month", "money"),
        Output("ft_annual", "Fine-tuning, per year", "money"),
        Output("pe_annual", "Prompt engineering, per year", "money"),
        Output("difference_monthly", "Difference per month", "money"),
        Output("ratio", "Fine-tuning costs this many times as much", "ratio"),
        Output(
            "ft_monthly_as_published",
            "Fine-tuning per month, added as the article did",
            "money",
            help="Counts the quarterly retraining figure as if it were monthly.",
        ),
        Output(
            "pe_monthly_as_published",
            "Prompt engineering per month, added as the article did",
            "money",
        ),
        Output("ratio_as_published", "Ratio, added as the article did", "ratio"),
        Output(
            "items",
            "Items per month",
            "table",
            columns=(*_ITEM_COLUMNS, ("monthly", "Per month", "money")),
        ),
    ),
    formula=(
        "monthly(item) = value / months in its period (month 1, quarter 3, year 12)",
        "ft_monthly, pe_monthly = sum of monthly(item); annual = 12 * monthly",
        "as published = sum of the values as printed, whatever their period",
    ),
    compute=compute_ongoing,
)


# --------------------------------------------------------------------------- prompt tax


def compute_prompt_tax(v):
    c = costs(v)
    values = c["values"]
    per_million = 1_000_000
    pe_per_request = (
        v["pe_input_tokens"] * v["pe_input_price"] + v["output_tokens"] * v["pe_output_price"]
    ) / per_million
    ft_per_request = (
        v["ft_input_tokens"] * v["ft_input_price"] + v["output_tokens"] * v["ft_output_price"]
    ) / per_million
    requests = v["requests_per_month"]
    pe_inference, ft_inference = pe_per_request * requests, ft_per_request * requests
    if v["include_other_running_costs"]:
        ft_other = c["ft_monthly"] - values["ft_hosting_inference"]
        pe_other = c["pe_monthly"] - values["pe_api_usage"]
    else:
        ft_other = pe_other = 0.0
    other_gap = ft_other - pe_other
    saving_per_request = pe_per_request - ft_per_request
    monthly_saving = (pe_inference - ft_inference) - other_gap
    upfront = v["fine_tune_upfront"]
    if upfront is None:
        upfront = c["ft_initial"] - c["pe_initial"]
    if other_gap <= 0:
        break_even_requests = 0.0
    elif saving_per_request > 0:
        break_even_requests = other_gap / saving_per_request
    else:
        break_even_requests = None
    return {
        "pe_cost_per_request": pe_per_request,
        "ft_cost_per_request": ft_per_request,
        "saving_per_request": saving_per_request,
        "pe_monthly_inference": pe_inference,
        "ft_monthly_inference": ft_inference,
        "other_running_gap_monthly": other_gap,
        "monthly_saving": monthly_saving,
        "fine_tune_upfront": upfront,
        "payback_months": payback(upfront, monthly_saving),
        "break_even_requests_per_month": break_even_requests,
    }


def _tokens(name, label, default, why, help):
    return Field(
        name,
        label,
        "tokens",
        default,
        kind="integer",
        maximum=10_000_000,
        source="illustrative",
        why=why,
        help=help,
    )


def _price(name, label, default, why):
    return Field(
        name,
        label,
        "money_per_million_tokens",
        default,
        maximum=100_000,
        source="illustrative",
        why=why,
        step=0.01,
        help="Price per million tokens. Enter your provider's list price.",
    )


PROMPT_TAX = Calculator(
    id="prompt_tax",
    title="The prompt tax",
    question="At my volume, do the long prompts of prompt engineering cost more than a "
    "fine-tuned model with short prompts, and how soon would the fine-tune pay back?",
    page="approaches.md",
    fields=(
        RANGE,
        Field(
            "requests_per_month",
            "Requests per month",
            "count",
            5_000_000,
            kind="integer",
            maximum=1e11,
            source="illustrative",
            why="a busy customer-facing assistant, about 170,000 requests a day",
            help="How many model calls the task makes in a month.",
        ),
        _tokens(
            "pe_input_tokens",
            "Input tokens per request, prompted",
            2_000,
            "instructions plus a handful of worked examples",
            "The prompt sent with every request: instructions, examples, context.",
        ),
        _tokens(
            "ft_input_tokens",
            "Input tokens per request, fine-tuned",
            200,
            "the fine-tune has learned the instructions; only the task remains",
            "A fine-tuned model needs only the task itself in the prompt.",
        ),
        _tokens(
            "output_tokens",
            "Output tokens per request",
            300,
            "a short answer of a few paragraphs",
            "The answer length, the same for both approaches.",
        ),
        _price(
            "pe_input_price",
            "Base model, input price",
            2.50,
            "in the range of mid-tier hosted model list prices in 2025",
        ),
        _price(
            "pe_output_price",
            "Base model, output price",
            10.00,
            "in the range of mid-tier hosted model list prices in 2025",
        ),
        _price(
            "ft_input_price",
            "Fine-tuned model, input price",
            3.75,
            "hosted fine-tuned models are usually billed above the base model; 1.5x here",
        ),
        _price(
            "ft_output_price",
            "Fine-tuned model, output price",
            15.00,
            "hosted fine-tuned models are usually billed above the base model; 1.5x here",
        ),
        Field(
            "include_other_running_costs",
            "Count the article's other running costs",
            "flag",
            True,
            kind="boolean",
            help="On: the fine-tune must also cover its retraining, monitoring and support, "
            "less prompt refinement, versioning and oversight (the article's figures "
            "at the range position). Off: compare inference alone.",
        ),
        money(
            "fine_tune_upfront",
            "Extra up-front cost of the fine-tune",
            None,
            help="Leave empty to use the article's initial-investment gap at the range position.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output("pe_cost_per_request", "Prompted, cost per request", "money"),
        Output("ft_cost_per_request", "Fine-tuned, cost per request", "money"),
        Output("pe_monthly_inference", "Prompted, inference per month", "money"),
        Output("ft_monthly_inference", "Fine-tuned, inference per month", "money"),
        Output(
            "other_running_gap_monthly", "Other running costs, fine-tuning minus prompting", "money"
        ),
        Output("monthly_saving", "Net monthly saving of the fine-tune", "money"),
        Output("fine_tune_upfront", "Extra up-front cost to repay", "money"),
        Output(
            "payback_months",
            "Fine-tune pays back in (months)",
            "months",
            help="Empty when it never pays back.",
        ),
        Output(
            "break_even_requests_per_month",
            "Requests per month at which the saving covers the other running costs",
            "count",
        ),
        Output("saving_per_request", "Saving per request", "money"),
    ),
    formula=(
        "cost_per_request = (input_tokens * input_price + output_tokens * output_price) / 1e6",
        "monthly_inference = cost_per_request * requests_per_month",
        "other gap = (ft_monthly - ft_hosting_inference) - (pe_monthly - pe_api_usage), or 0",
        "monthly_saving = pe_monthly_inference - ft_monthly_inference - other gap",
        "payback_months = fine_tune_upfront / monthly_saving (never if the saving is not "
        "positive); the default upfront is ft_initial - pe_initial",
    ),
    compute=compute_prompt_tax,
)


# --------------------------------------------------------------------------- quality

QUALITY_DEFAULTS = {
    "tasks_per_month": 10_000,
    "pe_accuracy": 0.90,
    "ft_accuracy": 0.95,
    "cost_per_error": 40.0,
}


def error_savings(tasks_per_month, pe_accuracy, ft_accuracy, cost_per_error):
    """Monthly value of the errors the fine-tune avoids.

    >>> round(error_savings(**QUALITY_DEFAULTS), 6)
    20000.0
    """
    return tasks_per_month * (ft_accuracy - pe_accuracy) * cost_per_error


def compute_quality(v):
    c = costs(v)
    tasks, cost_per_error = v["tasks_per_month"], v["cost_per_error"]
    pe_errors = tasks * (1 - v["pe_accuracy"])
    ft_errors = tasks * (1 - v["ft_accuracy"])
    avoided = pe_errors - ft_errors
    pe_effective = c["pe_monthly"] + pe_errors * cost_per_error
    ft_effective = c["ft_monthly"] + ft_errors * cost_per_error
    upfront = c["ft_initial"] - c["pe_initial"]
    gap = c["ft_monthly"] - c["pe_monthly"]
    if gap <= 0:
        break_even = 0.0
    elif avoided > 0:
        break_even = gap / avoided
    else:
        break_even = None
    return {
        "pe_errors_per_month": pe_errors,
        "ft_errors_per_month": ft_errors,
        "errors_avoided_per_month": avoided,
        "pe_effective_monthly": pe_effective,
        "ft_effective_monthly": ft_effective,
        "monthly_saving": pe_effective - ft_effective,
        "upfront_gap": upfront,
        "payback_months": payback(upfront, pe_effective - ft_effective),
        "break_even_cost_per_error": break_even,
    }


QUALITY = Calculator(
    id="quality",
    title="The value of accuracy",
    question="Once errors have a price, what does each approach really cost per month, and "
    "does the fine-tune's higher accuracy pay for it?",
    page="performance-quality.md",
    fields=(
        RANGE,
        Field(
            "tasks_per_month",
            "Tasks per month",
            "count",
            QUALITY_DEFAULTS["tasks_per_month"],
            kind="integer",
            maximum=1e11,
            source="illustrative",
            why="a mid-sized document or ticket workflow",
            help="How many tasks the model handles in a month.",
        ),
        share(
            "pe_accuracy",
            "Accuracy with prompting",
            QUALITY_DEFAULTS["pe_accuracy"],
            source="illustrative",
            why="the article gives no figure; 90% is a plausible prompted baseline",
            help="Share of tasks done right, from 0 to 1 (0.9 = 90%).",
        ),
        share(
            "ft_accuracy",
            "Accuracy with the fine-tune",
            QUALITY_DEFAULTS["ft_accuracy"],
            source="illustrative",
            why="the article says fine-tuning is more accurate on domain tasks; 5 points "
            "better here",
            help="Share of tasks done right, from 0 to 1.",
        ),
        money(
            "cost_per_error",
            "Cost of one error",
            QUALITY_DEFAULTS["cost_per_error"],
            source="illustrative",
            why="roughly half an hour of staff time to catch and redo a wrong answer",
            help="Rework, escalation, refunds: what one wrong answer costs you.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output("pe_effective_monthly", "Prompted, per month with errors", "money"),
        Output("ft_effective_monthly", "Fine-tuned, per month with errors", "money"),
        Output("monthly_saving", "Monthly saving of the fine-tune", "money"),
        Output(
            "payback_months",
            "Fine-tune pays back in (months)",
            "months",
            help="Empty when it never pays back.",
        ),
        Output(
            "break_even_cost_per_error",
            "Cost per error at which running costs match",
            "money",
            help="Above this, the fine-tune is cheaper to run each month.",
        ),
        Output("errors_avoided_per_month", "Errors avoided per month", "count"),
        Output("pe_errors_per_month", "Errors per month, prompted", "count"),
        Output("ft_errors_per_month", "Errors per month, fine-tuned", "count"),
        Output("upfront_gap", "Extra up-front cost of the fine-tune", "money"),
    ),
    formula=(
        "errors = tasks_per_month * (1 - accuracy)",
        "effective_monthly = monthly running cost + errors * cost_per_error",
        "payback_months = (ft_initial - pe_initial) / (pe_effective - ft_effective)",
        "break_even_cost_per_error = (ft_monthly - pe_monthly) / errors avoided",
    ),
    compute=compute_quality,
)


# --------------------------------------------------------------------------- scaling


def scaling_parts(v):
    """Fixed, per-use-case and per-change costs of both approaches over the horizon."""
    x = item_values(v)
    staff = v["build_phase_staff_months"] / 12
    horizon = v["horizon_months"]
    changes = v["changes_per_year"] * horizon / 12
    ft_per_change = x["ft_retraining"]  # one retraining = one quarter's figure
    pe_per_change = 3 * x["pe_prompt_refinement"]  # one quarter of prompt refinement
    return {
        FT: {
            "fixed": x["ft_expert_personnel"] * staff
            + x["ft_tools_infrastructure"]
            + horizon * x["ft_support"],
            "per_use_case": x["ft_data_preparation"]
            + x["ft_training_compute"]
            + horizon * (x["ft_hosting_inference"] + x["ft_monitoring"])
            + changes * ft_per_change,
            "per_change": ft_per_change,
        },
        PE: {
            "fixed": x["pe_prompt_development"] * staff
            + x["pe_prompt_tools"]
            + horizon * (x["pe_versioning"] + x["pe_expert_oversight"]),
            "per_use_case": x["pe_testing_refinement"]
            + horizon * x["pe_api_usage"]
            + changes * pe_per_change,
            "per_change": pe_per_change,
        },
    }


def compute_scaling(v):
    parts = scaling_parts(v)
    ft, pe = parts[FT], parts[PE]

    def total(p, n):
        return p["fixed"] + n * p["per_use_case"]

    series = [
        {"use_cases": n, "ft": total(ft, n), "pe": total(pe, n)}
        for n in range(1, v["use_cases"] + 1)
    ]
    fixed_gap = ft["fixed"] - pe["fixed"]
    slope_gap = ft["per_use_case"] - pe["per_use_case"]
    if fixed_gap + slope_gap <= 0:
        crossover = 1
    elif slope_gap < 0:
        crossover = max(1, math.ceil(fixed_gap / -slope_gap))
        while fixed_gap + slope_gap * crossover > 0:  # guard against rounding
            crossover += 1
    else:
        crossover = None
    return {
        "ft_total": series[-1]["ft"],
        "pe_total": series[-1]["pe"],
        "difference": series[-1]["ft"] - series[-1]["pe"],
        "ft_per_use_case": ft["per_use_case"],
        "pe_per_use_case": pe["per_use_case"],
        "ft_cost_per_change": ft["per_change"],
        "pe_cost_per_change": pe["per_change"],
        "crossover_use_cases": crossover,
        "series": series,
    }


SCALING = Calculator(
    id="scaling",
    title="Scaling to more use cases",
    question="As use cases and requirement changes multiply, how do the two approaches' "
    "costs grow?",
    page="scalability.md",
    fields=(
        RANGE,
        Field(
            "use_cases",
            "Use cases",
            "count",
            5,
            kind="integer",
            minimum=1,
            maximum=200,
            source="illustrative",
            why="a team with a handful of distinct tasks",
            help="Distinct tasks, each needing its own fine-tuned model or its own prompts.",
        ),
        Field(
            "changes_per_year",
            "Requirement changes per year",
            "count",
            4,
            maximum=365,
            help="Each change means one retraining per fine-tuned model, or a quarter's "
            "worth of prompt refinement per prompted use case. 4 matches the "
            "article's quarterly retraining.",
        ),
        HORIZON,
        STAFF_MONTHS,
    ),
    outputs=(
        Output("ft_total", "Fine-tuning, total for all use cases", "money"),
        Output("pe_total", "Prompt engineering, total for all use cases", "money"),
        Output("difference", "Difference (fine-tuning minus prompt engineering)", "money"),
        Output("ft_per_use_case", "Fine-tuning, each added use case", "money"),
        Output("pe_per_use_case", "Prompt engineering, each added use case", "money"),
        Output("ft_cost_per_change", "Fine-tuning, one change (per model)", "money"),
        Output("pe_cost_per_change", "Prompt engineering, one change (per use case)", "money"),
        Output(
            "crossover_use_cases",
            "Fine-tuning becomes cheaper at use cases",
            "count",
            help="Empty when it never does.",
        ),
        Output(
            "series",
            "Total cost by number of use cases",
            "series",
            columns=(
                ("use_cases", "Use cases", "count"),
                ("ft", "Fine-tuning", "money"),
                ("pe", "Prompt engineering", "money"),
            ),
        ),
    ),
    formula=(
        "shared: staff (build phase) and tools up front; support (fine-tuning) or versioning "
        "and oversight (prompting) every month",
        "per use case, fine-tuning: data preparation, training, its own hosting and "
        "monitoring, and one retraining per change",
        "per use case, prompting: testing, its own API usage, and three months of prompt "
        "refinement per change",
        "total(n) = shared + n * per use case; with 1 use case and 4 changes a year this "
        "equals the overview's totals",
    ),
    compute=compute_scaling,
)


# --------------------------------------------------------------------------- decision

EXAMPLES_NEEDED = 1_000  # the article: "typically 1,000+ examples"

_FT_CRITERIA = (
    ("high_accuracy_critical", "High accuracy is critical to the business"),
    ("ml_expertise", "Dedicated ML expertise is on staff"),
    ("high_volume", "High-volume tasks need consistent performance"),
    ("long_term_use_case", "Long-term commitment to one specific use case"),
)
_PE_CRITERIA = (
    ("rapid_prototyping", "Rapid prototyping and experimentation come first"),
    ("limited_resources", "Technical resources are limited"),
    ("changing_requirements", "Requirements change often"),
    ("budget_limited", "Budget limits the upfront investment"),
    ("diverse_use_cases", "Many diverse use cases must be supported"),
)


def _flag(name, label, help):
    return Field(name, label, "flag", False, kind="boolean", help=help)


def compute_decision(v):
    c = costs(v)
    data_ok = v["training_examples"] >= EXAMPLES_NEEDED
    ft_met = [label for name, label in _FT_CRITERIA if v[name]]
    if data_ok:
        ft_met.insert(
            1,
            f"Enough training data ({v['training_examples']:,} examples; "
            f"typically {EXAMPLES_NEEDED:,}+ are needed)",
        )
    pe_met = [label for name, label in _PE_CRITERIA if v[name]]
    budget = v["upfront_budget"]
    over_budget = budget is not None and budget < c["ft_initial"]
    if over_budget and not v["budget_limited"]:
        pe_met.append(
            f"Upfront budget {budget:,.0f} is below fine-tuning's initial "
            f"investment of {c['ft_initial']:,.0f}"
        )
    margin = len(ft_met) - len(pe_met)
    reasons = [
        f"Fine-tuning criteria met: {len(ft_met)} of {len(_FT_CRITERIA) + 1}",
        f"Prompt engineering criteria met: {len(pe_met)} of {len(_PE_CRITERIA)}",
    ]
    if margin >= 2 and data_ok:
        recommendation = FT
        reasons.append("Fine-tuning criteria clearly outweigh the others")
    elif margin >= 2:
        recommendation = "hybrid"
        reasons.append(
            f"Fine-tuning criteria dominate, but with fewer than "
            f"{EXAMPLES_NEEDED:,} examples: start with prompts while you "
            "collect training data"
        )
    elif len(ft_met) >= 2 and margin >= -1:
        recommendation = "hybrid"
        reasons.append(
            "Strong criteria on both sides: prompts for the varied work, a "
            "fine-tune for the stable high-volume core"
        )
    else:
        recommendation = PE
        reasons.append("Not enough fine-tuning criteria to justify its higher upfront cost")
    reasons.append(
        f"Initial investment at the range position: fine-tuning "
        f"{c['ft_initial']:,.0f} vs prompt engineering {c['pe_initial']:,.0f}"
    )
    return {
        "recommendation": recommendation,
        "reasons": reasons,
        "ft_criteria_met": ft_met,
        "pe_criteria_met": pe_met,
        "ft_score": len(ft_met),
        "pe_score": len(pe_met),
    }


DECISION = Calculator(
    id="decision",
    title="Which approach fits",
    question="Given my organisation's situation, which approach do the article's criteria "
    "point to, and why?",
    page="when-to-choose.md",
    fields=(
        _flag(
            "high_accuracy_critical",
            _FT_CRITERIA[0][1],
            "Errors are expensive or unacceptable in this task.",
        ),
        Field(
            "training_examples",
            "Labelled training examples available",
            "count",
            0,
            kind="integer",
            maximum=1e9,
            help=f"The article puts the usual minimum at {EXAMPLES_NEEDED:,}.",
        ),
        _flag(
            "ml_expertise",
            _FT_CRITERIA[1][1],
            "ML engineers or data scientists you can dedicate to training and maintaining a model.",
        ),
        _flag(
            "high_volume", _FT_CRITERIA[2][1], "Many similar requests where consistency matters."
        ),
        _flag(
            "long_term_use_case", _FT_CRITERIA[3][1], "The task will stay much the same for years."
        ),
        _flag("rapid_prototyping", _PE_CRITERIA[0][1], "You are still finding out what works."),
        _flag(
            "limited_resources", _PE_CRITERIA[1][1], "Little engineering capacity for model work."
        ),
        _flag(
            "changing_requirements",
            _PE_CRITERIA[2][1],
            "The task's rules or outputs shift every few months.",
        ),
        _flag("budget_limited", _PE_CRITERIA[3][1], "The money available up front is tight."),
        _flag("diverse_use_cases", _PE_CRITERIA[4][1], "One model serving many different tasks."),
        money(
            "upfront_budget",
            "Upfront budget (optional)",
            None,
            help="If set and below fine-tuning's initial investment at the range "
            "position, the budget counts as a constraint.",
        ),
        RANGE,
    ),
    outputs=(
        Output("recommendation", "Recommendation", "text"),
        Output("reasons", "Why", "list"),
        Output("ft_score", "Fine-tuning criteria met (count)", "count"),
        Output("pe_score", "Prompt engineering criteria met (count)", "count"),
        Output("ft_criteria_met", "Fine-tuning criteria met", "list"),
        Output("pe_criteria_met", "Prompt engineering criteria met", "list"),
    ),
    formula=(
        "score each side: one point per criterion of the article that holds (for fine-tuning, "
        f"{EXAMPLES_NEEDED:,}+ training examples is one)",
        "fine-tuning if its score leads by 2 or more and the data is there; hybrid if it "
        "leads by 2 without the data, or if both sides are strong (fine-tuning 2+, within 1)",
        "prompt engineering otherwise",
    ),
    compute=compute_decision,
)


# --------------------------------------------------------------------------- hybrid


def compute_hybrid(v):
    c = costs(v)
    horizon, share_pe = v["horizon_months"], v["pe_share_after_switch"]
    switch = v["switch_month"]
    if switch > horizon:
        raise HYBRID.field("switch_month").error(
            f"must not be after the horizon ({horizon} months)"
        )
    benefit = [
        v["ft_monthly_benefit"] * (1 + v["benefit_growth_per_month"]) ** (m - 1)
        for m in range(1, horizon + 1)
    ]
    pe_m, ft_m = c["pe_monthly"], c["ft_monthly"]
    after = [ft_m + share_pe * pe_m - b for b in benefit]

    pe_only = [c["pe_initial"] + m * pe_m for m in range(horizon + 1)]
    ft_only = [c["ft_initial"]]
    for b in benefit:
        ft_only.append(ft_only[-1] + ft_m - b)
    # suffix[m] = cost of months m+1..horizon on the hybrid, after a switch at month m
    suffix = [0.0] * (horizon + 1)
    for m in range(horizon - 1, -1, -1):
        suffix[m] = suffix[m + 1] + after[m]

    def total(s):
        return c["pe_initial"] + s * pe_m + c["ft_initial"] + suffix[s]

    def cumulative(s):
        rows, running = [], c["pe_initial"] + (c["ft_initial"] if s == 0 else 0.0)
        rows.append(running)
        for m in range(1, horizon + 1):
            running += pe_m if m <= s else after[m - 1]
            if m == s:
                running += c["ft_initial"]
            rows.append(running)
        return rows

    totals = [total(s) for s in range(horizon)]
    best = min(range(horizon), key=lambda s: (totals[s], s))
    never = pe_only[-1] <= totals[best]
    hybrid = cumulative(switch)
    return {
        "pe_only_total": pe_only[-1],
        "ft_only_total": ft_only[-1],
        "hybrid_total": hybrid[-1],
        "best_switch_month": None if never else best,
        "best_hybrid_total": pe_only[-1] if never else totals[best],
        "monthly_after_switch": after[switch] if switch < horizon else None,
        "series": [
            {"month": m, "pe_only": pe_only[m], "ft_only": ft_only[m], "hybrid": hybrid[m]}
            for m in range(horizon + 1)
        ],
    }


HYBRID = Calculator(
    id="hybrid",
    title="Start with prompts, switch later",
    question="If I start with prompts and bring in a fine-tune at month M, keeping prompts "
    "for part of the work, what does that cost, and when is the best month to switch?",
    page="hybrid.md",
    fields=(
        RANGE,
        HORIZON,
        Field(
            "switch_month",
            "Switch to the fine-tune at month",
            "months",
            6,
            kind="integer",
            maximum=240,
            help="Months of prompting before the fine-tune goes live (0 = from the start).",
        ),
        share(
            "pe_share_after_switch",
            "Share of work kept on prompts",
            0.2,
            source="illustrative",
            why="diverse, low-volume tasks stay on prompts",
            help="After the switch, prompts keep this share of their running cost for the "
            "varied work the fine-tune does not take over.",
        ),
        money(
            "ft_monthly_benefit",
            "Monthly benefit of the fine-tune",
            round(error_savings(**QUALITY_DEFAULTS), 2),
            source="illustrative",
            why="the error savings at the accuracy calculator's example figures",
            help="What the fine-tune saves each month on the work it takes over (errors "
            "avoided, cheaper inference).",
        ),
        share(
            "benefit_growth_per_month",
            "Growth of that benefit per month",
            0.0,
            help="Monthly growth of volume, and so of the benefit (0.03 = 3% a month).",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output("pe_only_total", "Prompts only, total", "money"),
        Output("ft_only_total", "Fine-tune from the start, total", "money"),
        Output("hybrid_total", "Hybrid at your switch month, total", "money"),
        Output(
            "best_switch_month",
            "Best month to switch",
            "months",
            help="Empty when never switching is cheapest.",
        ),
        Output("best_hybrid_total", "Total at the best switch month", "money"),
        Output(
            "monthly_after_switch",
            "Net cost in the first month after your switch",
            "money",
            help="Empty when the switch comes at the end of the horizon.",
        ),
        Output(
            "series",
            "Cumulative cost by month",
            "series",
            columns=(
                ("month", "Month", "months"),
                ("pe_only", "Prompts only", "money"),
                ("ft_only", "Fine-tune only", "money"),
                ("hybrid", "Hybrid", "money"),
            ),
        ),
    ),
    formula=(
        "benefit(m) = ft_monthly_benefit * (1 + growth)^(m - 1)",
        "before the switch: pe_monthly per month; at the switch: + ft_initial",
        "after: ft_monthly + share * pe_monthly - benefit(m)",
        "best_switch_month = the switch month (0 to horizon - 1) with the lowest total; "
        "never, if prompts only cost no more",
    ),
    compute=compute_hybrid,
)


# --------------------------------------------------------------------------- sovereign

_PREMIUM_ITEMS = (
    "ft_training_compute",
    "ft_tools_infrastructure",
    "ft_hosting_inference",
    "pe_prompt_tools",
    "pe_api_usage",
)


def compute_sovereign(v):
    c = costs(v)
    x, horizon = c["values"], v["horizon_months"]
    options = []
    for approach, prefix in ((FT, "ft"), (PE, "pe")):
        base = c[f"{prefix}_initial"] + horizon * c[f"{prefix}_monthly"]
        infra = 0.0
        for item in fig.select(approach):
            if item.id in _PREMIUM_ITEMS:
                infra += (
                    x[item.id] if item.period == "one_off" else horizon * item.monthly(x[item.id])
                )
        for location in ("offshore", "onshore"):
            premium = v["onshore_premium"] * infra if location == "onshore" else 0.0
            compliance = v[f"{prefix}_compliance_{location}"]
            exposure = v[f"exposure_probability_{location}"] * horizon / 12 * v["exposure_cost"]
            options.append(
                {
                    "id": f"{approach}_{location}",
                    "approach": approach,
                    "location": location,
                    "base": base,
                    "premium": premium,
                    "compliance": compliance,
                    "expected_exposure": exposure,
                    "expected_total": base + premium + compliance + exposure,
                }
            )
    cheapest = min(options, key=lambda o: o["expected_total"])
    return {
        "options": options,
        "cheapest": cheapest["id"],
        "cheapest_total": cheapest["expected_total"],
    }


def _compliance(prefix, location, default, why):
    name = "Fine-tuning" if prefix == "ft" else "Prompt engineering"
    return money(
        f"{prefix}_compliance_{location}",
        f"{name}, compliance cost {location}",
        default,
        source="illustrative",
        why=why,
        help="One-off legal, assessment and contract work for this set-up.",
    )


SOVEREIGN = Calculator(
    id="sovereign",
    title="Onshore or offshore",
    question="For each approach, what does keeping data onshore cost once the premium, "
    "compliance work and the expected cost of a data exposure are counted?",
    page="sovereign-ai.md",
    fields=(
        RANGE,
        HORIZON,
        share(
            "onshore_premium",
            "Onshore price premium",
            0.2,
            source="illustrative",
            why="onshore capacity is scarcer; 20% over offshore list prices here",
            help="Extra paid onshore on compute, hosting, tools and API usage (not "
            "staff); 0.2 = 20%.",
        ),
        _compliance(
            "ft", "offshore", 40_000.0, "cross-border transfer assessments for the training data"
        ),
        _compliance("ft", "onshore", 15_000.0, "local assessments only"),
        _compliance(
            "pe", "offshore", 15_000.0, "the article: prompting has lower upfront compliance costs"
        ),
        _compliance("pe", "onshore", 5_000.0, "the lightest set-up of the four"),
        share(
            "exposure_probability_offshore",
            "Chance of a data exposure per year, offshore",
            0.04,
            source="illustrative",
            why="an assumption for the example; use your risk register",
            help="Yearly probability that data handled offshore is exposed.",
        ),
        share(
            "exposure_probability_onshore",
            "Chance of a data exposure per year, onshore",
            0.02,
            source="illustrative",
            why="half the offshore figure, reflecting the article's reduced exposure",
            help="Yearly probability that data handled onshore is exposed.",
        ),
        money(
            "exposure_cost",
            "Cost of one data exposure",
            500_000.0,
            source="illustrative",
            why="an assumption for the example: notification, remediation, penalties",
            help="What one exposure would cost you in all.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output("cheapest", "Lowest expected total", "text"),
        Output("cheapest_total", "Its expected total", "money"),
        Output(
            "options",
            "Expected total over the horizon",
            "table",
            columns=(
                ("approach", "Approach", "text"),
                ("location", "Where", "text"),
                ("base", "Article costs", "money"),
                ("premium", "Premium", "money"),
                ("compliance", "Compliance", "money"),
                ("expected_exposure", "Expected exposure", "money"),
                ("expected_total", "Expected total", "money"),
            ),
        ),
    ),
    formula=(
        "base = initial + horizon_months * monthly (article figures)",
        "premium (onshore only) = onshore_premium * compute, hosting, tools and API items "
        "over the horizon",
        "expected exposure = yearly probability * horizon_months / 12 * exposure_cost",
        "expected total = base + premium + compliance + expected exposure",
    ),
    compute=compute_sovereign,
)


# --------------------------------------------------------------------------- takeaways


def compute_takeaways(v):
    c = costs(v)
    values = c["values"]
    ft_pub = fig.monthly_total_as_published(FT, values)
    pe_pub = fig.monthly_total_as_published(PE, values)
    initial = ratio(c["ft_initial"], c["pe_initial"])
    ongoing = ratio(c["ft_monthly"], c["pe_monthly"])
    published = ratio(ft_pub, pe_pub)

    def within(value, claim):
        low, high = fig.CLAIMS[claim]
        return value is not None and low <= value <= high

    return {
        "initial_ratio": initial,
        "ongoing_ratio": ongoing,
        "ongoing_ratio_as_published": published,
        "initial_claim_holds": within(initial, "initial_ratio"),
        "ongoing_claim_holds": within(ongoing, "ongoing_ratio"),
        "ongoing_claim_holds_as_published": within(published, "ongoing_ratio"),
    }


TAKEAWAYS = Calculator(
    id="takeaways",
    title="Checking the article's ratios",
    question="Do the article's claims (2-4x the initial investment, 3-5x the running cost) "
    "hold for these figures?",
    page="key-takeaways.md",
    fields=(RANGE, STAFF_MONTHS, *item_fields()),
    outputs=(
        Output("initial_ratio", "Initial investment ratio", "ratio"),
        Output("initial_claim_holds", "Within the claimed 2-4x", "flag"),
        Output("ongoing_ratio", "Running cost ratio (normalised per month)", "ratio"),
        Output("ongoing_claim_holds", "Within the claimed 3-5x", "flag"),
        Output("ongoing_ratio_as_published", "Running cost ratio, added as published", "ratio"),
        Output("ongoing_claim_holds_as_published", "Within 3-5x, as published", "flag"),
    ),
    formula=(
        "initial_ratio = ft_initial / pe_initial; claim: 2 <= ratio <= 4",
        "ongoing_ratio = ft_monthly / pe_monthly (normalised); claim: 3 <= ratio <= 5",
        "as published: the monthly totals added as the article did",
    ),
    compute=compute_takeaways,
)


# --------------------------------------------------------------------------- uncertainty


def break_even_month(start_gap, monthly_gap, horizon):
    """First month at which a gap of ``start_gap`` changing by ``monthly_gap`` a month meets
    or changes sign (as :func:`first_crossing` on the series), else None.

    >>> break_even_month(100, -30, 36), break_even_month(100, 5, 36), break_even_month(0, 5, 36)
    (4, None, 0)
    """
    if start_gap == 0:
        return 0
    if (start_gap > 0) == (monthly_gap < 0) and monthly_gap != 0:
        month = math.ceil(abs(start_gap) / abs(monthly_gap))
        while month > 1 and (start_gap + (month - 1) * monthly_gap > 0) != (start_gap > 0):
            month -= 1  # guard against rounding
        return month if month <= horizon else None
    return None


def percentiles(values):
    """P10, P50 and P90 of ``values``.

    >>> percentiles(list(range(1, 101)))
    (10.9, 50.5, 90.1)
    """
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    return deciles[0], statistics.median(values), deciles[8]


def compute_uncertainty(v):
    rng = random.Random(v["seed"])
    horizon, benefit, runs = v["horizon_months"], v["ft_monthly_benefit"], v["simulations"]
    r, staff = v["range_position"], v["build_phase_staff_months"]
    ft_totals, pe_totals, crossings = [], [], []
    for _ in range(runs):
        values = {i.id: rng.triangular(i.low, i.high, i.at(r)) for i in fig.ITEMS}
        ft_i, pe_i = fig.initial_total(FT, values, staff), fig.initial_total(PE, values, staff)
        ft_m = fig.monthly_total(FT, values) - benefit
        pe_m = fig.monthly_total(PE, values)
        ft_totals.append(ft_i + horizon * ft_m)
        pe_totals.append(pe_i + horizon * pe_m)
        crossings.append(break_even_month(ft_i - pe_i, ft_m - pe_m, horizon))
    gaps = [f - p for f, p in zip(ft_totals, pe_totals, strict=True)]
    crossed = [m for m in crossings if m is not None]
    rows = []
    for label, data in (("Fine-tuning", ft_totals), ("Prompt engineering", pe_totals),
                        ("Difference", gaps)):  # fmt: skip
        p10, p50, p90 = percentiles(data)
        rows.append({"quantity": label, "p10": p10, "p50": p50, "p90": p90})
    return {
        "ft_total_p50": rows[0]["p50"],
        "pe_total_p50": rows[1]["p50"],
        "difference_p10": rows[2]["p10"],
        "difference_p50": rows[2]["p50"],
        "difference_p90": rows[2]["p90"],
        "probability_ft_cheaper": sum(g < 0 for g in gaps) / runs,
        "probability_lines_cross": len(crossed) / runs,
        "break_even_month_p50": statistics.median(crossed) if crossed else None,
        "percentiles": rows,
    }


UNCERTAINTY = Calculator(
    id="uncertainty",
    title="How sure is the answer?",
    question="Every article figure is a range: drawing each one at random within its range, "
    "how wide is the spread of totals, and how often is fine-tuning the cheaper path?",
    page="index.md",
    fields=(
        Field(
            "range_position",
            "Most likely point in each range",
            "share",
            0.5,
            maximum=1,
            step=0.05,
            help="Each item is drawn from a triangular distribution over its article range, "
            "peaking here: 0 = the low end is most likely, 0.5 = the midpoint, 1 = the high end.",
        ),
        HORIZON,
        money(
            "ft_monthly_benefit",
            "Monthly benefit of the fine-tune",
            0.0,
            help="As in the overview: value the fine-tune brings each month, counted against "
            "its cost. 0 compares cost alone.",
        ),
        Field(
            "simulations",
            "Simulated scenarios",
            "count",
            2_000,
            kind="integer",
            minimum=100,
            maximum=20_000,
            help="More scenarios give steadier percentiles and take longer.",
        ),
        Field(
            "seed",
            "Random seed",
            "count",
            1,
            kind="integer",
            maximum=2**31,
            advanced=True,
            help="The same seed gives the same scenarios, so results can be reproduced.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output(
            "probability_ft_cheaper", "Share of scenarios where fine-tuning is cheaper", "share"
        ),
        Output("difference_p50", "Difference, median (fine-tuning minus prompting)", "money"),
        Output("difference_p10", "Difference, P10", "money"),
        Output("difference_p90", "Difference, P90", "money"),
        Output("ft_total_p50", "Fine-tuning total, median", "money"),
        Output("pe_total_p50", "Prompt engineering total, median", "money"),
        Output("probability_lines_cross", "Share of scenarios where the lines cross", "share"),
        Output("break_even_month_p50", "Median crossing month (where they cross)", "months"),
        Output(
            "percentiles",
            "Totals over the horizon",
            "table",
            columns=(
                ("quantity", "", "text"),
                ("p10", "P10", "money"),
                ("p50", "Median", "money"),
                ("p90", "P90", "money"),
            ),
        ),
    ),
    formula=(
        "each scenario: every item ~ triangular(low, high, low + range_position * (high - low))",
        "totals as in the overview; difference = ft_total - pe_total",
        "P10, median and P90 over the scenarios; shares = count / simulations",
        "seeded (random.Random(seed)): the same inputs give the same result",
    ),
    compute=compute_uncertainty,
)


# --------------------------------------------------------------------------- sensitivity


def compute_sensitivity(v):
    horizon, benefit = v["horizon_months"], v["ft_monthly_benefit"]
    staff = v["build_phase_staff_months"]

    def gap(values):
        ft = fig.initial_total(FT, values, staff) + horizon * (
            fig.monthly_total(FT, values) - benefit
        )
        pe = fig.initial_total(PE, values, staff) + horizon * fig.monthly_total(PE, values)
        return ft - pe

    values = item_values(v)
    base = gap(values)
    bars = []
    for item in fig.ITEMS:
        at_low = gap({**values, item.id: item.low})
        at_high = gap({**values, item.id: item.high})
        slope = (at_high - at_low) / (item.high - item.low)  # the gap is linear in each item
        flip = values[item.id] - base / slope if slope else None
        bars.append(
            {
                "id": item.id,
                "label": item.label,
                "approach": item.approach,
                "gap_at_low": at_low,
                "gap_at_high": at_high,
                "swing": abs(at_high - at_low),
                "flip_value": flip if flip is not None and flip >= 0 else None,
                "flip_in_range": flip is not None and item.low <= flip <= item.high,
                "period": item.period,
            }
        )
    bars.sort(key=lambda bar: -bar["swing"])
    return {
        "difference": base,
        "cheaper": cheaper(base, 0.0),
        "most_influential": bars[0]["label"],
        "benefit_to_flip": max(0.0, benefit + base / horizon),
        "flips_within_ranges": sum(bar["flip_in_range"] for bar in bars),
        "bars": bars,
    }


SENSITIVITY = Calculator(
    id="sensitivity",
    title="What moves the answer",
    question="Which of the article's figures move the cost comparison most, and what value "
    "would each need, on its own, to make the two approaches cost the same?",
    page="when-to-choose.md",
    fields=(
        RANGE,
        HORIZON,
        money(
            "ft_monthly_benefit",
            "Monthly benefit of the fine-tune",
            0.0,
            help="As in the overview: value the fine-tune brings each month. 0 compares cost "
            "alone.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output("difference", "Difference over the horizon (fine-tuning minus prompting)", "money"),
        Output("most_influential", "Moves it most", "text"),
        Output(
            "benefit_to_flip",
            "Monthly benefit at which the totals match",
            "money",
            help="The fine-tune's monthly benefit at which both totals are equal.",
        ),
        Output(
            "flips_within_ranges", "Items that could flip it within the article's range", "count"
        ),
        Output(
            "bars",
            "Each item across its article range, largest swing first",
            "table",
            columns=(
                ("label", "Item", "text"),
                ("gap_at_low", "Difference at its low end", "money"),
                ("gap_at_high", "At its high end", "money"),
                ("swing", "Swing", "money"),
                ("flip_value", "Value that equalises", "money"),
                ("period", "Per", "text"),
            ),
        ),
    ),
    formula=(
        "difference = overview's ft_total - pe_total at the range position",
        "for each item: the difference with that item at its low and at its high end, the "
        "others unchanged; swing = |high - low|",
        "value that equalises = value - difference / slope (the difference is linear in each "
        "item); empty if it would have to be negative",
        "benefit at which the totals match = ft_monthly_benefit + difference / horizon_months",
    ),
    compute=compute_sensitivity,
)


# --------------------------------------------------------------------------- registry

CALCULATORS = {
    c.id: c
    for c in (
        OVERVIEW,
        PROMPT_TAX,
        INITIAL_INVESTMENT,
        ONGOING_COSTS,
        QUALITY,
        SCALING,
        DECISION,
        HYBRID,
        SOVEREIGN,
        TAKEAWAYS,
        UNCERTAINTY,
        SENSITIVITY,
    )
}


def lookup(calculator_id):
    """The :class:`Calculator` for ``calculator_id``, or :class:`InputError`."""
    calc = CALCULATORS.get(calculator_id) if isinstance(calculator_id, str) else None
    if calc is None:
        known = ", ".join(CALCULATORS)
        raise InputError(
            None,
            f"unknown calculator {str(calculator_id)[:40]!r}; known: {known}",
            calculator=str(calculator_id)[:40],
        )
    return calc


def calculate(calculator_id, inputs=None):
    """Run one calculator on ``inputs``; return its results as a JSON-safe dict.

    Missing inputs take their defaults; strings (as from a URL) are parsed and validated.
    The result holds every declared output, plus ``inputs`` (the values used) and
    ``figures_as_of``.

    What do the two approaches cost over three years at the article's midpoints?

    >>> r = calculate("overview")
    >>> r["ft_total"], r["pe_total"], r["break_even_month"]
    (751500.0, 252100.0, None)
    >>> calculate("quality", {"pe_accuracy": "1.5"})
    Traceback (most recent call last):
      ...
    calculator.fields.InputError: Accuracy with prompting (pe_accuracy): must be at most 1, got 1.5
    """
    calc = lookup(calculator_id)
    values = parse_inputs(calc.fields, inputs, calc.id)
    try:
        result = calc.compute(values)
    except InputError as err:
        err.calculator = calc.id
        raise
    missing = [o.key for o in calc.outputs if o.key not in result]
    if missing:  # a programming error, not bad input
        raise AssertionError(f"{calc.id} did not compute {missing}")
    return {
        **result,
        "inputs": values,
        "figures_as_of": f"{fig.SOURCE['title']} ({fig.SOURCE['date']})",
    }


def schema():
    """Every calculator with its fields, outputs and formula, plus the article's source.

    >>> list(schema()["calculators"])[:3]
    ['overview', 'prompt_tax', 'initial_investment']
    """
    return {
        "source": dict(fig.SOURCE),
        "labels": dict(TEXT_LABELS),
        "calculators": {cid: calc.as_dict() for cid, calc in CALCULATORS.items()},
    }
