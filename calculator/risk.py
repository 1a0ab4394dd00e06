"""Calculators of risk and uncertainty: onshore or offshore, a seeded simulation over the
article's ranges, and the sensitivity of the comparison to each figure."""

from __future__ import annotations

import math
import random
import statistics

from . import figures as fig
from .core import (
    BENEFIT,
    FT,
    HORIZON,
    PE,
    RANGE,
    STAFF_MONTHS,
    Calculator,
    approach_costs,
    cheaper,
    costs,
    item_values,
    money,
    share,
)
from .fields import Field, Output

# --------------------------------------------------------------------------- sovereign

_PREMIUM_ITEMS = (
    "ft_training_compute",
    "ft_tools_infrastructure",
    "ft_hosting_inference",
    "pe_prompt_tools",
    "pe_api_usage",
)


def compute_sovereign(v):
    c = costs(v)
    x, horizon = c["values"], v["horizon_months"]
    options = []
    for approach, prefix in ((FT, "ft"), (PE, "pe")):
        base = c[f"{prefix}_initial"] + horizon * c[f"{prefix}_monthly"]
        infra = 0.0
        for item in fig.select(approach):
            if item.id in _PREMIUM_ITEMS:
                infra += (
                    x[item.id] if item.period == "one_off" else horizon * item.monthly(x[item.id])
                )
        for location in ("offshore", "onshore"):
            premium = v["onshore_premium"] * infra if location == "onshore" else 0.0
            compliance = v[f"{prefix}_compliance_{location}"]
            exposure = v[f"exposure_probability_{location}"] * horizon / 12 * v["exposure_cost"]
            options.append(
                {
                    "id": f"{approach}_{location}",
                    "approach": approach,
                    "location": location,
                    "base": base,
                    "premium": premium,
                    "compliance": compliance,
                    "expected_exposure": exposure,
                    "expected_total": base + premium + compliance + exposure,
                }
            )
    cheapest = min(options, key=lambda o: o["expected_total"])
    return {
        "options": options,
        "cheapest": cheapest["id"],
        "cheapest_total": cheapest["expected_total"],
    }


def _compliance(prefix, location, default, why):
    name = "Fine-tuning" if prefix == "ft" else "Prompt engineering"
    return money(
        f"{prefix}_compliance_{location}",
        f"{name}, compliance cost {location}",
        default,
        source="illustrative",
        why=why,
        help="One-off legal, assessment and contract work for this set-up.",
    )


SOVEREIGN = Calculator(
    id="sovereign",
    title="Onshore or offshore",
    question="For each approach, what does keeping data onshore cost once the premium, "
    "compliance work and the expected cost of a data exposure are counted?",
    page="sovereign-ai.md",
    fields=(
        RANGE,
        HORIZON,
        share(
            "onshore_premium",
            "Onshore price premium",
            0.2,
            source="illustrative",
            why="onshore capacity is scarcer; 20% over offshore list prices here",
            help="Extra paid onshore on compute, hosting, tools and API usage (not "
            "staff); 0.2 = 20%.",
        ),
        _compliance(
            "ft", "offshore", 40_000.0, "cross-border transfer assessments for the training data"
        ),
        _compliance("ft", "onshore", 15_000.0, "local assessments only"),
        _compliance(
            "pe", "offshore", 15_000.0, "the article: prompting has lower upfront compliance costs"
        ),
        _compliance("pe", "onshore", 5_000.0, "the lightest set-up of the four"),
        share(
            "exposure_probability_offshore",
            "Chance of a data exposure per year, offshore",
            0.04,
            source="illustrative",
            why="an assumption for the example; use your risk register",
            help="Yearly probability that data handled offshore is exposed.",
        ),
        share(
            "exposure_probability_onshore",
            "Chance of a data exposure per year, onshore",
            0.02,
            source="illustrative",
            why="half the offshore figure, reflecting the article's reduced exposure",
            help="Yearly probability that data handled onshore is exposed.",
        ),
        money(
            "exposure_cost",
            "Cost of one data exposure",
            500_000.0,
            source="illustrative",
            why="an assumption for the example: notification, remediation, penalties",
            help="What one exposure would cost you in all.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output("cheapest", "Lowest expected total", "text"),
        Output("cheapest_total", "Its expected total", "money"),
        Output(
            "options",
            "Expected total over the horizon",
            "table",
            columns=(
                ("approach", "Approach", "text"),
                ("location", "Where", "text"),
                ("base", "Article costs", "money"),
                ("premium", "Premium", "money"),
                ("compliance", "Compliance", "money"),
                ("expected_exposure", "Expected exposure", "money"),
                ("expected_total", "Expected total", "money"),
            ),
        ),
    ),
    formula=(
        "base = initial + horizon_months * monthly (article figures)",
        "premium (onshore only) = onshore_premium * compute, hosting, tools and API items "
        "over the horizon",
        "expected exposure = yearly probability * horizon_months / 12 * exposure_cost",
        "expected total = base + premium + compliance + expected exposure",
    ),
    compute=compute_sovereign,
)


# --------------------------------------------------------------------------- uncertainty


def break_even_month(start_gap, monthly_gap, horizon):
    """First month at which a gap of ``start_gap`` changing by ``monthly_gap`` a month meets
    or changes sign (as :func:`first_crossing` on the series), else None.

    >>> break_even_month(100, -30, 36), break_even_month(100, 5, 36), break_even_month(0, 5, 36)
    (4, None, 0)
    """
    if start_gap == 0:
        return 0
    if (start_gap > 0) == (monthly_gap < 0) and monthly_gap != 0:
        month = math.ceil(abs(start_gap) / abs(monthly_gap))
        while month > 1 and (start_gap + (month - 1) * monthly_gap > 0) != (start_gap > 0):
            month -= 1  # guard against rounding
        return month if month <= horizon else None
    return None


def percentiles(values):
    """P10, P50 and P90 of ``values``.

    >>> percentiles(list(range(1, 101)))
    (10.9, 50.5, 90.1)
    """
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    return deciles[0], statistics.median(values), deciles[8]


def compute_uncertainty(v):
    rng = random.Random(v["seed"])
    horizon, benefit, runs = v["horizon_months"], v["ft_monthly_benefit"], v["simulations"]
    r, staff = v["range_position"], v["build_phase_staff_months"]
    ft_totals, pe_totals, crossings = [], [], []
    for _ in range(runs):
        values = {i.id: rng.triangular(i.low, i.high, i.at(r)) for i in fig.ITEMS}
        c = approach_costs(values, staff)
        ft_m, pe_m = c["ft_monthly"] - benefit, c["pe_monthly"]
        ft_totals.append(c["ft_initial"] + horizon * ft_m)
        pe_totals.append(c["pe_initial"] + horizon * pe_m)
        crossings.append(break_even_month(c["ft_initial"] - c["pe_initial"], ft_m - pe_m, horizon))
    gaps = [f - p for f, p in zip(ft_totals, pe_totals, strict=True)]
    crossed = [m for m in crossings if m is not None]
    rows = []
    for label, data in (("Fine-tuning", ft_totals), ("Prompt engineering", pe_totals),
                        ("Difference", gaps)):  # fmt: skip
        p10, p50, p90 = percentiles(data)
        rows.append({"quantity": label, "p10": p10, "p50": p50, "p90": p90})
    return {
        "ft_total_p50": rows[0]["p50"],
        "pe_total_p50": rows[1]["p50"],
        "difference_p10": rows[2]["p10"],
        "difference_p50": rows[2]["p50"],
        "difference_p90": rows[2]["p90"],
        "probability_ft_cheaper": sum(g < 0 for g in gaps) / runs,
        "probability_lines_cross": len(crossed) / runs,
        "break_even_month_p50": statistics.median(crossed) if crossed else None,
        "percentiles": rows,
    }


UNCERTAINTY = Calculator(
    id="uncertainty",
    title="How sure is the answer?",
    question="Every article figure is a range: drawing each one at random within its range, "
    "how wide is the spread of totals, and how often is fine-tuning the cheaper path?",
    page="index.md",
    fields=(
        Field(
            "range_position",
            "Most likely point in each range",
            "share",
            0.5,
            maximum=1,
            step=0.05,
            help="Each item is drawn from a triangular distribution over its article range, "
            "peaking here: 0 = the low end is most likely, 0.5 = the midpoint, 1 = the high end.",
        ),
        HORIZON,
        BENEFIT,
        Field(
            "simulations",
            "Simulated scenarios",
            "count",
            2_000,
            kind="integer",
            minimum=100,
            maximum=20_000,
            help="More scenarios give steadier percentiles and take longer.",
        ),
        Field(
            "seed",
            "Random seed",
            "count",
            1,
            kind="integer",
            maximum=2**31,
            advanced=True,
            help="The same seed gives the same scenarios, so results can be reproduced.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output(
            "probability_ft_cheaper", "Share of scenarios where fine-tuning is cheaper", "share"
        ),
        Output("difference_p50", "Difference, median (fine-tuning minus prompting)", "money"),
        Output("difference_p10", "Difference, P10", "money"),
        Output("difference_p90", "Difference, P90", "money"),
        Output("ft_total_p50", "Fine-tuning total, median", "money"),
        Output("pe_total_p50", "Prompt engineering total, median", "money"),
        Output("probability_lines_cross", "Share of scenarios where the lines cross", "share"),
        Output("break_even_month_p50", "Median crossing month (where they cross)", "months"),
        Output(
            "percentiles",
            "Totals over the horizon",
            "table",
            columns=(
                ("quantity", "", "text"),
                ("p10", "P10", "money"),
                ("p50", "Median", "money"),
                ("p90", "P90", "money"),
            ),
        ),
    ),
    formula=(
        "each scenario: every item ~ triangular(low, high, low + range_position * (high - low))",
        "totals as in the overview; difference = ft_total - pe_total",
        "P10, median and P90 over the scenarios; shares = count / simulations",
        "seeded (random.Random(seed)): the same inputs give the same result",
    ),
    compute=compute_uncertainty,
)


# --------------------------------------------------------------------------- sensitivity


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
        at_low = gap({**values, item.id: item.low})
        at_high = gap({**values, item.id: item.high})
        slope = (at_high - at_low) / (item.high - item.low)  # the gap is linear in each item
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
                "flip_in_range": flip is not None and item.low <= flip <= item.high,
                "period": item.period,
            }
        )
    bars.sort(key=lambda bar: -bar["swing"])
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
        Output("difference", "Difference over the horizon (fine-tuning minus prompting)", "money"),
        Output("most_influential", "Moves it most", "text"),
        Output(
            "benefit_to_flip",
            "Monthly benefit at which the totals match",
            "money",
            help="The fine-tune's monthly benefit at which both totals are equal.",
        ),
        Output(
            "flips_within_ranges", "Items that could flip it within the article's range", "count"
        ),
        Output(
            "bars",
            "Each item across its article range, largest swing first",
            "table",
            columns=(
                ("label", "Item", "text"),
                ("gap_at_low", "Difference at its low end", "money"),
                ("gap_at_high", "At its high end", "money"),
                ("swing", "Swing", "money"),
                ("flip_value", "Value that equalises", "money"),
                ("period", "Per", "text"),
            ),
        ),
    ),
    formula=(
        "difference = overview's ft_total - pe_total at the range position",
        "for each item: the difference with that item at its low and at its high end, the "
        "others unchanged; swing = |high - low|",
        "value that equalises = value - difference / slope (the difference is linear in each "
        "item); empty if it would have to be negative",
        "benefit at which the totals match = ft_monthly_benefit + difference / horizon_months",
    ),
    compute=compute_sensitivity,
)
