"""Offline: after one visit the service worker serves the whole guide, runtime included; the
offline copy fills from what the page downloaded and holds only what the guide uses. (A new
build replacing it: test_update.py.)"""

import re

import pytest

from .helpers import (
    COPY,
    FORM,
    assert_matches_cpython,
    form_inputs,
    wait_until_live,
    wait_until_offline_ready,
)


@pytest.fixture
def service_workers():
    return "allow"


@pytest.mark.dedicated_worker  # a runtime starts offline
def test_the_guide_and_its_calculators_work_offline_after_one_visit(page, context, server):
    page.goto(f"{server}/performance-quality/")
    wait_until_live(page, "quality")
    wait_until_offline_ready(page)

    context.set_offline(True)
    page.goto(f"{server}/hybrid/?hybrid.switch_month=3#when-to-switch")  # never visited
    wait_until_live(page, "hybrid")
    form = page.locator(FORM.format("hybrid"))
    assert form_inputs(form)["switch_month"] == "3"
    assert_matches_cpython(form, "hybrid")


@pytest.mark.dedicated_worker  # counts the runtime's downloads
def test_a_first_visit_downloads_each_runtime_file_once(page, context, server):
    fetched = []
    context.on("request", lambda r: fetched.append(r.url) if "/runtime/" in r.url else None)
    page.goto(f"{server}/")
    wait_until_live(page, "overview")
    wait_until_offline_ready(page)
    copy = page.evaluate(COPY)
    runtime_files = [u for u in copy if re.search(r"/runtime/[0-9a-f]{12}/", u)]
    assert {u.rsplit("/", 1)[1] for u in runtime_files} == {
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
        "tune_or_prompt-0.1.0-py3-none-any.whl",
    }
    big = [u for u in fetched if u.endswith((".wasm", ".zip", ".whl"))]
    assert len(big) == len(set(big)) == 3, big  # the service worker reused the worker's copies
    # only what the guide uses: no other search languages, no crawler files
    assert not [u for u in copy if "/lunr/" in u or u.endswith((".gz", ".map"))]
