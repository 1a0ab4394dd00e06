"""Offline: after one visit the service worker serves the whole guide, runtime included; the
offline copy fills from what the page downloaded, holds only what the guide uses, and a new
build replaces it."""

import re
import shutil
import subprocess

import pytest
from build_site import ROOT
from local_serving import serve

from .helpers import FORM, Guard, assert_matches_cpython, dedicated_workers, form_inputs

COPY = """async () => {
  const names = (await caches.keys()).filter(n => n.includes('-precache-'));
  const urls = [];
  for (const name of names) urls.push(...(await (await caches.open(name)).keys()).map(r => r.url));
  return urls;
}"""


@pytest.fixture
def service_workers():
    return "allow"


def wait_until_offline_ready(page):
    # installed = every file in the offline copy; clientsClaim makes it control this page
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", polling=200)


@pytest.mark.dedicated_worker  # a runtime starts offline
def test_the_guide_and_its_calculators_work_offline_after_one_visit(page, context, server):
    page.goto(f"{server}/performance-quality/")
    page.wait_for_selector('form[data-calculator=quality][data-status="ready"]')
    wait_until_offline_ready(page)

    context.set_offline(True)
    page.goto(f"{server}/hybrid/?hybrid.switch_month=3#when-to-switch")  # never visited
    page.wait_for_selector('form[data-calculator=hybrid][data-status="ready"]')
    form = page.locator(FORM.format("hybrid"))
    assert form_inputs(form)["switch_month"] == "3"
    assert_matches_cpython(form, "hybrid")


@pytest.mark.dedicated_worker  # counts the runtime's downloads
def test_a_first_visit_downloads_each_runtime_file_once(page, context, server):
    fetched = []
    context.on("request", lambda r: fetched.append(r.url) if "/runtime/" in r.url else None)
    page.goto(f"{server}/")
    page.wait_for_selector('form[data-calculator=overview][data-status="ready"]')
    wait_until_offline_ready(page)
    copy = page.evaluate(COPY)
    runtime_files = [u for u in copy if re.search(r"/runtime/[0-9a-f]{12}/", u)]
    assert {u.rsplit("/", 1)[1] for u in runtime_files} == {
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
        "tune_or_prompt-0.1.0-py3-none-any.whl",
    }
    big = [u for u in fetched if u.endswith((".wasm", ".zip", ".whl"))]
    assert len(big) == len(set(big)) == 3, big  # the service worker reused the worker's copies
    # only what the guide uses: no other search languages, no crawler files
    assert not [u for u in copy if "/lunr/" in u or u.endswith((".gz", ".map"))]


@pytest.fixture
def rebuilt_site(tmp_path, rebuild):
    httpd, url = serve(tmp_path)
    rebuild(tmp_path, f"{url}/")
    yield tmp_path, url
    httpd.shutdown()
    httpd.server_close()


def test_a_new_build_replaces_the_offline_copy(browser, rebuilt_site):
    site, url = rebuilt_site
    guard = Guard(url)
    context = browser.new_context(service_workers="allow")
    context.route("**/*", guard.route)
    dedicated_workers(context)  # the rebuild below keeps the pages, and so the worker's name
    page = context.new_page()
    page.goto(f"{url}/methodology/")
    page.goto(f"{url}/")
    page.wait_for_selector('form[data-calculator=overview][data-status="ready"]')
    wait_until_offline_ready(page)
    old = {u for u in page.evaluate(COPY) if "/runtime/" in u and u.endswith(".wasm")}

    # a new build: a page's text changes, and so does the runtime (a new folder)
    (old_hash,) = [p.name for p in (site / "runtime").iterdir() if p.is_dir()]
    new_hash = "f" * 12
    shutil.copytree(site / "runtime" / old_hash, site / "runtime" / new_hash)
    shutil.rmtree(site / "runtime" / old_hash)
    current = site / "runtime" / "current.mjs"
    current.write_text(current.read_text().replace(old_hash, new_hash))
    methodology = site / "methodology" / "index.html"
    methodology.write_text(methodology.read_text().replace("<h1", "<p>Rebuilt.</p><h1", 1))
    assert build_service_worker(site) == 0

    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    for _ in range(300):  # the new worker installs, activates and drops what it replaced
        copy = page.evaluate(COPY)
        if any(f"/runtime/{new_hash}/" in u for u in copy) and not any(
            f"/runtime/{old_hash}/" in u for u in copy
        ):
            break
        page.wait_for_timeout(200)
    else:
        raise AssertionError("the new runtime did not replace the old one in the offline copy")
    page.goto(f"{url}/methodology/")
    assert page.locator("text=Rebuilt.").count() == 1
    context.set_offline(True)
    page.goto(f"{url}/")  # the new copy serves the guide, runtime included
    page.wait_for_selector('form[data-calculator=overview][data-status="ready"]')
    assert old and not any(u in page.evaluate(COPY) for u in old)
    context.close()
    guard.check()


def build_service_worker(site):
    """Run the last build step again, as a new build would."""
    done = subprocess.run(
        ["node", "scripts/service-worker.mjs", str(site)], cwd=ROOT, capture_output=True
    )
    return done.returncode
