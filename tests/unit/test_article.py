"""The article's arithmetic, pinned: its totals, its published sums and its ratio claims."""

import pytest

from calculator import calculate
from calculator import figures as fig


@pytest.mark.parametrize(
    ("r", "ft", "pe"),
    [(0, 75_000, 27_000), (0.5, 202_500, 68_500), (1, 330_000, 110_000)],
)
def test_initial_totals_match_the_article(r, ft, pe):
    result = calculate("initial_investment", {"range_position": r})
    assert result["ft_total"] == pytest.approx(ft)
    assert result["pe_total"] == pytest.approx(pe)


@pytest.mark.parametrize(
    ("r", "ft", "pe", "ft_published", "pe_published"),
    [
        (0, 5_166.666_667, 1_700, 6_500, 1_700),
        (0.5, 15_250, 5_100, 19_250, 5_100),
        (1, 25_333.333_333, 8_500, 32_000, 8_500),
    ],
)
def test_monthly_totals_normalised_and_as_published(r, ft, pe, ft_published, pe_published):
    result = calculate("ongoing_costs", {"range_position": r})
    assert result["ft_monthly"] == pytest.approx(ft)
    assert result["pe_monthly"] == pytest.approx(pe)
    assert result["ft_monthly_as_published"] == pytest.approx(ft_published)
    assert result["pe_monthly_as_published"] == pytest.approx(pe_published)
    assert result["ft_annual"] == pytest.approx(12 * ft)


def test_published_totals_are_the_sums_at_the_range_ends():
    for r, end in ((0, 0), (1, 1)):
        values = fig.item_values(r)
        assert fig.initial_total("fine_tuning", values) == fig.PUBLISHED_TOTALS["ft_initial"][end]
        assert (
            fig.initial_total("prompt_engineering", values)
            == fig.PUBLISHED_TOTALS["pe_initial"][end]
        )
        assert (
            fig.monthly_total_as_published("fine_tuning", values)
            == fig.PUBLISHED_TOTALS["ft_monthly"][end]
        )
        assert (
            fig.monthly_total("prompt_engineering", values)
            == fig.PUBLISHED_TOTALS["pe_monthly"][end]
        )


@pytest.mark.parametrize(("r", "ratio"), [(0, 3.04), (0.5, 2.99), (1, 2.98)])
def test_ongoing_ratio_is_about_three_once_normalised(r, ratio):
    result = calculate("takeaways", {"range_position": r})
    assert round(result["ongoing_ratio"], 2) == ratio


@pytest.mark.parametrize(("r", "ratio"), [(0, 2.78), (0.5, 2.96), (1, 3.0)])
def test_initial_ratio_sits_inside_the_claim(r, ratio):
    result = calculate("takeaways", {"range_position": r})
    assert round(result["initial_ratio"], 2) == ratio
    assert result["initial_claim_holds"] is True


def test_three_to_five_claim_holds_only_with_the_published_slip():
    result = calculate("takeaways")
    assert result["ongoing_claim_holds"] is False
    assert result["ongoing_claim_holds_as_published"] is True


def test_overview_over_36_months_never_breaks_even():
    result = calculate("overview")
    assert result["ft_total"] == pytest.approx(751_500)
    assert result["pe_total"] == pytest.approx(252_100)
    assert result["difference"] == pytest.approx(499_400)
    assert result["cheaper"] == "prompt_engineering"
    assert result["break_even_month"] is None
    assert len(result["series"]) == 37


def test_staff_months_and_recurring_staff_make_the_choice_visible():
    half = calculate("initial_investment", {"build_phase_staff_months": 6})
    assert half["ft_total"] == pytest.approx(202_500 - 125_000 / 2)
    recurring = calculate("overview", {"recurring_staff": True})
    assert recurring["ft_monthly"] == pytest.approx(15_250 + 125_000 / 12)
    assert recurring["pe_monthly"] == pytest.approx(5_100 + 50_000 / 12)


def test_item_override_replaces_the_range_value():
    result = calculate("initial_investment", {"ft_data_preparation": "0"})
    assert result["ft_total"] == pytest.approx(202_500 - 30_000)


def test_scaling_with_one_use_case_and_quarterly_changes_equals_overview():
    scaling = calculate("scaling", {"use_cases": 1, "changes_per_year": 4})
    overview = calculate("overview")
    assert scaling["ft_total"] == pytest.approx(overview["ft_total"])
    assert scaling["pe_total"] == pytest.approx(overview["pe_total"])


def test_quality_payback_identity():
    result = calculate("quality")
    saving = result["pe_effective_monthly"] - result["ft_effective_monthly"]
    assert result["payback_months"] * saving == pytest.approx(result["upfront_gap"])
    at_break_even = calculate("quality", {"cost_per_error": result["break_even_cost_per_error"]})
    assert at_break_even["monthly_saving"] == pytest.approx(0, abs=1e-6)


def test_prompt_tax_break_even_volume_zeroes_the_saving():
    result = calculate("prompt_tax")
    volume = result["break_even_requests_per_month"]
    assert result["payback_months"] * result["monthly_saving"] == pytest.approx(
        result["fine_tune_upfront"]
    )
    # the saving is linear in volume; at the break-even volume it is zero
    per_request = result["saving_per_request"]
    assert per_request * volume - result["other_running_gap_monthly"] == pytest.approx(0)


def test_hybrid_default_benefit_is_quality_error_savings():
    quality = calculate("quality")
    hybrid = calculate("hybrid")
    assert hybrid["inputs"]["ft_monthly_benefit"] == pytest.approx(
        quality["errors_avoided_per_month"] * quality["inputs"]["cost_per_error"]
    )


def test_hybrid_with_no_benefit_never_switches():
    result = calculate("hybrid", {"ft_monthly_benefit": 0})
    assert result["best_switch_month"] is None
    assert result["best_hybrid_total"] == result["pe_only_total"]


def test_hybrid_best_switch_month_is_the_cheapest_switch():
    inputs = {"ft_monthly_benefit": 3000, "benefit_growth_per_month": 0.1}
    best = calculate("hybrid", inputs)
    month = best["best_switch_month"]
    assert month is not None and 0 < month < 36
    totals = [calculate("hybrid", {**inputs, "switch_month": s})["hybrid_total"] for s in range(36)]
    assert min(totals) == pytest.approx(best["best_hybrid_total"])
    assert totals.index(min(totals)) == month


def test_decision_follows_the_article_criteria():
    assert calculate("decision")["recommendation"] == "prompt_engineering"
    strong = {
        "high_accuracy_critical": True,
        "ml_expertise": True,
        "high_volume": True,
        "long_term_use_case": True,
    }
    assert calculate("decision", {**strong, "training_examples": 5000})["recommendation"] == (
        "fine_tuning"
    )
    no_data = calculate("decision", strong)
    assert no_data["recommendation"] == "hybrid"
    assert any("1,000" in reason for reason in no_data["reasons"])


def test_decision_budget_below_the_fine_tune_counts_as_a_constraint():
    result = calculate("decision", {"upfront_budget": 100_000})
    assert any("below fine-tuning's initial investment" in c for c in result["pe_criteria_met"])


def test_sovereign_has_four_options_and_picks_the_cheapest():
    result = calculate("sovereign")
    ids = {o["id"] for o in result["options"]}
    assert ids == {
        "fine_tuning_offshore",
        "fine_tuning_onshore",
        "prompt_engineering_offshore",
        "prompt_engineering_onshore",
    }
    cheapest = min(result["options"], key=lambda o: o["expected_total"])
    assert result["cheapest"] == cheapest["id"]
    for option in result["options"]:
        parts = ("base", "premium", "compliance", "expected_exposure")
        assert option["expected_total"] == pytest.approx(sum(option[p] for p in parts))


def test_hybrid_monthly_after_switch_is_the_month_after_the_readers_switch():
    inputs = {"ft_monthly_benefit": 3000, "benefit_growth_per_month": 0.1, "switch_month": 6}
    result = calculate("hybrid", inputs)
    series = result["series"]
    assert result["monthly_after_switch"] == pytest.approx(
        series[7]["hybrid"] - series[6]["hybrid"]
    )
    assert calculate("hybrid", {"switch_month": 36})["monthly_after_switch"] is None


def test_uncertainty_is_seeded_and_centred_on_the_midpoints():
    first = calculate("uncertainty", {"simulations": 500})
    assert calculate("uncertainty", {"simulations": 500}) == first
    other = calculate("uncertainty", {"simulations": 500, "seed": 2})
    assert other["difference_p50"] != first["difference_p50"]
    # symmetric triangular draws: the median total sits near the midpoint total
    assert first["ft_total_p50"] == pytest.approx(751_500, rel=0.02)
    assert first["pe_total_p50"] == pytest.approx(252_100, rel=0.02)
    assert first["probability_ft_cheaper"] == 0


def test_uncertainty_large_benefit_makes_fine_tuning_cheaper_everywhere():
    result = calculate("uncertainty", {"simulations": 300, "ft_monthly_benefit": 100_000})
    assert result["probability_ft_cheaper"] == 1
    assert result["probability_lines_cross"] == 1
    assert result["break_even_month_p50"] is not None


def test_sensitivity_equalising_values_really_equalise():
    result = calculate("sensitivity")
    assert result["difference"] == pytest.approx(calculate("overview")["difference"])
    swings = [bar["swing"] for bar in result["bars"]]
    assert swings == sorted(swings, reverse=True)
    for bar in result["bars"]:
        if bar["flip_value"] is not None:
            flipped = calculate("overview", {bar["id"]: bar["flip_value"]})
            assert flipped["difference"] == pytest.approx(0, abs=1e-6), bar["id"]
    benefit = calculate("overview", {"ft_monthly_benefit": result["benefit_to_flip"]})
    assert benefit["difference"] == pytest.approx(0, abs=1e-6)
    assert result["flips_within_ranges"] == 0


def test_sensitivity_counts_an_item_that_can_flip_within_its_range():
    result = calculate("sensitivity", {"ft_monthly_benefit": 13_000})
    assert result["flips_within_ranges"] >= 1
    bar = next(b for b in result["bars"] if b["flip_in_range"])
    assert bar["flip_value"] is not None


def _uncertainty_reference(v):
    """The simulation written plainly (rng.triangular, the figures' own sums): the fast
    version in calculator.calculators.uncertainty must give exactly the same totals."""
    import random

    from calculator.calculators.uncertainty import break_even_month
    from calculator.shared import approach_costs

    rng = random.Random(v["seed"])
    rows = []
    for _ in range(v["simulations"]):
        values = {i.id: rng.triangular(i.low, i.high, i.at(v["range_position"])) for i in fig.ITEMS}
        c = approach_costs(values, v["build_phase_staff_months"])
        ft_m = c["ft_monthly"] - v["ft_monthly_benefit"]
        rows.append(
            (
                c["ft_initial"] + v["horizon_months"] * ft_m,
                c["pe_initial"] + v["horizon_months"] * c["pe_monthly"],
                break_even_month(
                    c["ft_initial"] - c["pe_initial"], ft_m - c["pe_monthly"], v["horizon_months"]
                ),
            )
        )
    return rows


@pytest.mark.parametrize(
    "inputs",
    [
        {},
        {"seed": 7, "range_position": 0.3, "ft_monthly_benefit": 12_000, "simulations": 300},
        {"seed": 99, "range_position": 1, "build_phase_staff_months": 5, "simulations": 100},
        {"seed": 3, "range_position": 0, "horizon_months": 240, "simulations": 100},
    ],
)
def test_the_fast_simulation_draws_and_sums_exactly_as_the_plain_one(inputs):
    import statistics

    result = calculate("uncertainty", inputs)
    rows = _uncertainty_reference(result["inputs"])
    gaps = [ft - pe for ft, pe, _ in rows]
    assert result["difference_p50"] == statistics.median(gaps)
    assert result["ft_total_p50"] == statistics.median(ft for ft, _, _ in rows)
    assert result["pe_total_p50"] == statistics.median(pe for _, pe, _ in rows)
    assert result["probability_ft_cheaper"] == sum(g < 0 for g in gaps) / len(rows)
    crossed = [m for _, _, m in rows if m is not None]
    assert result["break_even_month_p50"] == (statistics.median(crossed) if crossed else None)
