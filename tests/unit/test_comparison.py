"""Two scenarios of one calculator: the model's differences, their texts, the bridge's
reply and the command line."""

import json
import math

import pytest
from hypothesis import given

from calculator import CALCULATORS, InputError, bridge, calculate, compare
from calculator.__main__ import main
from calculator.comparison import present_comparison
from calculator.units import UNITS

from .strategies import calculators_and_inputs, inputs_for


def scalar_keys(calculator_id):
    return {o.key for o in CALCULATORS[calculator_id].outputs if UNITS[o.unit].scalar}


@given(calculators_and_inputs, calculators_and_inputs)
def test_the_difference_is_b_minus_a_for_every_numeric_scalar(first, second):
    calculator_id, inputs_a = first
    inputs_b = second[1] if second[0] == calculator_id else {}
    both = compare(calculator_id, inputs_a, inputs_b)
    assert both["a"] == calculate(calculator_id, inputs_a)
    assert both["b"] == calculate(calculator_id, inputs_b)
    assert set(both["delta"]) == scalar_keys(calculator_id)
    for key, delta in both["delta"].items():
        a, b = both["a"][key], both["b"][key]
        if type(a) in (int, float) and type(b) in (int, float):
            assert delta == b - a
        else:
            assert delta is None, key


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_a_scenario_against_itself_differs_by_nothing(calculator_id):
    both = compare(calculator_id, {}, {})
    shown = present_comparison(calculator_id, both)
    for key, delta in both["delta"].items():
        assert delta in (0, None), key
        assert shown["delta"][key]["text"] in ("0", ""), key


def test_the_change_in_percent_is_for_amounts_counts_and_months_against_a_non_zero_a():
    shown = present_comparison(
        "prompt_tax", compare("prompt_tax", {}, {"requests_per_month": 10_000_000})
    )
    assert shown["delta"]["pe_monthly_inference"]["text"] == "+$40,000"
    assert shown["change"]["pe_monthly_inference"]["text"] == "+100%"
    assert shown["change"]["break_even_cached_share"]["value"] is None  # a share: points
    assert shown["delta"]["break_even_cached_share"]["text"].endswith(" points")


def test_never_against_a_month_is_no_difference():
    both = compare("prompt_tax", {"requests_per_month": 100}, {})
    assert both["a"]["payback_months"] is None and both["b"]["payback_months"] > 0
    shown = present_comparison("prompt_tax", both)
    assert both["delta"]["payback_months"] is None
    assert shown["delta"]["payback_months"]["text"] == shown["change"]["payback_months"]["text"]
    assert shown["change"]["payback_months"]["text"] == ""


@given(inputs_for("overview"))
def test_the_bridge_sends_b_as_a_call_does_with_a_beside_it(inputs):
    reply = json.loads(bridge.compare("overview", "{}", json.dumps(inputs), "EUR"))
    alone = json.loads(bridge.call("overview", json.dumps(inputs), "EUR"))
    assert {k: v for k, v in reply.items() if k not in ("compare", "display")} == {
        k: v for k, v in alone.items() if k != "display"
    }
    for key, shown in alone["display"].items():  # the same texts; charts with A behind
        if "text" in shown:
            assert reply["display"][key] == shown, key
    assert "tp-chart__line--behind" in reply["display"]["series"]["chart"]
    assert (
        reply["compare"]["a"]["display"]
        == json.loads(bridge.call("overview", "{}", "EUR"))["display"]
    )
    for key, delta in reply["compare"]["delta"].items():
        assert delta["value"] is None or math.isfinite(delta["value"]), key


@pytest.mark.parametrize(("a", "b", "side"), [('{"horizon_months": 0}', "{}", "a"),
                                              ("{}", '{"horizon_months": "x"}', "b"),
                                              ("{", "{}", "a")])  # fmt: skip
def test_the_bridge_names_the_scenario_with_bad_input(a, b, side):
    reply = json.loads(bridge.compare("overview", a, b))
    assert reply["ok"] is False and reply["error"]["side"] == side


def test_bad_input_in_either_scenario_raises_for_its_field():
    with pytest.raises(InputError) as err:
        compare("quality", {"pe_accuracy": 2}, {})
    assert err.value.field == "pe_accuracy"


def test_the_command_line_prints_b_a_and_the_difference(capsys):
    assert main(["overview", "--set", "horizon_months=24", "--against"]) == 0
    out = capsys.readouterr().out
    assert "B (--set)" in out and "A (--against)" in out
    assert "$568,500" in out and "$751,500" in out and "-$183,000" in out and "-24.35%" in out


def test_the_command_line_gives_both_scenarios_as_json(capsys):
    args = ["quality", "--set", "cost_per_error=80", "--against", "cost_per_error=40", "--json"]
    assert main(args) == 0
    both = json.loads(capsys.readouterr().out)
    assert (
        both["a"]["inputs"]["cost_per_error"] == 40 and both["b"]["inputs"]["cost_per_error"] == 80
    )
    assert both["delta"]["payback_months"] < 0


def test_the_command_line_names_scenario_a_when_its_input_is_bad(capsys):
    assert main(["overview", "--against", "horizon_months=0"]) == 2
    assert "scenario A (--against): Horizon (horizon_months)" in capsys.readouterr().err
