"""Save-Data: where the reader has asked the browser to save data
(``navigator.connection.saveData``, Chromium only, stubbed here), a page downloads nothing
of the runtime until the reader turns to a calculator (focuses one of its inputs, or presses
a button that needs the model); a runtime already live in another tab is joined as usual;
the offline copy waits until the runtime has been downloaded; the pre-rendered results stay
and the status line says why the calculator is not live yet. (Elsewhere the runtime's
downloads wait only for the page's first paint: test_first_boot.py.)"""

import re

import pytest

from .helpers import FORM, open_calculator, wait_until_live

SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true,
  get: () => ({ saveData: true, effectiveType: "4g", downlink: 10, rtt: 50,
                addEventListener() {}, removeEventListener() {} }),
});"""

RUNTIME_FILE = re.compile(r"/runtime/[0-9a-f]{12}/")
HEADLINES = "form => Array.from(form.querySelectorAll('[data-headline]'), e => e.textContent)"
REGISTRATIONS = "async () => (await navigator.serviceWorker.getRegistrations()).length"


def runtime_requests(context):
    fetched = []
    context.on("request", lambda r: fetched.append(r.url) if RUNTIME_FILE.search(r.url) else None)
    return fetched


def open_saving_data(page, server, path="performance-quality/", calculator_id="quality"):
    """Open a page whose reader saves data; return its form once bound and quiet a while."""
    page.goto(f"{server}/{path}")
    form = page.locator(FORM.format(calculator_id))
    page.wait_for_function(
        "sel => document.querySelector(sel).dataset.bound", arg=FORM.format(calculator_id)
    )
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # long enough for a page that did not wait to start
    return form


@pytest.mark.dedicated_worker  # sees the worker's downloads
def test_nothing_of_the_runtime_is_downloaded_until_the_reader_edits(page, context, server):
    fetched = runtime_requests(context)
    context.add_init_script(SAVE_DATA)
    page.goto(f"{server}/performance-quality/")
    built = page.locator(FORM.format("quality")).evaluate(HEADLINES)
    form = open_saving_data(page, server)
    assert fetched == []
    assert form.get_attribute("data-status") == "loading"
    status = form.locator('[data-role="status"]').text_content()
    assert "save data" in status and "edit an input" in status, status
    assert form.evaluate(HEADLINES) == built  # the page's own results stay

    form.locator('[name="cost_per_error"]').focus()
    wait_until_live(page, "quality")
    names = {url.rsplit("/", 1)[1] for url in fetched}
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"} <= names


@pytest.mark.dedicated_worker
def test_a_button_that_needs_the_model_starts_the_runtime_and_one_that_does_not_does_not(
    page, context, server
):
    fetched = runtime_requests(context)
    context.add_init_script(SAVE_DATA)
    form = open_saving_data(page, server)
    form.locator('[data-action="reset"]').click()
    page.wait_for_timeout(1000)
    assert fetched == []
    with page.expect_file_chooser():  # loading a scenario (the exports wait for the model)
        form.locator('[data-action="load-json"]').click()
    wait_until_live(page, "quality")
    assert any(url.endswith("pyodide.asm.wasm") for url in fetched)


def test_a_runtime_live_in_another_tab_is_joined_as_usual(page, context, server):
    open_calculator(page, server, "quality")  # a tab that does not save data
    other = context.new_page()
    other.add_init_script(SAVE_DATA)
    other.goto(f"{server}/performance-quality/")
    wait_until_live(other, "quality")
    assert other.locator(FORM.format("quality")).get_attribute("data-boot") == "running"
    assert other.evaluate("() => navigator.connection.saveData") is True


@pytest.mark.dedicated_worker
@pytest.mark.parametrize("service_workers", ["allow"])
def test_the_offline_copy_waits_until_the_runtime_is_downloaded(page, context, server):
    context.add_init_script(SAVE_DATA)
    page.goto(f"{server}/methodology/")  # a page without a calculator
    page.wait_for_load_state("load")
    page.wait_for_timeout(2000)  # its offline copy would start once the browser is idle
    assert page.evaluate(REGISTRATIONS) == 0

    form = open_saving_data(page, server)
    assert page.evaluate(REGISTRATIONS) == 0
    form.locator('[name="cost_per_error"]').focus()
    wait_until_live(page, "quality")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=200)
