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
from ..prices import Preset
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
    units_to_cover,
)
from .overview import OVERVIEW

PER_MILLION = 1_000_000


def input_price_paid(tokens_price, cached_price, cached_share):
    """What an input token costs on average, per million, when ``cached_share`` of the
    input tokens are read from the provider's prompt cache at ``cached_price``.

    >>> input_price_paid(2.5, 1.25, 0.0), input_price_paid(2.5, 1.25, 0.8)
    (2.5, 1.5)
    """
    if not cached_share:
        return tokens_price  # no caching: exactly the list price
    return tokens_price * (1 - cached_share) + cached_price * cached_share


def cached_price(v, side):
    """The cache-read price entered for ``side`` ("pe" or "ft"), or half its input price."""
    entered = v[f"{side}_cached_input_price"]
    return v[f"{side}_input_price"] / 2 if entered is None else entered


def per_request(v, side, cached_share=None):
    """One request's cost on ``side``, with its cached share (or the one given).

    >>> v = {"pe_input_tokens": 2000, "pe_input_price": 2.5, "pe_cached_input_price": None,
    ...      "pe_cached_share": 0.0, "output_tokens": 300, "pe_output_price": 10.0}
    >>> per_request(v, "pe"), per_request(v, "pe", cached_share=1.0)
    (0.008, 0.0055)
    """
    share = v[f"{side}_cached_share"] if cached_share is None else cached_share
    price = input_price_paid(v[f"{side}_input_price"], cached_price(v, side), share)
    return (v[f"{side}_input_tokens"] * price + v["output_tokens"] * v[f"{side}_output_price"]) / (
        PER_MILLION
    )


def break_even_cached_share(v, ft_inference, other_gap):
    """The prompted side's cached share at which the fine-tune's monthly saving is zero:
    the saving falls in a straight line as more of the prompt is cached. ``None`` where no
    share from 0 to 1 gives zero (the saving keeps one sign throughout)."""
    requests = v["requests_per_month"]
    uncached = per_request(v, "pe", cached_share=0.0) * requests
    fully = per_request(v, "pe", cached_share=1.0) * requests
    at_zero, slope = uncached - ft_inference - other_gap, fully - uncached
    if slope == 0:
        return 0.0 if at_zero == 0 else None
    share = -at_zero / slope
    return share if 0 <= share <= 1 else None


def compute_prompt_tax(v):
    c = costs(v)
    values = c["values"]
    pe_per_request = per_request(v, "pe")
    ft_per_request = per_request(v, "ft")
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
        "break_even_cached_share": break_even_cached_share(v, ft_inference, other_gap),
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


def _caching(side, name):
    return (
        share(
            f"{side}_cached_share",
            f"Share of input tokens read from cache, {name}",
            0.0,
            help="Providers keep a repeated prompt prefix (instructions, examples, documents) "
            "and bill it at the cache-read price when the next request repeats it. 0 counts "
            "every input token at the input price.",
        ),
        Field(
            name=f"{side}_cached_input_price",
            label=f"Cache-read price, {name}",
            unit="money_per_million_tokens",
            default=None,
            placeholder="half the input price",
            maximum=100_000,
            source="illustrative",
            why="providers bill cache reads at a tenth to a half of the input price; half is "
            "the cautious end",
            step=0.01,
            help="Price per million input tokens read from the cache. Leave empty for half "
            "the input price.",
        ),
    )


CACHE_WRITE_CAVEAT = (
    "Prompt caching counts cache reads only: some providers bill writing a prompt into the "
    "cache above the input price, and keep it for minutes, so a share that is rarely "
    "repeated saves less than these results say."
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
        *_caching("pe", "prompted"),
        *_caching("ft", "fine-tuned"),
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
        Output(
            key="break_even_cached_share",
            label="Cached share of the prompt at which the fine-tune saves nothing",
            unit="share",
            none="none: no share from 0 to 1 brings the saving to zero",
            help="Caching the prompted side's input cuts its cost; at this share of input "
            "tokens read from cache the two approaches cost the same each month.",
        ),
        Output(key="saving_per_request", label="Saving per request", unit="money"),
    ),
    formula=(
        "input_price_paid = input_price * (1 - cached_share) + cached_input_price * "
        "cached_share; cached_input_price defaults to input_price / 2",
        "cost_per_request = (input_tokens * input_price_paid + output_tokens * output_price) / 1e6",
        "monthly_inference = cost_per_request * requests_per_month",
        "other gap = (ft_monthly - ft_hosting_inference) - (pe_monthly - pe_api_usage), or 0",
        "monthly_saving = pe_monthly_inference - ft_monthly_inference - other gap",
        "payback_months = fine_tune_upfront / monthly_saving (never if the saving is not "
        "positive); the default upfront is ft_initial - pe_initial",
        "ft_monthly_benefit = monthly_saving + (ft_monthly - pe_monthly): with it, the "
        "overview's fine-tuning line falls by monthly_saving a month against prompting's",
        "break_even_cached_share = the pe_cached_share at which monthly_saving = 0 (the "
        "saving is linear in it); none where that share is outside 0 to 1",
    ),
    caveats=(RETRAINING_CAVEAT, CACHE_WRITE_CAVEAT),
    presets=(
        Preset(
            key="pe",
            label="Prompted (base) model",
            fields={
                "input": "pe_input_price",
                "output": "pe_output_price",
                "cache_read": "pe_cached_input_price",
            },
            help="Type a provider or a model to fill the prompted side's prices from the "
            "price table; every box stays yours to edit.",
        ),
        Preset(
            key="ft",
            label="Fine-tuned model",
            fields={
                "input": "ft_input_price",
                "output": "ft_output_price",
                "cache_read": "ft_cached_input_price",
            },
            fine_tuned_first=True,
            help="The table's fine-tuned variants come first, then every model: a fine-tuned "
            "model is billed at its base model's price only on platforms that bill adapters "
            "at the base rate.",
        ),
    ),
    compute=compute_prompt_tax,
)
