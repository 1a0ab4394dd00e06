"""Offline: after one visit the service worker serves the whole guide, runtime included."""

import pytest

from .test_calculators import FORM, assert_matches_cpython, form_inputs


@pytest.fixture
def service_workers():
    return "allow"


def test_the_guide_and_its_calculators_work_offline_after_one_visit(page, context, server):
    page.goto(f"{server}/performance-quality/")
    page.wait_for_selector('form[data-calculator=quality][data-status="ready"]')
    # installed = every file precached; clientsClaim makes it control this page
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")

    context.set_offline(True)
    page.goto(f"{server}/hybrid/?hybrid.switch_month=3#when-to-switch")  # never visited
    page.wait_for_selector('form[data-calculator=hybrid][data-status="ready"]')
    form = page.locator(FORM.format("hybrid"))
    assert form_inputs(form)["switch_month"] == "3"
    assert_matches_cpython(form, "hybrid")
