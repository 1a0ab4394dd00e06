"""The model price table: regenerated from the pinned genai-prices, it is what is committed;
its rules hold row by row; presets fill boxes in the reader's currency."""

import re
from pathlib import Path

import make_prices
import pytest

from calculator import InputError, price_table, prices

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_table_is_what_the_pinned_package_gives():
    assert make_prices.render() == make_prices.TABLE.read_text(), "run make prices"


def test_the_table_names_the_pinned_version():
    pin = re.search(r"^genai-prices==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pin, "genai-prices is pinned in requirements.txt"
    assert f"genai-prices {pin.group(1)}" == prices.SOURCE
    assert f'"genai-prices=={pin.group(1)}"' in (ROOT / "pyproject.toml").read_text()


def test_the_date_is_kept_with_the_same_pin_and_renewed_with_another(monkeypatch):
    assert f'AS_OF = "{prices.AS_OF}"' in make_prices.render()
    monkeypatch.setattr(make_prices, "committed", lambda: ("genai-prices 0.0.1", "2020-01-01"))
    today = make_prices.dt.date.today().isoformat()
    assert f'AS_OF = "{today}"' in make_prices.render()


def test_every_row_is_a_text_model_with_prices_per_million_tokens():
    table = prices.models()
    assert len(table) == len(price_table.MODELS) > 1000
    assert len({m["id"] for m in table}) == len(table)
    for model in table:
        assert model["input"] >= 0 and model["output"] >= 0, model
        assert model["cache_read"] is None or model["cache_read"] >= 0, model
        assert model["fine_tuned"] == ("ft:" in model["model"] or ".ft-" in model["model"])
        assert model["provider_name"]


def test_a_conditional_price_is_the_one_the_package_applies_on_the_tables_date():
    """The package's own choice for a request on the table's date, read below the lowest
    tier; models with time-of-day prices are left to the rule (the list price)."""
    import datetime as dt

    from genai_prices.data import providers
    from genai_prices.types import TieredPrices, TimeOfDateConstraint

    noon = dt.datetime.fromisoformat(f"{prices.AS_OF}T12:00:00+00:00")
    checked = tiered = 0
    for provider in providers:
        for model in provider.models:
            row = prices.find(f"{provider.id}/{model.id}")
            if row is None or not isinstance(model.prices, list):
                continue
            if any(isinstance(c.constraint, TimeOfDateConstraint) for c in model.prices):
                continue
            price = model.get_prices(noon).input_mtok
            if isinstance(price, TieredPrices):
                price, tiered = price.base, tiered + 1
            assert float(price) == row["input"], row["id"]
            checked += 1
    assert checked > 10 and tiered > 0


def test_find_splits_at_the_first_slash():
    model = prices.find("together/meta-llama/Llama-3-8b-chat-hf")
    assert (model["provider"], model["model"]) == ("together", "meta-llama/Llama-3-8b-chat-hf")
    assert prices.find("together") is None
    assert prices.find("/gpt-4o") is None


def test_a_fine_tuned_preset_lists_the_fine_tuned_variants_first():
    listed = prices.listed(fine_tuned_first=True)
    variants = [m for m in prices.models() if m["fine_tuned"]]
    assert variants and listed[: len(variants)] == variants
    assert len(listed) == len(variants) + len(prices.models())


def test_a_preset_fills_its_boxes_in_the_readers_currency():
    preset = prices.Preset(key="ft", label="Fine-tuned", fields={"input": "a", "output": "b"})
    values, notes = prices.fill(preset, "openai/ft:gpt-4o", rate=0.92)
    assert values == {"a": 3.45, "b": 13.8} and notes == []


def test_an_unknown_model_is_refused_with_its_name():
    preset = prices.Preset(key="pe", label="Prompted model", fields={"input": "a"})
    with pytest.raises(InputError) as err:
        prices.fill(preset, "acme/<script>")
    assert err.value.field == "pe" and "'acme/<script>'" in err.value.reason
