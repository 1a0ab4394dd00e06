"""Hypothesis strategies built from the calculators' own schema."""

from hypothesis import strategies as st

from calculator import CALCULATORS
from calculator.base import EXCHANGE_RATE

# Keep generated numbers in the range a reader might plausibly type, while still far above
# any real budget; the bounds of the schema itself are tested in test_errors.py.
NUMBER_CAP = 1e9
INTEGER_CAP = 10_000
# From a currency worth a thousand dollars to one worth a thousandth (the bounds, 0 and a
# million, are tested in test_errors.py); the article's own dollars most often.
RATES = st.one_of(st.just(1.0), st.floats(1e-3, 1e3))


def integer_bounds(field):
    low = field.minimum if field.minimum is not None else 0
    high = min(field.maximum if field.maximum is not None else INTEGER_CAP, INTEGER_CAP)
    return int(low), int(high)


def field_strategy(field, rate=1.0):
    if field.kind == "boolean":
        return st.booleans()
    scale = rate if field.money else 1.0  # money bounds are in the article's dollars
    low = (field.minimum if field.minimum is not None else 0) * scale
    if field.kind == "integer":
        value = st.integers(*integer_bounds(field))
    else:
        high = min(field.maximum if field.maximum is not None else NUMBER_CAP, NUMBER_CAP) * scale
        value = st.floats(
            low, high, allow_nan=False, allow_infinity=False, exclude_min=field.positive
        )
    return st.one_of(st.none(), value) if field.optional else value


def satisfying(check, field, values, rate):
    """Values of ``field`` that pass ``check`` with the other ``values`` as they are: each
    whole number of its range that passes, or its numbers filtered."""

    def holds(x):
        return check.holds({**values, field.name: x})

    if field.kind == "integer":
        low, high = integer_bounds(field)
        return st.sampled_from([n for n in range(low, high + 1) if holds(n)])
    return field_strategy(field, rate).filter(holds)


@st.composite
def inputs_for(draw, calculator_id):
    """Valid inputs of a calculator: each field within its bounds, and where a check of the
    calculator (``calc.checks``, a rule over several fields) fails, the field it reports on
    drawn again from the values that pass it."""
    calc = CALCULATORS[calculator_id]
    rate = draw(RATES)
    inputs = {f.name: draw(field_strategy(f, rate)) for f in calc.fields if f is not EXCHANGE_RATE}
    inputs[EXCHANGE_RATE.name] = rate
    for check in calc.checks:
        values = calc.parse(inputs)
        if not check.holds(values):
            field = calc.field(check.field)
            inputs[field.name] = draw(satisfying(check, field, values, rate))
    return inputs


calculators_and_inputs = st.sampled_from(sorted(CALCULATORS)).flatmap(
    lambda cid: st.tuples(st.just(cid), inputs_for(cid))
)
