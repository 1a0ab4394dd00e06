"""What moves the answer: each article figure across its range, the others unchanged; how
much it swings the cost comparison, and the value at which it alone would close the gap."""

from __future__ import annotations

from .. import figures as fig
from ..base import Calculator
from ..fields import Chart, Column, Output
from ..shared import (
    BENEFIT,
    HORIZON,
    RANGE,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    approach_costs,
    cheaper,
    item_values,
)


def compute_sensitivity(v):
    horizon, benefit = v["horizon_months"], v["ft_monthly_benefit"]
    staff = v["build_phase_staff_months"]

    def gap(values):
        c = approach_costs(values, staff)
        return (c["ft_initial"] - c["pe_initial"]
                + horizon * (c["ft_monthly"] - benefit - c["pe_monthly"]))  # fmt: skip

    values = item_values(v)
    base = gap(values)
    bars = []
    for item in fig.ITEMS:
        low, high = item.low * v["exchange_rate"], item.high * v["exchange_rate"]
        at_low = gap({**values, item.id: low})
        at_high = gap({**values, item.id: high})
        slope = (at_high - at_low) / (high - low)  # the gap is linear in each item
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
                "flip_in_range": flip is not None and low <= flip <= high,
                "period": item.period,
            }
        )
    # largest swing first; equal swings (to ten digits) keep the article's order, whatever
    # the rate's rounding does to the last digits
    bars.sort(key=lambda bar: -float(f"{bar['swing']:.10g}"))
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
        BENEFIT,
        STAFF_MONTHS,
    ),
    outputs=(
        Output(
            key="difference",
            label="Difference over the horizon (fine-tuning minus prompting)",
            unit="money",
            headline=True,
        ),
        Output(key="cheaper", label="Cheaper over the horizon", unit="text"),
        Output(key="most_influential", label="Moves it most", unit="text", headline=True),
        Output(
            key="benefit_to_flip",
            label="Monthly benefit at which the totals match",
            unit="money",
            headline=True,
            help="The fine-tune's monthly benefit at which both totals are equal.",
        ),
        Output(
            key="flips_within_ranges",
            label="Items that could close the gap within the article's range",
            unit="count",
        ),
        Output(
            key="bars",
            label="Each item across its article range, largest swing first",
            unit="table",
            chart=Chart(
                kind="tornado",
                label="label",
                low="gap_at_low",
                high="gap_at_high",
                base="difference",
            ),
            columns=(
                Column(key="label", label="Item", unit="text"),
                Column(key="gap_at_low", label="Difference at its low end", unit="money"),
                Column(key="gap_at_high", label="At its high end", unit="money"),
                Column(key="swing", label="Swing", unit="money"),
                Column(
                    key="flip_value",
                    label="Value that equalises",
                    unit="money",
                    none="not reachable: below zero",
                ),
                Column(key="period", label="Per", unit="text"),
            ),
        ),
    ),
    formula=(
        "difference = overview's ft_total - pe_total at the range position",
        "for each item: the difference with that item at its low and at its high end, the "
        "others unchanged; swing = |high - low|",
        "value that equalises = value - difference / slope (the difference is linear in each "
        "item); not reachable if it would have to be below zero",
        "benefit at which the totals match = ft_monthly_benefit + difference / horizon_months",
    ),
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_sensitivity,
)
