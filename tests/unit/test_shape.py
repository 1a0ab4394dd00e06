"""The browser code's shape, as ARCHITECTURE.md describes it: modules of one job each, small
enough to read at once, and none that polls."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "javascripts"
EARLY = ROOT / "overrides" / "partials" / "early-worker.js"
MODULES = [*sorted([*SCRIPTS.glob("*.mjs"), *SCRIPTS.glob("*.js")]), EARLY]
MAX_LINES = 200


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_each_browser_module_is_at_most_200_lines(module):
    lines = len(module.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module.name}: {lines} lines; split it by job"


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_no_browser_module_polls(module):
    # a state change is told (an event, a callback, a promise), never looked for on a timer
    assert not re.search(r"\bsetInterval\s*\(", module.read_text(encoding="utf-8"))


def test_every_browser_module_is_in_the_architecture():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = [m.name for m in MODULES if f"`{m.name}`" not in text]
    assert not missing, missing
