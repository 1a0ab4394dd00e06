"""Each build is one version: every page names its build, and the service worker of a new
build waits for the reader's Reload instead of taking over the open pages at once."""

import re

import pytest

from .html_page import SECTION_PAGES

pytestmark = pytest.mark.site


def test_every_page_names_its_build_as_the_shared_worker_does(built_site, pages):
    builds = set()
    for path in [*SECTION_PAGES, "404.html"]:
        (meta,) = pages(path).find("meta", name="tune-or-prompt-build")
        builds.add(meta["content"])
        for script in pages(path).find("script", data_worker_name=True):
            assert script["data-worker-name"] == f"tune-or-prompt-{meta['content']}"
    (build,) = builds
    assert re.fullmatch(r"[0-9a-f]{12}", build)


def test_a_new_service_worker_waits_for_the_message_the_notice_sends(built_site):
    site, _ = built_site
    worker = (site / "sw.js").read_text()
    # skipWaiting only in Workbox's listener for {type: "SKIP_WAITING"}, which
    # docs/javascripts/update-notice.mjs posts on Reload
    assert worker.count("skipWaiting()") == 1
    pattern = r'addEventListener\("message",.{0,120}"SKIP_WAITING".{0,40}skipWaiting\(\)'
    listener = re.search(pattern, worker)
    assert listener, "the waiting worker no longer takes over on the notice's message"
    notice = (site / "javascripts" / "update-notice.mjs").read_text()
    assert 'postMessage({ type: "SKIP_WAITING" })' in notice
