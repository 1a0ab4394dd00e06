"""Scaling: how the two approaches' totals grow with the number of use cases and of
requirement changes. With one use case and four changes a year it equals the overview."""

from __future__ import annotations

import math

from ..base import Calculator
from ..fields import Column, Field, Output
from ..shared import (
    DIFFERENCE,
    FT,
    HORIZON,
    PE,
    RANGE,
    STAFF_MONTHS,
    item_values,
)


def scaling_parts(v):
    """Fixed, per-use-case and per-change costs of both approaches over the horizon."""
    x = item_values(v)
    staff = v["build_phase_staff_months"] / 12
    horizon = v["horizon_months"]
    changes = v["changes_per_year"] * horizon / 12
    ft_per_change = x["ft_retraining"]  # one retraining = one quarter's figure
    pe_per_change = 3 * x["pe_prompt_refinement"]  # one quarter of prompt refinement
    return {
        FT: {
            "fixed": x["ft_expert_personnel"] * staff
            + x["ft_tools_infrastructure"]
            + horizon * x["ft_support"],
            "per_use_case": x["ft_data_preparation"]
            + x["ft_training_compute"]
            + horizon * (x["ft_hosting_inference"] + x["ft_monitoring"])
            + changes * ft_per_change,
            "per_change": ft_per_change,
        },
        PE: {
            "fixed": x["pe_prompt_development"] * staff
            + x["pe_prompt_tools"]
            + horizon * (x["pe_versioning"] + x["pe_expert_oversight"]),
            "per_use_case": x["pe_testing_refinement"]
            + horizon * x["pe_api_usage"]
            + changes * pe_per_change,
            "per_change": pe_per_change,
        },
    }


def compute_scaling(v):
    parts = scaling_parts(v)
    ft, pe = parts[FT], parts[PE]

    def total(p, n):
        return p["fixed"] + n * p["per_use_case"]

    series = [
        {"use_cases": n, "ft": total(ft, n), "pe": total(pe, n)}
        for n in range(1, v["use_cases"] + 1)
    ]
    fixed_gap = ft["fixed"] - pe["fixed"]
    slope_gap = ft["per_use_case"] - pe["per_use_case"]
    if fixed_gap + slope_gap <= 0:
        crossover = 1
    elif slope_gap < 0:
        crossover = max(1, math.ceil(fixed_gap / -slope_gap))
        while fixed_gap + slope_gap * crossover > 0:  # guard against rounding
            crossover += 1
    else:
        crossover = None
    return {
        "ft_total": series[-1]["ft"],
        "pe_total": series[-1]["pe"],
        "difference": series[-1]["ft"] - series[-1]["pe"],
        "ft_per_use_case": ft["per_use_case"],
        "pe_per_use_case": pe["per_use_case"],
        "ft_cost_per_change": ft["per_change"],
        "pe_cost_per_change": pe["per_change"],
        "crossover_use_cases": crossover,
        "series": series,
    }


SCALING = Calculator(
    id="scaling",
    title="Scaling to more use cases",
    question="As use cases and requirement changes multiply, how do the two approaches' "
    "costs grow?",
    page="scalability.md",
    fields=(
        RANGE,
        Field(
            name="use_cases",
            label="Use cases",
            unit="count",
            default=5,
            kind="integer",
            minimum=1,
            maximum=200,
            source="illustrative",
            why="a team with a handful of distinct tasks",
            help="Distinct tasks, each needing its own fine-tuned model or its own prompts.",
        ),
        Field(
            name="changes_per_year",
            label="Requirement changes per year",
            unit="count",
            default=4,
            maximum=365,
            help="Each change means one retraining per fine-tuned model, or a quarter's "
            "worth of prompt refinement per prompted use case. 4 matches the "
            "article's quarterly retraining.",
        ),
        HORIZON,
        STAFF_MONTHS,
    ),
    outputs=(
        Output(
            key="ft_total",
            label="Fine-tuning, total for all use cases",
            unit="money",
            headline=True,
        ),
        Output(
            key="pe_total",
            label="Prompt engineering, total for all use cases",
            unit="money",
            headline=True,
        ),
        DIFFERENCE,
        Output(key="ft_per_use_case", label="Fine-tuning, each added use case", unit="money"),
        Output(
            key="pe_per_use_case", label="Prompt engineering, each added use case", unit="money"
        ),
        Output(key="ft_cost_per_change", label="Fine-tuning, one change (per model)", unit="money"),
        Output(
            key="pe_cost_per_change",
            label="Prompt engineering, one change (per use case)",
            unit="money",
        ),
        Output(
            key="crossover_use_cases",
            label="Number of use cases at which fine-tuning becomes cheaper",
            unit="count",
            none="never: each use case adds more to fine-tuning",
            headline=True,
        ),
        Output(
            key="series",
            label="Total cost by number of use cases",
            unit="series",
            columns=(
                Column(key="use_cases", label="Use cases", unit="count"),
                Column(key="ft", label="Fine-tuning", unit="money"),
                Column(key="pe", label="Prompt engineering", unit="money"),
            ),
        ),
    ),
    formula=(
        "shared: staff (build phase) and tools up front; support (fine-tuning) or versioning "
        "and oversight (prompting) every month",
        "per use case, fine-tuning: data preparation, training, its own hosting and "
        "monitoring, and one retraining per change",
        "per use case, prompting: testing, its own API usage, and three months of prompt "
        "refinement per change",
        "total(n) = shared + n * per use case; with 1 use case and 4 changes a year this "
        "equals the overview's totals",
    ),
    compute=compute_scaling,
)
