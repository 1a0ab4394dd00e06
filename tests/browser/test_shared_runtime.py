"""One Python runtime for the tabs of the guide. In Chromium the worker is a shared worker
named for the build: a second tab, a reload, or a page opened just after the last tab
closed (extendedLifetime) joins the live runtime instead of starting one, and each page
gets its own replies."""

import re
import time

from build_site import build_digest
from playwright import sync_api as playwright_api

from .helpers import (
    FORM,
    PAGES,
    assert_matches_cpython_at,
    next_computation,
    open_calculator,
    wait_for_snapshot,
    wait_until_live,
)


def boot_of(form):
    return form.get_attribute("data-boot")


def name_the_worker(context, pattern, name):
    """Serve the pages matching ``pattern`` with their worker named ``name`` instead."""

    def handler(route):
        html = route.fetch().text()
        html = re.sub(r'data-worker-name="[^"]*"', f'data-worker-name="{name}"', html)
        route.fulfill(body=html, content_type="text/html")

    context.route(pattern, handler)


def edit_and_compare(page, form, calculator_id, field, value):
    """Type ``value`` into ``field``; the live results must then match CPython's."""
    done = next_computation(page, calculator_id)
    form.locator(f'[name="{field}"]').fill(value)
    done()
    assert_matches_cpython_at(form, calculator_id, {field: value})


def test_a_second_tab_a_reload_and_a_later_page_join_the_running_runtime(page, context, server):
    assert boot_of(open_calculator(page, server, "quality")) == "fresh"

    tab = context.new_page()
    form = open_calculator(tab, server, "hybrid")
    assert boot_of(form) == "running"
    edit_and_compare(tab, form, "hybrid", "switch_month", "9")

    tab.reload()
    assert boot_of(open_calculator(tab, server, "hybrid")) == "running"

    page.close()
    tab.close()  # the last tab of the guide is gone; the browser keeps the worker a while
    later = context.new_page()
    form = open_calculator(later, server, "overview")
    assert boot_of(form) == "running"
    edit_and_compare(later, form, "overview", "horizon_months", "12")


def test_a_shared_worker_started_later_restores_the_snapshot(page, context, server):
    assert boot_of(open_calculator(page, server, "quality")) == "fresh"
    wait_for_snapshot(page)

    name_the_worker(context, "**/hybrid/", "another")  # none is running under that name
    tab = context.new_page()
    form = open_calculator(tab, server, "hybrid")
    assert boot_of(form) == "snapshot"
    edit_and_compare(tab, form, "hybrid", "switch_month", "7")


def test_each_tab_gets_the_replies_to_its_own_requests(page, context, server):
    # both pages number their requests from 1: the worker answers each on its own port
    first = open_calculator(page, server, "quality")
    tab = context.new_page()
    second = open_calculator(tab, server, "quality")
    for value in ("40", "55", "70"):
        a, b = next_computation(page, "quality"), next_computation(tab, "quality")
        first.locator('[name="cost_per_error"]').fill(value)
        second.locator('[name="cost_per_error"]').fill(str(int(value) + 1))
        a(), b()
    assert_matches_cpython_at(first, "quality", {"cost_per_error": "70"})
    assert_matches_cpython_at(second, "quality", {"cost_per_error": "71"})


def test_the_worker_is_named_for_the_build(page, server, built_site):
    page.goto(f"{server}/")
    html = page.content()
    (name,) = re.findall(r'data-worker-name="([^"]*)"', html)
    assert name == f"tune-or-prompt-{build_digest()}"  # another build, another worker


def test_pages_without_a_worker_name_start_their_own(page, context, server):
    """As under `make dev`: with no build digest, each page gets a dedicated worker."""
    name_the_worker(context, "**/performance-quality/", "")
    workers = []
    page.on("worker", lambda w: workers.append(w.url) if "calc-worker" in w.url else None)
    form = open_calculator(page, server, "quality")
    assert boot_of(form) == "fresh" and len(workers) == 1  # a dedicated worker, seen here


def test_a_shared_worker_that_cannot_start_gives_way_to_a_dedicated_one(page, context, server):
    """As in a browser with shared workers but not module ones: the script fails to load."""
    asked = []

    def first_fails(route):
        asked.append(route.request.url)
        if len(asked) == 1:  # the shared worker's script
            route.fulfill(body="this is not a module (", content_type="text/javascript")
        else:
            route.continue_()

    context.route("**/javascripts/calc-worker.mjs*", first_fails)
    workers = []
    page.on("worker", lambda w: workers.append(w.url) if "calc-worker" in w.url else None)
    try:
        form = open_calculator(page, server, "quality")
    except playwright_api.TimeoutError as timeout:  # say how far the page got
        status = page.locator('form[data-calculator="quality"] [data-role="status"]')
        raise AssertionError(
            f"no live calculator: script requests {asked}, workers seen {workers}, "
            f"status {status.text_content()!r}"
        ) from timeout
    assert len(asked) == 2 and len(workers) == 1  # the dedicated worker, which the page sees
    edit_and_compare(page, form, "quality", "cost_per_error", "60")


# The page's own runtime client (one module instance per page): ask it for the schema, and
# say whether the request went to a shared worker.
ASK_FOR_THE_SCHEMA = """async () => {
    const { runtime } = await import("/javascripts/runtime.mjs");
    runtime.describe().then(
        (schema) => { window.__schema = Object.keys(schema.calculators); },
        (error) => { window.__schema = String(error); },
    );
    return runtime.line.shared;
}"""


def test_a_shared_worker_that_never_answers_gives_way_to_a_dedicated_one(page, context, server):
    """Its script never comes (the request stalls), so no error is reported either: after ten
    seconds without a word from it, the page starts a dedicated worker, and so do the tab's
    later pages at once."""
    asked = []

    def first_stalls(route):
        asked.append(route.request.url)
        if len(asked) > 1:
            route.continue_()  # the first is left unanswered

    context.route("**/javascripts/calc-worker.mjs*", first_stalls)
    workers = []
    page.on("worker", lambda w: workers.append(w.url) if "calc-worker" in w.url else None)
    page.goto(f"{server}/{PAGES['quality']}")
    # a request made of the silent worker is answered by the one that replaces it
    asked_shared = page.evaluate(ASK_FOR_THE_SCHEMA)
    wait_until_live(page, "quality")
    form = page.locator(FORM.format("quality"))
    assert len(asked) == 2 and len(workers) == 1  # the dedicated worker, which the page sees
    assert asked[1] != asked[0]  # not held behind the stalled request in the browser's cache
    assert asked_shared
    assert "quality" in page.wait_for_function("() => window.__schema").json_value()
    edit_and_compare(page, form, "quality", "cost_per_error", "60")

    page.reload()  # the browser keeps the silent worker: the tab's next page does not join it
    wait_until_live(page, "quality")
    assert len(asked) == 3 and not asked[2].endswith("?instead") and len(workers) == 2


def calc_workers_of(browser, page):
    """The shared calculator workers of ``page``'s browser context (DevTools targets)."""
    cdp = browser.new_browser_cdp_session()
    try:
        targets = cdp.send("Target.getTargets")["targetInfos"]
    finally:
        cdp.detach()
    (context_id,) = {t["browserContextId"] for t in targets if t["url"] == page.url}
    return [
        t
        for t in targets
        if t["type"] == "shared_worker"
        and t["browserContextId"] == context_id
        and "calc-worker" in t["url"]
    ]


def test_a_shared_worker_given_up_closes_itself_when_its_script_comes_late(
    page, context, server, browser
):
    """Its script comes only after the page has given it up: told that the page left, and
    serving no other, the worker closes itself rather than download a runtime for none."""
    held = []

    def first_held(route):
        if held:
            route.continue_()
        else:
            held.append(route)

    context.route("**/javascripts/calc-worker.mjs*", first_held)
    open_calculator(page, server, "quality")  # on a dedicated worker
    assert len(calc_workers_of(browser, page)) == 1  # the shared one, still waiting
    held[0].continue_()
    deadline = time.monotonic() + 20  # it closes within a second; kept, it would stay
    while calc_workers_of(browser, page) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert not calc_workers_of(browser, page), "the shared worker stayed"
