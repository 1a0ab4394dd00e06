"""Hypothesis strategies built from the calculators' own schema."""

from hypothesis import strategies as st

from calculator import CALCULATORS

# Keep generated numbers in the range a reader might plausibly type, while still far above
# any real budget; the bounds of the schema itself are tested in test_errors.py.
NUMBER_CAP = 1e9
INTEGER_CAP = 10_000


def field_strategy(field):
    if field.kind == "boolean":
        return st.booleans()
    if field.kind == "choice":
        return st.sampled_from([key for key, _ in field.choices])
    low = field.minimum if field.minimum is not None else 0
    if field.kind == "integer":
        high = min(field.maximum if field.maximum is not None else INTEGER_CAP, INTEGER_CAP)
        value = st.integers(int(low), int(high))
    else:
        high = min(field.maximum if field.maximum is not None else NUMBER_CAP, NUMBER_CAP)
        value = st.floats(low, high, allow_nan=False, allow_infinity=False)
    return st.one_of(st.none(), value) if field.optional else value


@st.composite
def inputs_for(draw, calculator_id):
    calc = CALCULATORS[calculator_id]
    inputs = {f.name: draw(field_strategy(f)) for f in calc.fields}
    if "switch_month" in inputs:  # hybrid: the switch cannot come after the horizon
        inputs["switch_month"] = min(inputs["switch_month"], inputs["horizon_months"])
    return inputs


calculators_and_inputs = st.sampled_from(sorted(CALCULATORS)).flatmap(
    lambda cid: st.tuples(st.just(cid), inputs_for(cid))
)
