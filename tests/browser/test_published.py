"""The guide as GitHub Pages serves a project site: under a sub-path (/tune-or-prompt/),
with its own 404.html for any missing address, under a strict Content-Security-Policy."""

import re

import pytest

from .helpers import NAV_TITLES, Guard, guarded_context, wait_until_live


@pytest.fixture
def project_page(browser, project_site, request):
    guard = Guard(project_site.origin)
    dedicated = bool(request.node.get_closest_marker("dedicated_worker"))
    context = guarded_context(browser, guard, dedicated=dedicated)
    page = context.new_page()
    page.on("pageerror", lambda err: guard.page_errors.append(str(err)))
    page.on("console", lambda m: guard.console_errors.append(m.text) if m.type == "error" else None)
    page.set_default_timeout(60_000)
    page.guard = guard
    yield page
    context.close()
    guard.check()


@pytest.mark.dedicated_worker  # counts the page's workers and downloads
def test_calculators_go_live_under_a_sub_path_with_one_runtime_start(project_page, project_site):
    page = project_page
    workers, wasm = [], []
    page.on("worker", lambda w: workers.append(w.url) if "calc-worker" in w.url else None)
    page.on("request", lambda r: wasm.append(r.url) if r.url.endswith(".wasm") else None)
    page.goto(project_site.url)
    wait_until_live(page, "overview")
    for title, calculator_id in (
        ("Understanding the approaches", "prompt_tax"),
        ("Hybrid approaches", "hybrid"),
        ("Sovereign AI", "sovereign"),
    ):
        page.locator(".md-nav--primary").get_by_role("link", name=title, exact=True).first.click()
        wait_until_live(page, calculator_id)
        assert page.url.startswith(project_site.url)
    assert len(workers) == 1, "instant navigation kept one Python runtime"
    assert len(wasm) == 1
    assert all(f"/{project_site.subpath}/" in url for url in workers + wasm)


def test_a_missing_address_gets_the_guides_own_404_with_working_links(project_page, project_site):
    page = project_page
    page.guard.allow_console_errors = True  # the browser logs the 404 itself
    response = page.goto(f"{project_site.url}no/such/page/")
    assert response.status == 404
    assert all("404" in message for message in page.guard.console_errors)
    assert page.locator("h1").text_content() == "Page not found"
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(0, 105, 92)", "the theme's stylesheet and the guide's colours load"
    links = page.locator(".tp-sections a").evaluate_all("as => as.map(a => a.href)")
    assert len(links) == 11
    for link in links:
        assert link.startswith(project_site.url)
        assert page.request.get(link).status == 200, link
    assert page.locator(".md-search__input").count() == 1  # searchable


def test_the_policy_names_every_script_and_no_page_breaks_it(project_page, project_site):
    page = project_page
    page.add_init_script(
        """window.__violations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));"""
    )
    page.goto(project_site.url)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'sha256-" in script_src
    assert "connect-src 'self'" in policy and "default-src 'self'" in policy
    wait_until_live(page, "overview")
    assert len(NAV_TITLES) == 11
    for title in NAV_TITLES[1:]:
        page.locator(".md-nav--primary").get_by_role("link", name=title, exact=True).first.click()
        page.wait_for_function(
            "() => !document.querySelector('form[data-calculator][data-status=loading]')"
        )
    assert page.evaluate("window.__violations") == []
    page.guard.allow_console_errors = True  # the browser logs the 404 below itself
    for path in ("", "methodology/", "no/such/page/"):  # full loads too, 404 included
        page.goto(f"{project_site.url}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__violations") == [], path
