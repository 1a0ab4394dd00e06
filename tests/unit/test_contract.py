"""The contract: calculator ids, field names and output keys that links, tests and readers
rely on (add, never rename)."""

import json

import pytest

from calculator import CALCULATORS, calculate, schema
from calculator import figures as fig

REQUIRED_KEYS = {
    "overview": {"ft_total", "pe_total", "difference", "cheaper", "break_even_month", "series"},
    "initial_investment": {"ft_total", "pe_total", "ratio", "items"},
    "ongoing_costs": {
        "ft_monthly",
        "pe_monthly",
        "ft_annual",
        "pe_annual",
        "ratio",
        "ft_monthly_as_published",
        "pe_monthly_as_published",
        "items",
    },
    "prompt_tax": {
        "pe_monthly_inference",
        "ft_monthly_inference",
        "monthly_saving",
        "payback_months",
        "ft_monthly_benefit",
        "break_even_cached_share",
    },
    "quality": {
        "pe_effective_monthly",
        "ft_effective_monthly",
        "payback_months",
        "break_even_cost_per_error",
        "ft_monthly_benefit",
    },
    "scaling": {"ft_total", "pe_total", "series", "crossover_use_cases"},
    "decision": {"recommendation", "reasons"},
    "hybrid": {"pe_only_total", "ft_only_total", "hybrid_total", "best_switch_month", "series"},
    "sovereign": {"options", "cheapest"},
    "takeaways": {
        "initial_ratio",
        "ongoing_ratio",
        "ongoing_ratio_as_published",
        "initial_claim_holds",
        "ongoing_claim_holds",
    },
}

REQUIRED_FIELDS = {
    "overview": {"range_position", "horizon_months"} | {i.id for i in fig.ITEMS},
    "initial_investment": {"range_position"} | {i.id for i in fig.select(phase="initial")},
    "ongoing_costs": {"range_position"} | {i.id for i in fig.select(phase="ongoing")},
    "hybrid": {"range_position", "horizon_months"},
    "quality": {
        "range_position",
        "pe_accuracy",
        "ft_accuracy",
        "tasks_per_month",
        "cost_per_error",
    },
    "scaling": {"range_position", "use_cases"},
}


def test_the_ten_calculators_of_the_spec_exist():
    assert set(REQUIRED_KEYS) <= set(CALCULATORS)


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_defaults_give_every_required_and_declared_key(calculator_id):
    result = calculate(calculator_id)
    declared = {o.key for o in CALCULATORS[calculator_id].outputs}
    assert REQUIRED_KEYS.get(calculator_id, set()) <= declared
    assert declared == set(result) - {"inputs", "figures_as_of"}
    json.dumps(result, allow_nan=False)


@pytest.mark.parametrize("calculator_id", sorted(REQUIRED_FIELDS))
def test_fixed_field_names(calculator_id):
    names = {f.name for f in CALCULATORS[calculator_id].fields}
    assert REQUIRED_FIELDS[calculator_id] <= names


def test_every_calculator_that_uses_article_figures_has_range_position():
    for calc in CALCULATORS.values():
        if calc.id != "decision" or "upfront_budget" in {f.name for f in calc.fields}:
            assert "range_position" in {f.name for f in calc.fields}, calc.id


def test_schema_is_json_and_describes_every_calculator():
    data = json.loads(json.dumps(schema(), allow_nan=False))
    assert list(data["calculators"]) == list(CALCULATORS)
    for calc in data["calculators"].values():
        assert calc["fields"] and calc["outputs"] and calc["formula"]
        for field in calc["fields"]:
            assert field["label"] and field["unit"] and field["help"], field["name"]
            if field["source"] == "illustrative":
                assert field["why"], field["name"]
            if field["optional"]:  # an empty box must say what it stands for
                assert field["placeholder"], field["name"]


def test_result_echoes_the_inputs_used_and_the_source():
    result = calculate("quality", {"cost_per_error": "80"})
    assert result["inputs"]["cost_per_error"] == 80.0
    assert result["inputs"]["tasks_per_month"] == 10_000
    assert "2025-05-19" in result["figures_as_of"]


def test_strings_from_a_url_are_accepted():
    as_strings = calculate(
        "overview",
        {
            "range_position": "0.25",
            "horizon_months": "24",
            "recurring_staff": "true",
            "ft_support": "4,000",
        },
    )
    as_values = calculate(
        "overview",
        {"range_position": 0.25, "horizon_months": 24, "recurring_staff": True, "ft_support": 4000},
    )
    assert as_strings == as_values


def test_declarations_are_checked_both_ways():
    from dataclasses import replace

    from calculator.fields import Field, Output

    calc = CALCULATORS["overview"]
    extra = replace(calc, compute=lambda v: {**calc.compute(v), "surprise": 1})
    with pytest.raises(AssertionError, match="undeclared"):
        extra.run({})
    missing = replace(calc, compute=lambda v: {k: x for k, x in calc.compute(v).items()
                                               if k != "ft_total"})  # fmt: skip
    with pytest.raises(AssertionError, match="missing"):
        missing.run({})
    with pytest.raises(ValueError, match="unknown unit"):
        Output(key="x", label="X", unit="dollars")
    with pytest.raises(ValueError, match="unknown unit"):
        Field(name="x", label="X", unit="usd", default=1)
    with pytest.raises(TypeError):
        Field("x", "X", "money", 1)  # keyword arguments only
    with pytest.raises(ValueError, match="headline"):
        replace(calc, outputs=tuple(replace(o, headline=False) for o in calc.outputs))
