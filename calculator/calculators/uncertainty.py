"""How sure is the answer: a seeded simulation that draws every article figure within its
range, and the spread of the totals and of the month the costs cross."""

from __future__ import annotations

import math
import random
import statistics

from .. import figures as fig
from ..base import Calculator
from ..fields import Chart, Column, Field, Output
from ..names import APPROACHES
from ..shared import (
    BENEFIT,
    HORIZON,
    RETRAINING_CAVEAT,
    STAFF_MONTHS,
)


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
