"""The command line: list, compute, JSON, errors."""

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import CALCULATORS
from calculator.__main__ import main


def test_lists_every_calculator(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for cid in CALCULATORS:
        assert cid in out


def test_prints_a_table(capsys):
    assert main(["overview"]) == 0
    out = capsys.readouterr().out
    assert "$751,500" in out and "$252,100" in out and "never" in out


def test_prints_json_with_set_values(capsys):
    assert main(["initial_investment", "--set", "range_position=0", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ft_total"] == 75_000


def test_bad_input_exits_2_with_the_field_named(capsys):
    assert main(["quality", "--set", "pe_accuracy=2"]) == 2
    assert "pe_accuracy" in capsys.readouterr().err


def test_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "calculator", "takeaways"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Within the claimed 3–5×" in done.stdout


def test_lists_the_price_table_by_search_and_provider(capsys):
    assert main(["prices", "--search", "GPT-4o-MINI", "--provider", "OpenAI"]) == 0
    out = capsys.readouterr().out
    assert "openai/gpt-4o-mini " in out and "$0.15 / $0.60 / $0.075" in out
    assert "openai/ft:gpt-4o-mini" in out and "(fine-tuned)" in out
    assert "anthropic/" not in out
    assert "Prices: genai-prices " in out and "Check your provider's page" in out


def test_search_and_provider_belong_to_the_price_list(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["overview", "--search", "gpt"])
    assert exit.value.code == 2
    assert "--search and --provider go with 'prices'" in capsys.readouterr().err


def test_a_preset_fills_prices_and_set_values_win(capsys):
    args = ["prompt_tax", "--preset", "pe=anthropic/claude-sonnet-4-5", "--json"]
    assert main([*args, "--preset", "ft=openai/ft:gpt-4o", "--set", "pe_output_price=12"]) == 0
    used = json.loads(capsys.readouterr().out)["inputs"]
    assert (used["pe_input_price"], used["pe_output_price"], used["pe_cached_input_price"]) == (
        3.0,
        12.0,
        0.3,
    )
    assert (used["ft_input_price"], used["ft_cached_input_price"]) == (3.75, None)


def test_a_preset_is_converted_at_the_exchange_rate_set(capsys):
    args = ["prompt_tax", "--preset", "pe=openai/gpt-4o", "--set", "exchange_rate=0.92"]
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["inputs"]["pe_input_price"] == 2.3


def test_the_text_output_says_where_preset_prices_come_from(capsys):
    assert main(["prompt_tax", "--preset", "ft=openai/ft:gpt-4o"]) == 0
    out = capsys.readouterr().out
    assert "ft:gpt-4o has no cache-read price" in out and "Prices: genai-prices" in out


@pytest.mark.parametrize(
    ("preset", "named"),
    [("pe=openai/gpt-9", "'openai/gpt-9'"), ("xx=openai/gpt-4o", "xx"), ("pe", "KEY=")],
)
def test_an_unknown_preset_or_model_exits_2_naming_it(capsys, preset, named):
    try:
        code = main(["prompt_tax", "--preset", preset])
    except SystemExit as exit:  # argparse refuses a malformed argument
        code = exit.code
    assert code == 2
    assert named in capsys.readouterr().err


def readme_cli_commands():
    """The command lines of the README that run the model's command line."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    return re.findall(r"^    \.venv/bin/python -m calculator(.*)$", readme, re.MULTILINE)


@pytest.mark.parametrize("args", readme_cli_commands())
def test_every_command_line_in_the_readme_runs(args):
    done = subprocess.run(
        [sys.executable, "-m", "calculator", *shlex.split(args, comments=True)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


def test_the_readme_shows_the_price_commands():
    shown = " ".join(readme_cli_commands())
    assert "prices --search" in shown and "--preset pe=" in shown
