"""Run golden cases through calculator.calculate; shared by CPython and Pyodide runs."""

import json

from calculator import InputError, calculate


def run_all(cases_json):
    results = []
    for case in json.loads(cases_json):
        try:
            results.append({"ok": True, "result": calculate(case["calculator"], case["inputs"])})
        except InputError as err:
            results.append({"ok": False, "error": err.as_dict()})
    return json.dumps(results, allow_nan=False)
