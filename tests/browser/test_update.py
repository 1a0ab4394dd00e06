"""A new build: every open page of the guide says so, with a Reload that shows the new build
at once (inputs kept); until then an old page keeps to its own build, and afterwards the
browser's storage holds the new build only.

Two real builds for one address: the project as it is, and a copy whose cost model differs
(so the wheel, and the runtime's content-addressed folder, differ too). The test server
serves the first, then the second, without the first's runtime folder, as a deploy to
GitHub Pages does."""

import json
import os
import re
import shutil
import subprocess
import sys
import time

import pytest
from build_site import ROOT, build
from local_serving import SNAPSHOTS, serve

from .helpers import (
    COPY,
    FORM,
    Guard,
    assert_matches_cpython,
    form_inputs,
    guarded_context,
    next_computation,
    same,
    wait_until_live,
    wait_until_offline_ready,
)

MiB = 1024 * 1024
NOTICE = ".tp-update"
BUILD = "() => document.querySelector('meta[name=tune-or-prompt-build]')?.content"
#: The new build's cost model: the article's range for data preparation, 10k-50k, widened.
ITEM = '"Data preparation and labelling",\n        "fine_tuning",\n        "initial",\n        '
MODEL_CHANGE = (f"{ITEM}10_000,\n        50_000,", f"{ITEM}10_000,\n        70_000,")
SOURCES = ("calculator", "guide", "overrides", "scripts", "docs", "mkdocs.yml", "pyproject.toml")


def changed_project(target):
    """A copy of the project's sources with the changed cost model."""
    target.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "runtime")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    shutil.copy2(ROOT / "README.md", target / "README.md")  # the wheel's description
    (target / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    figures = target / "calculator" / "figures.py"
    old, new = MODEL_CHANGE
    assert figures.read_text().count(old) == 1
    figures.write_text(figures.read_text().replace(old, new))
    return target


@pytest.fixture
def two_builds(tmp_path):
    """(address, switch, project of the second build): the first build served at the
    address until ``switch()`` serves the second in its place."""
    live = tmp_path / "live"
    httpd, url = serve(live)
    project = changed_project(tmp_path / "changed")
    log = tmp_path / "two.log"
    with log.open("w") as out:  # the second build runs while the first is made
        second = subprocess.Popen(
            [sys.executable, "scripts/build_site.py", "--site-dir", tmp_path / "two",
             "--site-url", f"{url}/"],
            cwd=project, env={**os.environ, "PYTHONPATH": str(project)},
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        build(tmp_path / "one", f"{url}/")
        assert second.wait() == 0, log.read_text()
    later = time.time() + 1  # newer than anything of the first build, to the second
    for path in (tmp_path / "two").rglob("*"):
        os.utime(path, (later, later))
    live.symlink_to(tmp_path / "one")

    def switch():
        swap = tmp_path / "swap"
        swap.symlink_to(tmp_path / "two")
        os.replace(swap, live)

    yield url, switch, project
    httpd.shutdown()
    httpd.server_close()


def new_model(project, calculator_id, inputs):
    """What the second build's cost model computes, on CPython."""
    sets = [item for key, value in inputs.items() for item in ("--set", f"{key}={value}")]
    done = subprocess.run(
        [sys.executable, "-m", "calculator", calculator_id, *sets, "--json"],
        cwd=project, env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def assert_shows(form, expected):
    """Every number the form shows as a value is the one expected."""
    shown = form.evaluate(
        """form => Object.fromEntries(Array.from(form.querySelectorAll('[data-output][data-value]'))
             .map(e => [e.dataset.output, e.dataset.value]))"""
    )
    numbers = {k: v for k, v in expected.items() if isinstance(v, int | float)}
    assert numbers and set(numbers) <= set(shown)
    for key, value in numbers.items():
        assert same(json.loads(shown[key]), value), (key, shown[key], value)


def open_page(context, guard):
    page = context.new_page()
    page.on("pageerror", lambda err: guard.page_errors.append(str(err)))
    page.on("console", lambda m: guard.console_errors.append(m.text) if m.type == "error" else None)
    page.set_default_timeout(60_000)
    return page


def go_to(page, title):
    page.locator(".md-nav--primary").get_by_role("link", name=title, exact=True).first.click()


def ready(page, calculator_id):
    wait_until_live(page, calculator_id)
    return page.locator(FORM.format(calculator_id))


def edit(page, calculator_id, field, value):
    done = next_computation(page, calculator_id)
    page.locator(FORM.format(calculator_id)).locator(f'[name="{field}"]').fill(value)
    done()
    page.wait_for_function("key => location.search.includes(key)", arg=f"{calculator_id}.{field}=")


def manifest(site):
    """The addresses the service worker of ``site`` keeps, as Workbox stores them."""
    entries = re.findall(r'\{url:"([^"]+)",revision:(?:"([0-9a-f]+)"|null)\}',
                         (site / "sw.js").read_text())  # fmt: skip
    assert entries
    return {url + (f"?__WB_REVISION__={rev}" if rev else "") for url, rev in entries}


def test_a_new_build_is_announced_and_never_mixed_with_the_old(browser, two_builds, tmp_path):
    url, switch, project = two_builds
    guard = Guard(url)
    context = guarded_context(browser, guard, service_workers="allow")
    # A reader with the guide open: a calculator page, its offline copy and snapshot made.
    a = open_page(context, guard)
    a.goto(f"{url}/?overview.horizon_months=24")
    ready(a, "overview")
    wait_until_offline_ready(a)
    a.wait_for_function(f"async () => (await ({SNAPSHOTS})()).length === 1", polling=200)
    old_build, old_copy, old_snapshot = a.evaluate(BUILD), a.evaluate(COPY), a.evaluate(SNAPSHOTS)
    (old_runtime,) = {m[1] for u in old_copy if (m := re.search(r"/runtime/(\w{12})/", u))}
    # ... and, in a browser without the offline copy, a page without a calculator.
    plain = guarded_context(browser, guard)
    c = open_page(plain, guard)
    c.goto(f"{url}/methodology/")

    switch()  # the new build is published; the old runtime folder is gone from the server
    assert not (tmp_path / "two" / "runtime" / old_runtime).exists()
    # Another page of the guide opens: the old build still, from the offline copy; it looks
    # for a newer one, and every open page says so.
    b = open_page(context, guard)
    b.goto(f"{url}/methodology/")
    for page in (a, b):
        page.wait_for_selector(f"{NOTICE} button", state="visible")
    notice = a.locator(NOTICE)
    assert notice.get_attribute("role") == "status"  # polite, not modal
    assert notice.locator("p").text_content() == "A newer version of this guide is available."
    assert notice.get_by_role("button", name="Reload").is_visible()
    assert b.evaluate(BUILD) == old_build

    # Before the reader reloads, the old page computes and navigates with the old build.
    edit(a, "overview", "horizon_months", "36")
    assert_matches_cpython(a.locator(FORM.format("overview")), "overview")
    loads = []
    a.on("load", lambda _: loads.append(a.url))
    go_to(a, "Initial investment")  # instant navigation, from the old offline copy
    form = ready(a, "initial_investment")
    assert a.evaluate(BUILD) == old_build and not loads
    assert_matches_cpython(form, "initial_investment")
    edit(a, "initial_investment", "range_position", "0.25")
    assert_matches_cpython(form, "initial_investment")
    assert a.locator(f"{NOTICE} button").is_visible(), "the notice stays on instant navigation"

    # Reload, from the keyboard: the new build at once, with the inputs in the address.
    a.locator(f"{NOTICE} button").focus()
    with a.expect_event("load"):
        a.keyboard.press("Enter")
    form = ready(a, "initial_investment")
    assert a.evaluate(BUILD) != old_build
    assert form_inputs(form)["range_position"] == "0.25"
    assert_shows(form, new_model(project, "initial_investment", {"range_position": 0.25}))
    assert a.locator(NOTICE).text_content() == ""

    # The other old page keeps the notice; its next navigation is a full load of the new build.
    assert b.locator(f"{NOTICE} button").is_visible()
    with b.expect_event("load"):
        go_to(b, "Overview")
    assert b.evaluate(BUILD) == a.evaluate(BUILD)
    assert_shows(ready(b, "overview"), new_model(project, "overview", {}))
    # An old page with no offline copy: instant navigation fetches a page of the new build,
    # which is then loaded in full, never bound to the old scripts.
    with c.expect_event("load"):
        go_to(c, "Initial investment")
    assert c.evaluate(BUILD) == a.evaluate(BUILD)
    assert_shows(ready(c, "initial_investment"), new_model(project, "initial_investment", {}))

    # Storage: the new build only, its runtime's snapshot in place of the old one.
    a.wait_for_function(
        f"async () => (await ({SNAPSHOTS})()).some(u => !u.includes('/{old_runtime}/'))",
        polling=200,
    )
    assert not [u for u in a.evaluate(SNAPSHOTS) if u in old_snapshot]
    copy = set(a.evaluate(COPY))
    assert copy == {f"{url}/{u}" for u in manifest(tmp_path / "two")}
    assert not [u for u in copy if f"/runtime/{old_runtime}/" in u]
    old_pages = {u for u in old_copy if ".html?" in u}
    assert old_pages - copy, "the pages changed with the model, and their old copies are gone"
    usage = a.evaluate("async () => (await navigator.storage.estimate()).usage")
    print(f"storage after the update: {usage / MiB:.1f} MB")
    assert usage < 40 * MiB
    # ... and serves the guide offline, the new runtime included.
    context.set_offline(True)
    b.goto(f"{url}/scalability/")
    ready(b, "scaling")
    plain.close()
    context.close()
    guard.check()
