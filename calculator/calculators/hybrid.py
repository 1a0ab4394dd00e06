"""Start with prompts, switch later: the cost of bringing in a fine-tune at a given month,
keeping prompts for part of the work, against prompts alone and a fine-tune from the start,
and the best month to switch.

Its default monthly benefit is the accuracy calculator's at that calculator's example
figures (:mod:`calculator.calculators.quality`)."""

from __future__ import annotations

from ..base import Calculator
from ..fields import Check, Column, Field, Output
from ..shared import (
    HORIZON,
    RANGE,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    costs,
    money,
    share,
)
from .quality import QUALITY_DEFAULTS, error_savings


def compute_hybrid(v):
    c = costs(v)
    horizon, share_pe = v["horizon_months"], v["pe_share_after_switch"]
    switch = v["switch_month"]  # at most the horizon (SWITCH_WITHIN_HORIZON)
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
    best_total = pe_only[-1] if never else totals[best]
    paths = (
        ("prompts_only", pe_only[-1]),
        ("hybrid_best", best_total),
        ("fine_tune_only", ft_only[-1]),
    )
    cheapest, cheapest_total = min(paths, key=lambda p: p[1])
    hybrid = cumulative(switch)
    return {
        "pe_only_total": pe_only[-1],
        "ft_only_total": ft_only[-1],
        "hybrid_total": hybrid[-1],
        "best_switch_month": None if never else best,
        "best_hybrid_total": best_total,
        "cheapest_path": cheapest,
        "cheapest_total": cheapest_total,
        "monthly_after_switch": after[switch] if switch < horizon else None,
        "series": [
            {"month": m, "pe_only": pe_only[m], "ft_only": ft_only[m], "hybrid": hybrid[m]}
            for m in range(horizon + 1)
        ],
    }


#: The fine-tune goes live at the end of the horizon at the latest.
SWITCH_WITHIN_HORIZON = Check(
    field="switch_month",
    holds=lambda v: v["switch_month"] <= v["horizon_months"],
    reason="must not be after the horizon ({horizon_months} months)",
)

HYBRID = Calculator(
    id="hybrid",
    title="Start with prompts, switch later",
    question="If I start with prompts and bring in a fine-tune at month M, keeping prompts "
    "for part of the work, what does that cost, and is it cheaper than prompts alone or a "
    "fine-tune from the start?",
    page="hybrid.md",
    fields=(
        RANGE,
        HORIZON,
        Field(
            name="switch_month",
            label="Switch to the fine-tune at month",
            unit="months",
            default=6,
            kind="integer",
            maximum=240,
            help="Months of prompting before the fine-tune goes live (0 = from the start, "
            "with prompting's set-up still paid for the work that stays on prompts).",
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
            why="the monthly benefit to carry from the accuracy calculator at its example figures",
            help="What the fine-tune earns back each month against the article's running "
            "costs (the 'Monthly benefit to carry' of the prompt tax and accuracy "
            "calculators), counted from the switch on.",
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
        Output(key="cheapest_path", label="Cheapest path", unit="text", headline=True),
        Output(
            key="cheapest_total",
            label="Its total, net of the benefit",
            unit="money",
            headline=True,
        ),
        Output(
            key="hybrid_total",
            label="Hybrid at your switch month, total net of the benefit",
            unit="money",
            headline=True,
        ),
        Output(key="pe_only_total", label="Prompts only, total", unit="money"),
        Output(
            key="ft_only_total",
            label="Fine-tune from the start, total net of the benefit",
            unit="money",
        ),
        Output(
            key="best_switch_month",
            label="Best month to switch, starting with prompts",
            unit="months",
            none="never: prompts alone cost less",
        ),
        Output(
            key="best_hybrid_total",
            label="Total at that month, net of the benefit",
            unit="money",
        ),
        Output(
            key="monthly_after_switch",
            label="First month after your switch: running cost less the benefit",
            unit="money",
            none="none: the switch comes at the end of the horizon",
            help="Below zero, the benefit is larger than what the month costs.",
        ),
        Output(
            key="series",
            label="Cumulative cost by month, net of the benefit",
            unit="series",
            columns=(
                Column(key="month", label="Month", unit="months"),
                Column(key="pe_only", label="Prompts only", unit="money"),
                Column(key="ft_only", label="Fine-tune only", unit="money"),
                Column(key="hybrid", label="Hybrid", unit="money"),
            ),
        ),
    ),
    formula=(
        "benefit(m) = ft_monthly_benefit * (1 + growth)^(m - 1)",
        "hybrid: pe_initial at month 0; pe_monthly a month before the switch; ft_initial at "
        "the switch; after it, ft_monthly + share * pe_monthly - benefit(m)",
        "fine-tune only: ft_initial at month 0, then ft_monthly - benefit(m) a month",
        "best_switch_month = the switch month (0 to horizon - 1) with the lowest hybrid "
        "total; never, if prompts only cost no more",
        "cheapest_path = the lowest of prompts only, the hybrid at its best month, and the "
        "fine-tune from the start",
    ),
    caveats=(RETRAINING_CAVEAT,),
    checks=(SWITCH_WITHIN_HORIZON,),
    compute=compute_hybrid,
)
