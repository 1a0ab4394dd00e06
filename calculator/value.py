"""Calculators where the decision turns: volume (the prompt tax), value (accuracy), timing
(hybrid) and the article's checklist (decision).

The prompt tax and accuracy calculators both end in the same figure, the fine-tune's
*monthly benefit to carry*: what it earns back each month against the article's running
costs. Entered as ``ft_monthly_benefit`` in the overview (and in hybrid, uncertainty and
sensitivity, which give it the same meaning), it reproduces the calculator's payback:

>>> from calculator import calculate
>>> tax = calculate("prompt_tax")
>>> round(tax["ft_monthly_benefit"], 2), round(tax["payback_months"], 1)
(14450.0, 31.2)
>>> calculate("overview", {"ft_monthly_benefit": tax["ft_monthly_benefit"]})["break_even_month"]
32
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .article import OVERVIEW
from .base import Calculator
from .fields import Column, Field, Output
from .shared import (
    BENEFIT,
    FT,
    HORIZON,
    PE,
    RANGE,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    costs,
    money,
    payback,
    share,
    units_to_cover,
)

# --------------------------------------------------------------------------- carrying the benefit


def carry_benefit(v, benefit, payback_months):
    """A link value that opens the overview with ``benefit`` as its monthly benefit, with
    every input the two calculators share, and a horizon long enough to show the payback;
    ``None`` when there is nothing to carry: the benefit is not positive (so the fine-tune
    never pays back, as the overview with no benefit already shows), or beyond the largest
    amount the overview takes.

    The benefit is rounded to a cent of the article's dollar, in the reader's currency (a
    link a reader can read, as precise at any exchange rate).

    >>> carry_benefit({"range_position": 0.0, "seed": 3}, 900.004, 40.2)["inputs"]
    {'ft_monthly_benefit': 900.0, 'range_position': 0.0, 'horizon_months': 41}
    >>> carry_benefit({"exchange_rate": 0.001}, 0.0144567, 40.2)["inputs"]["ft_monthly_benefit"]
    0.01446
    """
    rate = v.get("exchange_rate", 1.0)
    benefit = round(benefit, 2 + max(0, round(-math.log10(rate))))
    if not 0 < benefit <= BENEFIT.maximum * rate:
        return None
    inputs = {BENEFIT.name: benefit}
    for field in OVERVIEW.fields:
        if field.name in v and field.name != BENEFIT.name and v[field.name] != field.default:
            inputs[field.name] = v[field.name]
    horizon = OVERVIEW.field(HORIZON.name)
    if payback_months is not None and math.ceil(payback_months) > horizon.default:
        inputs[HORIZON.name] = min(horizon.maximum, math.ceil(payback_months))
    return {"calculator": OVERVIEW.id, "inputs": inputs}


def _benefit_outputs(source):
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
    article_upfront = c["ft_initial"] - c["pe_initial"]
    upfront = article_upfront if v["fine_tune_upfront"] is None else v["fine_tune_upfront"]
    break_even_requests = 0.0 if other_gap <= 0 else units_to_cover(other_gap, saving_per_request)
    payback_months = payback(upfront, monthly_saving)
    benefit = monthly_saving + (c["ft_monthly"] - c["pe_monthly"])
    carry = None
    if v["fine_tune_upfront"] is None:
        carry = carry_benefit(v, benefit, payback_months)
    return {
        "pe_cost_per_request": pe_per_request,
        "ft_cost_per_request": ft_per_request,
        "saving_per_request": saving_per_request,
        "pe_monthly_inference": pe_inference,
        "ft_monthly_inference": ft_inference,
        "other_running_gap_monthly": other_gap,
        "monthly_saving": monthly_saving,
        "fine_tune_upfront": upfront,
        "payback_months": payback_months,
        "break_even_requests_per_month": break_even_requests,
        "ft_monthly_benefit": benefit,
        "carry_to_overview": carry,
    }


def _tokens(name, label, default, why, help):
    return Field(
        name=name,
        label=label,
        unit="tokens",
        default=default,
        kind="integer",
        maximum=10_000_000,
        source="illustrative",
        why=why,
        help=help,
    )


def _price(name, label, default, why):
    return Field(
        name=name,
        label=label,
        unit="money_per_million_tokens",
        default=default,
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
            name="requests_per_month",
            label="Requests per month",
            unit="count",
            default=5_000_000,
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
            name="include_other_running_costs",
            label="Count the article's other running costs",
            unit="flag",
            default=True,
            kind="boolean",
            help="On: the fine-tune must also cover its retraining, monitoring and support, "
            "less prompt refinement, versioning and oversight (the article's figures "
            "at the range position). Off: compare inference alone.",
        ),
        money(
            "fine_tune_upfront",
            "Extra up-front cost of the fine-tune",
            None,
            placeholder="the article's gap",
            help="Leave empty to use the article's initial-investment gap at the range position.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output(
            key="monthly_saving",
            label="Net monthly saving of the fine-tune",
            unit="money",
            headline=True,
            help="Inference saved, less the fine-tune's other extra running costs.",
        ),
        Output(
            key="payback_months",
            label="Fine-tune pays back in (months)",
            unit="months",
            none="never",
            headline=True,
        ),
        *_benefit_outputs("volume"),
        Output(key="pe_cost_per_request", label="Prompted, cost per request", unit="money"),
        Output(key="ft_cost_per_request", label="Fine-tuned, cost per request", unit="money"),
        Output(key="pe_monthly_inference", label="Prompted, inference per month", unit="money"),
        Output(key="ft_monthly_inference", label="Fine-tuned, inference per month", unit="money"),
        Output(
            key="other_running_gap_monthly",
            label="Other running costs, fine-tuning minus prompting",
            unit="money",
        ),
        Output(key="fine_tune_upfront", label="Extra up-front cost to repay", unit="money"),
        Output(
            key="break_even_requests_per_month",
            label="Requests per month at which the saving covers the other running costs",
            unit="count",
            none="none: a fine-tuned request costs no less",
        ),
        Output(key="saving_per_request", label="Saving per request", unit="money"),
    ),
    formula=(
        "cost_per_request = (input_tokens * input_price + output_tokens * output_price) / 1e6",
        "monthly_inference = cost_per_request * requests_per_month",
        "other gap = (ft_monthly - ft_hosting_inference) - (pe_monthly - pe_api_usage), or 0",
        "monthly_saving = pe_monthly_inference - ft_monthly_inference - other gap",
        "payback_months = fine_tune_upfront / monthly_saving (never if the saving is not "
        "positive); the default upfront is ft_initial - pe_initial",
        "ft_monthly_benefit = monthly_saving + (ft_monthly - pe_monthly): with it, the "
        "overview's fine-tuning line falls by monthly_saving a month against prompting's",
    ),
    caveats=(RETRAINING_CAVEAT,),
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
        "carry_to_overview": carry_benefit(v, benefit, payback_months),
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
        *_benefit_outputs("accuracy"),
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


# --------------------------------------------------------------------------- decision

EXAMPLES_NEEDED = 1_000  # the article: "typically 1,000+ examples"


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """One of the article's criteria for an approach: the field that asks it, whether the
    answer meets it, and the reason shown when it does."""

    side: str
    field: Field
    met: Callable[[object], bool] = bool
    reason: Callable[[object], str] | None = None

    def because(self, value):
        return self.reason(value) if self.reason else self.field.label


def _ask(side, name, label, help):
    field = Field(name=name, label=label, unit="flag", default=False, kind="boolean", help=help)
    return Criterion(side=side, field=field)


#: The article's two checklists, in its order (enough data is the second for fine-tuning).
CRITERIA = (
    _ask(
        FT,
        "high_accuracy_critical",
        "High accuracy is critical to the business",
        "Errors are expensive or unacceptable in this task.",
    ),
    Criterion(
        side=FT,
        field=Field(
            name="training_examples",
            label="Labelled training examples available",
            unit="count",
            default=0,
            kind="integer",
            maximum=1e9,
            help=f"The article puts the usual minimum at {EXAMPLES_NEEDED:,}.",
        ),
        met=lambda n: n >= EXAMPLES_NEEDED,
        reason=lambda n: (
            f"Enough training data ({n:,} examples; typically {EXAMPLES_NEEDED:,}+ are needed)"
        ),
    ),
    _ask(
        FT,
        "ml_expertise",
        "Dedicated ML expertise is on staff",
        "ML engineers or data scientists you can dedicate to training and maintaining a model.",
    ),
    _ask(
        FT,
        "high_volume",
        "High-volume tasks need consistent performance",
        "Many similar requests where consistency matters.",
    ),
    _ask(
        FT,
        "long_term_use_case",
        "Long-term commitment to one specific use case",
        "The task will stay much the same for years.",
    ),
    _ask(
        PE,
        "rapid_prototyping",
        "Rapid prototyping and experimentation come first",
        "You are still finding out what works.",
    ),
    _ask(
        PE,
        "limited_resources",
        "Technical resources are limited",
        "Little engineering capacity for model work.",
    ),
    _ask(
        PE,
        "changing_requirements",
        "Requirements change often",
        "The task's rules or outputs shift every few months.",
    ),
    _ask(
        PE,
        "budget_limited",
        "Budget limits the upfront investment",
        "The money available up front is tight.",
    ),
    _ask(
        PE,
        "diverse_use_cases",
        "Many diverse use cases must be supported",
        "One model serving many different tasks.",
    ),
)
_DATA = next(c for c in CRITERIA if c.field.name == "training_examples")


def compute_decision(v):
    c = costs(v)
    met = {FT: [], PE: []}
    for criterion in CRITERIA:
        value = v[criterion.field.name]
        if criterion.met(value):
            met[criterion.side].append(criterion.because(value))
    budget = v["upfront_budget"]
    if budget is not None and budget < c["ft_initial"] and not v["budget_limited"]:
        met[PE].append("Your upfront budget is below fine-tuning's initial investment")
    ft_met, pe_met = met[FT], met[PE]
    data_ok = _DATA.met(v[_DATA.field.name])
    margin = len(ft_met) - len(pe_met)
    counts = {side: sum(1 for x in CRITERIA if x.side == side) for side in (FT, PE)}
    reasons = [
        f"Fine-tuning criteria met: {len(ft_met)} of {counts[FT]}",
        f"Prompt engineering criteria met: {len(pe_met)} of {counts[PE]}",
    ]
    if margin >= 2 and data_ok:
        recommendation = FT
        reasons.append("Fine-tuning criteria clearly outweigh the others, and the data is there")
    elif margin >= 2:
        recommendation = "hybrid"
        reasons.append(
            f"Fine-tuning criteria dominate, but with fewer than {EXAMPLES_NEEDED:,} "
            "examples: start with prompts while you collect training data"
        )
    elif len(ft_met) >= 2 and margin >= -1:
        recommendation = "hybrid"
        reasons.append(
            "Strong criteria on both sides: prompts for the varied work, a "
            "fine-tune for the stable high-volume core"
        )
    elif not ft_met and not pe_met:
        recommendation = PE
        reasons.append(
            "Nothing ticked yet: with no criterion pointing either way, prompt engineering "
            "is the cheaper and quicker way to start"
        )
    else:
        recommendation = PE
        reasons.append("Not enough fine-tuning criteria to justify its higher upfront cost")
    return {
        "ft_initial": c["ft_initial"],
        "pe_initial": c["pe_initial"],
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
        *(criterion.field for criterion in CRITERIA),
        money(
            "upfront_budget",
            "Upfront budget (optional)",
            None,
            placeholder="not set",
            help="If set and below fine-tuning's initial investment at the range "
            "position, the budget counts as a constraint.",
        ),
        RANGE,
    ),
    outputs=(
        Output(key="recommendation", label="Recommendation", unit="text", headline=True),
        Output(key="reasons", label="Why", unit="list"),
        Output(key="ft_score", label="Fine-tuning criteria met (count)", unit="count"),
        Output(key="pe_score", label="Prompt engineering criteria met (count)", unit="count"),
        Output(
            key="ft_initial",
            label="Fine-tuning, initial investment at the range position",
            unit="money",
        ),
        Output(
            key="pe_initial",
            label="Prompt engineering, initial investment at the range position",
            unit="money",
        ),
        Output(key="ft_criteria_met", label="Fine-tuning criteria met", unit="list"),
        Output(key="pe_criteria_met", label="Prompt engineering criteria met", unit="list"),
    ),
    formula=(
        "score each side: one point per criterion of the article that holds (for fine-tuning, "
        f"{EXAMPLES_NEEDED:,}+ training examples is one)",
        "fine-tuning if its score leads by 2 or more and the data is there; hybrid if it "
        "leads by 2 without the data, or if both sides are strong (fine-tuning 2+, within 1)",
        "prompt engineering otherwise, including when nothing is ticked",
    ),
    caveats=(RETRAINING_CAVEAT,),
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
    compute=compute_hybrid,
)
