"""Charts in Chromium: drawn into the built page (no JavaScript needed), redrawn live by the
same Python, readable at desktop width, and reachable by keyboard."""

import json

import pytest

from calculator import CALCULATORS, calculate
from calculator.display import present

from .helpers import FORM, PAGES, chart_description, form_inputs, next_computation, open_calculator

CHARTED = {
    (c.id, o.key)
    for c in CALCULATORS.values()
    for o in c.outputs
    if o.chart or (o.unit == "series" and len(calculate(c.id)[o.key]) > 1)
}


@pytest.fixture
def no_script_page(browser, guard):
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    context.route("**/*", guard.route)
    yield context.new_page()
    context.close()
    guard.check()


def test_every_chart_is_in_the_built_page(no_script_page, server):
    assert {("sensitivity", "bars"), ("uncertainty", "crossed_by_month")} <= CHARTED
    for calculator_id, key in sorted(CHARTED):
        no_script_page.goto(f"{server}/{PAGES[calculator_id]}")
        form = no_script_page.locator(FORM.format(calculator_id))
        svg = form.locator(f'figure[data-chart="{key}"] svg[role="img"]')
        assert svg.count() == 1, (calculator_id, key)
        chart = present(calculator_id, calculate(calculator_id))[key]["chart"]
        assert svg.locator("desc").text_content() == chart_description(chart)


# Every calculator on the page has its live results (a chart is redrawn once live).
SETTLED = """() => Array.from(document.querySelectorAll('form[data-calculator]'))
    .every(f => ['ready', 'error'].includes(f.dataset.status))"""

# The size each chart's text is drawn at, in CSS pixels, measured as a reader sees it:
# scrolled into view (a chart out of view is not laid out: content-visibility).
TEXT_SIZES = """async figures => {
  const sizes = [];
  for (const figure of figures) {
    figure.scrollIntoView();
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const svg = figure.querySelector('svg');
    for (const text of svg.querySelectorAll('text'))
      sizes.push(parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a);
  }
  return sizes;
}"""


@pytest.mark.parametrize("width", [1280, 390])  # desktop, phone
def test_chart_text_is_readable_at_desktop_and_phone_width(joined_page, server, width):
    page = joined_page
    page.set_viewport_size({"width": width, "height": 900})
    for path in sorted({PAGES[c] for c, _ in CHARTED}):
        page.goto(f"{server}/{path}")
        page.wait_for_function(SETTLED)
        sizes = page.locator(".tp-chart").evaluate_all(TEXT_SIZES)
        assert sizes and min(sizes) >= 11, (path, min(sizes))


def test_the_tornado_follows_the_inputs_and_the_currency(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "sensitivity", "?currency=EUR&rate=0.92")
    chart = form.locator('figure[data-chart="bars"]')
    assert chart.locator("rect.tp-chart__bar").count() == 15
    assert "€" in chart.locator("svg").text_content()
    done = next_computation(page, "sensitivity")
    form.locator('[name="horizon_months"]').fill("12")
    done()
    want = present("sensitivity", calculate("sensitivity", form_inputs(form)), "EUR")
    assert chart.locator("svg desc").text_content() == chart_description(want["bars"]["chart"])
    labels = chart.locator("text.tp-chart__key").all_text_contents()
    rows = form.locator('table[data-output="bars"] tbody tr th').all_text_contents()
    assert len(labels) == len(rows) == 15  # the table stays beside the chart


def test_the_break_even_bands_are_marked_on_the_chart(joined_page, server):
    page = joined_page
    query = "?uncertainty.ft_monthly_benefit=14000"
    form = open_calculator(page, server, "uncertainty", query)
    result = calculate("uncertainty", form_inputs(form))
    chart = form.locator('figure[data-chart="crossed_by_month"] svg')
    marks = chart.locator("text.tp-chart__mark").all_text_contents()
    assert len(marks) == 3 and result["break_even_month_p10"] is not None
    for key in ("break_even_month_p10", "break_even_month_p50", "break_even_month_p90"):
        shown = json.loads(form.locator(f'[data-output="{key}"]').get_attribute("data-value"))
        assert shown == pytest.approx(result[key]), key


def test_charts_take_focus_and_hide_nothing_focusable(joined_page, server):
    page = joined_page
    open_calculator(page, server, "sensitivity")
    figure = page.locator('figure[data-chart="bars"]')
    figure.focus()
    assert page.evaluate("document.activeElement.dataset.chart") == "bars"
    hidden_focusable = page.locator(
        "[aria-hidden=true] a, [aria-hidden=true] button, [aria-hidden=true] input, "
        "[aria-hidden=true] [tabindex]"
    )
    assert hidden_focusable.count() == 0
