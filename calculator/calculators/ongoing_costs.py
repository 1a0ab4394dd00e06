"""Running costs: each approach per month and per year, with every item brought to the same
period, beside the sums as the article added them (its quarterly retraining as monthly)."""

from __future__ import annotations

from .. import figures as fig
from ..base import Calculator
from ..fields import Column, Output
from ..shared import (
    FT,
    ITEM_COLUMNS,
    PE,
    RANGE,
    RETRAINING_CAVEAT,
    item_fields,
    item_row,
    item_values,
    ratio,
)


def compute_ongoing(v):
    values = item_values(v)
    items = [
        item_row(item, values[item.id], v["exchange_rate"], monthly=item.monthly(values[item.id]))
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
            columns=(*ITEM_COLUMNS, Column(key="monthly", label="Per month", unit="money")),
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
