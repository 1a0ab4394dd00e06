"""Live calculators in Chromium: the same results as CPython, sharing, bad input, fallback."""

import csv
import json
from pathlib import Path
from urllib.parse import quote

import pytest

from calculator import CALCULATORS, calculate
from calculator.calculators.decision import EXAMPLES_NEEDED
from calculator.display import present

from .helpers import (
    FORM,
    PAGES,
    WATCH_WORKER,
    a_different_value,
    assert_matches_cpython,
    assert_matches_cpython_at,
    chart_description,
    flush_address,
    form_inputs,
    next_computation,
    open_calculator,
    same,
    shown_values,
    wait_for_replies,
    wait_until_live,
)


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_each_calculator_goes_live_matches_cpython_and_follows_an_edit(
    joined_page, server, calculator_id
):
    page = joined_page
    form = open_calculator(page, server, calculator_id)
    before = assert_matches_cpython(form, calculator_id)
    shown_before = shown_values(form)

    field = next(f for f in CALCULATORS[calculator_id].fields if not f.advanced and not f.optional)
    done = next_computation(page, calculator_id)
    control = form.locator(f'[name="{field.name}"]')
    if field.kind == "boolean":
        control.click()
    else:
        control.fill(a_different_value(field))
    done()
    inputs = assert_matches_cpython(form, calculator_id)
    assert inputs[field.name] != before[field.name], "the edit did not reach the form"
    assert shown_values(form) != shown_before, "changing an input changed no output"
    # the address follows once typing pauses (test_typing_writes_the_address_once_the_reader_pauses)
    page.wait_for_function(
        "([key, value]) => new URL(location.href).searchParams.get(key) === value",
        arg=[f"{calculator_id}.{field.name}", inputs[field.name]],
    )


def test_shared_url_restores_inputs_and_results(joined_page, server):
    page = joined_page
    query = "?quality.cost_per_error=80&quality.tasks_per_month=5000&quality.range_position=0"
    form = open_calculator(page, server, "quality", query, "#the-value-of-accuracy")
    inputs = form_inputs(form)
    assert inputs["cost_per_error"] == "80"
    assert inputs["tasks_per_month"] == "5000"
    assert inputs["range_position"] == "0"
    assert_matches_cpython(form, "quality")
    assert page.url.endswith("#the-value-of-accuracy")


# Counts the page's address writes; installed before any page script.
COUNT_WRITES = """
window.__writes = [];
const replace = History.prototype.replaceState;
History.prototype.replaceState = function (state, title, url) {
  window.__writes.push(String(url));
  return replace.call(this, state, title, url);
};
"""

# Types `values` into a field as fast as events can come, in one task: the calculation
# takes the last, and the address is not written while the burst lasts.
BURST = """([sel, name, values]) => {
  const form = document.querySelector(sel);
  const control = form.querySelector(`[name="${name}"]`);
  for (const value of values) {
    control.value = value;
    control.dispatchEvent(new Event("input", {bubbles: true}));
  }
  return location.href;
}"""


def test_typing_writes_the_address_once_the_reader_pauses(joined_page, server):
    page = joined_page
    page.add_init_script(COUNT_WRITES)
    form = open_calculator(page, server, "quality")
    done = next_computation(page, "quality")
    during = page.evaluate(BURST, [FORM.format("quality"), "cost_per_error", ["61", "62", "63"]])
    done()
    assert "quality.cost_per_error" not in during
    page.wait_for_function("() => location.search.includes('quality.cost_per_error=63')")
    flush_address(page)  # a write still waiting would land now, and be counted
    writes = [u for u in page.evaluate("window.__writes") if "quality.cost_per_error" in u]
    assert len(writes) == 1 and writes[0].endswith("quality.cost_per_error=63")
    assert form_inputs(form)["cost_per_error"] == "63"
    assert_matches_cpython(form, "quality")


def test_a_link_followed_while_typing_keeps_the_inputs_in_history(joined_page, server):
    page = joined_page
    open_calculator(page, server, "quality")
    next_page = page.locator(".md-footer__link--next")
    target = next_page.evaluate("a => a.href")
    assert target.startswith(server)  # same origin: the theme navigates in place
    # the edit and the click in one task: the address write is still pending at the click
    page.evaluate(
        """([sel, name]) => {
            const control = document.querySelector(sel).querySelector(`[name="${name}"]`);
            control.value = "80";
            control.dispatchEvent(new Event("input", {bubbles: true}));
            document.querySelector(".md-footer__link--next").click();
        }""",
        [FORM.format("quality"), "cost_per_error"],
    )
    page.wait_for_function("() => !document.querySelector('form[data-calculator=quality]')")
    page.wait_for_function("href => location.pathname === new URL(href).pathname", arg=target)
    flush_address(page)  # a write still waiting would land now, on this page's address
    assert "quality." not in page.url
    page.go_back()
    form = page.locator(FORM.format("quality"))
    wait_until_live(page, "quality")
    assert "quality.cost_per_error=80" in page.url
    assert form_inputs(form)["cost_per_error"] == "80"


def test_copy_link_round_trips(page, context, server):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    form = open_calculator(page, server, "hybrid")
    done = next_computation(page, "hybrid")
    form.locator('[name="switch_month"]').fill("12")
    done()
    done = next_computation(page, "hybrid")
    form.locator('[name="pe_share_after_switch"]').fill("0.5")
    done()
    form.locator('[data-action="copy-link"]').click()
    page.wait_for_function(
        "() => document.querySelector('form[data-calculator=hybrid]').dataset.link"
    )
    link = form.get_attribute("data-link")
    assert "hybrid.switch_month=12" in link and "hybrid.pe_share_after_switch=0.5" in link
    assert "#when-to-switch" in link
    assert page.evaluate("navigator.clipboard.readText()") == link
    expected = shown_values(form)

    other = context.new_page()
    other.goto(link)
    other_form = other.locator(FORM.format("hybrid"))
    wait_until_live(other, "hybrid")
    other.wait_for_function(
        "v => document.querySelector('[data-output=hybrid_total]').dataset.value === v",
        arg=expected["scalars"]["hybrid_total"],
    )
    assert shown_values(other_form) == expected
    assert form_inputs(other_form) == form_inputs(form)


def test_reset_restores_defaults_and_clears_the_query(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "scaling", "?scaling.use_cases=20")
    assert form_inputs(form)["use_cases"] == "20"
    done = next_computation(page, "scaling")
    form.locator('[data-action="reset"]').click()
    done()
    assert form_inputs(form)["use_cases"] == "5"
    assert "scaling." not in page.url
    assert_matches_cpython(form, "scaling")


CRAFTED = {
    "quality.cost_per_error": "<script>window.__pwned=1</script>",
    "quality.tasks_per_month": "javascript:window.__pwned=1",
    "quality.pe_accuracy": "\"'><img src=x onerror=window.__pwned=1>",
    "quality.ft_accuracy": "NaN",
    "quality.range_position": "1e400",
    "quality.no_such_field": "1",
}


def test_crafted_url_parameters_neither_execute_nor_break_the_page(joined_page, server):
    page = joined_page
    query = "?" + "&".join(f"{k}={quote(v)}" for k, v in CRAFTED.items())
    form = open_calculator(page, server, "quality", query)
    page.wait_for_selector("form[data-calculator=quality][data-stale]")
    assert page.evaluate("window.__pwned") is None
    assert form.locator("script, img").count() == 0
    # the values are kept as typed, shown as text, and the first bad one is flagged
    inputs = form_inputs(form)
    assert inputs["cost_per_error"] == CRAFTED["quality.cost_per_error"]
    assert inputs["pe_accuracy"] == CRAFTED["quality.pe_accuracy"]

    def flagged():
        return form.locator(".tp-field[data-invalid]").evaluate_all(
            "fs => fs.map(f => [f.dataset.field, f.querySelector('[data-role=error]').textContent])"
        )

    # fix each flagged field in turn: every bad value gets its own error at its field
    seen = {}
    for _ in range(6):
        errors = flagged()
        if not errors:
            break
        name, message = errors[0]
        seen[name] = message
        form.locator(f'[name="{name}"]').fill(str(CALCULATORS["quality"].field(name).default))
        page.wait_for_function(
            "n => !document.querySelector(`.tp-field[data-field='${n}'][data-invalid]`)", arg=name
        )
    assert set(seen) == {
        "range_position",
        "tasks_per_month",
        "pe_accuracy",
        "ft_accuracy",
        "cost_per_error",
    }
    assert "finite" in seen["range_position"]
    assert "NaN" in seen["ft_accuracy"]
    assert "must be a number" in seen["cost_per_error"]
    page.wait_for_function(
        "() => !document.querySelector('form[data-calculator=quality][data-stale]')"
    )
    assert_matches_cpython(form, "quality")
    assert page.evaluate("window.__pwned") is None


def test_unknown_link_inputs_are_reported_and_ignored(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "overview", "?overview.bogus=1&overview.horizon_months=12")
    page.wait_for_function(
        "() => document.querySelector('form[data-calculator=overview] [data-role=status]')"
        ".textContent.includes('bogus')"
    )
    assert form_inputs(form)["horizon_months"] == "12"
    assert_matches_cpython(form, "overview")


def test_bad_input_keeps_the_last_good_result_marked_stale(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "initial_investment")
    done = next_computation(page, "initial_investment")
    form.locator('[name="ft_data_preparation"]').fill("20000")
    done()
    good = shown_values(form)
    form.locator('[name="ft_training_compute"]').fill("-5")
    page.wait_for_selector("form[data-calculator=initial_investment][data-stale]")
    error = form.locator('.tp-field[data-field="ft_training_compute"] [data-role="error"]')
    assert error.is_visible()
    assert "at least 0" in error.text_content()
    assert form.locator('[name="ft_training_compute"]').input_value() == "-5"
    assert shown_values(form) == good
    done = next_computation(page, "initial_investment")
    form.locator('[name="ft_training_compute"]').fill("")
    done()
    assert not error.is_visible()
    assert_matches_cpython(form, "initial_investment")


def test_latest_input_wins(joined_page, server):
    page = joined_page
    page.add_init_script(WATCH_WORKER)
    form = open_calculator(page, server, "overview")
    box = form.locator('[name="horizon_months"]')
    for value in ("1", "12", "120", "24", "60", "7"):
        box.fill(value)
    page.wait_for_function(
        "v => Number(document.querySelector('[data-output=ft_total]').dataset.value) === v",
        arg=calculate("overview", {"horizon_months": 7})["ft_total"],
    )
    wait_for_replies(page)  # every reply to an older input has landed too
    assert_matches_cpython(form, "overview")


@pytest.mark.dedicated_worker  # counts the page's workers and downloads
def test_instant_navigation_starts_the_runtime_once(page, server):
    workers, wasm = [], []
    page.on("worker", lambda w: workers.append(w.url) if "calc-worker" in w.url else None)
    page.on("request", lambda r: wasm.append(r.url) if r.url.endswith(".wasm") else None)
    open_calculator(page, server, "overview")
    for title, calculator_id in (
        ("Initial investment", "initial_investment"),
        ("Ongoing costs", "ongoing_costs"),
        ("Key takeaways", "takeaways"),
    ):
        page.locator(".md-nav--primary").get_by_role("link", name=title, exact=True).first.click()
        wait_until_live(page, calculator_id)
        assert_matches_cpython(page.locator(FORM.format(calculator_id)), calculator_id)
    assert len(workers) == 1
    assert len(wasm) == 1


@pytest.mark.dedicated_worker  # blocks the runtime's download
def test_static_results_and_fallback_when_wasm_is_blocked(page, context, guard, server):
    guard.allow_console_errors = True  # the blocked download is logged by the browser
    context.route("**/*.wasm", lambda route: route.abort())
    page.goto(f"{server}/{PAGES['quality']}")
    form = page.locator(FORM.format("quality"))
    page.wait_for_selector('form[data-calculator=quality][data-status="error"]')
    status = form.locator('[data-role="status"]').text_content()
    assert "Live calculation is unavailable" in status
    assert "default inputs" in status
    assert_matches_cpython(form, "quality")  # the pre-rendered defaults are still there


@pytest.mark.dedicated_worker  # serves the runtime's download
def test_a_runtime_that_does_not_compile_ends_the_boot_at_once(page, context, guard, server):
    guard.allow_console_errors = True  # the failed compile is logged by the loader
    junk = b"\0asm\x01\0\0\0 not a module"
    context.route(
        "**/*.wasm", lambda route: route.fulfill(body=junk, content_type="application/wasm")
    )
    page.goto(f"{server}/{PAGES['quality']}")
    form = page.locator(FORM.format("quality"))
    # at once: well within the boot's own time limit (runtime.mjs), which is two minutes
    page.wait_for_selector('form[data-calculator=quality][data-status="error"]', timeout=20_000)
    assert "Live calculation is unavailable" in form.locator('[data-role="status"]').text_content()
    assert_matches_cpython(form, "quality")


def test_decision_recommendation_updates(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "decision")
    for name in ("high_accuracy_critical", "ml_expertise", "high_volume", "long_term_use_case"):
        done = next_computation(page, "decision")
        form.locator(f'[name="{name}"]').check()
        done()
    done = next_computation(page, "decision")
    form.locator('[name="training_examples"]').fill(str(EXAMPLES_NEEDED * 5))
    done()
    assert form.locator('[data-output="recommendation"]').text_content() == "Fine-tuning"
    assert_matches_cpython(form, "decision")


def test_the_guard_catches_requests_to_other_origins(page, guard):
    page.goto("about:blank")  # no content security policy here
    # the fetch fails only once the guard has aborted the request
    page.evaluate("fetch('https://example.com/x').catch(() => null)")
    assert guard.foreign == ["https://example.com/x"]
    # this test wanted exactly that request (and the errors its failure logs)
    guard.foreign.clear()
    guard.page_errors.clear()
    guard.console_errors.clear()


def test_the_pages_policy_refuses_other_origins(page, server, guard):
    page.goto(f"{server}/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        refused = page.evaluate("fetch('https://example.com/x').then(() => false, () => true)")
    assert refused
    assert guard.foreign == []  # refused by the page itself, before any request
    guard.console_errors.clear()


def test_series_chart_is_drawn_and_follows_the_results(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "overview")

    def points():
        return form.locator(".tp-chart polyline").evaluate_all(
            "ls => ls.map(l => l.getAttribute('points').split(' ').length)"
        )

    assert points() == [37, 37]  # fine-tuning and prompt engineering, months 0..36
    done = next_computation(page, "overview")
    form.locator('[name="horizon_months"]').fill("12")
    done()
    assert points() == [13, 13]
    keys = form.locator(".tp-chart .tp-chart__key").all_text_contents()
    assert keys == ["Fine-tuning", "Prompt engineering"]
    expected = present("overview", calculate("overview", form_inputs(form)))["series"]["chart"]
    assert form.locator(".tp-chart svg desc").text_content() == chart_description(expected)


@pytest.mark.dedicated_worker  # crashes the page's worker
def test_a_worker_that_dies_mid_session_stops_the_live_status(page, server, guard):
    guard.allow_console_errors = True  # the crash is logged by the browser
    page.add_init_script(WATCH_WORKER)
    form = open_calculator(page, server, "quality")
    worker = next(w for w in page.workers if "calc-worker" in w.url)
    worker.evaluate("setTimeout(() => { throw new Error('the worker crashed') })")
    page.wait_for_function("() => window.__tpWorker.errors > 0")  # the page has heard of it
    form.locator('[name="cost_per_error"]').fill("75")
    page.wait_for_selector('form[data-calculator=quality][data-status="error"]')
    status = form.locator('[data-role="status"]').text_content()
    assert "Live calculation is unavailable" in status and "the worker crashed" in status
    assert "Live:" not in status
    # the last computed results stay, and other forms fail fast rather than hang
    assert_matches_cpython_at(form, "quality", {})


def test_export_json_and_csv_then_load_the_scenario_back(joined_page, server, tmp_path):
    page = joined_page
    form = open_calculator(page, server, "quality")
    done = next_computation(page, "quality")
    form.locator('[name="cost_per_error"]').fill("75")
    done()
    with page.expect_download() as info:
        form.locator('[data-action="download-json"]').click()
    scenario = json.loads(Path(info.value.path()).read_text())
    assert scenario["calculator"] == "quality"
    assert scenario["inputs"]["cost_per_error"] == 75  # the values the model used
    assert scenario["currency"] is None  # the article's dollars
    expected = calculate("quality", scenario["inputs"])
    for key in ("pe_effective_monthly", "ft_effective_monthly", "payback_months"):
        assert same(scenario["result"][key], expected[key])
    assert "quality.cost_per_error=75" in scenario["link"]

    with page.expect_download() as info:
        form.locator('[data-action="download-csv"]').click()
    rows = list(csv.reader(Path(info.value.path()).read_text().splitlines()))
    assert rows[0] == ["kind", "name", "label", "value"]
    values = {(kind, name): value for kind, name, _, value in rows[1:]}
    assert values[("input", "cost_per_error")] == "75"
    assert same(float(values[("result", "payback_months")]), expected["payback_months"])

    # reset, then load the saved scenario back
    done = next_computation(page, "quality")
    form.locator('[data-action="reset"]').click()
    done()
    assert form_inputs(form)["cost_per_error"] == "40"
    saved = tmp_path / "scenario.json"
    saved.write_text(json.dumps({**scenario, "inputs": {**scenario["inputs"], "nope": 1}}))
    done = next_computation(page, "quality")
    form.locator('[data-role="scenario-file"]').set_input_files(str(saved))
    done()
    assert form_inputs(form)["cost_per_error"] == "75"
    assert "nope" in form.locator('[data-role="status"]').text_content()
    assert_matches_cpython(form, "quality")


def test_a_scenario_for_another_calculator_is_refused(joined_page, server, tmp_path):
    page = joined_page
    form = open_calculator(page, server, "quality")
    before = form_inputs(form)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"calculator": "hybrid", "inputs": {"cost_per_error": 1}}))
    form.locator('[data-role="scenario-file"]').set_input_files(str(wrong))
    page.wait_for_function(
        "() => document.querySelector('form[data-calculator=quality] [data-role=status]')"
        ".textContent.includes('Could not load')"
    )
    assert form_inputs(form) == before


@pytest.mark.parametrize("path", ["", "methodology/"])
def test_search_works_once_it_has_started(joined_page, server, path):
    page = joined_page
    """The theme's search index waits for the runtime (scripts/defer_search.py), then works;
    on a page without a calculator it does not wait."""
    page.goto(f"{server}/{path}")
    if path == "":
        wait_until_live(page, "overview")
    page.locator(".md-search__input").click()
    page.keyboard.type("retraining", delay=30)  # as a reader types: the theme listens to keys
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    titles = page.locator(".md-search-result__item").all_text_contents()
    assert any("Ongoing" in t or "retrain" in t.lower() for t in titles)
