"""Properties that hold for every valid input (hypothesis)."""

import itertools
import json
import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from calculator import calculate
from calculator import figures as fig

from .strategies import calculators_and_inputs, inputs_for


def numbers_in(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers_in(item)


TINY_PROMPT_BUDGET = {  # so small that the ratio to it overflowed to infinity
    "range_position": 0.0,
    "build_phase_staff_months": 0,
    "pe_prompt_development": 0.0,
    "pe_testing_refinement": 0.0,
    "pe_prompt_tools": 5e-324,
}


@given(calculators_and_inputs)
@settings(max_examples=300)
@example(("initial_investment", TINY_PROMPT_BUDGET))
def test_results_are_finite_json_and_deterministic(case):
    calculator_id, inputs = case
    result = calculate(calculator_id, inputs)
    assert all(math.isfinite(x) for x in numbers_in(result))
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert calculate(calculator_id, inputs) == result


@given(inputs_for("initial_investment"))
def test_initial_totals_are_the_sum_of_their_items(inputs):
    result = calculate("initial_investment", inputs)
    for approach, key in (("fine_tuning", "ft_total"), ("prompt_engineering", "pe_total")):
        counted = [i["counted"] for i in result["items"] if i["approach"] == approach]
        assert result[key] == pytest.approx(math.fsum(counted))


@given(inputs_for("ongoing_costs"))
def test_monthly_totals_are_the_sum_of_their_items(inputs):
    result = calculate("ongoing_costs", inputs)
    for approach, key in (("fine_tuning", "ft_monthly"), ("prompt_engineering", "pe_monthly")):
        monthly = [i["monthly"] for i in result["items"] if i["approach"] == approach]
        assert result[key] == pytest.approx(math.fsum(monthly))
        as_published = [i["value"] for i in result["items"] if i["approach"] == approach]
        assert result[f"{key}_as_published"] == pytest.approx(math.fsum(as_published))
        assert result[f"{key}_as_published"] >= result[key] - 1e-6


@given(inputs_for("scaling"))
def test_more_use_cases_never_cost_less(inputs):
    series = calculate("scaling", inputs)["series"]
    for before, after in itertools.pairwise(series):
        assert after["ft"] >= before["ft"]
        assert after["pe"] >= before["pe"]


@given(inputs_for("scaling"))
def test_scaling_crossover_is_the_first_use_case_where_fine_tuning_is_cheaper(inputs):
    inputs = {**inputs, "use_cases": 200}
    result = calculate("scaling", inputs)
    cheaper_at = [row["use_cases"] for row in result["series"] if row["ft"] <= row["pe"]]
    crossover = result["crossover_use_cases"]
    if crossover is not None and crossover <= 200:
        assert cheaper_at and cheaper_at[0] == crossover
    else:
        assert not cheaper_at


@given(
    inputs_for("prompt_tax"),
    st.sampled_from(["pe_input_price", "pe_output_price", "ft_input_price", "ft_output_price"]),
    st.floats(0, 1_000),
)
def test_a_higher_price_never_lowers_a_cost(inputs, price, extra):
    before = calculate("prompt_tax", inputs)
    cap = 100_000 * inputs["exchange_rate"]  # the price bound, in the reader's currency
    after = calculate("prompt_tax", {**inputs, price: min(inputs[price] + extra, cap)})
    side = price[:2]
    for key in (f"{side}_cost_per_request", f"{side}_monthly_inference"):
        assert after[key] >= before[key]


@given(inputs_for("overview"))
def test_break_even_month_is_the_first_month_the_lines_cross(inputs):
    result = calculate("overview", inputs)
    series, month = result["series"], result["break_even_month"]
    start = series[0]["ft"] - series[0]["pe"]
    crossed = [
        row["month"]
        for row in series
        if row["ft"] == row["pe"] or (row["ft"] - row["pe"] > 0) != (start > 0)
    ]
    assert month == (crossed[0] if crossed else None)
    if month is not None and month > 0:
        previous = series[month - 1]
        assert (previous["ft"] > previous["pe"]) == (start > 0)


@given(inputs_for("overview"))
def test_overview_totals_are_the_last_row_of_the_series(inputs):
    result = calculate("overview", inputs)
    assert result["ft_total"] == result["series"][-1]["ft"]
    assert result["pe_total"] == result["series"][-1]["pe"]
    assert len(result["series"]) == result["inputs"]["horizon_months"] + 1


@given(st.floats(0, 1), st.floats(0, 1))
def test_higher_range_position_never_lowers_a_total(a, b):
    low, high = sorted((a, b))
    for cid, keys in (
        ("initial_investment", ("ft_total", "pe_total")),
        ("ongoing_costs", ("ft_monthly", "pe_monthly")),
    ):
        r_low = calculate(cid, {"range_position": low})
        r_high = calculate(cid, {"range_position": high})
        for key in keys:
            assert r_high[key] >= r_low[key] - 1e-9


@given(inputs_for("hybrid"))
def test_hybrid_best_switch_is_no_worse_than_the_readers_switch(inputs):
    result = calculate("hybrid", inputs)
    assert result["best_hybrid_total"] <= result["hybrid_total"] + 1e-6 * max(
        1, abs(result["hybrid_total"])
    )
    assert result["best_hybrid_total"] <= result["pe_only_total"] + 1e-9
    assert result["series"][-1]["hybrid"] == pytest.approx(result["hybrid_total"])


def test_every_item_range_is_ordered():
    for item in fig.ITEMS:
        assert item.at(0) == item.low <= item.at(1) == item.high


@given(st.integers(-(10**6), 10**6), st.integers(-(10**4), 10**4), st.integers(1, 240))
def test_analytic_break_even_agrees_with_the_series(start, slope, horizon):
    from calculator.calculators.uncertainty import break_even_month
    from calculator.shared import first_crossing

    series = [{"month": m, "a": start + m * slope, "b": 0} for m in range(horizon + 1)]
    assert break_even_month(start, slope, horizon) == first_crossing(series, "a", "b")


@given(inputs_for("uncertainty"))
@settings(max_examples=20)
def test_uncertainty_percentiles_are_ordered(inputs):
    inputs = {**inputs, "simulations": min(inputs["simulations"], 500)}
    result = calculate("uncertainty", inputs)
    for row in result["percentiles"]:
        assert row["p10"] <= row["p50"] <= row["p90"]
    assert 0 <= result["probability_ft_cheaper"] <= 1
    assert 0 <= result["probability_lines_cross"] <= 1


@pytest.mark.parametrize(
    ("calculator_id", "inputs"),
    [  # found by the properties above: a denormal price or probability once gave infinity
        ("prompt_tax", {"range_position": 0, "requests_per_month": 1, "pe_input_tokens": 1,
                        "ft_input_tokens": 0, "output_tokens": 0,
                        "pe_input_price": 2.225073858507e-311, "ft_input_price": 0,
                        "include_other_running_costs": False}),
        ("prompt_tax", {"range_position": 0, "requests_per_month": 0, "pe_input_tokens": 0,
                        "ft_input_tokens": 0, "output_tokens": 1, "pe_input_price": 0,
                        "pe_output_price": 2.2250738585e-313, "ft_input_price": 0,
                        "ft_output_price": 0, "include_other_running_costs": True}),
        ("sovereign", {"pe_compliance_onshore": 1, "exposure_probability_onshore": 0,
                       "exposure_probability_offshore": 2.2250738585072014e-308}),
    ],
)  # fmt: skip
def test_vanishing_differences_never_give_infinite_results(calculator_id, inputs):
    result = calculate(calculator_id, inputs)
    assert all(math.isfinite(x) for x in numbers_in(result))
    json.dumps(result, allow_nan=False)
