"""The overview: what both approaches cost in total over the reader's horizon, month by
month, and the month their cumulative costs cross (if they do).

A fine-tune's monthly benefit (``ft_monthly_benefit``) is netted off its running cost: the
prompt tax and accuracy calculators carry theirs here (:func:`calculator.shared.carry_benefit`).
"""

from __future__ import annotations

from ..base import Calculator
from ..fields import Column, Output
from ..shared import (
    BENEFIT,
    DIFFERENCE,
    HORIZON,
    RANGE,
    RECURRING_STAFF,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    cheaper,
    costs,
    first_crossing,
    item_fields,
)


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
