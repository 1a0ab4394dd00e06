"""Bad input: one exception type, with the field named and a reason a reader understands."""

import pytest

from calculator import CALCULATORS, InputError, calculate


def money_fields():
    for calc in CALCULATORS.values():
        for field in calc.fields:
            if field.unit == "money":
                yield calc.id, field.name


def numeric_fields():
    for calc in CALCULATORS.values():
        for field in calc.fields:
            if field.kind in ("number", "integer"):
                yield calc.id, field.name


def all_fields():
    for calc in CALCULATORS.values():
        for field in calc.fields:
            yield calc.id, field.name


def reject(calculator_id, inputs, field, *words):
    with pytest.raises(InputError) as info:
        calculate(calculator_id, inputs)
    assert info.value.field == field
    assert info.value.calculator == calculator_id
    message = str(info.value)
    assert field in message
    for word in words:
        assert word in message
    return info.value


@pytest.mark.parametrize(("calculator_id", "field"), list(money_fields()))
def test_negative_money_is_rejected(calculator_id, field):
    reject(calculator_id, {field: -1}, field, "at least 0")


@pytest.mark.parametrize(("calculator_id", "field"), list(numeric_fields()))
@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("nan", ("NaN",)),
        (float("nan"), ("NaN",)),
        ("inf", ("finite",)),
        (float("-inf"), ("finite",)),
        ("1e400", ("finite",)),
        ("lots", ("number", "lots")),
        ("<script>alert(1)</script>", ("number",)),
        (True, ("number",)),
        ([1], ("number",)),
        ("1e300", ("at most",)),
    ],
)
def test_numbers_reject_nan_infinity_text_and_huge(calculator_id, field, value, words):
    if value == "1e300" and CALCULATORS[calculator_id].field(field).maximum is None:
        pytest.skip("no upper bound")
    reject(calculator_id, {field: value}, field, *words)


@pytest.mark.parametrize(("calculator_id", "field"), list(all_fields()))
def test_every_field_rejects_text_where_its_kind_does_not_fit(calculator_id, field):
    spec = CALCULATORS[calculator_id].field(field)
    if spec.kind == "boolean":
        reject(calculator_id, {field: "maybe"}, field, "true or false")
    else:
        reject(calculator_id, {field: "twelve"}, field, "must be a number")


@pytest.mark.parametrize("calculator_id", sorted(CALCULATORS))
def test_unknown_fields_are_rejected(calculator_id):
    err = reject(calculator_id, {"no_such_field": 1}, "no_such_field", "unknown field")
    assert "range_position" in err.reason or calculator_id == "decision"


@pytest.mark.parametrize(
    ("calculator_id", "field"),
    [(cid, f.name) for cid, c in CALCULATORS.items() for f in c.fields if f.unit == "share"],
)
def test_shares_outside_zero_to_one_are_rejected(calculator_id, field):
    reject(calculator_id, {field: 1.5}, field, "at most 1")
    reject(calculator_id, {field: -0.1}, field, "at least 0")


def test_unknown_calculator():
    with pytest.raises(InputError) as info:
        calculate("no_such_calculator")
    assert info.value.field is None
    assert "unknown calculator" in str(info.value)
    assert "overview" in str(info.value)


def test_empty_required_value_asks_for_one_and_empty_item_uses_the_range():
    reject("quality", {"cost_per_error": "  "}, "cost_per_error", "enter a value")
    assert calculate("initial_investment", {"ft_data_preparation": ""})["ft_total"] == 202_500


def test_whole_numbers_only_where_counts_are_whole():
    reject("overview", {"horizon_months": "12.5"}, "horizon_months", "whole number")


def test_hybrid_switch_after_horizon_names_the_switch_field():
    reject("hybrid", {"horizon_months": 12, "switch_month": 13}, "switch_month", "horizon")


def test_inputs_must_be_a_mapping():
    with pytest.raises(InputError):
        calculate("overview", ["range_position"])


def test_error_as_dict_is_plain_data():
    with pytest.raises(InputError) as info:
        calculate("quality", {"ft_accuracy": 2})
    data = info.value.as_dict()
    assert data["field"] == "ft_accuracy"
    assert data["calculator"] == "quality"
    assert "at most 1" in data["reason"]
