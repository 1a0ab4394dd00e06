"""Calculators where the decision turns: volume (the prompt tax), value (accuracy), timing
(hybrid) and the article's checklist (decision)."""

from __future__ import annotations

from .core import (
    FT,
    HORIZON,
    PE,
    RANGE,
    STAFF_MONTHS,
    Calculator,
    costs,
    money,
    payback,
    share,
)
from .fields import Field, Output

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
            placeholder="the article's gap",
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
            placeholder="not set",
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
