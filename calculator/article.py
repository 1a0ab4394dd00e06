"""Calculators of the article's own arithmetic: totals over time, the initial investment,
running costs, scaling to more use cases, and the article's ratio claims."""

from __future__ import annotations

import math

from . import figures as fig
from .base import Calculator
from .fields import Column, Field, Output
from .shared import (
    BENEFIT,
    DIFFERENCE,
    FT,
    HORIZON,
    PE,
    RANGE,
    RECURRING_STAFF,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    cheaper,
    costs,
    first_crossing,
    item_fields,
    item_values,
    ratio,
)

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
        BENEFIT,
        STAFF_MONTHS,
        RECURRING_STAFF,
        *item_fields(),
    ),
    outputs=(
        Output(
            key="ft_total",
            label="Fine-tuning, total over the horizon",
            unit="money",
            headline=True,
            help="Net of the monthly benefit, if you entered one.",
        ),
        Output(
            key="pe_total",
            label="Prompt engineering, total over the horizon",
            unit="money",
            headline=True,
        ),
        DIFFERENCE,
        Output(key="cheaper", label="Cheaper over the horizon", unit="text", headline=True),
        Output(
            key="break_even_month",
            label="Cumulative costs cross in month",
            unit="months",
            none="never within the horizon",
            headline=True,
        ),
        Output(key="ft_initial", label="Fine-tuning, initial investment", unit="money"),
        Output(key="pe_initial", label="Prompt engineering, initial investment", unit="money"),
        Output(key="ft_monthly", label="Fine-tuning, running cost per month", unit="money"),
        Output(key="pe_monthly", label="Prompt engineering, running cost per month", unit="money"),
        Output(
            key="series",
            label="Cumulative cost by month",
            unit="series",
            columns=(
                Column(key="month", label="Month", unit="months"),
                Column(key="ft", label="Fine-tuning", unit="money"),
                Column(key="pe", label="Prompt engineering", unit="money"),
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
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_overview,
)


# --------------------------------------------------------------------------- initial investment


def _item_row(item, value, rate, **extra):
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


def compute_initial(v):
    c = costs(v)
    staff_months = v["build_phase_staff_months"]
    items = [
        _item_row(
            item,
            c["values"][item.id],
            v["exchange_rate"],
            counted=c["values"][item.id] * staff_months / 12
            if item.staff
            else c["values"][item.id],
        )
        for item in fig.select(phase="initial")
    ]
    return {
        "ft_total": c["ft_initial"],
        "pe_total": c["pe_initial"],
        "difference": c["ft_initial"] - c["pe_initial"],
        "ratio": ratio(c["ft_initial"], c["pe_initial"]),
        "items": items,
    }


_ITEM_COLUMNS = (
    Column(key="label", label="Item", unit="text"),
    Column(key="approach", label="Approach", unit="text"),
    Column(key="value", label="Value", unit="money"),
    Column(key="period", label="Per", unit="text"),
)

INITIAL_INVESTMENT = Calculator(
    id="initial_investment",
    title="Initial investment",
    question="What does each approach cost before it goes live, item by item?",
    page="initial-investment.md",
    fields=(RANGE, STAFF_MONTHS, *item_fields("initial", advanced=False)),
    outputs=(
        Output(
            key="ft_total", label="Fine-tuning, initial investment", unit="money", headline=True
        ),
        Output(
            key="pe_total",
            label="Prompt engineering, initial investment",
            unit="money",
            headline=True,
        ),
        DIFFERENCE,
        Output(
            key="ratio",
            label="Fine-tuning costs this many times as much",
            unit="ratio",
            headline=True,
        ),
        Output(
            key="items",
            label="Items as counted",
            unit="table",
            columns=(*_ITEM_COLUMNS, Column(key="counted", label="Counted up front", unit="money")),
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
    items = [
        _item_row(item, values[item.id], v["exchange_rate"], monthly=item.monthly(values[item.id]))
        for item in fig.select(phase="ongoing")
    ]
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
        Output(key="ft_monthly", label="Fine-tuning, per month", unit="money", headline=True),
        Output(
            key="pe_monthly", label="Prompt engineering, per month", unit="money", headline=True
        ),
        Output(key="ft_annual", label="Fine-tuning, per year", unit="money"),
        Output(key="pe_annual", label="Prompt engineering, per year", unit="money"),
        Output(key="difference_monthly", label="Difference per month", unit="money"),
        Output(
            key="ratio",
            label="Fine-tuning costs this many times as much",
            unit="ratio",
            headline=True,
        ),
        Output(
            key="ft_monthly_as_published",
            label="Fine-tuning per month, added as the article did",
            unit="money",
            help="Counts the quarterly retraining figure as if it were monthly.",
        ),
        Output(
            key="pe_monthly_as_published",
            label="Prompt engineering per month, added as the article did",
            unit="money",
        ),
        Output(key="ratio_as_published", label="Ratio, added as the article did", unit="ratio"),
        Output(
            key="items",
            label="Items per month",
            unit="table",
            columns=(*_ITEM_COLUMNS, Column(key="monthly", label="Per month", unit="money")),
        ),
    ),
    formula=(
        "monthly(item) = value / months in its period (month 1, quarter 3, year 12)",
        "ft_monthly, pe_monthly = sum of monthly(item); annual = 12 * monthly",
        "as published = sum of the values as printed, whatever their period",
    ),
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_ongoing,
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
            name="use_cases",
            label="Use cases",
            unit="count",
            default=5,
            kind="integer",
            minimum=1,
            maximum=200,
            source="illustrative",
            why="a team with a handful of distinct tasks",
            help="Distinct tasks, each needing its own fine-tuned model or its own prompts.",
        ),
        Field(
            name="changes_per_year",
            label="Requirement changes per year",
            unit="count",
            default=4,
            maximum=365,
            help="Each change means one retraining per fine-tuned model, or a quarter's "
            "worth of prompt refinement per prompted use case. 4 matches the "
            "article's quarterly retraining.",
        ),
        HORIZON,
        STAFF_MONTHS,
    ),
    outputs=(
        Output(
            key="ft_total",
            label="Fine-tuning, total for all use cases",
            unit="money",
            headline=True,
        ),
        Output(
            key="pe_total",
            label="Prompt engineering, total for all use cases",
            unit="money",
            headline=True,
        ),
        DIFFERENCE,
        Output(key="ft_per_use_case", label="Fine-tuning, each added use case", unit="money"),
        Output(
            key="pe_per_use_case", label="Prompt engineering, each added use case", unit="money"
        ),
        Output(key="ft_cost_per_change", label="Fine-tuning, one change (per model)", unit="money"),
        Output(
            key="pe_cost_per_change",
            label="Prompt engineering, one change (per use case)",
            unit="money",
        ),
        Output(
            key="crossover_use_cases",
            label="Number of use cases at which fine-tuning becomes cheaper",
            unit="count",
            none="never: each use case adds more to fine-tuning",
            headline=True,
        ),
        Output(
            key="series",
            label="Total cost by number of use cases",
            unit="series",
            columns=(
                Column(key="use_cases", label="Use cases", unit="count"),
                Column(key="ft", label="Fine-tuning", unit="money"),
                Column(key="pe", label="Prompt engineering", unit="money"),
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
        Output(key="initial_ratio", label="Initial investment ratio", unit="ratio", headline=True),
        Output(key="initial_claim_holds", label="Within the claimed 2–4×", unit="flag"),
        Output(
            key="ongoing_ratio",
            label="Running cost ratio (normalised per month)",
            unit="ratio",
            headline=True,
        ),
        Output(
            key="ongoing_claim_holds", label="Within the claimed 3–5×", unit="flag", headline=True
        ),
        Output(
            key="ongoing_ratio_as_published",
            label="Running cost ratio, added as published",
            unit="ratio",
        ),
        Output(
            key="ongoing_claim_holds_as_published", label="Within 3–5×, as published", unit="flag"
        ),
    ),
    formula=(
        "initial_ratio = ft_initial / pe_initial; claim: 2 <= ratio <= 4",
        "ongoing_ratio = ft_monthly / pe_monthly (normalised); claim: 3 <= ratio <= 5",
        "as published: the monthly totals added as the article did",
    ),
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_takeaways,
)

__all__ = ["INITIAL_INVESTMENT", "ONGOING_COSTS", "OVERVIEW", "SCALING", "TAKEAWAYS"]
