"""The value of accuracy: once an error has a price, what each approach really costs per
month, and whether the fine-tune's higher accuracy pays for it. Its monthly benefit is
carried to the overview as the prompt tax's is (:mod:`calculator.calculators.prompt_tax`)."""

from __future__ import annotations

from ..base import Calculator
from ..fields import Field, Output
from ..shared import (
    RANGE,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    benefit_outputs,
    carry_benefit,
    costs,
    money,
    payback,
    share,
)
from .overview import OVERVIEW

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
    payback_months = payback(upfront, pe_effective - ft_effective)
    benefit = avoided * cost_per_error
    return {
        "pe_errors_per_month": pe_errors,
        "ft_errors_per_month": ft_errors,
        "errors_avoided_per_month": avoided,
        "pe_effective_monthly": pe_effective,
        "ft_effective_monthly": ft_effective,
        "monthly_saving": pe_effective - ft_effective,
        "upfront_gap": upfront,
        "payback_months": payback_months,
        "break_even_cost_per_error": break_even,
        "ft_monthly_benefit": benefit,
        "carry_to_overview": carry_benefit(OVERVIEW, v, benefit, payback_months),
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
            name="tasks_per_month",
            label="Tasks per month",
            unit="count",
            default=QUALITY_DEFAULTS["tasks_per_month"],
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
        Output(
            key="pe_effective_monthly",
            label="Prompted, per month with errors",
            unit="money",
            headline=True,
        ),
        Output(
            key="ft_effective_monthly",
            label="Fine-tuned, per month with errors",
            unit="money",
            headline=True,
        ),
        Output(key="monthly_saving", label="Net monthly saving of the fine-tune", unit="money"),
        Output(
            key="payback_months",
            label="Fine-tune pays back in (months)",
            unit="months",
            none="never",
            headline=True,
        ),
        *benefit_outputs("accuracy"),
        Output(
            key="break_even_cost_per_error",
            label="Cost per error at which running costs match",
            unit="money",
            none="none: the fine-tune avoids no errors",
            help="Above this, the fine-tune is cheaper to run each month.",
        ),
        Output(key="errors_avoided_per_month", label="Errors avoided per month", unit="count"),
        Output(key="pe_errors_per_month", label="Errors per month, prompted", unit="count"),
        Output(key="ft_errors_per_month", label="Errors per month, fine-tuned", unit="count"),
        Output(key="upfront_gap", label="Extra up-front cost of the fine-tune", unit="money"),
    ),
    formula=(
        "errors = tasks_per_month * (1 - accuracy)",
        "effective_monthly = monthly running cost + errors * cost_per_error",
        "payback_months = (ft_initial - pe_initial) / (pe_effective - ft_effective)",
        "break_even_cost_per_error = (ft_monthly - pe_monthly) / errors avoided",
        "ft_monthly_benefit = errors avoided * cost_per_error",
    ),
    caveats=(RETRAINING_CAVEAT,),
    compute=compute_quality,
)
