"""The initial investment: each approach's one-off costs, item by item, with the build
phase's share of the annual staff costs, and how many times more fine-tuning costs."""

from __future__ import annotations

from .. import figures as fig
from ..base import Calculator
from ..fields import Column, Output
from ..shared import (
    DIFFERENCE,
    ITEM_COLUMNS,
    RANGE,
    STAFF_MONTHS,
    costs,
    item_fields,
    item_row,
    ratio,
)


def compute_initial(v):
    c = costs(v)
    staff_months = v["build_phase_staff_months"]
    items = [
        item_row(
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
            columns=(*ITEM_COLUMNS, Column(key="counted", label="Counted up front", unit="money")),
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
