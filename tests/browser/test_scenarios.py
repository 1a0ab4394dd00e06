"""Model presets and two scenarios side by side, in Chromium: what the boxes get, what the
link carries, and that every figure is the model's (CPython's) for the inputs shown."""

import json
from pathlib import Path

from calculator import calculate, compare, prices
from calculator.comparison import present_comparison

from .helpers import PAGES, form_inputs, next_computation, open_calculator, same


def values(form, *names):
    return [form.locator(f'[name="{name}"]').input_value() for name in names]


def choose(page, form, key, model):
    """Type a model into a preset and wait for the computation its prices start."""
    done = next_computation(page, form.get_attribute("data-calculator"))
    form.locator(f'input[data-preset="{key}"]').fill(model)
    done()


def scalar(form, key):
    return json.loads(form.locator(f'[data-output="{key}"]').get_attribute("data-value"))


def test_presets_fill_prices_that_a_link_reproduces(page, context, server):
    form = open_calculator(page, server, "prompt_tax")
    source = form.locator('[data-role="preset-source"]')
    assert source.is_hidden()
    choose(page, form, "pe", "anthropic/claude-sonnet-4-5")
    choose(page, form, "ft", "openai/ft:gpt-4o")
    sonnet, tuned = prices.find("anthropic/claude-sonnet-4-5"), prices.find("openai/ft:gpt-4o")
    assert values(form, "pe_input_price", "pe_output_price", "pe_cached_input_price") == [
        f"{sonnet['input']:g}",
        f"{sonnet['output']:g}",
        f"{sonnet['cache_read']:g}",
    ]
    assert values(form, "ft_input_price", "ft_cached_input_price") == [f"{tuned['input']:g}", ""]
    note = form.locator('[data-preset-field="ft"] [data-role="preset-note"]').text_content()
    assert "no cache-read price" in note  # the empty box takes its default, and says so
    assert source.is_visible() and source.text_content() == prices.NOTE
    expected = calculate("prompt_tax", form_inputs(form))
    assert same(scalar(form, "monthly_saving"), expected["monthly_saving"])

    with page.expect_download() as info:  # the export says which models, and of when
        form.locator('[data-action="download-json"]').click()
    saved = json.loads(Path(info.value.path()).read_text())
    assert saved["presets"] == {"pe": sonnet["id"], "ft": tuned["id"]}
    assert saved["prices"] == prices.NOTE

    page.locator("h1").click()  # the address is written at once on a click
    assert "prompt_tax~preset.pe=anthropic/claude-sonnet-4-5" in page.url
    again = context.new_page()
    reopened = open_calculator(again, server, "prompt_tax", "?" + page.url.split("?", 1)[1])
    assert form_inputs(reopened) == form_inputs(form)
    assert reopened.locator('input[data-preset="pe"]').input_value() == sonnet["id"]
    assert same(scalar(reopened, "monthly_saving"), expected["monthly_saving"])
    assert reopened.locator('[data-role="preset-source"]').is_visible()


def test_a_preset_in_the_readers_currency_is_converted_with_a_prices_digits(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "prompt_tax", "?currency=EUR&rate=0.92")
    choose(page, form, "pe", "openai/gpt-4o")
    assert values(form, "pe_input_price", "pe_output_price", "pe_cached_input_price") == [
        "2.3",
        "9.2",
        "1.15",
    ]


def test_a_model_a_link_names_that_the_table_lacks_leaves_its_prices(joined_page, server):
    page = joined_page
    query = "?prompt_tax.pe_input_price=7&prompt_tax~preset.pe=acme/no-such-model"
    form = open_calculator(page, server, "prompt_tax", query)
    assert values(form, "pe_input_price") == ["7"]
    assert "acme/no-such-model" in form.locator('[data-role="status"]').text_content()
    assert same(scalar(form, "pe_cost_per_request"), (2000 * 7 + 300 * 10) / 1e6)


def test_a_typed_model_the_table_lacks_is_an_error_at_its_field(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "prompt_tax")
    before = form_inputs(form)
    box = form.locator('input[data-preset="pe"]')
    box.fill("<img src=x onerror=alert(1)>")
    box.press("Tab")
    error = form.locator('[data-preset-field="pe"] [data-role="error"]')
    assert error.is_visible() and "is not in the price table" in error.text_content()
    assert form.locator('[data-preset-field="pe"] img').count() == 0  # text, never markup
    assert form_inputs(form) == before


def test_editing_every_price_a_preset_filled_lets_go_of_its_model(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "prompt_tax")
    choose(page, form, "pe", "openai/gpt-4o")
    for name in ("pe_input_price", "pe_output_price"):
        form.locator(f'[name="{name}"]').fill("4")
    assert form.locator('input[data-preset="pe"]').input_value() == "openai/gpt-4o"  # one left
    form.locator('[name="pe_cached_input_price"]').fill("1")
    assert form.locator('input[data-preset="pe"]').input_value() == ""
    assert form.locator('[data-role="preset-source"]').is_hidden()


def compared_slots(form, key):
    row = form.locator(f'[data-output="{key}"]').locator("xpath=..")
    a, delta = row.locator('[data-compare="a"]'), row.locator('[data-compare="delta"]')
    return a, delta


def test_compare_shows_a_beside_b_with_the_models_differences(page, context, server):
    form = open_calculator(page, server, "overview")
    done = next_computation(page, "overview")
    form.locator('[data-action="compare"]').click()
    done()
    assert form.get_attribute("data-comparing") is not None
    done = next_computation(page, "overview")
    form.locator('[name="horizon_months"]').fill("24")
    done()
    both = compare("overview", {}, {"horizon_months": 24})
    shown = present_comparison("overview", both)
    a, delta = compared_slots(form, "ft_total")
    assert a.text_content() == f"A: {shown['a']['ft_total']['text']}"
    assert json.loads(a.get_attribute("data-value")) == both["a"]["ft_total"]
    assert json.loads(delta.get_attribute("data-value")) == both["delta"]["ft_total"]
    assert shown["delta"]["ft_total"]["text"] in delta.text_content()
    assert shown["change"]["ft_total"]["text"] in delta.text_content()
    never_a, never_delta = compared_slots(form, "break_even_month")  # never against never
    assert never_a.is_visible() and never_delta.is_hidden()
    assert json.loads(never_delta.get_attribute("data-value")) is None
    field = form.locator('[data-field="horizon_months"]')
    assert field.get_attribute("data-differs") is not None
    assert "36" in field.locator('[data-role="compare-input"]').text_content()
    assert form.locator('[data-field="range_position"]').get_attribute("data-differs") is None
    assert form.locator('[data-chart="series"] .tp-chart__line--behind').count() == 2

    page.locator("h1").click()
    assert "overview~a=" in page.url  # the marker, though A is the defaults
    again = context.new_page()
    reopened = open_calculator(again, server, "overview", "?" + page.url.split("?", 1)[1])
    assert reopened.get_attribute("data-comparing") is not None
    assert (
        json.loads(compared_slots(reopened, "ft_total")[1].get_attribute("data-value"))
        == (both["delta"]["ft_total"])
    )

    done = next_computation(page, "overview")
    form.locator('[data-action="compare"]').click()
    done()
    assert form.get_attribute("data-comparing") is None
    assert compared_slots(form, "ft_total")[0].is_hidden()
    assert form.locator(".tp-field[data-differs]").count() == 0
    page.locator("h1").click()
    assert "overview~a" not in page.url and "overview.horizon_months=24" in page.url


def test_a_scenario_a_the_model_refuses_is_dropped_with_a_note(joined_page, server):
    page = joined_page
    form = open_calculator(page, server, "overview", "?overview~a.horizon_months=0")
    assert form.get_attribute("data-comparing") is None
    assert "Scenario A was refused" in form.locator('[data-role="status"]').text_content()


def test_a_comparison_is_exported_and_loaded_back(joined_page, server, tmp_path):
    page = joined_page
    query = "?quality.cost_per_error=80&quality~a.cost_per_error=40"
    form = open_calculator(page, server, "quality", query)
    assert form.get_attribute("data-comparing") is not None
    with page.expect_download() as info:
        form.locator('[data-action="download-json"]').click()
    saved = json.loads(Path(info.value.path()).read_text())
    both = compare("quality", {"cost_per_error": 40}, {"cost_per_error": 80})
    assert saved["compare"]["inputs"]["cost_per_error"] == 40
    assert same(saved["compare"]["delta"]["payback_months"], both["delta"]["payback_months"])
    with page.expect_download() as info:
        form.locator('[data-action="download-csv"]').click()
    text = Path(info.value.path()).read_text()
    assert "input A,cost_per_error" in text and "difference,payback_months" in text

    done = next_computation(page, "quality")
    form.locator('[data-action="compare"]').click()  # stop, then load the file back
    done()
    path = tmp_path / "both.json"
    path.write_text(json.dumps(saved))
    done = next_computation(page, "quality")
    form.locator('[data-role="scenario-file"]').set_input_files(str(path))
    done()
    assert form.get_attribute("data-comparing") is not None
    delta = compared_slots(form, "payback_months")[1]
    assert same(json.loads(delta.get_attribute("data-value")), both["delta"]["payback_months"])


def test_every_calculator_can_compare(joined_page, server):
    """The comparison is generic: each calculator pins A and shows a difference for every
    numeric result (none where a side is not a number)."""
    page = joined_page
    for calculator_id in PAGES:
        form = open_calculator(page, server, calculator_id)
        done = next_computation(page, calculator_id)
        form.locator('[data-action="compare"]').click()
        done()
        both = compare(calculator_id, {}, form_inputs(form))
        for key, delta in both["delta"].items():
            slot = compared_slots(form, key)[1]
            assert json.loads(slot.get_attribute("data-value")) == delta, (calculator_id, key)
