"""The prompt tax: at the reader's volume, what prompt engineering's long prompts cost against
a fine-tuned model's short ones, and how soon the fine-tune pays back.

This calculator and the accuracy one (:mod:`calculator.calculators.quality`) both end in
the same figure, the fine-tune's *monthly benefit to carry*: what it earns back each month
against the article's running costs. Entered as ``ft_monthly_benefit`` in the overview (and
in hybrid, uncertainty and sensitivity, which give it the same meaning), it reproduces the
calculator's payback:

>>> from calculator import calculate
>>> tax = calculate("prompt_tax")
>>> round(tax["ft_monthly_benefit"], 2), round(tax["payback_months"], 1)
(14450.0, 31.2)
>>> calculate("overview", {"ft_monthly_benefit": tax["ft_monthly_benefit"]})["break_even_month"]
32
"""

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
    units_to_cover,
)
from .overview import OVERVIEW


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
        carry = carry_benefit(OVERVIEW, v, benefit, payback_months)
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
        *benefit_outputs("volume"),
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
