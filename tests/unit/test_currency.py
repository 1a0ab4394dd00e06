"""The reader's currency: an exchange rate that converts every default in the article's
dollars (never the reader's own amounts), and a code that says how amounts read."""

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import CALCULATORS, InputError, calculate
from calculator.bridge import call, quotes
from calculator.quotes import follows_currency, quote
from calculator.units import UNITS


def money_values(calc, result):
    """Every amount of money in a result, and every other number, by where it is."""
    money, other = {}, {}
    for output in calc.outputs:
        value = result[output.key]
        if UNITS[output.unit].scalar:
            if isinstance(value, int | float) and not isinstance(value, bool):
                (money if UNITS[output.unit].money else other)[output.key] = value
        elif output.unit in ("table", "series"):
            for i, row in enumerate(value):
                for column in output.columns:
                    cell = row[column.key]
                    if isinstance(cell, int | float) and not isinstance(cell, bool):
                        where = money if UNITS[column.unit].money else other
                        where[f"{output.key}[{i}].{column.key}"] = cell
    return money, other


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
@given(rate=st.floats(0.01, 1000))
def test_at_the_defaults_every_amount_converts_and_nothing_else_moves(calculator_id, rate):
    calc = CALCULATORS[calculator_id]
    dollars = money_values(calc, calculate(calculator_id))
    converted = money_values(calc, calculate(calculator_id, {"exchange_rate": rate}))
    for key, value in dollars[0].items():
        assert math.isclose(converted[0][key], value * rate, rel_tol=1e-9, abs_tol=1e-9), key
    for key, value in dollars[1].items():
        assert math.isclose(converted[1][key], value, rel_tol=1e-9, abs_tol=1e-12), key


def test_the_readers_own_amounts_are_taken_as_they_are():
    own = calculate("quality", {"exchange_rate": 0.5, "cost_per_error": 40})
    assert own["inputs"]["cost_per_error"] == 40
    assert own["ft_monthly_benefit"] == pytest.approx(500 * 40)
    default = calculate("quality", {"exchange_rate": 0.5})
    assert default["inputs"]["cost_per_error"] == 20
    item = calculate("initial_investment", {"exchange_rate": 2, "ft_data_preparation": 1000})
    counted = {i["id"]: i["counted"] for i in item["items"]}
    assert counted["ft_data_preparation"] == 1000  # the reader's figure
    assert counted["ft_training_compute"] == 2 * 17_500  # the article's, converted


@pytest.mark.parametrize(
    ("rate", "words"),
    [(0, "greater than 0"), (-1, "greater than 0"), ("abc", "number"), ("nan", "NaN"),
     (1_000_001, "at most 1,000,000"), ("inf", "finite")],
)  # fmt: skip
def test_a_bad_rate_names_the_setting(rate, words):
    with pytest.raises(InputError) as info:
        calculate("overview", {"exchange_rate": rate})
    assert info.value.field == "exchange_rate"
    assert words in info.value.reason


def test_money_bounds_are_in_the_articles_dollars():
    calculate("prompt_tax", {"exchange_rate": 150, "pe_input_price": 150 * 90_000})
    with pytest.raises(InputError, match="at most 15,000,000"):
        calculate("prompt_tax", {"exchange_rate": 150, "pe_input_price": 150 * 100_001})


@pytest.mark.parametrize("code", ["EURO", "€", "<b>", "1AB"])
def test_a_bad_currency_code_is_an_error_at_the_setting(code):
    reply = json.loads(call("overview", "{}", code))
    assert reply["ok"] is False and reply["error"]["field"] == "currency"


def test_the_bridge_shows_the_currency_and_the_converted_defaults():
    reply = json.loads(call("quality", json.dumps({"exchange_rate": "0.92"}), "EUR"))
    assert reply["display"]["pe_effective_monthly"]["text"].startswith("€")
    assert reply["defaults"]["cost_per_error"] == "36.8"
    assert reply["currency"] == {
        "code": "EUR",
        "note": "Amounts in EUR (€), at €0.92 per article dollar",
    }
    link = reply["display"]["carry_to_overview"]["href"]
    assert "rate=0.92" in link and "currency=EUR" in link and "exchange_rate" not in link


def test_prose_figures_follow_the_currency():
    assert quote("calc:overview.ft_total", "EUR", 0.5) == "€375,750"
    assert quote("item:ft_data_preparation", "GBP", 2) == "£20,000–£100,000"
    assert quote("published:ft_monthly", "USD", 1) == "US$6,500–US$32,000"
    assert quote("claim:ongoing_ratio", "EUR", 0.5) == "3–5×"
    assert follows_currency("default:quality.cost_per_error")
    assert not follows_currency("calc:quality.payback_months")
    assert json.loads(quotes('["calc:overview.ft_total"]', "JPY", "150")) == {
        "ok": True,
        "quotes": {"calc:overview.ft_total": "¥112,725,000"},
    }


@pytest.mark.parametrize(
    ("currency", "rate", "field"),
    [("EU", "1", "currency"), ("<b>", "1", "currency"), ("EUR", "0", "exchange_rate"),
     ("EUR", "-2", "exchange_rate"), ("EUR", "NaN", "exchange_rate"),
     ("EUR", "abc", "exchange_rate"), ("EUR", "1e7", "exchange_rate")],
)  # fmt: skip
def test_prose_figures_refuse_a_bad_setting(currency, rate, field):
    reply = json.loads(quotes('["calc:overview.ft_total"]', currency, rate))
    assert reply["ok"] is False and reply["error"]["field"] == field


def test_sovereign_still_agrees_with_the_article_in_another_currency():
    result = calculate("sovereign", {"exposure_cost": 0, "exchange_rate": 1.6})
    totals = {o["id"]: o["expected_total"] for o in result["options"]}
    assert totals["fine_tuning_onshore"] > totals["fine_tuning_offshore"]
    assert totals["prompt_engineering_onshore"] > totals["prompt_engineering_offshore"]


def test_break_even_bands_and_the_share_crossed_by_month():
    result = calculate("uncertainty", {"ft_monthly_benefit": 14_000})
    p10, p50, p90 = (result[f"break_even_month_p{n}"] for n in (10, 50, 90))
    assert p10 <= p50 <= p90
    shares = [row["share"] for row in result["crossed_by_month"]]
    assert shares == sorted(shares) and shares[-1] == result["probability_lines_cross"]
    none = calculate("uncertainty")  # on cost alone, no scenario crosses
    assert none["break_even_month_p10"] is None and none["break_even_month_p90"] is None
    assert all(row["share"] == 0 for row in none["crossed_by_month"])


def test_the_tornado_draws_every_item_around_the_current_difference():
    from calculator.display import present

    result = calculate("sensitivity")
    svg = present("sensitivity", result)["bars"]["chart"]
    assert svg.count("<rect") == len(result["bars"]) == 15
    assert "Technical support and expertise" in svg and "equal cost" in svg
