"""Fixtures shared by the site and browser tests: a loopback server on a free port, and one
build of the site per session, made for that server's address (Material's instant
navigation only works when the page's origin matches site_url)."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from build_site import build, make_runtime  # scripts/ is on pytest's pythonpath
from filelock import FileLock
from hypothesis import settings
from local_serving import serve

ROOT = Path(__file__).resolve().parents[1]

# Property tests: locally each run draws new examples (and replays the failures it kept);
# on CI (CI set) the examples are fixed, so a landing never turns on a lucky draw.
settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile("ci", settings.get_profile("default"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")


#: Folders whose tests are slow (a command, a browser, a build), slowest kind first.
SLOW_FIRST = ("tests/commands", "tests/engines", "tests/browser", "tests/site")


def pytest_collection_modifyitems(items):
    """The slow folders' tests first, in the order of SLOW_FIRST, the rest as collected:
    `make test`'s workers take whole files in this order, so that the quick files are left
    for the end and the two finish together, not one waiting on a slow file taken last."""

    def rank(item):
        path = Path(item.path).relative_to(ROOT).as_posix()
        return next((i for i, f in enumerate(SLOW_FIRST) if path.startswith(f + "/")), 99)

    items.sort(key=rank)  # stable: each folder's tests keep their order


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def site_httpd(site_dir):
    """A static server over the built site, on a free loopback port (its address in
    ``url``); its ``requests`` list keeps every request it answered."""
    httpd, url = serve(site_dir)
    httpd.url = url
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(site_httpd):
    """The base URL of the site's server."""
    return site_httpd.url


@pytest.fixture(scope="session")
def built_site(site_dir, server, tmp_path_factory):
    """The complete static site (runtime included), built as `make build` does it. The
    runtime in docs/runtime/ is prepared under a lock: with `make test`'s workers (xdist),
    one prepares it and the others find it up to date."""
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker
    with FileLock(shared / "prepare-runtime.lock"):
        make_runtime()
    log = build(site_dir, f"{server}/", prepare_runtime=False)
    return site_dir, log


@pytest.fixture(scope="session")
def rebuild(built_site):
    """Build another site from the same working tree, for another address: the runtime in
    docs/runtime/ is the one the session's build prepared."""
    return lambda site_dir, site_url: build(site_dir, site_url, prepare_runtime=False)


SUBPATH = "tune-or-prompt"


@pytest.fixture(scope="session")
def project_site(tmp_path_factory, rebuild):
    """The site as GitHub Pages serves a project site: built for and served at
    http://127.0.0.1:PORT/tune-or-prompt/, with its 404.html for any missing address.
    Gives its folder, the server's origin, the sub-path and the site's address."""
    root = tmp_path_factory.mktemp("pages")
    httpd, url = serve(root, not_found=f"{SUBPATH}/404.html")
    rebuild(root / SUBPATH, f"{url}/{SUBPATH}/")
    yield SimpleNamespace(
        folder=root / SUBPATH, origin=url, subpath=SUBPATH, url=f"{url}/{SUBPATH}/"
    )
    httpd.shutdown()
    httpd.server_close()
