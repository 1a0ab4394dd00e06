"""The same sources build with Zensical, the successor Material for MkDocs names, with every
calculator pre-rendered: the guide is not tied to MkDocs (no MkDocs hooks, only Markdown
extensions and plain scripts)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import CALCULATORS

from .html_page import Page

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("calculator", "guide", "docs", "overrides", "mkdocs.yml")


def test_zensical_builds_the_same_sources_with_every_calculator_prerendered(tmp_path):
    zensical = Path(sys.executable).with_name("zensical")
    assert zensical.exists(), "zensical is pinned in the test requirements"
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("runtime"))
        else:
            shutil.copy2(source, tmp_path / name)
    # Zensical, unlike MkDocs, does not put the config's folder on the import path.
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "SITE_URL": "http://127.0.0.1:8000/"}
    done = subprocess.run(
        [str(zensical), "build", "--strict"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = tmp_path / "site"
    for calc in CALCULATORS.values():
        page = Page((site / calc.path / "index.html").read_text(encoding="utf-8"))
        form = next(page.find("form", data_calculator=calc.id))
        assert form["data-status"] == "static"
        shown = {a["data-output"] for a in page.find(data_output=True, __form=calc.id)}
        assert shown == {o.key for o in calc.outputs}, calc.id
    assert (site / "404.html").exists()
