"""The same golden cases through calculator.bridge on CPython and inside Pyodide (Node, the
built site's runtime, the trimmed standard library the browser gets, loaded as the worker
loads it): raw results, errors, other currencies and the text the page shows must all
agree."""

import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from calculator import CALCULATORS, InputError
from calculator.bridge import call

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def random_value(field, rng):
    if field.kind == "boolean":
        return rng.choice([True, False, "true", "false"])
    if field.optional and rng.random() < 0.3:
        return ""
    low = field.minimum or 0
    high = min(field.maximum if field.maximum is not None else 1e6, 1e7)
    if field.kind == "integer":
        return str(rng.randint(int(low), int(min(high, 240))))
    return repr(rng.uniform(low, high))


def random_inputs(calc, rng):
    """Random inputs to ``calc`` that keep its rules over several fields (``calc.checks``):
    where a check fails, the field it reports on is drawn again until it passes. Inputs
    with a field wrong on its own are an error case, whatever the checks would say."""
    inputs = {f.name: random_value(f, rng) for f in calc.fields if rng.random() < 0.6}
    for check in calc.checks:
        try:
            values = calc.parse(inputs)
        except InputError:
            break
        field = calc.field(check.field)
        for _ in range(10_000):
            if check.holds(values):
                break
            inputs[field.name] = random_value(field, rng)
            values = calc.parse(inputs)
        else:
            raise AssertionError(f"no value of {calc.id}.{field.name} passes its check")
    return inputs


def golden_cases():
    rng = random.Random(20250519)
    cases = []
    for cid, calc in CALCULATORS.items():
        cases.append({"calculator": cid, "inputs": {}})
        for _ in range(8):
            cases.append({"calculator": cid, "inputs": random_inputs(calc, rng)})
        cases.append({"calculator": cid, "inputs": {"range_position": "nan"}})
    for cid in CALCULATORS:  # the reader's currency: the rate converts, the code writes
        cases.append({"calculator": cid, "inputs": {"exchange_rate": "0.92"}, "currency": "EUR"})
        cases.append({"calculator": cid, "inputs": {"exchange_rate": "150"}, "currency": "JPY"})
    cases.append({"calculator": "quality", "inputs": {"cost_per_error": "-1"}})
    cases.append({"calculator": "quality", "inputs": {}, "currency": "EURO"})
    cases.append({"calculator": "quality", "inputs": {"exchange_rate": "-1"}, "currency": "EUR"})
    cases.append({"calculator": "nope", "inputs": {}})
    return cases


def close(a, b):
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b, strict=True))
    numbers = (float, int)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    return a == b


@pytest.fixture(scope="module")
def runtime_dir(built_site):
    site, _ = built_site
    (runtime,) = (p for p in (site / "runtime").iterdir() if p.is_dir())  # runtime/<hash>/
    return runtime


@pytest.fixture(scope="module")
def inside_pyodide(runtime_dir):
    """The golden cases and what the runtime under Node replied to them."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    cases_list = golden_cases()
    done = subprocess.run(
        [node, str(ROOT / "scripts" / "node-bridge.mjs"), str(runtime_dir)],
        input=json.dumps(cases_list),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return cases_list, json.loads(done.stdout)


def test_golden_cases_match_inside_pyodide(inside_pyodide):
    cases_list, pyodide = inside_pyodide
    assert pyodide["python"].startswith("3.14")
    expected = [
        json.loads(call(c["calculator"], json.dumps(c["inputs"]), c.get("currency")))
        for c in cases_list
    ]
    assert len(pyodide["replies"]) == len(expected) > 110
    assert sum(1 for r in expected if not r["ok"]) >= 14  # the error cases are really errors
    assert sum(1 for r in expected if r["ok"] and r["currency"]["code"] == "JPY") >= 10
    for case, got, want in zip(cases_list, pyodide["replies"], expected, strict=True):
        assert close(got, want), case


def test_the_runtime_imports_only_bytecode_compiled_by_the_build(inside_pyodide):
    """Every module the runtime's start and the golden cases import, from the standard
    library or the wheel, comes from the bytecode scripts/compile_runtime.mjs made: none is
    compiled in the reader's browser."""
    _, pyodide = inside_pyodide
    assert pyodide["from_source"] == []


def test_the_runtime_sends_only_what_the_guide_runs(runtime_dir):
    """The standard library zip holds bytecode only (the modules the runtime and the model
    import, traced by the build), and the lock file only the guide's own package."""
    import zipfile

    with zipfile.ZipFile(runtime_dir / "python_stdlib.zip") as stdlib:
        names = stdlib.namelist()
    assert all(name.endswith(".pyc") for name in names), [n for n in names if n[-4:] != ".pyc"]
    assert {"json/__init__.pyc", "traceback.pyc", "decimal.pyc", "statistics.pyc"} <= set(names)
    assert 100 < len(names) < 200
    lock = json.loads((runtime_dir / "pyodide-lock.json").read_text())
    assert list(lock["packages"]) == ["tune-or-prompt"]
