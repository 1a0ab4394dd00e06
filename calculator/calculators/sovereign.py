"""Onshore or offshore: for each approach, what keeping data onshore costs once the price
premium, the compliance work and the expected cost of a data exposure are counted."""

from __future__ import annotations

from .. import figures as fig
from ..base import Calculator
from ..fields import Column, Output
from ..names import APPROACHES, LOCATIONS
from ..shared import (
    HORIZON,
    RANGE,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
    costs,
    money,
    share,
    units_to_cover,
)

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
