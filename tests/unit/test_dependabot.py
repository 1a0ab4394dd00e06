"""Dependabot keeps every pin fresh (pip, npm, the workflows' actions), weekly, and the README
says how an update is checked and what one can need by hand."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".github" / "dependabot.yml"
#: Where each ecosystem's pins live, from the directory Dependabot is given.
PINS = {
    "pip": ["requirements.txt", "pyproject.toml"],
    "npm": ["package.json", "package-lock.json"],
    "github-actions": [".github/workflows/ci.yml", ".github/workflows/pages.yml"],
}


def updates():
    config = yaml.safe_load(CONFIG.read_text())
    assert config["version"] == 2
    return {update["package-ecosystem"]: update for update in config["updates"]}


def test_pip_npm_and_the_actions_are_updated_weekly_where_their_pins_are():
    found = updates()
    assert set(found) == set(PINS)
    for ecosystem, update in found.items():
        assert update["schedule"]["interval"] == "weekly", ecosystem
        folder = ROOT / update["directory"].lstrip("/")
        for name in PINS[ecosystem]:
            assert (folder / name).is_file(), f"{ecosystem}: no {name} in {update['directory']}"


def test_the_readme_says_how_an_update_is_checked_and_what_it_can_need_by_hand():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Keeping the pins fresh\n", 1)[1].split("\n## ", 1)[0]
    assert ".github/dependabot.yml" in section
    assert "make test" in section  # the check every update's pull request gets
    assert "make prices" in section  # a new genai-prices: the committed table regenerated
    assert "tests/unit/test_dependencies.py" in section  # Pyodide's, Workbox's, Material's
    makefile = (ROOT / "Makefile").read_text()
    assert "\nprices: " in makefile and "\ntest: " in makefile
