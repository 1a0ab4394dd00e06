"""Calculators of risk and uncertainty: onshore or offshore, a seeded simulation over the
article's ranges, and the sensitivity of the comparison to each figure."""

from __future__ import annotations

import math
import random
import statistics

from . import figures as fig
from .base import Calculator
from .fields import Chart, Column, Field, Output
from .names import APPROACHES, LOCATIONS
from .shared import (
    BENEFIT,
    HORIZON,
    RANGE,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    approach_costs,
    cheaper,
    costs,
    item_values,
    money,
    share,
    units_to_cover,
)

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
    years = horizon / 12
    options, thresholds = [], {}
    for approach in APPROACHES.values():
        p = approach.prefix
        base = c[f"{p}_initial"] + horizon * c[f"{p}_monthly"]
        infra = 0.0
        for item in fig.select(approach.id):
            if item.id in _PREMIUM_ITEMS:
                infra += (
                    x[item.id] if item.period == "one_off" else horizon * item.monthly(x[item.id])
                )
        cost_alone = {}
        for location in LOCATIONS:
            premium = v["onshore_premium"] * infra if location == "onshore" else 0.0
            compliance = v[f"{p}_compliance_{location}"]
            exposure = v[f"exposure_probability_{location}"] * years * v["exposure_cost"]
            cost_alone[location] = base + premium + compliance
            options.append(
                {
                    "id": f"{approach.id}_{location}",
                    "approach": approach.id,
                    "location": location,
                    "base": base,
                    "premium": premium,
                    "compliance": compliance,
                    "expected_exposure": exposure,
                    "expected_total": base + premium + compliance + exposure,
                }
            )
        # onshore is cheaper once the exposure it avoids outweighs what it costs more
        extra = cost_alone["onshore"] - cost_alone["offshore"]
        avoided_per_cost = (
            v["exposure_probability_offshore"] - v["exposure_probability_onshore"]
        ) * years
        threshold = 0.0 if extra <= 0 else units_to_cover(extra, avoided_per_cost)
        thresholds[f"{p}_onshore_extra_cost"] = extra
        thresholds[f"{p}_exposure_cost_onshore_cheaper"] = threshold
    cheapest = min(options, key=lambda o: o["expected_total"])
    return {
        "options": options,
        "cheapest": cheapest["id"],
        "cheapest_total": cheapest["expected_total"],
        **thresholds,
    }


def _compliance(prefix, location, default, why):
    name = next(a.name for a in APPROACHES.values() if a.prefix == prefix)
    return money(
        f"{prefix}_compliance_{location}",
        f"{name}, compliance cost {location}",
        default,
        source="illustrative",
        why=why,
        help="One-off legal, assessment and contract work for this set-up.",
    )


def _threshold_outputs():
    for approach in APPROACHES.values():
        p = approach.prefix
        yield Output(
            key=f"{p}_onshore_extra_cost",
            label=f"{approach.name}: onshore costs this much more, exposure aside",
            unit="money",
            help="Premium and compliance onshore, less compliance offshore. Below zero, "
            "onshore is cheaper even on cost alone.",
        )
        yield Output(
            key=f"{p}_exposure_cost_onshore_cheaper",
            label=f"{approach.name}: onshore is cheaper once an exposure costs",
            unit="money",
            none="never: onshore is not less exposed",
            headline=True,
            help="The cost of one data exposure above which onshore has the lower expected "
            "total for this approach.",
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
            0.25,
            source="illustrative",
            why="onshore capacity is scarcer; 25% over offshore list prices here",
            help="Extra paid onshore on compute, hosting, tools and API usage (not "
            "staff); 0.25 = 25%.",
        ),
        _compliance(
            "ft", "offshore", 30_000.0, "cross-border transfer assessments for the training data"
        ),
        _compliance(
            "ft", "onshore", 20_000.0, "local assessments only, for the same training data"
        ),
        _compliance(
            "pe", "offshore", 8_000.0, "the article: prompting has lower upfront compliance costs"
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
            help="What one exposure would cost you in all. 0 compares cost alone.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output(key="cheapest", label="Lowest expected total", unit="text", headline=True),
        Output(key="cheapest_total", label="Its expected total", unit="money", headline=True),
        *_threshold_outputs(),
        Output(
            key="options",
            label="Expected total over the horizon",
            unit="table",
            columns=(
                Column(key="approach", label="Approach", unit="text"),
                Column(key="location", label="Where", unit="text"),
                Column(key="base", label="Article costs", unit="money"),
                Column(key="premium", label="Premium", unit="money"),
                Column(key="compliance", label="Compliance", unit="money"),
                Column(key="expected_exposure", label="Expected exposure", unit="money"),
                Column(key="expected_total", label="Expected total", unit="money"),
            ),
        ),
    ),
    formula=(
        "base = initial + horizon_months * monthly (article figures)",
        "premium (onshore only) = onshore_premium * compute, hosting, tools and API items "
        "over the horizon",
        "expected exposure = yearly probability * horizon_months / 12 * exposure_cost",
        "expected total = base + premium + compliance + expected exposure",
        "onshore is cheaper once exposure_cost > (onshore premium + compliance - offshore "
        "compliance) / ((offshore probability - onshore probability) * horizon_months / 12)",
    ),
    caveats=(RETRAINING_CAVEAT,),
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


def _sampler(rng, r, rate):
    """A function drawing every article item once, in the article's order, each from a
    triangular distribution over its range peaking at ``r``: the same draws, in the same
    floating-point steps, as ``rng.triangular(low, high, mode)`` for each item, without
    its per-call overhead (the simulation makes tens of thousands of draws)."""
    draw, sqrt = rng.random, math.sqrt
    plan = []
    for item in fig.ITEMS:
        low, high = item.low * rate, item.high * rate
        c = (item.at(r, rate) - low) / (high - low) if high != low else None
        plan.append((low, high, c))

    def sample():
        values = []
        for low, high, c in plan:
            u = draw()
            if c is None:
                values.append(low)
            elif u > c:
                values.append(high + (low - high) * sqrt((1.0 - u) * (1.0 - c)))
            else:
                values.append(low + (high - low) * sqrt(u * c))
        return values

    return sample


def _totals(staff_months):
    """A function from sampled item values (article order) to both approaches' initial and
    monthly costs, adding up as :func:`calculator.figures.initial_total` and
    :func:`~calculator.figures.monthly_total` do, term by term."""
    index = {item.id: k for k, item in enumerate(fig.ITEMS)}
    plans = []
    for approach in APPROACHES.values():
        initial = [(index[i.id], i.staff) for i in fig.select(approach.id, "initial")]
        ongoing = [(index[i.id], fig.MONTHS_PER_PERIOD[i.period])
                   for i in fig.select(approach.id, "ongoing")]  # fmt: skip
        plans.append((initial, ongoing))

    def totals(values):
        out = []
        for initial, ongoing in plans:
            first = 0.0
            for k, staff in initial:
                first += values[k] * staff_months / 12 if staff else values[k]
            out.append((first, sum(values[k] / months for k, months in ongoing)))
        return out

    return totals


def compute_uncertainty(v):
    rng = random.Random(v["seed"])
    horizon, benefit, runs = v["horizon_months"], v["ft_monthly_benefit"], v["simulations"]
    sample = _sampler(rng, v["range_position"], v["exchange_rate"])
    totals = _totals(v["build_phase_staff_months"])
    ft_totals, pe_totals, crossings = [], [], []
    for _ in range(runs):
        (ft_initial, ft_monthly), (pe_initial, pe_m) = totals(sample())
        ft_m = ft_monthly - benefit
        ft_totals.append(ft_initial + horizon * ft_m)
        pe_totals.append(pe_initial + horizon * pe_m)
        crossings.append(break_even_month(ft_initial - pe_initial, ft_m - pe_m, horizon))
    gaps = [f - p for f, p in zip(ft_totals, pe_totals, strict=True)]
    crossed = sorted(m for m in crossings if m is not None)
    band = percentiles(crossed) if len(crossed) * 10 >= runs and len(crossed) > 1 else None
    by_month, k = [], 0  # the share of scenarios that have crossed by each month
    for month in range(horizon + 1):
        while k < len(crossed) and crossed[k] <= month:
            k += 1
        by_month.append({"month": month, "share": k / runs})
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
        "break_even_month_p10": band[0] if band else None,
        "break_even_month_p90": band[2] if band else None,
        "percentiles": rows,
        "crossed_by_month": by_month,
    }


UNCERTAINTY = Calculator(
    id="uncertainty",
    title="How sure is the answer?",
    question="Every article figure is a range: drawing each one at random within its range, "
    "how wide is the spread of totals, and how often is fine-tuning the cheaper path?",
    page="index.md",
    fields=(
        Field(
            name="range_position",
            label="Most likely point in each range",
            unit="share",
            default=0.5,
            maximum=1,
            step=0.05,
            help="Each item is drawn from a triangular distribution over its article range, "
            "peaking here: 0 = the low end is most likely, 0.5 = the midpoint, 1 = the high end.",
        ),
        HORIZON,
        BENEFIT,
        Field(
            name="simulations",
            label="Simulated scenarios",
            unit="count",
            default=2_000,
            kind="integer",
            minimum=100,
            maximum=20_000,
            help="More scenarios give steadier percentiles and take longer.",
        ),
        Field(
            name="seed",
            label="Random seed",
            unit="count",
            default=1,
            kind="integer",
            maximum=2**31,
            advanced=True,
            help="The same seed gives the same scenarios, so results can be reproduced.",
        ),
        STAFF_MONTHS,
    ),
    outputs=(
        Output(
            key="probability_ft_cheaper",
            label="Share of scenarios where fine-tuning is cheaper",
            unit="share",
            headline=True,
        ),
        Output(
            key="difference_p50",
            label="Difference, median (fine-tuning minus prompting)",
            unit="money",
            headline=True,
        ),
        Output(key="difference_p10", label="Difference, P10", unit="money"),
        Output(key="difference_p90", label="Difference, P90", unit="money"),
        Output(key="ft_total_p50", label="Fine-tuning total, median", unit="money"),
        Output(key="pe_total_p50", label="Prompt engineering total, median", unit="money"),
        Output(
            key="probability_lines_cross",
            label="Share of scenarios where the lines cross",
            unit="share",
        ),
        Output(
            key="break_even_month_p50",
            mark="median",
            label="Median crossing month (where they cross)",
            unit="months",
            none="none: no scenario crosses",
        ),
        Output(
            key="break_even_month_p10",
            mark="P10",
            label="Crossing month, P10 (where they cross)",
            unit="months",
            none="none: fewer than one scenario in ten crosses",
        ),
        Output(
            key="break_even_month_p90",
            mark="P90",
            label="Crossing month, P90 (where they cross)",
            unit="months",
            none="none: fewer than one scenario in ten crosses",
        ),
        Output(
            key="percentiles",
            label="Totals over the horizon",
            unit="table",
            columns=(
                Column(key="quantity", label="Total", unit="text"),
                Column(key="p10", label="P10", unit="money"),
                Column(key="p50", label="Median", unit="money"),
                Column(key="p90", label="P90", unit="money"),
            ),
        ),
        Output(
            key="crossed_by_month",
            label="Share of scenarios where fine-tuning has caught up, by month",
            unit="series",
            chart=Chart(
                kind="line",
                marks=("break_even_month_p10", "break_even_month_p50", "break_even_month_p90"),
            ),
            columns=(
                Column(key="month", label="Month", unit="months"),
                Column(key="share", label="Caught up", unit="share"),
            ),
        ),
    ),
    formula=(
        "each scenario: every item ~ triangular(low, high, low + range_position * (high - low))",
        "totals as in the overview; difference = ft_total - pe_total",
        "P10, median and P90 over the scenarios; shares = count / simulations",
        "crossing months P10, median, P90: among the scenarios whose lines cross (P10 and P90 "
        "only when at least one scenario in ten crosses)",
        "seeded (random.Random(seed)): the same inputs give the same result",
    ),
    caveats=(RETRAINING_CAVEAT,),
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
