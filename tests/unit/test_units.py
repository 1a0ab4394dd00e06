"""The one formatter: how numbers read, the same on the page, in the browser and the CLI."""

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import CALCULATORS, calculate, format_value
from calculator.__main__ import main
from calculator.display import present
from calculator.units import UNITS, check_currency

from .strategies import calculators_and_inputs

NUMBER_UNITS = [n for n, u in UNITS.items() if u.scalar and n not in ("text", "flag")]


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1.125, "money", "$1.13"),  # half away from zero, not half to even
        (2.675, "money", "$2.68"),  # the number as written, not its binary neighbour
        (-1.125, "money", "-$1.13"),
        (1000.5, "count", "1,001"),
        (2.25, "count", "2.3"),
        (2.35, "months", "2.4"),
        (0.125, "share", "12.5%"),
        (0.9, "share", "90%"),
        (2.995, "ratio", "3.00×"),
        (751500.0, "money", "$751,500"),
        (123456.78, "money", "$123,457"),  # no cents on big sums
        (5166.666666, "money", "$5,166.67"),
        (40.0, "money", "$40"),
        (0.00525, "money", "$0.0053"),  # a cost per request keeps its digits
        (-0.0001, "money", "-$0.0001"),
        (0.0, "money", "$0"),
        (None, "months", "never"),
        (True, "flag", "yes"),
        ("fine_tuning", "text", "Fine-tuning"),
        ("prompt_engineering_onshore", "text", "Prompt engineering, onshore"),
    ],
)
def test_numbers_read_as_a_reader_expects(value, unit, text):
    assert format_value(value, unit) == text


@pytest.mark.parametrize(
    ("currency", "text"),
    [("EUR", "€1,234.50"), ("GBP", "£1,234.50"), ("JPY", "¥1,235"), ("AUD", "A$1,234.50")],
)
def test_a_currency_picks_its_symbol_and_decimals(currency, text):
    assert format_value(1234.5, "money", currency) == text


def test_an_unknown_code_shows_the_code_and_a_bad_one_is_refused():
    assert format_value(5.0, "money", "XTS").split() == ["XTS", "5"]
    for bad in ("EURO", "€", "12A", "<b>", "e u"):
        with pytest.raises(ValueError, match="ISO 4217"):
            check_currency(bad)


@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(NUMBER_UNITS))
def test_every_finite_number_formats_in_every_unit(value, unit):
    for compact in (False, True):
        text = format_value(value, unit, compact=compact)
        assert text and "nan" not in text.lower() and "e+" not in text


@given(calculators_and_inputs)
def test_every_result_can_be_shown(case):
    calculator_id, inputs = case
    shown = present(calculator_id, calculate(calculator_id, inputs))
    assert set(shown) == {o.key for o in CALCULATORS[calculator_id].outputs}
    json.dumps(shown)


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_the_cli_prints_what_the_page_shows(calculator_id, capsys):
    assert main([calculator_id]) == 0
    out = capsys.readouterr().out
    shown = present(calculator_id, calculate(calculator_id))
    for output in CALCULATORS[calculator_id].outputs:
        if "text" in shown[output.key] and output.unit != "link":
            assert f"{output.label}" in out
            assert shown[output.key]["text"] in out, output.key


def test_ratio_and_share_read_the_same_in_the_cli(capsys):
    main(["takeaways"])
    out = capsys.readouterr().out
    assert "2.96×" in out and "2.99×" in out and "x\n" not in out
    main(["uncertainty", "--set", "simulations=100"])
    assert "%" in capsys.readouterr().out


def test_large_numbers_keep_their_digits():
    assert format_value(1e15, "money") == "$1,000,000,000,000,000"
    assert math.isclose(float(format_value(1e15, "count").replace(",", "")), 1e15)


def _fixed_by_decimal(value, digits):
    """The definition: the number as written, rounded half away from zero by ``decimal``."""
    from decimal import Decimal

    from calculator.units import _EXACT, _decimal

    exact = _decimal(value).quantize(Decimal(1).scaleb(-digits), context=_EXACT)
    return f"{exact:,.{digits}f}"


@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(-(10**20), 10**20),
        st.integers(-(10**9), 10**9).map(lambda n: n / 1000 + 0.0005),  # ties at 3 places
        st.decimals(-(10**7), 10**7, places=3).map(float),
    ),
    st.integers(0, 4),
)
def test_the_fast_rounding_is_the_decimal_rounding(value, digits):
    from calculator.units import _fixed

    assert _fixed(value, digits) == _fixed_by_decimal(value, digits)


def test_number_text_carries_no_markup_characters():
    """Charts place number text without escaping it: no symbol may hold markup."""
    from calculator.units import CURRENCIES

    for symbol, _ in CURRENCIES.values():
        assert not set(symbol) & set("<>&\"'"), symbol
