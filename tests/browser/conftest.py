"""Browser fixtures: a static server on a free loopback port, Chromium through Playwright,
and pages that fail the test on any request to another origin or any page/console error.

The guide's Python worker is a shared worker in Chromium (one runtime for the tabs of a
browser context). Each test has a context of its own, but for those that take
``joined_page``: a page of a context the module's tests share, which joins the runtime
already running. Playwright neither routes nor reports a shared worker's own requests, so
tests that block or count the runtime's downloads, or that need a page to start a runtime
of its own, are marked ``dedicated_worker``: their pages see no SharedWorker and start the
dedicated worker other browsers get. Host names other than the loopback do not resolve in
this browser, so a request that the guard cannot see still cannot leave the machine."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from local_serving import CHROMIUM_ARGS, chromium_path

from .helpers import Guard, guarded_context, watch

playwright_api = pytest.importorskip("playwright.sync_api")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as p:
        args = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
        browser = p.chromium.launch(executable_path=chromium_path(), args=args)
        yield browser
        browser.close()


@pytest.fixture
def guard(server, built_site):
    return Guard(server)


@pytest.fixture
def service_workers():
    """Blocked unless a test asks for them: a precache download would skew the others."""
    return "block"


@pytest.fixture
def context(browser, guard, service_workers, request):
    dedicated = bool(request.node.get_closest_marker("dedicated_worker"))
    context = guarded_context(browser, guard, service_workers=service_workers, dedicated=dedicated)
    yield context
    context.close()


@pytest.fixture
def page(context, guard):
    page = context.new_page()
    watch(page, guard)
    yield page
    guard.check()


@pytest.fixture(scope="module")
def shared_context(browser, server, built_site):
    """One browser context for the tests of a module that need none of their own (no routes,
    permissions or stored state they depend on): the first of them starts the Python
    runtime, and the others' pages join it running, as a reader's later tabs do."""
    holder = SimpleNamespace(guard=None)  # each test's page sets the guard of its own
    holder.route = lambda route: holder.guard.route(route)
    holder.context = context = guarded_context(browser, holder)
    yield holder
    context.close()


@pytest.fixture
def joined_page(shared_context, server):
    """A page of the module's shared context (shared_context), with a guard of its own.
    What the test stored in the origin's localStorage (the reader's currency setting) is
    cleared afterwards, so that the next test's page starts as a new reader's would: from a
    document of the origin that runs no script (the sitemap), so that no reply still on its
    way to the test's page can store a setting again after the clearing."""
    shared_context.guard = guard = Guard(server)
    page = shared_context.context.new_page()
    watch(page, guard)
    yield page
    if page.url.startswith(server):
        page.goto(f"{server}/sitemap.xml")
        page.evaluate("() => localStorage.clear()")
    page.close()
    guard.check()
