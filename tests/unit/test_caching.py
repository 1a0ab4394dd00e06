"""Prompt caching in the prompt tax: with nothing cached, every output is what the formulas
gave before caching was modelled; the break-even share is where the saving is zero."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError, calculate
from calculator.shared import costs

from .strategies import inputs_for

CACHING = ("pe_cached_share", "ft_cached_share", "pe_cached_input_price", "ft_cached_input_price")


def before_caching(v):
    """The prompt tax's per-request formulas as they were before prompt caching."""
    pe = v["pe_input_tokens"] * v["pe_input_price"] + v["output_tokens"] * v["pe_output_price"]
    ft = v["ft_input_tokens"] * v["ft_input_price"] + v["output_tokens"] * v["ft_output_price"]
    pe, ft = pe / 1_000_000, ft / 1_000_000
    requests = v["requests_per_month"]
    c = costs(v)
    if v["include_other_running_costs"]:
        other = (c["ft_monthly"] - c["values"]["ft_hosting_inference"]) - (
            c["pe_monthly"] - c["values"]["pe_api_usage"]
        )
    else:
        other = 0.0
    saving = pe * requests - ft * requests - other
    return {
        "pe_cost_per_request": pe,
        "ft_cost_per_request": ft,
        "saving_per_request": pe - ft,
        "pe_monthly_inference": pe * requests,
        "ft_monthly_inference": ft * requests,
        "monthly_saving": saving,
        "ft_monthly_benefit": saving + (c["ft_monthly"] - c["pe_monthly"]),
    }


def check_unchanged(inputs):
    result = calculate("prompt_tax", inputs)
    assert result["inputs"]["pe_cached_share"] == result["inputs"]["ft_cached_share"] == 0
    for key, value in before_caching(result["inputs"]).items():
        assert result[key] == value, key  # the same float, not merely close
    return result


def test_nothing_cached_changes_no_output_at_the_defaults():
    result = check_unchanged({})
    assert (result["monthly_saving"], round(result["payback_months"], 1)) == (4300.0, 31.2)


@given(inputs_for("prompt_tax"), st.booleans())
def test_nothing_cached_changes_no_output_at_any_inputs(inputs, cached_prices):
    inputs.update(pe_cached_share=0, ft_cached_share=0)
    if not cached_prices:  # a cache-read price entered, but nothing read from the cache
        inputs.update(pe_cached_input_price=None, ft_cached_input_price=None)
    check_unchanged(inputs)


def test_at_the_break_even_share_the_saving_is_zero():
    share = calculate("prompt_tax")["break_even_cached_share"]
    assert share == pytest.approx(0.344)  # 4,300 a month saved; caching cuts 12,500 a month
    assert calculate("prompt_tax", {"pe_cached_share": share})["monthly_saving"] == pytest.approx(
        0, abs=1e-6
    )


@given(inputs_for("prompt_tax"))
def test_the_break_even_share_is_a_root_of_the_saving_or_there_is_none(inputs):
    result = calculate("prompt_tax", inputs)
    share = result["break_even_cached_share"]
    at = {s: calculate("prompt_tax", {**inputs, "pe_cached_share": s}) for s in (0, 1)}
    ends = (at[0]["monthly_saving"], at[1]["monthly_saving"])
    scale = max(1.0, *map(abs, ends))
    if share is None:
        assert min(ends) > 0 or max(ends) < 0 or ends[0] == ends[1] != 0
    else:
        assert 0 <= share <= 1
        saving = calculate("prompt_tax", {**inputs, "pe_cached_share": share})["monthly_saving"]
        assert math.isclose(saving, 0, abs_tol=1e-9 * scale)


def test_caching_cuts_the_prompted_cost_at_the_entered_or_derived_price():
    half = calculate("prompt_tax", {"pe_cached_share": 1})
    assert half["pe_cost_per_request"] == pytest.approx((2000 * 1.25 + 300 * 10) / 1e6)
    tenth = calculate("prompt_tax", {"pe_cached_share": 1, "pe_cached_input_price": 0.25})
    assert tenth["pe_cost_per_request"] == pytest.approx((2000 * 0.25 + 300 * 10) / 1e6)
    ft = calculate("prompt_tax", {"ft_cached_share": 0.5})
    assert ft["ft_cost_per_request"] == pytest.approx((200 * (3.75 * 0.75) + 300 * 15) / 1e6)


def test_the_derived_cache_price_follows_the_exchange_rate():
    euros = calculate("prompt_tax", {"exchange_rate": 0.5, "pe_cached_share": 1})
    assert euros["pe_cost_per_request"] == pytest.approx((2000 * 0.625 + 300 * 5) / 1e6)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("pe_cached_share", "1.5", "must be at most 1, got 1.5"),
        ("ft_cached_share", "-0.1", "must be at least 0, got -0.1"),
        ("pe_cached_share", "nan", "must be a number, got NaN"),
        ("pe_cached_input_price", "-1", "must be at least 0, got -1"),
        ("ft_cached_input_price", "cheap", "must be a number, got 'cheap'"),
    ],
)
def test_bad_caching_input_names_its_field(field, value, reason):
    with pytest.raises(InputError) as err:
        calculate("prompt_tax", {field: value})
    assert (err.value.field, err.value.reason) == (field, reason)


def test_the_caching_fields_are_declared_with_their_defaults():
    from calculator import CALCULATORS

    calc = CALCULATORS["prompt_tax"]
    assert [calc.field(name).default for name in CACHING] == [0.0, 0.0, None, None]
    assert calc.field("pe_cached_input_price").placeholder == "half the input price"
    assert any("cache" in note for note in calc.notes)
