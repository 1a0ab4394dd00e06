"""Calculators that agree with each other: a figure one page tells the reader to carry into
another calculator gives there the answer the first page stated."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculator import CALCULATORS, calculate

from .strategies import inputs_for

CARRIERS = ("prompt_tax", "quality")


def carried(result):
    """The overview inputs behind a calculator's 'Open the overview' link."""
    link = result["carry_to_overview"]
    assert link["calculator"] == "overview"
    return link["inputs"]


def assert_payback_reproduced(result):
    payback = result["payback_months"]
    largest = CALCULATORS["overview"].field("ft_monthly_benefit").maximum
    if (
        result["carry_to_overview"] is None
        and result["ft_monthly_benefit"]
        > largest
        * (
            result["inputs"]["exchange_rate"]  # the overview's bounds are in article dollars
        )
    ):
        return  # beyond the largest benefit the overview takes
    if result["carry_to_overview"] is None:  # nothing earned back: never, as with no benefit
        assert result["ft_monthly_benefit"] <= 0.005 and payback is None
        assert (
            calculate("overview", {"range_position": result["inputs"]["range_position"]})[
                "break_even_month"
            ]
            is None
        )
        return
    overview = calculate("overview", carried(result))
    crossing = overview["break_even_month"]
    if payback is None:
        assert crossing is None
        return
    if payback == 0:
        assert crossing == 0
        return
    expected = math.ceil(payback)
    if expected > overview["inputs"]["horizon_months"]:
        assert crossing is None  # beyond the longest horizon the overview allows
        return
    near_whole = abs(payback - round(payback)) < 1e-6  # rounding may land either side
    assert crossing == expected or (near_whole and crossing == round(payback) + 1), (
        payback,
        crossing,
    )


@pytest.mark.parametrize("calculator_id", CARRIERS)
def test_the_carried_benefit_reproduces_the_payback_at_the_defaults(calculator_id):
    result = calculate(calculator_id)
    assert_payback_reproduced(result)
    expected = {"prompt_tax": (14_450, 31.2, 32), "quality": (20_000, 13.6, 14)}[calculator_id]
    benefit, payback, month = expected
    assert result["ft_monthly_benefit"] == pytest.approx(benefit)
    assert round(result["payback_months"], 1) == payback
    assert calculate("overview", carried(result))["break_even_month"] == month


@given(inputs_for("prompt_tax"))
def test_the_prompt_tax_benefit_reproduces_its_payback(inputs):
    inputs["fine_tune_upfront"] = None  # the overview knows the article's gap only
    assert_payback_reproduced(calculate("prompt_tax", inputs))


@given(inputs_for("quality"))
def test_the_accuracy_benefit_reproduces_its_payback(inputs):
    assert_payback_reproduced(calculate("quality", inputs))


def test_a_readers_own_upfront_cost_is_not_carried():
    result = calculate("prompt_tax", {"fine_tune_upfront": "50000"})
    assert result["carry_to_overview"] is None


@given(inputs_for("quality"))
def test_the_carried_link_keeps_the_shared_inputs(inputs):
    result = calculate("quality", inputs)
    assume(result["carry_to_overview"] is not None)
    link = carried(result)
    for name in ("range_position", "build_phase_staff_months"):
        overview_default = CALCULATORS["overview"].field(name).default
        assert link.get(name, overview_default) == result["inputs"][name]


@given(inputs_for("quality"), st.integers(1, 240))
def test_hybrid_fine_tune_only_path_and_sensitivity_agree_with_the_overview(inputs, horizon):
    benefit = min(1e12, max(0.0, calculate("quality", inputs)["ft_monthly_benefit"]))
    shared = {
        "range_position": inputs["range_position"],
        "build_phase_staff_months": inputs["build_phase_staff_months"],
        "horizon_months": horizon,
        "ft_monthly_benefit": benefit,
    }
    overview = calculate("overview", shared)
    hybrid = calculate("hybrid", {**shared, "switch_month": 0})
    sensitivity = calculate("sensitivity", shared)
    scale = max(1.0, abs(overview["ft_total"]), abs(overview["pe_total"]))
    assert hybrid["ft_only_total"] == pytest.approx(overview["ft_total"], abs=1e-9 * scale)
    assert hybrid["pe_only_total"] == pytest.approx(overview["pe_total"], abs=1e-9 * scale)
    assert sensitivity["difference"] == pytest.approx(overview["difference"], abs=1e-9 * scale)


@given(inputs_for("hybrid"))
def test_hybrid_names_the_cheapest_of_its_three_paths(inputs):
    result = calculate("hybrid", inputs)
    totals = {
        "prompts_only": result["pe_only_total"],
        "hybrid_best": result["best_hybrid_total"],
        "fine_tune_only": result["ft_only_total"],
    }
    assert result["cheapest_total"] == min(totals.values())
    assert totals[result["cheapest_path"]] == result["cheapest_total"]


def test_hybrid_at_its_defaults_names_the_fine_tune_from_the_start():
    result = calculate("hybrid")
    assert result["cheapest_path"] == "fine_tune_only"
    assert result["ft_only_total"] < result["best_hybrid_total"] < result["pe_only_total"]


def test_sovereign_on_cost_alone_puts_onshore_above_offshore_for_both_approaches():
    result = calculate("sovereign", {"exposure_cost": 0})
    totals = {o["id"]: o["expected_total"] for o in result["options"]}
    for approach in ("fine_tuning", "prompt_engineering"):
        assert totals[f"{approach}_onshore"] > totals[f"{approach}_offshore"]
    defaults = calculate("sovereign")
    assert defaults["ft_onshore_extra_cost"] > 0 and defaults["pe_onshore_extra_cost"] > 0


@given(inputs_for("sovereign"))
def test_sovereign_threshold_is_where_onshore_and_offshore_meet(inputs):
    low, high = sorted(
        (inputs["exposure_probability_onshore"], inputs["exposure_probability_offshore"])
    )
    assume(high - low > 1e-3)
    inputs = {**inputs, "exposure_probability_onshore": low, "exposure_probability_offshore": high}
    result = calculate("sovereign", inputs)
    for prefix, approach in (("ft", "fine_tuning"), ("pe", "prompt_engineering")):
        threshold = result[f"{prefix}_exposure_cost_onshore_cheaper"]
        if threshold == 0:  # onshore is cheaper on cost alone
            assert result[f"{prefix}_onshore_extra_cost"] <= 0
            continue
        largest = CALCULATORS["sovereign"].field("exposure_cost").maximum * inputs["exchange_rate"]
        if threshold > largest:  # a true answer, beyond any exposure cost one can enter
            continue
        at = calculate("sovereign", {**inputs, "exposure_cost": threshold})
        totals = {o["location"]: o["expected_total"] for o in at["options"]
                  if o["approach"] == approach}  # fmt: skip
        assert totals["onshore"] == pytest.approx(totals["offshore"], rel=1e-9, abs=1e-6)


def test_the_decision_with_nothing_ticked_says_why_it_recommends_prompting():
    result = calculate("decision")
    assert result["recommendation"] == "prompt_engineering"
    assert any("Nothing ticked" in reason for reason in result["reasons"])
